//! Any journal, backed up and restored: into empty storage and into itself, the same
//! records come back, none dropped, merged or doubled.

use super::*;
use crate::domain::data::envelope;
use crate::domain::data::import::parse_file;
use crate::domain::record::massage::{Massage, MassageKind};
use crate::domain::record::race::{Priority, Race};
use crate::domain::record::region::Region;
use crate::domain::record::run::RunKind;
use chrono::NaiveDate;
use proptest::prelude::*;

fn ids(i: usize) -> String {
    format!("imp-{i}")
}

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(u64::from(n))
}

prop_compose! {
    // Few dates and distances, so look-alike runs (the same day, the same distance,
    // with and without a start time) are common.
    fn a_run()(date in 0u32..4, km in 3u32..6, minutes in 20u32..40, timed in any::<bool>(), at in 0u32..3, kind in 0usize..8, rpe in 1u8..=10, saved in 0u64..5, sore in prop::option::of(0u8..=10))
        -> Run {
        Run {
            id: String::new(),
            date: day(date),
            start_time: timed.then(|| chrono::NaiveTime::from_hms_opt(6 + at, 0, 0).unwrap()),
            distance_m: km * 1000,
            duration_s: minutes * 60,
            kind: RunKind::ALL[kind],
            rpe,
            soreness: sore.map(|s| [(Region::Calves, s)].into_iter().collect()).unwrap_or_default(),
            updated_ms: saved,
            ..Run::sample("2025-01-01", 30, 4, 5)
        }
    }
}

prop_compose! {
    fn a_journal()(runs in prop::collection::vec(a_run(), 0..12), massages in prop::collection::vec((0u32..30, 0usize..4, 10u16..90, any::<bool>()), 0..4), races in prop::collection::vec((0u32..60, 0usize..3), 0..3))
        -> Journal {
        let mut journal = Journal::default();
        for (i, mut run) in runs.into_iter().enumerate() {
            run.id = format!("run-{i}");
            journal.runs.push(run);
        }
        for (i, (d, kind, minutes, deep)) in massages.into_iter().enumerate() {
            journal.massages.push(Massage {
                id: format!("m-{i}"),
                date: day(d),
                kind: MassageKind::ALL[kind],
                minutes,
                deep,
                regions: Default::default(),
                notes: String::new(),
                cost_cents: None,
                updated_ms: 1,
            });
        }
        for (i, (d, priority)) in races.into_iter().enumerate() {
            journal.races.push(Race {
                id: format!("race-{i}"),
                name: format!("Race {i}"),
                date: day(d),
                distance_m: 21_097,
                priority: Priority::ALL[priority],
                goal_s: None,
                updated_ms: 1,
            });
        }
        journal
    }
}

fn records(j: &Journal) -> (Vec<Run>, Vec<Massage>, Vec<Race>) {
    let mut runs = j.runs.clone();
    runs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut massages = j.massages.clone();
    massages.sort_by(|a, b| a.id.cmp(&b.id));
    let mut races = j.races.clone();
    races.sort_by(|a, b| a.id.cmp(&b.id));
    // What was restored is saved anew: the save time is not part of the record.
    for r in &mut runs {
        r.updated_ms = 0;
    }
    for m in &mut massages {
        m.updated_ms = 0;
    }
    for r in &mut races {
        r.updated_ms = 0;
    }
    (runs, massages, races)
}

proptest! {
    #[test]
    fn a_backup_restores_every_record_exactly_once(journal in a_journal()) {
        let text = envelope::encode(&journal);
        let file = parse_file("restride-backup.json", text.as_bytes()).unwrap();
        prop_assert!(file.problems.is_empty(), "{:?}", file.problems);
        // Into empty storage: added, or replacing everything.
        let p = preview(&Journal::default(), std::slice::from_ref(&file), 4, 0, ids);
        prop_assert_eq!(p.summary(0).new_runs, journal.runs.len());
        prop_assert_eq!(records(&merge(&Journal::default(), &p, 100)), records(&journal));
        prop_assert_eq!(records(&replace(&Journal::default(), &p, 100)), records(&journal));
        // Into itself: nothing added, nothing lost, every record unchanged.
        let p = preview(&journal, std::slice::from_ref(&file), 4, 0, ids);
        prop_assert_eq!(p.added() + p.updated(), 0);
        prop_assert_eq!(p.unchanged(), journal.runs.len() + journal.massages.len() + journal.races.len());
        prop_assert_eq!(records(&merge(&journal, &p, 100)), records(&journal));
        prop_assert_eq!(records(&replace(&journal, &p, 100)), records(&journal));
    }
}
