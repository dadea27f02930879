//! Before an A or B race: book the last deep massage, then light work only in the final
//! days, and a warning for deep work logged there. The windows are `rulebook::windows`.

use super::{massaged_between, reminder, without_red_flags, Facts, Reminder, Rule};
use crate::domain::record::massage::MassageKind;
use crate::domain::record::race::Race;
use crate::domain::record::run::RunKind;
use crate::domain::rulebook::regions;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::{no_deep_hours, RaceWindows, LAST_DEEP_DAYS_BEFORE_RACE};
use crate::domain::text::dates;
use crate::domain::text::units::format_distance;

/// The id of a race's "book your last deep massage" reminder: the calendar file asks
/// whether a plan card already covers it.
pub fn race_book_id(race: &Race) -> String {
    format!("race-book:{}:{}", race.id, race.date)
}

pub(super) fn before_races(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    for race in facts
        .races
        .iter()
        .filter(|r| r.priority.plans_massage() && r.date >= facts.today && !has_been_run(facts, r))
    {
        let windows = RaceWindows::of(race.date, s.race_book_days_before);
        let (window_opens, window_closes) = windows.last_deep;
        // A window never starts before today: "book for" a day that has passed says nothing.
        let bookable_from = window_opens.max(facts.today);
        let taper_from = windows.no_deep_from;
        if !massaged_between(facts, window_opens, window_closes, true) {
            let mut r = reminder(
                Rule::RaceBook,
                race_book_id(race),
                windows.book_reminder,
                format!(
                    "Book your last deep massage for {}–{}, before {}",
                    dates::short_day_near(bookable_from, facts.today),
                    dates::short_day_near(window_closes, facts.today),
                    race.name
                ),
                format!(
                    "{} ({}, priority {}) is on {}. A deep massage leaves muscles tender for a day or two, so the last one belongs {} before the race (a practitioners' rule of thumb).",
                    race.name,
                    format_distance(u64::from(race.distance_m), facts.unit),
                    race.priority.key(),
                    dates::short_day_near(race.date, facts.today),
                    LAST_DEEP_DAYS_BEFORE_RACE.days_words()
                ),
                sources::RACE_CONVENTION,
            );
            r.until = Some(window_closes);
            r.opens = Some(bookable_from);
            r.kind = MassageKind::Professional;
            r.deep = true;
            r.regions = without_red_flags(facts, &regions::AROUND_A_RACE);
            r.cause = format!(
                "{} in {} days ({})",
                race.name,
                (race.date - facts.today).num_days(),
                dates::short_day_near(race.date, facts.today)
            );
            list.push(r);
        }
        list.push(reminder(
            Rule::RaceTaper,
            format!("race-taper:{}:{}", race.id, race.date),
            windows.no_deep_notice,
            format!("Light flush only from {} until {}", dates::short_day_near(taper_from, facts.today), race.name),
            format!(
                "{} is on {}: no deep massage in the {} hours before it (a practitioners' rule of thumb). A light flush or easy foam rolling is fine.",
                race.name,
                dates::short_day_near(race.date, facts.today),
                no_deep_hours()
            ),
            sources::RACE_CONVENTION,
        ));
        for massage in facts
            .massages
            .iter()
            .filter(|m| m.deep && windows.forbids_deep_on(m.date))
        {
            let mut r = reminder(
                Rule::RaceDeepWarning,
                format!("race-deep:{}:{}:{}", race.id, race.date, massage.id),
                massage.date,
                format!("A deep massage this close to {} can leave your legs heavy", race.name),
                format!(
                    "You logged a deep {} on {}, within {} hours of {} on {}. Keep any more work light, and expect some tenderness on race day.",
                    massage.kind.in_sentence(),
                    dates::short_day_near(massage.date, facts.today),
                    no_deep_hours(),
                    race.name,
                    dates::short_day_near(race.date, facts.today)
                ),
                sources::RACE_CONVENTION,
            );
            r.until = Some(race.date);
            list.push(r);
        }
    }
}

/// Whether the race has been run: a race-type run on its day, or linked to it. Its final
/// days' cards end then, even on the evening of race day.
fn has_been_run(facts: &Facts, race: &Race) -> bool {
    facts.runs.iter().any(|run| {
        run.race_id.as_deref() == Some(race.id.as_str())
            || (run.kind == RunKind::Race && run.date == race.date)
    })
}
