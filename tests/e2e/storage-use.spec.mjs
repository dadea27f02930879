import { test, expect, run, seed } from "./fixtures.mjs";

/**
 * Bytes of Restride's keys and values as Safari counts them, the strictest engine: one per
 * character when all are Latin-1, else two per UTF-16 unit.
 */
async function restrideBytes(page) {
  return page.evaluate(() => {
    const bytes = (text) => text.length * ([...text].every((c) => c.codePointAt(0) <= 0xff) ? 1 : 2);
    return Object.keys(localStorage)
      .filter((key) => key.startsWith("restride."))
      .reduce((sum, key) => sum + bytes(key) + bytes(localStorage.getItem(key)), 0);
  });
}

/** 1,000 runs, each with a note of about 2,000 characters (the form's limit). */
const runsWithNotes = (sentence) =>
  Array.from({ length: 1000 }, (_, i) =>
    run({ id: `fill-${i}`, date: `20${10 + Math.floor(i / 300)}-0${1 + (i % 9)}-1${i % 10}`, notes: sentence.repeat(39) }),
  );

const summary = (page) => page.getByText(/^Storage: .+ of about 5 MB used on this device$/);
const warning = (page) => page.locator(".storage-warning");

test("Settings shows the storage used, without a warning for a small history", async ({ page }) => {
  await seed(page, [run({ id: "r1" }), run({ id: "r2", date: "2026-11-21" })]);
  await page.goto("/settings");
  const bytes = await restrideBytes(page);
  expect(bytes).toBeLessThan(3000);
  const shown = bytes < 1000 ? "under 1 kB" : `${Math.floor((bytes + 500) / 1000)} kB`;
  await expect(summary(page)).toHaveText(`Storage: ${shown} of about 5 MB used on this device`);
  await expect(warning(page)).toHaveCount(0);
});

test("Latin-1 text counts a byte a character: 1,000 long notes are about 2.1 MB, no warning", async ({ page }) => {
  await seed(page, runsWithNotes("Long run by the river, then strides on the grass. "));
  await page.goto("/settings");

  const bytes = await restrideBytes(page);
  const characters = await page.evaluate(() => localStorage.getItem("restride.data").length);
  expect(bytes).toBeGreaterThan(characters);
  expect(bytes).toBeLessThan(characters + 1_000);
  await expect(summary(page)).toHaveText(`Storage: ${(bytes / 1_000_000).toFixed(1)} MB of about 5 MB used on this device`);
  await expect(warning(page)).toHaveCount(0);
});

test("Settings warns when storage is 80 % full or more", async ({ page }) => {
  // The same history with a dash beyond Latin-1 in every note: Safari then counts two
  // bytes a character, about 4.2 MB (84 % of the assumed 5 MB).
  await seed(page, runsWithNotes("Long run by the river — then strides on the grass. "));
  await page.goto("/settings");

  const bytes = await restrideBytes(page);
  expect(bytes).toBeGreaterThanOrEqual(4_000_000);
  const megabytes = (bytes / 1_000_000).toFixed(1);
  const percent = Math.floor((bytes * 100) / 5_000_000);
  expect(percent).toBeLessThan(100);
  await expect(summary(page)).toHaveText(`Storage: ${megabytes} MB of about 5 MB used on this device`);
  await expect(warning(page)).toBeVisible();
  await expect(warning(page)).toContainText(`Storage is nearly full: ${percent} % of about 5 MB used.`);
  await expect(warning(page)).toContainText("Deleting old runs in History frees space.");
});
