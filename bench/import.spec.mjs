// The longest frozen moment while importing a 25 MB GPX: the file is made in the page (a
// track of about 125,000 points with time, elevation and heart rate), dropped on the
// import page, and every main-thread task over 50 ms is recorded (PerformanceObserver
// "longtask") until the preview shows. Writes target/bench/import.json; scripts/bench.sh
// turns it into a row of the table. A longest task of 0 means none was over 50 ms.
import { test, expect } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { median } from "./stats.mjs";

const APP = process.env.BENCH_APP_URL;
const SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
const SAMPLES = 3;
const TARGET_BYTES = 25 * 1024 * 1024;
const OUT_DIR = "target/bench";

test("import: longest main-thread task while reading a 25 MB GPX", async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  const samples = [];
  for (let i = 0; i < SAMPLES; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
    const page = await context.newPage();
    if (SLOWDOWN > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
    }
    await page.goto(`${APP}/import`);
    await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
    const bytes = await page.evaluate((target) => {
      const start = Date.parse("2026-11-20T06:00:00Z");
      const parts = ['<?xml version="1.0"?><gpx version="1.1" creator="bench"><trk><name>Long day</name><type>running</type><trkseg>'];
      let size = parts[0].length;
      for (let i = 0; size < target; i++) {
        const time = new Date(start + i * 1000).toISOString().replace(".000", "");
        const point = `<trkpt lat="${(46 + i * 0.00002).toFixed(7)}" lon="${(7 + (i % 500) * 0.00001).toFixed(7)}"><ele>${(500 + (i % 300) * 0.1).toFixed(1)}</ele><time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${120 + (i % 40)}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n`;
        parts.push(point);
        size += point.length;
      }
      parts.push("</trkseg></trk></gpx>");
      window.benchFile = new File(parts, "long-day.gpx", { type: "application/gpx+xml" });
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
      }).observe({ type: "longtask" });
      return window.benchFile.size;
    }, TARGET_BYTES);
    const started = Date.now();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(window.benchFile);
      document.querySelector(".drop-zone").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await expect(page.locator(".import-summary")).toHaveText("1 new run", { timeout: 5 * 60_000 });
    const wall = Date.now() - started;
    const tasks = await page.evaluate(() => window.longTasks);
    samples.push({ bytes, longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.length, wallMs: wall });
    await context.close();
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    join(OUT_DIR, "import.json"),
    JSON.stringify({ slowdown: SLOWDOWN, samples, medianLongestTaskMs: median(samples.map((s) => s.longestTaskMs)) }, null, 2),
  );
});
