// Massage reminders, the routine player, the body map, races and the calendar export,
// checked in the release build. Every date is relative to the browser's own today.
import { test, expect, fillRun, localDate, seedJournal, shortDay, storedText } from "./fixtures.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The list under a heading of the Massage page ("Due now", "Coming up"). */
const list = (page, heading) => page.locator(`h2:text-is("${heading}") + ul.reminders`);
/** The reminder card whose title is `title` (a string matches the whole title). */
const card = (scope, title) =>
  scope.locator("li.reminder").filter({ has: scope.page().getByRole("heading", { name: title, exact: true }) });
const massageTab = (page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ });
const stored = async (page) => JSON.parse(await storedText(page));

/** A 100-minute run yesterday: a long run, so a recovery window from today to today + 2. */
async function longRunYesterday(page, fields = {}) {
  return { id: "long1", date: await localDate(page, -1), distance_m: 16000, duration_s: 6000, type: "long", rpe: 5, ...fields };
}

async function recoveryTitle(page) {
  return `Recovery massage or self-massage between ${await shortDay(page, 0)} and ${await shortDay(page, 2)}`;
}

test("a long run brings a recovery reminder with its why; snooze hides it until its date", async ({ page }) => {
  await page.goto("/log");
  await fillRun(page, { date: await localDate(page, -1), distance: "16", duration: "1:40:00", rpe: 5 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page).toHaveURL(/\/history$/);
  const runId = (await stored(page)).runs[0].id;

  await expect(massageTab(page).locator(".nav-count")).toHaveText("1 due");
  await massageTab(page).click();
  await expect(page).toHaveURL(/\/massage$/);
  const title = await recoveryTitle(page);
  const due = card(list(page, "Due now"), title);
  await expect(due).toBeVisible();
  await expect(due.locator(".reminder-status")).toHaveText(`Due — until ${await shortDay(page, 2)}`);
  await expect(due).toContainText(
    `Why: Your 100-minute run (16.00 km) on ${await shortDay(page, -1)} was a long run (≥ 90 minutes).`,
  );

  // Today shows the same reminder among those due.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  const todayDue = page.getByRole("region", { name: "Massage reminders due" });
  await expect(todayDue.getByRole("heading", { name: title })).toBeVisible();
  await expect(todayDue).toContainText("100-minute run");

  await massageTab(page).click();
  await card(list(page, "Due now"), title).getByRole("button", { name: "Snooze 1 day" }).click();
  const tomorrow = await shortDay(page, 1);
  await expect(page.getByRole("status")).toContainText(`Snoozed until ${tomorrow}.`);
  const snoozed = card(list(page, "Coming up"), title);
  await expect(snoozed.locator(".reminder-status")).toHaveText(`Snoozed until ${tomorrow}`);
  await expect(page.getByText("Nothing due. Reminders appear here")).toBeVisible();
  await expect(massageTab(page).locator(".nav-count")).toHaveCount(0);
  expect((await stored(page)).reminders).toEqual({ [`hard:${runId}`]: { state: "snoozed", until: await localDate(page, 1) } });

  await page.reload();
  await expect(card(list(page, "Coming up"), title).locator(".reminder-status")).toHaveText(`Snoozed until ${tomorrow}`);
  await expect(list(page, "Due now")).toHaveCount(0);
  await expect(massageTab(page).locator(".nav-count")).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Massage reminders due" })).toHaveCount(0);
});

test("a snooze that ends today makes the reminder due again", async ({ page }) => {
  await page.goto("/");
  await seedJournal(page, {
    runs: [await longRunYesterday(page)],
    reminders: { "hard:long1": { state: "snoozed", until: await localDate(page) } },
  });
  await page.goto("/massage");
  const due = card(list(page, "Due now"), await recoveryTitle(page));
  await expect(due.locator(".reminder-status")).toHaveText(`Due — until ${await shortDay(page, 2)}`);
  await expect(massageTab(page).locator(".nav-count")).toHaveText("1 due");
});

test("marking a reminder done opens a pre-filled massage log and the massage appears in History", async ({ page }) => {
  await page.goto("/");
  await seedJournal(page, { runs: [await longRunYesterday(page)] });
  await page.goto("/massage");
  const title = await recoveryTitle(page);
  await card(list(page, "Due now"), title).getByRole("button", { name: "Done — log it" }).click();

  await expect(page).toHaveURL(/\/massage\/log$/);
  await expect(page.getByRole("heading", { name: "Log a massage" })).toBeVisible();
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(await localDate(page));
  await expect(page.getByLabel("Minutes")).toHaveValue("10");
  await expect(page.getByLabel("Kind")).toHaveValue("self_massage"); // RPE 5 is not hard: self-massage
  await expect(page.getByLabel("Deep tissue (not a light flush)")).not.toBeChecked();
  for (const region of ["Calves", "Quads", "Hamstrings", "Glutes", "Feet / plantar fascia"]) {
    await expect(page.getByLabel(region, { exact: true })).toBeChecked();
  }
  for (const region of ["Achilles", "Shins", "Knees", "Hips / IT band", "Lower back"]) {
    await expect(page.getByLabel(region, { exact: true })).not.toBeChecked();
  }
  await page.getByRole("button", { name: "Save massage" }).click();

  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole("status")).toContainText("Massage saved.");
  const row = page.locator(".massage-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Massage");
  await expect(row).toContainText("Self-massage · 10 min");
  await expect(row).toContainText("feet / plantar fascia, calves, quads, hamstrings, glutes");
  const data = await stored(page);
  expect(data.version).toBe(3);
  expect(data.massages).toEqual([
    expect.objectContaining({ date: await localDate(page), kind: "self_massage", minutes: 10, regions: ["feet", "calves", "quads", "hamstrings", "glutes"] }),
  ]);
  expect(data.reminders["hard:long1"]).toEqual({ state: "done", on: await localDate(page) });

  await page.goto("/massage");
  await expect(page.getByText("Nothing due. Reminders appear here")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Nothing due. Reminders appear here")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  await expect(massageTab(page).locator(".nav-count")).toHaveCount(0);
  await page.goto("/history");
  await expect(page.locator(".massage-row")).toHaveCount(1);
});

test("a race next week and calves sore twice: a booking window, a routine and a calendar file", async ({ page }) => {
  await page.goto("/");
  const easy = async (id, ago, soreness) => ({
    id, date: await localDate(page, -ago), distance_m: 8000, duration_s: 2400, type: "easy", rpe: 4, ...(soreness ? { soreness } : {}),
  });
  await seedJournal(page, { runs: [await easy("s5", 5), await easy("s3", 3, { calves: 4 }), await easy("s1", 1, { calves: 5 })] });

  await page.goto("/races/new");
  await expect(page.getByRole("heading", { name: "Add a race" })).toBeVisible();
  await page.getByLabel("Name").fill("City Marathon");
  await page.getByLabel("Date").fill(await localDate(page, 8));
  await page.getByRole("button", { name: "Marathon" }).click();
  await page.getByRole("radio", { name: "A — the goal race" }).check();
  await page.getByRole("button", { name: "Save race" }).click();
  await expect(page).toHaveURL(/\/massage$/);
  await expect(page.getByRole("status")).toContainText("Race saved.");
  const race = (await stored(page)).races[0];
  expect(race).toMatchObject({ name: "City Marathon", date: await localDate(page, 8), distance_m: 42195, priority: "A" });

  const due = list(page, "Due now");
  // One appointment answers the race's last deep window and the regular interval.
  const book = `Book a sports massage for ${await shortDay(page, 1)}–${await shortDay(page, 4)}, before City Marathon`;
  await expect(card(due, book)).toBeVisible();
  await expect(card(due, book)).toContainText(`City Marathon in 8 days (${await shortDay(page, 8)})`);
  await expect(card(due, book).getByRole("button", { name: "Done — log it" })).toBeVisible();

  const calves = card(due, "Self-massage your calves: a guided routine of a few minutes");
  await expect(calves).toContainText(
    `Your calves were sore in 2 of your last 3 runs (4/10 on ${await shortDay(page, -3)} and 5/10 on ${await shortDay(page, -1)}).`,
  );
  await expect(calves.getByRole("link", { name: "Start routine" })).toHaveAttribute("href", /\/routine\/calves$/);

  // The body map: the legend says it in words, the figure in colour.
  await expect(page.locator(".body-legend li").filter({ hasText: "Calves" })).toContainText("sore, 5/10");
  await expect(page.locator(".body-legend li").filter({ hasText: "Quads" })).toContainText("not sore");
  await expect(page.locator('[data-region="calves"]').first()).toHaveClass(/sore-sore/);

  // The calendar file passes the independent RFC 5545 checker with the expected events,
  // and every alarm in it rings after the moment it was saved.
  const savedAt = await page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Add to my calendar (.ics)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`restride-reminders-${await localDate(page)}.ics`);
  const folder = mkdtempSync(join(tmpdir(), "restride-ics-"));
  try {
    const ics = join(folder, "reminders.ics");
    await file.saveAs(ics);
    // The one appointment is one event: the card that asks for it, not also the race's
    // window to book in.
    const unfolded = readFileSync(ics, "utf8").replace(/\r\n[ \t]/g, "");
    expect(unfolded).not.toContain(`race-window:${race.id}`);
    const planUid = unfolded.match(/^UID:(massage-plan:[^\r\n]*)$/m)?.[1];
    expect(planUid).toContain(`race-book:${race.id}:`);
    const expectJson = join(folder, "expect.json");
    writeFileSync(expectJson, JSON.stringify([
      // Due now (to book), through the last day the massage fits.
      {
        uid: planUid,
        summary: book,
        dtstart: await localDate(page),
      },
      {
        uid: `race-light:${race.id}@restride`,
        summary: "No deep massage before City Marathon — light flush only",
        dtstart: await localDate(page, 6),
      },
      {
        uid: "sore:calves:s1@restride",
        summary: "Self-massage your calves: a guided routine of a few minutes",
        dtstart: await localDate(page),
      },
    ]));
    let output;
    try {
      output = execFileSync(".venv/bin/python", ["scripts/check-ics.py", "--expect-json", expectJson, "--alarms-after", savedAt, ics], { encoding: "utf8" });
    } catch (e) {
      throw new Error(`check-ics.py exited ${e.status}:\n${e.stdout}${e.stderr}`);
    }
    expect(output).toContain("ics ok:");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the routine player runs a 2-step routine to the end and logs it", async ({ page }) => {
  await page.clock.install();
  await page.goto("/routine/calves");
  await expect(page.getByRole("heading", { name: "Self-massage: Calves" })).toBeVisible();
  await expect(page.getByText("2 steps, about 2 minutes.")).toBeVisible();
  // From here on time moves only when the test says so.
  await page.clock.pauseAt(Date.now() + 5_000);

  await page.getByRole("button", { name: "Start" }).click();
  const timer = page.getByRole("timer");
  await expect(page.getByText("Step 1 of 2")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calf roll — left" })).toBeVisible();
  await expect(timer).toHaveText("1:00");
  await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();

  await page.clock.runFor(61_000);
  await expect(page.getByText("Step 2 of 2")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calf roll — right" })).toBeVisible();
  await expect(timer).toHaveText("0:59");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await page.clock.runFor(5_000);
  await expect(timer).toHaveText("0:59");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.clock.runFor(10_000);
  await expect(timer).toHaveText("0:49");

  await page.clock.runFor(50_000);
  await expect(page.getByRole("heading", { name: "Routine complete" })).toBeVisible();
  await expect(page.getByText("Logged a 2-minute self-massage.")).toBeVisible();
  expect((await stored(page)).massages).toEqual([
    expect.objectContaining({ date: await localDate(page), kind: "self_massage", minutes: 2, regions: ["calves"] }),
  ]);

  await page.getByRole("link", { name: "See it in History" }).click();
  await expect(page).toHaveURL(/\/history$/);
  const row = page.locator(".massage-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Self-massage · 2 min");
  await expect(row).toContainText("calves");
});

test("body map regions open their technique", async ({ page }) => {
  await page.goto("/massage");
  await expect(page.getByRole("heading", { name: "Body map" })).toBeVisible();
  await page.locator('[data-region="hamstrings"]').first().click();
  await expect(page).toHaveURL(/\/routine\/hamstrings$/);
  await expect(page.getByRole("heading", { name: "Self-massage: Hamstrings" })).toBeVisible();

  // The legend gives the same links to the keyboard.
  await page.goto("/massage");
  const legend = page.locator(".body-legend");
  await legend.getByRole("link", { name: /^Feet \/ plantar fascia/ }).focus();
  await page.keyboard.press("Tab");
  const achilles = legend.getByRole("link", { name: /^Achilles/ });
  await expect(achilles).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/routine\/achilles$/);
  await expect(page.getByRole("heading", { name: "Self-massage: Achilles" })).toBeVisible();
});

test("a deep massage in the 48 hours before a race is warned about", async ({ page }) => {
  await page.goto("/");
  const today = await localDate(page);
  await seedJournal(page, {
    races: [{ id: "race1", name: "Harbour 10K", date: await localDate(page, 1), distance_m: 10000, priority: "A" }],
    massages: [{ id: "deep1", date: today, kind: "professional", minutes: 60, deep: true }],
  });
  await page.goto("/massage");
  const warning = card(list(page, "Due now"), "A deep massage this close to Harbour 10K can leave your legs heavy");
  await expect(warning).toContainText(
    `You logged a deep sports massage (therapist) on ${await shortDay(page)}, within 48 hours of Harbour 10K on ${await shortDay(page, 1)}.`,
  );
  await expect(warning.getByRole("button", { name: "Got it" })).toBeVisible();
  await expect(warning.getByRole("button", { name: "Done — log it" })).toHaveCount(0);

  // A warning is acknowledged, not logged as a massage.
  await warning.getByRole("button", { name: "Got it" }).click();
  await expect(page.getByRole("status")).toContainText("Marked as done.");
  await expect(page).toHaveURL(/\/massage$/);
  await expect(warning).toHaveCount(0);
  const data = await stored(page);
  expect(data.reminders[`race-deep:race1:${await localDate(page, 1)}:deep1`]).toEqual({ state: "done", on: today });
  expect(data.massages).toHaveLength(1);
});

test("settings switch a rule off and change its numbers", async ({ page }) => {
  await page.goto("/");
  await seedJournal(page, { runs: [await longRunYesterday(page)] });
  await page.goto("/massage");
  const title = await recoveryTitle(page);
  await expect(card(list(page, "Due now"), title)).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Settings" }).click();
  const hardRule = page.getByRole("checkbox", { name: "Recovery massage 24–72 hours after a hard effort" });
  await expect(hardRule).toBeChecked();
  await hardRule.uncheck();
  await expect(hardRule).not.toBeChecked();
  expect((await stored(page)).settings.reminders.hard_effort_on).toBe(false);

  await massageTab(page).click();
  await expect(page.getByText("Nothing due. Reminders appear here")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  await expect(massageTab(page).locator(".nav-count")).toHaveCount(0);

  await nav.getByRole("link", { name: "Settings" }).click();
  const every = page.getByLabel("Every (days)");
  await expect(every).toHaveValue("21");
  await every.fill("abc");
  await expect(every).toHaveAttribute("aria-invalid", "true");
  const message = page.locator("#rule-professional-days-error");
  await expect(message).toHaveText("Enter a whole number from 7 to 120.");
  await expect(every).toHaveAttribute("aria-describedby", "rule-professional-days-error");
  expect((await stored(page)).settings.reminders.professional_every_days).toBe(21);

  await expect(page.getByLabel("Every (km)")).toHaveValue("150");
  await page.getByRole("radio", { name: "Miles (mi)" }).check();
  await expect(page.getByLabel("Every (mi)")).toHaveValue("100");
  await expect(page.getByLabel("Every (km)")).toHaveCount(0);
  expect((await stored(page)).settings.unit).toBe("mi");
});

test("notifications: permission only from the switch, then a system notification for a due reminder", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await page.goto("/");
  await seedJournal(page, { runs: [await longRunYesterday(page)] });
  const title = await recoveryTitle(page);
  await expect(page.getByRole("region", { name: "Massage reminders due" }).getByRole("heading", { name: title })).toBeVisible();
  const shown = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((n) => n.title);
    });
  // With the switch off, a due reminder shows no notification, even with permission.
  expect(await shown()).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem("restride.notified"))).toBeNull();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const toggle = page.getByRole("checkbox", { name: "Notify me when a reminder is due" });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect.poll(async () => (await stored(page)).settings.notifications).toBe(true);

  // Notifications go through the service worker: let it finish installing first, and
  // allow for the browser's own time to show one on a busy machine.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect.poll(shown, { timeout: 20_000 }).toContain(title);
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem("restride.notified")))).toEqual(["hard:long1"]);

  // Announced once: another start does not show it again.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    for (const n of await registration.getNotifications()) n.close();
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Notify me when a reminder is due" })).toBeChecked();
  expect(await shown()).toEqual([]);
});

