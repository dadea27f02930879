// One voice: every page reads the same rules and the same clock. A setting changed once
// changes Today, the Massage tab and the body map together; midnight moves the whole page.
import { test, expect, localDate, seedJournal } from "./fixtures.mjs";

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
