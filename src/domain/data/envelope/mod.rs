//! The stored format: one JSON envelope with a schema version from day one.
//!
//! ```json
//! {"version":2,"settings":{…},"runs":[…],"massages":[…],"races":[…],"reminders":{…}}
//! ```
//! Version 1 had only `settings` and `runs`; every later field has a default, so
//! migrating a version 1 text is reading it and writing the new version. The caller
//! keeps a copy of the older text before the first write (`Decoded::from_version`).
//! Reading never guesses: text that is not JSON, a version this build does not know, or a
//! record with impossible values is reported as a `DecodeError`, and the caller keeps the
//! raw text instead of overwriting it.

use crate::domain::record::journal::Journal;
use crate::domain::record::massage::{Massage, Race};
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::{is_zero, Run, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::record::settings::Settings;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

pub const CURRENT_VERSION: u32 = 2;
/// The longest massage a record may hold, in minutes.
pub const MASSAGE_MINUTES_MAX: u16 = 600;

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
}

impl<R, M, C> Envelope<R, M, C> {
    fn into_decoded(
        self,
        runs: Vec<Run>,
        massages: Vec<Massage>,
        races: Vec<Race>,
        set_aside: Vec<SetAside>,
    ) -> Decoded {
        Decoded {
            from_version: self.version,
            journal: Journal {
                settings: Settings {
                    reminders: self.settings.reminders.sanitized(),
                    ..self.settings
                },
                runs,
                massages,
                races,
                reminder_states: self.reminders,
                deleted: self.deleted,
                settings_ms: self.settings_updated_ms,
            },
            set_aside,
        }
    }
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

impl Decoded {
    /// An older format: the stored text must be copied aside before it is rewritten.
    pub fn is_migration(&self) -> bool {
        self.from_version < CURRENT_VERSION
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
/// whole history. Serialise it with any serde writer (the store hands it to gloo-storage).
#[derive(Serialize)]
pub struct Stored<'a> {
    version: u32,
    settings: &'a Settings,
    runs: &'a [Run],
    massages: &'a [Massage],
    races: &'a [Race],
    reminders: &'a BTreeMap<String, ReminderDecision>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    deleted: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "is_zero")]
    settings_updated_ms: u64,
}

impl<'a> Stored<'a> {
    pub fn of(journal: &'a Journal) -> Stored<'a> {
        Stored {
            version: CURRENT_VERSION,
            settings: &journal.settings,
            runs: &journal.runs,
            massages: &journal.massages,
            races: &journal.races,
            reminders: &journal.reminder_states,
            deleted: &journal.deleted,
            settings_updated_ms: journal.settings_ms,
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
    decode_versioned(raw).map(|decoded| decoded.journal)
}

pub fn decode_versioned(raw: &str) -> Result<Decoded, DecodeError> {
    // serde would also read a struct from a JSON array: only an object is an envelope.
    // Only a text that does not read as one is scanned again, to say why.
    if !raw.trim_start().starts_with('{') {
        return Err(not_json(raw).unwrap_or(DecodeError::NoVersion));
    }
    // A clean text, the common case, in one pass. Anything else is read again record by
    // record, which judges it and sets aside what it must: every verdict comes from there.
    if let Ok(mut envelope) = serde_json::from_str::<Envelope<Run, Massage, Race>>(raw) {
        if is_readable_version(envelope.version) && all_valid(&envelope) {
            let runs = std::mem::take(&mut envelope.runs);
            let massages = std::mem::take(&mut envelope.massages);
            let races = std::mem::take(&mut envelope.races);
            return Ok(envelope.into_decoded(runs, massages, races, Vec::new()));
        }
    }
    decode_record_by_record(raw)
}

fn is_readable_version(version: u32) -> bool {
    (1..=CURRENT_VERSION).contains(&version)
}

/// Whether `read_all` would keep every record: each valid, ids non-empty and unique.
fn all_valid(envelope: &Envelope<Run, Massage, Race>) -> bool {
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
    valid(&envelope.runs, |r| &r.id, check_run)
        && valid(&envelope.massages, |m| &m.id, check_massage)
        && valid(&envelope.races, |r| &r.id, check_race)
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

/// The reading of an object that is not a clean envelope (`raw` starts with `{`).
fn decode_record_by_record(raw: &str) -> Result<Decoded, DecodeError> {
    let envelope = serde_json::from_str::<RecordTexts>(raw).map_err(|e| why_unreadable(raw, e))?;
    match envelope.version {
        0 => return Err(DecodeError::NoVersion),
        v if v > CURRENT_VERSION => return Err(DecodeError::NewerVersion(v.into())),
        _ => {}
    }
    let mut set_aside = Vec::new();
    let runs = read_all(
        "run",
        &envelope.runs,
        |r: &Run| &r.id,
        check_run,
        &mut set_aside,
    );
    let massages = read_all(
        "massage",
        &envelope.massages,
        |m: &Massage| &m.id,
        check_massage,
        &mut set_aside,
    );
    let races = read_all(
        "race",
        &envelope.races,
        |r: &Race| &r.id,
        check_race,
        &mut set_aside,
    );
    Ok(envelope.into_decoded(runs, massages, races, set_aside))
}

/// Why an object's text is not an envelope, judged in this order: not JSON at all, no
/// version, a newer version than this build knows (whose shape is not ours to judge), and
/// only then a shape this version cannot have.
fn why_unreadable(raw: &str, shape_error: serde_json::Error) -> DecodeError {
    if let Some(not_json) = not_json(raw) {
        return not_json;
    }
    match serde_json::from_str::<VersionProbe>(raw).map(|p| p.version) {
        Err(_) | Ok(None) | Ok(Some(0)) => DecodeError::NoVersion,
        Ok(Some(v)) if v > CURRENT_VERSION as u64 => DecodeError::NewerVersion(v),
        Ok(Some(_)) => DecodeError::BadShape(shape_error.to_string()),
    }
}

fn not_json(raw: &str) -> Option<DecodeError> {
    serde_json::from_str::<serde::de::IgnoredAny>(raw)
        .err()
        .map(|e| DecodeError::NotJson(e.to_string()))
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

/// Every record that reads and is valid, with a unique non-empty id; the others go to
/// `set_aside` with their position and text.
fn read_all<T: serde::de::DeserializeOwned>(
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

fn check_massage(massage: &Massage) -> Result<(), String> {
    if massage.minutes == 0 || massage.minutes > MASSAGE_MINUTES_MAX {
        return Err(format!("its duration is {} minutes", massage.minutes));
    }
    Ok(())
}

fn check_race(race: &Race) -> Result<(), String> {
    if race.name.trim().is_empty() {
        return Err("it has no name".into());
    }
    if race.distance_m == 0 {
        return Err("its distance is 0".into());
    }
    Ok(())
}

fn check_run(run: &Run) -> Result<(), String> {
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
    use crate::domain::record::massage::{MassageKind, Priority};
    use crate::domain::record::run::{Region, RunKind};
    use crate::domain::record::settings::{Unit, WeekStart};
    use crate::domain::rulebook::settings::ReminderSettings;
    use std::collections::BTreeMap;

    fn sample() -> Journal {
        Journal {
            settings: Settings {
                unit: Unit::Mi,
                week_start: WeekStart::Sunday,
                ..Settings::default()
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
                    race_id: None,
                    updated_ms: 0,
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
                    race_id: None,
                    updated_ms: 0,
                },
            ],
            ..Journal::default()
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let journal = sample();
        assert_eq!(decode(&encode(&journal)), Ok(journal));
        assert_eq!(decode(&encode(&Journal::default())), Ok(Journal::default()));
    }

    /// Each stored format version has a fixture, written by hand, that must keep loading.
    const V1: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v1.json"
    ));
    const V2: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v2.json"
    ));

    #[test]
    fn a_version_1_text_migrates_to_the_current_format() {
        let decoded = decode_versioned(V1.trim_end()).unwrap();
        assert_eq!(decoded.from_version, 1);
        assert!(decoded.is_migration(), "the caller must back the text up");
        let journal = decoded.journal;
        assert_eq!(journal.runs.len(), 2);
        let first = &journal.runs[0];
        assert_eq!(first.kind, RunKind::Long);
        assert_eq!(
            first.soreness,
            BTreeMap::from([(Region::Feet, 3), (Region::LowerBack, 1)])
        );
        assert_eq!(journal.runs[1].start_time, None);
        assert!(journal.massages.is_empty() && journal.races.is_empty());
        assert_eq!(journal.settings.reminders, ReminderSettings::default());
        // Written back, it is the current version and reads as the same journal.
        let rewritten = decode_versioned(&encode(&journal)).unwrap();
        assert_eq!(rewritten.from_version, CURRENT_VERSION);
        assert!(!rewritten.is_migration());
        assert_eq!(rewritten.journal, journal);
    }

    #[test]
    fn the_stored_text_is_the_documented_format() {
        // Written by hand from docs/backup-format.md; a change here is a change of format
        // and needs a new version number, a migration and a fixture.
        let stored = V2.trim_end();
        let decoded = decode_versioned(stored).unwrap();
        assert!(!decoded.is_migration());
        let journal = decoded.journal;
        assert_eq!(journal.settings.unit, Unit::Mi);
        assert_eq!(journal.settings.reminders.professional_every_days, 28);
        assert!(!journal.settings.reminders.distance_on);
        assert!(journal.settings.notifications);
        assert_eq!(journal.runs[0].race_id.as_deref(), Some("r1"));
        let massage = &journal.massages[0];
        assert_eq!(massage.kind, MassageKind::Professional);
        assert!(massage.deep);
        assert_eq!(massage.cost_cents, Some(6500));
        assert!(massage.regions.contains(&Region::Quads));
        assert_eq!(journal.races[0].priority, Priority::B);
        assert_eq!(
            journal.reminder_states.get("hard:a1"),
            Some(&ReminderDecision::Snoozed {
                until: "2026-11-29".parse().unwrap()
            })
        );
        assert_eq!(encode(&journal), stored);
    }

    #[test]
    fn invalid_massages_and_races_are_set_aside_with_their_position() {
        let zero = r#"{"version":2,"massages":[{"id":"m","date":"2026-11-20","kind":"self_massage","minutes":0}]}"#;
        let decoded = decode_versioned(zero).unwrap();
        assert!(decoded.journal.massages.is_empty());
        assert_eq!(
            decoded.set_aside,
            [SetAside {
                what: "massage",
                index: 0,
                reason: "its duration is 0 minutes".into(),
                text: r#"{"id":"m","date":"2026-11-20","kind":"self_massage","minutes":0}"#.into(),
            }]
        );
        let nameless = r#"{"version":2,"races":[{"id":"r","name":" ","date":"2026-11-20","distance_m":5000,"priority":"A"}]}"#;
        assert_eq!(
            decode_versioned(nameless).unwrap().set_aside[0].what,
            "race"
        );
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
            decode(r#"{"version":3,"anything":true}"#),
            Err(DecodeError::NewerVersion(3))
        );
        assert!(matches!(
            decode(r#"{"version":1,"runs":{}}"#),
            Err(DecodeError::BadShape(_))
        ));
        assert!(matches!(decode("[1,2]"), Err(DecodeError::NoVersion)));
    }

    #[test]
    fn impossible_records_are_set_aside_and_the_rest_load() {
        let good = r#"{"id":"a","date":"2026-11-20","distance_m":5000,"duration_s":1500,"type":"easy","rpe":3}"#;
        let with = |bad: &str| format!(r#"{{"version":1,"runs":[{good},{bad}]}}"#);
        let reason = |bad: &str| {
            let decoded = decode_versioned(&with(bad)).unwrap();
            assert_eq!(decoded.journal.runs.len(), 1, "the good run loads");
            assert_eq!(decoded.set_aside.len(), 1);
            assert_eq!(decoded.set_aside[0].index, 1);
            assert_eq!(decoded.set_aside[0].text, bad, "kept exactly as stored");
            decoded.set_aside[0].reason.clone()
        };
        assert_eq!(
            reason(
                r#"{"id":"b","date":"2026-11-21","distance_m":0,"duration_s":1500,"type":"easy","rpe":3}"#
            ),
            "its distance is 0"
        );
        assert!(reason(
            r#"{"id":"b","date":"2026-11-21","distance_m":5,"duration_s":1,"type":"easy","rpe":12}"#
        )
        .contains("outside 1–10"));
        // A negative distance does not fit the type at all (an old bug's record).
        assert!(reason(r#"{"id":"b","date":"2026-11-21","distance_m":-5,"duration_s":1500,"type":"easy","rpe":3}"#)
            == "it holds a value Restride cannot read (invalid value: integer `-5`, expected u32)");
        assert_eq!(reason(good), "id a appears twice");
        assert_eq!(
            reason(
                r#"{"id":"","date":"2026-11-21","distance_m":5,"duration_s":1,"type":"easy","rpe":3}"#
            ),
            "it has no id"
        );
    }

    #[test]
    fn messages_are_plain_words() {
        let message = DecodeError::NewerVersion(3).to_string();
        assert!(message.contains("newer version of Restride"), "{message}");
        let set_aside = SetAside {
            what: "run",
            index: 0,
            reason: "its distance is 0".into(),
            text: String::new(),
        };
        assert_eq!(
            set_aside.to_string(),
            "saved run number 1: its distance is 0"
        );
    }

    #[test]
    fn reminder_numbers_out_of_range_are_brought_into_it() {
        let text = r#"{"version":2,"settings":{"reminders":{"sore_level":0,"physio_level":1,"professional_every_days":0}}}"#;
        let r = decode(text).unwrap().settings.reminders;
        assert_eq!(
            (r.sore_level, r.physio_level, r.professional_every_days),
            (1, 2, 7)
        );
        assert_eq!(
            ReminderSettings::default().sanitized(),
            ReminderSettings::default()
        );
    }

    /// The reading as it was before it took one pass: each question settled by its own
    /// pass over the text, in order. The one-pass reading must agree with it everywhere.
    fn decode_in_separate_passes(raw: &str) -> Result<Decoded, DecodeError> {
        serde_json::from_str::<serde::de::IgnoredAny>(raw)
            .map_err(|e| DecodeError::NotJson(e.to_string()))?;
        if !raw.trim_start().starts_with('{') {
            return Err(DecodeError::NoVersion);
        }
        let probe: VersionProbe = serde_json::from_str(raw).map_err(|_| DecodeError::NoVersion)?;
        match probe.version {
            None | Some(0) => return Err(DecodeError::NoVersion),
            Some(v) if v > CURRENT_VERSION as u64 => return Err(DecodeError::NewerVersion(v)),
            Some(_) => {}
        }
        serde_json::from_str::<RecordTexts>(raw)
            .map_err(|e| DecodeError::BadShape(e.to_string()))?;
        decode_record_by_record(raw)
    }

    /// Texts that are refused, or read with a record set aside.
    const NOT_CLEAN: [&str; 10] = [
        r#"{"version":3,"runs":"a newer shape"}"#,
        r#"{"version":99999999999,"runs":[]}"#,
        r#"{"version":2,"version":2}"#,
        r#"{"version":3,"runs":[]}"#,
        r#"{"version":0}"#,
        r#"{"runs":[]}"#,
        r#"[2,{}]"#,
        r#"{"version":2,"runs":[{"id":"a","date":"2026-11-02","distance_m":5000,"duration_s":1800,"type":"easy","rpe":3},{"id":"a","date":"2026-11-03","distance_m":6000,"duration_s":2000,"type":"easy","rpe":4}]}"#,
        r#"{"version":2,"races":[{"id":"r","date":"2026-12-06","name":" ","distance_m":42195}]}"#,
        r#"{"version":2,"massages":[{"id":"","date":"2026-11-20","kind":"professional","minutes":60}]}"#,
    ];

    #[test]
    fn one_pass_reads_exactly_what_separate_passes_read() {
        let mut texts = vec![
            V1.trim_end().to_string(),
            V2.trim_end().to_string(),
            encode(&sample()),
            encode(&Journal::default()),
        ];
        texts.extend(NOT_CLEAN.iter().map(|t| t.to_string()));
        for text in &texts {
            assert_eq!(
                decode_versioned(text),
                decode_in_separate_passes(text),
                "{text}"
            );
        }
        // The texts that are not clean really are: each is refused or sets a record aside.
        for text in NOT_CLEAN {
            let verdict = decode_versioned(text);
            assert!(
                verdict.as_ref().map_or(true, |d| !d.set_aside.is_empty()),
                "{text}: {verdict:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_is_judged_the_same_both_ways(text in ".{0,200}") {
            proptest::prop_assert_eq!(decode_versioned(&text), decode_in_separate_passes(&text));
        }

        /// Journals as the app writes them, some with a record the reading must set aside
        /// (a zero distance, an effort of 0 or 11, an empty or repeated id): the one-pass
        /// reading of clean texts agrees with reading record by record, and a text with a bad
        /// record is read record by record.
        #[test]
        fn written_journals_read_the_same_both_ways(
            rows in proptest::collection::vec(
                (0u8..6, 0u32..3, 0u8..=11, 0usize..Region::ALL.len(), 0u8..=11, ".{0,12}"),
                0..12,
            ),
        ) {
            let mut journal = sample();
            journal.runs = rows
                .iter()
                .enumerate()
                .map(|(i, (id, km, rpe, region, sore, notes))| Run {
                    id: if *id == 0 { String::new() } else { format!("r{id}") },
                    date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i as u64),
                    start_time: None,
                    distance_m: km * 5000,
                    duration_s: 1800,
                    kind: RunKind::Easy,
                    rpe: *rpe,
                    avg_hr: None,
                    elevation_gain_m: None,
                    notes: notes.clone(),
                    soreness: BTreeMap::from([(Region::ALL[*region], *sore)]),
                    race_id: None,
                    updated_ms: 0,
                })
                .collect();
            let text = encode(&journal);
            let read = decode_versioned(&text);
            proptest::prop_assert_eq!(&read, &decode_in_separate_passes(&text));
            let mut ids = HashSet::new();
            let clean = rows.iter().all(|(id, km, rpe, _, sore, _)| {
                *id > 0 && ids.insert(*id) && *km > 0 && (1..=10).contains(rpe) && *sore <= 10
            });
            let decoded = read.expect("the app's own text always reads");
            if clean {
                proptest::prop_assert!(decoded.set_aside.is_empty());
                proptest::prop_assert_eq!(decoded.journal, journal);
            } else {
                proptest::prop_assert!(!decoded.set_aside.is_empty());
            }
        }

        /// Damage anywhere in a real stored text (a byte changed, a piece cut out) is
        /// judged the same in one pass as in separate passes.
        #[test]
        fn damaged_texts_read_the_same_both_ways(
            at in 0usize..2000,
            cut in 0usize..40,
            byte in proptest::sample::select(b"0123456789-\":,{}[]ax ".to_vec()),
        ) {
            let mut bytes = V2.trim_end().as_bytes().to_vec();
            let at = at % bytes.len();
            bytes[at] = byte;
            let end = (at + 1 + cut).min(bytes.len());
            if cut % 2 == 0 {
                bytes.drain(at + 1..end);
            }
            let text = String::from_utf8_lossy(&bytes);
            proptest::prop_assert_eq!(decode_versioned(&text), decode_in_separate_passes(&text));
        }
    }
}
