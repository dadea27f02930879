//! Every page but Today, the parts of Today below its first screen (the charts and the due
//! reminders' cards) and the reminders engine live in a second part of the WebAssembly, so
//! the first download holds only what Today's first screen needs. The app fetches the part
//! right after the first screen has been drawn (for the reminders), and the service worker
//! precaches it after the first visit, for offline use. The import page and its readers
//! are a third part, fetched only when Import is opened (and then kept by the worker), so a
//! first visit does not download them.
//!
//! `wasm_split` marks the split points; the build's post-build step
//! (`scripts/wasm-split.mjs`) cuts the module there, and the code both parts use goes into
//! a chunk fetched with the second part. Finer parts were tried: a part per page made some
//! forty chunks of shared code and saved little, so the rest share one part. A part that
//! cannot be fetched is a message on the page, never a panic: with `fallible` the loader
//! returns an error.

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
use super::today::{Charts, TodayPage};
use crate::domain::massage::reminders::{self, Reminder};
use crate::domain::record::journal::Journal;
use crate::domain::record::settings::Unit;
use crate::domain::today::TodaySummary;
use crate::ui::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;
use std::future::Future;
use std::sync::Arc;

/// Code from the second part that could not be fetched.
pub struct NotFetched;

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> Self {
        NotFetched
    }
}

type Fetched = Result<AnyView, NotFetched>;

/// Where a view from the part goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The whole page.
    Page,
    /// A section of Today below its first screen.
    Section,
    /// The foot of Today, below a `Section` of the same part: that section already says
    /// when the part is loading or could not be fetched, so this one stays silent.
    Quiet,
}

