// Data that is never lost: the recovery screen, records set aside, export, full storage
// and two tabs editing different records.
import { test, expect, DATA_KEY, downloadText, fillRun, run, seed, storedText } from "./fixtures.mjs";

async function putRaw(page, text) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DATA_KEY, text]);
  await page.reload();
}

test("corrupt stored data opens the recovery screen; the download is the text as it was", async ({ page }) => {
  const broken = '{"version":2,"runs":[{"id":"x","distance_m":';
  await putRaw(page, broken);
  await expect(page.getByRole("heading", { name: "Your saved data needs attention" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("not valid JSON");
  // The app's pages wait behind the recovery screen, whatever the route.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Your saved data needs attention" })).toBeVisible();

  const { name, text } = await downloadText(page, () => page.getByRole("button", { name: "Download the saved data" }).click());
  expect(name).toMatch(/^restride-saved-data-\d{4}-\d{2}-\d{2}\.json$/);
  expect(text).toBe(broken);
  expect(await storedText(page), "nothing overwritten").toBe(broken);

  await page.getByRole("button", { name: "Start fresh (the saved copy stays)" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  // Starting fresh writes an empty journal: the screen does not come back, the copy stays.
  await expect.poll(async () => JSON.parse((await storedText(page)) ?? "null")?.version).toBe(3);
  await page.reload();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your saved data needs attention" })).toHaveCount(0);
  const copies = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("restride.unreadable.")).map((k) => localStorage.getItem(k)),
  );
  expect(copies).toEqual([broken]);
});

test("an invalid record is set aside and listed; the rest loads and the original is kept", async ({ page }) => {
  const good = run({ id: "good", date: "2026-11-20" });
  const bad = run({ id: "bad", date: "2026-11-21", distance_m: 0 });
  const original = JSON.stringify({ version: 2, runs: [good, bad] });
  await putRaw(page, original);
  await expect(page.getByRole("heading", { name: "Your saved data needs attention" })).toBeVisible();
  await expect(page.locator(".set-aside li")).toHaveText(["saved run number 2: its distance is 0"]);
  await page.getByRole("button", { name: "Continue with the data that could be read" }).click();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.locator(".run-row")).toHaveCount(1);
  // The text with the bad record is kept byte for byte; storage now holds the readable part.
  const copies = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("restride.unreadable.")).map((k) => localStorage.getItem(k)),
  );
  expect(copies).toEqual([original]);
  expect(JSON.parse(await storedText(page)).runs.map((r) => r.id)).toEqual(["good"]);
});

test("backup and CSV exports carry the date and everything stored", async ({ page }) => {
  await seed(page, [run({ id: "r1", notes: "Hilly, \"windy\"" }), run({ id: "r2", date: "2026-11-22", distance_m: 21100 })]);
  await page.goto("/settings");
  const backup = await downloadText(page, () => page.getByRole("button", { name: "Back up everything (JSON)" }).click());
  expect(backup.name).toMatch(/^restride-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(backup.text);
  expect(saved.version).toBe(3);
  expect(saved.runs).toEqual(JSON.parse(await storedText(page)).runs);
  expect(saved.settings).toMatchObject({ unit: "km", week_start: "monday", notifications: false });
  const csv = await downloadText(page, () => page.getByRole("button", { name: "Export runs (CSV)" }).click());
  expect(csv.name).toMatch(/^restride-runs-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.trim().split("\n");
  expect(lines[0]).toBe("date,start_time,type,distance_km,duration_s,duration,rpe,avg_hr,elevation_gain_m,soreness,notes");
  expect(lines[1]).toBe('2026-11-20,,easy,10.000,3000,50:00,4,,,,"Hilly, ""windy"""');
  expect(lines[2]).toBe("2026-11-22,,easy,21.100,3000,50:00,4,,,,");
});

test("full storage: a banner, the run stays on the page, export still works", async ({ page }) => {
  await page.goto("/log");
  await expect(page.getByRole("heading", { name: "Log a run" })).toBeVisible();
  // Fill localStorage to its quota with another key of this origin.
  await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler.${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await fillRun(page, { distance: "7", duration: "35", rpe: 4 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByRole("alert")).toContainText("Couldn't save to this browser's storage");
  // No "Run saved." under that banner: the toast says it was not saved.
  await expect(page.getByRole("status")).toContainText("not saved to this browser's storage");
  await expect(page.getByRole("status")).not.toContainText("Run saved.");
  await expect(page.locator(".run-row")).toHaveCount(1);
  const backup = await downloadText(page, () => page.getByRole("button", { name: "Back up everything now" }).click());
  expect(JSON.parse(backup.text).runs.map((r) => r.distance_m)).toEqual([7000]);
  // Room again: the next change saves everything, and the banner goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler.")).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole("link", { name: "Log run" }).click();
  await fillRun(page, { distance: "3", duration: "20", rpe: 2 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(JSON.parse(await storedText(page)).runs.map((r) => r.distance_m).sort()).toEqual([3000, 7000]);
});

test("two tabs edit different runs and delete another: every change survives in both", async ({ page, context }) => {
  await seed(page, [run({ id: "a", date: "2026-11-18" }), run({ id: "b", date: "2026-11-19" }), run({ id: "c", date: "2026-11-20" })]);
  const other = await context.newPage();
  await other.goto("/runs/b");
  await page.goto("/runs/a");
  await expect(page.getByRole("heading", { name: "Edit run" })).toBeVisible();
  await expect(other.getByRole("heading", { name: "Edit run" })).toBeVisible();

  await fillRun(page, { distance: "11" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  // The other tab's form was opened before that save; its own edit must not undo it.
  await fillRun(other, { distance: "12" });
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("heading", { name: "History" })).toBeVisible();
  await other.goto("/runs/c");
  await other.getByRole("button", { name: "Delete run" }).click();

  for (const tab of [page, other]) {
    await expect(tab.locator(".run-row")).toHaveCount(2);
  }
  const stored = JSON.parse(await storedText(page));
  const byId = Object.fromEntries(stored.runs.map((r) => [r.id, r.distance_m]));
  expect(byId).toEqual({ a: 11000, b: 12000 });
  expect(Object.keys(stored.deleted)).toEqual(["run:c"]);
  await other.close();
});
