//! The only code that touches browser storage.
//!
//! One key holds the versioned envelope (`domain::data::envelope`). Text that cannot be read is
//! copied to a backup key before anything is written over it; if that copy fails, writing
//! stays off so the unreadable text survives.
//!
//! Reading goes through `web_sys::Storage` because the exact stored text is needed (to
//! keep an unreadable copy byte for byte) and because gloo's `raw()` throws when storage
//! is disabled; writing goes through `gloo_storage`, and only once start-up has shown
//! that storage exists.

use crate::domain::data::envelope::{self, DecodeError};
use crate::domain::data::quota;
use crate::domain::record::journal::Journal;
use crate::domain::today::checkpoint::Checkpoint;
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
/// When the runner last saved or shared a backup (milliseconds).
pub const LAST_BACKUP_KEY: &str = "restride.last_backup";
/// When the runner last dismissed Today's "Back up your runs" card.
pub const BACKUP_NUDGE_DISMISSED_KEY: &str = "restride.backup_nudge_dismissed";
/// Kept copies whose notice the runner dismissed on Today (Settings still lists them).
pub const LEFT_OUT_SEEN_KEY: &str = "restride.left_out_seen";
/// Where Today's checkpoint was kept before it moved to the Cache API (`read_checkpoint`):
/// removed when the records are read.
pub const OLD_TODAY_KEY: &str = "restride.today";
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
    /// Some records were invalid and left out; the stored text is kept under `copy_key`
    /// (`None`: the copy failed and nothing will be written).
    SetAside {
        records: Vec<String>,
        copy_key: Option<String>,
    },
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
            StartupProblem::SetAside { records, copy_key } => {
                let (count, were, those) = match records.len() {
                    1 => ("One saved record".to_string(), "was", "that record"),
                    n => (format!("{n} saved records"), "were", "those records"),
                };
                match copy_key {
                    Some(key) => format!("{count} could not be read and {were} left out; everything else loaded. The saved text, with {those}, is kept untouched under \"{key}\" in this browser's storage."),
                    None => format!("{count} could not be read and {were} left out; everything else loaded. No copy of the saved text could be made, so nothing will be saved in this browser until there is room."),
                }
            }
            StartupProblem::UpgradeNotSaving => "Your saved data is from an earlier version of Restride and a backup copy could not be made before upgrading it (storage may be full). To keep it safe, nothing will be saved in this browser until there is room.".into(),
            StartupProblem::Unavailable => "This browser does not let Restride store data (private mode or storage turned off): runs you log now will be lost when the page closes.".into(),
        }
    }
}

impl StartupProblem {
    /// Problems that open the recovery screen: stored text that could not be (fully) read.
    pub fn needs_recovery(&self) -> bool {
        matches!(
            self,
            StartupProblem::UnreadableKeptCopy { .. }
                | StartupProblem::UnreadableNotSaving { .. }
                | StartupProblem::SetAside { .. }
        )
    }

