//! Readiness today and what to do about it, each with its why and its evidence.
//!
//! `Signals::gather` reads the runner's history into plain numbers; `assess` turns those
//! numbers into a readiness level, reason lines and recommendations by explicit rules.
//! Both are pure: the same history and day always give the same advice.

use crate::domain::load::{
    self, rest_days_until_fresh, two_week_progression, Day, Progression, BASELINE_DAYS,
    MONOTONY_FLAG,
};
use crate::domain::run::{Region, Run, RunKind};
use crate::domain::settings::Unit;
use crate::domain::units::format_distance;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// RPE from which a day counts as hard.
pub const HARD_RPE: u8 = 7;
/// Soreness from which a region gets attention, and from which it is a pain red flag.
pub const SORE: u8 = 4;
pub const PAIN_RED_FLAG: u8 = 7;
/// Soreness and races count when logged within this many days (today included).
pub const RECENT_DAYS: u64 = 3;
/// Runs in a row without a rest day from which a rest day is suggested.
pub const STREAK_FLAG: u32 = 6;
/// Form below these fractions of fitness is amber and red (Restride's own thresholds).
pub const FORM_AMBER: f64 = -0.30;
pub const FORM_RED: f64 = -0.60;
pub const ACWR_LOW: f64 = 0.8;
pub const ACWR_RISING: f64 = 1.3;
pub const ACWR_SPIKE: f64 = 1.5;
/// A long run from this many minutes is a hard effort.
pub const LONG_RUN_MINUTES: f64 = 90.0;
/// A session this many times the 28-day average session load is a hard effort.
pub const BIG_SESSION_FACTOR: f64 = 1.5;

pub mod evidence {
    pub const SESSION_RPE: &str = "Foster C. et al. (2001), A new approach to monitoring exercise training, J Strength Cond Res 15(1):109–115.";
    pub const ACWR: &str = "Williams S. et al. (2017), Better way to determine the acute:chronic workload ratio?, Br J Sports Med 51:209–210.";
    pub const ACWR_CRITICISM: &str = "Impellizzeri F.M. et al. (2020), Acute:chronic workload ratio: conceptual issues and fundamental pitfalls, Int J Sports Physiol Perform 15(6):907–913.";
    pub const FITNESS_FATIGUE: &str = "Banister E.W. et al. (1975), A systems model of training for athletic performance, Aust J Sports Med 7:57–61.";
    pub const MONOTONY: &str = "Foster C. (1998), Monitoring training in athletes with reference to overtraining syndrome, Med Sci Sports Exerc 30(7):1164–1168.";
    pub const PROGRESSION: &str = "Nielsen R.O. et al. (2014), Excessive progression in weekly running distance and risk of running-related injuries, J Orthop Sports Phys Ther 44(10):739–747.";
    pub const MASSAGE_TIMING: &str = "Guo J. et al. (2017), Massage alleviates delayed onset muscle soreness after strenuous exercise: a systematic review and meta-analysis, Front Physiol 8:747 (largest effect at 48–72 h).";
    pub const FOAM_ROLLING: &str = "Wiewelhove T. et al. (2019), A meta-analysis of the effects of foam rolling on performance and recovery, Front Physiol 10:376.";
    pub const ACUTE_INJURY: &str = "Brummitt J. (2008), The role of massage in sports performance and rehabilitation, N Am J Sports Phys Ther 3(1):7–21 (acute injury and inflammation are contraindications).";
    pub const RECOVERY_DAYS: &str = "Bishop P.A. et al. (2008), Recovery from training: a brief review, J Strength Cond Res 22(3):1015–1024.";
}

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

