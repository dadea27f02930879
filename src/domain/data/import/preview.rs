//! From read files to runs for this journal, before anything is saved: which are new,
//! which the journal (or the batch) already has, and which would be invalid runs.

use super::{Activity, ParsedFile, Problem};
use crate::domain::input::run_draft::{
    EARLIEST_DATE, FASTEST_PLAUSIBLE_S_PER_KM, HEART_RATE_RANGE,
    HIGHEST_PLAUSIBLE_ELEVATION_GAIN_M, LONGEST_PLAUSIBLE_DISTANCE_M, NOTES_MAX_CHARS,
    SLOWEST_PLAUSIBLE_S_PER_KM,
};
use crate::domain::input::units::format_pace;
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::{Massage, Race};
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::{Run, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::record::settings::Unit;
use chrono::{NaiveDateTime, TimeDelta};
use std::collections::BTreeMap;

/// Two runs starting this close (in seconds) may be the same run…
pub const DUPLICATE_WINDOW_S: i64 = 60;
/// …if their distances differ by at most this share of the longer one (2 %).
pub const DUPLICATE_DISTANCE_FRACTION: (u64, u64) = (2, 100);

/// Time zones lie within 18 hours of UTC.
pub const MAX_UTC_OFFSET_MINUTES: u32 = 18 * 60;

/// A run the journal (or an earlier file of the batch) already has.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub run: Run,
    /// The id of the run it duplicates: in the journal, or earlier in the batch.
    pub of: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub new_runs: Vec<Run>,
    pub duplicates: Vec<Duplicate>,
    /// Activities and backup runs that would be invalid runs, by file, with the reason.
    /// (What a file could not read at all is in its `ParsedFile::problems`.)
    pub rejected: Vec<(String, Problem)>,
    pub new_massages: Vec<Massage>,
    pub new_races: Vec<Race>,
    /// Backup massages and races whose id the journal (or the batch) already has.
    pub duplicate_massages: Vec<Massage>,
    pub duplicate_races: Vec<Race>,
    /// What the runner did with reminders, from backups (the first backup wins).
    pub reminder_states: BTreeMap<String, ReminderDecision>,
    /// Activities of other sports left out, over all files.
    pub skipped_other_sports: usize,
    /// The settings of the first backup: what "replace" restores.
    pub settings: Option<crate::domain::record::settings::Settings>,
}

impl Preview {
    /// Whether there is anything to add (replacing with nothing would only delete).
    pub fn is_empty(&self) -> bool {
        self.new_runs.is_empty()
            && self.new_massages.is_empty()
            && self.new_races.is_empty()
            && self.duplicates.is_empty()
            && self.duplicate_massages.is_empty()
            && self.duplicate_races.is_empty()
    }
}

/// Turns parsed files into runs for this journal:
/// - local date and time = `start_utc` + `utc_offset_minutes` (one offset for the batch;
///   `preview_with_offsets` takes the offset per start time, e.g. for summer time);
/// - duration = the moving time if the file gives one above 0, else the elapsed time;
/// - rpe = the one RPE asked for the batch (brought into 1–10); notes = the activity name;
/// - ids from `new_id(index)`, `index` counting the activities of all files in order from
///   0 (rejected ones too), so the same batch always gets the same ids;
/// - backup runs, massages and races keep their ids and values (runs their own RPE).
///
/// A duplicate starts within a minute of a run already in the journal or earlier in the
/// batch and its distance is within 2 % of the longer of the two; when either run has no
/// start time, the same date and distance within 2 % is enough. A backup record whose id
/// the journal or the batch already has is a duplicate too.
///
/// Activities that would make an invalid run (distance 0 or over 1000 km, duration 0, a
/// pace faster than 2:30 /km or slower than 30:00 /km, heart rate outside 30–230,
/// elevation gain over 20 000 m, a date before 1970) are rejected with the reason.
pub fn preview(
    journal: &Journal,
    files: &[ParsedFile],
    rpe: u8,
    utc_offset_minutes: i32,
    new_id: impl Fn(usize) -> String,
) -> Preview {
    preview_with_offsets(journal, files, rpe, |_| utc_offset_minutes, new_id)
}

