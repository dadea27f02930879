import { test as plain } from "@playwright/test";
import { test, expect, run, seed } from "./fixtures.mjs";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve-dist.mjs";

/**
 * Waits until a service worker controls the page. A page still loading when the worker
 * activated is left out of its `clients.claim()` (as after `seed`'s reload): the next
 * navigation goes through the worker, as the runner's next visit does.
 * (`waitForFunction` does not await a promise, so an async predicate cannot be used.)
 */
async function controlled(page) {
  const claimed = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== "activated") {
      await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "activated" && resolve()));
    }
    return navigator.serviceWorker.controller !== null;
  });
  if (!claimed) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Serves a copy of the release build on a port of its own, so a test can replace it with
 * a "second build" (one changed file and the worker regenerated) while the page runs.
 */
async function withCopiedBuild(testInfo, portBase, body) {
  const folder = mkdtempSync(join(tmpdir(), "restride-update-"));
  cpSync("dist", folder, { recursive: true });
  const port = portBase + testInfo.workerIndex + (testInfo.project.name === "phone" ? 0 : 50);
  const server = await serve(folder, port);
  const secondBuild = () => {
    const index = join(folder, "index.html");
    writeFileSync(index, readFileSync(index, "utf8").replace("<head>", '<head><meta name="restride-build" content="second">'));
    execFileSync("node", ["scripts/sw-build.mjs", folder]);
  };
  try {
    await body(`http://127.0.0.1:${port}`, secondBuild);
  } finally {
    server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

test("the manifest parses, its icons load at their declared sizes, start_url is in scope", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifestUrl = new URL(href, page.url());
  const response = await page.request.get(manifestUrl.href);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: expect.any(String), short_name: "Restride", display: "standalone" });
  const scope = new URL(manifest.scope, manifestUrl).href;
  expect(new URL(manifest.start_url, manifestUrl).href.startsWith(scope)).toBe(true);
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const shortcut of manifest.shortcuts) expect(new URL(shortcut.url, manifestUrl).href.startsWith(scope)).toBe(true);
  expect(manifest.shortcuts.map((s) => s.short_name)).toEqual(["Log run", "Massage"]);
  // Each shortcut opens its page, not "Page not found".
  for (const shortcut of manifest.shortcuts) {
    await page.goto(new URL(shortcut.url, manifestUrl).href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(Log a run|Massage)$/);
  }
  // Shared files and "Open with" land in the app, for every kind of file it imports.
  const extensions = [".fit", ".gpx", ".tcx", ".csv", ".json", ".gz"];
  expect(manifest.share_target).toMatchObject({ method: "POST", enctype: "multipart/form-data" });
  expect(new URL(manifest.share_target.action, manifestUrl).href.startsWith(scope)).toBe(true);
  expect(manifest.share_target.params.files[0].accept).toEqual(expect.arrayContaining(extensions));
  const handled = Object.values(manifest.file_handlers[0].accept).flat();
  expect(handled).toEqual(expect.arrayContaining(extensions));
  expect(new URL(manifest.file_handlers[0].action, manifestUrl).href).toBe(new URL("import", scope).href);

  const icons = [
    ...manifest.icons.map((i) => ({ src: new URL(i.src, manifestUrl).href, sizes: i.sizes })),
    { src: new URL(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"), page.url()).href, sizes: "180x180" },
    // The favicon is a PNG: an SVG one is parsed into a document of its own at every start.
    { src: new URL(await page.locator('link[rel="icon"]').getAttribute("href"), page.url()).href, sizes: "48x48", type: "image/png" },
  ];
  for (const icon of icons) {
    if (icon.type) expect((await page.request.get(icon.src)).headers()["content-type"], icon.src).toBe(icon.type);
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, icon.src);
    expect(size, icon.src).toBe(icon.sizes);
  }
});

test("after the first visit the app starts offline, with its data", async ({ page, context }) => {
  await seed(page, [run({ id: "r1", distance_m: 12345 })]);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".card.ready")).toBeVisible();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.locator(".run-row").first()).toContainText("12.35 km");
  // A deep link opened offline is answered by the cached app too.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await context.setOffline(false);
});

test("a repeat visit takes every file from the service worker, none from the network", async ({ page }) => {
  await seed(page, [run({ id: "r1", date: "2026-11-20" })]);
  await controlled(page);
  // Let the first visit's precaching and the second part finish before counting.
  await expect(page.locator(".charts svg")).toHaveCount(3);
  const fromNetwork = [];
  page.on("response", (response) => {
    if (!response.fromServiceWorker() && response.url().startsWith("http")) fromNetwork.push(response.url());
  });
  await page.reload();
  await expect(page.locator(".card.ready")).toBeVisible();
  await expect(page.locator(".charts svg")).toHaveCount(3);
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  expect(fromNetwork).toEqual([]);
});

// Plain: opening Import offline before it was fetched logs the failed fetch, on purpose.
plain("a first visit downloads neither the import page's part nor install-only icons; Import, once opened, works offline", async ({ page, context }) => {
  await page.goto("/");
  await controlled(page);
  const cached = () =>
    page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) names.push(request.url.split("/").pop());
      return names.filter((name) => /\.(wasm|png)$/.test(name)).map((name) => name.replace(/-[0-9a-f]{16}/, "").replace(/^chunk_\d+/, "chunk")).sort();
    });
  // The precache holds Today's module and the second part, not the importers; of the
  // icons, the page's favicon and the one notifications show (the system fetches its own
  // when installing).
  await expect.poll(cached).toEqual(["chunk.wasm", "favicon-48.png", "icon-192.png", "restride_bg.wasm", "split_pages.wasm"]);
  // Opened offline before it was ever fetched: a message, and the app carries on.
  await context.setOffline(true);
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be loaded" })).toBeVisible();
  await context.setOffline(false);
  // Opened online once, the worker keeps it: from then on Import works offline.
  await page.goto("/import");
  await expect(page.getByLabel("Choose files")).toBeAttached();
  await expect.poll(cached).toEqual(["chunk.wasm", "favicon-48.png", "icon-192.png", "restride_bg.wasm", "split_import.wasm", "split_pages.wasm"]);
  await context.setOffline(true);
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();
  await expect(page.getByLabel("Choose files")).toBeAttached();
  await context.setOffline(false);
});

