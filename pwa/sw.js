// Restride's service worker. scripts/sw-build.mjs fills in the version and the exact list
// of files of the build (Trunk's post_build hook), so each release precaches itself under
// its own cache and an update is always a whole new set of files.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
// Parts fetched only when their page is opened (the import page's): not precached.
const ON_USE = __ON_USE__;
const CACHE = `restride-${VERSION}`;
// Files shared to Restride from another app (the manifest's share_target), kept only
// until the import page takes them. Never sent anywhere: they go from here to the page.
const SHARED = "restride-shared-files";
// Today's checkpoint, kept by the page (register.js): the runner's, not this version's.
const TODAY = "restride-today";
// Trunk's content hash in a name ("restride-0123456789abcdef_bg.wasm"): such a file never
// changes, so the copy the page just downloaded may come from the HTTP cache.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  // Files without a hash skip the HTTP cache, so a new version never mixes in old ones.
  const requests = PRECACHE.map((url) => (HASHED.test(url) ? url : new Request(url, { cache: "reload" })));
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(requests);
      await carryOpenedParts(cache);
    }),
  );
});

/** The split a part's file belongs to ("split_import-0123….wasm" → "import"), or null. */
const splitOf = (url) => new URL(url, self.location.href).pathname.split("/").pop().match(/^split_([a-z]+)[-_]/)?.[1] ?? null;

// A part fetched on use that an earlier version had kept (the runner opened its page) is
// fetched for this version too, so a page that worked offline still does after an
// update. Best effort: without it the page is fetched when next opened online.
async function carryOpenedParts(cache) {
  const opened = new Set();
  for (const key of await caches.keys()) {
    if (!key.startsWith("restride-") || key === CACHE || key === SHARED || key === TODAY) continue;
    for (const request of await (await caches.open(key)).keys()) opened.add(splitOf(request.url));
  }
  await cache.addAll(ON_USE.filter((url) => opened.has(splitOf(url)))).catch(() => {});
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("restride-") && key !== CACHE && key !== SHARED && key !== TODAY) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks for this only when the runner taps "Reload" on the update banner.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// A tapped reminder notification opens the app's Massage page, in an open window if any.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL("massage", self.registration.scope).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of windows) {
        if ("focus" in client) {
          await client.focus();
          if ("navigate" in client) await client.navigate(target).catch(() => {});
          return;
        }
      }
      await self.clients.openWindow(target);
    })(),
  );
});

// "Share to Restride": the files come as a POST from the system's share sheet. They are
// kept in a cache of their own, replacing any earlier share not yet taken, and the import
// page opens to read them (`takeSharedFiles` in register.js).
async function receiveShare(request) {
  try {
    const form = await request.formData();
    const files = form.getAll("files").filter((f) => typeof f === "object" && "name" in f);
    await caches.delete(SHARED);
    const cache = await caches.open(SHARED);
    await Promise.all(
      files.map((file, i) =>
        cache.put(
          new Request(`shared-file/${i}`),
          new Response(file, { headers: { "x-file-name": encodeURIComponent(file.name), "content-type": file.type || "application/octet-stream" } }),
        ),
      ),
    );
  } catch {
    // Storage full or a broken upload: the import page opens anyway, and the runner can
    // choose the files there.
  }
  return Response.redirect(new URL("import?shared", self.registration.scope).href, 303);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method === "POST" && request.url === new URL("share-target", self.registration.scope).href) {
    event.respondWith(receiveShare(request));
    return;
  }
  if (request.method !== "GET") return;
  // Other origins are never cached or answered here (the app makes no such request).
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every page of the app is index.html of this version: it works offline, and the page
    // always loads the JS and WebAssembly of the same build.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("./index.html")).then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      // A part fetched on use (the import page's) is not precached: kept once fetched, so
      // the page works offline from then on. Hashed names never change, so a copy is
      // always right for this version.
      if (response.ok && HASHED.test(new URL(request.url).pathname)) {
        // Storage full or the like: the page still gets what the network gave.
        event.waitUntil(cache.put(request, response.clone()).catch(() => {}));
      }
      return response;
    })(),
  );
});
