//! The only code that touches browser storage.
//!
//! One key holds the versioned envelope (`domain::envelope`). Text that cannot be read is
//! copied to a backup key before anything is written over it; if that copy fails, writing
//! stays off so the unreadable text survives.
//!
//! Reading goes through `web_sys::Storage` because the exact stored text is needed (to
//! keep an unreadable copy byte for byte) and because gloo's `raw()` throws when storage
//! is disabled; writing goes through `gloo_storage`, and only once start-up has shown
//! that storage exists.

use crate::domain::envelope::{self, DecodeError};
use crate::domain::journal::Journal;
use crate::domain::storage;
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;

pub const DATA_KEY: &str = "restride.data";
/// Prefix of the copies kept of stored text that could not be read; the suffix is the
/// time of the copy in milliseconds, so an older copy is never replaced.
pub const UNREADABLE_COPY_PREFIX: &str = "restride.unreadable.";
/// Prefix of the copies kept of stored text in an older format before it is rewritten in
/// the current one: `restride.backup.v1.<ms>`.
pub const MIGRATION_COPY_PREFIX: &str = "restride.backup.v";
/// The ids of reminders already announced by a system notification.
pub const NOTIFIED_KEY: &str = "restride.notified";
/// Every key Restride writes starts with this.
pub const KEY_PREFIX: &str = "restride.";

/// What start-up found in storage, in words for the runner.
#[derive(Clone, Debug, PartialEq)]
pub enum StartupProblem {
    /// The text could not be read but a copy was kept; new changes are saved.
    UnreadableKeptCopy { reason: String, copy_key: String },
    /// The text could not be read and no copy could be made; nothing will be written.
    UnreadableNotSaving { reason: String },
    /// Storage cannot be used at all (disabled, or blocked by the browser).
    Unavailable,
    /// The data is in an older format and no backup copy could be made before upgrading
    /// it; it loads, but nothing will be written.
    UpgradeNotSaving,
}

impl StartupProblem {
    pub fn message(&self) -> String {
        match self {
            StartupProblem::UnreadableKeptCopy { reason, copy_key } => format!(
                "Your saved runs could not be read: {reason}. The saved text is kept untouched under \"{copy_key}\" in this browser's storage, and new runs are saved alongside."
            ),
            StartupProblem::UnreadableNotSaving { reason } => format!(
                "Your saved runs could not be read: {reason}. To keep that text safe, nothing will be saved in this browser until it is dealt with."
            ),
            StartupProblem::UpgradeNotSaving => "Your saved data is from an earlier version of Restride and a backup copy could not be made before upgrading it (storage may be full). To keep it safe, nothing will be saved in this browser until there is room.".into(),
            StartupProblem::Unavailable => "This browser does not let Restride store data (private mode or storage turned off): runs you log now will be lost when the page closes.".into(),
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum SaveError {
    /// Writing is off because unreadable text must not be overwritten.
    Locked,
    /// The browser refused the write: full, or storage disabled.
    Refused,
}

pub struct Store {
    writable: bool,
    /// What is in storage now, so unchanged state is not written again.
    last_written: RefCell<Journal>,
}

pub struct Loaded {
    pub journal: Journal,
    pub problem: Option<StartupProblem>,
    pub store: Store,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(now_ms: f64) -> Loaded {
    let Some(storage) = storage() else {
        return fresh(Some(StartupProblem::Unavailable), false);
    };
    let raw = match storage.get_item(DATA_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None, true),
        Err(_) => return fresh(Some(StartupProblem::Unavailable), false),
    };
    match envelope::decode_versioned(&raw) {
        Ok(decoded) => {
            // An older format is rewritten by the next save: keep the text as it was first.
            let backed_up = !decoded.is_migration() || {
                let key = format!(
                    "{MIGRATION_COPY_PREFIX}{}.{}",
                    decoded.from_version, now_ms as u64
                );
                storage.set_item(&key, &raw).is_ok()
                    && storage.get_item(&key).ok().flatten().as_deref() == Some(raw.as_str())
            };
            let journal = decoded.journal;
            // A migrated journal differs from the stored text, so the first save writes it.
            let last_written = RefCell::new(if decoded.from_version == envelope::CURRENT_VERSION {
                journal.clone()
            } else {
                Journal::default()
            });
            Loaded {
                journal,
                problem: (!backed_up).then_some(StartupProblem::UpgradeNotSaving),
                store: Store {
                    writable: backed_up,
                    last_written,
                },
            }
        }
        Err(error) => keep_unreadable(&storage, &raw, &error, now_ms),
    }
}

/// Bytes taken by Restride's keys and values in `localStorage`, counted as the domain's
/// storage convention says (UTF-16 code units × 2); `None` when storage cannot be used.
pub fn bytes_used() -> Option<u64> {
    let storage = storage()?;
    let mut bytes = 0;
    for index in 0..storage.length().ok()? {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        if key.starts_with(KEY_PREFIX) {
            let value = storage.get_item(&key).ok()?.unwrap_or_default();
            bytes += storage::bytes_for_text(&key) + storage::bytes_for_text(&value);
        }
    }
    Some(bytes)
}

fn keep_unreadable(
    storage: &web_sys::Storage,
    raw: &str,
    error: &DecodeError,
    now_ms: f64,
) -> Loaded {
    let reason = error.to_string();
    let copy_key = format!("{UNREADABLE_COPY_PREFIX}{}", now_ms as u64);
    let copied = storage.set_item(&copy_key, raw).is_ok()
        && storage.get_item(&copy_key).ok().flatten().as_deref() == Some(raw);
    if copied {
        fresh(
            Some(StartupProblem::UnreadableKeptCopy { reason, copy_key }),
            true,
        )
    } else {
        fresh(Some(StartupProblem::UnreadableNotSaving { reason }), false)
    }
}

fn fresh(problem: Option<StartupProblem>, writable: bool) -> Loaded {
    let journal = Journal::default();
    let last_written = RefCell::new(journal.clone());
    Loaded {
        journal,
        problem,
        store: Store {
            writable,
            last_written,
        },
    }
}

impl Store {
    /// Writes the journal if it differs from what was last written. On failure the next
    /// call tries again, because `last_written` only moves on success.
    pub fn save(&self, journal: &Journal) -> Result<(), SaveError> {
        if !self.writable {
            return Err(SaveError::Locked);
        }
        if *self.last_written.borrow() == *journal {
            return Ok(());
        }
        LocalStorage::set(DATA_KEY, envelope::Stored::of(journal))
            .map_err(|_| SaveError::Refused)?;
        *self.last_written.borrow_mut() = journal.clone();
        Ok(())
    }
}

/// Reminder ids already announced by a notification; empty when unreadable.
pub fn notified() -> std::collections::BTreeSet<String> {
    LocalStorage::get(NOTIFIED_KEY).unwrap_or_default()
}

pub fn set_notified(ids: &std::collections::BTreeSet<String>) {
    let _ = LocalStorage::set(NOTIFIED_KEY, ids);
}

/// The journal another tab has just saved, read from a `storage` event on the data key;
/// `None` for other keys, a removal, or text this build cannot read.
pub fn journal_from_other_tab(event: &web_sys::StorageEvent) -> Option<Journal> {
    if event.key().as_deref() != Some(DATA_KEY) {
        return None;
    }
    envelope::decode(&event.new_value()?).ok()
}
