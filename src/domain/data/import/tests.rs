use super::*;

#[test]
fn formats_are_detected_from_content_then_name() {
    let fail = |name: &str, bytes: &[u8]| parse_file(name, bytes).unwrap_err();
    assert_eq!(fail("a.csv", b"  \n"), "The file is empty.");
    assert!(fail("a.gpx.gz", &[0x1f, 0x8b, 8, 0]).contains("could not be unpacked"));
    assert!(fail("export.zip", b"PK\x03\x04....").contains("zip"));
    assert!(fail("a.fit", b"not a fit file at all").contains("FIT"));
    assert!(fail("notes.txt", b"hello").contains("none of them"));
    assert!(fail("a.xml", b"<html><body/></html>").contains("neither GPX nor TCX"));
    assert!(fail("backup.json", b"{\"version\":99}").contains("newer version"));
    // The content decides, whatever the name says.
    let gpx = parse_file("run.txt", gpx::tests::SAMPLE.as_bytes()).unwrap();
    assert_eq!(gpx.format, Format::Gpx);
    let tcx = parse_file("run.gpx", tcx::tests::SAMPLE.as_bytes()).unwrap();
    assert_eq!(tcx.format, Format::Tcx);
    let csv = parse_file("export", strava::tests::SAMPLE.as_bytes()).unwrap();
    assert_eq!(csv.format, Format::StravaCsv);
}

#[test]
fn text_in_utf16_or_with_a_bom_is_read() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in gpx::tests::SAMPLE.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let file = parse_file("run.gpx", &utf16).unwrap();
    assert_eq!(file.activities.len(), 1);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(strava::tests::SAMPLE.as_bytes());
    let file = parse_file("activities.csv", &bom).unwrap();
    assert_eq!(file.activities.len(), 3);
}

#[test]
fn a_backup_brings_its_journal() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v2.json"
    ));
    let file = parse_file("restride-backup.json", text.as_bytes()).unwrap();
    assert_eq!(file.format, Format::Backup);
    let journal = file.journal.unwrap();
    assert_eq!(journal.runs.len(), 1);
    assert_eq!(journal.massages.len(), 2);
    assert_eq!(journal.races.len(), 1);
    assert!(file.activities.is_empty());
    let broken = parse_file("b.json", br#"{"version":2,"runs":{}}"#).unwrap_err();
    assert!(
        broken.starts_with("This Restride backup cannot be read"),
        "{broken}"
    );
    let text = r#"{"version":2,"runs":[{"id":"a","date":"2026-11-20","distance_m":5000,"duration_s":1500,"type":"easy","rpe":3},{"id":"b"}]}"#;
    let partly = parse_file("b.json", text.as_bytes()).unwrap();
    assert_eq!(partly.journal.unwrap().runs.len(), 1);
    assert_eq!(partly.problems.len(), 1);
    assert_eq!(partly.problems[0].location, "run 2");
    assert!(
        partly.problems[0].reason.ends_with("; it was left out"),
        "{:?}",
        partly.problems
    );
}

#[test]
fn a_large_file_read_in_steps_gives_what_reading_it_at_once_gives() {
    let points: String = (0..5000)
        .map(|i| {
            format!(
                "<trkpt lat=\"{:.6}\" lon=\"13.4\"><ele>{}</ele><time>2026-11-20T06:{:02}:{:02}Z</time></trkpt>",
                52.0 + f64::from(i) * 0.00003,
                i % 7,
                i / 60 % 60,
                i % 60
            )
        })
        .collect();
    let gpx = format!("<gpx><trk><name>Long</name><trkseg>{points}</trkseg></trk></gpx>");
    let whole = parse_file("big.gpx", gpx.as_bytes()).unwrap();
    assert_eq!(whole.activities.len(), 1);
    let text = text_of(gpx.as_bytes());
    let mut reading = Reading::start("big.gpx", gpx.as_bytes(), &text);
    let (mut steps, mut last) = (0, 0);
    while !reading.step(1000) {
        steps += 1;
        let (at, all) = reading.progress();
        assert!(at > last && at < all, "{at} of {all} after {last}");
        last = at;
    }
    assert_eq!(reading.progress(), (text.len(), text.len()));
    // 5 000 points of 6 events each, 1 000 events a step.
    assert!(steps >= 29, "{steps}");
    assert_eq!(reading.finish().unwrap(), whole);
    // TCX the same way, one event at a time; other formats are read at once.
    let tcx = tcx::tests::SAMPLE;
    let mut reading = Reading::start("a.tcx", tcx.as_bytes(), tcx);
    while !reading.step(1) {}
    assert_eq!(reading.finish(), parse_file("a.tcx", tcx.as_bytes()));
    let csv = strava::tests::SAMPLE;
    assert!(Reading::start("a.csv", csv.as_bytes(), csv).step(0));
}

#[test]
fn a_file_too_large_is_refused_with_the_limit() {
    assert_eq!(too_large(MAX_FILE_BYTES), None);
    assert_eq!(
        too_large(MAX_FILE_BYTES + 1).unwrap(),
        "This file is 65 MB; Restride reads files up to 64 MB. Export a shorter period, or single activities."
    );
}

#[test]
fn names_are_plain_text() {
    assert_eq!(clean_name("  a\tb\r\nc\u{7}\rd "), "a b\nc\nd");
}

#[test]
fn climbing_ignores_noise_under_a_metre() {
    let mut climb = Climb::default();
    for e in [100.0, 100.6, 100.2, 100.9, 100.1] {
        climb.add(e);
    }
    assert_eq!(climb.total(), Some(0));
    let mut climb = Climb::default();
    // 100 → 103 in half metres: rises counted at 101, 102, 103 = 3 m; down to 99,
    // then 99.8 (under a metre, not counted).
    for e in [
        100.0, 100.5, 101.0, 101.5, 102.0, 102.5, 103.0, 101.0, 99.0, 99.8,
    ] {
        climb.add(e);
    }
    assert_eq!(climb.total(), Some(3));
    let mut one = Climb::default();
    one.add(5.0);
    one.add(f64::NAN);
    assert_eq!(one.total(), None);
}

#[test]
fn numbers_are_finite_whole_and_non_negative() {
    assert_eq!(whole(2.5), Some(3));
    assert_eq!(whole(-0.1), None);
    assert_eq!(whole(f64::NAN), None);
    assert_eq!(whole(5e9), None);
    assert_eq!(number(" 1e3 "), Some(1000.0));
    assert_eq!(number("inf"), None);
    assert_eq!(number("1,5"), None);
}

#[test]
fn a_gzip_file_holds_the_file_named_without_gz() {
    assert_eq!(name_inside_gzip("1001.fit.gz"), "1001.fit");
    assert_eq!(name_inside_gzip("Morning Run.GPX.GZ"), "Morning Run.GPX");
    // Not named .gz: the name stays, and the format comes from the unpacked bytes.
    assert_eq!(name_inside_gzip("upload.gpx"), "upload.gpx");
    assert_eq!(name_inside_gzip("gz"), "gz");
    assert_eq!(name_inside_gzip("é.gz"), "é");
    assert!(is_gzip(&[0x1f, 0x8b, 8, 0]));
    assert!(!is_gzip(b"<?xml"));
}
