// The system Chromium (or Chrome) the tests and tools use; never a downloaded browser.
import { existsSync } from "node:fs";

export function chromiumPath() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ];
  return candidates.find((path) => path && existsSync(path));
}

/**
 * Playwright launch options for that browser. As root in a sandboxed machine it needs
 * --no-sandbox, and without the background-networking flags it tries to reach Google.
 */
export function launchOptions(extraArgs = []) {
  return {
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  };
}
