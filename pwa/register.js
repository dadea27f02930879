// Registers the service worker, offers updates, and keeps the install prompt for Settings.
// Plain JavaScript on purpose: it runs before the WebAssembly loads, and the update banner
// still works if a broken release fails to start.
(() => {
  // Chrome fires this early; the Settings page offers "Install app" while it is kept.
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    window.restrideInstallPrompt = event;
    window.dispatchEvent(new Event("restride-install-changed"));
  });
  // Installed: the browser may now promise to keep the storage (Chrome grants it then).
  const keepStorage = () => {
    if (!navigator.storage?.persist) return;
    navigator.storage.persisted().then((kept) => kept || navigator.storage.persist()).catch(() => {});
  };
  window.addEventListener("appinstalled", () => {
    keepStorage();
    window.restrideInstallPrompt = null;
    window.dispatchEvent(new Event("restride-install-changed"));
  });
  window.restrideInstall = () => {
    const prompt = window.restrideInstallPrompt;
    if (!prompt) return;
    prompt.prompt();
    prompt.userChoice.finally(() => {
      window.restrideInstallPrompt = null;
      window.dispatchEvent(new Event("restride-install-changed"));
    });
  };

  // Today's checkpoint (src/domain/today/checkpoint.rs) lives in the Cache API, not in
  // localStorage: a page's first localStorage access loads every stored record into it
  // (about 10 ms with 5,000 runs, 20 ms with 20,000), which Today's first screen must not
  // wait for. Read as soon as this script runs, while the WebAssembly downloads; written
  // and removed one after the other, in the order the app asks.
  const TODAY_CACHE = "restride-today";
  const todayUrl = new URL("today-checkpoint", document.baseURI).href;
  // Inside a promise: reading `caches` can throw at once (an opaque origin), and this
  // script must go on to define restrideDevice and register the worker.
  const todayCache = () => Promise.resolve().then(() => caches.open(TODAY_CACHE));
  // The app starts once this settles: a Cache API that does not answer within a moment
  // (it can hang in some private modes) means starting from the records instead.
  const todayRead = Promise.race([
    todayCache()
      .then((cache) => cache.match(todayUrl))
      .then((response) => (response ? response.text() : null)),
    new Promise((resolve) => setTimeout(() => resolve(null), 400)),
  ]).catch(() => null);
  let todayWrites = Promise.resolve();
  const queueToday = (op) => {
    todayWrites = todayWrites.then(() => todayCache().then(op)).catch(() => {});
    return todayWrites;
  };

  // Device features the WebAssembly calls by name. Each one does nothing where the browser
  // lacks the feature, so the app never depends on it.
  // Files the system opened Restride with ("Open with"), and those shared to it (kept by
  // the service worker): the import page takes each once.
  const launched = [];
  if ("launchQueue" in window) {
    window.launchQueue.setConsumer(async (params) => {
      if (!params.files?.length) return;
      // All of a launch's files at once, so a take never gets only some of them.
      const files = await Promise.all(params.files.map((handle) => handle.getFile()));
      launched.push(...files);
      window.dispatchEvent(new Event("restride-files-opened"));
    });
  }
  const SHARED = "restride-shared-files";
  let taking = Promise.resolve([]);
  const takeOnce = async () => {
    const taken = launched.splice(0);
    try {
      if (!("caches" in window) || !(await caches.has(SHARED))) return taken;
      const cache = await caches.open(SHARED);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        await cache.delete(request);
        if (!response) continue;
        const blob = await response.blob();
        const name = decodeURIComponent(response.headers.get("x-file-name") ?? "shared file");
        taken.push(new File([blob], name, { type: blob.type }));
      }
    } catch {
      // What could be read is handed over; the rest cannot be read again.
    } finally {
      if ("caches" in window) await caches.delete(SHARED).catch(() => {});
    }
    return taken;
  };
  let wakeLock = null;
  let requesting = false;
  let wanted = false;
  window.restrideDevice = {
    // Today's checkpoint as stored when this page started (a Promise of its text or null).
    readToday: () => todayRead,
    keepToday: (text) => queueToday((cache) => cache.put(todayUrl, new Response(text))),
    forgetToday: () => queueToday((cache) => cache.delete(todayUrl)),
    notificationPermission: () => ("Notification" in window ? Notification.permission : "unsupported"),
    // Asked only from the runner's tap on the Settings switch; resolves to the permission.
    askNotifications: () =>
      "Notification" in window ? Notification.requestPermission() : Promise.resolve("unsupported"),
    // Android rejects `new Notification`: notifications go through the service worker.
    // Resolves to whether the notification was shown.
    notify: (title, body, tag) => {
      if (!("Notification" in window) || Notification.permission !== "granted") return Promise.resolve(false);
      if (!("serviceWorker" in navigator)) return Promise.resolve(false);
      return navigator.serviceWorker.ready
        .then((registration) =>
          registration.showNotification(title, { body, tag, icon: "icons/icon-192.png", badge: "icons/icon-192.png" }),
        )
        .then(
          () => true,
          () => false,
        );
    },
    badge: (count) => {
      if (!("setAppBadge" in navigator)) return;
      (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge()).catch(() => {});
    },
    vibrate: (ms) => {
      if ("vibrate" in navigator) navigator.vibrate(ms);
    },
    keepAwake: (on) => {
      wanted = on;
      if (!on) {
        wakeLock?.release().catch(() => {});
        wakeLock = null;
        return;
      }
      if (!("wakeLock" in navigator) || wakeLock || requesting) return;
      requesting = true;
      navigator.wakeLock
        .request("screen")
        .then((lock) => {
          requesting = false;
          // Released while the request was pending: let it go at once.
          if (!wanted) {
            lock.release().catch(() => {});
            return;
          }
          wakeLock = lock;
          lock.addEventListener("release", () => {
            if (wakeLock === lock) wakeLock = null;
          });
        })
        .catch(() => {
          requesting = false;
        });
    },
    isAwake: () => wakeLock !== null,
    // Asked when records are first saved in a visit and when the app is installed.
    keepStorage,
    // Files shared to Restride (kept by the service worker) or opened with it (the
    // manifest's file_handlers, through the launch queue), taken once: a Promise of Files.
    // One take at a time, so two callers never get the same files twice.
    takeSharedFiles: () => (taking = taking.then(takeOnce, takeOnce)),
    storagePersisted: () =>
      navigator.storage?.persisted ? navigator.storage.persisted().catch(() => false) : Promise.resolve(false),
    // On phones, a file goes to the share sheet (save to Files, send to a cloud drive or
    // another device). Returns false where that is not possible, and the caller downloads.
    // `done(handedOver)`, if given, says afterwards whether the file went anywhere.
    shareFile: (name, mime, text, done) => {
      if (!matchMedia("(pointer: coarse)").matches || !navigator.canShare) return false;
      const file = new File([text], name, { type: mime });
      if (!navigator.canShare({ files: [file] })) return false;
      navigator.share({ files: [file], title: name }).then(
        () => done?.(true),
        (error) => {
          if (error.name === "AbortError") return done?.(false);
          // Sharing refused (no user gesture left, a policy): fall back to a download.
          const link = document.createElement("a");
          link.href = URL.createObjectURL(file);
          link.download = name;
          link.click();
          setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
          done?.(true);
        },
      );
      return true;
    },
  };

  if (!("serviceWorker" in navigator)) return;
  const workerUrl = new URL("sw.js", document.currentScript.src);
  let reloadAsked = false;

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only after the runner tapped Reload; the first install also changes the controller.
    if (!reloadAsked) return;
    reloadAsked = false;
    location.reload();
  });

  function offerUpdate(worker) {
    if (document.getElementById("update-banner")) return;
    const banner = document.createElement("div");
    banner.id = "update-banner";
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = "Update available";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Reload";
    button.addEventListener("click", () => {
      // Another tab may have switched to it already: then only this page is old.
      if (worker.state === "activating" || worker.state === "activated") {
        location.reload();
        return;
      }
      reloadAsked = true;
      button.disabled = true;
      worker.postMessage("skip-waiting");
    });
    banner.append(text, " — ", button);
    document.body.append(banner);
  }

  // Once the page has loaded: registering looks for a new version of the worker, work the
  // first screen need not wait for.
  const register = () => navigator.serviceWorker
    .register(workerUrl, { updateViaCache: "none" })
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
        });
      });
      // Look for a new version whenever the app comes back to the foreground.
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") registration.update().catch(() => {});
      });
    })
    .catch(() => {
      // No service worker (private mode, or an insecure origin): the app still runs online.
    });
  if (document.readyState === "complete") register();
  else window.addEventListener("load", () => setTimeout(register, 0), { once: true });
})();
