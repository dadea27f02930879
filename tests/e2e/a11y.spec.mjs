// Accessibility of every page with axe-core, in the light and the dark theme, and no
// horizontal overflow at 360 px.
//
// Review screenshots: the phone project writes a full-page screenshot of every page and
// theme to test-results/screenshots/<page>-<theme>.png (the output folder: another one
// if given with --output). Playwright empties that folder at the start of each run, so
// it always holds the latest run's screenshots.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { test, expect, fillRun, localDate, seed } from "./fixtures.mjs";

const THEMES = ["light", "dark"];
// The page background of each theme (--bg in style/main.css), to check the theme took effect.
const BACKGROUND = { light: "rgb(246, 247, 249)", dark: "rgb(20, 23, 28)" };

/** Stores a good run (saved at `savedMs`) and one with no distance, then restarts the app. */
async function storeOneBadRecord(page, savedMs = 0) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  const runs = [
    { id: "a", date: "2026-11-20", distance_m: 5000, duration_s: 1500, type: "easy", rpe: 3, updated_ms: savedMs },
    { id: "b", date: "2026-11-21", distance_m: 0, duration_s: 1500, type: "easy", rpe: 3 },
  ];
  await page.evaluate((text) => localStorage.setItem("restride.data", text), JSON.stringify({ version: 3, runs }));
  await page.reload();
}

/** Three weeks of varied runs ending yesterday, dated from the browser's own today. */
async function threeWeeks(page, yesterdaySoreness = {}) {
  const plan = [
    // [days ago, minutes, RPE, km, type]
    [20, 40, 4, 7, "easy"], [18, 50, 6, 10, "tempo"], [17, 35, 3, 6, "recovery"], [15, 80, 5, 15, "long"],
    [13, 40, 4, 7, "easy"], [11, 45, 7, 9, "intervals"], [10, 30, 3, 5, "recovery"], [8, 85, 5, 16, "long"],
    [6, 40, 4, 7, "easy"], [4, 50, 7, 10, "tempo"], [3, 30, 3, 5, "recovery"], [1, 100, 6, 18, "long"],
  ];
  const runs = [];
  for (const [ago, minutes, rpe, km, type] of plan) {
    runs.push({
      id: `r${ago}`, date: await localDate(page, -ago), distance_m: km * 1000, duration_s: minutes * 60, type, rpe,
      ...(ago === 1 ? { soreness: yesterdaySoreness, notes: "Hilly loop along the river, windy on the way back" } : {}),
    });
  }
  return runs;
}

async function seedToday(page, runs, word) {
  await seed(page, runs);
  await expect(page.locator(".card.ready h2")).toContainText(word);
}

