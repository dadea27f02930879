// Today before the history (src/domain/today/checkpoint.rs): after each save, and once a
// day, the app stores what Today's first screen needs in the Cache API (pwa/register.js),
// naming the records it was made from. The next start draws Today from it, without
// touching localStorage (whose first access loads every record), and reads the records
// right after; Today then shows the records' own numbers.
import { test, expect, DATA_KEY, fillRun, localDate } from "./fixtures.mjs";

/** FNV-1a 64 of the UTF-8 bytes, written as the app names a stored text: "<bytes>-<hex>".
 *  Worked out here on its own, not by the app's code. */
function fingerprint(text) {
  const bytes = Buffer.from(text, "utf8");
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${bytes.length}-${hash.toString(16).padStart(16, "0")}`;
}

const stored = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);
/** Today's checkpoint as stored, or null. */
const storedCheckpoint = (page) =>
  page.evaluate(async () => {
    const response = await (await caches.open("restride-today")).match(new URL("today-checkpoint", document.baseURI).href);
    return response ? response.text() : null;
  });
/** The records the stored checkpoint names, or null. */
const namedRecords = async (page) => (await storedCheckpoint(page))?.split("\n")[0].split(" ")[2] ?? null;
/** Whether the stored checkpoint names the records stored now. */
const namesStoredRecords = async (page) => (await namedRecords(page)) === fingerprint(await stored(page, DATA_KEY));

/** Runs every other day for `days` days up to yesterday, some hard, some sore. */
async function history(page, days) {
  const runs = [];
  for (let ago = days; ago >= 1; ago -= 2) {
    runs.push({
      id: `h${ago}`, date: await localDate(page, -ago), distance_m: 8000 + (ago % 7) * 1000,
      duration_s: 2400 + (ago % 5) * 300, type: ago % 9 === 0 ? "race" : "easy", rpe: 3 + (ago % 6),
      ...(ago === 1 ? { soreness: { calves: 5 } } : {}),
    });
  }
  return runs;
}

async function seedRuns(page, runs) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [
    DATA_KEY, JSON.stringify({ version: 3, settings: { unit: "km", week_start: "monday" }, runs }),
  ]);
  await page.reload();
}

/** Records, in the page, what Today's first screen says when it is first drawn (the text
 *  of each of `parts`, once all are there), and whether localStorage had been touched by
 *  then. */
function recordFirstDraw(parts = [".card.ready", ".tiles"]) {
  window.storageTouched = false;
  // Reaching for window.localStorage at all counts, as does any of its methods.
  const holder = Object.getOwnPropertyDescriptor(window, "localStorage") ? window : Window.prototype;
  const { get } = Object.getOwnPropertyDescriptor(holder, "localStorage");
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      window.storageTouched = true;
      return get.call(window);
    },
  });
  for (const method of ["getItem", "setItem", "removeItem", "key"]) {
    const original = Storage.prototype[method];
    Storage.prototype[method] = function (...args) {
      window.storageTouched = true;
      return original.apply(this, args);
    };
  }
  new MutationObserver((_, observer) => {
    const drawn = parts.map((selector) => document.querySelector(selector));
    if (drawn.every(Boolean) && window.firstDraw === undefined) {
      window.firstDraw = drawn.map((element) => element.innerText);
      window.storageTouchedBeforeDraw = window.storageTouched;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Waits for the second part: the charts under Today's first screen. */
const secondPart = (page) => expect(page.getByRole("button", { name: "Export daily metrics (CSV)" })).toBeVisible();

/** What Today's first screen says: the readiness card and the tiles. */
async function firstScreen(page) {
  await expect(page.locator(".card.ready")).toBeVisible();
  return [await page.locator(".card.ready").innerText(), await page.locator(".tiles").innerText()];
}

test("the checkpoint names the stored records; the next start draws Today from it, then from the records", async ({ page }) => {
  await seedRuns(page, await history(page, 240));
  // Written once the second part is here, for the records as stored.
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  const fromRecords = await firstScreen(page);

  // Another start: the same first screen, and the checkpoint is left as it is once the
  // second part, which would renew it, is here.
  // Drawn before anything touches localStorage.
  const checkpoint = await storedCheckpoint(page);
  await page.addInitScript(recordFirstDraw);
  await page.reload();
  expect(await firstScreen(page)).toEqual(fromRecords);
  expect(await page.evaluate(() => window.firstDraw)).toEqual(fromRecords);
  expect(await page.evaluate(() => window.storageTouchedBeforeDraw)).toBe(false);
  await secondPart(page);
  await page.waitForTimeout(300);
  expect(await storedCheckpoint(page)).toBe(checkpoint);

  // Records that the checkpoint does not describe (written by hand here: the app removes
  // the checkpoint before it writes the records): Today is first drawn from the
  // checkpoint, then redrawn from the records, and the checkpoint is made again.
  const data = JSON.parse(await stored(page, DATA_KEY));
  data.runs.push({ id: "hard", date: await localDate(page, 0), distance_m: 21000, duration_s: 6300, type: "long", rpe: 9, soreness: { quads: 6 } });
  const changed = JSON.stringify(data);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, changed]);
  await page.reload();
  await expect(page.locator(".card.ready")).toContainText("Quads 6/10 (today)");
  expect(await page.evaluate(() => window.firstDraw)).toEqual(fromRecords);
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  expect(JSON.parse(await stored(page, DATA_KEY)).runs.some((r) => r.id === "hard")).toBe(true);
});

/**
 * Runs in the page first: logs, in order, the first access to localStorage's length, the
 * end of the task it came in (a timer set right then fires once that task is over), and
 * each read of the records.
 */
function recordStorageSteps(key) {
  window.storageSteps = [];
  const length = Object.getOwnPropertyDescriptor(Storage.prototype, "length");
  Object.defineProperty(Storage.prototype, "length", {
    configurable: true,
    get() {
      if (!window.storageSteps.includes("length")) {
        window.storageSteps.push("length");
        setTimeout(() => window.storageSteps.push("next task"), 0);
      }
      return length.get.call(this);
    },
  });
  const getItem = Storage.prototype.getItem;
  Storage.prototype.getItem = function (name) {
    if (name === key) window.storageSteps.push("read");
    return getItem.call(this, name);
  };
}

test("after the first screen, the records are brought into the page in one task and read in a later one", async ({ page }) => {
  await seedRuns(page, await history(page, 240));
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  // In Chromium a page's first localStorage access loads every stored item, and reading
  // and decoding them is a second cost of the same size: not one task for both.
  await page.addInitScript(recordStorageSteps, DATA_KEY);
  await page.reload();
  await secondPart(page);
  await expect.poll(() => page.evaluate(() => window.storageSteps.slice(0, 3))).toEqual(["length", "next task", "read"]);
});

/**
 * Runs in the page first: logs, in order, the first read of the records, the start of
 * each timer's task after it, and Today redrawn from the records (its readiness card
 * showing `drawn`). With `otherTab`, another tab saves `otherTab` added to the records
 * (storage holds the new text and this page gets the `storage` event): right after they
 * are read, before anything else runs, or right after the `afterParts`th part of them is
 * decoded.
 */
function recordReadAndDraw([key, drawn, otherTab, afterParts = 0]) {
  window.drawSteps = [];
  const logging = () => window.drawSteps.includes("read") && !window.drawSteps.includes("drawn");
  let read = null;
  const otherTabSaves = () => {
    const data = JSON.parse(read);
    data.runs.push(otherTab);
    const newValue = JSON.stringify(data);
    Storage.prototype.setItem.call(localStorage, key, newValue);
    window.drawSteps.push("other tab");
    window.dispatchEvent(new StorageEvent("storage", { key, oldValue: read, newValue, storageArea: localStorage, url: location.href }));
  };
  const setTimeout = window.setTimeout;
  window.setTimeout = function (callback, ...rest) {
    return setTimeout.call(window, (...args) => {
      if (logging()) window.drawSteps.push("task");
      return callback(...args);
    }, ...rest);
  };
  // Each part of the records decoded after the read (the app marks it for the profiler).
  const mark = performance.mark;
  performance.mark = function (name, ...rest) {
    if (name === "restride:records-decoded-part" && logging()) {
      window.drawSteps.push("part");
      const parts = window.drawSteps.filter((step) => step === "part").length;
      if (otherTab && parts === afterParts) queueMicrotask(otherTabSaves);
    }
    return mark.call(this, name, ...rest);
  };
  const getItem = Storage.prototype.getItem;
  Storage.prototype.getItem = function (name) {
    const text = getItem.call(this, name);
    if (name === key && !window.drawSteps.includes("read")) {
      window.drawSteps.push("read");
      read = text;
      if (otherTab && afterParts === 0) queueMicrotask(otherTabSaves);
    }
    return text;
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector(".card.ready")?.innerText.includes(drawn)) {
      window.drawSteps.push("drawn");
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Stores, by hand, records the checkpoint does not describe: one hard run today. */
async function addHardRunToday(page) {
  const data = JSON.parse(await stored(page, DATA_KEY));
  data.runs.push({ id: "hard", date: await localDate(page, 0), distance_m: 21000, duration_s: 6300, type: "long", rpe: 9, soreness: { quads: 6 } });
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, JSON.stringify(data)]);
}

test("the records are read and decoded in one task and Today is redrawn from them in a later one", async ({ page }) => {
  await seedRuns(page, await history(page, 240));
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  // With 20,000 runs reading them and drawing Today from them each take tens of
  // milliseconds on a phone: not one task for both.
  await addHardRunToday(page);
  await page.addInitScript(recordReadAndDraw, [DATA_KEY, "Quads 6/10 (today)", null]);
  await page.reload();
  await expect(page.locator(".card.ready")).toContainText("Quads 6/10 (today)");
  // Drawn in a task after the read's: a timer ran in between.
  const steps = await page.evaluate(() => window.drawSteps);
  expect(steps[0]).toBe("read");
  expect(steps.at(-1)).toBe("drawn");
  expect(steps.slice(1, -1)).toContain("task");
});

test("another tab's save between the records' read and their drawing is kept", async ({ page }) => {
  await seedRuns(page, await history(page, 240));
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  await addHardRunToday(page);
  const otherTab = { id: "other-tab", date: await localDate(page, -1), distance_m: 4321, duration_s: 1500, type: "easy", rpe: 2 };
  await page.addInitScript(recordReadAndDraw, [DATA_KEY, "Quads 6/10 (today)", otherTab]);
  await page.reload();
  await expect(page.locator(".card.ready")).toContainText("Quads 6/10 (today)");
  await secondPart(page);
  await logRunKeepingAll(page, ["other-tab", "hard", "h240"], 120 + 3);
});

/**
 * This page saves a run of its own, without a reload (which would read storage anew):
 * `ids` (the other tab's run, the hand-stored one, the history's first) and every other
 * run are still stored, `count` in all.
 */
async function logRunKeepingAll(page, ids, count) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log run" }).click();
  await fillRun(page, { distance: "5", duration: "25", rpe: 4 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".run-row").first()).toBeVisible();
  const storedIds = JSON.parse(await stored(page, DATA_KEY)).runs.map((r) => r.id);
  for (const id of ids) expect(storedIds).toContain(id);
  expect(storedIds.length).toBe(count);
}

/** `count` runs of the last years, several a day, stored and drawn once (the checkpoint
 *  kept), then one hard run today stored by hand: the next start draws Today from the
 *  checkpoint, then from the records with that run. Returns the number of runs stored. */
async function longHistory(page, count) {
  await page.goto("/");
  const today = new Date(await localDate(page, 0));
  const runs = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(today);
    d.setDate(d.getDate() - 1 - Math.floor(i / 3));
    runs.push({ id: `r${i}`, date: d.toISOString().slice(0, 10), distance_m: 5000 + (i % 13) * 700, duration_s: 1500 + (i % 11) * 240, type: "easy", rpe: 2 + (i % 8) });
  }
  await seedRuns(page, runs);
  await expect.poll(() => namesStoredRecords(page), { timeout: 60_000 }).toBe(true);
  await addHardRunToday(page);
  return count + 1;
}

test("a long history is decoded a part per task, not in one long task, and Today is drawn from all of it", async ({ page }) => {
  // (The hard run Today shows is the last record stored: in the last part decoded.)
  test.setTimeout(120_000);
  // 24,000 runs: about 2.3 MB of text, decoded about a megabyte a step after a scan.
  await longHistory(page, 24_000);
  await page.addInitScript(recordReadAndDraw, [DATA_KEY, "Quads 6/10 (today)", null]);
  await page.reload();
  await expect(page.locator(".card.ready")).toContainText("Quads 6/10 (today)", { timeout: 60_000 });
  const steps = await page.evaluate(() => window.drawSteps);
  expect(steps[0]).toBe("read");
  expect(steps.at(-1)).toBe("drawn");
  // The scan and three parts of the records, each in a task of its own, and the drawing in
  // a later one: every "part" follows a "task" of its own.
  const decoding = steps.slice(1, -1).join(" ");
  expect(decoding.match(/task part/g)?.length).toBe(4);
  expect(decoding).not.toMatch(/part part/);
  expect(decoding).toMatch(/part( task)+$/);
});

test("another tab's save while a long history is being decoded is kept", async ({ page }) => {
  test.setTimeout(120_000);
  const count = await longHistory(page, 24_000);
  const otherTab = { id: "other-tab", date: await localDate(page, -1), distance_m: 4321, duration_s: 1500, type: "easy", rpe: 2 };
  // Right after the second part: the text scanned, a first part of the records decoded,
  // two more to go.
  await page.addInitScript(recordReadAndDraw, [DATA_KEY, "Quads 6/10 (today)", otherTab, 2]);
  await page.reload();
  await expect(page.locator(".card.ready")).toContainText("Quads 6/10 (today)", { timeout: 60_000 });
  await secondPart(page);
  const steps = await page.evaluate(() => window.drawSteps);
  // The rest was decoded at once, to take the other tab's save into all of it.
  expect(steps.filter((step) => step !== "task")).toEqual(["read", "part", "part", "other tab", "drawn"]);
  await logRunKeepingAll(page, ["other-tab", "hard", "r0", "r23999"], count + 2);
});

test("a start from today's checkpoint reads the records once: keeping the checkpoint does not read them again", async ({ page }) => {
  await seedRuns(page, await history(page, 240));
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  // The checkpoint already names these records on this day: nothing to check against
  // storage (a read of the whole text, 20 ms with 20,000 runs) and nothing to write.
  const checkpoint = await storedCheckpoint(page);
  await page.addInitScript(recordStorageSteps, DATA_KEY);
  await page.reload();
  await secondPart(page);
  await expect.poll(() => page.evaluate(() => window.storageSteps.filter((step) => step === "read").length)).toBe(1);
  // Well past the moment the checkpoint is kept (a zero-delay timer once the records are read).
  await page.waitForTimeout(1_500);
  expect(await page.evaluate(() => window.storageSteps.filter((step) => step === "read").length)).toBe(1);
  expect(await storedCheckpoint(page)).toBe(checkpoint);

  // A save still checks storage and keeps a checkpoint that names the new records.
  await page.goto("/log");
  await fillRun(page, { distance: "5", duration: "25", rpe: 4 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  expect(await storedCheckpoint(page)).not.toBe(checkpoint);
});

test("a new runner's Today is drawn from a checkpoint too, without touching localStorage; records stored meanwhile are then read", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".empty")).toBeVisible();
  // Nothing stored: the checkpoint names the empty text.
  await expect.poll(() => namedRecords(page)).toBe(fingerprint(""));
  expect(await stored(page, DATA_KEY)).toBeNull();

  await page.addInitScript(recordFirstDraw, [".empty"]);
  await page.reload();
  await expect(page.locator(".empty")).toBeVisible();
  expect(await page.evaluate(() => window.storageTouchedBeforeDraw)).toBe(false);

  // Records another tab wrote (by hand here) while the checkpoint said nothing is stored:
  // Today is redrawn from them once they are read, and the checkpoint is made again.
  const runs = await history(page, 30);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [
    DATA_KEY, JSON.stringify({ version: 3, settings: { unit: "km", week_start: "monday" }, runs }),
  ]);
  await page.reload();
  await expect(page.locator(".card.ready")).toBeVisible();
  await expect(page.locator(".empty")).toHaveCount(0);
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
});

test("saving a run asks for the checkpoint's removal before writing, and a new one names the new records", async ({ page }) => {
  await seedRuns(page, await history(page, 120));
  // (The first visit, with nothing stored, kept a checkpoint of its own: wait for this one.)
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  // Every write and removal from here on, in order: the records' and the checkpoint's
  // (which register.js carries out one after the other, in this order).
  await page.evaluate(() => {
    window.storageLog = [];
    const { setItem } = Storage.prototype;
    Storage.prototype.setItem = function (key, value) {
      window.storageLog.push(`set ${key}`);
      return setItem.call(this, key, value);
    };
    const { keepToday, forgetToday } = window.restrideDevice;
    window.restrideDevice.keepToday = (text) => {
      window.storageLog.push("keep checkpoint");
      return keepToday(text);
    };
    window.restrideDevice.forgetToday = () => {
      window.storageLog.push("forget checkpoint");
      return forgetToday();
    };
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log run" }).click();
  await page.getByLabel(/^Distance/).fill("12");
  await page.getByLabel("Time (h:mm:ss)").fill("1:05:00");
  await page.getByRole("radio", { name: /^6:/ }).check();
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByRole("status")).toContainText("Run saved.");
  const records = await stored(page, DATA_KEY);
  await expect.poll(() => namedRecords(page)).toBe(fingerprint(records));
  const log = (await page.evaluate(() => window.storageLog)).filter((e) => e.endsWith("checkpoint") || e.endsWith(DATA_KEY));
  expect(log).toEqual(["forget checkpoint", `set ${DATA_KEY}`, "keep checkpoint"]);
  // Drawn from it on the next start, Today shows the new run's week.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Today/ }).click();
  const before = await firstScreen(page);
  await page.reload();
  expect(await firstScreen(page)).toEqual(before);
});

test("with 5,000 runs, Today from the checkpoint equals Today read from the records", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  const runs = [];
  const today = new Date(await localDate(page, 0));
  for (let i = 0; i < 5000; i++) {
    const d = new Date(today);
    d.setDate(d.getDate() - 1 - Math.floor(i * 0.7));
    const date = d.toISOString().slice(0, 10);
    runs.push({ id: `r${i}`, date, distance_m: 5000 + (i % 13) * 700, duration_s: 1500 + (i % 11) * 240, type: "easy", rpe: 2 + (i % 8) });
  }
  await seedRuns(page, runs);
  await expect.poll(() => namesStoredRecords(page), { timeout: 30_000 }).toBe(true);
  // Two fresh pages: the first draws Today from the checkpoint, the second is started
  // without it (removed before the app runs) and draws Today from the records. Their
  // first drawings agree.
  const drawn = [];
  for (const withCheckpoint of [true, false]) {
    const fresh = await page.context().newPage();
    // Hidden from the page before register.js reads it.
    if (!withCheckpoint) {
      await fresh.addInitScript(() => {
        const open = CacheStorage.prototype.open;
        CacheStorage.prototype.open = function (name) {
          return name === "restride-today" ? Promise.reject(new Error("hidden")) : open.call(this, name);
        };
      });
    }
    await fresh.addInitScript(recordFirstDraw);
    await fresh.goto("/");
    await expect(fresh.locator(".card.ready")).toBeVisible();
    drawn.push(await fresh.evaluate(() => window.firstDraw));
    await fresh.close();
  }
  expect(drawn[0]).toEqual(drawn[1]);
});

test("a Cache API that never answers does not keep the app from starting: Today comes from the records", async ({ page }) => {
  await seedRuns(page, await history(page, 60));
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  const fromRecords = await firstScreen(page);
  await page.addInitScript(() => {
    const open = CacheStorage.prototype.open;
    CacheStorage.prototype.open = function (name) {
      return name === "restride-today" ? new Promise(() => {}) : open.call(this, name);
    };
  });
  await page.reload();
  expect(await firstScreen(page)).toEqual(fromRecords);
});

// Today keeps only the days it shows (the older ones are folded, as in its checkpoint):
// the daily-metrics export still has every day from the first run, from the records, also
// on a start drawn from the checkpoint.
test("the daily-metrics export has every day of a long history after a start from the checkpoint", async ({ page }) => {
  await seedRuns(page, await history(page, 240));
  await expect.poll(() => namesStoredRecords(page)).toBe(true);
  await page.reload();
  await secondPart(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export daily metrics (CSV)" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const rows = text.trim().split("\n").slice(1);
  // The first run was 240 days ago: 240 days before today, and today.
  expect(rows).toHaveLength(241);
  expect(rows[0].split(",")[0]).toBe(await localDate(page, -240));
  expect(rows.at(-1).split(",")[0]).toBe(await localDate(page));
  // A day long before Today's charts: the run of 200 days ago, 12 km, 40 min at RPE 5.
  const longAgo = await localDate(page, -200);
  const old = rows.find((r) => r.startsWith(`${longAgo},`)).split(",");
  expect(old[1]).toBe("12.000");
  expect(old[2]).toBe("200.00");
});
