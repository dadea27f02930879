import { test, expect, run, seed, storedText } from "./fixtures.mjs";

test("a run opened from History can be edited, and the edit survives a reload", async ({ page }) => {
  await seed(page, [run({ id: "r1", date: "2026-11-20", distance_m: 8000, duration_s: 2400, notes: "first" })]);
  await page.getByRole("link", { name: "History" }).click();
  await page.locator(".run-row").first().click();
  await expect(page).toHaveURL(/\/runs\/r1$/);
  await expect(page.getByRole("heading", { name: "Edit run" })).toBeVisible();
  await expect(page.getByLabel(/^Distance/)).toHaveValue("8");
  await expect(page.getByLabel("Time (h:mm:ss)")).toHaveValue("40:00");
  await expect(page.getByRole("radio", { name: /^4:/ })).toBeChecked();

  await page.getByLabel(/^Distance/).fill("12");
  await page.getByLabel("Notes (optional)").fill("longer than planned");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(/\/history$/);
  await expect(page.locator(".run-row")).toHaveCount(1);
  await expect(page.locator(".run-row").first()).toContainText("12.00 km");
  await page.reload();
  await expect(page.locator(".run-row").first()).toContainText("12.00 km");
  await expect(page.locator(".run-row").first()).toContainText("longer than planned");
  const stored = JSON.parse(await storedText(page));
  expect(stored.runs).toEqual([expect.objectContaining({ id: "r1", distance_m: 12000, notes: "longer than planned" })]);
});

test("deleting a run can be undone, and an undone delete survives a reload", async ({ page }) => {
  await seed(page, [
    run({ id: "keep", date: "2026-11-18", distance_m: 5000 }),
    run({ id: "gone", date: "2026-11-20", distance_m: 7000 }),
  ]);
  await page.goto("/runs/gone");
  await page.getByRole("button", { name: "Delete run" }).click();

  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole("status")).toContainText("Run deleted.");
  await expect(page.locator(".run-row")).toHaveCount(1);
  expect(JSON.parse(await storedText(page)).runs.map((r) => r.id)).toEqual(["keep"]);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status")).toContainText("Run restored.");
  await expect(page.locator(".run-row")).toHaveCount(2);
  await page.reload();
  await expect(page.locator(".run-row")).toHaveCount(2);
  await expect(page.locator(".run-row").first()).toContainText("7.00 km");
});

test("a delete without Undo is permanent", async ({ page }) => {
  await seed(page, [run({ id: "gone" })]);
  await page.goto("/runs/gone");
  await page.getByRole("button", { name: "Delete run" }).click();
  await expect(page.getByText("No runs yet.")).toBeVisible();
  await page.getByRole("button", { name: "Dismiss message" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No runs yet.")).toBeVisible();
  await page.goto("/runs/gone");
  await expect(page.getByText("This run does not exist")).toBeVisible();
});