/// `preview` with the runner's UTC offset (minutes, east positive) at each start time.
pub fn preview_with_offsets(
    journal: &Journal,
    files: &[ParsedFile],
    rpe: u8,
    offset_at: impl Fn(NaiveDateTime) -> i32,
    new_id: impl Fn(usize) -> String,
) -> Preview {
    let rpe = rpe.clamp(RPE_MIN, RPE_MAX);
    let unit = journal.settings.unit;
    let mut preview = Preview::default();
    let mut index = 0usize;
    for file in files {
        preview.skipped_other_sports += file.skipped_other_sports;
        let mut reject = |location: &str, reason: String| {
            let problem = Problem::new(location, reason);
            preview.rejected.push((file.file_name.clone(), problem));
        };
        let mut runs = Vec::new();
        for activity in &file.activities {
            let id = new_id(index);
            index += 1;
            let run = to_run(activity, id, rpe, offset_at(activity.start_utc));
            match run.and_then(|run| check_run(&run, unit).map(|()| run)) {
                Ok(run) => runs.push(run),
                Err(reason) => reject(&activity.location, reason),
            }
        }
        if let Some(backup) = &file.journal {
            for (i, run) in backup.runs.iter().enumerate() {
                match check_run(run, unit) {
                    Ok(()) => runs.push(run.clone()),
                    Err(reason) => reject(&format!("run {}", i + 1), reason),
                }
            }
        }
        for run in runs {
            place(journal, &mut preview, run);
        }
        if let Some(backup) = &file.journal {
            for massage in &backup.massages {
                let known = journal.massage(&massage.id).is_some()
                    || preview.new_massages.iter().any(|m| m.id == massage.id);
                let list = if known {
                    &mut preview.duplicate_massages
                } else {
                    &mut preview.new_massages
                };
                list.push(massage.clone());
            }
            for race in &backup.races {
                let known = journal.race(&race.id).is_some()
                    || preview.new_races.iter().any(|r| r.id == race.id);
                let list = if known {
                    &mut preview.duplicate_races
                } else {
                    &mut preview.new_races
                };
                list.push(race.clone());
            }
            if preview.settings.is_none() {
                preview.settings = Some(backup.settings);
            }
            for (id, state) in &backup.reminder_states {
                preview.reminder_states.entry(id.clone()).or_insert(*state);
            }
        }
    }
    preview
}

/// The run an activity makes, before it is checked.
fn to_run(activity: &Activity, id: String, rpe: u8, offset_minutes: i32) -> Result<Run, String> {
    if offset_minutes.unsigned_abs() > MAX_UTC_OFFSET_MINUTES {
        return Err(format!(
            "the time zone offset of {offset_minutes} minutes is impossible"
        ));
    }
    let local = TimeDelta::try_minutes(i64::from(offset_minutes))
        .and_then(|offset| activity.start_utc.checked_add_signed(offset))
        .ok_or("its start time is out of range")?;
    Ok(Run {
        id,
        date: local.date(),
        start_time: Some(local.time()),
        distance_m: activity.distance_m,
        duration_s: activity
            .moving_s
            .filter(|s| *s > 0)
            .unwrap_or(activity.elapsed_s),
        kind: activity.kind,
        rpe,
        avg_hr: activity.avg_hr,
        elevation_gain_m: activity.elevation_gain_m,
        notes: activity.name.chars().take(NOTES_MAX_CHARS).collect(),
        soreness: BTreeMap::new(),
        race_id: None,
        updated_ms: 0,
    })
}

