// Serves a built dist/ folder on 127.0.0.1 with the right MIME types. Paths without a
// file fall back to index.html, as any static host must be set up to do for a
// single-page app. Usage: node scripts/serve-dist.mjs <dir> <port> [/sub-path/], or
// import { serve }.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `folder` on 127.0.0.1:`port` under the URL path `prefix` (as a host serving the
 * app from a sub-path would); resolves to the Node server once listening.
 */
export function serve(folder, port, prefix = "/") {
  const root = resolve(folder);

  async function fileFor(urlPath) {
    const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
    const candidate = join(root, clean);
    if (!candidate.startsWith(root)) return null;
    try {
      const info = await stat(candidate);
      if (info.isFile()) return candidate;
      if (info.isDirectory()) {
        const index = join(candidate, "index.html");
        if ((await stat(index).catch(() => null))?.isFile()) return index;
      }
    } catch {}
    return null;
  }

  const server = createServer(async (req, res) => {
    try {
      const full = new URL(req.url, "http://localhost").pathname;
      if (!full.startsWith(prefix) && `${full}/` !== prefix) {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
        return;
      }
      const path = `/${full.slice(prefix.length)}`;
      let file = await fileFor(path);
      // Routes of the app (no file extension) get the app; missing assets get a 404.
      if (!file && !extname(path)) file = join(root, "index.html");
      if (!file) {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const prefix = process.argv[4] ?? "/";
  await serve(folder, port, prefix);
  console.log(`serving ${resolve(folder)} at http://127.0.0.1:${port}${prefix}`);
}
