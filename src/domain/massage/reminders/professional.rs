//! A regular sports massage, every so many days (the runner's setting).

use super::{region_words, reminder, Facts, Reminder, Rule};
use crate::domain::input::dates;
use crate::domain::record::massage::MassageKind;
use crate::domain::record::region::Region;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::shift;

pub(super) fn professional(facts: &Facts, list: &mut Vec<Reminder>) {
    let every = i64::from(facts.settings.professional_every_days);
    let last = facts
        .massages
        .iter()
        .rev()
        .find(|m| m.kind == MassageKind::Professional);
    let (anchor, why) = match (last, facts.runs.first()) {
        (Some(m), _) => (
            m.date,
            format!(
                "Your last sports massage was on {}; you asked for one every {every} days.",
                dates::short_day(m.date)
            ),
        ),
        (None, Some(first)) => (
            first.date,
            format!(
                "No sports massage logged since your first run on {}; you asked for one every {every} days.",
                dates::short_day(first.date)
            ),
        ),
        (None, None) => return,
    };
    let why = if facts.red_flags.is_empty() {
        why
    } else {
        let flagged: Vec<Region> = facts.red_flags.iter().copied().collect();
        format!(
            "{why} Tell the therapist about your {}: no massage there until a physiotherapist has seen it.",
            region_words(&flagged)
        )
    };
    let mut r = reminder(
        Rule::Professional,
        format!("pro:{anchor}"),
        shift(anchor, every),
        "Time for a regular sports massage".into(),
        why,
        sources::BRUMMITT,
    );
    r.kind = MassageKind::Professional;
    r.deep = true;
    list.push(r);
}
