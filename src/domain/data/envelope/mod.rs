//! The stored format: one JSON envelope with a schema version from day one.
//!
//! ```json
//! {"version":3,"settings":{…},"runs":[…],"massages":[…],"races":[…],"reminders":{…},"booking":{…},"physio_visits":[…]}
//! ```
//! Older versions are read too (`migrate`). Reading never guesses: text that is not JSON, a version this build does not know, or a
//! record with impossible values is reported as a `DecodeError`, and the caller keeps the
//! raw text instead of overwriting it.

use crate::domain::record::booking::Booking;
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::Massage;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::race::Race;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::{is_zero, Run};
use crate::domain::record::settings::Settings;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

mod decode; // stored text → a journal, or a refusal that says why
mod encoder; // `encode` that keeps each run's text between saves
mod migrate; // which older formats are read, and how
#[cfg(test)]
mod tests;
mod validate; // each stored record judged by `record::validate`; the invalid set aside

pub use decode::{decode_kept, decode_versioned, Decoding};
pub use encoder::Encoder;

pub const CURRENT_VERSION: u32 = 3;

/// The stored envelope, its records of type `R`, `M` and `C` (runs, massages, races).
/// Read first with the records themselves, in one pass over the text; only when that
/// fails, or a record is invalid, read again with each record as its JSON text
/// (`&RawValue`), so that one bad record can be set aside while the others load.
#[derive(Deserialize)]
struct Envelope<R, M, C> {
    version: u32,
    #[serde(default)]
    settings: Settings,
    #[serde(default = "Vec::new")]
    runs: Vec<R>,
    #[serde(default = "Vec::new")]
    massages: Vec<M>,
    #[serde(default = "Vec::new")]
    races: Vec<C>,
    #[serde(default)]
    reminders: BTreeMap<String, ReminderDecision>,
    #[serde(default)]
    deleted: BTreeMap<String, u64>,
    #[serde(default)]
    settings_updated_ms: u64,
    #[serde(default)]
    booking: Option<Booking>,
    #[serde(default)]
    physio_visits: Vec<PhysioVisit>,
}

type RecordTexts<'a> = Envelope<&'a RawValue, &'a RawValue, &'a RawValue>;

/// A journal read from storage, with the format version it was stored in and the
/// records that could not be read.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub journal: Journal,
    pub from_version: u32,
    pub set_aside: Vec<SetAside>,
}

/// A record left out because it is invalid (a negative distance written by an old bug, a
/// duplicate id…), with its position and its JSON text exactly as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub what: &'static str,
    pub index: usize,
    pub reason: String,
    pub text: String,
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "saved {} number {}: {}",
            self.what,
            self.index + 1,
            self.reason
        )
    }
}

#[derive(Debug, PartialEq)]
pub enum DecodeError {
    NotJson(String),
    NoVersion,
    NewerVersion(u64),
    BadShape(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(detail) => write!(f, "the saved data is not valid JSON ({detail})"),
            DecodeError::NoVersion => write!(f, "the saved data has no version number"),
            DecodeError::NewerVersion(v) => write!(
                f,
                "the saved data is from a newer version of Restride (format {v}; this one reads up to {CURRENT_VERSION})"
            ),
            DecodeError::BadShape(detail) => write!(f, "the saved data has an unexpected shape ({detail})"),
        }
    }
}

/// The envelope as written: a borrowing twin of `Envelope`, so saving never clones the
/// whole history. Its runs are `Run`s, or their texts already written (`Encoder`).
#[derive(Serialize)]
pub struct Stored<'a, R = Run> {
    version: u32,
    settings: &'a Settings,
    runs: &'a [R],
    massages: &'a [Massage],
    races: &'a [Race],
    reminders: &'a BTreeMap<String, ReminderDecision>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    deleted: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "is_zero")]
    settings_updated_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    booking: Option<Booking>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    physio_visits: &'a [PhysioVisit],
}

impl<'a> Stored<'a> {
    pub fn of(journal: &'a Journal) -> Stored<'a> {
        Stored::with_runs(journal, &journal.runs)
    }
}

impl<'a, R> Stored<'a, R> {
    /// The journal's envelope with `runs` written in place of its runs.
    fn with_runs(journal: &'a Journal, runs: &'a [R]) -> Stored<'a, R> {
        Stored {
            version: CURRENT_VERSION,
            settings: &journal.settings,
            runs,
            massages: &journal.massages,
            races: &journal.races,
            reminders: &journal.reminder_states,
            deleted: &journal.deleted,
            settings_updated_ms: journal.settings_ms,
            booking: journal.booking,
            physio_visits: &journal.physio_visits,
        }
    }
}

/// The stored text of a journal.
pub fn encode(journal: &Journal) -> String {
    // Plain structs of strings, numbers and maps with string keys always serialise.
    serde_json::to_string(&Stored::of(journal)).unwrap_or_default()
}

pub fn decode(raw: &str) -> Result<Journal, DecodeError> {
    decode_versioned(raw).map(|decoded| decoded.journal)
}