    /// The key that holds the stored text exactly as it was found.
    pub fn original_key(&self) -> &str {
        match self {
            StartupProblem::UnreadableKeptCopy { copy_key, .. }
            | StartupProblem::SetAside {
                copy_key: Some(copy_key),
                ..
            } => copy_key,
            _ => DATA_KEY,
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum SaveError {
    /// Writing is off because unreadable text must not be overwritten; why, in words.
    Locked(String),
    /// The browser refused the write: full, or storage disabled.
    Refused,
}

/// `envelope::Encoder::encode`, which comes with the second part of the WebAssembly.
pub type Encode = fn(&mut envelope::Encoder, &Journal) -> String;
/// `envelope::Encoder::prepare`, which comes with the second part too.
pub type Prepare = fn(&mut envelope::Encoder, &[crate::domain::record::run::Run]);

pub struct Store {
    /// Why nothing may be written, once that is so; `None` while writing is allowed.
    locked: RefCell<Option<String>>,
    /// The text in storage as this page last read or wrote it, so an unchanged journal is
    /// not written again (equal journals encode to equal texts). `None`: the next save
    /// writes, as after a migration or with records set aside.
    last_written: RefCell<Option<String>>,
    /// The stored text this page found unreadable at start-up: a late `storage` event
    /// carrying that same text is not another tab's news.
    unreadable_at_start: Option<String>,
    /// Keeps each run's text, so a save after one change writes one run's JSON anew.
    encoder: RefCell<envelope::Encoder>,
    /// The records (fingerprint) and day of the checkpoint stored now, as far as this page
    /// knows: the one it started from, or the last it wrote. `None` after a save.
    kept_today: RefCell<Option<(String, chrono::NaiveDate)>>,
}

pub struct Loaded {
    pub journal: Journal,
    pub problem: Option<StartupProblem>,
    pub store: Store,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Has the browser bring the stored records into the page, without reading them: in
/// Chromium a page's first localStorage access loads every stored item (about 15 ms with
/// 20,000 runs), so this is done in a task of its own, before the one that reads and
/// decodes them.
pub fn bring_into_page() {
    if let Some(storage) = storage() {
        let _ = storage.length();
    }
}

/// Start-up without reading any record: a new runner (nothing stored) or storage that
/// cannot be used gives its empty journal at once; `None` when there are records to read
/// with `load`, which comes with the second part of the WebAssembly (so the records'
/// reader, with its migrations and record-by-record path, stays out of the first download).
pub fn without_records() -> Option<Loaded> {
    let Some(storage) = storage() else {
        return Some(fresh(Some(StartupProblem::Unavailable), false));
    };
    match storage.get_item(DATA_KEY) {
        Ok(Some(_)) => None,
        Ok(None) => Some(fresh(None, true)),
        Err(_) => Some(fresh(Some(StartupProblem::Unavailable), false)),
    }
}

/// The records being read: their text is taken from storage when this starts, and
/// decoded a step at a time (`step`, one per task) or at once (`finish`).
pub struct Loading {
    now_ms: u64,
    stage: LoadingStage,
}

enum LoadingStage {
    /// Nothing to decode: no records, or no storage.
    Done(Box<Loaded>),
    Decoding {
        storage: web_sys::Storage,
        decoding: envelope::Decoding,
    },
}

/// Starts reading the records: takes their text from storage (copied into the
/// WebAssembly's memory, about 9 ms with 20,000 runs), leaving its decoding for the
/// steps (`envelope::Decoding`). Called through the second part's engine (`ui::pages::ReminderEngine`).
pub fn start_loading(now_ms: u64) -> Loading {
    let done = |loaded| Loading {
        now_ms,
        stage: LoadingStage::Done(Box::new(loaded)),
    };
    let Some(storage) = storage() else {
        return done(fresh(Some(StartupProblem::Unavailable), false));
    };
    // Where earlier builds kept Today's checkpoint: its room goes back to the records.
    let _ = storage.remove_item(OLD_TODAY_KEY);
    match storage.get_item(DATA_KEY) {
        Ok(Some(raw)) => Loading {
            now_ms,
            stage: LoadingStage::Decoding {
                storage,
                decoding: envelope::Decoding::new(raw),
            },
        },
        Ok(None) => done(fresh(None, true)),
        Err(_) => done(fresh(Some(StartupProblem::Unavailable), false)),
    }
}

impl Loading {
    /// Decodes the next part of the records. Whether they are all decoded.
    pub fn step(&mut self) -> bool {
        match &mut self.stage {
            LoadingStage::Done(_) => true,
            LoadingStage::Decoding { decoding, .. } => decoding.step(),
        }
    }

    /// Decodes what is left at once, and copies aside first whatever the next save would
    /// not write back as it is.
    pub fn finish(self) -> Loaded {
        match self.stage {
            LoadingStage::Done(loaded) => *loaded,
            LoadingStage::Decoding { storage, decoding } => {
                let (raw, decoded) = decoding.finish();
                loaded_from(&storage, raw, decoded, self.now_ms)
            }
        }
    }
}

/// The records read from `raw`, copying aside first whatever the next save would not
/// write back as it is.
fn loaded_from(
    storage: &web_sys::Storage,
    raw: String,
    decoded: Result<envelope::Decoded, DecodeError>,
    now_ms: u64,
) -> Loaded {
    match decoded {
        Ok(decoded) => {
            // Text that the next save will not write back as it is (records set aside, an
            // older format) is copied first, and checked; if that fails nothing is written.
            let copy_prefix = if !decoded.set_aside.is_empty() {
                Some(UNREADABLE_COPY_PREFIX.to_string())
            } else if decoded.is_migration() {
                Some(format!("{MIGRATION_COPY_PREFIX}{}.", decoded.from_version))
            } else {
                None
            };
            let copied = copy_prefix.map(|prefix| copy_once(storage, &prefix, &raw, now_ms));
            let writable = !matches!(copied, Some(None));
            let problem = if !decoded.set_aside.is_empty() {
                Some(StartupProblem::SetAside {
                    records: decoded.set_aside.iter().map(|r| r.to_string()).collect(),
                    copy_key: copied.clone().flatten(),
                })
            } else {
                (!writable).then_some(StartupProblem::UpgradeNotSaving)
            };
            // When the text must be rewritten, the first save writes it.
            let last_written = RefCell::new(copied.is_none().then_some(raw));
            let locked =
                (!writable).then(|| problem.as_ref().map(|p| p.message()).unwrap_or_default());
            Loaded {
                journal: decoded.journal,
                problem,
                store: Store {
                    locked: RefCell::new(locked),
                    last_written,
                    unreadable_at_start: None,
                    encoder: RefCell::default(),
                    kept_today: RefCell::default(),
                },
            }
        }
        Err(error) => keep_unreadable(storage, &raw, &error, now_ms),
    }
}

/// Writes `text` under `key` and reads it back.
fn copy_verified(storage: &web_sys::Storage, key: &str, text: &str) -> bool {
    storage.set_item(key, text).is_ok()
        && storage.get_item(key).ok().flatten().as_deref() == Some(text)
}

/// The stored text under `key`, exactly; `None` if absent or storage is unusable.
pub fn stored_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Bytes taken by Restride's keys and values in `localStorage`, counted as the domain's
/// storage convention says (`quota::bytes_for_text`); `None` when storage cannot be used.
pub fn bytes_used() -> Option<u64> {
    let storage = storage()?;
    let mut bytes = 0;
    for index in 0..storage.length().ok()? {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        if key.starts_with(KEY_PREFIX) {
            let value = storage.get_item(&key).ok()?.unwrap_or_default();
            bytes += quota::bytes_for_text(&key) + quota::bytes_for_text(&value);
        }
    }
    Some(bytes)
}

fn keep_unreadable(
    storage: &web_sys::Storage,
    raw: &str,
    error: &DecodeError,
    now_ms: u64,
) -> Loaded {
    let reason = error.to_string();
    let copy_key = copy_once(storage, UNREADABLE_COPY_PREFIX, raw, now_ms);
    let kept = Some(raw.to_string());
    if let Some(copy_key) = copy_key {
        fresh_after(
            Some(StartupProblem::UnreadableKeptCopy { reason, copy_key }),
            true,
            kept,
        )
    } else {
        fresh_after(
            Some(StartupProblem::UnreadableNotSaving { reason }),
            false,
            kept,
        )
    }
}

fn fresh(problem: Option<StartupProblem>, writable: bool) -> Loaded {
    fresh_after(problem, writable, None)
}

/// An empty journal, writable or not, remembering the unreadable text found at start-up.
fn fresh_after(
    problem: Option<StartupProblem>,
    writable: bool,
    unreadable_at_start: Option<String>,
) -> Loaded {
    let journal = Journal::default();
    // Nothing is stored, and no journal's text is empty: the first change is written.
    let last_written = RefCell::new(Some(String::new()));
    let locked = (!writable).then(|| problem.as_ref().map(|p| p.message()).unwrap_or_default());
    Loaded {
        journal,
        problem,
        store: Store {
            locked: RefCell::new(locked),
            last_written,
            unreadable_at_start,
            encoder: RefCell::default(),
            kept_today: RefCell::default(),
        },
    }
}

/// Copies `text` to `<prefix><now_ms>` and reads it back; a copy already kept under the
/// prefix with the same text is used instead, so reopening the app never piles up copies.
fn copy_once(storage: &web_sys::Storage, prefix: &str, text: &str, now_ms: u64) -> Option<String> {
    for index in 0..storage.length().unwrap_or(0) {
        if let Some(key) = storage.key(index).ok().flatten() {
            if key.starts_with(prefix)
                && storage.get_item(&key).ok().flatten().as_deref() == Some(text)
            {
                return Some(key);
            }
        }
    }
    let key = format!("{prefix}{now_ms}");
    copy_verified(storage, &key, text).then_some(key)
}

impl Store {
    /// Stops all writing, e.g. when another tab has written text this build cannot read.
    pub fn lock(&self, reason: String) {
        *self.locked.borrow_mut() = Some(reason);
    }

    /// Writes the journal if it differs from what was last written. On failure the next
    /// call tries again, because `last_written` only moves on success. `encode` is
    /// `Encoder::encode`, which comes with the second part (so does the encoding itself).
    pub fn save(&self, journal: &Journal, encode: Encode) -> Result<(), SaveError> {
        if let Some(reason) = self.locked.borrow().as_ref() {
            return Err(SaveError::Locked(reason.clone()));
        }
        let text = encode(&mut self.encoder.borrow_mut(), journal);
        if self.last_written.borrow().as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        // The checkpoint names the records it was made from: its removal is asked for
        // first, so a new one is never written before it (and if the page closes before
        // the removal is done, the next start finds it names other records).
        let _ = forget_today_js();
        *self.kept_today.borrow_mut() = None;
        let raw = LocalStorage::raw();
        raw.set_item(DATA_KEY, &text)
            .map_err(|_| SaveError::Refused)?;
        *self.last_written.borrow_mut() = Some(text);
        Ok(())
    }

    /// Stores Today's checkpoint of `journal`, which this page last read or wrote as the
    /// records' text, unless the one stored already names that text on `today`. Nothing
    /// when storage holds other records now (another tab wrote since). With nothing stored
    /// (a new runner) the records' text is the empty one, so that start-up too draws Today
    /// without touching localStorage. Called through the second part's engine, so its code
    /// comes with that part.
    pub fn keep_checkpoint(&self, journal: &Journal, today: chrono::NaiveDate) {
        let last_written = self.last_written.borrow();
        let Some(text) = last_written.as_deref() else {
            return;
        };
        let records = crate::domain::today::checkpoint::fingerprint(text);
        let kept = (records, today);
        // Already stored for this text today (the page started from it, or kept it after
        // its last save): nothing to write, so no reason to read the whole text back, which
        // costs as much as the start-up read (20 ms with 20,000 runs).
        if self.kept_today.borrow().as_ref() == Some(&kept) {
            return;
        }
        let Some(storage) = storage() else {
            return;
        };
        // Not `stored_text`: nothing stored is the empty text, unusable storage is not.
        let stored = match storage.get_item(DATA_KEY) {
            Ok(stored) => stored.unwrap_or_default(),
            Err(_) => return,
        };
        if stored != text {
            return;
        }
        write_checkpoint(&Checkpoint::of(journal, today, kept.0.clone()));
        *self.kept_today.borrow_mut() = Some(kept);
    }

    /// The checkpoint this page started from, which names these records on that day: it
    /// need not be written again that day.
    pub fn started_from(&self, records: String, day: chrono::NaiveDate) {
        *self.kept_today.borrow_mut() = Some((records, day));
    }

    /// Writes these runs' texts in advance, while the page is idle after start-up (a slice
    /// at a time), so the first save after it costs what the others do.
    pub fn prepare_to_save(&self, runs: &[crate::domain::record::run::Run], prepare: Prepare) {
        prepare(&mut self.encoder.borrow_mut(), runs);
    }

    /// Encodes `journal` as `save` would, without writing anything (see
    /// `ui::prepare_to_save_from`).
    pub fn rehearse_save(&self, journal: &Journal, encode: Encode) {
        encode(&mut self.encoder.borrow_mut(), journal);
    }

    /// Makes the next `save` write whatever it is given (the runner left the recovery
    /// screen: the unreadable text is copied aside and must not be read again).
    pub fn forget_written(&self) {
        *self.last_written.borrow_mut() = None;
    }

    /// Whether the journal must be written though it has not changed since start-up read
    /// it: a migration, or records set aside.
    pub fn must_rewrite(&self) -> bool {
        self.last_written.borrow().is_none()
    }
}

/// The copies of stored text kept aside at start-up, oldest first: (key, text).
pub fn kept_copies() -> Vec<(String, String)> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let mut copies: Vec<(String, String)> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(UNREADABLE_COPY_PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect();
    crate::domain::order::sort_by_key(&mut copies, |(key, _)| copied_ms(key));
    copies
}

/// When a kept copy was made, from its key.
pub fn copied_ms(key: &str) -> u64 {
    key.strip_prefix(UNREADABLE_COPY_PREFIX)
        .and_then(|ms| ms.parse().ok())
        .unwrap_or(0)
}

/// Drops a kept copy for good, at the runner's word.
pub fn drop_copy(key: &str) {
    if key.starts_with(UNREADABLE_COPY_PREFIX) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }
}

/// A small value of Restride's own under `key`; `None` when absent or unreadable.
pub fn read_value<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&stored_text(key)?).ok()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    // Today's checkpoint in the Cache API (pwa/register.js), away from the records: the
    // first localStorage access of a page loads all of them.
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = readToday, catch)]
    fn read_today_js() -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = keepToday, catch)]
    fn keep_today_js(text: &str) -> Result<(), wasm_bindgen::JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = forgetToday, catch)]
    fn forget_today_js() -> Result<(), wasm_bindgen::JsValue>;
}

