//! A regular sports massage, every so many days (the runner's setting).

use super::{reminder, therapist_note, Facts, Reminder, Rule};
use crate::domain::record::massage::MassageKind;
use crate::domain::record::reminder_settings::PROFESSIONAL_EVERY_DAYS;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::shift;
use crate::domain::text::dates;

pub(super) fn professional(facts: &Facts, list: &mut Vec<Reminder>) {
    let every = facts.settings.professional_every_days;
    let interval = if every == PROFESSIONAL_EVERY_DAYS.default {
        format!("the default is one every {every} days, a practitioners' rule of thumb")
    } else {
        format!("you asked for one every {every} days")
    };
    let last = facts
        .massages
        .iter()
        .rev()
        .find(|m| m.kind == MassageKind::Professional);
    let day = |date| dates::short_day_near(date, facts.today);
    let (anchor, why, cause) = match (last, facts.runs.first()) {
        (Some(m), _) => {
            let days = (facts.today - m.date).num_days();
            let ago = match days {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                _ => format!("{days} days ago"),
            };
            (
                m.date,
                format!(
                    "Your last sports massage was on {}, {ago}; {interval}.",
                    day(m.date)
                ),
                format!(
                    "{days} days since your last sports massage ({})",
                    day(m.date)
                ),
            )
        }
        (None, Some(first)) => (
            first.date,
            format!(
                "No sports massage logged since your first run on {}; {interval}.",
                day(first.date)
            ),
            format!(
                "no sports massage logged since your first run ({})",
                day(first.date)
            ),
        ),
        (None, None) => return,
    };
    let why = why + &therapist_note(facts).unwrap_or_default();
    let mut r = reminder(
        Rule::Professional,
        format!("pro:{anchor}"),
        shift(anchor, i64::from(every)),
        "Time for a regular sports massage".into(),
        why,
        sources::INTERVAL_CONVENTION,
    );
    r.kind = MassageKind::Professional;
    r.deep = true;
    r.cause = cause;
    list.push(r);
}
