// Realistic stored histories for the browser bench: `count` runs, 5–7 a week, ending
// today, as the envelope of src/domain/data/envelope (version 3, the current one: an older
// one would be migrated, and its copy would not fit beside 20,000 runs) with the fields in
// the order the app writes them (so its length is what the app itself would store).
//
// Ids look like the app's (`<ms in hex>-<8 hex>`, src/ui/clock.rs). Most runs are easy at
// RPE 2–5; one a week is long; about one in five is a tempo or interval session at RPE
// 6–9, one in 40 a race; some are trail, recovery or other. About half have a start time,
// 40 % a heart rate, 30 % an elevation gain, 15 % a short note and 16 % soreness in one or
// two regions (now and then a pain red flag of 7–8). The generator is seeded, so every
// bench run stores the same text for the same count and day.

export const DATA_KEY = "restride.data";

const REGIONS = ["feet", "achilles", "calves", "shins", "knees", "quads", "hamstrings", "glutes", "hips_it_band", "lower_back"];
const NOTES = [
  "Windy river loop",
  "Heavy legs, kept it easy",
  "Track: 6 × 800 m",
  "Hills with the club",
  "Felt great",
  "Hot and humid",
  "New shoes",
  "Rain the whole way",
  "Tired after work",
  "Parkrun",
  "Negative split",
  "Treadmill, gym",
];

/** A small seeded generator (mulberry32): same seed, same history. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (low, high) => low + Math.floor(next() * (high - low + 1)),
    chance: (percent) => next() * 100 < percent,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const pad = (n, width = 2) => String(n).padStart(width, "0");
const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** `count` runs oldest first, the last one on `today` (a "YYYY-MM-DD" string). */
export function generateRuns(count, today, seed = 0x5eed) {
  const rng = random(seed + count);
  // Work backwards week by week from today, then put the runs oldest first.
  const end = new Date(`${today}T00:00:00Z`);
  const days = [];
  for (let week = 0; days.length < count; week++) {
    const runDays = rng.between(5, 7);
    const offsets = [0, 1, 2, 3, 4, 5, 6];
    while (offsets.length > runDays) offsets.splice(Math.floor(rng.next() * offsets.length), 1);
    // Today always has a run, so the readiness card has something recent to read.
    if (week === 0 && !offsets.includes(0)) offsets[0] = 0;
    for (const offset of offsets.sort((a, b) => a - b)) {
      if (days.length === count) break;
      days.push({ daysBack: week * 7 + offset, long: offset === Math.max(...offsets) });
    }
  }
  days.reverse();

  return days.map(({ daysBack, long }) => {
    const date = new Date(end.getTime() - daysBack * 86_400_000);
    let type, minutes, rpe;
    if (rng.chance(2.5)) [type, minutes, rpe] = ["race", rng.between(17, 150), rng.between(8, 10)];
    else if (long) [type, minutes, rpe] = ["long", rng.between(80, 150), rng.between(4, 7)];
    else if (rng.chance(20)) [type, minutes, rpe] = [rng.chance(50) ? "tempo" : "intervals", rng.between(30, 75), rng.between(6, 9)];
    else if (rng.chance(10)) [type, minutes, rpe] = [rng.pick(["recovery", "trail", "other"]), rng.between(20, 90), rng.between(1, 6)];
    else [type, minutes, rpe] = ["easy", rng.between(25, 60), rng.between(2, 5)];
    const duration_s = minutes * 60 + rng.between(0, 59);
    const paceSPerKm = rng.between(255, 400); // 4:15 to 6:40 per km
    const hour = rng.between(6, 19);
    const minute = rng.between(0, 59);
    // Logged a little after the run: the id's time is then.
    const loggedMs = date.getTime() + (hour * 60 + minute) * 60_000 + duration_s * 1000 + rng.between(5, 600) * 60_000;
    const run = {
      id: `${loggedMs.toString(16)}-${pad(Math.floor(rng.next() * 2 ** 32).toString(16), 8)}`,
      date: ymd(date),
    };
    if (rng.chance(50)) run.start_time = `${pad(hour)}:${pad(minute)}:00`;
    run.distance_m = Math.round((duration_s * 1000) / paceSPerKm);
    run.duration_s = duration_s;
    run.type = type;
    run.rpe = rpe;
    if (rng.chance(40)) run.avg_hr = rng.between(125, 150) + rpe * 3;
    if (rng.chance(30)) run.elevation_gain_m = rng.between(5, type === "trail" ? 900 : 250);
    if (rng.chance(15)) run.notes = rng.pick(NOTES);
    if (rng.chance(16)) {
      const sore = {};
      for (let i = rng.between(1, 2); i > 0; i--) sore[rng.pick(REGIONS)] = rng.chance(10) ? rng.between(7, 8) : rng.between(1, 6);
      // The app writes regions in their declared order (a BTreeMap of the enum).
      run.soreness = Object.fromEntries(REGIONS.filter((r) => r in sore).map((r) => [r, sore[r]]));
    }
    // Saved when logged: the app stores that time with every record (for merging tabs).
    run.updated_ms = Math.max(1, loggedMs); // the longest histories reach back before 1970
    return run;
  });
}

/** The stored text for `count` runs ending `today`. */
export function envelopeText(count, today) {
  return JSON.stringify({ version: 3, settings: { unit: "km", week_start: "monday" }, runs: generateRuns(count, today) });
}

/** Today's local date as "YYYY-MM-DD" (the browser under test runs on this machine). */
export function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
