//! What to do today, from the readiness and its reasons.

use super::readings::Readings;
use super::rules::{Readiness, Reason};
use crate::domain::record::region::Region;
use crate::domain::rulebook::durations::{
    logged_minutes, seconds_per_side, EASY_RUN_DEFAULT_MINUTES, EASY_RUN_MINUTES, EASY_RUN_SHARE,
    RED_DAY_EASY_MINUTES,
};
use crate::domain::rulebook::pain;
use crate::domain::rulebook::readiness::RECENT_DAYS;
use crate::domain::rulebook::sources;
use crate::domain::text::decimal::fixed;
use crate::domain::text::units::and_list;
use crate::domain::text::units::round_u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Rest,
    EasyRun,
    TrainAsPlanned,
    SeePhysio,
    SelfMassage,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub action: Action,
    pub title: String,
    pub why: String,
    pub evidence: &'static str,
}

pub(super) fn recommend(
    readings: &Readings,
    readiness: Readiness,
    reasons: &[Reason],
    red_flags: &[Region],
    sore: &[Region],
    rest_days: Option<u32>,
) -> Vec<Recommendation> {
    let rules = readings.rules();
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
            title: format!("Don't massage an acute injury — see a physiotherapist about your {}", Region::list_in_sentence(red_flags)),
            why: format!(
                "You logged {} there; pain that strong needs a professional's assessment, not massage or foam rolling.",
                pain::rule_words(rules.physio_level)
            ),
            evidence: sources::ACUTE_INJURY,
        });
    }

    list.push(match readiness {
        Readiness::Red => Recommendation {
            action: Action::Rest,
            title: format!(
                "Rest today, or at most {}–{} minutes very easy",
                RED_DAY_EASY_MINUTES.0, RED_DAY_EASY_MINUTES.1
            ),
            why: match rest_days {
                Some(days) if days > 0 => format!(
                    "{main_reason} About {days} full rest day(s) bring your form back to 0."
                ),
                _ => main_reason,
            },
            evidence: sources::RECOVERY_DAYS,
        },
        Readiness::Amber => {
            let minutes = easy_minutes(readings.typical_minutes);
            Recommendation {
                action: Action::EasyRun,
                title: format!("Run easy: at most {minutes} minutes at RPE 3 or less"),
                why: match readings.typical_minutes {
                    Some(typical) => format!("{main_reason} Your sessions averaged {} minutes over 28 days; today stay well below that.", fixed(typical, 0)),
                    None => main_reason,
                },
                evidence: sources::SESSION_RPE,
            }
        }
        Readiness::Green => Recommendation {
            action: Action::TrainAsPlanned,
            title: "Train as planned".into(),
            why: match readings.acwr() {
                Some(acwr) => format!("No warning sign: your 7-day load is {}× your 28-day average and no region is sore.", fixed(acwr, 2)),
                None => "No warning sign in your recent runs and no region is sore.".into(),
            },
            evidence: sources::ACWR,
        },
    });

    if !sore.is_empty() {
        // The routine's time per side: what the player would run for these regions.
        let seconds: u32 = sore.iter().map(|r| 2 * seconds_per_side(*r)).sum();
        list.push(Recommendation {
            action: Action::SelfMassage,
            title: format!(
                "Foam-roll or self-massage your {}: {} per side, about {} minutes",
                Region::list_in_sentence(sore),
                time_per_side_words(sore),
                logged_minutes(seconds)
            ),
            why: format!(
                "You logged soreness of {}–{} there in the last {RECENT_DAYS} days.",
                rules.sore_level,
                rules.physio_level - 1
            ),
            evidence: sources::FOAM_ROLLING,
        });
    }

    list
}

/// "60 s" when every region takes the same time, else "60 s, 45 s and 60 s" in order.
fn time_per_side_words(regions: &[Region]) -> String {
    let times: Vec<String> = regions
        .iter()
        .map(|r| format!("{} s", seconds_per_side(*r)))
        .collect();
    if times.windows(2).all(|pair| pair[0] == pair[1]) {
        return times.first().cloned().unwrap_or_default();
    }
    and_list(&times)
}

/// A short easy run: `EASY_RUN_SHARE` of the usual session, within `EASY_RUN_MINUTES`,
/// rounded down to 5 minutes.
pub fn easy_minutes(typical_minutes: Option<f64>) -> u32 {
    let (shortest, longest) = EASY_RUN_MINUTES;
    let target = typical_minutes
        .map_or(f64::from(EASY_RUN_DEFAULT_MINUTES), |t| t * EASY_RUN_SHARE)
        .clamp(f64::from(shortest), f64::from(longest));
    round_u32((target / 5.0).floor()) * 5
}
