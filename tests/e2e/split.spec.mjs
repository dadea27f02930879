// The WebAssembly is split (src/ui/pages.rs, scripts/wasm-split.mjs): Today comes with the
// first download, every other page's code with a second file fetched when one of them is
// first opened. These tests watch the page's own requests, so the service worker (which
// precaches everything in the background) is kept out.
import { test as plain } from "@playwright/test";
import { test, expect } from "./fixtures.mjs";

test.use({ serviceWorkers: "block" });
plain.use({ serviceWorkers: "block" });

const nav = (page) => page.getByRole("navigation", { name: "Main" });
const wasmFiles = (requests) => requests.filter((u) => u.endsWith(".wasm")).map((u) => u.split("/").pop().replace(/-[0-9a-f]{1,16}/, ""));

test("Today starts from the first module; the other pages' code arrives once, when first needed", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Today/ })).toBeVisible();
  expect(wasmFiles(requests)).toEqual(["restride_bg.wasm"]);

  await nav(page).getByRole("link", { name: "Log run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log a run" })).toBeVisible();
  expect(wasmFiles(requests)).toEqual(["restride_bg.wasm", "split_pages.wasm"]);

  for (const [tab, heading] of [["History", "History"], ["Massage", "Massage"], ["Settings", "Settings"]]) {
    await nav(page).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  expect(wasmFiles(requests)).toEqual(["restride_bg.wasm", "split_pages.wasm"]);
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
