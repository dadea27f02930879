//! The stored format: one JSON envelope with a schema version from day one.
//!
//! ```json
//! {"version":1,"settings":{"unit":"km","week_start":"monday"},"runs":[…]}
//! ```
//! Reading never guesses: text that is not JSON, a version this build does not know, or a
//! record with impossible values is reported as a `DecodeError`, and the caller keeps the
//! raw text instead of overwriting it.

use crate::domain::journal::Journal;
use crate::domain::run::{Run, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::settings::Settings;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

pub const CURRENT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    version: u32,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    runs: Vec<Run>,
}

#[derive(Debug, PartialEq)]
pub enum DecodeError {
    NotJson(String),
    NoVersion,
    NewerVersion(u64),
    BadShape(String),
    InvalidRun { index: usize, reason: String },
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
            DecodeError::InvalidRun { index, reason } => {
                write!(f, "saved run number {} is invalid ({reason})", index + 1)
            }
        }
    }
}

/// The envelope as written: a borrowing twin of `Envelope`, so saving never clones the
/// whole history. Serialise it with any serde writer (the store hands it to gloo-storage).
#[derive(Serialize)]
pub struct Stored<'a> {
    version: u32,
    settings: &'a Settings,
    runs: &'a [Run],
}

impl<'a> Stored<'a> {
    pub fn of(journal: &'a Journal) -> Stored<'a> {
        Stored {
            version: CURRENT_VERSION,
            settings: &journal.settings,
            runs: &journal.runs,
        }
    }
}

/// The stored text of a journal.
pub fn encode(journal: &Journal) -> String {
    // Plain structs of strings, numbers and maps with string keys always serialise.
    serde_json::to_string(&Stored::of(journal)).unwrap_or_default()
}

/// Only the version, read first so that a newer format is recognised before its shape is
/// judged. Every other field is skipped without being built.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: Option<u64>,
}

pub fn decode(raw: &str) -> Result<Journal, DecodeError> {
    // Straight into typed structs, never through serde_json::Value: a decade of runs is
    // parsed at every start-up, and Value would build the whole tree twice over.
    serde_json::from_str::<serde::de::IgnoredAny>(raw)
        .map_err(|e| DecodeError::NotJson(e.to_string()))?;
    // The envelope is an object (serde would also read a struct from an array).
    if !raw.trim_start().starts_with('{') {
        return Err(DecodeError::NoVersion);
    }
    let probe: VersionProbe = serde_json::from_str(raw).map_err(|_| DecodeError::NoVersion)?;
    // Version 1 is the only format so far; a migration from older versions goes here.
    match probe.version {
        None | Some(0) => return Err(DecodeError::NoVersion),
        Some(v) if v > CURRENT_VERSION as u64 => return Err(DecodeError::NewerVersion(v)),
        Some(_) => {}
    }
    let envelope: Envelope =
        serde_json::from_str(raw).map_err(|e| DecodeError::BadShape(e.to_string()))?;
    let mut ids = HashSet::new();
    for (index, run) in envelope.runs.iter().enumerate() {
        if let Err(reason) = check_run(run) {
            return Err(DecodeError::InvalidRun { index, reason });
        }
        if !ids.insert(run.id.as_str()) {
            return Err(DecodeError::InvalidRun {
                index,
                reason: format!("id {} appears twice", run.id),
            });
        }
    }
    Ok(Journal {
        settings: envelope.settings,
        runs: envelope.runs,
    })
}

