//! Persistent soreness: a self-massage routine for a region sore in two of the last three
//! runs; for a pain red flag (`rulebook::pain`), a physiotherapist instead, from the first
//! log at that level, so this card and Today always agree.

use super::{reminder, Facts, Reminder, Rule};
use crate::domain::record::region::Region;
use crate::domain::record::run::Run;
use crate::domain::rulebook::{pain, sources};
use crate::domain::text::dates;
use chrono::NaiveDate;

pub(super) fn soreness(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    for region in Region::ALL {
        let levels: Vec<(u8, &Run)> = facts
            .latest_logs
            .iter()
            .map(|run| (run.soreness.get(&region).copied().unwrap_or(0), *run))
            .collect();
        let highest = levels.iter().map(|(l, _)| *l).max().unwrap_or(0);
        let sore: Vec<&(u8, &Run)> = levels.iter().filter(|(l, _)| *l >= s.sore_level).collect();
        // The newest sore log is the cause: a later sore log is a new cause.
        let Some((_, cause)) = sore.first() else {
            continue;
        };
        let readings: Vec<String> = sore
            .iter()
            .rev()
            .map(|(l, run)| format!("{l}/10 on {}", dates::short_day_near(run.date, facts.today)))
            .collect();
        let readings = readings.join(" and ");
        let name = region.in_sentence();
        if facts.red_flags.contains(&region) {
            let mut r = reminder(
                Rule::SeePhysio,
                format!("physio:{}:{}", region.key(), cause.id),
                cause.date,
                format!("See a physiotherapist about your {name} — no massage there for now"),
                format!(
                    "You logged {name} soreness of {readings}, reaching {highest}/10 in your last {} runs (your red-flag level is {}). Pain that strong needs a diagnosis, not massage. Until a physiotherapist has seen it, Restride suggests no massage of your {name} and no recovery massage after hard efforts or races.",
                    pain::LAST_RUNS,
                    s.physio_level
                ),
                sources::ACUTE_INJURY,
            );
            r.regions = vec![region];
            list.push(r);
        } else if s.soreness_on
            && sore.len() >= pain::SORE_IN_RUNS
            && !massaged_region_since(facts, region, cause.date)
        {
            let mut r = reminder(
                Rule::Soreness,
                format!("sore:{}:{}", region.key(), cause.id),
                cause.date,
                format!("Self-massage your {name}: a guided routine of a few minutes"),
                format!(
                    "Your {name} were sore in {} of your last {} runs ({readings}).",
                    sore.len(),
                    pain::LAST_RUNS
                ),
                sources::FOAM_ROLLING,
            );
            r.regions = vec![region];
            list.push(r);
        }
    }
}

fn massaged_region_since(facts: &Facts, region: Region, from: NaiveDate) -> bool {
    facts
        .massages
        .iter()
        .any(|m| m.date >= from && m.regions.contains(&region))
}
