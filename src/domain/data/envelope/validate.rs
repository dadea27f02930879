//! The stored records judged by `record::validate`: what is kept, and what is set aside
//! with its position and text.

use super::{Envelope, SetAside};
use crate::domain::record::massage::Massage;
use crate::domain::record::race::Race;
use crate::domain::record::run::Run;
use crate::domain::record::validate::{check_massage, check_race, check_stored_run};
use serde_json::value::RawValue;
use std::collections::HashSet;

/// Whether `read_all` would keep every record: each valid, ids non-empty and unique.
pub(super) fn all_valid(envelope: &Envelope<Run, Massage, Race>) -> bool {
    all_runs_valid(&envelope.runs)
        && valid(&envelope.massages, |m| &m.id, check_massage)
        && valid(&envelope.races, |r| &r.id, check_race)
}

/// Whether `read_all` would keep every run.
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

/// Every record that reads and is valid, with a unique non-empty id; the others go to
/// `set_aside` with their position and text.
pub(super) fn read_all<T: serde::de::DeserializeOwned>(
    what: &'static str,
    records: &[&RawValue],
    id: impl Fn(&T) -> &String,
    check: impl Fn(&T) -> Result<(), String>,
    set_aside: &mut Vec<SetAside>,
) -> Vec<T> {
    let mut ids = HashSet::new();
    let mut kept = Vec::with_capacity(records.len());
    for (index, text) in records.iter().enumerate() {
        let verdict = serde_json::from_str::<T>(text.get())
            .map_err(|e| {
                format!(
                    "it holds a value Restride cannot read ({})",
                    without_position(&e)
                )
            })
            .and_then(|record| {
                if let Some(problem) = problem(&record, &id, &check) {
                    return Err(problem);
                }
                if !ids.insert(id(&record).clone()) {
                    return Err(format!("id {} appears twice", id(&record)));
                }
                Ok(record)
            });
        match verdict {
            Ok(record) => kept.push(record),
            Err(reason) => set_aside.push(SetAside {
                what,
                index,
                reason,
                text: text.get().to_string(),
            }),
        }
    }
    kept
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