/// The invariants the form guarantees for every run, checked again on the way in.
fn check_run(run: &Run) -> Result<(), String> {
    if run.id.is_empty() {
        return Err("it has no id".into());
    }
    if run.distance_m == 0 {
        return Err("its distance is 0".into());
    }
    if run.duration_s == 0 {
        return Err("its duration is 0".into());
    }
    if !(RPE_MIN..=RPE_MAX).contains(&run.rpe) {
        return Err(format!("its effort is {}, outside 1–10", run.rpe));
    }
    if let Some((region, level)) = run.soreness.iter().find(|(_, l)| **l > SORENESS_MAX) {
        return Err(format!(
            "soreness of {} is {level}, above 10",
            region.label()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::run::{Region, RunKind};
    use crate::domain::settings::{Unit, WeekStart};
    use std::collections::BTreeMap;

    fn sample() -> Journal {
        Journal {
            settings: Settings {
                unit: Unit::Mi,
                week_start: WeekStart::Sunday,
            },
            runs: vec![
                Run {
                    id: "k3x9".into(),
                    date: "2026-11-25".parse().unwrap(),
                    start_time: Some("07:30:00".parse().unwrap()),
                    distance_m: 10_500,
                    duration_s: 3150,
                    kind: RunKind::Tempo,
                    rpe: 7,
                    avg_hr: Some(162),
                    elevation_gain_m: Some(85),
                    notes: "Windy, \"fast\" <b>finish</b>".into(),
                    soreness: BTreeMap::from([(Region::Calves, 4), (Region::HipsItBand, 2)]),
                },
                Run {
                    id: "p0q1".into(),
                    date: "2026-11-23".parse().unwrap(),
                    start_time: None,
                    distance_m: 5000,
                    duration_s: 1800,
                    kind: RunKind::Easy,
                    rpe: 3,
                    avg_hr: None,
                    elevation_gain_m: None,
                    notes: String::new(),
                    soreness: BTreeMap::new(),
                },
            ],
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let journal = sample();
        assert_eq!(decode(&encode(&journal)), Ok(journal));
        assert_eq!(decode(&encode(&Journal::default())), Ok(Journal::default()));
    }

    #[test]
    fn the_stored_text_is_the_documented_format() {
        // Written by hand from the format above; a change here is a change of format and
        // needs a new version number and a migration.
        let stored = r#"{"version":1,"settings":{"unit":"km","week_start":"monday"},"runs":[{"id":"a1","date":"2026-11-20","start_time":"06:45:00","distance_m":8000,"duration_s":2700,"type":"long","rpe":5,"avg_hr":150,"elevation_gain_m":40,"notes":"hilly","soreness":{"feet":3,"lower_back":1}},{"id":"a2","date":"2026-11-21","distance_m":3000,"duration_s":1200,"type":"recovery","rpe":2}]}"#;
        let journal = decode(stored).unwrap();
        assert_eq!(journal.runs.len(), 2);
        let first = &journal.runs[0];
        assert_eq!(first.kind, RunKind::Long);
        assert_eq!(
            first.soreness,
            BTreeMap::from([(Region::Feet, 3), (Region::LowerBack, 1)])
        );
        assert_eq!(journal.runs[1].start_time, None);
        assert_eq!(encode(&journal), stored);
    }

    #[test]
    fn a_minimal_envelope_uses_default_settings() {
        let journal = decode(r#"{"version":1}"#).unwrap();
        assert_eq!(journal, Journal::default());
    }

    #[test]
    fn unreadable_text_is_reported_not_guessed() {
        assert!(matches!(decode("{not json"), Err(DecodeError::NotJson(_))));
        assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
        assert_eq!(decode(r#"{"runs":[]}"#), Err(DecodeError::NoVersion));
        assert_eq!(decode(r#"{"version":"1"}"#), Err(DecodeError::NoVersion));
        assert_eq!(decode(r#"{"version":0}"#), Err(DecodeError::NoVersion));
        assert_eq!(
            decode(r#"{"version":2,"anything":true}"#),
            Err(DecodeError::NewerVersion(2))
        );
        assert!(matches!(
            decode(r#"{"version":1,"runs":{}}"#),
            Err(DecodeError::BadShape(_))
        ));
        assert!(matches!(decode("[1,2]"), Err(DecodeError::NoVersion)));
    }

    #[test]
    fn impossible_records_are_reported_with_their_position() {
        let zero = r#"{"version":1,"runs":[{"id":"a","date":"2026-11-20","distance_m":5000,"duration_s":1500,"type":"easy","rpe":3},{"id":"b","date":"2026-11-21","distance_m":0,"duration_s":1500,"type":"easy","rpe":3}]}"#;
        assert_eq!(
            decode(zero),
            Err(DecodeError::InvalidRun {
                index: 1,
                reason: "its distance is 0".into()
            })
        );
        let rpe = r#"{"version":1,"runs":[{"id":"a","date":"2026-11-20","distance_m":5000,"duration_s":1500,"type":"easy","rpe":12}]}"#;
        assert!(matches!(
            decode(rpe),
            Err(DecodeError::InvalidRun { index: 0, .. })
        ));
        let negative = r#"{"version":1,"runs":[{"id":"a","date":"2026-11-20","distance_m":-5,"duration_s":1500,"type":"easy","rpe":3}]}"#;
        assert!(matches!(decode(negative), Err(DecodeError::BadShape(_))));
        let twice = r#"{"version":1,"runs":[{"id":"a","date":"2026-11-20","distance_m":5,"duration_s":1500,"type":"easy","rpe":3},{"id":"a","date":"2026-11-20","distance_m":5,"duration_s":1500,"type":"easy","rpe":3}]}"#;
        assert!(matches!(
            decode(twice),
            Err(DecodeError::InvalidRun { index: 1, .. })
        ));
    }

    #[test]
    fn messages_are_plain_words() {
        let message = DecodeError::NewerVersion(3).to_string();
        assert!(message.contains("newer version of Restride"), "{message}");
        let message = DecodeError::InvalidRun {
            index: 0,
            reason: "its distance is 0".into(),
        }
        .to_string();
        assert_eq!(message, "saved run number 1 is invalid (its distance is 0)");
    }

    proptest::proptest! {
        #[test]
        fn decoding_arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = decode(&text);
        }
    }
}
