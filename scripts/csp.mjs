// Adds a Content-Security-Policy to a built index.html. Its inline scripts (Trunk's loader,
// and the line that starts the first module's fetch, scripts/wasm-split.mjs) are allowed
// exactly, each by its SHA-256 hash, instead of 'unsafe-inline'; WebAssembly needs
// 'wasm-unsafe-eval'. Nothing may load from another
// origin. Running it again replaces the policy it wrote before.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MARK = 'http-equiv="Content-Security-Policy"';

export function policyFor(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")} 'wasm-unsafe-eval'`.replace(/ +/g, " "),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");
}

export function addCsp(dir) {
  const file = join(dir, "index.html");
  const html = readFileSync(file, "utf8").replace(new RegExp(`\\s*<meta ${MARK}[^>]*>`), "");
  const meta = `<meta ${MARK} content="${policyFor(html)}" />`;
  // Right after <meta charset>, so it governs every script and style that follows.
  const withPolicy = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
  if (withPolicy === html) throw new Error(`${file}: no <meta charset="utf-8" /> to put the policy after`);
  writeFileSync(file, withPolicy);
}
