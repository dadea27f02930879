//! From read files to runs for this journal, before anything is saved: which are new,
//! which the journal (or the batch) already has, and which would be invalid runs; and a
//! report per file, line by line, that the runner reads before adding.

mod report;

pub use report::{default_kind, FileReport, Line, Outcome, Summary};

use super::{Activity, Format, ParsedFile, Problem};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::Massage;
use crate::domain::record::race::Race;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::{Run, RPE_MAX, RPE_MIN};
use crate::domain::record::validate::{check_run, check_stored_run, NOTES_MAX_CHARS};
use chrono::{NaiveDateTime, TimeDelta};
use std::collections::BTreeMap;

/// Two runs starting this close (in seconds) may be the same activity…
pub const SAME_START_WINDOW_S: i64 = 120;
/// …if their distances and their times each differ by at most this share of the larger
/// (5 %): a watch's FIT and an app's GPX of one run differ by that much.
pub const SAME_ACTIVITY_FRACTION: (u64, u64) = (5, 100);

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
    /// Backup massages and races whose id the journal (or the batch) already has, in the
    /// same or an older save.
    pub duplicate_massages: Vec<Massage>,
    pub duplicate_races: Vec<Race>,
    /// Backup records whose id the journal has in an older save: the backup's copy wins.
    pub updated_runs: Vec<Run>,
    pub updated_massages: Vec<Massage>,
    pub updated_races: Vec<Race>,
    /// What the runner did with reminders, from backups (the first backup wins).
    pub reminder_states: BTreeMap<String, ReminderDecision>,
    /// Activities of other sports left out, over all files.
    pub skipped_other_sports: usize,
    /// The settings of the first backup: what "replace" restores.
    pub settings: Option<crate::domain::record::settings::Settings>,
    /// One report per file, in the order read.
    pub files: Vec<FileReport>,
}

impl Preview {
    /// Whether there is anything to add (replacing with nothing would only delete).
    pub fn is_empty(&self) -> bool {
        self.added() + self.updated() + self.unchanged() == 0
    }

    /// Records the journal does not have.
    pub fn added(&self) -> usize {
        self.new_runs.len() + self.new_massages.len() + self.new_races.len()
    }

    /// Records the journal has in an older save.
    pub fn updated(&self) -> usize {
        self.updated_runs.len() + self.updated_massages.len() + self.updated_races.len()
    }

    /// Records the journal already has as they are (or, for activity files, runs it has).
    pub fn unchanged(&self) -> usize {
        self.duplicates.len() + self.duplicate_massages.len() + self.duplicate_races.len()
    }

