//! The runner's history reduced to the plain numbers the readiness rules read.

use crate::domain::load::{two_week_progression, Day, Progression, BASELINE_DAYS};
use crate::domain::record::region::Region;
use crate::domain::record::reminder_settings::ReminderSettings;
use crate::domain::record::run::{Run, RunKind};
use crate::domain::record::settings::Settings;
use crate::domain::rulebook::pain;
use crate::domain::rulebook::readiness::{FORM_BASELINE_DAYS, HARD_RPE, RECENT_DAYS};
use crate::domain::rulebook::windows::shift;
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Readings {
    pub today: NaiveDate,
    /// Days from the first run to today, both included.
    pub history_days: i64,
    pub today_metrics: Option<Day>,
    pub hard_days_in_a_row: u32,
    pub run_days_in_a_row: u32,
    /// Highest soreness per region logged in the last three days, with the day it was logged.
    pub soreness: BTreeMap<Region, (u8, NaiveDate)>,
    /// Regions with a pain red flag (`rulebook::pain`), with their level and day.
    pub red_flags: BTreeMap<Region, (u8, NaiveDate)>,
    pub last_race: Option<NaiveDate>,
    pub two_weeks: Progression,
    /// Average minutes of the sessions of the last 28 days.
    pub typical_minutes: Option<f64>,
    /// The runner's display preferences and rule levels (sore, red flag, spike, jump).
    pub settings: Settings,
}

/// What the readings need of runs that are not at hand (those before Today's checkpoint,
/// `today::checkpoint`): their first day, the last race, and the streaks they end with.
#[derive(Clone, Debug, PartialEq)]
pub struct Before {
    /// The last day those runs cover.
    pub date: NaiveDate,
    pub first_run: NaiveDate,
    pub last_race: Option<NaiveDate>,
    /// Days in a row with a run, and with a hard run, ending on `date`.
    pub run_days: u32,
    pub hard_days: u32,
}

impl Before {
    /// The runs up to `date`, as the readings need them; `None` without a run by then.
    pub fn of(runs: &[Run], date: NaiveDate) -> Option<Before> {
        let past: Vec<&Run> = runs.iter().filter(|r| r.date <= date).collect();
        Some(Before {
            date,
            first_run: past.iter().map(|r| r.date).min()?,
            last_race: last_race(&past),
            run_days: in_a_row(&past, date, ran, None),
            hard_days: in_a_row(&past, date, ran_hard, None),
        })
    }
}

/// A day counts for the run streak if it has any run…
fn ran(_: &Run) -> bool {
    true
}

/// …and for the hard streak if it has a hard one.
fn ran_hard(run: &Run) -> bool {
    run.rpe >= HARD_RPE
}

fn last_race(past: &[&Run]) -> Option<NaiveDate> {
    past.iter()
        .filter(|r| r.kind == RunKind::Race)
        .map(|r| r.date)
        .max()
}

impl Readings {
    /// The readings on `today`. `seen`: the latest physiotherapist visit per region
    /// (`physio_visit::seen_by_physio`). `before`: when only the runs after `before.date`
    /// are given, what the readings need of the earlier ones (Today's checkpoint).
    pub fn gather(
        before: Option<&Before>,
        runs: &[Run],
        series: &[Day],
        today: NaiveDate,
        settings: &Settings,
        seen: &BTreeMap<Region, NaiveDate>,
    ) -> Readings {
        let past: Vec<&Run> = runs.iter().filter(|r| r.date <= today).collect();
        let first = past
            .iter()
            .map(|r| r.date)
            .chain(before.map(|b| b.first_run))
            .min();
        let recent_from = shift(today, 1 - RECENT_DAYS as i64);

        let mut soreness: BTreeMap<Region, (u8, NaiveDate)> = BTreeMap::new();
        for run in past.iter().filter(|r| r.date >= recent_from) {
            for (&region, &level) in &run.soreness {
                let entry = soreness.entry(region).or_insert((level, run.date));
                if level > entry.0 || (level == entry.0 && run.date > entry.1) {
                    *entry = (level, run.date);
                }
            }
        }

        let month_from = shift(today, -27);
        let month: Vec<&&Run> = past.iter().filter(|r| r.date >= month_from).collect();
        let typical_minutes = (!month.is_empty()).then(|| {
            month
                .iter()
                .map(|r| f64::from(r.duration_s) / 60.0)
                .sum::<f64>()
                / month.len() as f64
        });

        Readings {
            today,
            history_days: first.map_or(0, |f| (today - f).num_days() + 1),
            today_metrics: series.last().filter(|d| d.date == today).cloned(),
            hard_days_in_a_row: streak(
                &past,
                today,
                ran_hard,
                before.map(|b| (b.date, b.hard_days)),
            ),
            run_days_in_a_row: streak(&past, today, ran, before.map(|b| (b.date, b.run_days))),
            soreness,
            red_flags: pain::red_flags(runs, today, settings.reminders.physio_level, seen),
            last_race: last_race(&past).max(before.and_then(|b| b.last_race)),
            two_weeks: two_week_progression(runs, today),
            typical_minutes,
            settings: *settings,
        }
    }

