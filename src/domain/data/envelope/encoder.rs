//! Saving after one change should cost one record, not the whole history: with 5,000 runs
//! writing every run's JSON again took most of the moment after tapping Save. `Encoder`
//! keeps the text of each run it wrote, with the run itself, and writes a run again only
//! when it differs from the one its text was made from. Its text is always exactly
//! `encode`'s (tested), so the store's "unchanged since last written" check still holds.
//! After start-up the texts are written ahead (`prepare`), a slice of runs per task: with
//! 20,000 runs writing them all at once held the page for about 40 ms.

use super::Stored;
use crate::domain::record::journal::Journal;
use crate::domain::record::run::Run;
use serde_json::value::RawValue;
use std::collections::HashMap;

#[derive(Default)]
pub struct Encoder {
    /// By run id: the run as it was written, its text, and the last call that wrote it out
    /// (so runs no longer in the journal are forgotten).
    runs: HashMap<String, Written>,
    call: u64,
}

struct Written {
    run: Run,
    text: Box<RawValue>,
    call: u64,
}

impl Encoder {
    /// The stored text of `journal`, equal to `envelope::encode(journal)`.
    pub fn encode(&mut self, journal: &Journal) -> String {
        self.call += 1;
        let call = self.call;
        for run in &journal.runs {
            match self.runs.get_mut(&run.id) {
                Some(written) if written.call == call => {
                    // Two runs under one id (never written by the app, but possible in an
                    // imported text): one text per id cannot describe both.
                    return super::encode(journal);
                }
                Some(written) if written.run == *run => written.call = call,
                _ => {
                    let Some(text) = run_text(run) else {
                        return super::encode(journal);
                    };
                    let written = Written {
                        run: run.clone(),
                        text,
                        call,
                    };
                    self.runs.insert(run.id.clone(), written);
                }
            }
        }
        self.runs.retain(|_, written| written.call == call);
        let texts: Vec<&RawValue> = journal
            .runs
            .iter()
            .filter_map(|run| self.runs.get(&run.id).map(|w| &*w.text))
            .collect();
        // Plain structs of strings, numbers and maps with string keys always serialise.
        serde_json::to_string(&Stored::with_runs(journal, &texts)).unwrap_or_default()
    }

    /// Writes the text of each of `runs` not yet written as it is now, so that the next
    /// `encode` finds it. Only a cache: runs changed, removed or added afterwards are
    /// written (or forgotten) by that `encode` as always.
    pub fn prepare(&mut self, runs: &[Run]) {
        for run in runs {
            if self
                .runs
                .get(&run.id)
                .is_some_and(|written| written.run == *run)
            {
                continue;
            }
            let Some(text) = run_text(run) else {
                continue;
            };
            // Written as of the last call: the next one keeps it if the run is still there.
            let written = Written {
                run: run.clone(),
                text,
                call: self.call,
            };
            self.runs.insert(run.id.clone(), written);
        }
    }
}

