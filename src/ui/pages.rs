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
use super::router::Page;
use super::settings::SettingsPage;
use super::shell::NotFound;
use super::today::TodayPage;
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

/// Any page. Shell shows Today without coming here, so Today stays in the first module.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn page(page: Page) -> Loaded {
    Ok(match page {
        Page::Today => view! { <TodayPage /> }.into_any(),
        Page::Log => view! { <LogPage /> }.into_any(),
        Page::History => view! { <HistoryPage /> }.into_any(),
        Page::EditRun(id) => view! { <EditRunPage id /> }.into_any(),
        Page::Massage => view! { <MassagePage /> }.into_any(),
        Page::LogMassage => view! { <LogMassagePage /> }.into_any(),
        Page::EditMassage(id) => view! { <EditMassagePage id /> }.into_any(),
        Page::NewRace => view! { <NewRacePage /> }.into_any(),
        Page::EditRace(id) => view! { <EditRacePage id /> }.into_any(),
        Page::Routine(region) => view! { <RoutinePage region /> }.into_any(),
        Page::Settings => view! { <SettingsPage /> }.into_any(),
        Page::Import => view! { <ImportPage /> }.into_any(),
        Page::How => view! { <HowPage /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
    })
}

/// The recovery screen, shown instead of any page while stored data is unresolved.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn recovery() -> Loaded {
    Ok(view! { <RecoveryPage /> }.into_any())
}