    /// What adding did: "3 added, 1 updated, 2 unchanged."
    pub fn merge_words(&self) -> String {
        format!(
            "{} added, {} updated, {} unchanged.",
            self.added(),
            self.updated(),
            self.unchanged()
        )
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
/// An activity is the same run as one already in the journal or elsewhere in the batch
/// when a Strava row names its file, or when `same_run` says so (starts within 2 minutes,
/// distance and time within 5 %); the richest file's copy is kept (`richness`). A
/// backup's records are known by their id alone: one is a duplicate only when the journal
/// or the batch has its id; an activity that looks like a backup's run is that run.
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
    let rules = journal.settings.reminders;
    let mut preview = Preview::default();
    let mut batch = Batch::default();
    let mut index = 0usize;
    for (file_index, file) in files.iter().enumerate() {
        let before = report::Counts::of(&preview);
        let mut report = FileReport::new(file);
        for activity in &file.activities {
            let id = new_id(index);
            index += 1;
            let offset = offset_at(activity.start_utc);
            let run = to_run(activity, id, rpe, offset).map(|mut run| {
                run.kind = default_kind(activity, run.duration_s, &rules);
                run
            });
            match run.and_then(|run| check_run(&run, unit).map(|()| run)) {
                Ok(run) => {
                    report.lines.push(Line::of_run(&activity.location, &run));
                    let copy = Copy {
                        id: run.id.clone(),
                        file: file_index,
                        date: Some(run.date),
                        richness: richness(file.format),
                        strava_id: activity.strava_id.clone(),
                        file_ref: activity.file_ref.clone(),
                    };
                    place(journal, &mut preview, &mut batch, files, run, copy);
                }
                Err(reason) => {
                    report
                        .lines
                        .push(Line::rejected(activity, offset, reason.clone()));
                    let problem = Problem::new(activity.location.clone(), reason);
                    preview.rejected.push((file.file_name.clone(), problem));
                }
            }
        }
        for other in &file.other_sports {
            report.lines.push(Line::other_sport(other));
        }
        preview.skipped_other_sports += file.other_sports.len();
        // A backup's runs are Restride's own records: judged as stored records are, and
        // known by their id alone, never by looking alike (two 5 km runs on one day are two).
        if let Some(backup) = &file.journal {
            for (i, run) in backup.runs.iter().enumerate() {
                match check_stored_run(run) {
                    Ok(()) => {
                        batch.copies.push(Copy::backup(run, file_index));
                        place_by_id(journal, &mut preview, &batch, run.clone());
                    }
                    Err(reason) => {
                        let problem = Problem::new(format!("run {}", i + 1), reason);
                        preview.rejected.push((file.file_name.clone(), problem));
                    }
                }
            }
        }
        if let Some(backup) = &file.journal {
            for massage in &backup.massages {
                let in_batch = preview
                    .new_massages
                    .iter()
                    .chain(&preview.updated_massages)
                    .any(|m| m.id == massage.id);
                let list = match journal.massage(&massage.id) {
                    _ if in_batch => &mut preview.duplicate_massages,
                    Some(ours) if massage.updated_ms > ours.updated_ms => {
                        &mut preview.updated_massages
                    }
                    Some(_) => &mut preview.duplicate_massages,
                    None => &mut preview.new_massages,
                };
                list.push(massage.clone());
            }
            for race in &backup.races {
                let in_batch = preview
                    .new_races
                    .iter()
                    .chain(&preview.updated_races)
                    .any(|r| r.id == race.id);
                let list = match journal.race(&race.id) {
                    _ if in_batch => &mut preview.duplicate_races,
                    Some(ours) if race.updated_ms > ours.updated_ms => &mut preview.updated_races,
                    Some(_) => &mut preview.duplicate_races,
                    None => &mut preview.new_races,
                };
                list.push(race.clone());
            }
            if preview.settings.is_none() {
                preview.settings = Some(backup.settings);
            }
            for (id, state) in &backup.reminder_states {
                preview.reminder_states.entry(id.clone()).or_insert(*state);
            }
            report.backup = Some(report::Counts::of(&preview).minus(before));
        }
        preview.files.push(report);
    }
    report::settle(&mut preview, journal, files, &batch);
    preview
}

/// How much a format records, for keeping the richest copy of one activity: a FIT file
/// has the watch's own timer and sensors, TCX its laps, GPX points only, and a Strava CSV
/// row a summary. A backup's run is the runner's own record and is never replaced.
pub fn richness(format: Format) -> u8 {
    match format {
        Format::Backup => u8::MAX,
        Format::Fit => 4,
        Format::Tcx => 3,
        Format::Gpx => 2,
        Format::StravaCsv => 1,
    }
}

/// Where each run of the batch came from, and what names it across an export.
#[derive(Clone, Debug, Default)]
struct Copy {
    id: String,
    file: usize,
    /// The run's local date: a name only identifies an activity of about the same day.
    date: Option<chrono::NaiveDate>,
    richness: u8,
    strava_id: Option<String>,
    file_ref: Option<String>,
}

impl Copy {
    fn backup(run: &Run, file: usize) -> Copy {
        Copy {
            id: run.id.clone(),
            file,
            date: Some(run.date),
            richness: u8::MAX,
            ..Copy::default()
        }
    }

