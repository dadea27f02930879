//! Keeping the data safe where it lives: records left out at start-up stay in view (a
//! notice on Today, the copies in Settings › Your data) until the runner downloads or
//! drops them; whether the browser keeps the storage, the last backup, and Today's quiet
//! "Back up your runs" card. The rules are in `domain::data::safekeeping`.

use super::router::{link, Page};
use super::{clock, data_settings, device, download, AppState};
use crate::domain::data::safekeeping::{backup_nudge, LeftOut};
use crate::domain::text::dates;
use crate::store::{self, BACKUP_NUDGE_DISMISSED_KEY, LAST_BACKUP_KEY, LEFT_OUT_SEEN_KEY};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A copy kept aside at start-up, with what it holds that could not be loaded.
#[derive(Clone, Debug, PartialEq)]
struct KeptCopy {
    key: String,
    text: String,
    left_out: LeftOut,
    date: chrono::NaiveDate,
}

impl KeptCopy {
    /// "1 saved record could not be read and was left out on Mon 30 Nov 2026."
    fn heading(&self) -> String {
        format!(
            "{} on {}.",
            self.left_out.words(),
            dates::short_day_year(self.date)
        )
    }
}

fn kept_copies() -> Vec<KeptCopy> {
    store::kept_copies()
        .into_iter()
        .map(|(key, text)| KeptCopy {
            left_out: LeftOut::of(&text),
            date: clock::date_at_ms(store::copied_ms(&key)),
            key,
            text,
        })
        .collect()
}

fn seen() -> BTreeSet<String> {
    store::read_value(LEFT_OUT_SEEN_KEY).unwrap_or_default()
}

fn download_copy(copy: &KeptCopy) {
    let name = format!("restride-left-out-{}.json", dates::iso(copy.date));
    download::share_or_offer(&name, "application/json", &copy.text);
}