/// The run's JSON. Not parsed again to check it: `serde_json` wrote it.
fn run_text(run: &Run) -> Option<Box<RawValue>> {
    serde_json::value::to_raw_value(run).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::envelope::encode;
    use crate::domain::record::region::Region;
    use crate::domain::record::run::RunKind;
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn run(id: u8, day: u64, km: u32, notes: &str) -> Run {
        Run {
            id: format!("r{id}"),
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default() + Days::new(day),
            start_time: None,
            distance_m: km * 1000,
            duration_s: km * 330,
            kind: RunKind::Easy,
            rpe: 4,
            avg_hr: km.is_multiple_of(2).then_some(150),
            elevation_gain_m: None,
            notes: notes.to_string(),
            soreness: BTreeMap::from([(Region::Calves, u8::try_from(km % 11).unwrap_or(0))]),
            race_id: None,
            updated_ms: u64::from(id) * 7 + day,
        }
    }

    /// One step of a runner's history: add, edit, delete or swap runs; or write a slice
    /// of the runs' texts ahead, as start-up does, before the next changes.
    #[derive(Clone, Debug)]
    enum Step {
        Add(u8, u64, u32, String),
        Edit(usize, u32, String),
        Delete(usize),
        Swap(usize, usize),
        Prepare(usize, usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u8..40, 0u64..400, 1u32..43, "[a-z \"\\\\é]{0,6}")
                .prop_map(|(i, d, k, n)| Step::Add(i, d, k, n)),
            (0usize..50, 1u32..43, "[a-z\"]{0,4}").prop_map(|(i, k, n)| Step::Edit(i, k, n)),
            (0usize..50).prop_map(Step::Delete),
            (0usize..50, 0usize..50).prop_map(|(a, b)| Step::Swap(a, b)),
            (0usize..50, 0usize..50).prop_map(|(a, b)| Step::Prepare(a, b)),
        ]
    }

    proptest! {
        /// After every step, whatever the encoder kept from earlier ones, its text is
        /// `encode`'s: runs added, edited, deleted, reordered, and ids repeated; texts
        /// written ahead and then changed before the next save.
        #[test]
        fn the_kept_texts_always_give_encodes_text(steps in proptest::collection::vec(step(), 1..40)) {
            let mut encoder = Encoder::default();
            let mut journal = Journal::default();
            for step in steps {
                let len = journal.runs.len();
                match step {
                    Step::Add(id, day, km, notes) => journal.runs.push(run(id, day, km, &notes)),
                    Step::Edit(i, km, notes) if len > 0 => {
                        let run = &mut journal.runs[i % len];
                        run.distance_m = km * 1000;
                        run.notes = notes;
                    }
                    Step::Delete(i) if len > 0 => {
                        journal.runs.remove(i % len);
                    }
                    Step::Swap(a, b) if len > 0 => journal.runs.swap(a % len, b % len),
                    Step::Prepare(a, b) => {
                        let (from, to) = (a.min(b).min(len), a.max(b).min(len));
                        encoder.prepare(&journal.runs[from..to]);
                        // No save in between: the next steps change what was written ahead.
                        continue;
                    }
                    _ => {}
                }
                prop_assert_eq!(encoder.encode(&journal), encode(&journal));
            }
        }
    }

    #[test]
    fn a_run_written_ahead_is_not_written_again_by_the_next_save() {
        let mut encoder = Encoder::default();
        let journal = Journal {
            runs: vec![
                run(1, 0, 10, "a \"quote\""),
                run(2, 1, 12, ""),
                run(3, 2, 8, ""),
            ],
            ..Journal::default()
        };
        encoder.prepare(&journal.runs[..2]);
        encoder.prepare(&journal.runs[2..]);
        let ahead: Vec<_> = ["r1", "r2", "r3"]
            .iter()
            .map(|id| encoder.runs.get(*id).map(|w| w.text.get().as_ptr()))
            .collect();
        assert!(ahead.iter().all(Option::is_some));
        assert_eq!(encoder.encode(&journal), encode(&journal));
        let after: Vec<_> = ["r1", "r2", "r3"]
            .iter()
            .map(|id| encoder.runs.get(*id).map(|w| w.text.get().as_ptr()))
            .collect();
        assert_eq!(after, ahead);
    }

    #[test]
    fn an_unchanged_run_is_not_written_again_and_a_deleted_one_is_forgotten() {
        let mut encoder = Encoder::default();
        let mut journal = Journal {
            runs: vec![run(1, 0, 10, ""), run(2, 1, 12, "")],
            ..Journal::default()
        };
        encoder.encode(&journal);
        let before = encoder.runs.get("r1").map(|w| w.text.get().as_ptr());
        journal.runs[1].notes = "windy".into();
        journal.runs.remove(1);
        encoder.encode(&journal);
        // The same allocation: r1's text was kept, not made again.
        assert_eq!(
            encoder.runs.get("r1").map(|w| w.text.get().as_ptr()),
            before
        );
        assert_eq!(encoder.runs.len(), 1);
    }
}
