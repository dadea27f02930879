//! Keeping the runner's data safe where it lives: records left out at start-up stay in
//! view until the runner decides, and a quiet nudge to back up when the browser has not
//! promised to keep the storage.

use crate::domain::data::envelope;
use crate::domain::input::dates;
use crate::domain::input::units::counted;
use crate::domain::record::journal::Journal;

/// Changes older than this without a backup bring the nudge; dismissing it waits as long.
pub const BACKUP_NUDGE_DAYS: u64 = 14;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// A copy of stored text kept aside at start-up (`restride.unreadable.<ms>`), as the
/// runner sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum LeftOut {
    /// The text loaded but these records could not be read: "saved run number 3: …".
    Records(Vec<String>),
    /// None of the text could be read; why.
    Everything(String),
}

impl LeftOut {
    /// What the kept `text` holds that the app could not load.
    pub fn of(text: &str) -> LeftOut {
        match envelope::decode_versioned(text) {
            Ok(decoded) => {
                LeftOut::Records(decoded.set_aside.iter().map(ToString::to_string).collect())
            }
            Err(error) => LeftOut::Everything(error.to_string()),
        }
    }

    /// Whether the copy now loads in full (a newer version reads what an older one could
    /// not): nothing is missing, though the copy stays until the runner drops it.
    pub fn is_empty(&self) -> bool {
        matches!(self, LeftOut::Records(records) if records.is_empty())
    }

    /// "2 saved records could not be read and were left out", in correct grammar.
    pub fn words(&self) -> String {
        match self {
            LeftOut::Records(records) if records.is_empty() => {
                "A copy of saved data was kept aside; all of it now loads".into()
            }
            LeftOut::Records(records) => {
                let were = if records.len() == 1 { "was" } else { "were" };
                format!(
                    "{} could not be read and {were} left out",
                    counted(records.len(), "saved record", "saved records")
                )
            }
            LeftOut::Everything(reason) => {
                format!("Saved data could not be read at all ({reason}) and was left out")
            }
        }
    }
}

/// Why Today suggests a backup now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupNudge {
    /// Runs, massages and races added or changed since the last backup.
    pub changed: usize,
    pub last_backup_ms: Option<u64>,
}

impl BackupNudge {
    /// Why, in the runner's numbers; `last_backup` is the local date of `last_backup_ms`.
    pub fn words(&self, last_backup: Option<chrono::NaiveDate>) -> String {
        let (what, have) = if self.changed == 1 {
            ("1 run, massage or race".to_string(), "has")
        } else {
            (format!("{} runs, massages and races", self.changed), "have")
        };
        let since = match last_backup {
            Some(date) => format!("since your last backup on {}", dates::short_day_year(date)),
            None => "and no backup has been saved from this browser".into(),
        };
        format!("{what} {have} changed {since}. They live only in this browser, which may clear its storage when space runs low.")
    }
}

