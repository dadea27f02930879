import { test, expect, DATA_KEY, fillRun, localDate, run, seed, storedText } from "./fixtures.mjs";

test("a new runner lands on Today, is led to the log form, and navigation stays in the app", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await expect(page.getByText("Log your first run to see how loaded your body is")).toBeVisible();
  await expect(page.getByText("needs 28 days of history")).toBeVisible();
  await expect(page.getByText("Restride is not a medical device")).toHaveCount(1);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");

  await page.evaluate(() => (window.stillTheSamePage = true));
  await page.getByRole("main").getByRole("link", { name: "Log a run" }).click();
  await expect(page).toHaveURL(/\/log$/);
  await expect(page.getByRole("heading", { name: "Log a run" })).toBeVisible();
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(await localDate(page));
  await expect(nav.getByRole("link", { name: "Log run" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/history$/);
  expect(await page.evaluate(() => window.stillTheSamePage), "navigation stays in the app").toBe(true);
  await expect(page.getByText("No runs yet.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");

  // On a phone Chrome widens innerWidth to fit content that is too wide, so check both.
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  if (test.info().project.name === "phone") expect(innerWidth).toBe(360);
  expect(await storedText(page), "opening the app writes nothing").toBeNull();
});

test("a logged run appears in History and is still there after a reload", async ({ page }) => {
  await page.goto("/log");
  const today = await localDate(page);
  await fillRun(page, { distance: "10,5", duration: "5230", type: "tempo", rpe: 7, hr: "158", notes: "Windy <b>river</b> loop" });
  await expect(page.getByLabel(/^Distance/)).toHaveValue("10,5");
  await expect(page.getByText("Read as 52:30")).toBeVisible();
  await expect(page.getByText("Pace 5:00 /km")).toBeVisible(); // 3150 s over 10.5 km
  await expect(page.getByText("7 — Very hard")).toBeVisible();
  await page.getByText("Soreness (optional)").click();
  await page.getByLabel("Calves").fill("6");
  await expect(page.getByText("1 region")).toBeVisible();
  await page.getByRole("button", { name: "Save run" }).click();

  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole("status")).toContainText("Run saved.");
  const row = page.locator(".run-row").first();
  await expect(row).toContainText("10.50 km");
  await expect(row).toContainText("52:30");
  await expect(row).toContainText("Tempo");
  await expect(row).toContainText("RPE 7");
  await expect(row.locator(".run-notes")).toHaveText("Windy <b>river</b> loop");
  await expect(page.locator(".week-totals").first()).toHaveText("10.50 km · 52:30 · 1 run");

  await page.reload();
  await expect(page.locator(".run-row")).toHaveCount(1);
  await expect(page.locator(".run-row").first()).toContainText("10.50 km");

  const stored = JSON.parse(await storedText(page));
  expect(stored.version).toBe(3);
  expect(stored.runs).toHaveLength(1);
  expect(stored.runs[0]).toMatchObject({ date: today, distance_m: 10500, duration_s: 3150, type: "tempo", rpe: 7, avg_hr: 158, soreness: { calves: 6 } });
});
