use super::decode::{decode_record_by_record, VersionProbe};
use super::*;
use crate::domain::record::booking::Booking;
use crate::domain::record::massage::MassageKind;
use crate::domain::record::race::Priority;
use crate::domain::record::region::Region;
use crate::domain::record::reminder_settings::ReminderSettings;
use crate::domain::record::run::RunKind;
use crate::domain::record::settings::{Unit, WeekStart};
use std::collections::BTreeMap;
use std::collections::HashSet;

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
const V3: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/storage-v3.json"
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
    let stored = V3.trim_end();
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
    assert_eq!(
        journal.booking,
        Some(Booking {
            date: "2026-12-02".parse().unwrap(),
            time: "10:30".parse().ok(),
            deep: true,
            cancelled: false,
            updated_ms: 1_764_000_000_000,
        })
    );
    assert_eq!(journal.physio_visits.len(), 1);
    assert_eq!(journal.physio_visits[0].note, "patellar tendon, easy week");
    assert!(journal.physio_visits[0].regions.contains(&Region::Knees));
    assert_eq!(encode(&journal), stored);
}

#[test]
fn a_version_2_text_migrates_to_version_3_without_booking_or_physiotherapist_visits() {
    // Version 3 added the booking; a version 2 text reads with none, and the caller keeps
    // the older text before the first write.
    let decoded = decode_versioned(V2.trim_end()).unwrap();
    assert_eq!(decoded.from_version, 2);
    assert!(decoded.is_migration());
    assert_eq!(decoded.journal.booking, None);
    let v3 = decode_versioned(V3.trim_end()).unwrap().journal;
    assert_eq!(
        Journal {
            booking: None,
            physio_visits: Vec::new(),
            ..v3
        },
        decoded.journal
    );
    let rewritten = encode(&decoded.journal);
    assert!(rewritten.starts_with(r#"{"version":3,"#));
    assert!(!decode_versioned(&rewritten).unwrap().is_migration());
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
        decode(r#"{"version":4,"anything":true}"#),
        Err(DecodeError::NewerVersion(4))
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
    assert!(
        reason(
            r#"{"id":"b","date":"2026-11-21","distance_m":-5,"duration_s":1500,"type":"easy","rpe":3}"#
        ) == "it holds a value Restride cannot read (invalid value: integer `-5`, expected u32)"
    );
    // Only what the numbers need (`record::validate::check_stored_run`): a run an older
    // version saved with a pace today's form would refuse still loads, never hidden.
    let implausible = r#"{"id":"b","date":"2026-11-21","distance_m":10000,"duration_s":600,"type":"easy","rpe":3,"avg_hr":20}"#;
    let decoded = decode_versioned(&with(implausible)).unwrap();
    assert_eq!(decoded.journal.runs.len(), 2);
    assert!(decoded.set_aside.is_empty());
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
    // The checkpoint's reader reads only this version's texts, and the same way.
    assert_eq!(decode_kept(text), None);
    let current = text.replace(r#""version":2"#, r#""version":3"#);
    let kept = decode_kept(&current).unwrap().settings.reminders;
    assert_eq!(kept, decode(&current).unwrap().settings.reminders);
    assert_eq!(kept.sore_level, 1);
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
        Some(v) if v > u64::from(CURRENT_VERSION) => return Err(DecodeError::NewerVersion(v)),
        Some(_) => {}
    }
    serde_json::from_str::<RecordTexts>(raw).map_err(|e| DecodeError::BadShape(e.to_string()))?;
    decode_record_by_record(raw)
}

/// The reading a few records at a time (`Decoding`), `per_step` bytes a step, finished
/// with `finish` after `steps_first` steps: it must read what `decode_versioned` reads.
fn decode_in_steps(raw: &str, per_step: usize, steps_first: usize) -> Result<Decoded, DecodeError> {
    let mut decoding = Decoding::in_steps_of(raw.to_string(), per_step);
    let mut finished = false;
    for _ in 0..steps_first {
        finished = decoding.step();
        if finished {
            break;
        }
    }
    let (text, decoded) = decoding.finish();
    assert_eq!(text, raw, "the text read is given back as it was");
    assert!(!finished || steps_first > 0);
    decoded
}

/// Every way of taking the reading in steps, for a short text: each step count up to the
/// end, a few step sizes.
fn read_the_same_in_steps(raw: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    let whole = decode_versioned(raw);
    for per_step in [1, 2, 5] {
        for steps_first in 0..8 {
            proptest::prop_assert_eq!(&decode_in_steps(raw, per_step, steps_first), &whole);
        }
    }
    Ok(())
}

#[test]
fn a_long_history_is_read_a_slice_of_records_per_step() {
    let mut journal = sample();
    let run = journal.runs[1].clone();
    journal.runs = (0..10)
        .map(|i| Run {
            id: format!("r{i}"),
            date: run.date + chrono::Days::new(i),
            ..run.clone()
        })
        .collect();
    let text = encode(&journal);
    // Each run's text is as long as the others (ids r0–r9, dates of one month).
    let without = encode(&Journal {
        runs: Vec::new(),
        ..journal.clone()
    });
    let one_run = (text.len() - without.len() - 9) / 10;
    let mut decoding = Decoding::in_steps_of(text.clone(), 3 * one_run);
    // The scan, then runs 1–3, 4–6, 7–9 and 10 (and the massages and races, none).
    let steps: Vec<bool> = (0..5).map(|_| decoding.step()).collect();
    assert_eq!(steps, [false, false, false, false, true]);
    assert_eq!(decoding.finish(), (text.clone(), decode_versioned(&text)));
    assert_eq!(decode_versioned(&text).map(|d| d.journal), Ok(journal));
    // A text no longer than a step is read in one.
    let mut decoding = Decoding::in_steps_of(text.clone(), text.len());
    assert!(decoding.step());
    assert_eq!(decoding.finish(), (text.clone(), decode_versioned(&text)));
}

#[test]
fn a_refusal_or_a_set_aside_record_is_the_same_in_steps() {
    for text in NOT_CLEAN
        .iter()
        .chain(&["", "[]", "not json", "  {\"version\":3}  "])
    {
        read_the_same_in_steps(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
    read_the_same_in_steps(V1.trim_end()).unwrap();
    read_the_same_in_steps(V2.trim_end()).unwrap();
}

/// Texts that are refused, or read with a record set aside.
const NOT_CLEAN: [&str; 10] = [
    r#"{"version":4,"runs":"a newer shape"}"#,
    r#"{"version":99999999999,"runs":[]}"#,
    r#"{"version":2,"version":2}"#,
    r#"{"version":4,"runs":[]}"#,
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
        read_the_same_in_steps(&text)?;
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
        read_the_same_in_steps(&text)?;
        let mut ids = HashSet::new();
        let clean = rows.iter().all(|(id, km, rpe, _, sore, _)| {
            *id > 0 && ids.insert(*id) && *km > 0 && (1..=10).contains(rpe) && *sore <= 10
        });
        let decoded = read.expect("the app's own text always reads");
        // Today's checkpoint keeps runs and settings in such a text: its own reader reads
        // what the whole reader reads, and refuses what that would set aside.
        let kept = decode_kept(&text);
        if clean {
            proptest::prop_assert!(decoded.set_aside.is_empty());
            proptest::prop_assert_eq!(kept, Some(journal.clone()));
            proptest::prop_assert_eq!(decoded.journal, journal);
        } else {
            proptest::prop_assert!(!decoded.set_aside.is_empty());
            proptest::prop_assert_eq!(kept, None);
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
        read_the_same_in_steps(&text)?;
    }
}
