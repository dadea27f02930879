// One voice: every page reads the same rules and the same clock. A setting changed once
// changes Today, the Massage tab and the body map together; midnight moves the whole page.
import { test, expect, localDate, seedJournal, shortDay } from "./fixtures.mjs";

const reminderSettings = (fields) => ({ reminders: { ...fields } });

test("the runner's red-flag level decides Today, the Massage tab and the body map alike", async ({ page }) => {
  await page.goto("/");
  // Knees at 8/10 yesterday, with the runner's "See a physiotherapist from" set to 9.
  await seedJournal(page, {
    runs: [
      { id: "k2", date: await localDate(page, -3), distance_m: 8000, duration_s: 2700, type: "easy", rpe: 4 },
      { id: "k1", date: await localDate(page, -1), distance_m: 8000, duration_s: 2700, type: "easy", rpe: 4, soreness: { knees: 8 } },
    ],
    settings: reminderSettings({ physio_level: 9 }),
  });
  const card = page.locator(".card.ready");
  await expect(card).toContainText("Sore: Knees 8/10 (yesterday).");
  await expect(card).not.toContainText("Pain red flag");
  await expect(card.getByText(/see a physiotherapist/i)).toHaveCount(0);

  await page.getByRole("link", { name: "Massage" }).first().click();
  await expect(page.locator(".body-legend li").filter({ hasText: "Knees" })).toContainText("sore, 8/10");
  await expect(page.getByRole("heading", { name: /See a physiotherapist/ })).toHaveCount(0);

  // The runner lowers the level to 7: every page now sends them to a physiotherapist.
  await page.getByRole("link", { name: "Settings" }).first().click();
  const physio = page.getByLabel("See a physiotherapist from (0–10)");
  await physio.fill("7");
  await physio.press("Enter");
  await page.getByRole("link", { name: "Today" }).first().click();
  await expect(card).toContainText("Pain red flag: Knees 8/10 (yesterday) — soreness of 7 or more in your last 3 runs.");
  await expect(card.getByText("Don't massage an acute injury — see a physiotherapist about your knees")).toBeVisible();

  await page.getByRole("link", { name: "Massage" }).first().click();
  await expect(page.getByRole("heading", { name: "See a physiotherapist about your knees — no massage there for now" })).toBeVisible();
  await expect(page.locator(".body-legend li").filter({ hasText: "Knees" })).toContainText("painful, 8/10 — see a physiotherapist");
  // Today's routine leaves the knees out.
  const routine = page.getByText(/^About \d+ minutes: /);
  await expect(routine).toBeVisible();
  await expect(routine).not.toContainText("knees");

  // The runner sees a physiotherapist: the flag clears everywhere until a new high score.
  const physioCard = page.locator("li.reminder").filter({ hasText: "See a physiotherapist about your knees" });
  await expect(physioCard).toContainText("Until a physiotherapist has seen it, Restride suggests no massage of your knees");
  await physioCard.getByRole("button", { name: "Seen a physiotherapist" }).click();
  await physioCard.getByLabel("Day of the visit").fill(await localDate(page, 0));
  await physioCard.getByLabel(/^What they said/).fill("patellar tendon, easy week");
  await physioCard.getByRole("button", { name: "Save visit" }).click();
  await expect(page.getByRole("status")).toContainText("Your knees are no longer flagged");
  await expect(page.getByRole("heading", { name: /See a physiotherapist/ })).toHaveCount(0);
  await expect(page.locator(".body-legend li").filter({ hasText: "Knees" })).toContainText("sore, 8/10");
  await page.getByRole("link", { name: "Today" }).first().click();
  await expect(card).not.toContainText("Pain red flag");
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("restride.data")));
  expect(stored.physio_visits).toEqual([
    expect.objectContaining({ date: await localDate(page, 0), regions: ["knees"], note: "patellar tendon, easy week" }),
  ]);
});

test("midnight passes with the page open: Today moves to the new day as a whole", async ({ page }) => {
  // Sunday 29 November 2026, 23:58 local time; the fake clock runs on from there.
  await page.clock.install({ time: new Date(2026, 10, 29, 23, 58, 0) });
  await page.goto("/");
  await seedJournal(page, {
    runs: [{ id: "sun", date: "2026-11-29", distance_m: 10000, duration_s: 3000, type: "easy", rpe: 4, soreness: { calves: 5 } }],
  });
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Sunday 29 November");
  await expect(page.locator(".card.ready")).toContainText("Sore: Calves 5/10 (today).");

  // Three minutes on, past midnight, without a reload or a return from the background.
  await page.clock.runFor(3 * 60_000);
  await expect(heading).toContainText("Monday 30 November");
  await expect(page.locator(".card.ready")).toContainText("Sore: Calves 5/10 (yesterday).");
  // The log form's date follows the same clock.
  await page.getByRole("link", { name: "Log run" }).first().click();
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("2026-11-30");
});

