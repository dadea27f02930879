//! The runner's journal: runs, massages, races and what was done with reminders, with
//! the operations the UI performs on it. Each operation is a plain function of the
//! journal so it is tested natively.
//!
//! Every record carries the time it was last saved (`updated_ms`) and every deletion
//! leaves a tombstone, so two copies of the journal (two tabs) merge record by record:
//! the newer save wins, and a deletion newer than the record's last save removes it.

use crate::domain::record::massage::{Massage, Race};
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use serde::Serialize;
use std::collections::BTreeMap;

/// Tombstones are dropped this long after the deletion: by then every open tab has
/// long since merged it.
pub const TOMBSTONE_MS: u64 = 90 * 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    pub settings: Settings,
    pub runs: Vec<Run>,
    pub massages: Vec<Massage>,
    pub races: Vec<Race>,
    /// What the runner did with each reminder, by reminder id.
    pub reminder_states: BTreeMap<String, ReminderDecision>,
    /// Deleted records by `Record::key` ("run:<id>"), with the time of the deletion.
    pub deleted: BTreeMap<String, u64>,
    /// When the settings last changed, so two tabs agree on whose settings are newer.
    pub settings_ms: u64,
}

/// A removed record and where it was, so Undo puts it back in place.
#[derive(Clone, Debug, PartialEq)]
pub enum Deleted {
    Run {
        index: usize,
        run: Run,
    },
    Massage {
        index: usize,
        massage: Massage,
    },
    Race {
        index: usize,
        race: Race,
        /// The runs that were this race, unlinked by the delete.
        linked_runs: Vec<String>,
    },
}

impl Deleted {
    /// What Undo says it brought back.
    pub fn restored_message(&self) -> &'static str {
        match self {
            Deleted::Run { .. } => "Run restored.",
            Deleted::Massage { .. } => "Massage restored.",
            Deleted::Race { .. } => "Race restored.",
        }
    }
}

/// Records kept in a list by id.
trait Record: Clone {
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn updated_ms(&self) -> u64;
    fn touch(&mut self, now_ms: u64);
    /// The tombstone key of a record.
    fn key(&self) -> String {
        format!("{}:{}", Self::KIND, self.id())
    }
}

macro_rules! record {
    ($type:ty, $kind:literal) => {
        impl Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_ms(&self) -> u64 {
                self.updated_ms
            }
            fn touch(&mut self, now_ms: u64) {
                self.updated_ms = now_ms;
            }
        }
    };
}

record!(Run, "run");
record!(Massage, "massage");
record!(Race, "race");

/// Saves a record at `now_ms`, replacing the one with the same id or adding it.
fn upsert<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut BTreeMap<String, u64>,
    mut record: T,
    now_ms: u64,
) {
    record.touch(now_ms);
    deleted.remove(&record.key());
    match list.iter_mut().find(|r| r.id() == record.id()) {
        Some(slot) => *slot = record,
        None => list.push(record),
    }
}

fn remove<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut BTreeMap<String, u64>,
    id: &str,
    now_ms: u64,
) -> Option<(usize, T)> {
    let index = list.iter().position(|r| r.id() == id)?;
    let record = list.remove(index);
    deleted.insert(record.key(), now_ms);
    deleted.retain(|_, at| now_ms.saturating_sub(*at) < TOMBSTONE_MS);
    Some((index, record))
}

/// Puts a removed record back at its place, unless its id is back already. It is saved
/// anew at `now_ms`, so it also wins over the tombstone another tab may have merged.
fn put_back<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut BTreeMap<String, u64>,
    index: usize,
    mut record: T,
    now_ms: u64,
) {
    deleted.remove(&record.key());
    if list.iter().all(|r| r.id() != record.id()) {
        record.touch(now_ms);
        list.insert(index.min(list.len()), record);
    }
}

