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
use crate::store::{self, SaveError};
use leptos::prelude::*;
pub use state::AppState;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
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
fn App() -> impl IntoView {
    let loaded = store::load(clock::now_ms());
    clock::mark("restride:storage-read");
    let state = AppState::new(loaded.journal, loaded.problem);
    let (today, reminder_engine) = (state.today, state.reminder_engine);
    provide_context(state);

    // The one place that writes: after every change of the journal. Shared with the
    // storage listener, which can lock it.
    let store = std::rc::Rc::new(loaded.store);
    let saving = store.clone();
    let asked_to_keep = std::cell::Cell::new(false);
    // Its value is whether the recovery screen was up on its last run.
    Effect::new(move |previous: Option<bool>| {
        let recovering = state.startup_problem.with(Option::is_some);
        state.journal.track();
        // At start-up the journal is what storage holds: comparing would cost an encoding.
        if previous.is_none() && !saving.must_rewrite() {
            return recovering;
        }
        // The runner has just left the recovery screen ("Start fresh", "Continue"): write
        // the journal now, even an empty one, so the screen does not come back on every
        // start. Unreadable text was copied aside before anything could be written.
        if previous == Some(true) && !recovering {
            saving.forget_written();
        }
        let problem = match state.journal.with(|journal| saving.save(journal)) {
            Ok(()) => {
                // Records saved: ask the browser, once a visit, to keep them.
                if !asked_to_keep.get() && state.journal.with(|j| !j.runs.is_empty() || !j.massages.is_empty()) {
                    asked_to_keep.set(true);
                    device::keep_storage();
                }
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

    // Another tab saved: merge its journal with ours record by record, so changes made
    // in either tab survive; the next save writes the merged journal. Text this build
    // cannot read (a newer version) stops all writing here, so it is never overwritten.
    let other_tab = window_event_listener(leptos::ev::storage, move |event| {
        match store.from_other_tab(&event) {
            store::FromOtherTab::Journal(theirs) => state.merge_from_other_tab(&theirs),
            store::FromOtherTab::Unreadable(reason) => {
                store.lock(reason.clone());
                state.save_problem.set(Some(reason));
            }
            store::FromOtherTab::Nothing => {}
        }
    });
    on_cleanup(move || other_tab.remove());

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
    Effect::new(move |_| {
        let due = state.reminders.with(|all| reminders::due(all).len());
        device::badge(due);
        if let Some(engine) = state.reminder_engine.get() {
            (engine.announce_due)(state);
        }
    });

    // Once the first screen has been drawn (two frames on), fetch the second part for the
    // reminders: the tab's count, Today's due reminders and notifications.
    request_animation_frame(move || {
        request_animation_frame(move || {
            leptos::task::spawn_local(pages::ensure_reminder_engine(reminder_engine));
        })
    });

    view! { <shell::Shell /> }
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
