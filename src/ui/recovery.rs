//! The recovery screen: shown instead of the app when the stored data could not be read,
//! or only in part. It says what happened and offers the ways forward; it never deletes
//! the saved text.

use super::router::{link, Page};
use super::{download, AppState};
use crate::domain::text::dates;
use crate::store::{self, StartupProblem};
use leptos::prelude::*;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(problem) = state.startup_problem.get_untracked() else {
        return ().into_any();
    };
    let original_key = problem.original_key().to_string();
    let download_raw = move |_| {
        if let Some(text) = store::stored_text(&original_key) {
            let name = format!(
                "restride-saved-data-{}.json",
                dates::iso(state.today.get_untracked())
            );
            download::share_or_offer(&name, "application/json", &text);
        }
    };
    let set_aside = match &problem {
        StartupProblem::SetAside { records, .. } => records.clone(),
        _ => Vec::new(),
    };
    let continue_label = match &problem {
        StartupProblem::SetAside { .. } => "Continue with the data that could be read",
        StartupProblem::UnreadableKeptCopy { .. } => "Start fresh (the saved copy stays)",
        _ => "Continue without saving",
    };
    let dismiss = move |_| state.startup_problem.set(None);
    view! {
        <section class="page recovery" aria-labelledby="recovery-heading">
            <h1 id="recovery-heading">"Your saved data needs attention"</h1>
            <p role="alert">{problem.message()}</p>
            {(!set_aside.is_empty())
                .then(|| {
                    view! {
                        <h2>"Left out"</h2>
                        <ul class="set-aside">
                            {set_aside.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <h2>"What you can do"</h2>
            <ol class="recovery-steps">
                <li>
                    <p>"Keep a copy of the saved data as it was, to look at or to send for help."</p>
                    <button type="button" class="secondary" on:click=download_raw>
                        "Download the saved data"
                    </button>
                </li>
                <li>
                    <p>"If you have a backup file, import it."</p>
                    <a class="button secondary" href=link(&Page::Import) on:click=dismiss>
                        "Import a backup"
                    </a>
                </li>
                <li>
                    <button type="button" class="primary" on:click=dismiss>
                        {continue_label}
                    </button>
                </li>
            </ol>
        </section>
    }
    .into_any()
}
