// The WebAssembly is split (src/ui/pages.rs, scripts/wasm-split.mjs): Today's first screen
// (from its checkpoint, or with nothing stored) comes with the first download; every other
// page's code, Today's charts and reminder cards below its first screen, the reminders
// engine and the records' reader with a second file, fetched once, right after the first
// screen. These tests watch the page's own requests, so the service worker (which
// precaches everything in the background) is kept out.
import { test as plain } from "@playwright/test";
import { test, expect, localDate, run } from "./fixtures.mjs";

test.use({ serviceWorkers: "block" });
plain.use({ serviceWorkers: "block" });

const nav = (page) => page.getByRole("navigation", { name: "Main" });
// File names without their hash, and a chunk's number (chunk_3 → chunk).
const wasmFiles = (requests) =>
  requests
    .filter((u) => u.endsWith(".wasm"))
    .map((u) => u.split("/").pop().replace(/-[0-9a-f]{1,16}/, "").replace(/^chunk_\d+/, "chunk"));

const holdPart = async (page) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/split_pages-[0-9a-f]{1,16}\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
};

test("Today's first screen needs only the first module; the second part comes once, after it", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const release = await holdPart(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log a run" })).toBeVisible();
  // Asked for right after the first screen (the reminders need it), not before; with it
  // the code it shares with the import page (chunk_N).
  const secondPart = ["restride_bg.wasm", "split_pages.wasm", "chunk.wasm"];
  await expect.poll(() => wasmFiles(requests).sort()).toEqual([...secondPart].sort());
  release();

  await nav(page).getByRole("link", { name: "Log run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log a run" })).toBeVisible();
  for (const [tab, heading] of [["History", "History"], ["Massage", "Massage"], ["Settings", "Settings"]]) {
    await nav(page).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  expect(wasmFiles(requests).sort()).toEqual([...secondPart].sort());

  // The importers are a part of their own, fetched once, when Import is opened.
  for (let visit = 0; visit < 2; visit++) {
    await nav(page).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "Import…" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();
    await expect(page.getByLabel("Choose files")).toBeAttached();
  }
  expect(wasmFiles(requests).sort()).toEqual([...secondPart, "split_import.wasm"].sort());
});

/** Whether Today's checkpoint is stored (in the Cache API, pwa/register.js). */
const checkpointKept = (page) =>
  page.evaluate(async () => (await (await caches.open("restride-today")).match(new URL("today-checkpoint", document.baseURI).href)) !== undefined);

/** A long run yesterday: Today then has its summary, the charts and a due reminder. As on
 *  any start after the first: the records were read once, and Today's checkpoint kept. */
async function seedLongRun(page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();
  const runs = [run({ id: "long1", date: await localDate(page, -1), distance_m: 16000, duration_s: 6000, type: "long", rpe: 5 })];
  await page.evaluate((text) => localStorage.setItem("restride.data", text), JSON.stringify({ version: 2, settings: { unit: "km", week_start: "monday" }, runs }));
  await page.reload();
  await expect(page.locator(".charts svg")).toHaveCount(3);
  await expect.poll(() => checkpointKept(page)).toBe(true);
}

test("the first module is asked for at once, without waiting for the stylesheet", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.css$/, async (route) => {
    await held;
    await route.continue();
  });
  const navigation = page.goto("/");
  await expect.poll(() => wasmFiles(requests), { timeout: 5_000 }).toEqual(["restride_bg.wasm"]);
  release();
  await navigation;
  await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();
});

