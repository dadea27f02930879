use super::*;
use crate::domain::data::import::{parse_file, Format};
use crate::domain::record::massage::MassageKind;
use crate::domain::record::run::RunKind;
use crate::domain::record::settings::Unit;

fn activity(start: &str, distance_m: u32, moving_s: u32) -> Activity {
    Activity {
        start_utc: start.parse().unwrap(),
        distance_m,
        moving_s: Some(moving_s),
        elapsed_s: moving_s + 60,
        avg_hr: Some(150),
        elevation_gain_m: Some(40),
        name: "Lunch run".into(),
        kind: RunKind::Easy,
        location: "row 2".into(),
        strava_id: None,
        file_ref: None,
    }
}

fn file(name: &str, activities: Vec<Activity>) -> ParsedFile {
    ParsedFile {
        file_name: name.into(),
        format: Format::StravaCsv,
        activities,
        journal: None,
        problems: Vec::new(),
        other_sports: Vec::new(),
    }
}

fn logged(id: &str, date: &str, time: Option<&str>, distance_m: u32) -> Run {
    Run {
        id: id.into(),
        start_time: time.map(|t| t.parse().unwrap()),
        distance_m,
        ..Run::sample(date, 50, 5, 10)
    }
}

fn ids(i: usize) -> String {
    format!("imp-{i}")
}

#[test]
fn an_activity_becomes_a_run_in_local_time() {
    let files = [file(
        "a.csv",
        vec![activity("2026-11-20T06:45:12", 10_000, 3000)],
    )];
    let p = preview(&Journal::default(), &files, 6, 60, ids);
    assert_eq!(p.new_runs.len(), 1);
    let run = &p.new_runs[0];
    assert_eq!(run.id, "imp-0");
    assert_eq!(run.date, "2026-11-20".parse().unwrap());
    assert_eq!(run.start_time, Some("07:45:12".parse().unwrap()));
    assert_eq!((run.distance_m, run.duration_s, run.rpe), (10_000, 3000, 6));
    assert_eq!((run.avg_hr, run.elevation_gain_m), (Some(150), Some(40)));
    assert_eq!(run.notes, "Lunch run");
    assert_eq!(run.kind, RunKind::Easy);
    assert!(run.soreness.is_empty() && run.race_id.is_none());
}

#[test]
fn an_offset_can_cross_midnight_either_way() {
    let files = [file(
        "a.csv",
        vec![
            activity("2026-11-22T23:30:00", 10_000, 3000),
            activity("2026-11-24T00:30:00", 10_000, 3000),
        ],
    )];
    let east = preview(&Journal::default(), &files, 5, 60, ids);
    assert_eq!(east.new_runs[0].date, "2026-11-23".parse().unwrap());
    assert_eq!(
        east.new_runs[0].start_time,
        Some("00:30:00".parse().unwrap())
    );
    let west = preview(&Journal::default(), &files, 5, -120, ids);
    assert_eq!(west.new_runs[1].date, "2026-11-23".parse().unwrap());
    assert_eq!(
        west.new_runs[1].start_time,
        Some("22:30:00".parse().unwrap())
    );
    // Summer time: an offset per start time.
    let dst = preview_with_offsets(
        &Journal::default(),
        &files,
        5,
        |t| {
            if t.date() < "2026-11-23".parse().unwrap() {
                120
            } else {
                60
            }
        },
        ids,
    );
    assert_eq!(
        dst.new_runs[0].start_time,
        Some("01:30:00".parse().unwrap())
    );
    assert_eq!(
        dst.new_runs[1].start_time,
        Some("01:30:00".parse().unwrap())
    );
    let absurd = preview(&Journal::default(), &files, 5, i32::MAX, ids);
    assert_eq!(absurd.rejected.len(), 2);
}

#[test]
fn moving_time_when_given_else_elapsed() {
    let mut a = activity("2026-11-20T06:45:12", 10_000, 3000);
    a.moving_s = None;
    let mut zero = a.clone();
    zero.moving_s = Some(0);
    let p = preview(&Journal::default(), &[file("a", vec![a, zero])], 5, 0, ids);
    assert_eq!(p.new_runs[0].duration_s, 3060);
    assert_eq!(p.duplicates[0].run.duration_s, 3060);
}

