// Race week, followed day by day with the page left open: Today and the Massage tab speak
// with one voice about what is due, nothing deep is offered in a race's final days or the
// days just after, one therapist at most, and a pain red flag keeps massage off the region.
import { test, expect, seedJournal } from "./fixtures.mjs";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/** "Monday 2 November": how Today's heading writes a day of November 2026. */
const longDay = (day) => `${WEEKDAYS[new Date(2026, 10, day).getDay()]} ${day} November`;

/** The week before Lakeside Marathon (A, Sun 8 Nov 2026), seen from Mon 2 Nov at 09:00:
 *  the last sports massage on Sun 11 Oct, ten runs of 16.7 km since and a 92-minute long
 *  run on Sun 1 Nov (183 km), with `soreness` logged on that long run. */
async function lakesideWeek(page, soreness) {
  await page.clock.install({ time: new Date(2026, 10, 2, 9, 0, 0) });
  await page.goto("/");
  const runs = [];
  for (let i = 0; i < 10; i++) {
    runs.push({ id: `e${i}`, date: `2026-10-${13 + 2 * i}`, distance_m: 16700, duration_s: 4800, type: "easy", rpe: 4 });
  }
  const long = { id: "long", date: "2026-11-01", distance_m: 16000, duration_s: 92 * 60, type: "long", rpe: 5 };
  runs.push(soreness ? { ...long, soreness } : long);
  await seedJournal(page, {
    runs,
    massages: [{ id: "m0", date: "2026-10-11", kind: "professional", minutes: 60, deep: true }],
    races: [{ id: "lake", name: "Lakeside Marathon", date: "2026-11-08", distance_m: 42195, priority: "A" }],
  });
}

const nav = (page) => page.getByRole("navigation", { name: "Main" });
/** The Massage tab's "Due now" cards. */
const massageDue = (page) => page.locator('h2:text-is("Due now") + ul.reminders > li.reminder');
/** The due cards Today shows below its first screen. */
const todayDue = (page) => page.getByRole("region", { name: "Massage reminders due" }).locator("li.reminder");
/** A card that asks for a therapist (the appointment is deep work by default). */
const THERAPIST = /sports massage|deep massage is fine/i;

/** Moves the clock to 09:00 on `day` of November 2026 with the page open: midnight passes
 *  in the app (the due midnight timer fires), nothing is reloaded. */
async function morningOf(page, day) {
  await page.clock.pauseAt(new Date(2026, 10, day, 9, 0, 0));
  await page.clock.resume();
}

async function openToday(page, day) {
  await nav(page).getByRole("link", { name: /^Today/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(longDay(day));
  // The charts come with the second part, as the due reminders do: once they show, the
  // reminders section is drawn (or absent because nothing is due).
  await expect(page.getByRole("button", { name: "Export daily metrics (CSV)" })).toBeVisible();
}

async function openMassage(page) {
  await nav(page).getByRole("link", { name: /^Massage/ }).click();
  await expect(page.getByRole("heading", { name: "Massage", level: 1 })).toBeVisible();
}

/** Today's due cards must be the Massage tab's: same titles, same order. Returns them. */
async function dueTitlesAgree(page, day) {
  await openMassage(page);
  const titles = await massageDue(page).locator("h3").allInnerTexts();
  await openToday(page, day);
  if (titles.length === 0) {
    await expect(page.getByRole("region", { name: "Massage reminders due" }), `${longDay(day)}: nothing due on the Massage tab`).toHaveCount(0);
  } else {
    await expect(todayDue(page).locator("h3"), `${longDay(day)}: Today lists the Massage tab's due cards`).toHaveText(titles);
  }
  return titles;
}

/** Clicks "Done — log it" on each of `cards` that has it, runs `check` on the massage log
 *  it opens (the card's title given), and comes back with `back` without saving. */
async function eachDoneLog(page, cards, back, check) {
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const done = card.getByRole("button", { name: "Done — log it" });
    if ((await done.count()) === 0) continue;
    const title = await card.locator("h3").innerText();
    await done.click();
    await expect(page.getByRole("heading", { name: "Log a massage" })).toBeVisible();
    await check(title);
    await back();
  }
}

/** Every "Booked" form a due card opens: `check` on its "Deep work" box, then cancelled. */
async function eachBookingForm(page, cards, check) {
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const booked = card.getByRole("button", { name: "Booked", exact: true });
    if ((await booked.count()) === 0) continue;
    const title = await card.locator("h3").innerText();
    await booked.click();
    await check(title, card.getByLabel("Deep work"));
    await card.getByRole("button", { name: "Cancel", exact: true }).click();
  }
}

/** A card's words suggest deep work unless the only "deep massage" in them is negated. */
const suggestsDeep = (text) => /deep (tissue|massage)/i.test(text.replace(/\bno deep massage\b/gi, ""));