test("race week: one appointment answers every cause, booked with a date, moved and cancelled", async ({ page }) => {
  await page.goto("/");
  const runs = [];
  for (let ago = 20; ago >= 2; ago -= 2) {
    runs.push({ id: `e${ago}`, date: await localDate(page, -ago), distance_m: 16700, duration_s: 4800, type: "easy", rpe: 4 });
  }
  runs.push({ id: "long", date: await localDate(page, -1), distance_m: 16000, duration_s: 92 * 60, type: "long", rpe: 5 });
  await seedJournal(page, {
    runs,
    massages: [{ id: "m0", date: await localDate(page, -22), kind: "professional", minutes: 60, deep: true }],
    races: [{ id: "lake", name: "Lakeside Marathon", date: await localDate(page, 6), distance_m: 42195, priority: "A" }],
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ }).click();
  const due = page.locator('h2:text-is("Due now") + ul.reminders');
  const plan = `Book a sports massage for ${await shortDay(page, 0)}–${await shortDay(page, 2)}, before Lakeside Marathon`;
  const card = due.locator("li.reminder").filter({ has: page.getByRole("heading", { name: plan, exact: true }) });
  await expect(card).toBeVisible();
  for (const cause of ["22 days since your last sports massage", "183 km since your last massage", "your 92-minute long run", "Lakeside Marathon in 6 days"]) {
    await expect(card).toContainText(cause);
  }
  // One card asks for the therapist: no other card says "sports massage" in its title.
  await expect(page.locator("li.reminder h3", { hasText: /sports massage|deep massage/i })).toHaveCount(1);

  await card.getByRole("button", { name: "Booked" }).click();
  await expect(card.getByLabel("Day of the appointment")).toHaveValue(await localDate(page, 0));
  await card.getByLabel("Day of the appointment").fill(await localDate(page, 2));
  await card.getByLabel(/^Time/).fill("10:30");
  await card.getByRole("button", { name: "Save booking" }).click();
  await expect(page.getByRole("status")).toContainText(`Sports massage booked for ${await shortDay(page, 2)}.`);
  const booked = page.locator("li.reminder").filter({ hasText: `Sports massage booked for ${await shortDay(page, 2)} at 10:30` });
  await expect(booked).toBeVisible();
  await expect(booked.locator(".reminder-status")).toHaveText("Booked");
  await expect(booked).toContainText("It answers:");
  await expect(page.getByRole("heading", { name: plan })).toHaveCount(0);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("restride.data")));
  expect(stored.version).toBe(3);
  expect(stored.booking).toMatchObject({ date: await localDate(page, 2), time: "10:30:00", deep: true });

  // Moved a day later, then cancelled: the plan's card is back.
  await booked.getByRole("button", { name: "Move" }).click();
  await booked.getByLabel("Day of the appointment").fill(await localDate(page, 3));
  await booked.getByRole("button", { name: "Save booking" }).click();
  await expect(page.locator("li.reminder").filter({ hasText: `Sports massage booked for ${await shortDay(page, 3)} at 10:30` })).toBeVisible();
  await page.getByRole("button", { name: "Cancel booking" }).click();
  await expect(page.getByRole("status")).toContainText("Booking cancelled.");
  await expect(page.getByRole("heading", { name: plan })).toBeVisible();
});

/** The week before Lakeside Marathon (A, Sun 8 Nov 2026), seen from Mon 2 Nov at 09:00:
 *  the last sports massage on Sun 11 Oct, ten runs of 16.7 km since and a 92-minute long
 *  run on Sun 1 Nov (183 km). */
async function lakesideWeek(page) {
  await page.clock.install({ time: new Date(2026, 10, 2, 9, 0, 0) });
  await page.goto("/");
  const runs = [];
  for (let i = 0; i < 10; i++) {
    runs.push({ id: `e${i}`, date: `2026-10-${13 + 2 * i}`, distance_m: 16700, duration_s: 4800, type: "easy", rpe: 4 });
  }
  runs.push({ id: "long", date: "2026-11-01", distance_m: 16000, duration_s: 92 * 60, type: "long", rpe: 5 });
  await seedJournal(page, {
    runs,
    massages: [{ id: "m0", date: "2026-10-11", kind: "professional", minutes: 60, deep: true }],
    races: [{ id: "lake", name: "Lakeside Marathon", date: "2026-11-08", distance_m: 42195, priority: "A" }],
  });
}

/** Moves the clock to 09:00 on `day` of November 2026 with the page open (midnight passes
 *  in the app), then opens the Massage tab. */
