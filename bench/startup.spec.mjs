// Start-up, storage read and save in headless Chromium, for Restride with 0, 5,000 and
// 20,000 runs pre-stored and for the empty Leptos baseline. Writes target/bench/startup.json
// and save.json; scripts/bench.sh turns them into the table. Run through
// bench/playwright.config.mjs. A sample that fails is tried again (twice at most), and the
// retry is recorded with its reason.
//
// Every sample is a cold load in a new browser context: no HTTP cache, no compiled-code
// cache, storage filled before the page exists (and checked to be what the app read),
// service workers blocked (the baseline has none, and Restride's would start precaching
// every file during the measurement). Samples of the baseline and of each history size are
// interleaved, so a slow moment of the machine hits them all alike; one warm-up round comes
// first and is not counted. BENCH_CPU_SLOWDOWN=4 adds Chromium's CPU throttling.
//
// All times are read in the page with performance.now(), whose zero is the navigation start:
// - visible: the first task after the frame in which the watched element (Today's readiness
//   card `.card.ready`; for 0 runs the empty state `.empty`; the baseline's `#baseline`)
//   entered the DOM, i.e. after that frame was painted. `inserted` is when it entered the DOM.
// - app getItem: the app's own `localStorage.getItem("restride.data")` call that reads the
//   text it decodes (after an earlier one that only sees whether records are stored), timed
//   by wrapping Storage.prototype.getItem.
// - app read + decode: from that call to the last of the app's user-timing marks
//   "restride:records-decoded-part", set after each step of the decoding
//   (src/ui/state.rs): a long text is decoded a step per task.
// - read + parse (proxy): `JSON.parse(localStorage.getItem("restride.data"))` run in the page
//   once it has started. A proxy for the app's read and serde decode.
// - save: the app's `localStorage.setItem("restride.data", …)` after logging one run through
//   the form, timed by wrapping Storage.prototype.setItem. `submit → saved` adds everything
//   from the form's submit event to the end of that write (validation, Rust serialisation,
//   the copy of the text out of WebAssembly, whatever else runs first).
// - JS heap: performance.memory.usedJSHeapSize after a forced gc(); WASM memory: the byte
//   length of the module's memory, reached through the exports Trunk's loader passes with its
//   TrunkApplicationStarted event.
import { test, expect } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_KEY, envelopeText, localToday } from "./runs.mjs";
import { median } from "./stats.mjs";

const APP = process.env.BENCH_APP_URL;
const BASELINE = process.env.BENCH_BASELINE_URL;
const SAMPLES = Math.max(7, Number(process.env.BENCH_SAMPLES ?? 9));
const SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
const COUNTS = (process.env.BENCH_RUN_COUNTS ?? "0,5000,20000").split(",").map(Number);
// Each test writes its own file, so one failing does not lose the other's figures.
const OUT_DIR = process.env.BENCH_OUT_DIR ?? "target/bench";
const VIEWPORT = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

const today = localToday();
const stored = new Map(COUNTS.map((n) => [n, n === 0 ? null : envelopeText(n, today)]));

const medians = (samples) => Object.fromEntries(Object.keys(samples[0] ?? {}).map((k) => [k, median(samples.map((s) => s[k]))]));

