//! The browser shell: Leptos components that render domain values through signals.
//!
//! State lives in one `RwSignal<Journal>`; one effect persists it (see `App`). Components
//! hold no formulas: they call `domain` functions inside memos.

mod clock;
mod download;
mod form;
mod history;
mod how;
mod install;
mod log;
mod router;
mod settings;
mod shell;
mod toast;
mod today;

use crate::domain::journal::{Deleted, Journal};
use crate::store::{self, SaveError};
use leptos::prelude::*;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Shared app state, provided as context; every field is a cheap `Copy` handle.
#[derive(Clone, Copy)]
pub struct AppState {
    pub journal: RwSignal<Journal>,
    pub toast: RwSignal<Option<toast::Toast>>,
    /// Why the last write failed, shown until a write succeeds.
    pub save_problem: RwSignal<Option<String>>,
    /// What start-up found wrong with storage, shown until dismissed.
    pub startup_problem: RwSignal<Option<String>>,
}

impl AppState {
    pub fn say(&self, message: impl Into<String>, undo: Option<Deleted>) {
        toast::show(self.toast, message.into(), undo);
    }
}

#[component]
fn App() -> impl IntoView {
    let loaded = store::load(clock::now_ms());
    let state = AppState {
        journal: RwSignal::new(loaded.journal),
        toast: RwSignal::new(None),
        save_problem: RwSignal::new(None),
        startup_problem: RwSignal::new(loaded.problem.map(|p| p.message())),
    };
    provide_context(state);

    // The one place that writes: after every change of the journal.
    let store = loaded.store;
    Effect::new(move |_| {
        let problem = match state.journal.with(|journal| store.save(journal)) {
            // A locked store is already explained by the start-up message.
            Ok(()) | Err(SaveError::Locked) => None,
            Err(SaveError::Refused) => Some(
                "Couldn't save to this browser's storage (it may be full or turned off). Your runs are still here on this page; saving is tried again with your next change.".to_string(),
            ),
        };
        if state.save_problem.get_untracked() != problem {
            state.save_problem.set(problem);
        }
    });

    // Another tab saved: take its journal, so this tab's next save builds on it instead of
    // overwriting it. If this tab's own last save failed, keep its runs as well.
    let other_tab = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(theirs) = store::journal_from_other_tab(&event) {
            let unsaved = state.save_problem.get_untracked().is_some();
            state.journal.update(|ours| {
                *ours = if unsaved {
                    theirs.with_runs_of(ours)
                } else {
                    theirs
                };
            });
        }
    });
    on_cleanup(move || other_tab.remove());

    view! { <shell::Shell /> }
}