/// Today's checkpoint as stored when the page started, when there is one readable in this
/// version's format. Never touches localStorage.
pub async fn read_checkpoint() -> Option<Checkpoint> {
    let text = wasm_bindgen_futures::JsFuture::from(read_today_js().ok()?)
        .await
        .ok()?;
    Checkpoint::from_text(&text.as_string()?)
}

/// Stores Today's checkpoint; a refused write leaves none, which only means the next start
/// reads the records first.
pub fn write_checkpoint(checkpoint: &Checkpoint) {
    let _ = keep_today_js(&checkpoint.to_text());
}

/// Writes a small value under `key`; a refused write is left for the next time.
pub fn write_value<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

/// Reminder ids already announced by a notification; empty when unreadable or when
/// storage cannot be used.
pub fn notified() -> std::collections::BTreeSet<String> {
    read_value(NOTIFIED_KEY).unwrap_or_default()
}

/// Adds `id` to the announced reminders, once the browser has shown its notification.
pub fn mark_notified(id: &str) {
    let mut ids = notified();
    if ids.insert(id.to_owned()) {
        write_value(NOTIFIED_KEY, &ids);
    }
}

/// What another tab's `storage` event means for this one.
pub enum FromOtherTab {
    /// It saved this journal: merge it.
    Journal(Journal),
    /// It saved text this build cannot read (a newer version): stop writing.
    Unreadable(String),
    /// Another key, or a removal.
    Nothing,
}

impl Store {
    /// What another tab's `storage` event means for this page.
    pub fn from_other_tab(&self, event: &web_sys::StorageEvent) -> FromOtherTab {
        if event.key().as_deref() != Some(DATA_KEY) {
            return FromOtherTab::Nothing;
        }
        let Some(text) = event.new_value() else {
            return FromOtherTab::Nothing;
        };
        match envelope::decode(&text) {
            Ok(journal) => {
                // Storage holds their text now: the merged journal is written unless it
                // is exactly that, so records only this page has reach storage too.
                *self.last_written.borrow_mut() = Some(text);
                FromOtherTab::Journal(journal)
            }
            Err(_) if self.unreadable_at_start.as_deref() == Some(text.as_str()) => {
                FromOtherTab::Nothing
            }
            Err(error) => FromOtherTab::Unreadable(format!(
                "Another open tab saved data this page cannot read ({error}). To keep it safe, nothing more is saved from this page: reload it to continue."
            )),
        }
    }
}
