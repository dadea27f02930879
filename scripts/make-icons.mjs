// Renders the SVG icons to the PNG sizes the manifest, iOS and the page's favicon need, with the
// system Chromium. The PNGs are committed; run this again after changing an SVG:
//   node scripts/make-icons.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { launchOptions } from "./chromium-path.mjs";

const outputs = [
  { svg: "pwa/icon.svg", size: 192, file: "pwa/icons/icon-192.png", transparent: true },
  { svg: "pwa/icon.svg", size: 512, file: "pwa/icons/icon-512.png", transparent: true },
  { svg: "pwa/icon-maskable.svg", size: 512, file: "pwa/icons/icon-maskable-512.png", transparent: false },
  // iOS puts its own rounded mask on a square, opaque icon.
  { svg: "pwa/icon-maskable.svg", size: 180, file: "pwa/icons/apple-touch-icon.png", transparent: false },
  // The page's favicon: a PNG, because an SVG one is parsed into a document of its own on
  // the main thread at every start (about 1.5 ms before Today's first frame, measured).
  { svg: "pwa/icon.svg", size: 48, file: "pwa/icons/favicon-48.png", transparent: true },
];

const browser = await chromium.launch(launchOptions());
for (const { svg, size, file, transparent } of outputs) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const data = Buffer.from(readFileSync(svg)).toString("base64");
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style>` +
      `<img src="data:image/svg+xml;base64,${data}">`,
  );
  await page.locator("img").evaluate((img) => img.decode());
  await page.screenshot({ path: file, omitBackground: transparent });
  await page.close();
  console.log(`${file} (${size}×${size})`);
}
await browser.close();
