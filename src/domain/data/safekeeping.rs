//! Keeping the runner's data safe where it lives: records left out at start-up stay in
//! view until the runner decides, and a quiet nudge to back up when the browser has not
//! promised to keep the storage.

use crate::domain::data::envelope;
use crate::domain::record::journal::Journal;
use crate::domain::text::dates;
use crate::domain::text::units::counted;

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
mod tests;
