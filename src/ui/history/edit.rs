//! Editing or deleting one run.

use crate::domain::draft::RunDraft;
use crate::domain::run::Run;
use crate::ui::form::RunForm;
use crate::ui::AppState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn EditRunPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();

    view! {
        <section class="page">
            <h1>"Edit run"</h1>
            {move || {
                let id = id();
                // Untracked: the form must not reset itself when the journal changes.
                let found = state.journal.with_untracked(|j| j.run(&id).cloned());
                match found {
                    Some(run) => view! { <EditForm run /> }.into_any(),
                    None => {
                        view! {
                            <p>
                                "This run does not exist (it may have been deleted). "
                                <a href="/history">"Back to history"</a>
                            </p>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}

#[component]
fn EditForm(run: Run) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let unit = state.journal.with_untracked(|j| j.settings.unit);
    let id = run.id.clone();

    let go_to_history = navigate.clone();
    let on_save = move |run: Run| {
        state.journal.update(|j| j.save_run(run));
        state.say("Changes saved.", None);
        go_to_history("/history", Default::default());
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let mut deleted = None;
            state.journal.update(|j| deleted = j.delete_run(&id));
            if let Some(deleted) = deleted {
                state.say("Run deleted.", Some(deleted));
            }
            navigate("/history", Default::default());
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