#[test]
fn the_same_activity_within_two_minutes_and_five_percent() {
    // Logged runs: 10 km in 50:00 at 07:45:12, and 8 km in 50:00 without a start time.
    let journal = Journal {
        runs: vec![
            logged("timed", "2026-11-20", Some("07:45:12"), 10_000),
            logged("untimed", "2026-11-21", None, 8_000),
        ],
        ..Journal::default()
    };
    let files = [file(
        "a.csv",
        vec![
            // 120 s later, 5 % longer (10 500 − 10 000 = 500 = 5 % of 10 500 is 525: in),
            // 2 900 s (100 s = 3.3 % of 3 000): the same.
            activity("2026-11-20T06:47:12", 10_500, 2900),
            // 121 s earlier: new.
            activity("2026-11-20T06:43:11", 10_000, 3000),
            // Same start, 5.3 % shorter (9 470: 530 > 5 % of 10 000 = 500): new.
            activity("2026-11-20T06:45:12", 9_470, 3000),
            // Same start and distance, 6 % shorter in time (2 820: 180 > 150): new.
            activity("2026-11-20T06:45:12", 10_000, 2820),
            // The logged run has no start time: the same date, 1.5 % and 2 % are enough.
            activity("2026-11-21T17:00:00", 8_120, 2940),
            // Another day: new.
            activity("2026-11-22T06:00:00", 8_000, 3000),
        ],
    )];
    let p = preview(&journal, &files, 5, 60, ids);
    let dups: Vec<(&str, &str)> = p
        .duplicates
        .iter()
        .map(|d| (d.run.id.as_str(), d.of.as_str()))
        .collect();
    // imp-2 and imp-3 both start with imp-1's minute... imp-2 is 5.3 % shorter than
    // imp-1 (new), imp-3 is imp-1's distance in 6 % less time (new).
    assert_eq!(dups, [("imp-0", "timed"), ("imp-4", "untimed")]);
    let new: Vec<&str> = p.new_runs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(new, ["imp-1", "imp-2", "imp-3", "imp-5"]);
}

#[test]
fn the_same_run_in_two_files_comes_in_once() {
    let gpx = parse_file(
        "run.gpx",
        crate::domain::data::import::gpx::tests::SAMPLE.as_bytes(),
    )
    .unwrap();
    let mut again = gpx.clone();
    again.file_name = "copy.gpx".into();
    let p = preview(&Journal::default(), &[gpx, again], 5, 0, ids);
    assert_eq!(p.new_runs.len(), 1);
    assert_eq!(p.duplicates.len(), 1);
    assert_eq!(p.duplicates[0].of, "imp-0");
}

#[test]
fn invalid_runs_are_rejected_with_the_reason() {
    let mut hr_low = activity("2026-11-20T06:00:00", 10_000, 3000);
    hr_low.avg_hr = Some(25);
    let mut hr_high = hr_low.clone();
    hr_high.avg_hr = Some(231);
    let mut no_time = activity("2026-11-20T06:00:00", 10_000, 0);
    no_time.elapsed_s = 0;
    let mut old = activity("1969-12-31T23:00:00", 10_000, 3000);
    old.location = "trkpt 1".into();
    let files = [file(
        "a.csv",
        vec![
            activity("2026-11-20T06:00:00", 0, 3000),
            no_time,
            activity("2026-11-20T06:00:00", 10_000, 1400),
            activity("2026-11-20T06:00:00", 1_000, 1801),
            hr_low,
            hr_high,
            old,
            activity("2026-11-20T06:00:00", 10_000, 1500),
            activity("2026-11-20T06:00:00", 1_000_001, 500_000),
        ],
    )];
    let p = preview(&Journal::default(), &files, 5, 0, ids);
    let reasons: Vec<&str> = p
        .rejected
        .iter()
        .map(|(_, problem)| problem.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "its distance is 0",
            "its duration is 0",
            "its pace, 2:20 /km, is faster than 2:30 /km: faster than any world record",
            "its pace, 30:01 /km, is slower than 30:00 /km: slower than walking",
            "its average heart rate, 25, is outside 30–230",
            "its average heart rate, 231, is outside 30–230",
            "its date, 1969-12-31, is before 1970",
            "its distance is over 1000 km, longer than any single run",
        ]
    );
    assert_eq!(p.rejected[0].0, "a.csv");
    assert_eq!(p.rejected[6].1.location, "trkpt 1");
    assert_eq!(p.new_runs.len(), 1, "2:30 /km exactly is allowed");
    let miles = Journal {
        settings: crate::domain::record::settings::Settings {
            unit: Unit::Mi,
            ..Default::default()
        },
        ..Journal::default()
    };
    let p = preview(&miles, &files[..], 5, 0, ids);
    assert!(
        p.rejected[2]
            .1
            .reason
            .starts_with("its pace, 3:45 /mi, is faster than 4:01 /mi"),
        "{:?}",
        p.rejected[2]
    );
}

