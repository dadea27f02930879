import { test, expect, fillRun, storedText } from "./fixtures.mjs";

test("two open tabs each log a run: both runs survive and both tabs show them", async ({ page, context }) => {
  await page.goto("/log");
  await expect(page.getByRole("heading", { name: "Log a run" })).toBeVisible();
  const other = await context.newPage();
  await other.goto("/log");
  await expect(other.getByRole("heading", { name: "Log a run" })).toBeVisible();

  await fillRun(page, { distance: "5", duration: "25", rpe: 3 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".run-row")).toHaveCount(1);

  // The second tab was opened before the first run existed; it picks it up without a reload.
  await fillRun(other, { distance: "8", duration: "40", rpe: 5 });
  await other.getByRole("button", { name: "Save run" }).click();
  await expect(other.locator(".run-row")).toHaveCount(2);
  await expect(page.locator(".run-row")).toHaveCount(2);

  const stored = JSON.parse(await storedText(page));
  expect(stored.runs.map((r) => r.distance_m).sort()).toEqual([5000, 8000]);
  await other.close();
});

test("another tab writing records without this tab's run does not drop it: the merge is written back", async ({ page, context }) => {
  await page.goto("/log");
  await fillRun(page, { distance: "6", duration: "30", rpe: 3 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".run-row")).toHaveCount(1);
  // A tab that never saw that run writes what it holds: no runs at all.
  const other = await context.newPage();
  await other.goto("/");
  await other.evaluate(() => localStorage.setItem("restride.data", JSON.stringify({ version: 3, runs: [] })));
  // This tab merges (its run is not deleted there, only unknown) and writes the run back.
  await expect.poll(async () => JSON.parse(await storedText(page)).runs.map((r) => r.distance_m)).toEqual([6000]);
  await expect(page.locator(".run-row")).toHaveCount(1);
  await other.close();
});