/// The nudge to back up, when the storage is not persistent and some change not in any
/// backup is at least `BACKUP_NUDGE_DAYS` old; not within `BACKUP_NUDGE_DAYS` of the
/// runner dismissing it.
pub fn backup_nudge(
    journal: &Journal,
    persistent: bool,
    last_backup_ms: Option<u64>,
    dismissed_ms: Option<u64>,
    now_ms: u64,
) -> Option<BackupNudge> {
    let wait = BACKUP_NUDGE_DAYS * DAY_MS;
    if persistent || dismissed_ms.is_some_and(|d| now_ms.saturating_sub(d) < wait) {
        return None;
    }
    let since = last_backup_ms.unwrap_or(0);
    let changes: Vec<u64> = journal
        .runs
        .iter()
        .map(|r| r.updated_ms)
        .chain(journal.massages.iter().map(|m| m.updated_ms))
        .chain(journal.races.iter().map(|r| r.updated_ms))
        .filter(|ms| *ms > since)
        .collect();
    let oldest = changes.iter().min()?;
    (now_ms.saturating_sub(*oldest) >= wait).then_some(BackupNudge {
        changed: changes.len(),
        last_backup_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::run::Run;

    const DAY: u64 = DAY_MS;

    fn journal(saved_days: &[u64]) -> Journal {
        Journal {
            runs: saved_days
                .iter()
                .enumerate()
                .map(|(i, d)| Run {
                    id: format!("r{i}"),
                    updated_ms: d * DAY,
                    ..Run::sample("2026-11-01", 30, 4, 5)
                })
                .collect(),
            ..Journal::default()
        }
    }

    #[test]
    fn a_change_fourteen_days_old_without_a_backup_brings_the_nudge() {
        let j = journal(&[100, 110]);
        // Day 113: the oldest change is 13 days old.
        assert_eq!(backup_nudge(&j, false, None, None, 113 * DAY), None);
        assert_eq!(
            backup_nudge(&j, false, None, None, 114 * DAY),
            Some(BackupNudge {
                changed: 2,
                last_backup_ms: None
            })
        );
        // Persistent storage: no nudge.
        assert_eq!(backup_nudge(&j, true, None, None, 200 * DAY), None);
        // An empty journal has nothing to lose.
        assert_eq!(
            backup_nudge(&Journal::default(), false, None, None, 200 * DAY),
            None
        );
    }

    #[test]
    fn only_changes_since_the_last_backup_count() {
        let j = journal(&[100, 110, 120]);
        // Backed up on day 115: only the day-120 change is new, 14 days old on day 134.
        let backup = Some(115 * DAY);
        assert_eq!(backup_nudge(&j, false, backup, None, 133 * DAY), None);
        assert_eq!(
            backup_nudge(&j, false, backup, None, 134 * DAY),
            Some(BackupNudge {
                changed: 1,
                last_backup_ms: backup
            })
        );
        // Backed up after every change: nothing to nudge about.
        assert_eq!(
            backup_nudge(&j, false, Some(121 * DAY), None, 300 * DAY),
            None
        );
    }

    #[test]
    fn the_card_says_how_many_changed_and_since_when() {
        let one = BackupNudge {
            changed: 1,
            last_backup_ms: None,
        };
        assert!(one
            .words(None)
            .starts_with("1 run, massage or race has changed and no backup has been saved"));
        let two = BackupNudge {
            changed: 2,
            last_backup_ms: Some(1),
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert!(two.words(Some(date)).starts_with(
            "2 runs, massages and races have changed since your last backup on Sun 1 Nov 2026."
        ));
    }

    #[test]
    fn dismissing_waits_fourteen_days() {
        let j = journal(&[100]);
        assert_eq!(
            backup_nudge(&j, false, None, Some(120 * DAY), 133 * DAY),
            None
        );
        assert!(backup_nudge(&j, false, None, Some(120 * DAY), 134 * DAY).is_some());
    }

    #[test]
    fn a_kept_copy_says_what_was_left_out() {
        let text = r#"{"version":3,"runs":[{"id":"a","date":"2026-11-20","distance_m":5000,"duration_s":1500,"type":"easy","rpe":3},{"id":"b"},{"id":"c"}]}"#;
        let left_out = LeftOut::of(text);
        let LeftOut::Records(records) = &left_out else {
            panic!("{left_out:?}");
        };
        assert_eq!(records.len(), 2);
        assert!(records[0].starts_with("saved run number 2"), "{records:?}");
        assert_eq!(
            left_out.words(),
            "2 saved records could not be read and were left out"
        );
        assert_eq!(
            LeftOut::Records(vec!["x".into()]).words(),
            "1 saved record could not be read and was left out"
        );
        assert!(matches!(LeftOut::of("{not json"), LeftOut::Everything(_)));
        let whole = LeftOut::of(r#"{"version":3,"runs":[]}"#);
        assert!(whole.is_empty());
        assert!(!left_out.is_empty());
    }
}