/// Theirs and ours record by record: a record only one side has is kept unless the
/// other side deleted it after its last save; for a record both have, the newer save
/// wins. The result is in id order and does not depend on which side is "theirs", so two
/// tabs that merge each other's copies arrive at the same text and stop writing.
fn merge_records<T: Record + Serialize>(
    theirs: &[T],
    ours: &[T],
    deleted: &BTreeMap<String, u64>,
) -> Vec<T> {
    let mut merged: BTreeMap<&str, &T> = theirs.iter().map(|r| (r.id(), r)).collect();
    for record in ours {
        let slot = merged.entry(record.id()).or_insert(record);
        if newer(record, slot) {
            *slot = record;
        }
    }
    merged
        .into_values()
        .filter(|r| deleted.get(&r.key()).is_none_or(|at| *at < r.updated_ms()))
        .cloned()
        .collect()
}

/// Whether `a` wins over `b`: the later save, and on a tie (two saves in the same
/// millisecond) the larger text, so the choice is the same from either side.
fn newer<T: Record + Serialize>(a: &T, b: &T) -> bool {
    match a.updated_ms().cmp(&b.updated_ms()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            serde_json::to_string(a).unwrap_or_default()
                > serde_json::to_string(b).unwrap_or_default()
        }
    }
}

/// Of two states of one reminder, the one both tabs keep: done or dismissed over snoozed,
/// then the later date.
fn stronger(a: ReminderDecision, b: ReminderDecision) -> ReminderDecision {
    let rank = |s: &ReminderDecision| match s {
        ReminderDecision::Snoozed { until } => (0, *until),
        ReminderDecision::Dismissed { on } => (1, *on),
        ReminderDecision::Done { on } => (1, *on),
    };
    match rank(&a).cmp(&rank(&b)) {
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Greater => a,
        // Done and dismissed on the same day: done.
        std::cmp::Ordering::Equal => {
            if matches!(a, ReminderDecision::Done { .. }) {
                a
            } else {
                b
            }
        }
    }
}

impl Journal {
    pub fn run(&self, id: &str) -> Option<&Run> {
        self.runs.iter().find(|r| r.id == id)
    }

    pub fn massage(&self, id: &str) -> Option<&Massage> {
        self.massages.iter().find(|m| m.id == id)
    }

    pub fn race(&self, id: &str) -> Option<&Race> {
        self.races.iter().find(|r| r.id == id)
    }

    /// Adds a new run or replaces the stored run with the same id.
    pub fn save_run(&mut self, run: Run, now_ms: u64) {
        upsert(&mut self.runs, &mut self.deleted, run, now_ms);
    }

    pub fn save_massage(&mut self, massage: Massage, now_ms: u64) {
        upsert(&mut self.massages, &mut self.deleted, massage, now_ms);
    }

    pub fn save_race(&mut self, race: Race, now_ms: u64) {
        upsert(&mut self.races, &mut self.deleted, race, now_ms);
    }

    pub fn delete_run(&mut self, id: &str, now_ms: u64) -> Option<Deleted> {
        remove(&mut self.runs, &mut self.deleted, id, now_ms)
            .map(|(index, run)| Deleted::Run { index, run })
    }

    pub fn delete_massage(&mut self, id: &str, now_ms: u64) -> Option<Deleted> {
        remove(&mut self.massages, &mut self.deleted, id, now_ms)
            .map(|(index, massage)| Deleted::Massage { index, massage })
    }

    /// Deleting a race also unlinks the runs that were it (Undo links them again).
    pub fn delete_race(&mut self, id: &str, now_ms: u64) -> Option<Deleted> {
        let (index, race) = remove(&mut self.races, &mut self.deleted, id, now_ms)?;
        let mut linked_runs = Vec::new();
        for run in self
            .runs
            .iter_mut()
            .filter(|r| r.race_id.as_deref() == Some(id))
        {
            run.race_id = None;
            run.updated_ms = now_ms;
            linked_runs.push(run.id.clone());
        }
        Some(Deleted::Race {
            index,
            race,
            linked_runs,
        })
    }