test("a notification the browser fails to show is not counted as announced, and comes at the next start", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await page.addInitScript(() => {
    if (sessionStorage.getItem("notifications-fail")) {
      window.attempts = 0;
      ServiceWorkerRegistration.prototype.showNotification = () => {
        window.attempts += 1;
        return Promise.reject(new TypeError("not shown"));
      };
    }
  });
  await page.goto("/");
  await page.evaluate(() => sessionStorage.setItem("notifications-fail", "yes"));
  await seedJournal(page, { runs: [await longRunYesterday(page)], settings: { notifications: true } });
  const title = await recoveryTitle(page);
  await expect(page.getByRole("region", { name: "Massage reminders due" }).getByRole("heading", { name: title })).toBeVisible();
  const announced = () => page.evaluate(() => JSON.parse(localStorage.getItem("restride.notified") ?? "null"));
  const shown = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((n) => n.title);
    });
  // Tried, and not recorded as announced since the browser did not show it.
  await expect.poll(() => page.evaluate(() => window.attempts)).toBe(1);
  expect(await announced()).toBeNull();
  expect(await shown()).toEqual([]);

  await page.evaluate(() => sessionStorage.removeItem("notifications-fail"));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect.poll(shown, { timeout: 20_000 }).toContain(title);
  expect(await announced()).toEqual(["hard:long1"]);
});

