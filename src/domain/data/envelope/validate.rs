//! The stored records judged by `record::validate`: what is kept, and what is set aside
//! with its position and text.

use super::{Envelope, SetAside};
use crate::domain::record::massage::Massage;
use crate::domain::record::race::Race;
use crate::domain::record::run::Run;
use crate::domain::record::validate::{check_massage, check_race, check_stored_run};
use std::collections::HashSet;
use std::ops::Range;

/// Whether `read_more` would keep every record: each valid, ids non-empty and unique.
pub(super) fn all_valid(envelope: &Envelope<Run, Massage, Race>) -> bool {
    all_runs_valid(&envelope.runs)
        && valid(&envelope.massages, |m| &m.id, check_massage)
        && valid(&envelope.races, |r| &r.id, check_race)
}

/// Whether `read_more` would keep every run.
pub(super) fn all_runs_valid(runs: &[Run]) -> bool {
    valid(runs, |r| &r.id, check_stored_run)
}

fn valid<T>(
    records: &[T],
    id: impl Fn(&T) -> &String,
    check: impl Fn(&T) -> Result<(), String>,
) -> bool {
    let mut ids = HashSet::with_capacity(records.len());
    records
        .iter()
        .all(|r| problem(r, &id, &check).is_none() && ids.insert(id(r).as_str()))
}

/// Why a record that reads is still invalid, apart from a duplicate id.
fn problem<T>(
    record: &T,
    id: impl Fn(&T) -> &String,
    check: impl Fn(&T) -> Result<(), String>,
) -> Option<String> {
    if id(record).is_empty() {
        return Some("it has no id".to_string());
    }
    check(record).err()
}

/// A kind's id and its validity check.
pub(super) type Rules<T> = (fn(&T) -> &String, fn(&T) -> Result<(), String>);

/// The records of one kind read so far (`read_more`): the kept ones, the ids among them,
/// and the position of the next record to read.
pub(super) struct ReadSoFar<T> {
    pub(super) kept: Vec<T>,
    ids: HashSet<String>,
    pub(super) next: usize,
}

impl<T> Default for ReadSoFar<T> {
    fn default() -> Self {
        ReadSoFar {
            kept: Vec::new(),
            ids: HashSet::new(),
            next: 0,
        }
    }
}

/// Reads the next records of one kind while `budget` (bytes of their text, taken off it)
/// lasts: each one that reads and is valid, with a non-empty id not seen before, is kept;
/// the others go to `set_aside` with their position and text. `texts` are the records'
/// places in `raw`. Whether every record of the kind has been read.
pub(super) fn read_more<T: serde::de::DeserializeOwned>(
    what: &'static str,
    raw: &str,
    texts: &[Range<usize>],
    so_far: &mut ReadSoFar<T>,
    rules: Rules<T>,
    set_aside: &mut Vec<SetAside>,
    budget: &mut usize,
) -> bool {
    let (id, check) = rules;
    while so_far.next < texts.len() && *budget > 0 {
        let index = so_far.next;
        let text = &raw[texts[index].clone()];
        so_far.next += 1;
        *budget = budget.saturating_sub(text.len());
        let verdict = serde_json::from_str::<T>(text)
            .map_err(|e| {
                format!(
                    "it holds a value Restride cannot read ({})",
                    without_position(&e)
                )
            })
            .and_then(|record| {
                if let Some(problem) = problem(&record, id, check) {
                    return Err(problem);
                }
                if !so_far.ids.insert(id(&record).clone()) {
                    return Err(format!("id {} appears twice", id(&record)));
                }
                Ok(record)
            });
        match verdict {
            Ok(record) => so_far.kept.push(record),
            Err(reason) => set_aside.push(SetAside {
                what,
                index,
                reason,
                text: text.to_string(),
            }),
        }
    }
    so_far.next == texts.len()
}

/// serde_json's message without "at line 1 column 45", which points into the record's
/// own text rather than anything the runner can find.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}