    pub fn rules(&self) -> &ReminderSettings {
        &self.settings.reminders
    }

    /// Enough history for form relative to fitness to mean something (`FORM_BASELINE_DAYS`).
    pub fn form_ready(&self) -> bool {
        self.history_days >= FORM_BASELINE_DAYS
    }

    pub fn baseline_ready(&self) -> bool {
        self.history_days >= BASELINE_DAYS
    }

    /// ACWR, but only once the 28-day baseline exists.
    pub fn acwr(&self) -> Option<f64> {
        self.today_metrics
            .as_ref()
            .and_then(|d| d.acwr)
            .filter(|_| self.baseline_ready())
    }
}

/// Consecutive days meeting `holds`, ending today — or yesterday when today has no run
/// yet, since advice is usually read before the day's run.
fn streak(
    runs: &[&Run],
    today: NaiveDate,
    counts: fn(&Run) -> bool,
    before: Option<(NaiveDate, u32)>,
) -> u32 {
    let ran_today = runs.iter().any(|r| r.date == today);
    let last = if ran_today { today } else { shift(today, -1) };
    in_a_row(runs, last, counts, before)
}

/// Longest streaks counted: ten years.
const STREAK_CAP: u32 = 3650;

/// Consecutive days meeting `holds`, ending on `last`. `before`: the day the runs at hand
/// start after, and how many days in a row end on it.
fn in_a_row(
    runs: &[&Run],
    last: NaiveDate,
    counts: fn(&Run) -> bool,
    before: Option<(NaiveDate, u32)>,
) -> u32 {
    // Which of the days back from `last` (0 is `last`) have a run that counts: one pass
    // over the runs, so a years-long streak costs no more than a short one.
    let days_back = |date: NaiveDate| usize::try_from((last - date).num_days()).ok();
    let mut held = vec![false; STREAK_CAP as usize];
    for run in runs.iter().filter(|r| counts(r)) {
        if let Some(slot) = days_back(run.date).and_then(|back| held.get_mut(back)) {
            *slot = true;
        }
    }
    // The runs at hand may end at `before`'s day: the days before it are counted already.
    let boundary = before.and_then(|(date, carried)| Some((days_back(date)?, carried)));
    let mut count = 0;
    for (back, &holds) in held.iter().enumerate() {
        if let Some((_, carried)) = boundary.filter(|(at, _)| *at == back) {
            return (count + carried).min(STREAK_CAP);
        }
        if !holds {
            break;
        }
        count += 1;
    }
    count
}

#[cfg(test)]
mod streak_tests {
    use super::*;
    use chrono::Days;
    use proptest::prelude::*;

    /// The streak as first written: day by day, each day's runs looked up in all of them.
    fn day_by_day(runs: &[&Run], last: NaiveDate, counts: fn(&Run) -> bool) -> u32 {
        let mut day = last;
        let mut count = 0;
        while count < STREAK_CAP && runs.iter().any(|r| r.date == day && counts(r)) {
            count += 1;
            day = shift(day, -1);
        }
        count
    }

    proptest! {
        #[test]
        fn one_pass_counts_what_day_by_day_counts(
            days in proptest::collection::vec((0u64..60, 1u8..=10), 0..80),
            last in 0u64..70,
            cut in proptest::option::of(0u64..70),
        ) {
            let start: NaiveDate = "2026-01-01".parse().unwrap();
            let runs: Vec<Run> = days
                .iter()
                .map(|(day, rpe)| Run::sample(&(start + Days::new(*day)).to_string(), 30, *rpe, 5))
                .collect();
            let all: Vec<&Run> = runs.iter().collect();
            let last = start + Days::new(last);
            for counts in [ran as fn(&Run) -> bool, ran_hard] {
                prop_assert_eq!(in_a_row(&all, last, counts, None), day_by_day(&all, last, counts));
                // From the runs after a cut, carrying the count that ends on it.
                if let Some(cut) = cut.map(|c| start + Days::new(c)).filter(|c| *c < last) {
                    let after: Vec<&Run> = runs.iter().filter(|r| r.date > cut).collect();
                    let carried = day_by_day(&all, cut, counts);
                    prop_assert_eq!(
                        in_a_row(&after, last, counts, Some((cut, carried))),
                        day_by_day(&all, last, counts)
                    );
                }
            }
        }
    }

    #[test]
    fn a_ten_year_daily_streak_is_counted_to_the_cap() {
        let last: NaiveDate = "2026-11-30".parse().unwrap();
        let runs: Vec<Run> = (0..4000)
            .map(|back| Run::sample(&shift(last, -back).to_string(), 30, 8, 5))
            .collect();
        let all: Vec<&Run> = runs.iter().collect();
        assert_eq!(in_a_row(&all, last, ran, None), STREAK_CAP);
        assert_eq!(in_a_row(&all, last, ran_hard, None), STREAK_CAP);
    }
}