test("leaving the pre-filled massage log without saving keeps the reminder due", async ({ page }) => {
  await page.goto("/");
  await seedJournal(page, { runs: [await longRunYesterday(page)] });
  await page.goto("/massage");
  const title = await recoveryTitle(page);
  await card(list(page, "Due now"), title).getByRole("button", { name: "Done — log it" }).click();
  await expect(page.getByRole("heading", { name: "Log a massage" })).toBeVisible();
  await massageTab(page).click();
  await expect(card(list(page, "Due now"), title)).toHaveCount(1);
  expect((await stored(page)).reminders ?? {}).toEqual({});
});

test("a region logged as painful gets no routine, only the physiotherapist", async ({ page }) => {
  await page.goto("/");
  await seedJournal(page, { runs: [await longRunYesterday(page, { soreness: { calves: 8 } })] });
  await page.goto("/routine/calves");
  await expect(page.getByRole("alert")).toContainText("Don't massage it: see a physiotherapist first.");
  await expect(page.getByRole("button", { name: "Start" })).toHaveCount(0);
  // Today's routine leaves the calves out, and no recovery massage is suggested.
  await page.goto("/routine");
  await expect(page.getByText("Calf roll")).toHaveCount(0);
  await page.goto("/massage");
  await expect(page.getByText(/^Recovery massage or self-massage between /)).toHaveCount(0);
});

