//! The browser shell: Leptos components that render domain values through signals.
//!
//! State lives in `AppState` (`state.rs`): the journal to read and the commands that change
//! it; one effect persists it (see `App`). Components hold no formulas: they call `domain`
//! functions inside memos.

mod clock;
mod data_settings;
mod device;
mod download;
mod fields;
mod form;
mod history;
mod how;
mod import;
mod install;
mod log;
mod massage;
mod pages;
mod recovery;
mod reminder_settings;
mod router;
mod safekeeping;
mod settings;
mod shell;
mod state;
mod toast;
mod today;

use crate::domain::massage::reminders;
use crate::domain::record::journal::Journal;
use crate::domain::today::checkpoint::Checkpoint;
use crate::store::{self, SaveError};
use leptos::prelude::*;
pub use state::AppState;
use std::cell::OnceCell;
use std::rc::Rc;

pub fn mount() {
    console_error_panic_hook::set_once();
    // Today's checkpoint is read from the Cache API by register.js while the WebAssembly
    // downloads, so it is usually there already.
    wasm_bindgen_futures::spawn_local(async {
        let early = store::read_checkpoint().await;
        leptos::mount::mount_to_body(move || view! { <App early /> });
    });
}

/// The page of a record that no longer exists (deleted, or another device's link).
#[component]
fn Missing(
    title: &'static str,
    what: &'static str,
    back: router::Page,
    back_label: &'static str,
) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{title}</h1>
            <p>
                {format!("This {what} does not exist (it may have been deleted). ")}
                <a href=router::link(&back)>{back_label}</a>
            </p>
        </section>
    }
}

#[component]
fn App(early: Option<Checkpoint>) -> impl IntoView {
    // Today's first screen comes from the checkpoint when there is one for today; the
    // records are read right after it is drawn (or sooner, when a command needs them).
    // Until then nothing touches localStorage: its first access loads every record.
    let early = early.filter(|c| c.describes(clock::today()));
    // The one place that writes, once the records are read. Shared with the storage
    // listener, which can lock it.
    let store: Rc<OnceCell<store::Store>> = Rc::default();
    // The records' reader comes with the second part: with a checkpoint, Today is drawn
    // from it meanwhile; without one, Today waits for the records. With nothing stored
    // there is nothing to read, and Today is drawn at once.
    let nothing_to_read = if early.is_some() {
        None
    } else {
        store::without_records()
    };
    // Records stored and no checkpoint: Today waits for them.
    let waiting = early.is_none() && nothing_to_read.is_none();
    let state = if let Some(loaded) = nothing_to_read {
        let _ = store.set(loaded.store);
        let state = AppState::new(loaded.journal, loaded.problem, None);
        listen_to_other_tabs(state, store.clone());
        state
    } else {
        let started_from = early.as_ref().map(|c| (c.records.clone(), c.day));
        let state = AppState::new(Journal::default(), None, early);
        state.unread.set(waiting);
        let store = store.clone();
        state.read_records_later(move || {
            listen_to_other_tabs(state, store.clone());
            Box::new(move |loaded| {
                if let Some((records, day)) = started_from {
                    loaded.store.started_from(records, day);
                }
                let as_stored = !loaded.store.must_rewrite();
                let _ = store.set(loaded.store);
                state.records_read(loaded.journal, loaded.problem, as_stored);
            })
        });
        state
    };
    clock::mark("restride:storage-read");
    let today = state.today;
    provide_context(state);

    let stored = store.clone();
    let asked_to_keep = std::cell::Cell::new(false);
    // Its value is whether the recovery screen was up on its last run.
    Effect::new(move |previous: Option<bool>| {
        let recovering = state.startup_problem.with(Option::is_some);
        state.journal.track();
        let just_read = state.just_read();
        // Nothing is written before the records are read.
        let Some(saving) = stored.get() else {
            return recovering;
        };
        // The runner has just left the recovery screen ("Start fresh", "Continue"): write
        // the journal now, even an empty one, so the screen does not come back on every
        // start. Unreadable text was copied aside before anything could be written.
        let left_recovery = previous == Some(true) && !recovering;
        if left_recovery {
            saving.forget_written();
        }
        // At start-up, and right after the records are read, the journal is what storage
        // holds: comparing would cost an encoding.
        if (previous.is_none() || just_read) && !saving.must_rewrite() {
            return recovering;
        }
        // The encoder comes with the second part, as does every page that changes the
        // journal; a rewrite the records need waits for it (tracked: it runs once here).
        let Some(encode) = state.reminder_engine.with(|e| e.map(|e| e.encode)) else {
            return recovering;
        };
        let problem = match state.journal.with(|journal| saving.save(journal, encode)) {
            Ok(()) => {
                // Records saved: ask the browser, once a visit, to keep them.
                if !asked_to_keep.get() && state.journal.with(|j| !j.runs.is_empty() || !j.massages.is_empty()) {
                    asked_to_keep.set(true);
                    device::keep_storage();
                }
                keep_today_later(state, stored.clone());
                None
            }
            // While the start-up message is up it explains this; once dismissed, say it.
            Err(SaveError::Locked(reason)) => (!recovering).then_some(reason),
            Err(SaveError::Refused) => Some(
                "Couldn't save to this browser's storage (it may be full or turned off). Your runs are still here on this page; saving is tried again with your next change.".to_string(),
            ),
        };
        if state.save_problem.get_untracked() != problem {
            state.save_problem.set(problem);
        }
        recovering
    });

    // Back in the foreground: the date may have moved on, and reminders with it.
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let shown = document().visibility_state() == web_sys::VisibilityState::Visible;
        if shown && today.get_untracked() != clock::today() {
            today.set(clock::today());
        }
        if let Some(engine) = state.reminder_engine.get_untracked().filter(|_| shown) {
            (engine.announce_due)(state);
        }
    });
    on_cleanup(move || visible.remove());
    // At local midnight the date moves on while the page stays open.
    follow_midnight(today);
    // The app badge follows the due count; notifications go out for newly due reminders.
    // Only once the reminders are known (the engine is here): before, a count of 0 would
    // clear the badge for a moment, and the call would cost the first screen a round trip.
    Effect::new(move |_| {
        let Some(engine) = state.reminder_engine.get() else {
            return;
        };
        let due = state.reminders.with(|all| reminders::due(all).len());
        device::badge(due);
        (engine.announce_due)(state);
    });

    // Fetch the second part: the records' reader, and the reminders (the tab's count,
    // Today's due reminders and notifications). Then read the records if start-up left
    // them, and keep Today's checkpoint for the next start. When Today is waiting for the
    // records this starts at once; otherwise once the first screen has been drawn (two
    // frames on), so it does not delay it.
    let keeping = store.clone();
    let second_part = move || {
        leptos::task::spawn_local(async move {
            state.with_records().await;
            keep_today_later(state, keeping.clone());
            // Then every run's text for the first save, a slice per task.
            prepare_to_save_from(state, keeping.clone(), 0);
        })
    };
    if waiting {
        second_part();
    } else {
        request_animation_frame(move || request_animation_frame(second_part));
    }

    view! { <shell::Shell /> }
}

