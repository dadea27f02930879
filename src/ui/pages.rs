//! Every page but Today lives in a second part of the WebAssembly, fetched when one of
//! them is first opened, so the first download holds only what Today needs. (The service
//! worker precaches the part right after the first visit, for offline use.)
//!
//! `wasm_split` marks the split points; the build's post-build step
//! (`scripts/wasm-split.mjs`) cuts the module there. All pages share one part: one extra
//! request, and no page waits on a chain of small shared pieces. A part that cannot be
//! fetched is a message on the page, never a panic: with `fallible` the loader returns an
//! error.

use super::history::{EditRunPage, HistoryPage};
use super::how::HowPage;
use super::import::ImportPage;
use super::log::LogPage;
use super::massage::{
    EditMassagePage, EditRacePage, LogMassagePage, MassagePage, NewRacePage, RoutinePage,
};
use super::recovery::RecoveryPage;
use super::settings::SettingsPage;
use crate::domain::run::Region;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;
use std::future::Future;

/// A page whose code could not be fetched.
pub struct NotFetched;

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> Self {
        NotFetched
    }
}

type Loaded = Result<AnyView, NotFetched>;

/// Shows a page once its part has arrived (at once when it is already here).
pub fn lazily(page: impl Future<Output = Loaded> + 'static) -> AnyView {
    // The loader's future is not Send; pages only ever run on the main thread.
    let page = SendWrapper::new(page);
    view! {
        // The message shows only if the part takes a while (CSS delays it).
        <Suspense fallback=|| view! { <p class="page loading">"Loading…"</p> }>
            {Suspend::new(async move {
                match page.await {
                    Ok(view) => view,
                    Err(NotFetched) => view! { <NotFetchedMessage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn NotFetchedMessage() -> impl IntoView {
    let online = window().navigator().on_line();
    view! {
        <section class="page">
            <h1>"This page could not be loaded"</h1>
            {if online {
                // Online, the usual cause is a new version replacing the files this tab
                // started with; a reload brings this tab to it.
                view! {
                    <p>
                        "Restride has probably been updated since this tab was opened. Your data is safe."
                    </p>
                    <button type="button" class="primary" on:click=|_| reload()>
                        "Reload"
                    </button>
                }
                    .into_any()
            } else {
                view! {
                    <p>
                        "This part of the app has not been downloaded yet and there is no connection. Your data is safe. Once you are back online the whole app is kept for offline use."
                    </p>
                }
                    .into_any()
            }}
        </section>
    }
}

fn reload() {
    let _ = window().location().reload();
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn log() -> Loaded {
    Ok(view! { <LogPage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn history() -> Loaded {
    Ok(view! { <HistoryPage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn edit_run(id: String) -> Loaded {
    Ok(view! { <EditRunPage id /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn massage() -> Loaded {
    Ok(view! { <MassagePage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn log_massage() -> Loaded {
    Ok(view! { <LogMassagePage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn edit_massage(id: String) -> Loaded {
    Ok(view! { <EditMassagePage id /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn new_race() -> Loaded {
    Ok(view! { <NewRacePage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn edit_race(id: String) -> Loaded {
    Ok(view! { <EditRacePage id /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn routine(region: Option<Region>) -> Loaded {
    Ok(view! { <RoutinePage region /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn settings() -> Loaded {
    Ok(view! { <SettingsPage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn import() -> Loaded {
    Ok(view! { <ImportPage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn how() -> Loaded {
    Ok(view! { <HowPage /> }.into_any())
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn recovery() -> Loaded {
    Ok(view! { <RecoveryPage /> }.into_any())
}