/// What makes a run invalid, as the run form sees it, in plain words.
pub fn check_run(run: &Run, unit: Unit) -> Result<(), String> {
    if run.date < EARLIEST_DATE {
        return Err(format!("its date, {}, is before 1970", run.date));
    }
    if run.distance_m == 0 {
        return Err("its distance is 0".into());
    }
    if u64::from(run.distance_m) > LONGEST_PLAUSIBLE_DISTANCE_M {
        return Err("its distance is over 1000 km, longer than any single run".into());
    }
    if run.duration_s == 0 {
        return Err("its duration is 0".into());
    }
    let s_per_km = f64::from(run.duration_s) / (f64::from(run.distance_m) / 1000.0);
    let shown = |s_per_km: f64| format_pace(s_per_km * unit.metres_per_unit() / 1000.0, unit);
    if s_per_km < FASTEST_PLAUSIBLE_S_PER_KM {
        return Err(format!(
            "its pace, {}, is faster than {}: faster than any world record",
            shown(s_per_km),
            shown(FASTEST_PLAUSIBLE_S_PER_KM)
        ));
    }
    if s_per_km > SLOWEST_PLAUSIBLE_S_PER_KM {
        return Err(format!(
            "its pace, {}, is slower than {}: slower than walking",
            shown(s_per_km),
            shown(SLOWEST_PLAUSIBLE_S_PER_KM)
        ));
    }
    if let Some(hr) = run
        .avg_hr
        .filter(|hr| !HEART_RATE_RANGE.contains(&u32::from(*hr)))
    {
        return Err(format!(
            "its average heart rate, {hr}, is outside {}–{}",
            HEART_RATE_RANGE.start(),
            HEART_RATE_RANGE.end()
        ));
    }
    if let Some(gain) = run
        .elevation_gain_m
        .filter(|m| f64::from(*m) > HIGHEST_PLAUSIBLE_ELEVATION_GAIN_M)
    {
        return Err(format!(
            "its elevation gain, {gain} m, is more than twice Everest"
        ));
    }
    if !(RPE_MIN..=RPE_MAX).contains(&run.rpe) {
        return Err(format!("its effort is {}, outside 1–10", run.rpe));
    }
    if run.notes.chars().count() > NOTES_MAX_CHARS {
        return Err(format!(
            "its notes are longer than {NOTES_MAX_CHARS} characters"
        ));
    }
    if run.soreness.values().any(|level| *level > SORENESS_MAX) {
        return Err("a soreness is above 10".into());
    }
    Ok(())
}

/// The same run logged twice: start within a minute (or the same date when a start time
/// is missing) and distance within 2 % of the longer.
pub fn same_run(a: &Run, b: &Run) -> bool {
    let (long, short) = if a.distance_m >= b.distance_m {
        (u64::from(a.distance_m), u64::from(b.distance_m))
    } else {
        (u64::from(b.distance_m), u64::from(a.distance_m))
    };
    let (num, den) = DUPLICATE_DISTANCE_FRACTION;
    if (long - short) * den > long * num {
        return false;
    }
    match (a.start_time, b.start_time) {
        (Some(ta), Some(tb)) => {
            let apart = a.date.and_time(ta) - b.date.and_time(tb);
            apart.num_seconds().abs() <= DUPLICATE_WINDOW_S
        }
        _ => a.date == b.date,
    }
}

/// New, or a duplicate of a run in the journal or earlier in the batch.
fn place(journal: &Journal, preview: &mut Preview, run: Run) {
    let in_journal = journal
        .run(&run.id)
        .or_else(|| journal.runs.iter().find(|r| same_run(r, &run)));
    let in_batch = || {
        preview
            .new_runs
            .iter()
            .chain(preview.duplicates.iter().map(|d| &d.run))
            .find(|r| r.id == run.id || same_run(r, &run))
    };
    match in_journal.or_else(in_batch).map(|r| r.id.clone()) {
        Some(of) => preview.duplicates.push(Duplicate { run, of }),
        None => preview.new_runs.push(run),
    }
}

