import { test, expect, fillRun } from "./fixtures.mjs";
import { existsSync } from "node:fs";
import { serve } from "../../scripts/serve-dist.mjs";

// scripts/test.sh builds this with `trunk build --release --public-url /restride/`.
const BUILD = "target/dist-subpath";

test("built for a sub-path, the app runs, navigates, saves and installs under it", async ({ page }, testInfo) => {
  expect(existsSync(BUILD), `${BUILD} is built by scripts/test.sh`).toBe(true);
  const port = 4400 + testInfo.workerIndex + (testInfo.project.name === "phone" ? 0 : 50);
  const server = await serve(BUILD, port, "/restride/");
  const origin = `http://127.0.0.1:${port}`;
  const outside = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(`${origin}/restride/`) && !r.url().startsWith("blob:")) outside.push(r.url());
  });
  try {
    await page.goto(`${origin}/restride/`);
    await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Log run" }).click();
    await expect(page).toHaveURL(`${origin}/restride/log`);
    await fillRun(page, { distance: "7", duration: "35", rpe: 3 });
    await page.getByRole("button", { name: "Save run" }).click();
    await expect(page).toHaveURL(`${origin}/restride/history`);
    await page.reload();
    await expect(page.locator(".run-row")).toHaveCount(1);
    await page.locator(".run-row").click();
    await expect(page).toHaveURL(new RegExp(`^${origin}/restride/runs/`));
    await page.goBack();
    await expect(page).toHaveURL(`${origin}/restride/history`);

    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${origin}/restride/`);
    const manifestHref = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    const manifest = await (await page.request.get(manifestHref)).json();
    expect(new URL(manifest.start_url, manifestHref).href).toBe(`${origin}/restride/`);
    expect(outside, "every request stays under the sub-path").toEqual([]);
  } finally {
    server.close();
  }
});