async function morningOf(page, day) {
  await page.clock.pauseAt(new Date(2026, 10, day, 9, 0, 0));
  await page.clock.resume();
  await page.getByRole("link", { name: "Today" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${day} November`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ }).click();
  await expect(page.getByRole("heading", { name: "Massage", level: 1 })).toBeVisible();
}

const therapistTitles = (page) => page.locator("li.reminder h3", { hasText: /sports massage|deep massage is fine/i });
/** The therapist cards due now (an upcoming next regular massage may wait below). */
const dueTherapist = (page) =>
  page.locator('h2:text-is("Due now") + ul.reminders li.reminder h3', { hasText: /sports massage|deep massage is fine/i });

test("race week, followed day by day: one appointment, booked, logged; nothing deep in the final days", async ({ page }) => {
  await lakesideWeek(page);
  await page.goto("/massage");
  await expect(therapistTitles(page)).toHaveText(["Book a sports massage for Mon 2 Nov–Wed 4 Nov, before Lakeside Marathon"]);
  const plan = page.locator("li.reminder").filter({ hasText: "Book a sports massage" });
  await plan.getByRole("button", { name: "Booked" }).click();
  await plan.getByLabel("Day of the appointment").fill("2026-11-04");
  await plan.getByRole("button", { name: "Save booking" }).click();
  await expect(therapistTitles(page)).toHaveText(["Sports massage booked for Wed 4 Nov"]);

  // Wed 4 Nov: the booking's day. "Done — log it" opens the log, pre-filled deep.
  await morningOf(page, 4);
  const booked = page.locator("li.reminder").filter({ hasText: "Sports massage booked for Wed 4 Nov" });
  await booked.getByRole("button", { name: "Done — log it" }).click();
  await expect(page.getByRole("heading", { name: "Log a massage" })).toBeVisible();
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("2026-11-04");
  await expect(page.getByLabel("Deep tissue (not a light flush)")).toBeChecked();
  await page.getByRole("button", { name: "Save massage" }).click();
  await expect(page).toHaveURL(/\/history$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ }).click();
  await expect(dueTherapist(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Time for a regular sports massage" })).toBeVisible();

  // Fri 6 and Sat 7 Nov: the final 48 hours. Nothing deep anywhere; the race's card leads.
  for (const day of [6, 7]) {
    await morningOf(page, day);
    await expect(page.locator("li.reminder").first()).toContainText("Light flush only from Fri 6 Nov until Lakeside Marathon");
    await expect(page.locator("li.reminder").first()).toContainText("Your next massage");
    await expect(therapistTitles(page)).toHaveCount(0);
  }
  // Mon 9 Nov, the day after: one card, light, saying when deep work may start.
  await morningOf(page, 9);
  await expect(page.getByRole("heading", { name: "Light recovery massage or easy self-massage; deep work from Wed 11 Nov" })).toBeVisible();
  await expect(therapistTitles(page)).toHaveCount(0);
});

test("race week, ignored: the interval and the distance wait for the race's deep day", async ({ page }) => {
  await lakesideWeek(page);
  // Fri 6 Nov: the appointment was never booked. It is told on the race's card, not shown
  // as a deep massage to book now.
  await morningOf(page, 6);
  await expect(therapistTitles(page)).toHaveCount(0);
  const race = page.locator("li.reminder").filter({ hasText: "Light flush only" });
  await expect(race).toContainText("A massage is also due");
  await expect(race).toContainText("book it for Wed 11 Nov or later");
  // Wed 11 Nov, the race's deep day: one appointment answers every cause again.
  await morningOf(page, 11);
  await expect(therapistTitles(page)).toHaveCount(1);
  await expect(therapistTitles(page)).toContainText(/sports massage|Deep massage is fine/i);
});

test("a long unbroken race name wraps: the Massage page stays as wide as the phone", async ({ page }) => {
  await page.goto("/");
  await seedJournal(page, {
    runs: [{ id: "r", date: await localDate(page, -1), distance_m: 8000, duration_s: 2700, type: "easy", rpe: 4 }],
    races: [{ id: "long", name: "Ultra".repeat(16), date: await localDate(page, 5), distance_m: 42195, priority: "A" }],
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ }).click();
  await expect(page.getByText("Ultra".repeat(16)).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a history with no massage logged asks once for the last one, and the reminders count from it", async ({ page }) => {
  await page.goto("/");
  const runs = [];
  for (let ago = 400; ago >= 1; ago -= 20) {
    runs.push({ id: `h${ago}`, date: await localDate(page, -ago), distance_m: 10000, duration_s: 3000, type: "easy", rpe: 4 });
  }
  await seedJournal(page, { runs });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ }).click();
  const question = page.locator("li.reminder").filter({ hasText: "When was your last sports massage?" });
  await expect(question).toContainText("Your runs go back to");
  await question.getByRole("button", { name: "Enter the day" }).click();
  await question.getByLabel("Day of your last sports massage").fill(await localDate(page, -10));
  await question.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText(`Thanks: the reminders now count from ${await shortDay(page, -10)}.`);
  await expect(page.getByText("When was your last sports massage?")).toHaveCount(0);
  // The regular one is now 21 days from that day, not due since the first run.
  await expect(page.locator("li.reminder").filter({ hasText: "Time for a regular sports massage" })).toContainText(`From ${await shortDay(page, 11)}`);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("restride.data")));
  expect(stored.massages.map((m) => [m.date, m.kind])).toEqual([[await localDate(page, -10), "professional"]]);
});
