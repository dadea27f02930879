//! Reading stored text: a clean envelope in one pass, anything else record by record so a
//! bad record is set aside and the rest load; a refusal says why in plain words.

use super::migrate::is_readable_version;
use super::validate::{all_runs_valid, all_valid, read_all};
use super::{DecodeError, Decoded, Envelope, RecordTexts, CURRENT_VERSION};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::Massage;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::race::Race;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use crate::domain::record::validate::{check_massage, check_race, check_stored_run};
use serde::Deserialize;

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
        check_stored_run,
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
        Ok(Some(v)) if v > u64::from(CURRENT_VERSION) => DecodeError::NewerVersion(v),
        Ok(Some(_)) => DecodeError::BadShape(shape_error.to_string()),
    }
}

fn not_json(raw: &str) -> Option<DecodeError> {
    serde_json::from_str::<serde::de::IgnoredAny>(raw)
        .err()
        .map(|e| DecodeError::NotJson(e.to_string()))
}
