//! Dated scenarios. Unless a test says otherwise, "today" is Thursday 2026-11-12 and the
//! runner has a steady base: 50 minutes at RPE 4 (load 200), 8 km, every other day on
//! the odd days back from today (yesterday, 3 days ago, … 119 days ago), so the history
//! spans 120 days. An independent Python implementation of the definitions in load.rs
//! gives, for that base alone: ACWR 0.889, form −11.8 against fitness 93.1 (−13 %),
//! monotony 0.87 — so the base alone fires no rule, and each scenario below changes one
//! thing on top of it. Numbers quoted in the expected strings are worked out by hand
//! in the comments beside them.

use super::*;
use crate::domain::record::region::Region;
use crate::domain::record::run::{Run, RunKind};
use crate::domain::record::settings::{Settings, Unit};
use crate::domain::rulebook::readiness::FORM_AMBER;
use crate::domain::rulebook::sources as evidence;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

/// The default red-flag level (7).
const PAIN_RED_FLAG: u8 = 7;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Thursday 2026-11-12.
fn today() -> NaiveDate {
    d("2026-11-12")
}

fn back(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

fn ahead(days: u64) -> NaiveDate {
    today().checked_add_days(Days::new(days)).unwrap()
}

fn run(date: NaiveDate, minutes: u32, rpe: u8, km: u32) -> Run {
    Run::sample(&date.to_string(), minutes, rpe, km)
}

fn sore(mut run: Run, levels: &[(Region, u8)]) -> Run {
    run.soreness = levels.iter().copied().collect();
    run
}

fn race(mut run: Run) -> Run {
    run.kind = RunKind::Race;
    run
}

/// The steady base on the odd days back from `from` to 119 days ago.
fn base_from(from: u64) -> Vec<Run> {
    (from..120)
        .step_by(2)
        .map(|back_days| run(back(back_days), 50, 4, 8))
        .collect()
}

fn base() -> Vec<Run> {
    base_from(1)
}

/// The base with yesterday's run replaced.
fn base_with_yesterday(yesterday: Run) -> Vec<Run> {
    let mut runs = base_from(3);
    runs.push(yesterday);
    runs
}

/// The whole recompute of the Today page.
fn advise_in(runs: &[Run], today: NaiveDate, unit: Unit) -> (Readings, Assessment) {
    let series = crate::domain::load::daily_series(runs, today);
    let settings = Settings {
        unit,
        ..Settings::default()
    };
    let signals = Readings::gather(None, runs, &series, today, &settings, &Default::default());
    let assessment = assess(&signals);
    (signals, assessment)
}

fn advise(runs: &[Run], today: NaiveDate) -> Assessment {
    advise_in(runs, today, Unit::Km).1
}

fn reason<'a>(a: &'a Assessment, starts: &str) -> Option<&'a Reason> {
    a.reasons.iter().find(|r| r.text.starts_with(starts))
}

fn recommendation(a: &Assessment, action: Action) -> Option<&Recommendation> {
    a.recommendations.iter().find(|r| r.action == action)
}

/// The reasons that are warnings (amber or red); green's own reason left out.
fn warnings(a: &Assessment) -> Vec<&Reason> {
    a.reasons
        .iter()
        .filter(|r| r.level != Readiness::Green)
        .collect()
}

fn actions(a: &Assessment) -> Vec<Action> {
    a.recommendations.iter().map(|r| r.action).collect()
}

mod properties;
mod scenarios; // dated scenarios, one rule at a time // properties over generated histories