/** Runs in the page before any of its scripts. */
function instrument({ selector, key }) {
  const bench = (window.__bench = { reads: [], writes: [] });
  const observer = new MutationObserver(() => {
    if (bench.inserted !== undefined || !document.querySelector(selector)) return;
    bench.inserted = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      bench.frame = performance.now();
      setTimeout(() => (bench.visible = performance.now()), 0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });

  const { getItem, setItem } = Storage.prototype;
  Storage.prototype.getItem = function (name) {
    const start = performance.now();
    const value = getItem.call(this, name);
    if (name === key) bench.reads.push({ start, ms: performance.now() - start, length: value?.length ?? 0 });
    return value;
  };
  Storage.prototype.setItem = function (name, value) {
    const start = performance.now();
    try {
      return setItem.call(this, name, value);
    } finally {
      if (name === key) bench.writes.push({ start, ms: performance.now() - start, length: String(value).length });
    }
  };
  document.addEventListener("submit", () => (bench.submitted ??= performance.now()), true);
  window.addEventListener("TrunkApplicationStarted", (event) => {
    bench.started = performance.now();
    bench.memory = event.detail?.wasm?.memory ?? null;
  });
}

async function openContext(browser, origin, text) {
  const storageState = { cookies: [], origins: text === null ? [] : [{ origin, localStorage: [{ name: DATA_KEY, value: text }] }] };
  const context = await browser.newContext({ ...VIEWPORT, storageState, serviceWorkers: "block" });
  const page = await context.newPage();
  if (SLOWDOWN > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
  }
  return { context, page };
}

/** Waits for `predicate` in the page; on a timeout, says what the page had reached. */
async function waitFor(page, predicate, what) {
  try {
    await page.waitForFunction(predicate, null, { timeout: 30_000 });
  } catch (error) {
    const state = await page
      .evaluate(() => {
        const { inserted, frame, visible, started, writes } = window.__bench ?? {};
        const text = document.body?.innerText.replace(/\s+/g, " ").slice(0, 300);
        return JSON.stringify({ url: location.href, visibility: document.visibilityState, inserted, frame, visible, started, writes: writes?.length, text });
      })
      .catch((e) => `(page state unreadable: ${e.message})`);
    throw new Error(`waiting for ${what}: ${error.message.split("\n")[0]}; page state: ${state}`);
  }
}

/**
 * Fails the sample unless the app read exactly the text that was stored. Chromium now and
 * then starts the page before storage filled by Playwright's storageState has reached it
 * (seen with 20,000 runs); the sample is then taken again rather than measured empty.
 */
async function checkRead(page, text) {
  const read = await page.evaluate(() => window.__bench.reads[0]?.length ?? null);
  const expected = text === null ? 0 : text.length;
  if (read !== expected) throw new Error(`the app read ${read} characters of storage, not the ${expected} stored`);
}

async function memoryOf(page) {
  return page.evaluate(() => {
    window.gc?.();
    return {
      jsHeapBytes: performance.memory?.usedJSHeapSize ?? null,
      wasmBytes: window.__bench.memory?.buffer?.byteLength ?? null,
    };
  });
}

/** One cold start: the navigation, until `selector` has been painted. */
async function startup(browser, origin, path, selector, text) {
  const { context, page } = await openContext(browser, origin, text);
  try {
    await page.addInitScript(instrument, { selector, key: DATA_KEY });
    await page.goto(origin + path, { waitUntil: "commit" });
    await waitFor(page, () => window.__bench?.visible !== undefined, `${selector} painted at ${origin}${path}`);
    if (origin === APP) await checkRead(page, text);
    await expect(page.locator(selector).first()).toBeVisible();
    await expect(page.getByRole("alert"), "the app must read the stored runs").toHaveCount(0);
    const marks = await page.evaluate(() => {
      const { inserted, frame, visible, started, reads } = window.__bench;
      // Set by the app after each step of decoding the stored text; the read it decodes is
      // the last one before the first step.
      const parts = performance.getEntriesByName("restride:records-decoded-part").map((e) => e.startTime);
      const read = parts.length ? reads.filter((r) => r.start < parts[0]).at(-1) : undefined;
      const appReadDecode = read ? parts.at(-1) - read.start : null;
      return { inserted, frame, visible, started, appGetItem: read?.ms ?? null, appReadDecode };
    });
    if (origin === APP && text !== null && marks.appReadDecode === null) throw new Error("the app set no restride:records-decoded-part mark");
    // The proxy, once the app has started: read and parse the stored text in JavaScript.
    const proxy = await page.evaluate((key) => {
      const start = performance.now();
      const text = localStorage.getItem(key);
      const read = performance.now();
      JSON.parse(text);
      const parsed = performance.now();
      return { proxyGetItem: read - start, proxyParse: parsed - read, proxyReadParse: parsed - start };
    }, DATA_KEY);
    return { ...marks, ...(text === null ? {} : proxy), ...(await memoryOf(page)) };
  } finally {
    await context.close();
  }
}

/** Opens the log form with `text` stored, logs one run, and times the save. */
async function save(browser, text) {
  const { context, page } = await openContext(browser, APP, text);
  try {
    await page.addInitScript(instrument, { selector: "form", key: DATA_KEY });
    await page.goto(`${APP}/log`);
    await page.locator("#run-distance").fill("8");
    await checkRead(page, text);
    await page.locator("#run-duration").fill("40:00");
    await page.getByRole("radio", { name: /^3:/ }).check();
    await page.getByRole("button", { name: "Save run" }).click();
    await waitFor(page, () => window.__bench.writes.length > 0, "the save");
    // Let anything the save set off finish before reading memory.
    await page.waitForTimeout(200);
    const result = await page.evaluate(() => {
      const { writes, submitted } = window.__bench;
      const write = writes[0];
      return { setItem: write.ms, submitToSaved: write.start + write.ms - submitted, storedLength: write.length, writes: writes.length };
    });
    return { ...result, ...(await memoryOf(page)) };
  } finally {
    await context.close();
  }
}

const results = { date: new Date().toISOString(), samples: SAMPLES, cpuSlowdown: SLOWDOWN, today, retried: [] };

/** One sample, tried up to three times; every retry is kept in the results with its reason. */
async function sample(label, measure) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure();
    } catch (error) {
      if (attempt === 3) throw error;
      results.retried.push({ label, error: error.message.slice(0, 600) });
      console.warn(`bench: retrying ${label}: ${error.message.slice(0, 600)}`);
    }
  }
}

