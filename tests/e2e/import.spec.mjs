// Import: a Strava export and a GPX file come in through a preview; nothing is written
// before the runner confirms; names render as text.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { test, expect, DATA_KEY, run, seed, storedText } from "./fixtures.mjs";

// Activity times in the files are UTC; the runner here is in UTC too, so dates are fixed.
test.use({ timezoneId: "UTC" });

const file = (name) => fileURLToPath(new URL(`./files/${name}`, import.meta.url));

test("a Strava CSV and a GPX file: preview, then the runs appear with their names as text", async ({ page }) => {
  // One run already there is the same as Strava's first row (same start, distance within 2 %).
  await seed(page, [run({ id: "mine", date: "2026-11-10", start_time: "06:30:00", distance_m: 8000, duration_s: 2650 })]);
  const before = await storedText(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Import…" }).click();
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
  await page.getByLabel("Choose files").setInputFiles([file("activities.csv"), file("morning.gpx")]);

  await expect(page.locator(".import-summary")).toHaveText("2 new runs · 1 already here · 1 other sport");
  expect(await storedText(page), "nothing is written before the runner confirms").toBe(before);
  await expect(page.locator(".import-line.new")).toHaveCount(2);
  await expect(page.locator(".import-line.new").filter({ hasText: "Park & hill loop" })).toHaveCount(1);

  await page.getByLabel(/How hard were these runs/).selectOption("5");
  await page.getByRole("button", { name: "Add to my data" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.locator(".run-row")).toHaveCount(3);
  // The Strava name is shown as text, never run as HTML.
  await expect(page.locator(".run-notes").filter({ hasText: "<img src=x onerror=alert(1)>" })).toHaveCount(1);
  await expect(page.locator(".run-row img")).toHaveCount(0);
  await expect(page.locator(".run-notes").filter({ hasText: "Park & hill loop" })).toHaveCount(1);

  const stored = JSON.parse(await storedText(page));
  const trail = stored.runs.find((r) => r.type === "trail");
  expect(trail).toMatchObject({ distance_m: 12500, duration_s: 5100, rpe: 5, avg_hr: 151, elevation_gain_m: 420 });
  const gpx = stored.runs.find((r) => r.notes === "Park & hill loop");
  // Three points 0.005° of latitude apart: 1,111.95 m by the haversine formula; 6 minutes.
  expect(gpx).toMatchObject({ distance_m: 1112, duration_s: 360, avg_hr: 150, rpe: 5 });
});

test("gzip-compressed activity files, as in Strava's export, are unpacked; a damaged one is rejected", async ({ page }) => {
  await page.goto("/import");
  await page.getByLabel("Choose files").setInputFiles([
    { name: "1001.gpx.gz", mimeType: "application/gzip", buffer: gzipSync(readFileSync(file("morning.gpx"))) },
    { name: "1002.fit.gz", mimeType: "application/gzip", buffer: Buffer.concat([gzipSync(Buffer.from("x".repeat(200))).subarray(0, 30), Buffer.from("not deflate")]) },
  ]);
  await expect(page.locator(".import-summary")).toHaveText("1 new run · 1 file with nothing to import");
  await expect(page.locator(".import-line.new")).toContainText("Park & hill loop");
  const damaged = page.locator(".import-file").filter({ hasText: "1002.fit.gz" });
  await expect(damaged).toContainText("Could not be read");
  await expect(damaged).toContainText("could not be unpacked");
  await page.getByLabel(/How hard were these runs/).selectOption("4");
  await page.getByRole("button", { name: "Add to my data" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const stored = JSON.parse(await storedText(page));
  expect(stored.runs).toHaveLength(1);
  // The same numbers as the unpacked file gives in the test above.
  expect(stored.runs[0]).toMatchObject({ distance_m: 1112, duration_s: 360, avg_hr: 150, rpe: 4, notes: "Park & hill loop" });
});

test("a file that is not an activity is rejected with its reason, and nothing is imported", async ({ page }) => {
  await page.goto("/import");
  await page.getByLabel("Choose files").setInputFiles({ name: "notes.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("this is not xml") });
  await expect(page.locator(".import-summary")).toHaveText("0 new runs · 1 file with nothing to import");
  await expect(page.locator(".import-file")).toContainText("notes.gpx");
  await expect(page.getByRole("button", { name: "Add to my data" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Replace all my data with this" })).toBeDisabled();
  expect(await page.evaluate((key) => localStorage.getItem(key), DATA_KEY)).toBeNull();
});

test("a Restride backup can replace everything, after a second tap", async ({ page }) => {
  await seed(page, [run({ id: "old" })]);
  const backup = { version: 2, runs: [run({ id: "b1", date: "2026-11-01" }), run({ id: "b2", date: "2026-11-02" })] };
  await page.goto("/import");
  await page.getByLabel("Choose files").setInputFiles({ name: "restride-backup.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.locator(".import-summary")).toHaveText("2 new runs");
  await expect(page.locator(".import-file")).toContainText("Restride backup: 2 added, 0 updated, 0 unchanged");
  await page.getByRole("button", { name: "Replace all my data with this" }).click();
  await expect(page.getByRole("alert")).toContainText("Replacing deletes every run");
  await page.getByRole("button", { name: "Yes, replace everything" }).click();
  await expect(page.locator(".run-row")).toHaveCount(2);
  expect(JSON.parse(await storedText(page)).runs.map((r) => r.id).sort()).toEqual(["b1", "b2"]);
});

test("a backup restores by identity: two alike runs stay two, a newer copy updates, the rest is left", async ({ page }) => {
  await seed(page, [run({ id: "a", distance_m: 10000, updated_ms: 5 }), run({ id: "c", date: "2026-11-18", updated_ms: 7 })]);
  // Two 5 km runs on one day without a start time, a newer copy of "a", and "c" as it is.
  const backup = {
    version: 3,
    runs: [
      run({ id: "t1", date: "2026-11-12", distance_m: 5000, duration_s: 1800 }),
      run({ id: "t2", date: "2026-11-12", distance_m: 5050, duration_s: 1810 }),
      run({ id: "a", distance_m: 12000, updated_ms: 9 }),
      run({ id: "c", date: "2026-11-18", updated_ms: 7 }),
    ],
  };
  await page.goto("/import");
  await page.getByLabel("Choose files").setInputFiles({ name: "restride-backup.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.locator(".import-summary")).toHaveText("2 new runs · 1 updated · 1 already here");
  await page.getByRole("button", { name: "Add to my data" }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 2 added, 1 updated, 1 unchanged.");
  const runs = JSON.parse(await storedText(page)).runs;
  expect(runs.map((r) => r.id).sort()).toEqual(["a", "c", "t1", "t2"]);
  expect(runs.find((r) => r.id === "a").distance_m).toBe(12000);
});

test("files dropped on the page are read like chosen ones", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
  const gpx = (await import("node:fs")).readFileSync(file("morning.gpx"), "utf8");
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "morning.gpx", { type: "application/gpx+xml" }));
    return dt;
  }, gpx);
  await page.dispatchEvent(".drop-zone", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: transfer });
  await expect(page.locator(".import-summary")).toHaveText("1 new run");
});

test("a batch preview reads on a phone: a summary with Add in reach, a line per file, problems counted", async ({ page }) => {
  await page.goto("/import");
  const morning = readFileSync(file("morning.gpx"));
  // A GPX whose 80 points have no time: one reason for the track, the points counted.
  const points = Array.from({ length: 80 }, (_, i) => `<trkpt lat="${52 + i / 1000}" lon="13"/>`).join("");
  const timeless = `<gpx><trk><trkseg>${points}</trkseg></trk></gpx>`;
  await page.getByLabel("Choose files").setInputFiles([
    { name: "activities.csv", mimeType: "text/csv", buffer: readFileSync(file("activities.csv")) },
    { name: "morning.gpx", mimeType: "application/gpx+xml", buffer: morning },
    { name: "morning-phone.gpx", mimeType: "application/gpx+xml", buffer: morning },
    { name: "notes.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("this is not xml") },
    { name: "timeless.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from(timeless) },
  ]);
  const summary = page.locator(".import-summary");
  await expect(summary).toHaveText("3 new runs · 1 already here · 1 other sport · 3 files with nothing to import");
  // Add is right under the summary, on the first screen of a phone.
  await expect(page.getByRole("button", { name: "Add to my data" })).toBeInViewport();
  const lines = (name) => page.locator(".import-file").filter({ has: page.locator(".import-file-name", { hasText: name }) });
  await expect(lines("morning-phone.gpx")).toContainText("Same run as morning.gpx");
  await expect(lines("activities.csv")).toContainText("Ride: another sport, left out");
  await expect(lines("activities.csv")).toContainText("Lunch Ride");
  await expect(lines("notes.gpx")).toContainText("Could not be read");
  const problems = lines("timeless.gpx").locator(".import-problems");
  await expect(problems.locator("summary")).toHaveText("2 problems in this file");
  await problems.locator("summary").click();
  await expect(problems.locator("li").first()).toHaveText("track 1: it has no points with a place and a time");
  await expect(problems.locator("li").nth(1)).toContainText("(and 79 more like it)");

  // The trail run was a race, and a hard one.
  const trail = page.locator(".import-line.new").filter({ hasText: "<img" });
  await expect(trail.getByLabel("Type")).toHaveValue("Trail");
  await trail.getByLabel("Type").selectOption("Race");
  await trail.getByLabel("Effort (RPE)").selectOption("8");
  await page.getByRole("button", { name: "Add to my data" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const runs = JSON.parse(await storedText(page)).runs;
  expect(runs).toHaveLength(3);
  expect(runs.find((r) => r.notes.startsWith("<img"))).toMatchObject({ type: "race", rpe: 8 });
  expect(runs.find((r) => r.notes === "Park & hill loop")).toMatchObject({ type: "easy", rpe: 4 });
});

test("a file over the size limit is refused with the limit, without being read; the others come in", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
  const gpx = readFileSync(file("morning.gpx"), "utf8");
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    // 64 MB and one byte: a sparse buffer, cheap to make.
    dt.items.add(new File([new ArrayBuffer(64 * 1024 * 1024 + 1)], "whole-year.gpx", { type: "application/gpx+xml" }));
    dt.items.add(new File([text], "morning.gpx", { type: "application/gpx+xml" }));
    return dt;
  }, gpx);
  await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: transfer });
  await expect(page.locator(".import-summary")).toHaveText("1 new run · 1 file with nothing to import");
  await expect(page.locator(".import-file").filter({ hasText: "whole-year.gpx" })).toContainText(
    "This file is 65 MB; Restride reads files up to 64 MB.",
  );
});
