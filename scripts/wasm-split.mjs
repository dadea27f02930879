// Cuts the WebAssembly at the split points of src/ui/pages.rs, so the first download holds
// only what Today needs and the other pages come in a second file, fetched right after
// Today's first screen.
//
// Trunk has no step between cargo and wasm-bindgen, and the split needs the linker's
// output (with the relocations asked for in .cargo/config.toml), so this post-build step
// redoes the end of Trunk's Rust pipeline from that output:
//   wasm-split-cli   raw module -> main.wasm, split_pages.wasm and the loader
//   wasm-bindgen     main.wasm -> JS glue + module (--keep-lld-exports: the pages' part
//                    imports the main module's function table)
//   wasm-opt -Oz     each module, binaryen 132 from node_modules (release builds; Trunk's
//                    own pass is off, see index.html)
// Every file is then named after a digest of all of them, so a main module and a part
// from different builds can never meet under the same names, and index.html, its
// integrity values and the loader's fetch (with its own integrity) are rewritten to match.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ON_USE_SPLITS } from "./first-load.mjs";

const BIN = "restride";
const WASM_OPT_VERSION = "132";

/** Runs a tool; returns its output, shows its warnings, throws with its output on failure. */
function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
  // wasm-opt's note about the linker's name subsection (kept for the split) is noise.
  const warnings = (result.stderr ?? "").split("\n").filter((l) => l.trim() && !/unknown name subsection/.test(l));
  if (warnings.length) console.warn(`${command}:\n${warnings.join("\n")}`);
  return result.stdout ?? "";
}

function lockedWasmBindgen(root) {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const found = lock.match(/name = "wasm-bindgen"\r?\nversion = "([^"]+)"/);
  if (!found) throw new Error("Cargo.lock names no wasm-bindgen version");
  return found[1];
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where the page's first line of script keeps the first module's fetch (earlyFetch). */
const EARLY_FETCH = "globalThis.restrideWasm";

/**
 * The first module's <link rel="preload"> becomes a line of script that fetches it, just as
 * early: Chromium hands a preloaded response to fetch() without its code-cache handle, so
 * the compiled code V8 keeps for that module would never be read back (the parts, fetched
 * by the loader, keep theirs). Other links stay as they are. The loader awaits the fetch,
 * and sees a failed one (`catch` only keeps the console free of an unhandled rejection
 * until then).
 */
function earlyFetch(link, wasm) {
  if (!link.includes(`${wasm}"`)) return link;
  const href = link.match(/\shref="([^"]*)"/)?.[1]?.replaceAll("&amp;", "&");
  const integrity = link.match(/\sintegrity="([^"]*)"/)?.[1];
  if (!href || !integrity) throw new Error(`index.html: the preload of ${wasm} has no href or integrity`);
  const url = JSON.stringify(href).replaceAll("<", "\\u003c");
  return `<script>${EARLY_FETCH} = fetch(${url}, { integrity: "${integrity}" }); ${EARLY_FETCH}.catch(() => {});</script>`;
}

/** Replaces `from` with `to` in `text`, and insists it was there. */
function replaceOnce(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`${where}: "${from}" not found`);
  return text.replace(from, to);
}

/**
 * Splits the module of the build staged in `staging`. `root` is the project folder,
 * `profile` "release" or "debug". Returns the names of the files it wrote.
 */
