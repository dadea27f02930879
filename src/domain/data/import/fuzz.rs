//! Fuzzing every reader: arbitrary bytes, the real samples cut short or with bytes
//! changed, deleted or repeated, and structured junk made of each format's own pieces.
//! Nothing may panic, and whatever is read must preview into valid runs that merge into
//! a journal the stored format reads back whole.

use super::fit::tests::{sample as fit_sample, Encoder};
use super::preview::{merge, preview, replace};
use super::{gpx, parse_file, strava, tcx};
use crate::domain::data::envelope;
use crate::domain::record::journal::Journal;
use crate::domain::record::run::{Run, RunKind};
use crate::domain::record::validate::NOTES_MAX_CHARS;
use proptest::prelude::*;
use std::sync::Arc;

const BACKUP: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/storage-v2.json"
));

/// A run as the run form would accept it, checked here independently of `check_run`.
fn assert_valid(run: &Run) {
    assert!(run.distance_m > 0 && run.distance_m <= 1_000_000, "{run:?}");
    assert!(run.duration_s > 0, "{run:?}");
    let s_per_km = f64::from(run.duration_s) * 1000.0 / f64::from(run.distance_m);
    assert!(
        (150.0..=1800.0).contains(&s_per_km),
        "pace {s_per_km}: {run:?}"
    );
    assert!(
        run.avg_hr.is_none_or(|hr| (30..=230).contains(&hr)),
        "{run:?}"
    );
    assert!(run.elevation_gain_m.is_none_or(|m| m <= 20_000), "{run:?}");
    assert!((1..=10).contains(&run.rpe), "{run:?}");
    assert!(run.date >= "1970-01-01".parse().unwrap(), "{run:?}");
    assert!(run.notes.chars().count() <= NOTES_MAX_CHARS, "{run:?}");
    assert!(!run.id.is_empty());
}

/// A run as stored records must be (a backup's runs are judged so), independently of
/// `check_stored_run`.
fn assert_stored_valid(run: &Run) {
    assert!(run.distance_m > 0 && run.duration_s > 0, "{run:?}");
    assert!((1..=10).contains(&run.rpe), "{run:?}");
    assert!(run.soreness.values().all(|l| *l <= 10), "{run:?}");
    assert!(!run.id.is_empty());
}

/// Reads a file; whatever is read previews into valid runs (an activity's as the run form
/// would take it, a backup's as a stored record), and both ways of applying
/// the preview give a journal that is stored and read back without losing a record.
fn check_file(name: &str, bytes: &[u8]) {
    let Ok(file) = parse_file(name, bytes) else {
        return;
    };
    for activity in &file.activities {
        assert!(!activity.location.is_empty());
    }
    let existing = Journal {
        runs: vec![Run {
            id: "kept".into(),
            start_time: Some("07:45:00".parse().unwrap()),
            ..Run::sample("2026-11-20", 50, 5, 10)
        }],
        ..Journal::default()
    };
    let files = [file];
    let p = preview(&existing, &files, 5, 60, |i| format!("id-{i}"));
    let from_activity = |run: &Run| run.id.starts_with("id-");
    for run in &p.new_runs {
        if from_activity(run) {
            assert_valid(run);
        } else {
            assert_stored_valid(run);
        }
    }
    for duplicate in &p.duplicates {
        if from_activity(&duplicate.run) {
            assert_valid(&duplicate.run);
        } else {
            assert_stored_valid(&duplicate.run);
        }
    }
    for journal in [merge(&existing, &p, 1), replace(&existing, &p, 1)] {
        let decoded = envelope::decode_versioned(&envelope::encode(&journal)).unwrap();
        assert!(decoded.set_aside.is_empty(), "{:?}", decoded.set_aside);
        assert_eq!(decoded.journal.runs.len(), journal.runs.len());
    }
}

/// The sample cut short, with a few bytes changed, a range deleted, or a range repeated.
fn damaged(sample: Vec<u8>) -> BoxedStrategy<Vec<u8>> {
    let sample = Arc::new(sample);
    let len = sample.len();
    let (a, b, c, d) = (sample.clone(), sample.clone(), sample.clone(), sample);
    prop_oneof![
        (0..=len).prop_map(move |cut| a[..cut].to_vec()),
        proptest::collection::vec((0..len, any::<u8>()), 1..8).prop_map(move |edits| {
            let mut bytes = b.to_vec();
            for (at, value) in edits {
                bytes[at] = value;
            }
            bytes
        }),
        (0..len, 0..len).prop_map(move |(x, y)| {
            let mut bytes = c.to_vec();
            bytes.drain(x.min(y)..x.max(y));
            bytes
        }),
        (0..len, 0..len, 0..=len).prop_map(move |(x, y, at)| {
            let mut bytes = d.to_vec();
            let piece = d[x.min(y)..x.max(y)].to_vec();
            bytes.splice(at..at, piece);
            bytes
        }),
    ]
    .boxed()
}

