//! The runner's journal: runs, massages, races and what was done with reminders, with
//! the operations the UI performs on it. Each operation is a plain function of the
//! journal so it is tested natively.

use crate::domain::massage::{Massage, Race};
use crate::domain::reminders::ReminderState;
use crate::domain::run::Run;
use crate::domain::settings::Settings;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    pub settings: Settings,
    pub runs: Vec<Run>,
    pub massages: Vec<Massage>,
    pub races: Vec<Race>,
    /// What the runner did with each reminder, by reminder id.
    pub reminder_states: BTreeMap<String, ReminderState>,
}

/// A removed record and where it was, so Undo puts it back in place.
#[derive(Clone, Debug, PartialEq)]
pub enum Deleted {
    Run { index: usize, run: Run },
    Massage { index: usize, massage: Massage },
    Race { index: usize, race: Race },
}

/// Records kept in a list by id.
trait Record: Clone {
    fn id(&self) -> &str;
}

impl Record for Run {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Record for Massage {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Record for Race {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Replaces the record with the same id, or adds it.
fn upsert<T: Record>(list: &mut Vec<T>, record: T) {
    match list.iter_mut().find(|r| r.id() == record.id()) {
        Some(slot) => *slot = record,
        None => list.push(record),
    }
}

fn remove<T: Record>(list: &mut Vec<T>, id: &str) -> Option<(usize, T)> {
    let index = list.iter().position(|r| r.id() == id)?;
    Some((index, list.remove(index)))
}

/// Puts a removed record back at its place, unless its id is back already.
fn put_back<T: Record>(list: &mut Vec<T>, index: usize, record: T) {
    if list.iter().all(|r| r.id() != record.id()) {
        list.insert(index.min(list.len()), record);
    }
}

/// Adds the records of `ours` whose ids `theirs` lacks.
fn add_missing<T: Record>(theirs: &mut Vec<T>, ours: &[T]) {
    for record in ours {
        if theirs.iter().all(|r| r.id() != record.id()) {
            theirs.push(record.clone());
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
    pub fn save_run(&mut self, run: Run) {
        upsert(&mut self.runs, run);
    }

    pub fn save_massage(&mut self, massage: Massage) {
        upsert(&mut self.massages, massage);
    }

    pub fn save_race(&mut self, race: Race) {
        upsert(&mut self.races, race);
    }

    pub fn delete_run(&mut self, id: &str) -> Option<Deleted> {
        remove(&mut self.runs, id).map(|(index, run)| Deleted::Run { index, run })
    }

    pub fn delete_massage(&mut self, id: &str) -> Option<Deleted> {
        remove(&mut self.massages, id).map(|(index, massage)| Deleted::Massage { index, massage })
    }

    /// Deleting a race also unlinks the runs that were it.
    pub fn delete_race(&mut self, id: &str) -> Option<Deleted> {
        let (index, race) = remove(&mut self.races, id)?;
        for run in self
            .runs
            .iter_mut()
            .filter(|r| r.race_id.as_deref() == Some(id))
        {
            run.race_id = None;
        }
        Some(Deleted::Race { index, race })
    }

    /// Another tab's journal (`self`) with the records of ours it lacks: used when our
    /// own last save failed, so nothing typed here is dropped.
    pub fn with_records_of(mut self, ours: &Journal) -> Journal {
        add_missing(&mut self.runs, &ours.runs);
        add_missing(&mut self.massages, &ours.massages);
        add_missing(&mut self.races, &ours.races);
        for (id, state) in &ours.reminder_states {
            self.reminder_states.entry(id.clone()).or_insert(*state);
        }
        self
    }

    /// Undo of a delete: puts the record back where it was.
    pub fn restore(&mut self, deleted: Deleted) {
        match deleted {
            Deleted::Run { index, run } => put_back(&mut self.runs, index, run),
            Deleted::Massage { index, massage } => put_back(&mut self.massages, index, massage),
            Deleted::Race { index, race } => put_back(&mut self.races, index, race),
        }
    }

    pub fn set_reminder_state(&mut self, id: &str, state: ReminderState) {
        self.reminder_states.insert(id.to_string(), state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::run::RunKind;

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
        }
    }

    #[test]
    fn delete_then_restore_gives_back_the_same_journal() {
        let mut journal = Journal {
            runs: vec![run("a"), run("b"), run("c")],
            ..Journal::default()
        };
        let before = journal.clone();
        let deleted = journal.delete_run("b").unwrap();
        assert_eq!(journal.runs.len(), 2);
        assert!(journal.run("b").is_none());
        journal.restore(deleted.clone());
        assert_eq!(journal, before);
        journal.restore(deleted);
        assert_eq!(journal, before, "a second undo must not duplicate the run");
    }

    #[test]
    fn a_copy_gains_only_the_runs_it_lacks() {
        let mut edited = run("a");
        edited.distance_m = 9000;
        let theirs = Journal {
            runs: vec![edited, run("b")],
            ..Journal::default()
        };
        let ours = Journal {
            runs: vec![run("a"), run("c")],
            ..Journal::default()
        };
        let merged = theirs.with_records_of(&ours);
        let ids: Vec<&str> = merged.runs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(
            merged.run("a").unwrap().distance_m,
            9000,
            "their version of a shared run wins"
        );
    }

    #[test]
    fn deleting_an_unknown_run_changes_nothing() {
        let mut journal = Journal {
            runs: vec![run("a")],
            ..Journal::default()
        };
        assert_eq!(journal.delete_run("zzz"), None);
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
        journal.save_run(edited.clone());
        journal.save_run(edited);
        assert_eq!(
            journal.runs.len(),
            2,
            "saving the same id twice must not duplicate it"
        );
        assert_eq!(journal.run("b").unwrap().distance_m, 7000);
        assert_eq!(journal.run("a").unwrap().distance_m, 5000);
        journal.save_run(run("c"));
        assert_eq!(journal.runs.len(), 3);
    }
}