/// Listens for other tabs' saves: merges their journal with ours record by record, so
/// changes made in either tab survive; the next save writes the merged journal. Text this
/// build cannot read (a newer version) stops all writing here, so it is never overwritten.
/// The merging comes with the second part; nothing can be saved here before it is.
/// Called as the records are read (with `listening` set when they are drawn), never
/// before the first screen: in Chromium, listening for `storage` loads every stored
/// record, as a first localStorage access does. A save made before it is in what is read;
/// one made after the read and before the draw is taken in once the records are drawn.
fn listen_to_other_tabs(state: AppState, listening: Rc<OnceCell<store::Store>>) {
    let reminder_engine = state.reminder_engine;
    // Kept for the page's whole life.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        let listening = listening.clone();
        leptos::task::spawn_local(async move {
            pages::ensure_reminder_engine(reminder_engine).await;
            // Records read but not drawn yet are drawn first: their text is older than
            // this save, which is merged into them.
            state.read_records();
            let Some(store) = listening.get() else {
                return;
            };
            match reminder_engine.get_untracked() {
                Some(engine) => (engine.other_tab)(state, store, &event),
                // Its save could not be taken in: writing now would drop it.
                None => {
                    let reason = "Another open tab saved changes that this page could not take in. To keep them, nothing more is saved from this page: reload it to continue.".to_string();
                    store.lock(reason.clone());
                    state.save_problem.set(Some(reason));
                }
            }
        });
    });
}

