// V8 keeps the compiled code of a WebAssembly module beside the response it came from
// (Blink's code cache), and a later start reads it back: the functions the last visit ran
// are then compiled in the background, not one by one on the main thread while Today is
// drawn. Blink reads it back only for a response fetch() itself received. A
// <link rel="preload"> hands its response on without the cache, so the first module is
// fetched by a line of script instead (scripts/wasm-split.mjs, earlyFetch).
//
// V8 writes its cache only once it has optimised code and then seen 2 s without optimising
// more. In a visit of a few seconds that seldom happens, so this browser is started with
// V8 writing its cache at once. What is tested is that every module's cache is read back.
import { test, expect, chromium } from "@playwright/test";
import { launchOptions } from "../../scripts/chromium-path.mjs";
import { DATA_KEY, envelopeText, localToday } from "../../bench/runs.mjs";
import { readTrace } from "../../bench/trace.mjs";

const WRITE_AT_ONCE = "--js-flags=--wasm-caching-threshold=1 --wasm-caching-timeout-ms=0";

async function traced(page, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Tracing.start", { categories: "disabled-by-default-devtools.timeline", transferMode: "ReturnAsStream" });
  await work();
  return readTrace(cdp);
}

test("a repeat start reads the compiled code of every WebAssembly part back from V8's cache", async ({ baseURL }, testInfo) => {
  // The browser's cache, not the page's size: once is enough.
  test.skip(testInfo.project.name !== "phone", "runs once, at phone size");
  test.setTimeout(90_000);
  const browser = await chromium.launch(launchOptions([WRITE_AT_ONCE]));
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    // A history, so that reading it is work enough for V8 to optimise (and so to cache).
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, envelopeText(3000, localToday())]);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // Visits through the service worker: each writes the code it optimised.
    for (let visit = 0; visit < 2; visit++) {
      await page.reload();
      await expect(page.locator(".card.ready").first()).toBeVisible({ timeout: 30_000 });
      await page.waitForTimeout(2_000);
    }
    await page.close();

    const fresh = await context.newPage();
    const events = await traced(fresh, async () => {
      await fresh.goto(`${baseURL}/`);
      await expect(fresh.locator(".card.ready").first()).toBeVisible({ timeout: 30_000 });
      // The parts fetched after the first frame.
      await fresh.waitForTimeout(1_500);
    });
    const hits = events
      .filter((e) => e.name === "v8.wasm.moduleCacheHit")
      .map((e) => new URL(e.args.url).pathname.replace(/^\//, "").replace(/-[0-9a-f]{16}/, "").replace(/^chunk_\d+/, "chunk"));
    expect(hits.sort()).toEqual(["chunk.wasm", "restride_bg.wasm", "split_pages.wasm"]);
  } finally {
    await browser.close();
  }
});
