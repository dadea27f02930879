// Keeping the data safe where it lives: what was left out at start-up stays in view until
// the runner decides, and a quiet card asks for a backup when the browser may clear storage.
import { test, expect, DATA_KEY, downloadText, run, seed, storedText } from "./fixtures.mjs";

const keptKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("restride.unreadable.")));

test("records left out at start-up stay in view after a reload until downloaded or dropped", async ({ page }) => {
  const original = JSON.stringify({ version: 3, runs: [run({ id: "good" }), run({ id: "bad", date: "2026-11-21", distance_m: 0 })] });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DATA_KEY, original]);
  await page.reload();
  await page.getByRole("button", { name: "Continue with the data that could be read" }).click();

  // Announced on Today, and still there after a reload.
  const notice = page.getByRole("region", { name: "Some saved data was left out" });
  await expect(notice).toContainText("1 saved record could not be read and was left out");
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await expect(notice).toBeVisible();
  // Dismissed on Today: gone there for good, still listed in Settings.
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.locator(".today .card").first()).toBeVisible();
  await expect(notice).toHaveCount(0);

  await page.goto("/settings");
  const kept = page.locator(".kept-copies > li");
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText("saved run number 2: its distance is 0");
  const file = await downloadText(page, () => kept.getByRole("button", { name: "Download them" }).click());
  expect(file.name).toMatch(/^restride-left-out-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.text).toBe(original);
  // Dropping asks a second tap, then the copy is gone from storage and from the list.
  await kept.getByRole("button", { name: "Drop them for good" }).click();
  await expect(page.getByRole("alert")).toContainText("download it first");
  expect(await keptKeys(page)).toHaveLength(1);
  await kept.getByRole("button", { name: "Yes, drop them for good" }).click();
  await expect(kept).toHaveCount(0);
  expect(await keptKeys(page)).toEqual([]);
  // The readable data is untouched.
  expect(JSON.parse(await storedText(page)).runs.map((r) => r.id)).toEqual(["good"]);
});

test("a backup card after two weeks of changes in no backup; Back up now and Not now are remembered", async ({ page }) => {
  const now = Date.now();
  await page.clock.install({ time: now });
  await seed(page, [run({ id: "r1", date: "2026-11-01", updated_ms: now }), run({ id: "r2", date: "2026-11-02", updated_ms: now })]);
  const card = page.getByRole("region", { name: "Back up your runs" });
  await expect(page.locator(".tile").first()).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.locator(".last-backup")).toHaveText("No backup saved from this browser yet.");
  await expect(page.locator(".storage-kept")).toContainText("may clear Restride's storage");

  // Fifteen days on, nothing backed up: the card, with the runner's own numbers.
  await page.clock.setSystemTime(now + 15 * 86_400_000);
  await page.goto("/");
  await expect(card).toContainText("2 runs, massages and races have changed and no backup has been saved from this browser");
  await card.getByRole("button", { name: "Not now" }).click();
  await expect(card).toHaveCount(0);
  await page.reload();
  await expect(page.locator(".tile").first()).toBeVisible();
  await expect(card).toHaveCount(0);

  // Two weeks after "Not now" it is back; backing up clears it and records the date.
  await page.clock.setSystemTime(now + 30 * 86_400_000);
  await page.reload();
  await expect(card).toBeVisible();
  const file = await downloadText(page, () => card.getByRole("button", { name: "Back up now" }).click());
  expect(JSON.parse(file.text).runs).toHaveLength(2);
  await expect(card).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.locator(".last-backup")).toHaveText(/^Last backup: \w{3} \d{1,2} \w{3} \d{4}\.$/);
});

test("on a phone, a backup shared is recorded; one whose share sheet was cancelled is not", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the share sheet is offered on touch screens");
  await page.addInitScript(() => {
    navigator.canShare = () => true;
    navigator.share = () =>
      sessionStorage.getItem("share") === "cancel" ? Promise.reject(new DOMException("Share canceled", "AbortError")) : Promise.resolve();
  });
  const now = Date.now();
  await page.clock.install({ time: now });
  await seed(page, [run({ id: "r1", date: "2026-11-01", updated_ms: now })]);
  await page.clock.setSystemTime(now + 15 * 86_400_000);
  await page.evaluate(() => sessionStorage.setItem("share", "cancel"));
  await page.reload();
  const card = page.getByRole("region", { name: "Back up your runs" });
  await card.getByRole("button", { name: "Back up now" }).click();
  // Cancelled: still no backup, and the card stays.
  await page.waitForTimeout(300);
  await expect(card).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("restride.last_backup"))).toBeNull();
  await page.evaluate(() => sessionStorage.setItem("share", "ok"));
  await card.getByRole("button", { name: "Back up now" }).click();
  await expect(card).toHaveCount(0);
  expect(Number(await page.evaluate(() => localStorage.getItem("restride.last_backup")))).toBeGreaterThan(now);
});
