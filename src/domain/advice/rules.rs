//! The readiness rules: each one that fires adds a reason quoting the runner's numbers;
//! the readiness is the most severe of them, green when none fires.

use super::readings::Readings;
use super::recommend::{recommend, Recommendation};
use crate::domain::load::{rest_days_until_fresh, MONOTONY_FLAG};
use crate::domain::record::region::Region;
use crate::domain::rulebook::pain;
use crate::domain::rulebook::readiness::{
    ACWR_LOW, ACWR_RISING, FORM_AMBER, FORM_RED, HARD_DAYS_FLAG, HARD_RPE, RACE_RED_DAYS,
    RECENT_DAYS, STREAK_FLAG,
};
use crate::domain::text::dates;
use crate::domain::text::decimal::fixed;
use crate::domain::text::units::to_unit;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Readiness {
    Green,
    Amber,
    Red,
}

impl Readiness {
    pub fn headline(self) -> &'static str {
        match self {
            Readiness::Green => "Ready: train as planned",
            Readiness::Amber => "Take it easier: go easy or shorten",
            Readiness::Red => "Recover: rest or run very easy",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Readiness::Green => "Green",
            Readiness::Amber => "Amber",
            Readiness::Red => "Red",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub level: Readiness,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub readiness: Readiness,
    pub reasons: Vec<Reason>,
    pub recommendations: Vec<Recommendation>,
    /// Full rest days until form is back to 0; like the form rule, only once the 28-day
    /// baseline exists (before it, fitness is too small for the count to mean anything).
    pub rest_days_until_fresh: Option<u32>,
}

fn day_name(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "today".into(),
        1 => "yesterday".into(),
        -1 => "tomorrow".into(),
        _ => dates::short_day(date),
    }
}

/// Regions sore at the runner's sore level in the last `RECENT_DAYS` days, red flags
/// excluded (they are a physiotherapist's, not a foam roller's).
pub fn sore_regions(readings: &Readings) -> Vec<Region> {
    readings
        .soreness
        .iter()
        .filter(|(region, (level, _))| {
            *level >= readings.rules().sore_level && !readings.red_flags.contains_key(region)
        })
        .map(|(region, _)| *region)
        .collect()
}

/// The band of an ACWR value, in the words the page uses; above `spike` (the runner's
/// level) it is a spike.
pub fn acwr_band(acwr: f64, spike: f64) -> &'static str {
    if acwr > spike {
        "spike"
    } else if acwr < ACWR_LOW {
        "low"
    } else if acwr <= ACWR_RISING {
        "steady"
    } else {
        "rising"
    }
}

