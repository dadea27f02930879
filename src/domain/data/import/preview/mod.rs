//! From read files to runs for this journal, before anything is saved: which are new,
//! which the journal (or the batch) already has, and which would be invalid runs.

use super::{Activity, ParsedFile, Problem};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::Massage;
use crate::domain::record::race::Race;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::{Run, RPE_MAX, RPE_MIN};
use crate::domain::record::validate::{check_run, check_stored_run, NOTES_MAX_CHARS};
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
/// An activity is a duplicate when it starts within a minute of a run already in the
/// journal or earlier in the batch and its distance is within 2 % of the longer of the
/// two; when either run has no start time, the same date and distance within 2 % is
/// enough. A backup's records are known by their id alone: one is a duplicate only when
/// the journal or the batch has its id.
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
        // A backup's runs are Restride's own records: judged as stored records are, and
        // known by their id alone, never by looking alike (two 5 km runs on one day are two).
        let mut backup_runs = Vec::new();
        if let Some(backup) = &file.journal {
            for (i, run) in backup.runs.iter().enumerate() {
                match check_stored_run(run) {
                    Ok(()) => backup_runs.push(run.clone()),
                    Err(reason) => reject(&format!("run {}", i + 1), reason),
                }
            }
        }
        for run in runs {
            place(journal, &mut preview, run);
        }
        for run in backup_runs {
            place_by_id(journal, &mut preview, run);
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

/// A backup's run, known by its id alone: new, newer than the journal's copy (updated),
/// or already here.
fn place_by_id(journal: &Journal, preview: &mut Preview, run: Run) {
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
        None => preview.new_runs.push(run),
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
mod tests;