#[test]
fn the_batch_rpe_is_on_the_scale_and_long_names_are_cut() {
    let mut a = activity("2026-11-20T06:00:00", 10_000, 3000);
    a.name = "x".repeat(NOTES_MAX_CHARS + 5);
    let p = preview(&Journal::default(), &[file("a", vec![a])], 0, 0, ids);
    assert_eq!(p.new_runs[0].rpe, 1);
    assert_eq!(p.new_runs[0].notes.chars().count(), NOTES_MAX_CHARS);
    let p = preview(&Journal::default(), &[file("a", vec![])], 99, 0, ids);
    assert!(p.new_runs.is_empty());
}

fn backup_file(journal: Journal) -> ParsedFile {
    ParsedFile {
        format: Format::Backup,
        journal: Some(journal),
        ..file("backup.json", Vec::new())
    }
}

#[test]
fn a_backup_brings_records_with_their_ids_and_rpe() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v2.json"
    ));
    let backup = parse_file("backup.json", text.as_bytes()).unwrap();
    let mut journal = Journal::default();
    journal.save_massage(
        Massage::sample("2026-11-01", MassageKind::SelfMassage, false),
        5,
    );
    journal.massages[0].id = "m1".into();
    let p = preview(&journal, std::slice::from_ref(&backup), 3, 0, ids);
    assert_eq!(p.new_runs.len(), 1);
    assert_eq!((p.new_runs[0].id.as_str(), p.new_runs[0].rpe), ("a1", 9));
    let massages: Vec<&str> = p.new_massages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(massages, ["m2"]);
    assert_eq!(p.duplicate_massages[0].id, "m1");
    assert_eq!(p.new_races[0].id, "r1");
    assert_eq!(p.reminder_states.len(), 2);
    // Imported twice in one batch: the second copy is all duplicates.
    let twice = preview(&Journal::default(), &[backup.clone(), backup], 3, 0, ids);
    assert_eq!((twice.new_runs.len(), twice.duplicates.len()), (1, 1));
    assert_eq!(
        (twice.new_massages.len(), twice.duplicate_massages.len()),
        (2, 2)
    );
    assert_eq!((twice.new_races.len(), twice.duplicate_races.len()), (1, 1));
}

#[test]
fn a_backup_run_whose_id_exists_is_a_duplicate_however_different() {
    let journal = Journal {
        runs: vec![logged("a1", "2020-01-01", None, 3000)],
        ..Journal::default()
    };
    let backup = Journal {
        runs: vec![logged("a1", "2026-11-20", Some("07:00:00"), 10_000)],
        ..Journal::default()
    };
    let p = preview(&journal, &[backup_file(backup)], 3, 0, ids);
    assert_eq!(p.duplicates[0].of, "a1");
    // A backup record is judged as a stored one: no time at all is refused.
    let mut wrong = logged("z", "2026-11-20", None, 10_000);
    wrong.duration_s = 0;
    let p = preview(
        &Journal::default(),
        &[backup_file(Journal {
            runs: vec![wrong],
            ..Journal::default()
        })],
        3,
        0,
        ids,
    );
    assert_eq!(p.rejected[0].1.location, "run 1");
}

