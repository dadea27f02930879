import { test, expect, localDate, seed } from "./fixtures.mjs";

/** Three weeks of varied runs ending yesterday, dated from the browser's own today. */
async function threeWeeks(page, yesterdaySoreness = {}) {
  const runs = [];
  const plan = [
    // [days ago, minutes, RPE, km, type]
    [20, 40, 4, 7, "easy"], [18, 50, 6, 10, "tempo"], [17, 35, 3, 6, "recovery"], [15, 80, 5, 15, "long"],
    [13, 40, 4, 7, "easy"], [11, 45, 7, 9, "intervals"], [10, 30, 3, 5, "recovery"], [8, 85, 5, 16, "long"],
    [6, 40, 4, 7, "easy"], [4, 50, 7, 10, "tempo"], [3, 30, 3, 5, "recovery"], [1, 100, 6, 18, "long"],
  ];
  for (const [ago, minutes, rpe, km, type] of plan) {
    runs.push({
      id: `r${ago}`, date: await localDate(page, -ago), distance_m: km * 1000, duration_s: minutes * 60, type, rpe,
      ...(ago === 1 ? { soreness: yesterdaySoreness } : {}),
    });
  }
  return runs;
}

async function openToday(page, soreness) {
  await page.goto("/");
  await seed(page, await threeWeeks(page, soreness));
  await expect(page.locator(".card.ready")).toBeVisible();
}

