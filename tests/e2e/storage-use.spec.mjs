import { test, expect, run, seed } from "./fixtures.mjs";

/** Bytes of Restride's keys as the app counts them: UTF-16 code units × 2, keys included. */
async function restrideBytes(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("restride."))
      .reduce((sum, key) => sum + 2 * (key.length + localStorage.getItem(key).length), 0),
  );
}

const summary = (page) => page.getByText(/^Storage: .+ of about 5 MB used on this device$/);
const warning = (page) => page.locator(".storage-warning");

test("Settings shows the storage used, without a warning for a small history", async ({ page }) => {
  await seed(page, [run({ id: "r1" }), run({ id: "r2", date: "2026-11-21" })]);
  await page.goto("/settings");
  await expect(summary(page)).toHaveText("Storage: under 1 kB of about 5 MB used on this device");
  await expect(warning(page)).toHaveCount(0);
});

test("Settings warns when storage is 80 % full or more", async ({ page }) => {
  // 1,000 runs with notes at the form's 2,000-character limit: about 2.1 million
  // characters, 4.2 MB by the app's count (84 % of the assumed 5 MB).
  const note = "Long run by the river, then strides on the grass. ".repeat(40);
  const runs = Array.from({ length: 1000 }, (_, i) =>
    run({ id: `fill-${i}`, date: `20${10 + Math.floor(i / 300)}-0${1 + (i % 9)}-1${i % 10}`, notes: note }),
  );
  await seed(page, runs);
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