function write(name, part) {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, name), JSON.stringify({ ...results, ...part }, null, 2));
}

test("start-up: Restride with 0, 5,000 and 20,000 runs and the empty Leptos baseline", async ({ browser }) => {
  results.browser = `Chromium ${browser.version()}`;
  results.retried = [];
  const figures = {};
  const targets = [
    { name: "baseline", run: () => sample("start-up, baseline", () => startup(browser, BASELINE, "/", "#baseline", null)) },
    ...COUNTS.map((n) => ({
      name: String(n),
      run: () => sample(`start-up, ${n} runs`, () => startup(browser, APP, "/", n === 0 ? ".empty" : ".card.ready", stored.get(n))),
    })),
  ];
  const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (const target of targets) await target.run(); // warm-up round
  for (let i = 0; i < SAMPLES; i++) {
    for (const target of targets) samples[target.name].push(await target.run());
  }
  for (const target of targets) {
    figures[target.name] = {
      runs: target.name === "baseline" ? null : Number(target.name),
      storedLength: target.name === "baseline" ? null : (stored.get(Number(target.name))?.length ?? 0),
      median: medians(samples[target.name]),
      samples: samples[target.name],
    };
  }
  write("startup.json", { startup: figures });
});

test("save: log one run with 0, 5,000 and 20,000 runs stored", async ({ browser }) => {
  results.browser = `Chromium ${browser.version()}`;
  results.retried = [];
  const samples = Object.fromEntries(COUNTS.map((n) => [n, []]));
  const once = (n) => sample(`save, ${n} runs`, () => save(browser, stored.get(n)));
  for (const n of COUNTS) await once(n); // warm-up round
  for (let i = 0; i < SAMPLES; i++) {
    for (const n of COUNTS) samples[n].push(await once(n));
  }
  const figures = {};
  for (const n of COUNTS) figures[n] = { runs: n, median: medians(samples[n]), samples: samples[n] };
  write("save.json", { save: figures });
});