// Each page: a name for the screenshot and how to reach the state to check.
const pages = [
  {
    name: "today-empty",
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByText("Log your first run to see how loaded your body is")).toBeVisible();
    },
  },
  {
    name: "today-amber",
    open: async (page) => {
      await page.goto("/");
      await seedToday(page, await threeWeeks(page, { calves: 5, quads: 6 }), "Amber");
      // One recommendation opened, and one chart shown as its (scrollable) table.
      const first = page.locator(".recommendations details").first();
      await first.locator("summary").click();
      await expect(first.getByText("Evidence:")).toBeVisible();
      const loadChart = page.locator("figure.chart").filter({ hasText: "Daily load with acute and chronic load" });
      await loadChart.getByRole("button", { name: "Show as table" }).click();
      await expect(loadChart.locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    name: "today-red",
    open: async (page) => {
      await page.goto("/");
      await seedToday(page, await threeWeeks(page, { knees: 8, calves: 5 }), "Red");
    },
  },
  {
    name: "today-green",
    open: async (page) => {
      await page.goto("/");
      const date = await localDate(page, -3);
      await seedToday(page, [{ id: "g1", date, distance_m: 6000, duration_s: 1800, type: "easy", rpe: 3 }], "Green");
    },
  },
  {
    name: "log",
    open: async (page) => {
      await page.goto("/log");
      await expect(page.getByRole("heading", { name: "Log a run" })).toBeVisible();
    },
  },
  {
    name: "log-errors",
    open: async (page) => {
      await page.goto("/log");
      await fillRun(page, { distance: "ten", hr: "250" });
      await page.getByRole("button", { name: "Save run" }).click();
      await expect(page.locator(".field-error")).toHaveCount(4);
    },
  },
  {
    name: "history",
    open: async (page) => {
      await page.goto("/");
      await seed(page, await threeWeeks(page, { calves: 5 }));
      await page.goto("/history");
      await expect(page.locator(".run-row")).toHaveCount(12);
    },
  },
  {
    name: "history-undo",
    open: async (page) => {
      await page.goto("/");
      await seed(page, await threeWeeks(page));
      await page.goto("/runs/r3");
      await page.getByRole("button", { name: "Delete run" }).click();
      await expect(page.getByRole("status")).toContainText("Run deleted.");
      await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
    },
  },
  {
    name: "edit",
    open: async (page) => {
      await page.goto("/");
      await seed(page, await threeWeeks(page, { calves: 5, quads: 6 }));
      await page.goto("/runs/r1");
      await expect(page.getByRole("heading", { name: "Edit run" })).toBeVisible();
      await expect(page.getByLabel("Calves")).toHaveValue("5");
    },
  },
  {
    name: "settings",
    open: async (page) => {
      await page.goto("/settings");
      await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    },
  },
  {
    name: "massage",
    open: async (page) => {
      await page.goto("/");
      const runs = await threeWeeks(page, { calves: 5, quads: 6 });
      runs[runs.length - 3].soreness = { calves: 4 };
      const races = [{ id: "race1", name: "City Marathon", date: await localDate(page, 8), distance_m: 42195, priority: "A" }];
      await page.evaluate(
        (text) => localStorage.setItem("restride.data", text),
        JSON.stringify({ version: 3, runs, races, massages: [] }),
      );
      await page.goto("/massage");
      await expect(page.getByText(/^Book (your last deep massage|a sports massage) for /)).toBeVisible();
      await expect(page.locator(".body-map")).toBeVisible();
    },
  },
  {
    name: "massage-log-errors",
    open: async (page) => {
      await page.goto("/massage/log");
      await page.getByLabel("Minutes").fill("0");
      await page.getByRole("button", { name: "Save massage" }).click();
      await expect(page.locator(".field-error")).toHaveCount(1);
    },
  },
  {
    name: "race-new",
    open: async (page) => {
      await page.goto("/races/new");
      await page.getByRole("button", { name: "Save race" }).click();
      await expect(page.locator(".field-error")).toHaveCount(3);
    },
  },
  {
    name: "routine-player",
    open: async (page) => {
      await page.goto("/routine/calves");
      await page.getByRole("button", { name: "Start" }).click();
      await expect(page.getByText("Step 1 of 2")).toBeVisible();
      await page.getByRole("button", { name: "Pause" }).click();
    },
  },
  {
    name: "import-preview",
    open: async (page) => {
      await page.goto("/import");
      await page.getByLabel("Choose files").setInputFiles([
        { name: "activities.csv", mimeType: "text/csv", buffer: readFileSync(new URL("./files/activities.csv", import.meta.url)) },
        { name: "broken.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("<gpx><trk><trkseg><trkpt lat='x'") },
      ]);
      await expect(page.locator(".import-summary")).toContainText("new runs");
      await page.getByRole("button", { name: "Replace all my data with this" }).click();
    },
  },
  {
    name: "recovery",
    open: async (page) => {
      await storeOneBadRecord(page);
      await expect(page.getByRole("heading", { name: "Your saved data needs attention" })).toBeVisible();
    },
  },
  {
    name: "today-notices",
    open: async (page) => {
      // A record left out at start-up, and two weeks of changes in no backup.
      const now = Date.now();
      await page.clock.install({ time: now });
      await storeOneBadRecord(page, now);
      await page.getByRole("button", { name: "Continue with the data that could be read" }).click();
      await page.clock.setSystemTime(now + 15 * 86_400_000);
      await page.reload();
      await expect(page.getByRole("region", { name: "Some saved data was left out" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Back up your runs" })).toBeVisible();
    },
  },
  {
    name: "settings-your-data",
    open: async (page) => {
      await storeOneBadRecord(page);
      await page.getByRole("button", { name: "Continue with the data that could be read" }).click();
      await page.goto("/settings#your-data");
      await expect(page.locator(".kept-copies > li")).toHaveCount(1);
      await page.getByRole("button", { name: "Drop them for good" }).click();
    },
  },
  {
    name: "how",
    open: async (page) => {
      await page.goto("/how");
      await expect(page.getByRole("heading", { name: "How this works" })).toBeVisible();
    },
  },
];

function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join("\n");
}

for (const { name, open } of pages) {
  for (const colorScheme of THEMES) {
    test(`${name} (${colorScheme}): no serious or critical axe violation`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      await open(page);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[colorScheme]);

      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const minor = results.violations.filter((v) => !blocking.includes(v));
      if (minor.length > 0) {
        // Not failures, but worth seeing.
        console.log(`${name} (${colorScheme}, ${testInfo.project.name}) minor axe findings:\n${describe(minor)}`);
      }
      expect(blocking.map((v) => v.id), `axe violations on ${name} (${colorScheme}):\n${describe(blocking)}`).toEqual([]);

      if (testInfo.project.name === "phone") {
        // Nothing may stick out sideways at 360 px: neither a page wider than the screen
        // nor content cut off at the right edge (body clips horizontal overflow).
        const width = await page.evaluate(() => {
          const clipped = [];
          for (const el of document.body.querySelectorAll("*")) {
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.right <= window.innerWidth + 0.5) continue;
            let parent = el.parentElement;
            let insideClip = false;
            for (; parent && parent !== document.body; parent = parent.parentElement) {
              if (getComputedStyle(parent).overflowX !== "visible") insideClip = true;
            }
            if (!insideClip) clipped.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(rect.right)}`);
          }
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            clipped,
          };
        });
        expect(width.innerWidth).toBe(360);
        expect(width.scrollWidth, `page wider than the screen on ${name}`).toBeLessThanOrEqual(width.innerWidth);
        expect(width.clipped, `elements past the right edge on ${name}`).toEqual([]);

        // A viewport as tall as the page puts the fixed tab bar at the bottom of the
        // screenshot instead of over the content.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: 360, height });
        await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/${name}-${colorScheme}.png`, fullPage: true });
      }
    });
  }
}

// axe checks text, not the edges of inputs (WCAG 1.4.11, 3:1) nor placeholders (1.4.3, 4.5:1).
for (const colorScheme of THEMES) {
  test(`log (${colorScheme}): input edges and placeholders have enough contrast`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/log");
    await expect(page.getByRole("heading", { name: "Log a run" })).toBeVisible();
    const problems = await page.evaluate(() => {
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      const page = getComputedStyle(document.body).backgroundColor;
      const found = [];
      for (const el of document.querySelectorAll("main input:not([type=radio]):not([type=range]), main select, main textarea")) {
        const style = getComputedStyle(el);
        const edge = ratio(style.borderTopColor, style.backgroundColor) >= 3 || ratio(style.borderTopColor, page) >= 3;
        if (!edge) found.push(`#${el.id} edge ${style.borderTopColor} on ${style.backgroundColor} / ${page}`);
        if (el.placeholder) {
          const placeholder = getComputedStyle(el, "::placeholder").color;
          if (placeholder === style.color) found.push(`#${el.id} placeholder colour unreadable from getComputedStyle`);
          if (ratio(placeholder, style.backgroundColor) < 4.5) found.push(`#${el.id} placeholder ${placeholder} on ${style.backgroundColor}`);
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
  });
}

test("in-app navigation moves the focus to the new page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Today/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Massage/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Massage", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  // The next Tab reaches the page's first control, not the navigation again.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Log a massage" })).toBeFocused();
});
