// The start-up and import benches (bench/startup.spec.mjs, bench/import.spec.mjs), not tests: one worker, so nothing else runs
// in the browser while it times, against the release build and the empty Leptos baseline,
// each served on its own local port, in the system's Chromium. scripts/bench.sh runs it.
import { defineConfig } from "@playwright/test";
import { launchOptions } from "../scripts/chromium-path.mjs";

const APP_DIST = process.env.BENCH_DIST ?? "dist";
const BASELINE_DIST = process.env.BENCH_BASELINE_DIST ?? "target/bench-baseline/dist";
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4180);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 4181);
process.env.BENCH_APP_URL = `http://127.0.0.1:${APP_PORT}`;
process.env.BENCH_BASELINE_URL = `http://127.0.0.1:${BASELINE_PORT}`;

export default defineConfig({
  testDir: ".",
  testMatch: ["startup.spec.mjs", "warm.spec.mjs", "import.spec.mjs"],
  outputDir: "../target/bench/test-results",
  timeout: 15 * 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    // A step that cannot happen (a changed form, a broken route) fails fast, with its name.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    launchOptions: launchOptions([
      // performance.memory without its 100 KB rounding, and gc() to read the live heap.
      "--enable-precise-memory-info",
      "--js-flags=--expose-gc",
    ]),
  },
  // The folders are relative to the repository root, where scripts/bench.sh runs this.
  webServer: [
    {
      command: `node scripts/serve-dist.mjs ${APP_DIST} ${APP_PORT}`,
      cwd: "..",
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node scripts/serve-dist.mjs ${BASELINE_DIST} ${BASELINE_PORT}`,
      cwd: "..",
      url: `http://127.0.0.1:${BASELINE_PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