/// Shows a view once its part has arrived (at once when it is already here).
pub fn lazily(place: Place, view: impl Future<Output = Fetched> + 'static) -> AnyView {
    // The loader's future is not Send; views only ever run on the main thread.
    let view = SendWrapper::new(view);
    let class = match place {
        Place::Page => "page loading",
        Place::Section | Place::Quiet => "loading muted",
    };
    let quiet = place == Place::Quiet;
    let state = expect_context::<AppState>();
    view! {
        // The message shows only if the part takes a while (CSS delays it).
        <Suspense fallback=move || (!quiet).then(|| view! { <p class=class>"Loading…"</p> })>
            {Suspend::new(async move {
                // A section of Today waits until its first screen is on the display: the
                // part's fetch and start would otherwise delay it.
                if place != Place::Page {
                    SendWrapper::new(two_frames()).await;
                }
                // Views from the part read the records: read them if start-up left them.
                SendWrapper::new(state.with_records()).await;
                // The foot is built a task after the section above it: both in one task
                // held the page twice as long.
                if quiet {
                    SendWrapper::new(next_task()).await;
                }
                match view.await {
                    Ok(view) => view,
                    Err(NotFetched) if quiet => ().into_any(),
                    Err(NotFetched) => view! { <NotFetchedMessage place /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Resolves in a task of its own (a zero timeout), after whatever the page has queued.
pub async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            std::time::Duration::ZERO,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}

/// Resolves two animation frames from now: the frame being drawn is on the display.
async fn two_frames() {
    let drawn = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            request_animation_frame(move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            })
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(drawn).await;
}

#[component]
fn NotFetchedMessage(place: Place) -> impl IntoView {
    let online = window().navigator().on_line();
    let explanation = if online {
        // Online, the usual cause is a new version replacing the files this tab started
        // with; a reload brings this tab to it.
        view! {
            <p>"Restride has probably been updated since this tab was opened. Your data is safe."</p>
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
    };
    match place {
        Place::Page => view! {
            <section class="page">
                <h1>"This page could not be loaded"</h1>
                {explanation}
            </section>
        }
        .into_any(),
        Place::Section | Place::Quiet => view! {
            <div class="card">
                <p>
                    <strong>"This part of the page could not be loaded."</strong>
                </p>
                {explanation}
            </div>
        }
        .into_any(),
    }
}

fn reload() {
    let _ = window().location().reload();
}

/// What the second part brings for reminders: working them out, and announcing the due
/// ones with system notifications.
#[derive(Clone, Copy)]
pub struct ReminderEngine {
    /// `domain::massage::reminders::reminders`.
    pub work_out: fn(&Journal, NaiveDate) -> Vec<Reminder>,
    pub announce_due: fn(AppState),
    /// Stores Today's checkpoint of the journal as stored (`Store::keep_checkpoint`).
    pub keep_today: fn(&crate::store::Store, &Journal, NaiveDate),
    /// Merges another tab's save (`ui::from_other_tab`).
    pub other_tab: fn(AppState, &crate::store::Store, &web_sys::StorageEvent),
    /// Encodes the journal for a save, keeping each run's text (`envelope::Encoder`).
    pub encode: crate::store::Encode,
    /// Writes runs' texts ahead of the first save (`envelope::Encoder::prepare`).
    pub prepare: crate::store::Prepare,
    /// Hands the runner the whole journal as a backup file, for the save-problem banner
    /// (`data_settings::hand_over_backup`).
    pub back_up: fn(AppState),
    /// Reads the stored records (`store::start_loading` and its steps): the first download
    /// carries no reader of the whole envelope, only Today's checkpoint's.
    pub read_records: super::state::Load,
    /// `Journal::merged`: two journals record by record, the newer save winning.
    pub merged: fn(&Journal, &Journal) -> Journal,
}

#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reminder_engine() -> Result<ReminderEngine, NotFetched> {
    Ok(ReminderEngine {
        work_out: reminders::reminders,
        announce_due: super::announce_due,
        keep_today: crate::store::Store::keep_checkpoint,
        other_tab: super::from_other_tab,
        encode: crate::domain::data::envelope::Encoder::encode,
        prepare: crate::domain::data::envelope::Encoder::prepare,
        back_up: super::data_settings::hand_over_backup,
        read_records: super::state::Load {
            start: crate::store::start_loading,
            step: crate::store::Loading::step,
            finish: crate::store::Loading::finish,
        },
        merged: Journal::merged,
    })
}

/// Fetches and starts the second part without putting its engine in place yet; the
/// engine, unless the part could not be fetched.
pub async fn fetch_second_part() -> Option<ReminderEngine> {
    reminder_engine().await.ok()
}

/// Puts the reminders engine in place once the part is here. `lazily` does this before
/// building any view from the part, so no page reads the reminders before they exist.
pub async fn ensure_reminder_engine(engine: RwSignal<Option<ReminderEngine>>) {
    if engine.with_untracked(Option::is_none) {
        if let Ok(works_out) = reminder_engine().await {
            engine.set(Some(works_out));
        }
    }
}

/// Nothing to show, once the records' reader is here; the message of a part that could not
/// be fetched otherwise. Today shows it while it waits for the records (`AppState::unread`).
pub async fn records_reader(state: AppState) -> Fetched {
    ensure_reminder_engine(state.reminder_engine).await;
    match state.reminder_engine.get_untracked() {
        Some(_) => Ok(().into_any()),
        None => Err(NotFetched),
    }
}

/// Any page. Shell shows Today without coming here, so Today stays in the first module.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn page(page: Page) -> Fetched {
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
        // The importers are a part of their own, fetched only when Import is opened.
        Page::Import => lazily(Place::Page, import_page()),
        Page::How => view! { <HowPage /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
    })
}

/// The import page and its readers (GPX, TCX, FIT, Strava's CSV, backups): fetched only
/// when Import is opened, so a first visit does not download them.
#[wasm_split(import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_page() -> Fetched {
    Ok(view! { <ImportPage /> }.into_any())
}

/// The recovery screen, shown instead of any page while stored data is unresolved.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn recovery() -> Fetched {
    Ok(view! { <RecoveryPage /> }.into_any())
}

/// Today's charts and daily-metrics export, below the readiness card and the tiles.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn today_charts(summary: Arc<TodaySummary>, unit: Unit) -> Fetched {
    Ok(view! { <Charts summary unit /> }.into_any())
}

/// The foot of Today: notices about the data, then the due reminders' cards.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn today_foot() -> Fetched {
    Ok(view! { <super::today::TodayFoot /> }.into_any())
}
