// Browser tests run against the release build in dist/, served on 127.0.0.1, in the
// system's Chromium (never a downloaded browser), at a phone and a desktop size.
import { defineConfig } from "@playwright/test";
import { launchOptions } from "./scripts/chromium-path.mjs";

// E2E_PORT and DIST_DIR let two builds be tested side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.DIST_DIR ?? "dist";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: launchOptions(),
  },
  projects: [
    { name: "phone", use: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `node scripts/serve-dist.mjs ${DIST} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