test("a new build at the same address announces itself and Reload switches to it once", async ({ page }, testInfo) => {
  await withCopiedBuild(testInfo, 4300, async (origin, secondBuild) => {
    await page.goto(`${origin}/history`);
    await page.evaluate(() => localStorage.setItem("restride.data", JSON.stringify({ version: 1, runs: [] })));
    await controlled(page);
    expect(await page.locator('meta[name="restride-build"]').count()).toBe(0);

    secondBuild();
    let loads = 0;
    page.on("load", () => loads++);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.locator("#update-banner");
    await expect(banner).toContainText("Update available");
    // Until the runner taps Reload, the page keeps running the version it started with.
    expect(await page.locator('meta[name="restride-build"]').count()).toBe(0);
    await banner.getByRole("button", { name: "Reload" }).click();
    await expect(page.locator('meta[name="restride-build"]')).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await page.waitForTimeout(500);
    expect(loads, "exactly one reload").toBe(1);
    await expect(page.locator("#update-banner")).toHaveCount(0);
  });
});

test("after an update, an Import page opened before still works offline", async ({ page, context }, testInfo) => {
  await withCopiedBuild(testInfo, 4400, async (origin, secondBuild) => {
    await page.goto(`${origin}/import`);
    await controlled(page);
    await page.goto(`${origin}/import`);
    await expect(page.getByLabel("Choose files")).toBeAttached();
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();

    // The second build, and the runner switching to it on Today.
    secondBuild();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.locator("#update-banner").getByRole("button", { name: "Reload" }).click();
    await expect(page.locator('meta[name="restride-build"]')).toHaveCount(1);

    // The new version's cache (the old one is gone) holds the import part too.
    const versions = () =>
      page.evaluate(async () => {
        const out = {};
        for (const key of await caches.keys()) {
          if (!/^restride-[0-9a-f]{16}$/.test(key)) continue;
          out[key] = (await (await caches.open(key)).keys()).some((r) => /\/split_import-/.test(r.url));
        }
        return Object.values(out);
      });
    await expect.poll(versions).toEqual([true]);
    // Import opens offline.
    await context.setOffline(true);
    await page.goto(`${origin}/import`);
    await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();
    await expect(page.getByLabel("Choose files")).toBeAttached();
    await context.setOffline(false);
  });
});

test("Settings offers installation unless the app is already installed", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Install" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  // Installed: display-mode standalone hides the offer.
  await page.addInitScript(() => {
    const real = window.matchMedia.bind(window);
    window.matchMedia = (query) =>
      query === "(display-mode: standalone)" ? { matches: true, media: query, addEventListener() {}, removeEventListener() {} } : real(query);
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Install" })).toHaveCount(0);
});

test("Share to Restride: files posted to the share target go through the service worker into the import preview", async ({ page }) => {
  await page.goto("/");
  await controlled(page);
  const gpx = readFileSync(new URL("./files/morning.gpx", import.meta.url), "utf8");
  const csv = readFileSync(new URL("./files/activities.csv", import.meta.url), "utf8");
  // What the system's share sheet sends: a multipart POST to the manifest's action.
  const answer = await page.evaluate(
    async ([gpx, csv]) => {
      const form = new FormData();
      form.append("files", new File([gpx], "morning.gpx", { type: "application/gpx+xml" }));
      form.append("files", new File([csv], "activities.csv", { type: "text/csv" }));
      const response = await fetch("share-target", { method: "POST", body: form, redirect: "manual" });
      return { type: response.type, kept: (await (await caches.open("restride-shared-files")).keys()).length };
    },
    [gpx, csv],
  );
  // The worker answered (a redirect to the import page), and keeps the two files for it.
  expect(answer).toEqual({ type: "opaqueredirect", kept: 2 });
  await page.goto("/import?shared");
  await expect(page.locator(".import-summary")).toHaveText("3 new runs · 1 other sport");
  await expect(page.locator(".import-file-name")).toHaveText(["morning.gpx", "activities.csv"]);
  // Taken once: the files are no longer kept, and another visit shows no preview.
  expect(await page.evaluate(async () => (await caches.keys()).includes("restride-shared-files"))).toBe(false);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
  await expect(page.locator(".import-summary")).toHaveCount(0);
});

test("Open with Restride: files the system opens the app with come into the import preview", async ({ page }) => {
  // What Chromium's file handling gives an installed app: a launch queue whose consumer
  // receives file handles. Stubbed here, since a test browser has no installed app.
  await page.addInitScript(() => {
    const queue = { setConsumer: (consumer) => (window.launchConsumer = consumer) };
    Object.defineProperty(window, "launchQueue", { value: queue, configurable: true });
  });
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
  const gpx = readFileSync(new URL("./files/morning.gpx", import.meta.url), "utf8");
  await page.evaluate((text) => {
    const file = new File([text], "morning.gpx", { type: "application/gpx+xml" });
    return window.launchConsumer({ files: [{ getFile: async () => file }] });
  }, gpx);
  await expect(page.locator(".import-summary")).toHaveText("1 new run");
  await expect(page.locator(".import-file-name")).toHaveText(["morning.gpx"]);
});
