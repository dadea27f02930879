//! What the preview says, file by file and line by line, and the summary above it.

use super::{Batch, Preview};
use crate::domain::data::import::{Activity, Format, OtherSport, ParsedFile, Problem};
use crate::domain::record::journal::Journal;
use crate::domain::record::reminder_settings::ReminderSettings;
use crate::domain::record::run::{Run, RunKind};
use crate::domain::text::units::counted;
use chrono::NaiveDate;

/// What becomes of one line of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    New,
    /// The journal has this run already.
    AlreadyHere,
    /// Another file of the batch has the same run, with more detail or first.
    SameAs(String),
    /// It would be an invalid run; why.
    Rejected(String),
    /// Another sport, left out on purpose; the sport as the file names it.
    OtherSport(String),
}

/// One activity of a file, as the preview lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Where in the file ("row 14", "track 1").
    pub location: String,
    /// The run's id when it became one (new or a duplicate).
    pub run_id: Option<String>,
    pub name: String,
    /// Local date, distance and time when it became a run.
    pub date: Option<NaiveDate>,
    pub distance_m: u32,
    pub duration_s: u32,
    /// The type it comes in with, when it became a run.
    pub kind: Option<RunKind>,
    pub outcome: Outcome,
}

impl Line {
    pub(super) fn of_run(location: &str, run: &Run) -> Line {
        Line {
            location: location.to_string(),
            run_id: Some(run.id.clone()),
            name: run.notes.clone(),
            date: Some(run.date),
            distance_m: run.distance_m,
            duration_s: run.duration_s,
            kind: Some(run.kind),
            // Settled once the whole batch is placed.
            outcome: Outcome::New,
        }
    }

    pub(super) fn rejected(activity: &Activity, offset_minutes: i32, reason: String) -> Line {
        let local = super::local_start(activity, offset_minutes).unwrap_or(activity.start_utc);
        Line {
            location: activity.location.clone(),
            run_id: None,
            name: activity.name.clone(),
            date: Some(local.date()),
            distance_m: activity.distance_m,
            duration_s: activity.moving_s.unwrap_or(activity.elapsed_s),
            kind: None,
            outcome: Outcome::Rejected(reason),
        }
    }

    pub(super) fn other_sport(other: &OtherSport) -> Line {
        let sport = if other.sport.is_empty() {
            "another sport".to_string()
        } else {
            other.sport.clone()
        };
        Line {
            location: other.location.clone(),
            run_id: None,
            name: other.name.clone(),
            date: None,
            distance_m: 0,
            duration_s: 0,
            kind: None,
            outcome: Outcome::OtherSport(sport),
        }
    }
}

/// Records a backup brings, by what becomes of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
}

impl Counts {
    pub(super) fn of(preview: &Preview) -> Counts {
        Counts {
            added: preview.added(),
            updated: preview.updated(),
            unchanged: preview.unchanged(),
            rejected: preview.rejected.len(),
        }
    }

    pub(super) fn minus(self, before: Counts) -> Counts {
        Counts {
            added: self.added.saturating_sub(before.added),
            updated: self.updated.saturating_sub(before.updated),
            unchanged: self.unchanged.saturating_sub(before.unchanged),
            rejected: self.rejected.saturating_sub(before.rejected),
        }
    }
}

/// One file of the batch in the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub file_name: String,
    pub format: Format,
    /// One per activity and per activity of another sport, in file order.
    pub lines: Vec<Line>,
    /// For a backup: its records by what becomes of them.
    pub backup: Option<Counts>,
    /// What could not be read in the file, one per reason, the whole-activity ones first.
    pub problems: Vec<Problem>,
}

impl FileReport {
    pub(super) fn new(file: &ParsedFile) -> FileReport {
        FileReport {
            file_name: file.file_name.clone(),
            format: file.format,
            lines: Vec::new(),
            backup: None,
            problems: file.problems.clone(),
        }
    }

    /// Whether adding this file would change anything.
    pub fn brings_something(&self) -> bool {
        self.lines.iter().any(|l| l.outcome == Outcome::New)
            || self.backup.is_some_and(|c| c.added + c.updated > 0)
    }
}

