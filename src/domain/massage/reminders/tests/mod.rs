use super::*;
use crate::domain::data::envelope;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::race::Priority;
use crate::domain::record::run::RunKind;
use crate::domain::rulebook::sources as evidence;
use crate::domain::rulebook::windows::{shift, AFTER_RACE_DEEP_DAYS, NO_DEEP_DAYS_BEFORE_RACE};
use proptest::prelude::*;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn journal(runs: Vec<Run>) -> Journal {
    Journal {
        runs,
        ..Journal::default()
    }
}

/// Only the named rule switched on, so each test reads one rule.
fn only(journal: &mut Journal, rule: fn(&mut ReminderSettings)) {
    let s = &mut journal.settings.reminders;
    s.professional_on = false;
    s.distance_on = false;
    s.hard_effort_on = false;
    s.race_before_on = false;
    s.race_after_on = false;
    s.soreness_on = false;
    s.spike_on = false;
    rule(s);
}

fn ids(list: &[Reminder]) -> Vec<&str> {
    list.iter().map(|r| r.id.as_str()).collect()
}

fn sore(mut run: Run, levels: &[(Region, u8)]) -> Run {
    run.soreness = levels.iter().copied().collect();
    run
}

fn race_run(mut run: Run) -> Run {
    run.kind = RunKind::Race;
    run
}

fn valencia(date: &str, priority: Priority) -> Race {
    Race {
        id: "valencia".into(),
        name: "Valencia Marathon".into(),
        date: d(date),
        distance_m: 42_195,
        priority,
        goal_s: None,
        updated_ms: 0,
    }
}

mod cards;
mod properties; // properties over generated journals
mod scenarios;
mod settings; // one test per setting: Today and the Massage tab change alike // dated scenarios, one rule at a time // what a card says and pre-fills