    /// Changes the settings, noting when.
    pub fn change_settings(&mut self, now_ms: u64, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
        self.settings_ms = now_ms;
    }

    /// Undo of a delete: puts the record back where it was.
    pub fn restore(&mut self, deleted: Deleted, now_ms: u64) {
        let tombstones = &mut self.deleted;
        match deleted {
            Deleted::Run { index, run } => put_back(&mut self.runs, tombstones, index, run, now_ms),
            Deleted::Massage { index, massage } => {
                put_back(&mut self.massages, tombstones, index, massage, now_ms)
            }
            Deleted::Race {
                index,
                race,
                linked_runs,
            } => {
                let id = race.id.clone();
                put_back(&mut self.races, tombstones, index, race, now_ms);
                for run in self.runs.iter_mut().filter(|r| linked_runs.contains(&r.id)) {
                    run.race_id = Some(id.clone());
                    run.updated_ms = now_ms;
                }
            }
        }
    }

    pub fn set_reminder_state(&mut self, id: &str, state: ReminderDecision) {
        self.reminder_states.insert(id.to_string(), state);
    }

    /// Another tab's journal merged with ours, record by record (see `merge_records`), so
    /// changes to different records in two tabs both survive. The newer settings win, and
    /// for a reminder both tabs acted on, the stronger state. The result is the same
    /// whichever side is "theirs".
    pub fn merged(theirs: &Journal, ours: &Journal) -> Journal {
        let mut deleted = theirs.deleted.clone();
        for (key, at) in &ours.deleted {
            let entry = deleted.entry(key.clone()).or_insert(*at);
            *entry = (*entry).max(*at);
        }
        let mut reminder_states = theirs.reminder_states.clone();
        for (id, state) in &ours.reminder_states {
            let entry = reminder_states.entry(id.clone()).or_insert(*state);
            *entry = stronger(*entry, *state);
        }
        let settings_text = |j: &Journal| serde_json::to_string(&j.settings).unwrap_or_default();
        let newer_settings = match ours.settings_ms.cmp(&theirs.settings_ms) {
            std::cmp::Ordering::Greater => ours,
            std::cmp::Ordering::Less => theirs,
            std::cmp::Ordering::Equal if settings_text(ours) > settings_text(theirs) => ours,
            std::cmp::Ordering::Equal => theirs,
        };
        Journal {
            settings: newer_settings.settings,
            settings_ms: newer_settings.settings_ms,
            runs: merge_records(&theirs.runs, &ours.runs, &deleted),
            massages: merge_records(&theirs.massages, &ours.massages, &deleted),
            races: merge_records(&theirs.races, &ours.races, &deleted),
            reminder_states,
            deleted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::run::RunKind;

    fn run(id: &str) -> Run {
        Run {
            id: id.into(),
            date: "2026-11-20".parse().unwrap(),
            start_time: None,
            distance_m: 5000,
            duration_s: 1500,
            kind: RunKind::Easy,
            rpe: 3,
            avg_hr: None,
            elevation_gain_m: None,
            notes: String::new(),
            soreness: Default::default(),
            race_id: None,
            updated_ms: 0,
        }
    }

    #[test]
    fn delete_then_restore_gives_back_the_same_journal() {
        let mut journal = Journal {
            runs: vec![run("a"), run("b"), run("c")],
            ..Journal::default()
        };
        let before = journal.clone();
        let deleted = journal.delete_run("b", 10).unwrap();
        assert_eq!(journal.runs.len(), 2);
        assert!(journal.run("b").is_none());
        journal.restore(deleted.clone(), 20);
        let ids: Vec<&str> = journal.runs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"], "back in its place");
        assert_eq!(
            journal.run("b").unwrap().updated_ms,
            20,
            "saved anew by the undo"
        );
        assert!(journal.deleted.is_empty());
        journal.restore(deleted, 21);
        assert_eq!(
            journal.runs.len(),
            3,
            "a second undo must not duplicate the run"
        );
        let mut same = journal.clone();
        same.runs[1].updated_ms = 0;
        assert_eq!(same, before);
    }

    #[test]
    fn an_undo_survives_another_tabs_copy_of_the_deletion() {
        let mut ours = Journal {
            runs: vec![saved("x", 5, 10)],
            ..Journal::default()
        };
        let deleted = ours.delete_run("x", 100).unwrap();
        // The other tab has merged the deletion; then this tab undoes it.
        let theirs = ours.clone();
        ours.restore(deleted, 150);
        assert_eq!(ids(&Journal::merged(&theirs, &ours)), ["x"]);
        assert_eq!(ids(&Journal::merged(&ours, &theirs)), ["x"]);
    }

    #[test]
    fn undoing_a_race_delete_links_its_runs_again() {
        let mut run = saved("r", 42, 1);
        run.race_id = Some("race".into());
        let mut journal = Journal {
            runs: vec![run],
            races: vec![crate::domain::record::massage::Race {
                id: "race".into(),
                name: "City".into(),
                date: "2026-11-20".parse().unwrap(),
                distance_m: 42_195,
                priority: crate::domain::record::massage::Priority::A,
                goal_s: None,
                updated_ms: 1,
            }],
            ..Journal::default()
        };
        let deleted = journal.delete_race("race", 50).unwrap();
        assert_eq!(journal.runs[0].race_id, None);
        assert_eq!(deleted.restored_message(), "Race restored.");
        journal.restore(deleted, 60);
        assert_eq!(journal.runs[0].race_id.as_deref(), Some("race"));
        assert_eq!(journal.races.len(), 1);
    }

    #[test]
    fn the_newer_settings_win_from_either_side() {
        let mut ours = Journal::default();
        ours.change_settings(200, |s| s.unit = crate::domain::record::settings::Unit::Mi);
        let mut theirs = Journal::default();
        theirs.change_settings(100, |s| {
            s.week_start = crate::domain::record::settings::WeekStart::Sunday
        });
        for merged in [
            Journal::merged(&theirs, &ours),
            Journal::merged(&ours, &theirs),
        ] {
            assert_eq!(merged.settings, ours.settings);
            assert_eq!(merged.settings_ms, 200);
        }
    }

    fn saved(id: &str, km: u32, at: u64) -> Run {
        let mut r = run(id);
        r.distance_m = km * 1000;
        r.updated_ms = at;
        r
    }

    fn ids(journal: &Journal) -> Vec<&str> {
        journal.runs.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn two_tabs_adding_different_runs_both_keep_both() {
        let base = Journal {
            runs: vec![saved("a", 5, 1)],
            ..Journal::default()
        };
        let mut one = base.clone();
        one.save_run(run("b"), 20);
        let mut two = base.clone();
        two.save_run(run("c"), 30);
        assert_eq!(ids(&Journal::merged(&one, &two)), ["a", "b", "c"]);
        assert_eq!(
            Journal::merged(&two, &one),
            Journal::merged(&one, &two),
            "the same whichever tab merges"
        );
    }

    #[test]
    fn the_newer_save_of_the_same_run_wins() {
        let theirs = Journal {
            runs: vec![saved("a", 9, 50)],
            ..Journal::default()
        };
        let ours = Journal {
            runs: vec![saved("a", 7, 60)],
            ..Journal::default()
        };
        assert_eq!(Journal::merged(&theirs, &ours).runs[0].distance_m, 7000);
        assert_eq!(Journal::merged(&ours, &theirs).runs[0].distance_m, 7000);
    }

    #[test]
    fn a_deletion_wins_over_older_saves_only() {
        let mut theirs = Journal {
            runs: vec![saved("a", 5, 10), saved("b", 5, 10)],
            ..Journal::default()
        };
        let ours = theirs.clone();
        theirs.delete_run("a", 100);
        // Ours still has "a" from before the deletion: it stays deleted.
        let merged = Journal::merged(&theirs, &ours);
        assert_eq!(ids(&merged), ["b"]);
        assert_eq!(merged.deleted.get("run:a"), Some(&100));
        // Edited again after the deletion in the other tab: the newer save is kept.
        let mut edited = ours.clone();
        edited.save_run(saved("a", 6, 0), 150);
        assert_eq!(ids(&Journal::merged(&theirs, &edited)), ["a", "b"]);
    }

    #[test]
    fn undo_lifts_the_tombstone_and_old_tombstones_are_dropped() {
        let mut journal = Journal {
            runs: vec![saved("a", 5, 1), saved("b", 5, 1)],
            ..Journal::default()
        };
        let deleted = journal.delete_run("a", 1_000).unwrap();
        assert!(journal.deleted.contains_key("run:a"));
        journal.restore(deleted, 1_500);
        assert!(journal.deleted.is_empty());
        journal.delete_run("a", 1_000);
        journal.delete_run("b", 1_000 + TOMBSTONE_MS);
        assert_eq!(
            journal.deleted.keys().collect::<Vec<_>>(),
            ["run:b"],
            "a tombstone older than 90 days is compacted away"
        );
    }

    proptest::proptest! {
        #[test]
        fn merging_keeps_every_record_of_either_side_unless_deleted_later(
            theirs_at in proptest::collection::vec((0u8..8, 1u64..100), 0..8),
            ours_at in proptest::collection::vec((0u8..8, 1u64..100), 0..8),
            deletions in proptest::collection::vec((0u8..8, 1u64..100), 0..4),
        ) {
            let side = |list: &[(u8, u64)]| {
                let mut j = Journal::default();
                for (id, at) in list {
                    j.save_run(run(&format!("r{id}")), *at);
                }
                j
            };
            let theirs = side(&theirs_at);
            let mut ours = side(&ours_at);
            for (id, at) in &deletions {
                ours.delete_run(&format!("r{id}"), *at);
            }
            let merged = Journal::merged(&theirs, &ours);
            proptest::prop_assert_eq!(&Journal::merged(&merged, &merged), &merged);
            // Whichever tab merges, the result is the same: no back-and-forth writes.
            proptest::prop_assert_eq!(&Journal::merged(&ours, &theirs), &merged);
            for r in theirs.runs.iter().chain(&ours.runs) {
                let newest = merged.run(&r.id).map(|m| m.updated_ms);
                let deleted_at = merged.deleted.get(&format!("run:{}", r.id)).copied();
                match (newest, deleted_at) {
                    (Some(kept), Some(at)) => proptest::prop_assert!(at < kept),
                    (Some(kept), None) => proptest::prop_assert!(kept >= r.updated_ms),
                    (None, Some(at)) => proptest::prop_assert!(at >= r.updated_ms),
                    (None, None) => proptest::prop_assert!(false, "run {} lost", r.id),
                }
            }
        }
    }

    #[test]
    fn deleting_an_unknown_run_changes_nothing() {
        let mut journal = Journal {
            runs: vec![run("a")],
            ..Journal::default()
        };
        assert_eq!(journal.delete_run("zzz", 10), None);
        assert_eq!(journal.runs.len(), 1);
    }

    #[test]
    fn save_replaces_by_id_or_adds() {
        let mut journal = Journal {
            runs: vec![run("a"), run("b")],
            ..Journal::default()
        };
        let mut edited = run("b");
        edited.distance_m = 7000;
        journal.save_run(edited.clone(), 10);
        journal.save_run(edited, 11);
        assert_eq!(
            journal.runs.len(),
            2,
            "saving the same id twice must not duplicate it"
        );
        assert_eq!(journal.run("b").unwrap().distance_m, 7000);
        assert_eq!(journal.run("a").unwrap().distance_m, 5000);
        journal.save_run(run("c"), 12);
        assert_eq!(journal.runs.len(), 3);
    }
}