test("race week day by day, Today and the Massage tab agree", async ({ page }) => {
  test.setTimeout(180_000);
  await lakesideWeek(page);
  // The runner ignores every card: nothing is booked, logged, snoozed or dismissed.
  for (let day = 2; day <= 11; day++) {
    if (day > 2) await morningOf(page, day);
    const titles = await dueTitlesAgree(page, day);
    const label = longDay(day);
    // One therapist at most, on both pages, every day.
    const therapists = titles.filter((t) => THERAPIST.test(t));
    expect(therapists.length, `${label}: therapist cards ${JSON.stringify(titles)}`).toBeLessThanOrEqual(1);
    await expect(todayDue(page).filter({ has: page.locator("h3", { hasText: THERAPIST }) })).toHaveCount(therapists.length);

    // From Fri 6 Nov (race − 2) to Tue 10 Nov (the day before the race's deep day):
    // nothing deep, in words or in what the buttons pre-fill.
    const final = day >= 6 && day <= 10;
    if (!final) continue;
    expect(therapists, `${label}: no appointment (deep work) is offered`).toEqual([]);
    // Today's readiness advice, folded "why" texts included.
    const advice = await page.locator(".card.ready").textContent();
    expect(suggestsDeep(advice), `${label}: Today's advice suggests deep work:\n${advice}`).toBe(false);
    for (const [where, cards, back] of [
      ["Today", todayDue(page), () => openToday(page, day)],
      ["Massage", massageDue(page), () => openMassage(page)],
    ]) {
      if (where === "Massage") await openMassage(page);
      for (const text of await cards.allInnerTexts()) {
        expect(suggestsDeep(text), `${label}, ${where}: a due card suggests deep work:\n${text}`).toBe(false);
      }
      await eachDoneLog(page, cards, back, async (title) => {
        await expect(page.getByLabel("Deep tissue (not a light flush)"), `${label}, ${where}: "${title}" pre-fills deep`).not.toBeChecked();
      });
      await eachBookingForm(page, cards, async (title, deep) => {
        await expect(deep, `${label}, ${where}: "${title}" books deep work`).not.toBeChecked();
      });
    }
  }

  // Wed 11 Nov, the race's deep day: the same check sees deep work when it is offered.
  await openMassage(page);
  const appointment = massageDue(page).filter({ has: page.locator("h3", { hasText: THERAPIST }) });
  await expect(appointment).toHaveCount(1);
  await appointment.getByRole("button", { name: "Done — log it" }).click();
  await expect(page.getByLabel("Deep tissue (not a light flush)")).toBeChecked();
});

