// What a browser fetches to show the app the first time, worked out from a build folder's
// index.html and web manifest, with raw, gzip (level 9) and brotli (quality 11) sizes.
// Shared by scripts/check-budget.mjs (the test command's size check) and the bench.
//
// First load: index.html, the stylesheets, the icon it links (rel="icon"), the web
// manifest, classic scripts (pwa/register.js) and the module script with its WebAssembly
// (found through Trunk's modulepreload/preload links, the inline loader and the line of
// script that starts the first module's fetch).
// Not first load: the manifest's icons (fetched when the app is installed), the
// apple-touch-icon (fetched by iOS when it is added to the home screen), sw.js with
// everything it precaches (fetched in the background once the page has started), and the
// second WebAssembly part (src/ui/pages.rs: the other pages, Today's charts and reminder
// cards and the reminders engine, fetched once the first screen has been drawn). The
// import page's part is fetched only when Import is opened (ON_USE_SPLITS).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The first-load budget: 200 KB of gzip. */
export const GZIP_BUDGET = 200 * 1024;

/**
 * The split names (`#[wasm_split(name)]` in src/ui/pages.rs) whose parts are fetched only
 * when their page is opened: not precached, so not part of a first visit. Their files are
 * `split_<name>-<hash>.wasm` and `split_<name>_chunk_<n>-<hash>.wasm` (scripts/wasm-split.mjs).
 */
export const ON_USE_SPLITS = ["import"];

/**
 * Images only the system asks for, when the app is installed or added to the home screen
 * (it keeps its own copies): the service worker does not download them at a first visit.
 * icons/icon-192.png stays precached: notifications show it, offline too.
 */
export const INSTALL_ONLY = ["icons/icon-512.png", "icons/icon-maskable-512.png", "icons/apple-touch-icon.png"];

/** Whether the service worker downloads a file of the build when it installs. */
export function precached(file) {
  return !fetchedOnUse(file) && !INSTALL_ONLY.includes(file);
}