export function splitPages(staging, { root = process.cwd(), profile = "release" } = {}) {
  const flags = process.env.CARGO_ENCODED_RUSTFLAGS ?? process.env.RUSTFLAGS;
  if (flags !== undefined && !flags.includes("emit-relocs")) {
    throw new Error("RUSTFLAGS is set, so cargo ignored .cargo/config.toml and its -C link-args=--emit-relocs, without which the module cannot be split: unset it or add those flags");
  }
  // Trunk writes its hash without leading zeros: up to 16 hex digits.
  const staged = readdirSync(staging);
  const trunkJs = staged.find((f) => new RegExp(`^${BIN}-[0-9a-f]{1,16}\\.js$`).test(f));
  if (!trunkJs) throw new Error(`${staging}: no ${BIN}-<hash>.js staged by Trunk`);
  const trunkWasm = trunkJs.replace(/\.js$/, "_bg.wasm");
  if (!staged.includes(trunkWasm)) throw new Error(`${staging}: ${trunkWasm} is missing`);

  const version = lockedWasmBindgen(root);
  const installed = run("wasm-bindgen", ["--version"]).trim();
  if (installed !== `wasm-bindgen ${version}`) {
    throw new Error(`wasm-bindgen ${version} is needed (Cargo.lock), found "${installed}": run scripts/setup.sh`);
  }
  // binaryen's npm package: its wasm-opt is a Node script, run with this Node everywhere.
  const wasmOpt = (args) => run(process.execPath, [join(root, "node_modules", "binaryen", "bin", "wasm-opt"), ...args]);
  if (profile === "release" && !wasmOpt(["--version"]).includes(`version ${WASM_OPT_VERSION}`)) {
    throw new Error(`wasm-opt ${WASM_OPT_VERSION} (npm binaryen) is needed: run scripts/setup.sh`);
  }

  const target = resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
  const raw = join(target, "wasm32-unknown-unknown", profile, `${BIN}.wasm`);
  const work = mkdtempSync(join(target, "wasm-split-"));
  try {
    run("wasm-split-cli", ["--target", "web", raw, work]);
    run("wasm-bindgen", ["--target=web", "--keep-lld-exports", "--no-typescript", `--out-name=${BIN}`, `--out-dir=${work}`, join(work, "main.wasm")]);

    // A part per split name (split_pages, split_import) and chunks of the code more than
    // one of them needs (chunk_N, each preceded in the loader by a comment naming them).
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const onUseChunks = new Map();
    for (const [, users, index] of loader.matchAll(/\/\* ([\w, ]+) \*\/\s*const __chunk_(\d+) = /g)) {
      const splits = users.split(", ");
      // A chunk only parts fetched on use need is fetched on use too, and named after them
      // so the service worker leaves it out of its precache (first-load.mjs, fetchedOnUse).
      if (splits.every((split) => ON_USE_SPLITS.includes(split))) onUseChunks.set(`chunk_${index}.wasm`, `split_${splits[0]}_chunk_${index}.wasm`);
    }
    const parts = readdirSync(work).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
    const modules = new Map([[`${BIN}_bg.wasm`, null], ...parts.map((f) => [f, null])]);
    for (const name of modules.keys()) {
      const optimised = join(work, `opt-${name}`);
      if (profile === "release") {
        // For profiling, WASM_KEEP_NAMES=1 (with CARGO_PROFILE_RELEASE_STRIP=none, so the
        // linker keeps them too) leaves function names in, for the browser's profiler.
        const names = process.env.WASM_KEEP_NAMES ? ["-g"] : ["--strip-debug"];
        wasmOpt(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", ...names, "--strip-producers", join(work, name), "-o", optimised]);
        modules.set(name, readFileSync(optimised));
      } else {
        modules.set(name, readFileSync(join(work, name)));
      }
    }
    let glue = readFileSync(join(work, `${BIN}.js`), "utf8");

    const digest = createHash("sha256");
    for (const bytes of [...modules.values(), glue, loader]) digest.update(bytes).update("\0");
    const hash = digest.digest("hex").slice(0, 16);
    const named = (file) => (onUseChunks.get(file) ?? file).replace(/(_bg)?\.(wasm|js)$/, `-${hash}$1.$2`);
    const js = `${BIN}-${hash}.js`;
    const loaderName = `split-loader-${hash}.js`;

    for (const [name, bytes] of modules) {
      writeFileSync(join(staging, named(name)), bytes);
      if (name !== `${BIN}_bg.wasm`) {
        // The part is fetched checked against its digest: a mismatch is a message on the
        // page (the fetch fails), never two builds' code in one memory.
        const fetchOf = `fetch(new URL("./${name}", import.meta.url))`;
        loader = replaceOnce(loader, fetchOf, `fetch(new URL("./${named(name)}", import.meta.url), { integrity: "${sri(bytes)}" })`, "the split loader");
      }
    }
    loader = replaceOnce(loader, 'from "./main.js"', `from "./${js}"`, "the split loader");
    writeFileSync(join(staging, loaderName), loader);

    // Only the import statements change: the import object's keys must stay the module
    // names the WebAssembly itself asks for.
    const imports = /^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm;
    if (!imports.test(glue)) throw new Error("the glue imports no split loader");
    glue = glue.replace(imports, `$1"./${loaderName}"`).replaceAll(`'${BIN}_bg.wasm'`, `'${named(`${BIN}_bg.wasm`)}'`);
    writeFileSync(join(staging, js), glue);
    for (const [file, text] of [[js, glue], [loaderName, loader]]) {
      if (text.includes("__wasm_split_placeholder__") || /["']\.\/(main|__wasm_split)\.js["']/.test(text.replace(/"\.\/__wasm_split\.js": import/g, ""))) {
        throw new Error(`${file} still points at an unsplit module`);
      }
    }
    unlinkSync(join(staging, trunkJs));
    unlinkSync(join(staging, trunkWasm));

    // index.html: Trunk's names become ours, with the new files' digests.
    const index = join(staging, "index.html");
    let html = readFileSync(index, "utf8");
    for (const [from, to] of [[trunkJs, js], [trunkWasm, named(`${BIN}_bg.wasm`)]]) {
      if (!html.includes(from)) throw new Error(`index.html does not name ${from}`);
      html = html.replaceAll(from, to);
      const pinned = new RegExp(`(href="[^"]*${escape(to)}"[^>]*integrity=")[^"]*"`);
      if (!pinned.test(html)) throw new Error(`index.html has no integrity value for ${to}`);
      html = html.replace(pinned, `$1${sri(readFileSync(join(staging, to)))}"`);
    }
    // The glue imports the loader: fetch it alongside instead of after.
    const preload = html.match(new RegExp(`<link rel="modulepreload" href="([^"]*)${escape(js)}"[^>]*>`));
    if (!preload) throw new Error(`index.html has no modulepreload link for ${js}`);
    const loaderLink = `<link rel="modulepreload" href="${preload[1]}${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`;
    html = html.replace(preload[0], `${preload[0]}\n${loaderLink}`);
    // Every preload goes to the top of the page, after <base>: where Trunk puts them (the
    // end of <head>), Chromium asks for the WebAssembly only once the stylesheet and
    // register.js have arrived, a round trip later on a phone's network.
    const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>/g)].map(([link]) => link);
    for (const link of preloads) html = html.replace(link, "");
    const base = html.match(/<base [^>]*>/);
    if (!base) throw new Error("index.html has no <base> to put the preloads after");
    const early = preloads.map((link) => earlyFetch(link, named(`${BIN}_bg.wasm`)));
    if (early.filter((line) => line.startsWith("<script>")).length !== 1) {
      throw new Error(`index.html has no single preload of ${named(`${BIN}_bg.wasm`)} to start its fetch from`);
    }
    html = html.replace(base[0], [base[0], ...early].join("\n    "));
    const loaderCall = html.match(/module_or_path: '[^']*'/);
    if (!loaderCall) throw new Error("index.html has no module_or_path for the first module");
    html = replaceOnce(html, loaderCall[0], `module_or_path: ${EARLY_FETCH}`, "index.html's loader");
    writeFileSync(index, html);
    return { main: named(`${BIN}_bg.wasm`), loader: loaderName, parts: parts.map(named) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
