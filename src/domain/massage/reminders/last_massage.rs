//! A history with runs but no massage logged at all (an import, usually): ask once when the
//! last sports massage was, so the regular and distance reminders count from it instead of
//! from the first run.

use super::{reminder, Facts, Reminder, Rule};
use crate::domain::record::massage::{Massage, MassageKind};
use crate::domain::rulebook::durations::PROFESSIONAL_SESSION_MINUTES;
use crate::domain::rulebook::sources;
use crate::domain::text::dates;
use chrono::NaiveDate;
use std::collections::BTreeSet;

pub(super) fn ask_last_massage(facts: &Facts, list: &mut Vec<Reminder>) {
    let counts_from_first_run = facts.settings.professional_on || facts.settings.distance_on;
    let Some(first) = facts.runs.first() else {
        return;
    };
    let history_days = (facts.today - first.date).num_days();
    if !facts.massages.is_empty()
        || !counts_from_first_run
        || history_days < i64::from(facts.settings.professional_every_days)
    {
        return;
    }
    list.push(reminder(
        Rule::AskLastMassage,
        "ask:last-massage".into(),
        facts.today,
        "When was your last sports massage?".into(),
        format!(
            "Your runs go back to {}, but no massage is logged, so the regular and distance reminders count from your first run. Tell Restride the day of your last one and they count from there.",
            dates::short_day_near(first.date, facts.today)
        ),
        sources::INTERVAL_CONVENTION,
    ));
}

/// The last sports massage as the runner remembers it, the answer to the question: a
/// session of the usual length, depth unknown so counted as light.
pub fn remembered_massage(id: String, date: NaiveDate) -> Massage {
    Massage {
        id,
        date,
        kind: MassageKind::Professional,
        minutes: PROFESSIONAL_SESSION_MINUTES,
        deep: false,
        regions: BTreeSet::new(),
        notes: "The last sports massage, as remembered when Restride asked.".into(),
        cost_cents: None,
        updated_ms: 0,
    }
}