test("after three weeks of runs, Today explains readiness with the runner's own numbers", async ({ page }) => {
  await openToday(page, { calves: 5, quads: 6 });
  const card = page.locator(".card.ready");
  // Soreness of 4–6 yesterday makes the day amber at least, quoting the logged levels.
  await expect(card).toContainText("Sore: Calves 5/10 (yesterday), Quads 6/10 (yesterday).");
  await expect(card.locator("h2")).toContainText(/Amber|Red/);
  // The advice names exactly the sore regions, with minutes, and explains why on demand.
  const roll = card.getByText("Foam-roll or self-massage your calves and quads: 60 s per side, about 4 minutes");
  await expect(roll).toBeVisible();
  await roll.click();
  await expect(card.getByText("Evidence: Wiewelhove T. et al. (2019)")).toBeVisible();
  // Yesterday's 100-minute run calls for a massage within 24–72 hours: a due reminder.
  const due = page.getByRole("region", { name: "Massage reminders due" });
  await expect(due.getByRole("heading", { name: /^Recovery massage or self-massage between / })).toBeVisible();
  await expect(due).toContainText("100-minute run");
  // 21 days of history: the load ratio waits for its 28-day baseline.
  await expect(page.getByText("Building your baseline: 7 days to go")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Weekly distance, 12 weeks" })).toBeVisible();
  await expect(page.getByText("Restride is not a medical device")).toHaveCount(1);
});

test("a pain red flag sends the runner to a physiotherapist instead of massage", async ({ page }) => {
  await openToday(page, { knees: 8, calves: 5 });
  const card = page.locator(".card.ready");
  await expect(card.locator("h2")).toContainText("Red");
  await expect(card).toContainText("Pain red flag: Knees 8/10 (yesterday)");
  await expect(card.getByText("Don't massage an acute injury — see a physiotherapist about your knees")).toBeVisible();
  await expect(card.getByText("Foam-roll or self-massage your calves:")).toBeVisible();
  await expect(card.getByText(/self-massage your .*knees/)).toHaveCount(0);
});

// A pain red flag may be an acute injury: the physiotherapist comes first, and no recovery
// massage is suggested until it has settled.
test("a pain red flag withholds the recovery massage reminder", async ({ page }) => {
  await openToday(page, { knees: 8, calves: 5 });
  await expect(page.locator(".card.ready").getByText("Don't massage an acute injury — see a physiotherapist about your knees")).toBeVisible();
  await expect(page.getByText(/^Recovery massage or self-massage between /)).toHaveCount(0);
});

test("the charts show the same numbers as the exported CSV", async ({ page }) => {
  await openToday(page, {});
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export daily metrics (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`restride-daily-metrics-${await localDate(page)}.csv`);
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const [header, ...rows] = text.trim().split("\n");
  expect(header).toBe("date,distance_km,load,acute,chronic,acwr,fitness,fatigue,form,monotony,strain");
  expect(rows).toHaveLength(21);
  const columns = header.split(",");
  const byDate = Object.fromEntries(rows.map((r) => { const c = r.split(","); return [c[0], Object.fromEntries(columns.map((k, i) => [k, c[i]]))]; }));
  const yesterday = byDate[await localDate(page, -1)];
  expect(yesterday.load).toBe("600.00"); // 100 min × RPE 6
  expect(yesterday.distance_km).toBe("18.000");
  expect(byDate[await localDate(page)].acwr).not.toBe(""); // the CSV gives ACWR during the warm-up

  // The load chart's table, newest row first, rounds the same values.
  const loadChart = page.locator("figure.chart").filter({ hasText: "Daily load with acute and chronic load" });
  await loadChart.getByRole("button", { name: "Show as table" }).click();
  const cells = loadChart.locator("tbody tr").nth(1).locator("th, td");
  const today = byDate[await localDate(page)];
  await expect(loadChart.locator("tbody tr").first().locator("td")).toHaveText([
    String(Math.round(Number(today.load))),
    String(Math.round(Number(today.acute))),
    String(Math.round(Number(today.chronic))),
  ]);
  await expect(cells.nth(1)).toHaveText("600");

  // The pointer reads the day under it: the left edge is the oldest row of the table, the
  // right edge the newest.
  const dayCells = loadChart.locator("tbody tr th");
  const [newest, oldest] = [await dayCells.first().innerText(), await dayCells.last().innerText()];
  const plot = loadChart.locator("rect.hit");
  const box = await plot.boundingBox();
  await plot.hover({ position: { x: 1, y: box.height / 2 } });
  await expect(loadChart.locator(".readout")).toHaveText(new RegExp(`^${oldest}: load `));
  await plot.hover({ position: { x: box.width - 1, y: box.height / 2 } });
  await expect(loadChart.locator(".readout")).toHaveText(new RegExp(`^${newest}: load `));

  // The fitness chart's readout follows the keyboard, one day at a time.
  const formChart = page.locator("figure.chart").filter({ hasText: "Fitness, fatigue and form" });
  await formChart.locator(".chart-area").focus();
  // Focusing scrolls the chart, and the pointer left where the last click was may now rest on
  // it (on a phone it does): move the pointer off the plot, then start from the newest day.
  await formChart.locator("h3").hover();
  await page.keyboard.press("End");
  await expect(formChart.locator(".readout")).toHaveText(new RegExp(`: fitness ${Math.round(Number(today.fitness))} · `));
  await page.keyboard.press("ArrowLeft");
  const y = yesterday;
  await expect(formChart.locator(".readout")).toHaveText(
    new RegExp(`: fitness ${Math.round(Number(y.fitness))} · fatigue ${Math.round(Number(y.fatigue))} · form ${Math.round(Number(y.form))}$`),
  );
});

// The installed app's badge shows how many reminders are due. It is set once they are
// known, never cleared for a moment at start-up while the reminders engine is on its way.
test("the app badge shows the due count, and a start never clears it first", async ({ page }) => {
  await page.addInitScript(() => {
    window.badgeCalls = [];
    navigator.setAppBadge = (count) => (window.badgeCalls.push(`set ${count}`), Promise.resolve());
    navigator.clearAppBadge = () => (window.badgeCalls.push("clear"), Promise.resolve());
  });
  await openToday(page, {});
  const due = page.getByRole("region", { name: "Massage reminders due" }).locator(".reminder");
  await expect(due.first()).toBeVisible();
  const count = await due.count();
  expect(count).toBeGreaterThan(0);
  await page.reload();
  await expect(due).toHaveCount(count);
  await expect.poll(() => page.evaluate(() => window.badgeCalls)).toEqual([`set ${count}`]);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.badgeCalls)).toEqual([`set ${count}`]);
});