/// The runner's history reduced to the numbers the rules read.
#[derive(Clone, Debug, PartialEq)]
pub struct Signals {
    pub today: NaiveDate,
    /// Days from the first run to today, both included.
    pub history_days: i64,
    pub today_metrics: Option<Day>,
    pub hard_days_in_a_row: u32,
    pub run_days_in_a_row: u32,
    /// Highest soreness per region logged in the last three days, with the day it was logged.
    pub soreness: BTreeMap<Region, (u8, NaiveDate)>,
    pub last_race: Option<NaiveDate>,
    pub last_hard_effort: Option<HardEffort>,
    pub two_weeks: Progression,
    /// Average minutes of the sessions of the last 28 days.
    pub typical_minutes: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HardEffort {
    pub date: NaiveDate,
    pub what: String,
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

impl Signals {
    pub fn gather(runs: &[Run], series: &[Day], today: NaiveDate, unit: Unit) -> Signals {
        let past: Vec<&Run> = runs.iter().filter(|r| r.date <= today).collect();
        let first = past.iter().map(|r| r.date).min();
        let recent_from = days_before(today, RECENT_DAYS - 1);

        let mut soreness: BTreeMap<Region, (u8, NaiveDate)> = BTreeMap::new();
        for run in past.iter().filter(|r| r.date >= recent_from) {
            for (&region, &level) in &run.soreness {
                let entry = soreness.entry(region).or_insert((level, run.date));
                if level > entry.0 || (level == entry.0 && run.date > entry.1) {
                    *entry = (level, run.date);
                }
            }
        }

        let month_from = days_before(today, 27);
        let month: Vec<&&Run> = past.iter().filter(|r| r.date >= month_from).collect();
        let typical_minutes = (!month.is_empty()).then(|| {
            month
                .iter()
                .map(|r| r.duration_s as f64 / 60.0)
                .sum::<f64>()
                / month.len() as f64
        });
        let average_session_load = (!month.is_empty())
            .then(|| month.iter().map(|r| load::session_load(r)).sum::<f64>() / month.len() as f64);

        let last_hard_effort = past
            .iter()
            .filter(|r| r.date >= recent_from)
            .filter_map(|r| hard_effort(r, average_session_load, unit))
            .max_by_key(|e| e.date);

        Signals {
            today,
            history_days: first.map_or(0, |f| (today - f).num_days() + 1),
            today_metrics: series.last().filter(|d| d.date == today).cloned(),
            hard_days_in_a_row: streak(&past, today, |day_runs| {
                day_runs.iter().any(|r| r.rpe >= HARD_RPE)
            }),
            run_days_in_a_row: streak(&past, today, |day_runs| !day_runs.is_empty()),
            soreness,
            last_race: past
                .iter()
                .filter(|r| r.kind == RunKind::Race)
                .map(|r| r.date)
                .max(),
            last_hard_effort,
            two_weeks: two_week_progression(runs, today),
            typical_minutes,
        }
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

/// A run that calls for a recovery massage: a race, a long run, or a big session.
fn hard_effort(run: &Run, average_session_load: Option<f64>, unit: Unit) -> Option<HardEffort> {
    let minutes = run.duration_s as f64 / 60.0;
    let distance = format_distance(run.distance_m as u64, unit);
    let what = if run.kind == RunKind::Race {
        format!("your race ({distance})")
    } else if minutes >= LONG_RUN_MINUTES {
        format!("your {:.0}-minute run ({distance})", minutes)
    } else {
        let average = average_session_load?;
        let load = load::session_load(run);
        if average <= 0.0 || load < BIG_SESSION_FACTOR * average {
            return None;
        }
        format!(
            "a big session (load {:.0}, {:.1}× your 28-day average of {:.0})",
            load,
            load / average,
            average
        )
    };
    Some(HardEffort {
        date: run.date,
        what,
    })
}

/// Consecutive days meeting `holds`, ending today — or yesterday when today has no run
/// yet, since advice is usually read before the day's run.
fn streak(runs: &[&Run], today: NaiveDate, holds: impl Fn(&[&Run]) -> bool) -> u32 {
    let on = |date: NaiveDate| -> Vec<&Run> {
        runs.iter().copied().filter(|r| r.date == date).collect()
    };
    let mut day = if on(today).is_empty() {
        days_before(today, 1)
    } else {
        today
    };
    let mut count = 0;
    while holds(&on(day)) && count < 3650 {
        count += 1;
        day = days_before(day, 1);
    }
    count
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub level: Readiness,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Rest,
    EasyRun,
    TrainAsPlanned,
    SeePhysio,
    SelfMassage,
    SportsMassage,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub action: Action,
    pub title: String,
    pub why: String,
    pub evidence: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub readiness: Readiness,
    pub reasons: Vec<Reason>,
    pub recommendations: Vec<Recommendation>,
    pub rest_days_until_fresh: u32,
}

fn region_list(regions: &[Region]) -> String {
    let names: Vec<String> = regions.iter().map(|r| r.label().to_lowercase()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn day_name(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "today".into(),
        1 => "yesterday".into(),
        -1 => "tomorrow".into(),
        _ => date.format("%a %-d %b").to_string(),
    }
}

/// The rules. Each one that fires adds a reason quoting the runner's numbers; the
/// readiness is the most severe of them, green when none fires.
pub fn assess(signals: &Signals) -> Assessment {
    let today = signals.today;
    let mut reasons = Vec::new();
    let mut say = |level: Readiness, text: String| reasons.push(Reason { level, text });

    let red_flags: Vec<Region> = signals
        .soreness
        .iter()
        .filter(|(_, (level, _))| *level >= PAIN_RED_FLAG)
        .map(|(region, _)| *region)
        .collect();
    let sore: Vec<Region> = signals
        .soreness
        .iter()
        .filter(|(_, (level, _))| (SORE..PAIN_RED_FLAG).contains(level))
        .map(|(region, _)| *region)
        .collect();
    let describe = |regions: &[Region]| -> String {
        regions
            .iter()
            .filter_map(|r| {
                signals
                    .soreness
                    .get(r)
                    .map(|(level, date)| (r, level, date))
            })
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
                "Pain red flag: {} — soreness of 7 or more in the last 3 days.",
                describe(&red_flags)
            ),
        );
    }
    if !sore.is_empty() {
        say(Readiness::Amber, format!("Sore: {}.", describe(&sore)));
    }
    if let Some(race) = signals
        .last_race
        .filter(|d| (today - *d).num_days() < RECENT_DAYS as i64)
    {
        let level = if (today - race).num_days() <= 1 {
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
    if let Some(acwr) = signals.acwr() {
        if acwr > ACWR_SPIKE {
            say(Readiness::Red, format!("Load spike: your 7-day load is {acwr:.2}× your 28-day average (above {ACWR_SPIKE})."));
        } else if acwr > ACWR_RISING {
            say(Readiness::Amber, format!("Load rising: your 7-day load is {acwr:.2}× your 28-day average (above {ACWR_RISING})."));
        }
    }
    if let Some(day) = &signals.today_metrics {
        if day.fitness > 0.0 {
            let ratio = day.form / day.fitness;
            let text = format!(
                "Form is {:.0}: fatigue {:.0} is well above fitness {:.0} ({:.0} % of fitness).",
                day.form,
                day.fatigue,
                day.fitness,
                ratio * 100.0
            );
            if ratio < FORM_RED {
                say(Readiness::Red, text);
            } else if ratio < FORM_AMBER {
                say(Readiness::Amber, text);
            }
        }
        if let Some(monotony) = day.monotony.filter(|m| *m > MONOTONY_FLAG) {
            say(Readiness::Amber, format!("Monotony is {monotony:.1} (above {MONOTONY_FLAG}): your days have been too alike; mix easy and hard, and rest."));
        }
    }
    if signals.hard_days_in_a_row >= 2 {
        say(
            Readiness::Amber,
            format!(
                "{} hard days in a row (RPE {HARD_RPE} or more).",
                signals.hard_days_in_a_row
            ),
        );
    }
    if signals.run_days_in_a_row >= STREAK_FLAG {
        say(
            Readiness::Amber,
            format!(
                "{} days in a row without a rest day.",
                signals.run_days_in_a_row
            ),
        );
    }
    if signals.two_weeks.is_jump() {
        if let Some(change) = signals.two_weeks.change() {
            say(Readiness::Amber, format!(
                "Distance jump: the last 14 days hold {:.0} % more distance than the 14 before ({:.1} km against {:.1} km).",
                change * 100.0,
                signals.two_weeks.recent_m as f64 / 1000.0,
                signals.two_weeks.earlier_m as f64 / 1000.0
            ));
        }
    }

    let readiness = reasons
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(Readiness::Green);
    let rest_days = signals
        .today_metrics
        .as_ref()
        .map_or(0, rest_days_until_fresh);
    let recommendations = recommend(signals, readiness, &reasons, &red_flags, &sore, rest_days);
    Assessment {
        readiness,
        reasons,
        recommendations,
        rest_days_until_fresh: rest_days,
    }
}

fn recommend(
    signals: &Signals,
    readiness: Readiness,
    reasons: &[Reason],
    red_flags: &[Region],
    sore: &[Region],
    rest_days: u32,
) -> Vec<Recommendation> {
    let today = signals.today;
    let mut list = Vec::new();
    let main_reason = reasons
        .iter()
        .filter(|r| r.level == readiness)
        .map(|r| r.text.clone())
        .next()
        .unwrap_or_default();

    if !red_flags.is_empty() {
        list.push(Recommendation {
            action: Action::SeePhysio,
            title: format!("Don't massage an acute injury — see a physiotherapist about your {}", region_list(red_flags)),
            why: format!("You logged soreness of {PAIN_RED_FLAG} or more there in the last 3 days; pain that strong needs a professional's assessment, not massage or foam rolling."),
            evidence: evidence::ACUTE_INJURY,
        });
    }

    list.push(match readiness {
        Readiness::Red => Recommendation {
            action: Action::Rest,
            title: "Rest today, or at most 20–30 minutes very easy".into(),
            why: if rest_days > 0 {
                format!("{main_reason} About {rest_days} full rest day(s) bring your form back to 0.")
            } else {
                main_reason
            },
            evidence: evidence::RECOVERY_DAYS,
        },
        Readiness::Amber => {
            let minutes = easy_minutes(signals.typical_minutes);
            Recommendation {
                action: Action::EasyRun,
                title: format!("Run easy: at most {minutes} minutes at RPE 3 or less"),
                why: match signals.typical_minutes {
                    Some(typical) => format!("{main_reason} Your sessions averaged {typical:.0} minutes over 28 days; today stay well below that."),
                    None => main_reason,
                },
                evidence: evidence::SESSION_RPE,
            }
        }
        Readiness::Green => Recommendation {
            action: Action::TrainAsPlanned,
            title: "Train as planned".into(),
            why: match signals.acwr() {
                Some(acwr) => format!("No warning sign: your 7-day load is {acwr:.2}× your 28-day average and no region is sore."),
                None => "No warning sign in your recent runs and no region is sore.".into(),
            },
            evidence: evidence::ACWR,
        },
    });

    if !sore.is_empty() {
        let minutes = sore.len() * 2 * 2;
        list.push(Recommendation {
            action: Action::SelfMassage,
            title: format!("Foam-roll or self-massage your {}: 2 minutes per side each, about {minutes} minutes", region_list(sore)),
            why: format!("You logged soreness of {SORE}–{} there in the last 3 days.", PAIN_RED_FLAG - 1),
            evidence: evidence::FOAM_ROLLING,
        });
    }

    if let Some(effort) = &signals.last_hard_effort {
        let opens = effort
            .date
            .checked_add_days(Days::new(1))
            .unwrap_or(effort.date);
        let closes = effort
            .date
            .checked_add_days(Days::new(3))
            .unwrap_or(effort.date);
        let massage_ok = red_flags.is_empty();
        if massage_ok && today <= closes {
            let when = if today < opens {
                format!(
                    "between {} and {}",
                    day_name(opens, today),
                    day_name(closes, today)
                )
            } else {
                format!("by {}", day_name(closes, today))
            };
            list.push(Recommendation {
                action: Action::SportsMassage,
                title: format!("Book a sports massage {when}"),
                why: format!(
                    "After {} {}, a massage 24–72 hours later eases soreness most.",
                    effort.what,
                    day_name(effort.date, today)
                ),
                evidence: evidence::MASSAGE_TIMING,
            });
        }
    }
    list
}

/// A short easy run: three quarters of the usual session, between 20 and 45 minutes,
/// rounded down to 5 minutes.
pub fn easy_minutes(typical_minutes: Option<f64>) -> u32 {
    let target = typical_minutes.map_or(30.0, |t| t * 0.75).clamp(20.0, 45.0);
    (target / 5.0).floor() as u32 * 5
}

/// The band of an ACWR value, in the words the page uses.
pub fn acwr_band(acwr: f64) -> &'static str {
    if acwr < ACWR_LOW {
        "low"
    } else if acwr <= ACWR_RISING {
        "steady"
    } else if acwr <= ACWR_SPIKE {
        "rising"
    } else {
        "spike"
    }
}
