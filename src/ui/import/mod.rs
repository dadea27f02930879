//! Import: files chosen with the picker (several at once), dropped on the page, shared to
//! Restride or opened with it; read in steps with the progress shown, then a preview
//! (`preview.rs`) before anything is written: merge, or replace everything.

mod preview;

use super::router::{Page, Router};
use super::AppState;
use super::{clock, device};
use crate::domain::data::import::{self, ParsedFile};
use crate::domain::record::run::RunKind;
use crate::domain::text::units;
use crate::domain::text::units::counted;
use leptos::prelude::*;
use preview::PreviewView;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files and their bytes as read from the browser, or why a file was not read.
type Picked = Vec<(String, Result<Vec<u8>, String>)>;

/// The runner's own type and effort for single new runs, by run id.
type Choices = std::collections::BTreeMap<String, (RunKind, u8)>;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    /// File `file` (from 0) of `total`, `name`, read up to `percent`.
    Reading {
        file: usize,
        total: usize,
        name: String,
        percent: usize,
    },
    Preview,
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let step = RwSignal::new(Step::Choose);
    let parsed: RwSignal<Vec<ParsedFile>> = RwSignal::new(Vec::new());
    let unreadable: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let rpe = RwSignal::new(4u8);
    let confirm_replace = RwSignal::new(false);
    let choices: RwSignal<Choices> = RwSignal::new(Choices::new());
    // Ids are made once per preview, so the same preview always has the same ids.
    let id_prefix = StoredValue::new(clock::new_id());
    let preview = Memo::new(move |_| {
        if step.get() != Step::Preview {
            return None;
        }
        let prefix = id_prefix.get_value();
        Some(parsed.with(|files| {
            state.journal.with(|j| {
                import::preview_with_offsets(j, files, rpe.get(), clock::utc_offset_at, |i| {
                    format!("{prefix}-{i}")
                })
            })
        }))
    });

    // Reads the files one by one, yielding to the page between them so a large batch
    // never freezes it and the progress is seen.
    // Each batch read is numbered: files chosen while another batch is being read replace
    // it, and the older reading stops at its next pause instead of mixing into the new.
    let batch = StoredValue::new(0u64);
    let read = move |picked: Picked| {
        if picked.is_empty() {
            return;
        }
        batch.update_value(|n| *n += 1);
        let this = batch.get_value();
        let current = move || batch.try_get_value() == Some(this);
        parsed.set(Vec::new());
        unreadable.set(Vec::new());
        confirm_replace.set(false);
        choices.set(Choices::new());
        id_prefix.set_value(clock::new_id());
        step.set(Step::Reading {
            file: 0,
            total: picked.len(),
            name: picked
                .first()
                .map(|(name, _)| name.clone())
                .unwrap_or_default(),
            percent: 0,
        });
        leptos::task::spawn_local(read_in_steps(picked, current, step, parsed, unreadable));
    };

    // Files shared to Restride from another app, or opened with it: read as if chosen.
    let take_shared = move || {
        leptos::task::spawn_local(async move {
            let files = device::take_shared_files().await;
            if !files.is_empty() {
                read_files(files, read);
            }
        });
    };
    take_shared();
    let opened = window_event_listener_untyped("restride-files-opened", move |_| take_shared());
    on_cleanup(move || opened.remove());

    let apply = move |replace: bool| {
        let Some(preview) = preview.get_untracked() else {
            return;
        };
        let preview = choices.with_untracked(|c| preview.with_choices(c));
        state.import(|journal, now| {
            if replace {
                import::replace(journal, &preview, now)
            } else {
                import::merge(journal, &preview, now)
            }
        });
        let said = if replace {
            state.journal.with_untracked(|j| {
                format!(
                    "Replaced everything: {}, {} and {} now.",
                    counted(j.runs.len(), "run", "runs"),
                    counted(j.massages.len(), "massage", "massages"),
                    counted(j.races.len(), "race", "races")
                )
            })
        } else {
            format!("Imported: {}", preview.merge_words())
        };
        state.say(said, None);
        router.go(&Page::History);
    };

    view! {
        <section class="page import">
            <h1>"Import"</h1>
            <p>
                "Bring in a Restride backup, Strava's bulk export (activities.csv and the activity files, .gz ones too), or GPX, TCX and FIT files from a watch or app. You see what will come in before anything is saved."
            </p>
            <FilePicker read />
            {move || match step.get() {
                Step::Choose => ().into_any(),
                Step::Reading { file, total, name, percent } => {
                    view! {
                        <p role="status" class="import-progress">
                            {format!("Reading file {} of {total}: {name}, {percent} %", file + 1)}
                            <progress max="100" value=percent.to_string()></progress>
                        </p>
                    }
                        .into_any()
                }
                Step::Preview => {
                    view! {
                        <PreviewView
                            preview=Signal::derive(move || preview.get())
                            parsed
                            unreadable
                            rpe
                            choices
                            confirm_replace
                            apply
                        />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// XML events read between two looks at the clock.
const EVENTS_PER_STEP: usize = 2_000;
/// The longest the page is kept busy before it may draw and answer taps again (ms).
const BUSY_AT_MOST_MS: f64 = 40.0;

/// Reads the files one after the other, and a large file in steps: between steps the page
/// draws the progress and answers taps, so it never freezes.
async fn read_in_steps(
    picked: Picked,
    current: impl Fn() -> bool,
    step: RwSignal<Step>,
    parsed: RwSignal<Vec<ParsedFile>>,
    unreadable: RwSignal<Vec<(String, String)>>,
) {
    if !current() {
        return;
    }
    let total = picked.len();
    // Busy since the page last drew; many small files are read in one go, up to the limit.
    let mut since = clock::now_precise();
    for (file, (name, bytes)) in picked.into_iter().enumerate() {
        let result = match bytes {
            Err(reason) => Err(reason),
            Ok(bytes) => {
                let text = if import::needs_text(&bytes) {
                    import::text_of(&bytes)
                } else {
                    std::borrow::Cow::Borrowed("")
                };
                let mut reading = import::Reading::start(&name, &bytes, &text);
                loop {
                    if clock::now_precise() - since > BUSY_AT_MOST_MS {
                        let (at, all) = reading.progress();
                        let percent = at.saturating_mul(100) / all.max(1);
                        step.set(Step::Reading {
                            file,
                            total,
                            name: name.clone(),
                            percent,
                        });
                        next_frame().await;
                        if !current() {
                            return;
                        }
                        since = clock::now_precise();
                    }
                    if reading.step(EVENTS_PER_STEP) {
                        break;
                    }
                }
                reading.finish()
            }
        };
        match result {
            Ok(file) => parsed.update(|files| files.push(file)),
            Err(reason) => unreadable.update(|list| list.push((name, reason))),
        }
    }
    step.set(Step::Preview);
}

/// Lets the page draw and handle input, then carries on.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// The file input (several files at once) and, on wide screens, a drop zone.
#[component]
fn FilePicker(read: impl Fn(Picked) + Copy + 'static) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_files = move |files: Option<web_sys::FileList>| {
        if let Some(files) = files {
            read_all(files, read);
        }
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                on_files(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <label for="import-files">"Choose files"</label>
            <input
                id="import-files"
                type="file"
                multiple
                accept=".json,.csv,.gpx,.tcx,.fit,.gz,application/json,text/csv"
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    on_files(input.files());
                    input.set_value("");
                }
            />
            <p class="muted drop-hint">"or drop them here"</p>
        </div>
    }
}

/// Reads every file's bytes, unpacking gzip ones, then hands them over in the order chosen.
fn read_all(files: web_sys::FileList, done: impl Fn(Picked) + 'static) {
    read_files(
        (0..files.length()).filter_map(|i| files.get(i)).collect(),
        done,
    );
}

fn read_files(files: Vec<web_sys::File>, done: impl Fn(Picked) + 'static) {
    leptos::task::spawn_local(async move {
        let mut picked = Vec::with_capacity(files.len());
        for file in &files {
            picked.push(read_file(file).await);
        }
        done(picked);
    });
}

/// A file's name and bytes. Strava's export keeps uploaded activities gzip-compressed
/// (`activities/1001.fit.gz`): those come unpacked by the browser, named without `.gz`.
/// What cannot be unpacked comes as it is, and the reader says why it cannot be read. A
/// file over the size limit is not read at all.
async fn read_file(file: &web_sys::File) -> (String, Result<Vec<u8>, String>) {
    let name = file.name();
    if let Some(reason) = import::too_large(units::round_u64(file.size())) {
        return (name, Err(reason));
    }
    let bytes = bytes_of(JsFuture::from(file.array_buffer()).await);
    if !import::is_gzip(&bytes) {
        return (name, Ok(bytes));
    }
    match gunzip(file).await {
        Some(unpacked) => match import::too_large(unpacked.len() as u64) {
            Some(reason) => (name, Err(reason)),
            None => (import::name_inside_gzip(&name), Ok(unpacked)),
        },
        None => (name, Ok(bytes)),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream`, a readable and writable pair. web-sys has it
    /// only behind its unstable APIs.
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

async fn gunzip(file: &web_sys::File) -> Option<Vec<u8>> {
    let unpack = DecompressionStream::new("gzip").ok()?;
    let unpacked = file.stream().pipe_through(unpack.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&unpacked)).ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await;
    buffer.is_ok().then(|| bytes_of(buffer))
}

fn bytes_of(buffer: Result<JsValue, JsValue>) -> Vec<u8> {
    buffer
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .unwrap_or_default()
}
