// Every browser test runs with these guards: no console error, no uncaught exception, no
// failed request, no HTTP error and no request to any other origin.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
    page.on("requestfailed", (r) => {
      // A navigation cancels loads still in flight (the icon, typically): that is not a failure.
      if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    // The app's origin is the one its first page was loaded from; nothing else may be asked.
    let appOrigin = null;
    page.on("request", (r) => {
      const url = r.url();
      if (url.startsWith("data:") || url.startsWith("blob:")) return;
      const origin = new URL(url).origin;
      if (appOrigin === null && r.isNavigationRequest()) appOrigin = origin;
      if (origin !== appOrigin) problems.push(`request to another origin: ${url}`);
    });
    await use(page);
    expect(problems, "the page must run cleanly").toEqual([]);
  },
});

export { expect };

export const DATA_KEY = "restride.data";

/** The runner's local date as the app sees it, as YYYY-MM-DD, `offset` days from today. */
export async function localDate(page, offset = 0) {
  return page.evaluate((offset) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, offset);
}

/** Clicks, and returns the name and text of the file the page downloads. */
export async function downloadText(page, click) {
  const download = page.waitForEvent("download");
  await click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  return { name: file.suggestedFilename(), text };
}

export async function storedText(page) {
  return page.evaluate((key) => localStorage.getItem(key), DATA_KEY);
}

/** Puts an envelope in storage and reloads, as if the runner had logged these before. */
export async function seed(page, runs, settings = {}) {
  await page.goto("/");
  // The app reads storage once at start-up (WebAssembly may finish loading after the
  // load event): let that happen first, so the reload below is the one that reads the seed.
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key, text),
    [DATA_KEY, JSON.stringify({ version: 3, settings: { unit: "km", week_start: "monday", ...settings }, runs })],
  );
  await page.reload();
}

export function run(fields) {
  return { id: "seed-1", date: "2026-11-20", distance_m: 10000, duration_s: 3000, type: "easy", rpe: 4, ...fields };
}

/** Fills the log form; only the given fields are touched. */
export async function fillRun(page, { date, distance, duration, rpe, type, hr, elevation, notes } = {}) {
  if (date !== undefined) await page.getByLabel("Date", { exact: true }).fill(date);
  if (distance !== undefined) await page.getByLabel(/^Distance/).fill(distance);
  if (duration !== undefined) await page.getByLabel("Time (h:mm:ss)").fill(duration);
  if (type !== undefined) await page.getByLabel("Type").selectOption(type);
  if (rpe !== undefined) await page.getByRole("radio", { name: new RegExp(`^${rpe}:`) }).check();
  if (hr !== undefined) await page.getByLabel(/^Average heart rate/).fill(hr);
  if (elevation !== undefined) await page.getByLabel(/^Elevation gain/).fill(elevation);
  if (notes !== undefined) await page.getByLabel("Notes (optional)").fill(notes);
}

/**
 * Puts a version 2 envelope (runs, massages, races, reminder states) in storage and
 * reloads, as if the runner had logged these before.
 */
export async function seedJournal(page, { runs = [], massages = [], races = [], settings = {}, reminders = {} } = {}) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  const envelope = { version: 3, settings: { unit: "km", week_start: "monday", ...settings }, runs, massages, races, reminders };
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, JSON.stringify(envelope)]);
  await page.reload();
}

/** A date as the app writes it in reminders ("%a %-d %b", e.g. "Fri 27 Nov"), `offset` days from the browser's today. */
export async function shortDay(page, offset = 0) {
  return page.evaluate((offset) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return `${days[d.getDay()]} ${d.getDate()} ${months[d.getMonth()]}`;
  }, offset);
}
