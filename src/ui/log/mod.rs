//! "Log a run": what a runner does most, so it is one tap away on every page.

use super::clock;
use super::form::RunForm;
use super::AppState;
use crate::domain::input::run_draft::RunDraft;
use crate::domain::record::run::Run;
use crate::ui::router::{Page, Router};
use leptos::prelude::*;

#[component]
pub fn LogPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let on_save = move |run: Run| {
        state.save_run(run);
        state.say_saved("Run saved.");
        // History is drawn in the next frame: the save comes first, in this one.
        request_animation_frame(move || router.go(&Page::History));
    };
    view! {
        <section class="page">
            <h1>"Log a run"</h1>
            <RunForm
                initial=RunDraft::new_for(state.today.get_untracked())
                id=clock::new_id()
                submit_label="Save run"
                on_save
            />
        </section>
    }
}