/// Once every file is placed: each line's outcome, from where its run ended up.
pub(super) fn settle(
    preview: &mut Preview,
    journal: &Journal,
    files: &[ParsedFile],
    batch: &Batch,
) {
    // The lists are read while the reports are written: borrowed field by field.
    let Preview {
        new_runs,
        duplicates,
        files: reports,
        ..
    } = preview;
    let new: std::collections::BTreeSet<&str> = new_runs.iter().map(|r| r.id.as_str()).collect();
    let duplicate_of: std::collections::BTreeMap<&str, &str> = duplicates
        .iter()
        .map(|d| (d.run.id.as_str(), d.of.as_str()))
        .collect();
    let file_of = |id: &str| {
        batch
            .copy(id)
            .and_then(|c| files.get(c.file))
            .map(|f| f.file_name.clone())
    };
    for line in reports.iter_mut().flat_map(|r| &mut r.lines) {
        let Some(id) = line.run_id.as_deref() else {
            continue;
        };
        line.outcome = if new.contains(id) {
            Outcome::New
        } else {
            match duplicate_of.get(id) {
                Some(of) if journal.run(of).is_none() => match file_of(of) {
                    Some(file) => Outcome::SameAs(file),
                    None => Outcome::AlreadyHere,
                },
                _ => Outcome::AlreadyHere,
            }
        };
    }
}

/// The preview's first lines: numbers that add up to what the files hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub new_runs: usize,
    /// Massages and races from backups.
    pub new_other: usize,
    pub updated: usize,
    /// Already stored, or the same as another file of the batch.
    pub already_here: usize,
    pub other_sports: usize,
    pub rejected: usize,
    /// Files that bring nothing, unreadable ones included.
    pub files_with_nothing: usize,
}

impl Preview {
    /// The summary, with `unreadable` files that could not be read at all.
    pub fn summary(&self, unreadable: usize) -> Summary {
        Summary {
            new_runs: self.new_runs.len(),
            new_other: self.new_massages.len() + self.new_races.len(),
            updated: self.updated(),
            already_here: self.unchanged(),
            other_sports: self.skipped_other_sports,
            rejected: self.rejected.len(),
            files_with_nothing: self.files.iter().filter(|f| !f.brings_something()).count()
                + unreadable,
        }
    }

    /// The runner's own type and effort for single new runs, chosen in the preview.
    pub fn with_choices(
        mut self,
        choices: &std::collections::BTreeMap<String, (RunKind, u8)>,
    ) -> Preview {
        for run in &mut self.new_runs {
            if let Some((kind, rpe)) = choices.get(&run.id) {
                run.kind = *kind;
                run.rpe = *rpe;
            }
        }
        self
    }
}

impl Summary {
    /// "14 new runs · 2 already here · 3 other sports · 5 files with nothing to import":
    /// the parts that are not zero, new runs always.
    pub fn words(&self) -> String {
        let mut parts = vec![counted(self.new_runs, "new run", "new runs")];
        let mut add = |n: usize, one: &str, many: &str| {
            if n > 0 {
                parts.push(counted(n, one, many));
            }
        };
        add(
            self.new_other,
            "new massage or race",
            "new massages and races",
        );
        add(self.updated, "updated", "updated");
        add(self.already_here, "already here", "already here");
        add(self.other_sports, "other sport", "other sports");
        add(self.rejected, "not valid", "not valid");
        add(
            self.files_with_nothing,
            "file with nothing to import",
            "files with nothing to import",
        );
        parts.join(" · ")
    }
}

/// A run's type as a runner would pick it: a race by its name ("race", "parkrun",
/// "marathon" unless it is a training or pace run), trail or treadmill by the file's
/// sport or the name, then long from the runner's long-run threshold, else easy.
pub fn default_kind(activity: &Activity, duration_s: u32, rules: &ReminderSettings) -> RunKind {
    let name = activity.name.to_lowercase();
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let training = has("training") || has("pace") || has("tempo") || has("easy");
    let marathon = words.iter().any(|w| w.ends_with("marathon"));
    if (has("race") && !has("pace")) || has("parkrun") || (marathon && !training) {
        return RunKind::Race;
    }
    if activity.kind != RunKind::Easy {
        return activity.kind;
    }
    if has("trail") {
        RunKind::Trail
    } else if has("treadmill") {
        RunKind::Other
    } else if rules.is_long_run(duration_s) {
        RunKind::Long
    } else {
        RunKind::Easy
    }
}
