//! A recovery massage 24–72 hours after a long run or a big session.

use super::{massaged_between, reminder, without_red_flags, Facts, Reminder, Rule};
use crate::domain::load;
use crate::domain::record::massage::MassageKind;
use crate::domain::record::run::{Run, RunKind};
use crate::domain::rulebook::readiness::HARD_RPE;
use crate::domain::rulebook::regions;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::{shift, AFTER_HARD_EFFORT_DAYS};
use crate::domain::text::dates;
use crate::domain::text::decimal::fixed;
use crate::domain::text::units::format_distance;
use chrono::NaiveDate;

fn average_session_load(runs: &[&Run], date: NaiveDate) -> Option<f64> {
    let from = shift(date, -load::BASELINE_DAYS);
    let month: Vec<f64> = runs
        .iter()
        .filter(|r| r.date >= from && r.date < date)
        .map(|r| load::session_load(r))
        .collect();
    (!month.is_empty()).then(|| month.iter().sum::<f64>() / month.len() as f64)
}

pub(super) fn hard_efforts(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    let from = shift(facts.today, -AFTER_HARD_EFFORT_DAYS.to);
    for run in facts
        .runs
        .iter()
        .filter(|r| r.date >= from && r.kind != RunKind::Race)
    {
        let minutes = f64::from(run.duration_s) / 60.0;
        let distance = format_distance(u64::from(run.distance_m), facts.unit);
        let long = s.is_long_run(run.duration_s);
        let what = if long {
            format!(
                "Your {}-minute run ({distance}) on {} was a long run (≥ {} minutes).",
                fixed(minutes, 0),
                dates::short_day_near(run.date, facts.today),
                s.long_run_minutes
            )
        } else {
            let Some(average) = average_session_load(&facts.runs, run.date) else {
                continue;
            };
            let load = load::session_load(run);
            let factor = s.big_session_factor();
            if average <= 0.0 || load < factor * average {
                continue;
            }
            format!(
                "Your run on {} had a load of {} (RPE {} × {} min), {}× your 28-day average of {}.",
                dates::short_day_near(run.date, facts.today),
                fixed(load, 0),
                run.rpe,
                fixed(minutes, 0),
                fixed(load / average, 1),
                fixed(average, 0)
            )
        };
        let (opens, closes) = AFTER_HARD_EFFORT_DAYS.around(run.date);
        if massaged_between(facts, run.date, closes, false) {
            continue;
        }
        let regions = without_red_flags(facts, &regions::AFTER_HARD_EFFORT);
        let mut r = reminder(
            Rule::HardEffort,
            format!("hard:{}", run.id),
            opens,
            format!(
                "Recovery massage or self-massage between {} and {}",
                dates::short_day_near(opens, facts.today),
                dates::short_day_near(closes, facts.today)
            ),
            format!(
                "{what} A massage {} after a hard effort eases soreness most.",
                AFTER_HARD_EFFORT_DAYS.hours_words()
            ),
            sources::MASSAGE_TIMING,
        );
        r.until = Some(closes);
        r.regions = regions;
        if run.rpe >= HARD_RPE {
            r.kind = MassageKind::Professional;
        }
        r.cause = if long {
            format!(
                "your {}-minute long run on {}",
                fixed(minutes, 0),
                dates::short_day_near(run.date, facts.today)
            )
        } else {
            format!(
                "your big session on {}",
                dates::short_day_near(run.date, facts.today)
            )
        };
        list.push(r);
    }
}