/** Whether a file of the build is fetched only when its page is opened. */
export function fetchedOnUse(file) {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return ON_USE_SPLITS.some((split) => name.startsWith(`split_${split}-`) || name.startsWith(`split_${split}_chunk_`));
}

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** The raw, gzip and brotli sizes of `rows` added up. */
export function totalOf(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function allFiles(dir) {
  const out = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

/** Every file of `dir` with its sizes. */
export function sizesOfAll(dir) {
  return allFiles(dir).map((file) => ({ file, ...compressedSizes(readFileSync(join(dir, file))) }));
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))?.slice(2).find((v) => v !== undefined);

/**
 * A URL of the page as a file of the build folder, or null for another origin or data.
 * `basePath` is the path of the page's <base href> (Trunk's public URL, "/" by default):
 * a build for a sub-path names its files "/sub-path/x.js".
 */
function localFile(url, basePath = "/") {
  if (!url || /^(data|blob):/i.test(url) || /^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) return null;
  let path = url.replace(/[?#].*$/, "");
  if (path.startsWith("/") && path.startsWith(basePath)) path = path.slice(basePath.length);
  return decodeURIComponent(path.replace(/^(\.?\/)+/, ""));
}

/**
 * What the first load of the build in `dir` fetches, and what it leaves for later.
 * Returns { files: [{ file, why }], later: [{ file, why }] }; throws if index.html names a
 * file the folder does not have.
 */
export function firstLoad(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const baseTag = html.match(/<base\b[^>]*>/i)?.[0];
  const baseHref = (baseTag && attr(baseTag, "href")) || "/";
  const basePath = baseHref.startsWith("/") ? baseHref.replace(/[^/]*$/, "") : "/";
  const files = new Map([["index.html", "the page"]]);
  const later = new Map();
  const add = (map, url, why) => {
    const file = localFile(url, basePath);
    if (file && !files.has(file) && !map.has(file)) map.set(file, why);
  };

  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (rel.includes("stylesheet")) add(files, href, "stylesheet");
    else if (rel.includes("icon")) add(files, href, "icon (rel=icon)");
    else if (rel.includes("manifest")) add(files, href, "web manifest");
    else if (rel.includes("modulepreload")) add(files, href, "JavaScript (module)");
    else if (rel.includes("preload")) add(files, href, attr(tag, "as") === "fetch" ? "WebAssembly" : "preload");
    else if (rel.includes("apple-touch-icon")) add(later, href, "apple-touch-icon: fetched by iOS when added to the home screen");
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    add(files, attr(tag, "src"), "script");
  }
  // Trunk's inline loader: import init from '/x.js'; init({ module_or_path: '/x_bg.wasm' }).
  for (const [, url] of html.matchAll(/\bimport\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g)) add(files, url, "JavaScript (module)");
  for (const [, url] of html.matchAll(/module_or_path\s*:\s*['"]([^'"]+)['"]/g)) add(files, url, "WebAssembly");
  // scripts/wasm-split.mjs starts that fetch in a line of script at the top: fetch("/x_bg.wasm", …).
  for (const [, url] of html.matchAll(/\bfetch\(\s*['"]([^'"]+\.wasm)['"]/g)) add(files, url, "WebAssembly");

  const manifest = [...files].find(([, why]) => why === "web manifest")?.[0];
  if (manifest && existsSync(join(dir, manifest))) {
    const base = manifest.includes("/") ? manifest.slice(0, manifest.lastIndexOf("/") + 1) : "";
    const parsed = JSON.parse(readFileSync(join(dir, manifest), "utf8"));
    const icons = [...(parsed.icons ?? []), ...(parsed.shortcuts ?? []).flatMap((s) => s.icons ?? [])];
    for (const icon of icons) {
      const file = localFile(icon.src, basePath);
      if (file) add(later, base + file, `manifest icon${icon.sizes ? ` ${icon.sizes}` : ""}: fetched when the app is installed`);
    }
  }
  if (existsSync(join(dir, "sw.js"))) {
    add(later, "sw.js", "service worker: registered after the page starts; precaches every file in the background");
  }

  const missing = [...files.keys()].filter((file) => !existsSync(join(dir, file)));
  if (missing.length) throw new Error(`${dir}/index.html names files the build does not have: ${missing.join(", ")}`);
  const list = (map) => [...map].map(([file, why]) => ({ file, why }));
  return { files: list(files), later: list(later) };
}

/** The first-load files of `dir` with their sizes, and the totals. */
export function firstLoadSizes(dir) {
  const { files, later } = firstLoad(dir);
  const rows = files.map((f) => ({ ...f, ...compressedSizes(readFileSync(join(dir, f.file))) }));
  const total = totalOf(rows);
  return { files: rows, total, later };
}

/** The goals of #17 for what a first visit costs: Today's first screen, and the whole visit. */
export const FIRST_SCREEN_GOAL = 180 * 1024;
export const FIRST_VISIT_GOAL = 400 * 1024;

/**
 * Everything a first visit downloads: the first load, then the service worker and every
 * file it precaches (read from the built sw.js). Parts fetched on use are not among them.
 */
export function firstVisitSizes(dir) {
  const files = new Set(firstLoad(dir).files.map((f) => f.file));
  if (existsSync(join(dir, "sw.js"))) {
    files.add("sw.js");
    const worker = readFileSync(join(dir, "sw.js"), "utf8");
    const list = worker.match(/const PRECACHE = (\[[^\]]*\]);/);
    if (!list) throw new Error(`${dir}/sw.js has no PRECACHE list`);
    for (const url of JSON.parse(list[1])) files.add(url.replace(/^\.\//, ""));
  }
  const rows = [...files].map((file) => ({ file, ...compressedSizes(readFileSync(join(dir, file))) }));
  const total = totalOf(rows);
  const onUse = allFiles(dir).filter(fetchedOnUse);
  return { files: rows, total, onUse };
}
