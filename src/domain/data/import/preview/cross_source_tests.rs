//! One activity, one run, whatever the source: real-shaped FIT, TCX, GPX and Strava CSV
//! files of the same runs, read by the real readers, then previewed together.

use super::*;
use crate::domain::data::import::{fit, parse_file, strava, tcx, OtherSport};
use crate::domain::record::reminder_settings::ReminderSettings;
use crate::domain::record::run::RunKind;
use proptest::prelude::*;

fn ids(i: usize) -> String {
    format!("imp-{i}")
}

/// A GPX track due north from 52.52 N: a point every 10 s at `speed` m/s for `steps`
/// steps. Along a meridian the haversine distance is exactly R × Δφ, so the track is
/// `steps × 10 × speed` metres long and moving the whole time.
fn gpx(start: &str, steps: u32, speed: f64) -> String {
    let start: NaiveDateTime = start.parse().unwrap();
    let step_deg = (10.0 * speed / gpx_radius()).to_degrees();
    let points: String = (0..=steps)
        .map(|i| {
            let at = start + TimeDelta::seconds(i64::from(i) * 10);
            let lat = 52.52 + step_deg * f64::from(i);
            format!(
                "<trkpt lat=\"{lat:.9}\" lon=\"13.405\"><time>{}Z</time></trkpt>",
                at.format("%Y-%m-%dT%H:%M:%S")
            )
        })
        .collect();
    format!(
        "<gpx><trk><name>Lunch run</name><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    )
}

fn gpx_radius() -> f64 {
    6_371_008.8
}

fn read(name: &str, bytes: &[u8]) -> ParsedFile {
    parse_file(name, bytes).unwrap()
}

fn outcomes(p: &Preview) -> Vec<(String, Outcome)> {
    p.files
        .iter()
        .flat_map(|f| {
            f.lines
                .iter()
                .map(move |l| (format!("{} {}", f.file_name, l.location), l.outcome.clone()))
        })
        .collect()
}

#[test]
fn a_strava_row_and_its_fit_file_are_one_run_the_fit_kept() {
    // Row 2 of the sample names activities/1001.fit.gz: 06:45:12, 10 021 m, 3 000 s. The
    // FIT sample is that run as the watch saw it: 10 020 m, timer 3 000 s, a trail run.
    let csv = read("activities.csv", strava::tests::SAMPLE.as_bytes());
    let watch = read("1001.fit", &fit::tests::sample(false, 14));
    for batch in [[csv.clone(), watch.clone()], [watch.clone(), csv.clone()]] {
        let p = preview(&Journal::default(), &batch, 4, 0, ids);
        let on_the_20th: Vec<&Run> = p
            .new_runs
            .iter()
            .filter(|r| r.date.to_string() == "2026-11-20")
            .collect();
        assert_eq!(on_the_20th.len(), 1, "{:?}", p.new_runs);
        assert_eq!(on_the_20th[0].distance_m, 10_020, "the FIT's distance");
        assert_eq!(on_the_20th[0].kind, RunKind::Trail, "the FIT's sub-sport");
        let said = outcomes(&p);
        assert!(
            said.contains(&(
                "activities.csv row 2".into(),
                Outcome::SameAs("1001.fit".into())
            )),
            "{said:?}"
        );
        assert!(
            said.contains(&("1001.fit record 7".into(), Outcome::New)),
            "{said:?}"
        );
        // The ride is named with its sport, and the trail and virtual runs come in.
        assert!(said.contains(&(
            "activities.csv row 3".into(),
            Outcome::OtherSport("Ride".into())
        )));
        assert_eq!(p.new_runs.len(), 3);
        assert_eq!(p.duplicates.len(), 1);
    }
}

#[test]
fn the_strava_activity_id_names_a_file_even_when_the_times_disagree() {
    // The GPX of activity 1001 starts 10 minutes after the row says: too far to look
    // alike, but named by the row's activity id.
    let csv = read("activities.csv", strava::tests::SAMPLE.as_bytes());
    let track = read("1001.gpx", gpx("2026-11-20T06:55:12", 300, 3.34).as_bytes());
    let p = preview(&Journal::default(), &[csv, track.clone()], 4, 0, ids);
    let said = outcomes(&p);
    assert!(
        said.contains(&(
            "activities.csv row 2".into(),
            Outcome::SameAs("1001.gpx".into())
        )),
        "{said:?}"
    );
    // Named otherwise, the same GPX is a run of its own.
    let csv = read("activities.csv", strava::tests::SAMPLE.as_bytes());
    let renamed = ParsedFile {
        file_name: "lunch.gpx".into(),
        ..track
    };
    let p = preview(&Journal::default(), &[csv, renamed], 4, 0, ids);
    assert_eq!(p.new_runs.len(), 4);
}

#[test]
fn a_tcx_and_a_gpx_of_one_run_are_one_run_the_tcx_kept() {
    // The TCX sample: 07:00:00, 2 251 m, timer 630 s. The phone's GPX of it starts a
    // minute later: 64 steps of 34.375 m = 2 200 m (2.3 % shorter) in 640 s (1.6 %).
    let laps = read("watch.tcx", tcx::tests::SAMPLE.as_bytes());
    let phone = read(
        "phone.gpx",
        gpx("2026-11-20T07:01:00", 64, 3.4375).as_bytes(),
    );
    assert_eq!(phone.activities[0].distance_m, 2_200);
    assert_eq!(phone.activities[0].moving_s, Some(640));
    for batch in [[laps.clone(), phone.clone()], [phone.clone(), laps.clone()]] {
        let p = preview(&Journal::default(), &batch, 4, 0, ids);
        assert_eq!(p.new_runs.len(), 1);
        assert_eq!(
            (p.new_runs[0].distance_m, p.new_runs[0].duration_s),
            (2_251, 630)
        );
        let said = outcomes(&p);
        assert!(
            said.contains(&(
                "phone.gpx track 1".into(),
                Outcome::SameAs("watch.tcx".into())
            )),
            "{said:?}"
        );
    }
    // Already in the journal: the same files are "already here", whichever came first.
    let journal = Journal {
        runs: vec![p_run(&laps)],
        ..Journal::default()
    };
    let p = preview(&journal, &[phone], 4, 0, ids);
    assert_eq!(
        outcomes(&p),
        [("phone.gpx track 1".to_string(), Outcome::AlreadyHere)]
    );
}

fn p_run(file: &ParsedFile) -> Run {
    preview(
        &Journal::default(),
        std::slice::from_ref(file),
        4,
        0,
        |_| "stored".into(),
    )
    .new_runs
    .remove(0)
}

#[test]
fn a_copy_that_matches_only_a_superseded_copy_finds_the_run_kept_for_it() {
    // The row names 1001.gpx; the watch's FIT looks like the row and takes its place; then
    // Strava's 1001.gpx, ten minutes off, matches only the row: still one run, the FIT's.
    let csv = strava::tests::SAMPLE.replace("activities/1001.fit.gz", "activities/1001.gpx");
    let csv = read("activities.csv", csv.as_bytes());
    let watch = read("watch.fit", &fit::tests::sample(false, 14));
    let track = read("1001.gpx", gpx("2026-11-20T06:55:12", 300, 3.34).as_bytes());
    let p = preview(&Journal::default(), &[csv, watch, track], 4, 0, ids);
    let said = outcomes(&p);
    assert!(
        said.contains(&(
            "1001.gpx track 1".into(),
            Outcome::SameAs("watch.fit".into())
        )),
        "{said:?}"
    );
    assert_eq!(
        p.new_runs.len(),
        3,
        "the FIT's run, the trail run and the virtual run"
    );
}

#[test]
fn a_name_alone_does_not_join_runs_of_different_days() {
    // A file from another service named like a Strava activity id, a week later.
    let csv = read("activities.csv", strava::tests::SAMPLE.as_bytes());
    let other = read("1001.gpx", gpx("2026-11-27T06:45:12", 300, 3.34).as_bytes());
    let p = preview(&Journal::default(), &[csv, other], 4, 0, ids);
    assert_eq!(p.new_runs.len(), 4);
}

#[test]
fn an_activity_before_a_backup_of_the_same_run_is_that_run_in_either_order() {
    // The backup holds the watch's run under its own id, saved by Restride.
    let watch = read("2026-11-20.fit", &fit::tests::sample(false, 14));
    let stored = Run {
        id: "mine".into(),
        updated_ms: 7,
        ..p_run(&watch)
    };
    let backup_text = crate::domain::data::envelope::encode(&Journal {
        runs: vec![stored],
        ..Journal::default()
    });
    let backup = read("restride-backup.json", backup_text.as_bytes());
    for batch in [
        [watch.clone(), backup.clone()],
        [backup.clone(), watch.clone()],
    ] {
        let p = preview(&Journal::default(), &batch, 4, 0, ids);
        let new: Vec<&str> = p.new_runs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(new, ["mine"], "{:?}", p.duplicates);
        let said = outcomes(&p);
        assert!(
            said.contains(&(
                "2026-11-20.fit record 7".into(),
                Outcome::SameAs("restride-backup.json".into())
            )),
            "{said:?}"
        );
    }
}

#[test]
fn two_runs_on_one_day_at_different_times_stay_two() {
    let morning = read(
        "morning.gpx",
        gpx("2026-11-20T07:00:00", 64, 3.4375).as_bytes(),
    );
    let evening = read(
        "evening.gpx",
        gpx("2026-11-20T17:00:00", 64, 3.4375).as_bytes(),
    );
    let p = preview(&Journal::default(), &[morning, evening], 4, 0, ids);
    assert_eq!(p.new_runs.len(), 2);
}

#[test]
fn a_type_a_runner_would_pick() {
    let activity = |name: &str, kind: RunKind| Activity {
        start_utc: "2026-11-20T07:00:00".parse().unwrap(),
        distance_m: 10_000,
        moving_s: Some(3000),
        elapsed_s: 3000,
        avg_hr: None,
        elevation_gain_m: None,
        name: name.into(),
        kind,
        location: "row 2".into(),
        strava_id: None,
        file_ref: None,
    };
    let kind = |name: &str, from_file: RunKind, minutes: u32| {
        default_kind(
            &activity(name, from_file),
            minutes * 60,
            &ReminderSettings::default(),
        )
    };
    assert_eq!(kind("Lakeside Marathon", RunKind::Easy, 200), RunKind::Race);
    assert_eq!(kind("Saturday parkrun", RunKind::Easy, 20), RunKind::Race);
    assert_eq!(kind("City 10K race", RunKind::Trail, 40), RunKind::Race);
    assert_eq!(kind("Marathon pace run", RunKind::Easy, 60), RunKind::Easy);
    assert_eq!(
        kind("Race pace intervals", RunKind::Easy, 50),
        RunKind::Easy
    );
    assert_eq!(kind("Morning run", RunKind::Trail, 50), RunKind::Trail);
    assert_eq!(kind("Treadmill", RunKind::Easy, 40), RunKind::Other);
    assert_eq!(kind("", RunKind::Other, 40), RunKind::Other);
    // The runner's long-run threshold (90 minutes here), not a fixed distance.
    assert_eq!(kind("Sunday", RunKind::Easy, 90), RunKind::Long);
    assert_eq!(kind("Sunday", RunKind::Easy, 89), RunKind::Easy);
    assert_eq!(
        kind("Mountain 100 miler", RunKind::Trail, 1500),
        RunKind::Trail
    );
    assert_eq!(kind("Long one", RunKind::Easy, 1500), RunKind::Long);
}

prop_compose! {
    fn an_activity()(minute in 0i64..3000, km_tenths in 0u32..300, minutes in 0u32..200, hr in 0u16..260)
        -> Activity {
        Activity {
            start_utc: "2026-11-01T06:00:00".parse::<NaiveDateTime>().unwrap() + TimeDelta::minutes(minute * 7),
            distance_m: km_tenths * 100,
            moving_s: Some(minutes * 60),
            elapsed_s: minutes * 60,
            avg_hr: (hr > 0).then_some(hr),
            elevation_gain_m: None,
            name: String::new(),
            kind: RunKind::Easy,
            location: format!("row {minute}"),
            strava_id: None,
            file_ref: None,
        }
    }
}

prop_compose! {
    fn a_file()(activities in prop::collection::vec(an_activity(), 0..6), rides in 0usize..3, format in 0u8..4)
        -> ParsedFile {
        ParsedFile {
            file_name: format!("f{format}-{}.x", activities.len()),
            format: [Format::StravaCsv, Format::Gpx, Format::Tcx, Format::Fit][usize::from(format)],
            activities,
            journal: None,
            problems: Vec::new(),
            other_sports: (0..rides)
                .map(|i| OtherSport { location: format!("row {i}"), sport: "Ride".into(), name: String::new() })
                .collect(),
        }
    }
}

proptest! {
    /// Every activity and every left-out sport has one line; the lines' outcomes are the
    /// preview's lists; and the summary's files add up to the files picked.
    #[test]
    fn the_preview_counts_add_up(files in prop::collection::vec(a_file(), 0..6), stored in prop::collection::vec(an_activity(), 0..4)) {
        let journal_file = ParsedFile { file_name: "stored".into(), format: Format::Fit, activities: stored, journal: None, problems: Vec::new(), other_sports: Vec::new() };
        let journal = merge(&Journal::default(), &preview(&Journal::default(), &[journal_file], 4, 0, |i| format!("s-{i}")), 1);
        let p = preview(&journal, &files, 4, 0, ids);
        let activities: usize = files.iter().map(|f| f.activities.len()).sum();
        let others: usize = files.iter().map(|f| f.other_sports.len()).sum();
        let lines: Vec<&Line> = p.files.iter().flat_map(|f| &f.lines).collect();
        prop_assert_eq!(lines.len(), activities + others);
        let count = |f: fn(&Outcome) -> bool| lines.iter().filter(|l| f(&l.outcome)).count();
        prop_assert_eq!(count(|o| *o == Outcome::New), p.new_runs.len());
        prop_assert_eq!(count(|o| matches!(o, Outcome::AlreadyHere | Outcome::SameAs(_))), p.duplicates.len());
        prop_assert_eq!(count(|o| matches!(o, Outcome::Rejected(_))), p.rejected.len());
        prop_assert_eq!(count(|o| matches!(o, Outcome::OtherSport(_))), p.skipped_other_sports);
        let s = p.summary(2);
        prop_assert_eq!(s.new_runs + s.already_here + s.rejected + s.other_sports, activities + others);
        let bringing = p.files.iter().filter(|f| f.brings_something()).count();
        prop_assert_eq!(s.files_with_nothing + bringing, files.len() + 2);
        // A same-as line names a file of the batch that brings that run.
        for line in &lines {
            if let Outcome::SameAs(name) = &line.outcome {
                prop_assert!(p.files.iter().any(|f| &f.file_name == name && f.lines.iter().any(|l| l.outcome == Outcome::New)));
            }
        }
        // No two new runs are the same activity.
        for (i, a) in p.new_runs.iter().enumerate() {
            for b in &p.new_runs[i + 1..] {
                prop_assert!(!same_run(a, b), "{:?} {:?}", a, b);
            }
        }
    }
}
