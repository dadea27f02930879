import { test, expect, DATA_KEY, fillRun, run, seed, storedText } from "./fixtures.mjs";

test("miles apply to the form, History and what is stored", async ({ page }) => {
  await seed(page, [run({ id: "r1", distance_m: 10000, duration_s: 3000 })]);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Miles (mi)").check();
  await page.getByRole("link", { name: "History" }).click();
  // 10 km = 6.2137 mi; 3000 s / 6.2137 mi = 482.8 s → 8:03 /mi.
  await expect(page.locator(".run-row").first()).toContainText("6.21 mi");
  await expect(page.locator(".run-row").first()).toContainText("8:03 /mi");

  await page.getByRole("link", { name: "Log run" }).click();
  await expect(page.getByLabel("Distance (mi)")).toBeVisible();
  await fillRun(page, { distance: "3.1", duration: "25:00", rpe: 3 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".week-totals").first()).toContainText("3.10 mi");

  await page.reload();
  await expect(page.locator(".run-row").first()).toContainText("3.10 mi");
  const stored = JSON.parse(await storedText(page));
  expect(stored.settings.unit).toBe("mi");
  expect(stored.runs.find((r) => r.id !== "r1").distance_m).toBe(4989); // 3.1 × 1609.344
});

test("the week start setting regroups History", async ({ page }) => {
  // Saturday 21, Sunday 22 and Monday 23 November 2026.
  await seed(page, [
    run({ id: "sat", date: "2026-11-21" }),
    run({ id: "sun", date: "2026-11-22" }),
    run({ id: "mon", date: "2026-11-23" }),
  ]);
  await page.goto("/history");
  await expect(page.locator(".week h2")).toHaveText(["23 Nov – 29 Nov 2026", "16 Nov – 22 Nov 2026"]);
  await page.goto("/settings");
  await page.getByLabel("Sunday").check();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.locator(".week h2")).toHaveText(["22 Nov – 28 Nov 2026", "15 Nov – 21 Nov 2026"]);
  await expect(page.locator(".week-totals").first()).toContainText("2 runs");
});

test("unreadable stored data is kept, explained, and never overwritten", async ({ page }) => {
  const broken = '{"version":1,"runs":[{"id":"x","distance_m":';
  await page.goto("/");
  // The app reads storage once when it starts; let that happen before the value changes.
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, broken]);
  await page.reload();

  await expect(page.getByRole("heading", { name: "Your saved data needs attention" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Your saved runs could not be read");
  expect(await storedText(page), "reading must not rewrite the text").toBe(broken);
  await page.getByRole("button", { name: "Start fresh (the saved copy stays)" }).click();
  await page.getByRole("link", { name: "Log run" }).click();
  const copies = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("restride.unreadable.")).map((k) => localStorage.getItem(k)),
  );
  expect(copies).toEqual([broken]);

  // Logging a run still works; the copy of the unreadable text stays.
  await fillRun(page, { distance: "5", duration: "30", rpe: 3 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".run-row")).toHaveCount(1);
  const after = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("restride.unreadable.")).map((k) => localStorage.getItem(k)),
  );
  expect(after).toEqual([broken]);
});

test("data in the older format loads, and its text is kept aside before it is rewritten", async ({ page }) => {
  const v1 = JSON.stringify({
    version: 1,
    settings: { unit: "mi", week_start: "sunday" },
    runs: [{ id: "old1", date: "2026-11-20", distance_m: 16093, duration_s: 4800, type: "long", rpe: 5 }],
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, v1]);
  await page.reload();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.locator(".run-row")).toHaveCount(1);
  await expect(page.locator(".run-row").first()).toContainText("10.00 mi");
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("restride.backup.v1.")).map((k) => localStorage.getItem(k)),
  );
  expect(backups, "the version 1 text, byte for byte").toEqual([v1]);
  const stored = JSON.parse(await storedText(page));
  expect(stored.version).toBe(3);
  expect(stored.settings.unit).toBe("mi");
  expect(stored.runs).toEqual(JSON.parse(v1).runs);
});

test("a version 2 text (before bookings) loads whole, and is kept aside before it is rewritten", async ({ page }) => {
  const v2 = JSON.stringify({
    version: 2,
    settings: { unit: "km", week_start: "monday" },
    runs: [{ id: "r2", date: "2026-11-20", distance_m: 10000, duration_s: 3000, type: "easy", rpe: 4 }],
    massages: [{ id: "m2", date: "2026-11-21", kind: "professional", minutes: 60, deep: true }],
    races: [],
    reminders: { "hard:r2": { state: "dismissed", on: "2026-11-21" } },
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, v2]);
  await page.reload();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.locator(".run-row")).toHaveCount(2);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("restride.backup.v2.")).map((k) => localStorage.getItem(k)),
  );
  expect(backups, "the version 2 text, byte for byte").toEqual([v2]);
  const stored = JSON.parse(await storedText(page));
  expect(stored.version).toBe(3);
  expect(stored.massages.map((m) => m.id)).toEqual(["m2"]);
  expect(stored.reminders).toEqual(JSON.parse(v2).reminders);
  expect(stored.booking).toBeUndefined();
});

test("data from a newer version is not touched", async ({ page }) => {
  const newer = JSON.stringify({ version: 99, runs: [] });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, newer]);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("newer version of Restride");
  expect(await storedText(page)).toBe(newer);
});

test("the whole form works from the keyboard alone", async ({ page }) => {
  await page.goto("/log");
  await page.getByLabel(/^Distance/).focus();
  await page.keyboard.type("8");
  await page.keyboard.press("Tab");
  await page.keyboard.type("40:00");
  await page.keyboard.press("Tab"); // type select
  await page.keyboard.press("Tab"); // first effort radio
  await page.keyboard.press("ArrowRight"); // moves to 2 and checks it
  await page.keyboard.press("ArrowRight"); // 3
  await expect(page.getByRole("radio", { name: /^3:/ })).toBeChecked();
  // Heart rate, elevation, the soreness toggle, notes, then the Save button.
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save run" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.locator(".run-row").first()).toContainText("8.00 km");
  await expect(page.locator(".run-row").first()).toContainText("RPE 3");
});
