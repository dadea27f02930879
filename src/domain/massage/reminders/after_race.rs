//! After a race: a light massage on the next days, then deep work once the legs allow.
//! The windows are `rulebook::windows`.

use super::{capitalise, massaged_between, reminder, without_red_flags, Facts, Reminder, Rule};
use crate::domain::order;
use crate::domain::record::massage::MassageKind;
use crate::domain::record::run::{Run, RunKind};
use crate::domain::rulebook::regions;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::{shift, AFTER_RACE_DEEP_DAYS, AFTER_RACE_LIGHT_DAYS};
use crate::domain::text::dates;
use crate::domain::text::units::format_distance;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// A race that has happened: a race-type run, or a race on the calendar with no linked run.
struct RaceDay {
    cause: String,
    date: NaiveDate,
    name: String,
}

/// Races whose after-race windows are still open.
fn race_days(facts: &Facts) -> Vec<RaceDay> {
    let from = shift(facts.today, -AFTER_RACE_DEEP_DAYS.to);
    let linked: BTreeSet<&str> =
        order::set_of(facts.runs.iter().filter_map(|r| r.race_id.as_deref()));
    // A race-type run on a calendar race's day is that race, linked or not.
    let raced_on: BTreeSet<NaiveDate> = order::set_of(
        facts
            .runs
            .iter()
            .filter(|r| r.kind == RunKind::Race)
            .map(|r| r.date),
    );
    let on_the_day = |run: &Run| {
        facts
            .races
            .iter()
            .find(|race| race.date == run.date)
            .filter(|_| run.race_id.is_none())
    };
    let mut days: Vec<RaceDay> = facts
        .runs
        .iter()
        .filter(|r| r.kind == RunKind::Race && r.date >= from)
        .map(|run| RaceDay {
            cause: format!("run:{}", run.id),
            date: run.date,
            name: run
                .race_id
                .as_deref()
                .and_then(|id| facts.races.iter().find(|race| race.id == id))
                .or_else(|| on_the_day(run))
                .map_or_else(
                    || {
                        format!(
                            "your race ({})",
                            format_distance(u64::from(run.distance_m), facts.unit)
                        )
                    },
                    |race| race.name.clone(),
                ),
        })
        .collect();
    days.extend(
        facts
            .races
            .iter()
            .filter(|race| {
                race.date >= from
                    && race.date <= facts.today
                    && !linked.contains(race.id.as_str())
                    && !raced_on.contains(&race.date)
            })
            .map(|race| RaceDay {
                cause: format!("race:{}:{}", race.id, race.date),
                date: race.date,
                name: race.name.clone(),
            }),
    );
    days
}

/// One card per race that moves from light to deep by date: light work on the days after
/// it (with the day deep work may start), then deep work from day 3.
pub(super) fn after_races(facts: &Facts, list: &mut Vec<Reminder>) {
    let regions = without_red_flags(facts, &regions::AROUND_A_RACE);
    for race in race_days(facts) {
        let (light_from, light_until) = AFTER_RACE_LIGHT_DAYS.around(race.date);
        let (deep_from, deep_until) = AFTER_RACE_DEEP_DAYS.around(race.date);
        let name = capitalise(&race.name);
        let day = dates::short_day_near(race.date, facts.today);
        if facts.today < deep_from {
            if massaged_between(facts, light_from, light_until, false) {
                continue;
            }
            let mut r = reminder(
                Rule::AfterRaceLight,
                format!("after-race-light:{}", race.cause),
                light_from,
                format!(
                    "Light recovery massage or easy self-massage; deep work from {}",
                    dates::short_day_near(deep_from, facts.today)
                ),
                format!(
                    "{name} was on {day}. From the next day a light massage helps; deep work is best left until day {}, once your legs are no longer sore to the touch.",
                    AFTER_RACE_DEEP_DAYS.from
                ),
                sources::MASSAGE_TIMING,
            );
            r.until = Some(light_until);
            r.regions = regions.clone();
            list.push(r);
        } else if !massaged_between(facts, deep_from, deep_until, true) {
            let mut r = reminder(
                Rule::AfterRaceDeep,
                format!("after-race-deep:{}", race.cause),
                deep_from,
                format!("Deep massage is fine from {}", dates::short_day_near(deep_from, facts.today)),
                format!(
                    "{name} was on {day}. Deep work is best left until day {}, and only once your legs are no longer sore to the touch.",
                    AFTER_RACE_DEEP_DAYS.from
                ),
                sources::POPPENDIECK,
            );
            r.until = Some(deep_until);
            r.kind = MassageKind::Professional;
            r.deep = true;
            r.regions = regions.clone();
            r.cause = format!(
                "deep work after {} is fine from {}",
                race.name,
                dates::short_day_near(deep_from, facts.today)
            );
            list.push(r);
        }
    }
}
