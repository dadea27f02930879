//! Editing or deleting one run.

use crate::domain::draft::RunDraft;
use crate::domain::run::Run;
use crate::ui::form::RunForm;
use crate::ui::router::{href, Router};
use crate::ui::AppState;
use leptos::prelude::*;

/// Rendered anew for each id by the router.
#[component]
pub fn EditRunPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Untracked: the form must not reset itself when the journal changes.
    let found = state.journal.with_untracked(|j| j.run(&id).cloned());
    view! {
        <section class="page">
            <h1>"Edit run"</h1>
            {match found {
                Some(run) => view! { <EditForm run /> }.into_any(),
                None => {
                    view! {
                        <p>
                            "This run does not exist (it may have been deleted). "
                            <a href=href("/history")>"Back to history"</a>
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn EditForm(run: Run) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let unit = state.journal.with_untracked(|j| j.settings.unit);
    let id = run.id.clone();

    let on_save = move |run: Run| {
        state.journal.update(|j| j.save_run(run));
        state.say("Changes saved.", None);
        router.go("/history");
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let mut deleted = None;
            state.journal.update(|j| deleted = j.delete_run(&id));
            if let Some(deleted) = deleted {
                state.say("Run deleted.", Some(deleted));
            }
            router.go("/history");
        }
    };

    view! {
        <RunForm initial=RunDraft::from_run(&run, unit) id submit_label="Save changes" on_save />
        <div class="danger-zone">
            <button type="button" class="danger" on:click=delete>
                "Delete run"
            </button>
        </div>
    }
}
