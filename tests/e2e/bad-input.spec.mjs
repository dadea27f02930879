import { test, expect, fillRun, localDate, storedText } from "./fixtures.mjs";

const valid = { distance: "10", duration: "50:00", rpe: 4 };

// Each case: what is typed, the field whose message must appear, and words of the message.
const cases = [
  { name: "empty distance", fields: { ...valid, distance: "" }, field: "run-distance", message: "Enter the distance in km." },
  { name: "zero distance", fields: { ...valid, distance: "0" }, field: "run-distance", message: "more than 0" },
  { name: "negative distance", fields: { ...valid, distance: "-5" }, field: "run-distance", message: "no minus sign" },
  { name: "non-numeric distance", fields: { ...valid, distance: "ten" }, field: "run-distance", message: "as a number" },
  { name: "empty time", fields: { ...valid, duration: "" }, field: "run-duration", message: "Enter how long you ran" },
  { name: "zero time", fields: { ...valid, duration: "0:00" }, field: "run-duration", message: "more than 0" },
  { name: "non-numeric time", fields: { ...valid, duration: "fast" }, field: "run-duration", message: "h:mm:ss" },
  { name: "absurdly fast pace", fields: { ...valid, duration: "10:00" }, field: "run-duration", message: "faster than any world record" },
  { name: "absurdly slow pace", fields: { ...valid, distance: "1", duration: "2:00:00" }, field: "run-duration", message: "slower than walking" },
  { name: "heart rate too high", fields: { ...valid, hr: "250" }, field: "run-hr", message: "between 30 and 230" },
  { name: "heart rate too low", fields: { ...valid, hr: "20" }, field: "run-hr", message: "between 30 and 230" },
  { name: "no effort chosen", fields: { distance: "10", duration: "50:00" }, field: "rpe-1", message: "how hard the run felt" },
];

for (const c of cases) {
  test(`${c.name}: a message beside the field, nothing saved, nothing typed lost`, async ({ page }) => {
    await page.goto("/log");
    await fillRun(page, c.fields);
    await page.getByRole("button", { name: "Save run" }).click();

    const error = page.locator(`#${c.field}-error`);
    await expect(error).toContainText(c.message);
    if (c.field !== "rpe-1") {
      await expect(page.locator(`#${c.field}`)).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator(`#${c.field}`)).toHaveAttribute("aria-describedby", `${c.field}-error`);
      await expect(page.locator(`#${c.field}`)).toBeFocused();
    }
    await expect(page).toHaveURL(/\/log$/);
    expect(await storedText(page)).toBeNull();
    if (c.fields.distance) await expect(page.getByLabel(/^Distance/)).toHaveValue(c.fields.distance);
    if (c.fields.duration) await expect(page.getByLabel("Time (h:mm:ss)")).toHaveValue(c.fields.duration);
    if (c.fields.hr) await expect(page.getByLabel(/^Average heart rate/)).toHaveValue(c.fields.hr);
  });
}

test("a future date is refused and the message clears once it is fixed", async ({ page }) => {
  await page.goto("/log");
  const tomorrow = await localDate(page, 1);
  await fillRun(page, { ...valid, date: tomorrow });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator("#run-date-error")).toContainText("in the future");
  expect(await storedText(page)).toBeNull();

  await fillRun(page, { date: await localDate(page) });
  await expect(page.locator("#run-date-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page).toHaveURL(/\/history$/);
  expect(JSON.parse(await storedText(page)).runs).toHaveLength(1);
});

test("an empty form names every required field at once", async ({ page }) => {
  await page.goto("/log");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".field-error")).toHaveCount(3);
  await expect(page.locator("#run-distance-error")).toBeVisible();
  await expect(page.locator("#run-duration-error")).toBeVisible();
  await expect(page.locator("#rpe-1-error")).toBeVisible();
  expect(await storedText(page)).toBeNull();
});