pub fn assess(readings: &Readings) -> Assessment {
    let today = readings.today;
    let rules = readings.rules();
    let mut reasons = Vec::new();
    let mut say = |level: Readiness, text: String| reasons.push(Reason { level, text });

    let red_flags: Vec<Region> = readings.red_flags.keys().copied().collect();
    let sore = sore_regions(readings);
    let describe = |regions: &[Region],
                    levels: &std::collections::BTreeMap<Region, (u8, NaiveDate)>|
     -> String {
        regions
            .iter()
            .filter_map(|r| levels.get(r).map(|(level, date)| (r, level, date)))
            .map(|(r, level, date)| {
                format!("{} {level}/10 ({})", r.label(), day_name(*date, today))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };

    if !red_flags.is_empty() {
        say(
            Readiness::Red,
            format!(
                "Pain red flag: {} — {}.",
                describe(&red_flags, &readings.red_flags),
                pain::rule_words(rules.physio_level)
            ),
        );
    }
    if !sore.is_empty() {
        say(
            Readiness::Amber,
            format!("Sore: {}.", describe(&sore, &readings.soreness)),
        );
    }
    if let Some(race) = readings
        .last_race
        .filter(|d| (today - *d).num_days() < RECENT_DAYS as i64)
    {
        let level = if (today - race).num_days() < RACE_RED_DAYS as i64 {
            Readiness::Red
        } else {
            Readiness::Amber
        };
        say(
            level,
            format!(
                "You raced {}: the body needs a few easy days to recover.",
                day_name(race, today)
            ),
        );
    }
    if let Some(acwr) = readings.acwr() {
        let spike = rules.spike_acwr();
        if acwr > spike {
            say(
                Readiness::Red,
                format!(
                    "Load spike: your 7-day load is {}× your 28-day average (above {}).",
                    fixed(acwr, 2),
                    fixed(spike, 1)
                ),
            );
        } else if acwr > ACWR_RISING {
            say(
                Readiness::Amber,
                format!(
                    "Load rising: your 7-day load is {}× your 28-day average (above {}).",
                    fixed(acwr, 2),
                    fixed(ACWR_RISING, 1)
                ),
            );
        }
    }
    if let Some(day) = &readings.today_metrics {
        // Form relative to fitness means little until fitness has had time to build
        // (FORM_BASELINE_DAYS): after one easy run, fitness is tiny and any fatigue looks huge.
        if day.fitness > 0.0 && readings.form_ready() {
            let ratio = day.form / day.fitness;
            let text = format!(
                "Form is {}: fatigue {} is well above fitness {} ({} % of fitness).",
                fixed(day.form, 0),
                fixed(day.fatigue, 0),
                fixed(day.fitness, 0),
                fixed(ratio * 100.0, 0)
            );
            if ratio < FORM_RED {
                say(Readiness::Red, text);
            } else if ratio < FORM_AMBER {
                say(Readiness::Amber, text);
            }
        }
        if let Some(monotony) = day.monotony.filter(|m| *m > MONOTONY_FLAG) {
            say(Readiness::Amber, format!("Monotony is {} (above {}): your days have been too alike; mix easy and hard, and rest.", fixed(monotony, 1), fixed(MONOTONY_FLAG, 1)));
        }
    }
    if readings.hard_days_in_a_row >= HARD_DAYS_FLAG {
        say(
            Readiness::Amber,
            format!(
                "{} hard days in a row (RPE {HARD_RPE} or more).",
                readings.hard_days_in_a_row
            ),
        );
    }
    if readings.run_days_in_a_row >= STREAK_FLAG {
        say(
            Readiness::Amber,
            format!(
                "{} days in a row without a rest day.",
                readings.run_days_in_a_row
            ),
        );
    }
    if readings.two_weeks.is_jump(rules.spike_jump_percent) {
        if let Some(change) = readings.two_weeks.change() {
            let unit = readings.settings.unit;
            say(Readiness::Amber, format!(
                "Distance jump: the last 14 days hold {} % more distance than the 14 before ({} {abbrev} against {} {abbrev}).",
                fixed(change * 100.0, 0),
                fixed(to_unit(readings.two_weeks.recent_m, unit), 1),
                fixed(to_unit(readings.two_weeks.earlier_m, unit), 1),
                abbrev = unit.abbrev()
            ));
        }
    }

    let readiness = reasons
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(Readiness::Green);
    if readiness == Readiness::Green {
        // Green has a reason of its own: the numbers that show nothing is wrong.
        let text = match readings.acwr() {
            Some(acwr) => {
                format!(
                    "Load {}× your 28-day average, no warning sign, nothing sore.",
                    fixed(acwr, 2)
                )
            }
            None => "No warning sign in your recent runs, nothing sore.".to_string(),
        };
        reasons.push(Reason {
            level: Readiness::Green,
            text,
        });
    }
    let rest_days = readings
        .today_metrics
        .as_ref()
        .filter(|_| readings.form_ready())
        .map(rest_days_until_fresh);
    let recommendations = recommend(readings, readiness, &reasons, &red_flags, &sore, rest_days);
    Assessment {
        readiness,
        reasons,
        recommendations,
        rest_days_until_fresh: rest_days,
    }
}