test("skipping straight through the routine logs nothing", async ({ page }) => {
  // A paused fake clock, so no second of the countdown passes between the taps, however
  // busy the machine (an installed clock alone still follows real time).
  await page.clock.install();
  await page.goto("/routine/calves");
  await expect(page.getByRole("heading", { name: "Self-massage: Calves" })).toBeVisible();
  await page.clock.pauseAt(Date.now() + 5_000);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Nothing was logged: no step ran.")).toBeVisible();
  await page.goto("/history");
  await expect(page.locator(".massage-row")).toHaveCount(0);
});

test("'How reminders work' opens its section of the How page without reloading", async ({ page }) => {
  await page.goto("/massage");
  await page.evaluate(() => (window.stillTheSamePage = true));
  await page.getByRole("link", { name: "How reminders work" }).click();
  await expect(page).toHaveURL(/\/how#massage$/);
  await expect(page.getByRole("heading", { name: "Massage reminders" })).toBeInViewport();
  expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
});

test("after snoozing with the keyboard, the focus moves to the next reminder", async ({ page }) => {
  await page.goto("/");
  // Two cards due: the appointment before the race (which answers the long run too) and
  // a routine for calves sore twice.
  await seedJournal(page, {
    runs: [
      { id: "s3", date: await localDate(page, -3), distance_m: 8000, duration_s: 2400, type: "easy", rpe: 4, soreness: { calves: 4 } },
      await longRunYesterday(page, { soreness: { calves: 5 } }),
    ],
    races: [{ id: "race1", name: "City Marathon", date: await localDate(page, 8), distance_m: 42195, priority: "A" }],
  });
  await page.goto("/massage");
  const due = list(page, "Due now").locator("li.reminder");
  await expect(due).toHaveCount(2);
  const second = await due.nth(1).getAttribute("data-reminder");
  await due.first().getByRole("button", { name: "Snooze 1 day" }).focus();
  await page.keyboard.press("Enter");
  await expect(due).toHaveCount(1);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest("li.reminder")?.getAttribute("data-reminder")))
    .toBe(second);
  // The last one leaves its list: the focus goes to the list's heading.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await due.first().getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  await expect(list(page, "Due now")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Due now");
});