/// Adds the preview's new records to the journal, saved at `now_ms`; settings stay, and
/// reminder states from a backup are added where the journal has none.
pub fn merge(journal: &Journal, preview: &Preview, now_ms: u64) -> Journal {
    let mut merged = journal.clone();
    for run in &preview.new_runs {
        if merged.run(&run.id).is_none() {
            merged.save_run(run.clone(), now_ms);
        }
    }
    for massage in &preview.new_massages {
        if merged.massage(&massage.id).is_none() {
            merged.save_massage(massage.clone(), now_ms);
        }
    }
    for race in &preview.new_races {
        if merged.race(&race.id).is_none() {
            merged.save_race(race.clone(), now_ms);
        }
    }
    for (id, state) in &preview.reminder_states {
        merged.reminder_states.entry(id.clone()).or_insert(*state);
    }
    merged
}

/// A journal holding only the imported records (new ones and those that duplicate a run
/// of the old journal, once each) with the old settings. Every old record is deleted at
/// `now_ms`, so another tab's copy cannot bring it back; reminder states are kept, a
/// backup's winning.
pub fn replace(journal: &Journal, preview: &Preview, now_ms: u64) -> Journal {
    let mut out = journal.clone();
    let ids = |list: &[Run]| list.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    for id in ids(&journal.runs).iter().rev() {
        out.delete_run(id, now_ms);
    }
    for id in journal.massages.iter().rev().map(|m| m.id.clone()) {
        out.delete_massage(&id, now_ms);
    }
    for id in journal.races.iter().rev().map(|r| r.id.clone()) {
        out.delete_race(&id, now_ms);
    }
    let replacing_old = preview
        .duplicates
        .iter()
        .filter(|d| journal.run(&d.of).is_some())
        .map(|d| &d.run);
    for run in preview.new_runs.iter().chain(replacing_old) {
        if !out.runs.iter().any(|r| r.id == run.id || same_run(r, run)) {
            out.save_run(run.clone(), now_ms);
        }
    }
    for massage in preview
        .new_massages
        .iter()
        .chain(&preview.duplicate_massages)
    {
        if out.massage(&massage.id).is_none() {
            out.save_massage(massage.clone(), now_ms);
        }
    }
    for race in preview.new_races.iter().chain(&preview.duplicate_races) {
        if out.race(&race.id).is_none() {
            out.save_race(race.clone(), now_ms);
        }
    }
    out.reminder_states
        .extend(preview.reminder_states.iter().map(|(k, v)| (k.clone(), *v)));
    // Replacing from a backup brings back its settings too (units, rules).
    if let Some(settings) = preview.settings {
        out.change_settings(now_ms, |s| *s = settings);
    }
    out
}

#[cfg(test)]
mod tests {
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
        }
    }

    fn file(name: &str, activities: Vec<Activity>) -> ParsedFile {
        ParsedFile {
            file_name: name.into(),
            format: Format::StravaCsv,
            activities,
            journal: None,
            problems: Vec::new(),
            skipped_other_sports: 0,
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
    fn duplicates_within_a_minute_and_two_percent() {
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
                // 60 s later and 2 % longer: a duplicate.
                activity("2026-11-20T06:46:12", 10_200, 3000),
                // 61 s earlier: new.
                activity("2026-11-20T06:44:11", 10_000, 3000),
                // Same time, 2.1 % shorter than the logged run: new.
                activity("2026-11-20T06:45:12", 9_790, 3000),
                // The logged run has no start time: the same date and 1.5 % is enough.
                activity("2026-11-21T17:00:00", 8_120, 2400),
                // Another day: new.
                activity("2026-11-22T06:00:00", 8_000, 2400),
            ],
        )];
        let p = preview(&journal, &files, 5, 60, ids);
        let dups: Vec<(&str, &str)> = p
            .duplicates
            .iter()
            .map(|d| (d.run.id.as_str(), d.of.as_str()))
            .collect();
        assert_eq!(dups, [("imp-0", "timed"), ("imp-3", "untimed")]);
        let new: Vec<&str> = p.new_runs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(new, ["imp-1", "imp-2", "imp-4"]);
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
        let mut wrong = logged("z", "2026-11-20", None, 10_000);
        wrong.duration_s = 60;
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
}
