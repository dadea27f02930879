// Cuts the WebAssembly at the split points of src/ui/pages.rs, so the first download holds
// only what Today needs and the other pages come in a second file when first opened.
//
// Trunk has no step between cargo and wasm-bindgen, and the split needs the linker's
// output (with the relocations asked for in .cargo/config.toml), so this post-build step
// redoes the end of Trunk's Rust pipeline from that output:
//   wasm-split-cli   raw module -> main.wasm, split_pages.wasm, the loader __wasm_split.js
//   wasm-bindgen     main.wasm -> JS glue + module (--keep-lld-exports: the split part
//                    imports the main module's function table)
//   wasm-opt -Oz     every module (release builds only; Trunk's own pass is off, see
//                    index.html)
// and replaces the glue and module Trunk staged, under Trunk's names (restride-<hash>),
// giving the new files the same hash. index.html's integrity values are recomputed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const BIN = "restride";

function run(command, args) {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`${command} ${args.join(" ")} failed:\n${output || error.message}`);
  }
}

function lockedWasmBindgen(root) {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const found = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!found) throw new Error("Cargo.lock names no wasm-bindgen version");
  return found[1];
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/**
 * Splits the module of the build staged in `staging`. `root` is the project folder,
 * `profile` "release" or "debug".
 */
export function splitPages(staging, { root = process.cwd(), profile = "release" } = {}) {
  const staged = readdirSync(staging);
  const js = staged.find((f) => new RegExp(`^${BIN}-[0-9a-f]{16}\\.js$`).test(f));
  if (!js) throw new Error(`${staging}: no ${BIN}-<hash>.js staged by Trunk`);
  const hash = js.slice(BIN.length + 1, -3);
  const wasm = `${BIN}-${hash}_bg.wasm`;
  if (!staged.includes(wasm)) throw new Error(`${staging}: ${wasm} is missing`);

  const version = lockedWasmBindgen(root);
  const installed = run("wasm-bindgen", ["--version"]).trim();
  if (installed !== `wasm-bindgen ${version}`) {
    throw new Error(`wasm-bindgen ${version} is needed (Cargo.lock), found "${installed}": run scripts/setup.sh`);
  }

  const target = resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
  const raw = join(target, "wasm32-unknown-unknown", profile, `${BIN}.wasm`);
  const work = join(target, "wasm-split");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run("wasm-split-cli", ["--target", "web", raw, work]);
  run("wasm-bindgen", [
    "--target=web",
    "--keep-lld-exports",
    "--no-typescript",
    `--out-name=${BIN}`,
    `--out-dir=${join(work, "bindgen")}`,
    join(work, "main.wasm"),
  ]);

  // Every module under its staged name: the main one replaces Trunk's, each part gets
  // the build's hash so a host may cache it forever.
  const parts = readdirSync(work).filter((f) => f.endsWith(".wasm") && f !== "main.wasm");
  const renamed = new Map(parts.map((f) => [f, f.replace(/\.wasm$/, `-${hash}.wasm`)]));
  const modules = [[join(work, "bindgen", `${BIN}_bg.wasm`), wasm], ...parts.map((f) => [join(work, f), renamed.get(f)])];
  for (const [from, to] of modules) {
    if (profile === "release") {
      // The warning about the linker's name subsection (kept for the split) is noise.
      run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--strip-debug", "--strip-producers", from, "-o", join(staging, to)]);
    } else {
      writeFileSync(join(staging, to), readFileSync(from));
    }
  }

  // The loader imports the glue and fetches the parts next to itself.
  const loaderName = `__wasm_split-${hash}.js`;
  let loader = readFileSync(join(work, "__wasm_split.js"), "utf8").replace('from "./main.js"', `from "./${js}"`);
  for (const [from, to] of renamed) loader = loader.replaceAll(`"./${from}"`, `"./${to}"`);
  writeFileSync(join(staging, loaderName), loader);

  // Only the import statements change: the import object's keys must stay the module
  // names the WebAssembly itself asks for.
  let glue = readFileSync(join(work, "bindgen", `${BIN}.js`), "utf8");
  glue = glue.replace(/^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm, `$1"./${loaderName}"`);
  glue = glue.replaceAll(`'${BIN}_bg.wasm'`, `'${wasm}'`);
  writeFileSync(join(staging, js), glue);
  for (const file of [js, loaderName]) {
    const text = readFileSync(join(staging, file), "utf8");
    if (text.includes("__wasm_split_placeholder__") || /from "\.\/(main|__wasm_split)\.js"/.test(text)) {
      throw new Error(`${file} still points at an unsplit module`);
    }
  }

  // Trunk pinned the staged files by their digest; pin the new ones.
  const index = join(staging, "index.html");
  let html = readFileSync(index, "utf8");
  for (const file of [js, wasm]) {
    const digest = sri(readFileSync(join(staging, file)));
    html = html.replace(new RegExp(`(href="[^"]*${file.replace(".", "\\.")}"[^>]*integrity=")[^"]*"`), `$1${digest}"`);
  }
  // The glue imports the loader: fetch it alongside instead of after.
  const preload = html.match(new RegExp(`<link rel="modulepreload" href="([^"]*)${js.replace(".", "\\.")}"[^>]*>`));
  if (!preload) throw new Error(`${index}: no modulepreload link for ${js}`);
  const loaderLink = `<link rel="modulepreload" href="${preload[1]}${loaderName}" crossorigin="anonymous" integrity="${sri(readFileSync(join(staging, loaderName)))}">`;
  html = html.replace(preload[0], `${preload[0]}\n${loaderLink}`);
  writeFileSync(index, html);
  return { main: wasm, loader: loaderName, parts: [...renamed.values()] };
}
