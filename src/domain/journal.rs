//! Everything the runner has recorded, and the changes the app makes to it.

use crate::domain::run::Run;
use crate::domain::settings::Settings;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    pub settings: Settings,
    pub runs: Vec<Run>,
}

/// What `delete_run` removed, so that Undo can put it back where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub index: usize,
    pub run: Run,
}

impl Journal {
    pub fn run(&self, id: &str) -> Option<&Run> {
        self.runs.iter().find(|r| r.id == id)
    }

    /// Adds the run, or replaces the one with the same id. One operation for logging and
    /// editing means a double tap on Save never stores a run twice, and an edit of a run
    /// deleted meanwhile is kept rather than lost.
    pub fn save_run(&mut self, run: Run) {
        match self.runs.iter_mut().find(|r| r.id == run.id) {
            Some(slot) => *slot = run,
            None => self.runs.push(run),
        }
    }

    pub fn delete_run(&mut self, id: &str) -> Option<Deleted> {
        let index = self.runs.iter().position(|r| r.id == id)?;
        Some(Deleted {
            index,
            run: self.runs.remove(index),
        })
    }

    /// Another copy of the journal with every run of this one it lacks added: used when
    /// this copy could not be saved, so adopting the other one must not drop its runs.
    pub fn with_runs_of(mut self, ours: &Journal) -> Journal {
        for run in &ours.runs {
            if self.run(&run.id).is_none() {
                self.runs.push(run.clone());
            }
        }
        self
    }

    /// Puts a deleted run back at its old place; a second Undo changes nothing.
    pub fn restore(&mut self, deleted: Deleted) {
        if self.run(&deleted.run.id).is_none() {
            let index = deleted.index.min(self.runs.len());
            self.runs.insert(index, deleted.run);
        }
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
        let merged = theirs.with_runs_of(&ours);
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