test("race week with 7/10 pain", async ({ page }) => {
  test.setTimeout(180_000);
  // Calves logged at 7/10 on the long run of Sun 1 Nov; the default red-flag level is 7
  // (record/reminder_settings.rs PHYSIO_LEVEL), so this is a pain red flag.
  await lakesideWeek(page, { calves: 7 });
  const physioTitle = "See a physiotherapist about your calves — no massage there for now";
  const therapistNote = "Tell your therapist about your calves: no work there until a physiotherapist has seen it.";
  const card = page.locator(".card.ready");
  // The flag reads the runs of the past 7 days (rulebook/pain.rs WINDOW_DAYS): the 1 Nov
  // log flags the calves from Mon 2 to Sat 7 Nov. The visit is recorded on Sat 7.
  for (let day = 2; day <= 7; day++) {
    if (day > 2) await morningOf(page, day);
    const label = longDay(day);
    const titles = await dueTitlesAgree(page, day);

    // Today: red flag for the calves, and a physiotherapist.
    const when = day === 2 ? "yesterday" : "Sun 1 Nov";
    await expect(card).toContainText(`Pain red flag: Calves 7/10 (${when}) — soreness of 7 or more in your last 3 runs.`);
    await expect(card.getByText("Don't massage an acute injury — see a physiotherapist about your calves")).toBeVisible();

    // The Massage tab: the physiotherapist first (warnings first), on Today too.
    expect(titles[0], `${label}: due cards ${JSON.stringify(titles)}`).toBe(physioTitle);
    await openMassage(page);
    await expect(massageDue(page).first().locator("h3")).toHaveText(physioTitle);
    // No other due card suggests massaging the calves; one that books a therapist tells
    // them about the calves.
    const others = massageDue(page).filter({ hasNot: page.locator("h3", { hasText: physioTitle }) });
    for (const text of await others.allInnerTexts()) {
      const title = text.split("\n").find((line) => line.trim() && !/^Due/.test(line)) ?? text;
      if (THERAPIST.test(title) || /\bBooked\b/.test(text)) {
        expect(text, `${label}: "${title}" tells the therapist about the calves`).toContain(therapistNote);
      }
      expect(text.replace(therapistNote, ""), `${label}: "${title}" mentions the calves`).not.toMatch(/calves/i);
    }
    await eachDoneLog(page, others, () => openMassage(page), async (title) => {
      const regions = page.getByRole("group", { name: /^Regions/ });
      await expect(regions.getByLabel("Calves", { exact: true }), `${label}: "${title}" pre-fills the calves`).not.toBeChecked();
      await expect(regions.getByRole("checkbox", { checked: true }).first(), `${label}: "${title}" pre-fills other regions`).toBeVisible();
    });
    // Today's self-massage routine leaves the calves out.
    // Its list of regions ("About 4 minutes: feet / plantar fascia, shins.") leaves the
    // calves out; the explanation after it may name the load spike's usual regions.
    const routine = page.getByText(/^About \d+ minutes: /);
    await expect(routine).toBeVisible();
    const regionsListed = (await routine.innerText()).match(/^About \d+ minutes: ([^.]*)\./)[1];
    expect(regionsListed, `${label}: the routine's regions`).not.toMatch(/calves/i);
    await expect(page.locator(".body-legend li").filter({ hasText: "Calves" })).toContainText("painful, 7/10 — see a physiotherapist");
  }

  // Sat 7 Nov: the runner sees a physiotherapist; the flag clears on both pages.
  const physio = massageDue(page).filter({ hasText: physioTitle });
  await physio.getByRole("button", { name: "Seen a physiotherapist" }).click();
  await physio.getByLabel("Day of the visit").fill("2026-11-07");
  await physio.getByLabel(/^What they said/).fill("calf strain, race at easy effort");
  await physio.getByRole("button", { name: "Save visit" }).click();
  await expect(page.getByRole("status")).toContainText("Your calves are no longer flagged");
  await expect(page.getByRole("heading", { name: /See a physiotherapist/ })).toHaveCount(0);
  await expect(page.getByText(therapistNote)).toHaveCount(0);
  await expect(page.locator(".body-legend li").filter({ hasText: "Calves" })).not.toContainText("see a physiotherapist");
  await dueTitlesAgree(page, 7);
  await expect(card).not.toContainText("Pain red flag");
  await expect(card.getByText(/see a physiotherapist/i)).toHaveCount(0);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("restride.data")));
  expect(stored.physio_visits).toEqual([
    expect.objectContaining({ date: "2026-11-07", regions: ["calves"], note: "calf strain, race at easy effort" }),
  ]);

  // Sun 8 Nov, race day: still clear on both pages.
  await morningOf(page, 8);
  await dueTitlesAgree(page, 8);
  await expect(card).not.toContainText("Pain red flag");
  await openMassage(page);
  await expect(page.getByRole("heading", { name: /See a physiotherapist/ })).toHaveCount(0);
});

test("back from the background: the date moves on", async ({ page }) => {
  // Sunday 29 November 2026, 23:50; a run yesterday with sore calves.
  await page.clock.install({ time: new Date(2026, 10, 29, 23, 50, 0) });
  await page.goto("/");
  await seedJournal(page, {
    runs: [{ id: "sat", date: "2026-11-28", distance_m: 10000, duration_s: 3000, type: "easy", rpe: 4, soreness: { calves: 5 } }],
  });
  const heading = page.getByRole("heading", { level: 1 });
  const card = page.locator(".card.ready");
  await expect(heading).toContainText("Sunday 29 November");
  await expect(card).toContainText("Sore: Calves 5/10 (yesterday).");

  // The phone sleeps: the page's timers stop (the clock is paused at 23:51, before the
  // midnight timer is due), while the wall clock moves on to 00:05. setSystemTime fires
  // no timer, and a paused clock runs none, so only the return to the foreground can
  // move the date.
  await page.clock.pauseAt(new Date(2026, 10, 29, 23, 51, 0));
  await page.clock.setSystemTime(new Date(2026, 10, 30, 0, 5, 0));
  expect(await page.evaluate(() => new Date().getDate())).toBe(30);
  await page.waitForTimeout(500);
  await expect(heading, "the midnight timer has not fired").toContainText("Sunday 29 November");
  await expect(card).toContainText("Sore: Calves 5/10 (yesterday).");

  // Back in the foreground. (The page is 'visible' in this browser anyway, and web-sys
  // may read the prototype's getter; the override only keeps the test honest elsewhere.)
  // The event must bubble, as the browser's does: the app listens on window, and a
  // non-bubbling event at the document never reaches it.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });
  await expect(heading).toContainText("Monday 30 November");
  await expect(card).toContainText("Sore: Calves 5/10 (Sat 28 Nov).");
  await expect(card).not.toContainText("yesterday");
});