#[test]
fn merge_adds_and_replace_starts_over_with_the_backups_settings() {
    let settings = crate::domain::record::settings::Settings {
        unit: Unit::Mi,
        ..Default::default()
    };
    let journal = Journal {
        settings,
        runs: vec![
            logged("old", "2026-11-01", None, 5000),
            logged("timed", "2026-11-20", Some("07:45:12"), 10_000),
        ],
        massages: vec![Massage::sample(
            "2026-11-02",
            MassageKind::FoamRolling,
            false,
        )],
        ..Journal::default()
    };
    let files = [
        file(
            "a.csv",
            vec![
                activity("2026-11-20T06:45:30", 10_050, 3000),
                activity("2026-11-22T06:00:00", 8_000, 2400),
                activity("2026-11-22T06:00:20", 8_000, 2400),
            ],
        ),
        backup_file(Journal {
            massages: vec![Massage::sample(
                "2026-11-21",
                MassageKind::Professional,
                true,
            )],
            ..Journal::default()
        }),
    ];
    let p = preview(&journal, &files, 4, 60, ids);
    assert_eq!(p.new_runs.len(), 1);
    assert_eq!(p.duplicates.len(), 2);

    let merged = merge(&journal, &p, 1000);
    let ids_of = |j: &Journal| j.runs.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids_of(&merged), ["old", "timed", "imp-1"]);
    assert_eq!(merged.run("imp-1").unwrap().updated_ms, 1000);
    assert_eq!(merged.massages.len(), 2);
    assert_eq!(merged.settings, journal.settings);

    let replaced = replace(&journal, &p, 2000);
    // The imported copy of "timed" stays; the batch's own duplicate (imp-2) does not.
    assert_eq!(ids_of(&replaced), ["imp-1", "imp-0"]);
    assert_eq!(replaced.massages.len(), 1);
    assert_eq!(replaced.massages[0].kind, MassageKind::Professional);
    // The backup's settings come with it (its default km over the journal's mi).
    assert_eq!(replaced.settings.unit, Unit::Km);
    assert_eq!(replaced.settings_ms, 2000);
    assert!(replaced.runs.iter().all(|r| r.updated_ms == 2000));
    // Old records leave tombstones so another tab's copy cannot bring them back.
    assert_eq!(replaced.deleted.get("run:old"), Some(&2000));
    let other_tab = Journal::merged(&journal, &replaced);
    assert_eq!(
        ids_of(&other_tab),
        ["imp-0", "imp-1"],
        "merged copies are in id order"
    );
}

#[test]
fn a_backup_is_restored_by_identity_two_alike_runs_stay_two() {
    // Two runs on one day without a start time, 5.00 and 5.05 km: alike, but two records.
    let mut backup = Journal::default();
    for (id, metres) in [("a", 5000), ("b", 5050)] {
        let mut run = Run::sample("2026-11-20", 30, 4, 5);
        run.id = id.into();
        run.distance_m = metres;
        backup.runs.push(run);
    }
    // An implausible pace an older version let through is restored too, not rejected.
    let mut fast = Run::sample("2026-11-21", 10, 4, 10);
    fast.id = "fast".into();
    backup.runs.push(fast);
    let text = crate::domain::data::envelope::encode(&backup);
    let file = parse_file("backup.json", text.as_bytes()).unwrap();
    let empty = Journal::default();
    let p = preview(&empty, std::slice::from_ref(&file), 4, 0, |i| {
        format!("n{i}")
    });
    assert_eq!(p.new_runs.len(), 3, "{:?}", p.duplicates);
    assert!(p.duplicates.is_empty() && p.rejected.is_empty());
    let restored = merge(&empty, &p, 1);
    assert_eq!(restored.runs.len(), 3);
    // Replacing with the same backup keeps exactly its records.
    let again = preview(&restored, std::slice::from_ref(&file), 4, 0, |i| {
        format!("n{i}")
    });
    let replaced = replace(&restored, &again, 2);
    let mut ids: Vec<&str> = replaced.runs.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["a", "b", "fast"]);
}

#[test]
fn a_backup_adds_updates_the_older_copies_and_leaves_the_rest_as_they_are() {
    let saved = |id: &str, km: u32, at: u64| Run {
        id: id.into(),
        updated_ms: at,
        ..Run::sample("2026-11-20", 50, 4, km)
    };
    let journal = Journal {
        runs: vec![saved("a", 10, 5), saved("c", 8, 7)],
        ..Journal::default()
    };
    // The backup has "a" saved later (12 km now), "c" as it is, and a new "b".
    let backup = Journal {
        runs: vec![saved("a", 12, 9), saved("b", 6, 3), saved("c", 8, 7)],
        ..Journal::default()
    };
    let p = preview(&journal, &[backup_file(backup)], 3, 0, ids);
    assert_eq!(p.merge_words(), "1 added, 1 updated, 1 unchanged.");
    let merged = merge(&journal, &p, 100);
    assert_eq!(merged.run("a").unwrap().distance_m, 12_000);
    assert_eq!(merged.run("b").unwrap().distance_m, 6_000);
    assert_eq!(merged.runs.len(), 3);
    // An older copy in the backup changes nothing.
    let older = Journal {
        runs: vec![saved("a", 3, 1)],
        ..Journal::default()
    };
    let p = preview(&journal, &[backup_file(older)], 3, 0, ids);
    assert_eq!(p.merge_words(), "0 added, 0 updated, 1 unchanged.");
    assert_eq!(
        merge(&journal, &p, 100).run("a").unwrap().distance_m,
        10_000
    );
}
