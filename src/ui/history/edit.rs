//! Editing or deleting one run.

use crate::domain::input::run_draft::RunDraft;
use crate::domain::record::run::Run;
use crate::ui::form::RunForm;
use crate::ui::router::{Page, Router};
use crate::ui::{AppState, Missing};
use leptos::prelude::*;

/// Rendered anew for each id by the router.
#[component]
pub fn EditRunPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Untracked: the form must not reset itself when the journal changes.
    let found = state.journal.with_untracked(|j| j.run(&id).cloned());
    match found {
        Some(run) => view! {
            <section class="page">
                <h1>"Edit run"</h1>
                <EditForm run />
            </section>
        }
        .into_any(),
        None => view! { <Missing title="Edit run" what="run" back=Page::History back_label="Back to history" /> }
            .into_any(),
    }
}

#[component]
fn EditForm(run: Run) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let unit = state.journal.with_untracked(|j| j.settings.unit);
    let id = run.id.clone();

    let on_save = move |run: Run| {
        state.save_run(run);
        state.say_saved("Changes saved.");
        // History is drawn in the next frame: the save comes first, in this one.
        request_animation_frame(move || router.go(&Page::History));
    };
    let delete = move |_| {
        state.delete_run(&id);
        router.go(&Page::History);
    };

    view! {
        <RunForm
            initial=RunDraft::from_run(&run, unit)
            id=run.id.clone()
            submit_label="Save changes"
            on_save
        />
        <div class="danger-zone">
            <button type="button" class="danger" on:click=delete>
                "Delete run"
            </button>
        </div>
    }
}
