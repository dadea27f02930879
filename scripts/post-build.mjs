// Trunk's post_build hook (Trunk.toml), on the staging folder: first the WebAssembly is
// split at the pages (scripts/wasm-split.mjs), then the policy and the service worker are
// written for the files that result (scripts/sw-build.mjs). One hook, because Trunk runs
// the hooks of a stage side by side.
import { splitPages } from "./wasm-split.mjs";
import { finishFolder } from "./sw-build.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
  process.exit(2);
}
try {
  const split = splitPages(staging, {
    root: process.env.TRUNK_SOURCE_DIR ?? process.cwd(),
    profile: process.env.TRUNK_PROFILE === "debug" ? "debug" : "release",
  });
  console.log(`wasm-split: ${split.main}, ${split.loader} and ${split.parts.join(", ")}`);
  finishFolder(staging);
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
