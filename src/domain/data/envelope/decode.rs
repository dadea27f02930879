//! Reading stored text: a clean envelope in one pass, anything else record by record so a
//! bad record is set aside and the rest load; a refusal says why in plain words.

use super::migrate::is_readable_version;
use super::validate::{all_runs_valid, all_valid, read_more, ReadSoFar};
use super::{DecodeError, Decoded, Envelope, RecordTexts, SetAside, CURRENT_VERSION};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::Massage;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::race::Race;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use crate::domain::record::validate::{check_massage, check_race, check_stored_run};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::ops::Range;

/// What Today's checkpoint keeps of the records (`today::checkpoint`), in an envelope of
/// its own. Read by `decode_kept`, so the first download carries a reader for these
/// records only; the whole envelope's comes with the second part.
#[derive(Deserialize)]
struct Kept {
    version: u32,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    runs: Vec<Run>,
    #[serde(default)]
    physio_visits: Vec<PhysioVisit>,
}

/// A journal of the runs, settings and physiotherapist visits of an envelope this version
/// wrote with nothing else in it (as the checkpoint writes it), read as `decode_versioned`
/// would; `None` for anything else, and when a run is invalid.
pub fn decode_kept(raw: &str) -> Option<Journal> {
    let kept = serde_json::from_str::<Kept>(raw).ok()?;
    if kept.version != CURRENT_VERSION || !all_runs_valid(&kept.runs) {
        return None;
    }
    let envelope = Envelope::<Run, Massage, Race> {
        version: kept.version,
        settings: kept.settings,
        runs: Vec::new(),
        massages: Vec::new(),
        races: Vec::new(),
        reminders: Default::default(),
        deleted: Default::default(),
        settings_updated_ms: 0,
        booking: None,
        physio_visits: kept.physio_visits,
    };
    Some(
        envelope
            .into_decoded(kept.runs, Vec::new(), Vec::new(), Vec::new())
            .journal,
    )
}

/// Only the version, read first so that a newer format is recognised before its shape is
/// judged. Every other field is skipped without being built.
#[derive(Deserialize)]
pub(super) struct VersionProbe {
    #[serde(default)]
    pub(super) version: Option<u64>,
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

/// The reading of an object that is not a clean envelope (`raw` starts with `{`).
pub(super) fn decode_record_by_record(raw: &str) -> Result<Decoded, DecodeError> {
    let mut reading = RecordByRecord::scan(raw)?;
    reading.read_more(raw, usize::MAX);
    Ok(reading.into_decoded())
}

/// Stored text read about a megabyte at a time, so that a long history is not decoded in
/// one long task: each `step` is short, and the shell gives each its own task. What it
/// reads is `decode_versioned`'s, in steps or at once (`finish`).
pub struct Decoding {
    raw: String,
    step_bytes: usize,
    stage: Stage,
}

enum Stage {
    /// Nothing read yet.
    Unread,
    /// The text scanned for its records, some of them read.
    Reading(Box<RecordByRecord>),
    Finished(Box<Result<Decoded, DecodeError>>),
}

/// What a step reads: a megabyte of records (some 6,000 runs) is about 10 ms of
/// WebAssembly on a laptop, 40 on a phone. A shorter text is read in one pass, the
/// quickest way; a longer one costs half as much again in steps (the scan, and each
/// record read on its own), spread over tasks that never hold the page as long as one.
pub const STEP_BYTES: usize = 1 << 20;

impl Decoding {
    pub fn new(raw: String) -> Decoding {
        Decoding::in_steps_of(raw, STEP_BYTES)
    }

    pub(super) fn in_steps_of(raw: String, step_bytes: usize) -> Decoding {
        Decoding {
            raw,
            step_bytes: step_bytes.max(1),
            stage: Stage::Unread,
        }
    }