    /// The same Strava activity: a CSV row naming this file, or the same activity id
    /// (Strava names an export's files by it: `activities/1001.fit.gz`).
    fn same_activity_as(&self, other: &Copy, files: &[ParsedFile]) -> bool {
        let name = |c: &Copy| files.get(c.file).map(|f| f.file_name.as_str());
        let stem = |c: &Copy| name(c).and_then(|n| n.split('.').next());
        let names = |row: &Copy, file: &Copy| {
            row.file_ref
                .as_deref()
                .is_some_and(|r| name(file).is_some_and(|n| n.eq_ignore_ascii_case(r)))
                || row
                    .strava_id
                    .as_deref()
                    .is_some_and(|id| stem(file) == Some(id))
        };
        let same_id = matches!((&self.strava_id, &other.strava_id), (Some(a), Some(b)) if a == b);
        // A file name that happens to equal another service's number is no proof: the
        // days must agree too (a day apart at most, for time zones).
        let same_days = match (self.date, other.date) {
            (Some(a), Some(b)) => (a - b).num_days().abs() <= 1,
            _ => false,
        };
        same_days && (same_id || names(self, other) || names(other, self))
    }
}

/// The batch's runs so far, by id, with where they came from.
#[derive(Debug, Default)]
struct Batch {
    copies: Vec<Copy>,
}

impl Batch {
    fn copy(&self, id: &str) -> Option<&Copy> {
        self.copies.iter().find(|c| c.id == id)
    }
}

/// The activity's start in the runner's local time, `offset_minutes` east of UTC.
fn local_start(activity: &Activity, offset_minutes: i32) -> Option<NaiveDateTime> {
    TimeDelta::try_minutes(i64::from(offset_minutes))
        .and_then(|offset| activity.start_utc.checked_add_signed(offset))
}

/// The run an activity makes, before it is checked.
fn to_run(activity: &Activity, id: String, rpe: u8, offset_minutes: i32) -> Result<Run, String> {
    if offset_minutes.unsigned_abs() > MAX_UTC_OFFSET_MINUTES {
        return Err(format!(
            "the time zone offset of {offset_minutes} minutes is impossible"
        ));
    }
    let local = local_start(activity, offset_minutes).ok_or("its start time is out of range")?;
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

/// The same activity twice: starts within 2 minutes (or the same date when a start time
/// is missing), and distance and time each within 5 % of the larger. Two runs on one day
/// at different times stay two.
pub fn same_run(a: &Run, b: &Run) -> bool {
    let close = |x: u32, y: u32| {
        let (large, small) = (u64::from(x.max(y)), u64::from(x.min(y)));
        let (num, den) = SAME_ACTIVITY_FRACTION;
        (large - small) * den <= large * num
    };
    if !close(a.distance_m, b.distance_m) || !close(a.duration_s, b.duration_s) {
        return false;
    }
    match (a.start_time, b.start_time) {
        (Some(ta), Some(tb)) => {
            let apart = a.date.and_time(ta) - b.date.and_time(tb);
            apart.num_seconds().abs() <= SAME_START_WINDOW_S
        }
        _ => a.date == b.date,
    }
}

/// An activity's run: already in the journal, the same activity as a run earlier in the
/// batch (the richer copy is kept, the other becomes its duplicate), or new.
fn place(
    journal: &Journal,
    preview: &mut Preview,
    batch: &mut Batch,
    files: &[ParsedFile],
    run: Run,
    copy: Copy,
) {
    if let Some(ours) = journal.runs.iter().find(|r| same_run(r, &run)) {
        let of = ours.id.clone();
        batch.copies.push(copy);
        preview.duplicates.push(Duplicate { run, of });
        return;
    }
    let is_same = |r: &Run| {
        batch
            .copy(&r.id)
            .is_some_and(|c| c.same_activity_as(&copy, files))
            || same_run(r, &run)
    };
    // A run kept in the batch; or, when a file names a copy already set aside as a
    // duplicate, the run kept for that copy. (Looking alike is not chained: two runs that
    // are each like a third need not be like each other.)
    let named = |r: &Run| {
        batch
            .copy(&r.id)
            .is_some_and(|c| c.same_activity_as(&copy, files))
    };
    let earlier = match preview.new_runs.iter().position(is_same) {
        Some(at) => Some(at),
        None => match preview.duplicates.iter().find(|d| named(&d.run)) {
            Some(d) if journal.run(&d.of).is_some() => {
                let of = d.of.clone();
                batch.copies.push(copy);
                preview.duplicates.push(Duplicate { run, of });
                return;
            }
            Some(d) => {
                let of = d.of.clone();
                preview.new_runs.iter().position(|r| r.id == of)
            }
            None => None,
        },
    };
    let Some(at) = earlier else {
        batch.copies.push(copy);
        preview.new_runs.push(run);
        return;
    };
    let kept_richness = batch
        .copy(&preview.new_runs[at].id)
        .map_or(0, |c| c.richness);
    if copy.richness > kept_richness {
        // The richer file's copy takes the place; the earlier one, and whatever was
        // already its duplicate, now duplicate it.
        let poorer = std::mem::replace(&mut preview.new_runs[at], run);
        let kept = preview.new_runs[at].id.clone();
        for duplicate in &mut preview.duplicates {
            if duplicate.of == poorer.id {
                duplicate.of.clone_from(&kept);
            }
        }
        preview.duplicates.push(Duplicate {
            run: poorer,
            of: kept,
        });
    } else {
        let of = preview.new_runs[at].id.clone();
        preview.duplicates.push(Duplicate { run, of });
    }
    batch.copies.push(copy);
}

/// A backup's run, known by its id alone: new, newer than the journal's copy (updated),
/// or already here.
fn place_by_id(journal: &Journal, preview: &mut Preview, batch: &Batch, run: Run) {
    let in_batch = preview
        .new_runs
        .iter()
        .chain(&preview.updated_runs)
        .chain(preview.duplicates.iter().map(|d| &d.run))
        .any(|r| r.id == run.id);
    match journal.run(&run.id) {
        _ if in_batch => {
            let of = run.id.clone();
            preview.duplicates.push(Duplicate { run, of });
        }
        Some(ours) if run.updated_ms > ours.updated_ms => preview.updated_runs.push(run),
        Some(_) => {
            let of = run.id.clone();
            preview.duplicates.push(Duplicate { run, of });
        }
        None => {
            // An activity file earlier in the batch that looks like this run is this run,
            // as it would be had the backup come first: the backup's record is kept.
            let from_files = |r: &Run| {
                batch.copy(&r.id).is_some_and(|c| c.richness < u8::MAX) && same_run(r, &run)
            };
            let (alike, others): (Vec<Run>, Vec<Run>) = std::mem::take(&mut preview.new_runs)
                .into_iter()
                .partition(from_files);
            preview.new_runs = others;
            for old in alike {
                for duplicate in &mut preview.duplicates {
                    if duplicate.of == old.id {
                        duplicate.of.clone_from(&run.id);
                    }
                }
                let of = run.id.clone();
                preview.duplicates.push(Duplicate { run: old, of });
            }
            preview.new_runs.push(run);
        }
    }
}

/// Adds the preview's new records to the journal, saved at `now_ms`; settings stay, and
/// reminder states from a backup are added where the journal has none.
pub fn merge(journal: &Journal, preview: &Preview, now_ms: u64) -> Journal {
    let mut merged = journal.clone();
    // A backup's newer copy of a record replaces the journal's.
    for run in &preview.updated_runs {
        merged.save_run(run.clone(), now_ms);
    }
    for massage in &preview.updated_massages {
        merged.save_massage(massage.clone(), now_ms);
    }
    for race in &preview.updated_races {
        merged.save_race(race.clone(), now_ms);
    }
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
    // Each old run that a file's run duplicates is replaced once, by the first of them;
    // runs are then known by id only (the preview has judged likeness already), so two
    // runs of a backup that look alike both stay.
    let mut replaced = std::collections::BTreeSet::new();
    let replacing_old = preview
        .duplicates
        .iter()
        .filter(|d| journal.run(&d.of).is_some() && replaced.insert(d.of.as_str()))
        .map(|d| &d.run);
    for run in preview
        .new_runs
        .iter()
        .chain(&preview.updated_runs)
        .chain(replacing_old)
    {
        if out.run(&run.id).is_none() {
            out.save_run(run.clone(), now_ms);
        }
    }
    for massage in preview
        .new_massages
        .iter()
        .chain(&preview.updated_massages)
        .chain(&preview.duplicate_massages)
    {
        if out.massage(&massage.id).is_none() {
            out.save_massage(massage.clone(), now_ms);
        }
    }
    for race in preview
        .new_races
        .iter()
        .chain(&preview.updated_races)
        .chain(&preview.duplicate_races)
    {
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
mod cross_source_tests;
#[cfg(test)]
mod restore_tests;
#[cfg(test)]
mod tests;
