//! A short message at the bottom of the screen, with Undo after a delete.

use super::AppState;
use crate::domain::record::journal::Deleted;
use leptos::prelude::*;
use std::time::Duration;

const VISIBLE_FOR: Duration = Duration::from_secs(8);

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// Distinguishes toasts so an old timer never hides a newer one.
    serial: u64,
    message: String,
    undo: Option<Deleted>,
    /// Says a change was saved: while the last write has failed, it says so instead.
    saved: bool,
}

/// What a "saved" toast says while the write failed (the banner above says why).
const NOT_SAVED: &str =
    "Kept on this page, but not saved to this browser's storage: see the message above.";

pub fn show(toast: RwSignal<Option<Toast>>, message: String, undo: Option<Deleted>, saved: bool) {
    let serial = toast.with_untracked(|t| t.as_ref().map_or(0, |t| t.serial + 1));
    toast.set(Some(Toast {
        serial,
        message,
        undo,
        saved,
    }));
    set_timeout(
        move || {
            if toast.with_untracked(|t| t.as_ref().map(|t| t.serial)) == Some(serial) {
                toast.set(None);
            }
        },
        VISIBLE_FOR,
    );
}

#[component]
pub fn ToastArea() -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = move |_| {
        if let Some(deleted) = state
            .toast
            .with_untracked(|t| t.as_ref().and_then(|t| t.undo.clone()))
        {
            let message = deleted.restored_message();
            state.restore(deleted);
            state.say(message, None);
        }
    };
    view! {
        // The live region exists from the start so screen readers announce what appears in it.
        <div class="toast-area" role="status" aria-live="polite">
            {move || {
                state
                    .toast
                    .get()
                    .map(|toast| {
                        let has_undo = toast.undo.is_some();
                        let (message, saved) = (toast.message, toast.saved);
                        let text = move || {
                            if saved && state.save_problem.with(Option::is_some) {
                                NOT_SAVED.to_string()
                            } else {
                                message.clone()
                            }
                        };
                        view! {
                            <div class="toast">
                                <span>{text}</span>
                                <Show when=move || has_undo>
                                    <button type="button" class="link-button" on:click=undo>
                                        "Undo"
                                    </button>
                                </Show>
                                <button
                                    type="button"
                                    class="icon-button"
                                    aria-label="Dismiss message"
                                    on:click=move |_| state.toast.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