/// Stores Today's checkpoint for the journal as saved, a moment later (the code that makes
/// it comes with the second part). Until then none is stored: `Store::save` removed it.
fn keep_today_later(state: AppState, store: Rc<OnceCell<store::Store>>) {
    let Some(engine) = state.reminder_engine.get_untracked() else {
        return;
    };
    set_timeout(
        move || {
            // Only a journal that is what storage holds: not after a failed save, nor over
            // stored text that could not be read.
            let trouble = state.save_problem.with_untracked(Option::is_some)
                || state.startup_problem.with_untracked(Option::is_some);
            let (Some(store), false) = (store.get(), trouble) else {
                return;
            };
            let today = state.today.get_untracked();
            state
                .journal
                .with_untracked(|journal| (engine.keep_today)(store, journal, today));
        },
        std::time::Duration::ZERO,
    );
}

/// Merges another tab's save into this page's journal, or stops writing when its text
/// cannot be read. Comes with the second part.
fn from_other_tab(state: AppState, store: &store::Store, event: &web_sys::StorageEvent) {
    match store.from_other_tab(event) {
        store::FromOtherTab::Journal(theirs) => state.merge_from_other_tab(&theirs),
        store::FromOtherTab::Unreadable(reason) => {
            store.lock(reason.clone());
            state.save_problem.set(Some(reason));
        }
        store::FromOtherTab::Nothing => {}
    }
}

/// Runs written ahead of the first save in one task: a thousand take a couple of
/// milliseconds on a desktop, so a tap meanwhile waits for no more than that.
const RUNS_PREPARED_PER_TASK: usize = 1_000;

/// Writes the texts of the journal's runs from `from` on ahead of the first save, a slice
/// per task. The journal may change in between (a save, another tab): the texts are only
/// a cache, and the save writes whatever is missing or changed. Once every text is ready,
/// one more task rehearses a save (nothing written): the browser then has the save's code
/// compiled and optimised, which the first save would otherwise pay for (about 2 ms with
/// 5,000 runs, 8 ms with 20,000, measured).
fn prepare_to_save_from(state: AppState, store: Rc<OnceCell<store::Store>>, from: usize) {
    set_timeout(
        move || {
            let engine = state.reminder_engine.get_untracked();
            let (Some(saving), Some(engine)) = (store.get(), engine) else {
                return;
            };
            let rehearsed = state.journal.with_untracked(|journal| {
                match journal.runs.get(from..).filter(|runs| !runs.is_empty()) {
                    Some(runs) => {
                        let slice = &runs[..runs.len().min(RUNS_PREPARED_PER_TASK)];
                        saving.prepare_to_save(slice, engine.prepare);
                        false
                    }
                    None => {
                        saving.rehearse_save(journal, engine.encode);
                        true
                    }
                }
            });
            if !rehearsed {
                prepare_to_save_from(state, store, from + RUNS_PREPARED_PER_TASK);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Moves `today` on at each local midnight, for as long as the app runs.
fn follow_midnight(today: RwSignal<chrono::NaiveDate>) {
    set_timeout(
        move || {
            let now = clock::today();
            if today.try_get_untracked().is_some_and(|shown| shown != now) {
                today.set(now);
            }
            follow_midnight(today);
        },
        clock::until_next_midnight(),
    );
}

thread_local! {
    /// Reminder ids whose notification the browser is showing right now.
    static ANNOUNCING: std::cell::RefCell<std::collections::BTreeSet<String>> =
        const { std::cell::RefCell::new(std::collections::BTreeSet::new()) };
}

/// Shows a system notification for each reminder that has become due since it was last
/// announced, when the runner has turned notifications on and the browser allows them.
/// Comes with the reminders engine (`pages::ReminderEngine`), in the second part.
fn announce_due(state: AppState) {
    let enabled = state.journal.with_untracked(|j| j.settings.notifications);
    if !enabled || device::notification_permission() != "granted" {
        return;
    }
    let notified = store::notified();
    let mut newly_due = Vec::new();
    state.reminders.with_untracked(|all| {
        for reminder in reminders::due(all) {
            let id = &reminder.id;
            if !notified.contains(id) && !ANNOUNCING.with_borrow(|ids| ids.contains(id)) {
                newly_due.push((reminder.title.clone(), reminder.why.clone(), id.clone()));
            }
        }
    });
    // Recorded as announced only once the browser has shown it: a page closed in between,
    // or a browser that failed to show it, leaves it for the next start. Meanwhile
    // `ANNOUNCING` keeps a second call from showing it twice (the same tag would replace
    // it anyway).
    for (title, why, id) in newly_due {
        ANNOUNCING.with_borrow_mut(|ids| ids.insert(id.clone()));
        let tag = id.clone();
        device::notify(&title, &why, &tag, move |shown| {
            if shown {
                store::mark_notified(&id);
            }
            ANNOUNCING.with_borrow_mut(|ids| ids.remove(&id));
        });
    }
}