/// Text made of the given pieces in any order.
fn pieces(list: &'static [&'static str]) -> BoxedStrategy<Vec<u8>> {
    proptest::collection::vec(proptest::sample::select(list), 0..80)
        .prop_map(|chosen| chosen.concat().into_bytes())
        .boxed()
}

fn inputs(sample: Vec<u8>, junk: BoxedStrategy<Vec<u8>>) -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..400),
        4 => damaged(sample),
        2 => junk,
    ]
    .boxed()
}

const XML_PIECES: &[&str] = &[
    "<?xml version=\"1.0\"?>",
    "<gpx>",
    "</gpx>",
    "<trk>",
    "</trk>",
    "<trkseg>",
    "</trkseg>",
    "<trkpt lat=\"52.52\" lon=\"13.405\">",
    "<trkpt lat='52.521' lon='13.405'>",
    "<trkpt lat=\"91\" lon=\"x\">",
    "</trkpt>",
    "<time>2026-11-20T06:45:12Z</time>",
    "<time>2026-11-20T06:46:12Z</time>",
    "<time>9999-12-31T23:59:59Z</time>",
    "<time>0001-01-01T00:00:00+14:00</time>",
    "<ele>12</ele>",
    "<ele>1e300</ele>",
    "<gpxtpx:hr>150</gpxtpx:hr>",
    "<hr>-4</hr>",
    "<name>",
    "</name>",
    "<type>running</type>",
    "<type>cycling</type>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<!DOCTYPE x [",
    "]>",
    "&amp;",
    "&#x",
    "&#",
    ";",
    "\"",
    "'",
    "<",
    ">",
    "/",
    "x",
    " ",
    "<TrainingCenterDatabase>",
    "<Activity Sport=\"Running\">",
    "<Activity Sport=\"Biking\">",
    "</Activity>",
    "<Id>2026-11-20T07:00:00Z</Id>",
    "<Lap StartTime=\"2026-11-20T07:00:00Z\">",
    "</Lap>",
    "<TotalTimeSeconds>300</TotalTimeSeconds>",
    "<TotalTimeSeconds>1e20</TotalTimeSeconds>",
    "<DistanceMeters>1000</DistanceMeters>",
    "<DistanceMeters>-5</DistanceMeters>",
    "<AverageHeartRateBpm><Value>150</Value></AverageHeartRateBpm>",
    "<Trackpoint>",
    "</Trackpoint>",
    "<AltitudeMeters>50</AltitudeMeters>",
    "<Notes>n</Notes>",
];

const CSV_PIECES: &[&str] = &[
    "Activity Date,Activity Type,Distance,Elapsed Time,Distance,Moving Time,Average Heart Rate,Elevation Gain,Activity Name\n",
    "\"Nov 20, 2026, 6:45:12 AM\"", "Nov 20 2026 6:45:12 PM", "2026-11-20 06:45:12", ",", "\"", "\"\"", "\r\n", "\n", "\r",
    "Run", "Trail Run", "Virtual Run", "Ride", "5.0", "5000", "1500", "1e400", "-3", "150", "0", "NaN", "12:00", "a\u{0}b",
];

const JSON_PIECES: &[&str] = &[
    "{\"version\":2,", "{\"version\":1,", "{\"version\":3}", "\"runs\":[", "\"massages\":[", "\"races\":[", "]", "}", ",",
    "{\"id\":\"a\",\"date\":\"2026-11-20\",\"distance_m\":5000,\"duration_s\":1500,\"type\":\"easy\",\"rpe\":3}",
    "{\"id\":\"b\",\"date\":\"2026-11-21\",\"distance_m\":5000,\"duration_s\":30,\"type\":\"race\",\"rpe\":9,\"avg_hr\":400}",
    "{\"id\":\"m\",\"date\":\"2026-11-20\",\"kind\":\"self_massage\",\"minutes\":10}",
    "{\"id\":\"r\",\"name\":\"R\",\"date\":\"2026-11-20\",\"distance_m\":5000,\"priority\":\"A\"}",
    "\"reminders\":{\"x\":{\"state\":\"done\",\"on\":\"2026-11-20\"}}", "\"deleted\":{\"run:a\":5}", "null", "\"", "\\u0000",
];