/// Today: kept copies the runner has not dismissed here.
#[component]
pub fn LeftOutNotice() -> impl IntoView {
    let copies = RwSignal::new(
        kept_copies()
            .into_iter()
            .filter(|c| !c.left_out.is_empty() && !seen().contains(&c.key))
            .collect::<Vec<_>>(),
    );
    let dismiss = move |_| {
        let mut seen = seen();
        copies.with_untracked(|all| seen.extend(all.iter().map(|c| c.key.clone())));
        store::write_value(LEFT_OUT_SEEN_KEY, &seen);
        copies.set(Vec::new());
    };
    move || {
        let all = copies.get();
        (!all.is_empty()).then(|| {
            let words: Vec<String> = all
                .iter()
                .map(KeptCopy::heading)
                .collect();
            view! {
                <section class="card notice left-out-notice" aria-labelledby="left-out-heading">
                    <h2 id="left-out-heading">"Some saved data was left out"</h2>
                    {words.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                    <p>"It is kept untouched until you decide: download it, or drop it for good, in Settings › Your data."</p>
                    <p class="page-actions">
                        <a class="button secondary" href=format!("{}#your-data", link(&Page::Settings))>
                            "Decide in Settings"
                        </a>
                        <button type="button" class="secondary" on:click=dismiss>
                            "Dismiss"
                        </button>
                    </p>
                </section>
            }
        })
    }
}

/// Settings › Your data: each kept copy, to download or drop for good.
#[component]
pub fn KeptCopies() -> impl IntoView {
    let copies = RwSignal::new(kept_copies());
    let confirm = RwSignal::new(None::<String>);
    let drop_copy = move |key: String| {
        if confirm.get_untracked().as_deref() != Some(key.as_str()) {
            confirm.set(Some(key));
            return;
        }
        store::drop_copy(&key);
        let mut seen = seen();
        if seen.remove(&key) {
            store::write_value(LEFT_OUT_SEEN_KEY, &seen);
        }
        copies.update(|all| all.retain(|c| c.key != key));
        confirm.set(None);
    };
    move || {
        let all = copies.get();
        (!all.is_empty()).then(|| {
            view! {
                <h3>"Left out at start-up"</h3>
                <ul class="kept-copies">
                    {all
                        .into_iter()
                        .map(|copy| {
                            let records = match &copy.left_out {
                                LeftOut::Records(records) => records.clone(),
                                LeftOut::Everything(_) => Vec::new(),
                            };
                            let heading = copy.heading();
                            let key = copy.key.clone();
                            let confirming = {
                                let key = key.clone();
                                move || confirm.get().as_deref() == Some(key.as_str())
                            };
                            let copy = StoredValue::new(copy);
                            view! {
                                <li>
                                    <p>{heading}</p>
                                    {(!records.is_empty())
                                        .then(|| {
                                            view! {
                                                <ul class="set-aside">
                                                    {records.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                                </ul>
                                            }
                                        })}
                                    <p class="page-actions">
                                        <button type="button" class="secondary" on:click=move |_| copy.with_value(download_copy)>
                                            "Download them"
                                        </button>
                                        <button type="button" class="danger" on:click=move |_| drop_copy(key.clone())>
                                            {let confirming = confirming.clone(); move || if confirming() { "Yes, drop them for good" } else { "Drop them for good" }}
                                        </button>
                                    </p>
                                    <Show when=confirming.clone()>
                                        <p class="field-error" role="alert">
                                            "Dropping deletes this kept copy from the browser: download it first if you may want it."
                                        </p>
                                    </Show>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

/// Whether the browser keeps Restride's storage: `None` until it has answered.
fn persisted() -> RwSignal<Option<bool>> {
    let persistent = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        persistent.try_set(Some(device::storage_persisted().await));
    });
    persistent
}

/// Settings › Your data: whether the browser keeps the storage, and the last backup.
#[component]
pub fn StorageKept() -> impl IntoView {
    let persistent = persisted();
    let last_backup = store::read_value::<u64>(LAST_BACKUP_KEY).map(clock::date_at_ms);
    view! {
        <p class="storage-kept">
            {move || match persistent.get() {
                None => String::new(),
                Some(true) => "This browser keeps Restride's storage: it will not clear it to make room.".into(),
                Some(false) => "This browser may clear Restride's storage when space runs low (and Safari after 7 days without a visit, unless Restride is on the home screen). Installing the app helps; a backup is the sure way.".into(),
            }}
        </p>
        <p class="last-backup">
            {match last_backup {
                Some(date) => format!("Last backup: {}.", dates::short_day_year(date)),
                None => "No backup saved from this browser yet.".into(),
            }}
        </p>
    }
}

/// Today: "Back up your runs", when the storage is not kept and changes older than two
/// weeks are in no backup.
#[component]
pub fn BackupCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let persistent = persisted();
    let dismissed = RwSignal::new(store::read_value::<u64>(BACKUP_NUDGE_DISMISSED_KEY));
    let last_backup = RwSignal::new(store::read_value::<u64>(LAST_BACKUP_KEY));
    let nudge = Memo::new(move |_| {
        let persistent = persistent.get()?;
        state.today.track();
        state.journal.with(|j| {
            backup_nudge(
                j,
                persistent,
                last_backup.get(),
                dismissed.get(),
                clock::now_ms(),
            )
        })
    });
    let back_up = move |_| {
        data_settings::offer_backup(state, move || {
            last_backup.try_set(store::read_value(LAST_BACKUP_KEY));
        });
    };
    let not_now = move |_| {
        let now = clock::now_ms();
        store::write_value(BACKUP_NUDGE_DISMISSED_KEY, &now);
        dismissed.set(Some(now));
    };
    move || {
        nudge.get().map(|n| {
            let words = n.words(n.last_backup_ms.map(clock::date_at_ms));
            view! {
                <section class="card notice backup-card" aria-labelledby="backup-heading">
                    <h2 id="backup-heading">"Back up your runs"</h2>
                    <p>{words}</p>
                    <p class="page-actions">
                        <button type="button" class="primary" on:click=back_up>
                            "Back up now"
                        </button>
                        <button type="button" class="secondary" on:click=not_now>
                            "Not now"
                        </button>
                    </p>
                </section>
            }
        })
    }
}
