// Prints every file of a build folder with its raw and gzip size, and the totals.
// Usage: node scripts/sizes.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const root = process.argv[2] ?? "dist";

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const rows = [...files(root)].map((path) => {
  const bytes = readFileSync(path);
  return { file: relative(root, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const width = Math.max(4, ...rows.map((r) => r.file.length));
const line = (file, raw, gzip) =>
  `${file.padEnd(width)}  ${String(raw).padStart(10)}  ${String(gzip).padStart(10)}`;
console.log(line("file", "bytes", "gzip bytes"));
for (const r of rows) console.log(line(r.file, r.raw, r.gzip));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(line("total", total.raw, total.gzip));
console.log(`gzip total: ${(total.gzip / 1024).toFixed(1)} KiB`);
