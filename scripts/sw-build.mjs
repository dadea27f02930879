// Finishes a build folder: adds the Content-Security-Policy to index.html (scripts/csp.mjs),
// writes the manifest and register.js compactly,
// then writes sw.js with the exact list of the folder's files and a version derived from
// their contents. Run by scripts/post-build.mjs (Trunk's post_build hook) on the staging
// folder, after the split; it can also be run on a folder: node scripts/sw-build.mjs dist
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { addCsp } from "./csp.mjs";
import { fetchedOnUse, precached } from "./first-load.mjs";

/**
 * The manifest and register.js are read at every first visit: the manifest is written
 * without the source's indentation, and register.js without its whole-line comments and
 * indentation (its integrity value in index.html follows). Source files keep both.
 */
function compactFirstLoad(dir) {
  const manifest = join(dir, "manifest.webmanifest");
  writeFileSync(manifest, JSON.stringify(JSON.parse(readFileSync(manifest, "utf8"))));
  const script = readdirSync(dir).find((name) => /^register-[0-9a-f]+\.js$/.test(name));
  if (!script) throw new Error(`${dir} has no register-<hash>.js`);
  const source = readFileSync(join(dir, script), "utf8");
  const compact = source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//"))
    .join("\n");
  if (compact.includes("`")) throw new Error("register.js has a template literal: compacting it line by line is not safe");
  writeFileSync(join(dir, script), compact);
  const indexPath = join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  const pinned = new RegExp(`(src="[^"]*${script.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*"`);
  if (!pinned.test(html)) throw new Error(`index.html has no integrity value for ${script}`);
  const sri = `sha384-${createHash("sha384").update(compact).digest("base64")}`;
  writeFileSync(indexPath, html.replace(pinned, `$1${sri}"`));
}

function* files(folder) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function finishFolder(dir) {
  compactFirstLoad(dir);
  addCsp(dir);

  const hash = createHash("sha256");
  const precache = [];
  const onUse = [];
  for (const path of files(dir)) {
    const name = relative(dir, path).split(sep).join("/");
    if (name === "sw.js") continue;
    hash.update(name).update("\0").update(readFileSync(path)).update("\0");
    // Parts fetched on use are kept by the worker once fetched, and install-only icons are
    // the system's business: neither is downloaded up front.
    if (precached(name)) precache.push(`./${name}`);
    else if (fetchedOnUse(name)) onUse.push(`./${name}`);
  }
  const version = hash.digest("hex").slice(0, 16);
  const template = readFileSync(new URL("../pwa/sw.js", import.meta.url), "utf8");
  const worker = template
    .replace('"__VERSION__"', JSON.stringify(version))
    .replace("__PRECACHE__", JSON.stringify(precache, null, 2))
    .replace("__ON_USE__", JSON.stringify(onUse, null, 2));
  writeFileSync(join(dir, "sw.js"), worker);
  console.log(`sw.js: version ${version}, ${precache.length} files precached`);
}

// Run as a command (compared as real paths: the checkout may be reached through a link).
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/sw-build.mjs <build folder>");
    process.exit(2);
  }
  finishFolder(dir);
}