    /// The next step. A text of at most a step's bytes is read in one, in one pass;
    /// a longer one is scanned for its records in the first step (every record is then
    /// read on its own, so a step can stop between two), and each later step reads
    /// records up to a step's bytes of their text. Whether the reading is finished.
    pub fn step(&mut self) -> bool {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Unread) {
            // Short, or not an object (nothing to read record by record: it says why).
            Stage::Unread
                if self.raw.len() <= self.step_bytes || !self.raw.trim_start().starts_with('{') =>
            {
                Stage::Finished(Box::new(decode_versioned(&self.raw)))
            }
            Stage::Unread => match RecordByRecord::scan(&self.raw) {
                Ok(reading) => Stage::Reading(Box::new(reading)),
                Err(error) => Stage::Finished(Box::new(Err(error))),
            },
            Stage::Reading(mut reading) => {
                if reading.read_more(&self.raw, self.step_bytes) {
                    Stage::Finished(Box::new(Ok(reading.into_decoded())))
                } else {
                    Stage::Reading(reading)
                }
            }
            finished => finished,
        };
        matches!(self.stage, Stage::Finished(_))
    }

    /// The rest of the reading at once, and the text read. Not begun, the text is read
    /// in one pass, the quickest way when nothing else waits.
    pub fn finish(mut self) -> (String, Result<Decoded, DecodeError>) {
        self.step_bytes = usize::MAX;
        loop {
            self.step();
            if let Stage::Finished(decoded) = self.stage {
                return (self.raw, *decoded);
            }
        }
    }
}

/// An envelope read record by record: its fields, where each record's text is in the
/// stored text, and what has been read of them so far.
struct RecordByRecord {
    envelope: Envelope<Range<usize>, Range<usize>, Range<usize>>,
    runs: ReadSoFar<Run>,
    massages: ReadSoFar<Massage>,
    races: ReadSoFar<Race>,
    set_aside: Vec<SetAside>,
}

impl RecordByRecord {
    /// The envelope's fields and its records' places, or why the text is not an
    /// envelope this build reads.
    fn scan(raw: &str) -> Result<RecordByRecord, DecodeError> {
        let envelope =
            serde_json::from_str::<RecordTexts>(raw).map_err(|e| why_unreadable(raw, e))?;
        match envelope.version {
            0 => return Err(DecodeError::NoVersion),
            v if v > CURRENT_VERSION => return Err(DecodeError::NewerVersion(v.into())),
            _ => {}
        }
        // Each record's text borrows from `raw`: its place is kept instead.
        let place = |text: &RawValue| {
            let start = text.get().as_ptr() as usize - raw.as_ptr() as usize;
            start..start + text.get().len()
        };
        Ok(RecordByRecord {
            envelope: envelope.map_records(place, place, place),
            runs: ReadSoFar::default(),
            massages: ReadSoFar::default(),
            races: ReadSoFar::default(),
            set_aside: Vec::new(),
        })
    }

    /// Reads more records, up to `budget` bytes of their text (at least one): runs, then
    /// massages, then races. Whether every record has been read.
    fn read_more(&mut self, raw: &str, mut budget: usize) -> bool {
        let envelope = &self.envelope;
        let set_aside = &mut self.set_aside;
        let budget = &mut budget;
        read_more(
            "run",
            raw,
            &envelope.runs,
            &mut self.runs,
            (|r| &r.id, check_stored_run),
            set_aside,
            budget,
        ) && read_more(
            "massage",
            raw,
            &envelope.massages,
            &mut self.massages,
            (|m| &m.id, check_massage),
            set_aside,
            budget,
        ) && read_more(
            "race",
            raw,
            &envelope.races,
            &mut self.races,
            (|r| &r.id, check_race),
            set_aside,
            budget,
        )
    }

    fn into_decoded(self) -> Decoded {
        self.envelope.into_decoded(
            self.runs.kept,
            self.massages.kept,
            self.races.kept,
            self.set_aside,
        )
    }
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
        Ok(Some(v)) if v > u64::from(CURRENT_VERSION) => DecodeError::NewerVersion(v),
        Ok(Some(_)) => DecodeError::BadShape(shape_error.to_string()),
    }
}

fn not_json(raw: &str) -> Option<DecodeError> {
    serde_json::from_str::<serde::de::IgnoredAny>(raw)
        .err()
        .map(|e| DecodeError::NotJson(e.to_string()))
}
