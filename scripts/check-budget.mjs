// Fails when the first load of a build is over its gzip budget (200 KB). Bytes are
// deterministic, so this is a test, not a benchmark. Usage: node scripts/check-budget.mjs dist
import { existsSync } from "node:fs";
import { join } from "node:path";
import { FIRST_VISIT_GOAL, GZIP_BUDGET, firstLoadSizes, firstVisitSizes } from "./first-load.mjs";

const dir = process.argv[2] ?? "dist";
if (!existsSync(join(dir, "index.html"))) {
  console.error(`check-budget: ${dir}/index.html is missing; build the app first (trunk build --release).`);
  process.exit(2);
}

let sizes;
try {
  sizes = firstLoadSizes(dir);
} catch (error) {
  console.error(`check-budget: ${error.message}`);
  process.exit(2);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(...sizes.files.map((f) => f.file.length));
for (const f of sizes.files) console.log(`  ${f.file.padEnd(width)}  ${String(f.gzip).padStart(8)} B gzip  (${f.why})`);
const { gzip } = sizes.total;
const verdict = `first load of ${dir}: ${gzip} B gzip (${kb(gzip)}); budget ${GZIP_BUDGET} B (${kb(GZIP_BUDGET)})`;
if (gzip > GZIP_BUDGET) {
  const wasm = sizes.files.find((f) => f.file.endsWith(".wasm"));
  console.error(`FAIL ${verdict}: ${gzip - GZIP_BUDGET} B over.`);
  if (wasm) console.error(`     The WebAssembly is ${wasm.gzip} B of it (${wasm.file}).`);
  process.exit(1);
}
console.log(`ok   ${verdict}: ${GZIP_BUDGET - gzip} B to spare.`);
// For information (the bench judges it): what the whole first visit downloads.
const visit = firstVisitSizes(dir);
console.log(`     whole first visit (with sw.js and its precache): ${visit.total.gzip} B gzip (${kb(visit.total.gzip)}; goal ${kb(FIRST_VISIT_GOAL)}); fetched when opened: ${visit.onUse.join(", ") || "nothing"}`);