/// FIT bodies: a session definition (local type 0), then session messages with random
/// values under normal and compressed-timestamp headers, and random bytes.
fn fit_junk() -> BoxedStrategy<Vec<u8>> {
    let chunk = prop_oneof![
        (any::<bool>(), proptest::collection::vec(any::<u8>(), 17)).prop_map(|(run, mut body)| {
            if run {
                body[12] = 1; // sport: running
            }
            [vec![0x00], body].concat()
        }),
        (0u8..32, proptest::collection::vec(any::<u8>(), 17)).prop_map(|(offset, body)| [
            vec![0x80 | offset],
            body
        ]
        .concat()),
        proptest::collection::vec(any::<u8>(), 1..12),
    ];
    (any::<bool>(), proptest::collection::vec(chunk, 0..12))
        .prop_map(|(big_endian, chunks)| {
            let mut fit = Encoder::new(big_endian);
            fit.define(
                0,
                18,
                &[
                    (2, 4, 0x86),
                    (7, 4, 0x86),
                    (9, 4, 0x86),
                    (5, 1, 0),
                    (16, 1, 2),
                ],
                &[(0, 3, 0)],
            )
            .raw(&chunks.concat());
            fit.file(14)
        })
        .boxed()
}

/// Backups whose runs have random values, within and beyond what a run may be.
fn backup_junk() -> BoxedStrategy<Vec<u8>> {
    let run = (
        any::<u32>(),
        prop_oneof![1u32..100_000, any::<u32>()],
        prop_oneof![1u32..20_000, any::<u32>()],
        0u8..=10,
        proptest::option::of(0u16..300),
        proptest::option::of(0u32..30_000),
        proptest::sample::select(&["1969-12-31", "2026-11-20", "2026-11-21", "+10000-01-01"][..]),
        proptest::option::of(0u32..86_400),
    )
        .prop_map(|(n, distance, duration, rpe, hr, gain, date, time)| {
            let hr = hr.map_or(String::new(), |hr| format!(",\"avg_hr\":{hr}"));
            let gain = gain.map_or(String::new(), |m| format!(",\"elevation_gain_m\":{m}"));
            let time = time.map_or(String::new(), |s| {
                format!(",\"start_time\":\"{:02}:{:02}:{:02}\"", s / 3600, s / 60 % 60, s % 60)
            });
            format!(
                "{{\"id\":\"r{}\",\"date\":\"{date}\",\"distance_m\":{distance},\"duration_s\":{duration},\"type\":\"easy\",\"rpe\":{rpe}{hr}{gain}{time}}}",
                n % 50
            )
        });
    proptest::collection::vec(run, 0..10)
        .prop_map(|runs| format!("{{\"version\":2,\"runs\":[{}]}}", runs.join(",")).into_bytes())
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn gpx_never_panics(bytes in inputs(gpx::tests::SAMPLE.into(), pieces(XML_PIECES))) {
        check_file("run.gpx", &bytes);
    }

    #[test]
    fn tcx_never_panics(bytes in inputs(tcx::tests::SAMPLE.into(), pieces(XML_PIECES))) {
        check_file("run.tcx", &bytes);
    }

    #[test]
    fn strava_csv_never_panics(bytes in inputs(strava::tests::SAMPLE.into(), pieces(CSV_PIECES))) {
        check_file("activities.csv", &bytes);
    }

    #[test]
    fn fit_never_panics(
        bytes in inputs(fit_sample(false, 14), fit_junk()),
        other in damaged(fit_sample(true, 12)),
    ) {
        check_file("run.fit", &bytes);
        check_file("run.fit", &other);
    }

    #[test]
    fn backups_and_envelope_decode_never_panic(
        bytes in inputs(BACKUP.into(), prop_oneof![pieces(JSON_PIECES), backup_junk()].boxed()),
    ) {
        let _ = envelope::decode(&String::from_utf8_lossy(&bytes));
        check_file("backup.json", &bytes);
    }

    #[test]
    fn any_file_under_any_name_never_panics(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        name in prop_oneof![Just("a.gpx"), Just("a.tcx"), Just("a.fit"), Just("a.csv"), Just("a.json"), Just("a")],
    ) {
        check_file(name, &bytes);
    }
}

#[test]
fn the_samples_pass_the_same_checks() {
    check_file("run.gpx", gpx::tests::SAMPLE.as_bytes());
    check_file("run.tcx", tcx::tests::SAMPLE.as_bytes());
    check_file("activities.csv", strava::tests::SAMPLE.as_bytes());
    check_file("run.fit", &fit_sample(true, 14));
    check_file("backup.json", BACKUP.as_bytes());
    // And each sample gives at least one run, so the fuzzing starts from real paths.
    for (name, bytes) in [
        ("run.gpx", gpx::tests::SAMPLE.as_bytes().to_vec()),
        ("run.tcx", tcx::tests::SAMPLE.as_bytes().to_vec()),
        ("activities.csv", strava::tests::SAMPLE.as_bytes().to_vec()),
        ("run.fit", fit_sample(false, 12)),
    ] {
        let file = parse_file(name, &bytes).unwrap();
        let p = preview(&Journal::default(), &[file], 5, 0, |i| format!("{i}"));
        assert!(!p.new_runs.is_empty(), "{name}");
        assert!(p.new_runs.iter().all(|r| r.kind != RunKind::Race));
    }
}
