//! "Your data" in Settings: the full backup and the runs as CSV (shared on phones,
//! downloaded elsewhere), and the way to import.

use super::router::{link, Page};
use super::{download, AppState};
use crate::domain::data::envelope;
use crate::domain::data::export::runs_csv::{backup_file_name, runs_csv, runs_csv_file_name};
use leptos::prelude::*;

/// The whole journal as a backup file, at once: shared on phones, downloaded elsewhere.
/// For the storage-full banner, where the backup date could not be stored anyway. Reached
/// through the second part's engine (a save, which can fail, needs that part too).
pub fn hand_over_backup(state: AppState) {
    let text = state.journal.with_untracked(envelope::encode);
    let name = backup_file_name(state.today.get_untracked());
    download::share_or_offer(&name, "application/json", &text);
}

/// The whole journal as a backup file: shared on phones, downloaded elsewhere. Once it is
/// handed over (not when the share sheet is cancelled), the date is recorded, which
/// Today's backup card counts from, and `saved` is called.
pub fn offer_backup(state: AppState, saved: impl FnOnce() + 'static) {
    let text = state.journal.with_untracked(envelope::encode);
    let name = backup_file_name(state.today.get_untracked());
    download::share_or_offer_then(&name, "application/json", &text, move |handed| {
        if handed {
            crate::store::write_value(crate::store::LAST_BACKUP_KEY, &super::clock::now_ms());
            saved();
        }
    });
}

#[component]
pub fn DataSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let backup = move |_| offer_backup(state, || {});
    let csv = move |_| {
        let text = state.journal.with_untracked(runs_csv);
        let name = runs_csv_file_name(state.today.get_untracked());
        download::share_or_offer(&name, "text/csv", &text);
    };
    view! {
        <h2 id="your-data">"Your data"</h2>
        <p class="muted">
            "Everything lives only in this browser. Keep a backup somewhere else now and then: it holds your runs, massages, races and settings, and Restride can import it on any device."
        </p>
        <p class="page-actions">
            <button type="button" class="secondary" on:click=backup>
                "Back up everything (JSON)"
            </button>
            <button type="button" class="secondary" on:click=csv>
                "Export runs (CSV)"
            </button>
            <a class="button secondary" href=link(&Page::Import)>
                "Import…"
            </a>
        </p>
        <super::safekeeping::StorageKept />
        <super::safekeeping::KeptCopies />
    }
}
