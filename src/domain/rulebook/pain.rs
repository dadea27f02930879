//! The pain red flag: one definition for Today, the body map, the routine and the
//! reminders. A region logged at or above the runner's physiotherapist level in any of
//! their last three runs of the past week is a red flag: Restride sends the runner to a
//! physiotherapist and suggests no massage there (Brummitt 2008: acute injury is a
//! contraindication).

use crate::domain::record::region::Region;
use crate::domain::record::run::Run;
use crate::domain::rulebook::windows::shift;
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// How many of the latest runs the soreness rules read…
pub const LAST_RUNS: usize = 3;
/// …of those logged in this many days, today included: older logs say nothing about now.
pub const WINDOW_DAYS: i64 = 7;
/// A region sore (at the runner's sore level) in this many of those runs gets a
/// self-massage reminder.
pub const SORE_IN_RUNS: usize = 2;

/// The red-flag rule in the runner's words, for every place that states it:
/// "soreness of 7 or more in your last 3 runs".
pub fn rule_words(physio_level: u8) -> String {
    format!("soreness of {physio_level} or more in your last {LAST_RUNS} runs")
}

/// The last `LAST_RUNS` runs of the past `WINDOW_DAYS` days up to `today`, newest first
/// (by date, start time, then id, so the order never depends on storage order).
pub fn latest_logs(runs: &[Run], today: NaiveDate) -> Vec<&Run> {
    let from = shift(today, 1 - WINDOW_DAYS);
    fn newest_first(run: &Run) -> (NaiveDate, Option<NaiveTime>, &str) {
        (run.date, run.start_time, run.id.as_str())
    }
    // A pass that keeps the newest few, in order: Today's first screen needs no sort code.
    let mut latest: Vec<&Run> = Vec::with_capacity(LAST_RUNS + 1);
    for run in runs.iter().filter(|r| r.date >= from && r.date <= today) {
        let at = latest
            .iter()
            .position(|kept| newest_first(run) > newest_first(kept))
            .unwrap_or(latest.len());
        if at < LAST_RUNS {
            latest.insert(at, run);
            latest.truncate(LAST_RUNS);
        }
    }
    latest
}

/// Regions with a pain red flag on `today`, each with its highest level in those runs and
/// the newest day it was logged at that level. A region a physiotherapist has seen
/// (`seen`: the day of the latest visit per region) is flagged again only by a run after
/// that day.
pub fn red_flags(
    runs: &[Run],
    today: NaiveDate,
    physio_level: u8,
    seen: &BTreeMap<Region, NaiveDate>,
) -> BTreeMap<Region, (u8, NaiveDate)> {
    let mut flags: BTreeMap<Region, (u8, NaiveDate)> = BTreeMap::new();
    let after_visit =
        |region: &Region, run: &Run| seen.get(region).is_none_or(|day| run.date > *day);
    // Newest first, so a level only replaces a strictly higher one's day.
    for run in latest_logs(runs, today) {
        for (&region, &level) in run
            .soreness
            .iter()
            .filter(|(region, l)| **l >= physio_level && after_visit(region, run))
        {
            if flags
                .get(&region)
                .is_none_or(|(highest, _)| level > *highest)
            {
                flags.insert(region, (level, run.date));
            }
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(id: &str, date: &str, soreness: &[(Region, u8)]) -> Run {
        Run {
            id: id.into(),
            soreness: soreness.iter().copied().collect(),
            ..Run::sample(date, 45, 4, 8)
        }
    }

    #[test]
    fn a_flag_needs_the_level_in_one_of_the_last_three_runs_of_the_week() {
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        let runs = vec![
            run("a", "2026-11-13", &[(Region::Knees, 9)]), // 8 days ago: too old
            run("b", "2026-11-15", &[(Region::Calves, 8)]), // fourth newest: pushed out
            run("c", "2026-11-16", &[(Region::Feet, 7)]),
            run("d", "2026-11-18", &[(Region::Feet, 8), (Region::Shins, 6)]),
            run("e", "2026-11-19", &[]),
        ];
        let flags = red_flags(&runs, today, 7, &BTreeMap::new());
        assert_eq!(
            flags.into_iter().collect::<Vec<_>>(),
            vec![(Region::Feet, (8, "2026-11-18".parse().unwrap()))]
        );
        // The runner's own level decides: at 9, nothing here is a flag; at 6, shins are.
        assert!(red_flags(&runs, today, 9, &BTreeMap::new()).is_empty());
        assert!(red_flags(&runs, today, 6, &BTreeMap::new()).contains_key(&Region::Shins));
    }

    #[test]
    fn the_latest_logs_are_the_newest_three_by_date_time_and_id() {
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        let mut morning = run("b", "2026-11-20", &[]);
        morning.start_time = "07:00".parse().ok();
        let mut evening = run("a", "2026-11-20", &[]);
        evening.start_time = "19:00".parse().ok();
        let runs = vec![
            run("z", "2026-11-19", &[]),
            evening,
            run("y", "2026-11-19", &[]),
            morning,
            run("x", "2026-11-18", &[]),
        ];
        let ids: Vec<&str> = latest_logs(&runs, today)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        // Same day: the later start first; same day without times: the larger id first.
        assert_eq!(ids, ["a", "b", "z"]);
    }

    #[test]
    fn runs_after_today_do_not_count() {
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        let runs = vec![run("z", "2026-11-21", &[(Region::Knees, 9)])];
        assert!(red_flags(&runs, today, 7, &BTreeMap::new()).is_empty());
    }

    #[test]
    fn a_physiotherapist_visit_clears_the_flag_until_a_new_high_score() {
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        let mut runs = vec![
            run("a", "2026-11-16", &[(Region::Knees, 8)]),
            run("b", "2026-11-18", &[(Region::Knees, 3)]),
        ];
        let seen: BTreeMap<Region, NaiveDate> =
            [(Region::Knees, "2026-11-17".parse().unwrap())].into();
        assert!(red_flags(&runs, today, 7, &BTreeMap::new()).contains_key(&Region::Knees));
        assert!(red_flags(&runs, today, 7, &seen).is_empty());
        // Seen about the knees, not the feet.
        runs.push(run("c", "2026-11-19", &[(Region::Feet, 9)]));
        assert_eq!(
            red_flags(&runs, today, 7, &seen)
                .into_keys()
                .collect::<Vec<_>>(),
            [Region::Feet]
        );
        // A new high score after the visit flags the knees again.
        runs.push(run("d", "2026-11-20", &[(Region::Knees, 7)]));
        assert!(red_flags(&runs, today, 7, &seen).contains_key(&Region::Knees));
    }
}