test("Today's readiness and tiles come first; the charts and reminders follow with the second part", async ({ page }) => {
  await seedLongRun(page);
  const release = await holdPart(page);
  await page.reload();
  await expect(page.locator("#readiness-headline")).toBeVisible();
  await expect(page.getByRole("heading", { name: "This week" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(1);
  await expect(page.locator(".charts")).toHaveCount(0);
  await expect(nav(page).locator(".nav-count")).toHaveCount(0);

  release();
  await expect(page.locator(".charts svg")).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Export daily metrics (CSV)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Massage reminders due" })).toBeVisible();
  await expect(page.locator(".due-reminders .reminder")).toHaveCount(1);
  await expect(nav(page).locator(".nav-count")).toHaveText("1 due");
});

plain("Today's sections that cannot be fetched say so under the first screen, which stays", async ({ page }) => {
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  await seedLongRun(page);
  await page.route(/split_pages-[0-9a-f]{1,16}\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expect(page.locator("#readiness-headline")).toBeVisible();
  // A message with Reload where the charts go; without the reminders engine nothing is due.
  await expect(page.getByText("This part of the page could not be loaded.")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Reload" })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Massage reminders due" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "This week" })).toBeVisible();
  expect(crashes).toEqual([]);
});

// Not the guarded `test`: the failed fetch is the point.
plain("records but no checkpoint: Today waits for the records' reader in the second part, and never says there are no runs", async ({ page }) => {
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  await seedLongRun(page);
  const summary = await page.locator("#readiness-headline").textContent();
  // No checkpoint (an older version wrote the records, or the browser dropped its cache).
  const forget = () => page.evaluate(() => caches.delete("restride-today"));
  await forget();
  const release = await holdPart(page);
  await page.reload();
  await expect(page.getByText("Loading…")).toBeVisible();
  await expect(page.locator(".empty")).toHaveCount(0);
  await expect(page.locator("#readiness-headline")).toHaveCount(0);
  release();
  await expect(page.locator("#readiness-headline")).toHaveText(summary);
  await expect(page.locator(".charts svg")).toHaveCount(3);
  await expect(page.locator(".empty")).toHaveCount(0);

  // The part cannot be fetched: a message with Reload, still not an empty journal.
  await forget();
  await page.unroute(/split_pages-[0-9a-f]{1,16}\.wasm$/);
  await page.route(/split_pages-[0-9a-f]{1,16}\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expect(page.getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(page.locator(".empty")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Log a run" })).toHaveCount(0);
  // Nothing was written over the records.
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem("restride.data"))).runs.map((r) => r.id)).toEqual(["long1"]);
  expect(crashes).toEqual([]);
});

// Not the guarded `test`: the failed fetch and the loader's console message are the point.
plain("a page whose code cannot be fetched says so, and the app carries on", async ({ page }) => {
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  let blocked = true;
  await page.route(/split_pages-[0-9a-f]{1,16}\.wasm$/, (route) => (blocked ? route.abort("internetdisconnected") : route.continue()));
  await page.goto("/");
  // Online, the likely cause is an update that replaced this tab's files: offer a reload.
  await nav(page).getByRole("link", { name: "Log run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be loaded" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload" })).toBeVisible();

  // Still alive: Today renders. Offline, the message says so instead.
  await nav(page).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();
  await page.context().setOffline(true);
  await nav(page).getByRole("link", { name: "Log run" }).click();
  await expect(page.getByText(/there is no connection/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload" })).toHaveCount(0);

  // Back online, the page opens: a failed fetch is not remembered.
  await page.context().setOffline(false);
  await nav(page).getByRole("link", { name: "Today" }).click();
  blocked = false;
  await nav(page).getByRole("link", { name: "Log run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log a run" })).toBeVisible();
  expect(crashes).toEqual([]);
});

// Not the guarded `test`: the failed fetch is the point.
plain("another tab's save that this page cannot take in (its part missing) stops this page from writing over it", async ({ page, context }) => {
  await page.route(/split_pages-[0-9a-f]{1,16}\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();
  const other = await context.newPage();
  await other.goto("/");
  const theirs = JSON.stringify({ version: 3, runs: [run({ id: "theirs", date: await localDate(other, -1) })] });
  await other.evaluate((text) => localStorage.setItem("restride.data", text), theirs);
  await expect(page.getByRole("alert").filter({ hasText: "Another open tab saved changes that this page could not take in" })).toBeVisible();
  expect(await other.evaluate(() => localStorage.getItem("restride.data"))).toBe(theirs);
  await other.close();
});
