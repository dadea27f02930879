//! A massage of any kind every so much running since the last one (the runner's setting).

use super::{reminder, without_red_flags, Facts, Reminder, Rule};
use crate::domain::record::reminder_settings::{
    ReminderSettings, DISTANCE_EVERY_KM, DISTANCE_EVERY_MI,
};
use crate::domain::record::run::Run;
use crate::domain::record::settings::Unit;
use crate::domain::rulebook::regions;
use crate::domain::rulebook::sources;
use crate::domain::text::dates;
use crate::domain::text::units::{format_distance_whole, round_u64};

/// The distance between massages, in metres, for the runner's unit.
pub fn distance_every_m(settings: &ReminderSettings, unit: Unit) -> u64 {
    match unit {
        Unit::Km => u64::from(settings.distance_every_km) * 1000,
        Unit::Mi => round_u64(f64::from(settings.distance_every_mi) * 1609.344),
    }
}

pub(super) fn distance(facts: &Facts, list: &mut Vec<Reminder>) {
    let every = distance_every_m(facts.settings, facts.unit);
    if every == 0 {
        return;
    }
    let last = facts.massages.last();
    let since = |run: &&&Run| last.is_none_or(|m| run.date > m.date);
    let mut total = 0u64;
    let Some(crossed) = facts.runs.iter().filter(since).find(|run| {
        total += u64::from(run.distance_m);
        total >= every
    }) else {
        return;
    };
    let total: u64 = facts
        .runs
        .iter()
        .filter(since)
        .map(|r| u64::from(r.distance_m))
        .sum();
    let from = match last {
        Some(m) => format!(
            "since your last massage on {}",
            dates::short_day_near(m.date, facts.today)
        ),
        None => "since you started logging".into(),
    };
    let default = match facts.unit {
        Unit::Km => facts.settings.distance_every_km == DISTANCE_EVERY_KM.default,
        Unit::Mi => facts.settings.distance_every_mi == DISTANCE_EVERY_MI.default,
    };
    let interval = if default {
        format!(
            "the default is a massage every {}, a practitioners' rule of thumb",
            format_distance_whole(every, facts.unit)
        )
    } else {
        format!(
            "you asked for a massage every {}",
            format_distance_whole(every, facts.unit)
        )
    };
    let mut r = reminder(
        Rule::Distance,
        format!("distance:{}", last.map_or("start".into(), |m| m.id.clone())),
        crossed.date,
        "A massage of any kind is due for the distance you've run".into(),
        format!(
            "You have run {} {from}; {interval}.",
            format_distance_whole(total, facts.unit)
        ),
        sources::INTERVAL_CONVENTION,
    );
    r.regions = without_red_flags(facts, &regions::FOR_DISTANCE);
    r.cause = format!("{} {from}", format_distance_whole(total, facts.unit));
    list.push(r);
}
