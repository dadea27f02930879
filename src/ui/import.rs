//! Import: files chosen with the picker (several at once) or dropped on the page, read one
//! after another with the progress shown, then a preview (new, duplicate and rejected,
//! with reasons) before anything is written: merge, or replace everything.

use super::router::{Page, Router};
use super::AppState;
use super::{clock, device};
use crate::domain::data::import::preview::{FileReport, Line, Outcome};
use crate::domain::data::import::{self, ParsedFile, Preview, Problem};
use crate::domain::input::dates;
use crate::domain::input::units::{self, format_distance, format_duration};
use crate::domain::record::run::{rpe_words, RunKind, RPE_MAX, RPE_MIN};
use leptos::prelude::*;
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

/// Lines listed in the preview, over all files; the rest are counted.
const PREVIEW_LINES: usize = 60;

fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What becomes of a line, in words.
fn outcome_words(outcome: &Outcome) -> String {
    match outcome {
        Outcome::New => "New".into(),
        Outcome::AlreadyHere => "Already here".into(),
        Outcome::SameAs(file) => format!("Same run as {file}"),
        Outcome::Rejected(reason) => format!("Not imported: {reason}"),
        Outcome::OtherSport(sport) => format!("{sport}: another sport, left out"),
    }
}

#[component]
fn PreviewView(
    preview: Signal<Option<Preview>>,
    parsed: RwSignal<Vec<ParsedFile>>,
    unreadable: RwSignal<Vec<(String, String)>>,
    rpe: RwSignal<u8>,
    choices: RwSignal<Choices>,
    confirm_replace: RwSignal<bool>,
    apply: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let count = move |f: fn(&Preview) -> usize| preview.with(|p| p.as_ref().map_or(0, f));
    let needs_rpe = move || parsed.with(|files| files.iter().any(|f| !f.activities.is_empty()));
    let state = expect_context::<AppState>();
    let unit = move || state.journal.with(|j| j.settings.unit);
    let summary = move || {
        preview.with(|p| {
            p.as_ref()
                .map(|p| p.summary(unreadable.with(Vec::len)).words())
                .unwrap_or_default()
        })
    };
    view! {
        <h2 id="import-preview">"Preview"</h2>
        <p class="import-summary" role="status">{summary}</p>
        <p class="page-actions">
            <button
                type="button"
                class="primary"
                disabled=move || count(|p| p.added() + p.updated()) == 0
                on:click=move |_| apply(false)
            >
                "Add to my data"
            </button>
            <button
                type="button"
                class="danger"
                disabled=move || preview.with(|p| p.as_ref().is_none_or(Preview::is_empty))
                on:click=move |_| {
                    if confirm_replace.get_untracked() {
                        apply(true);
                    } else {
                        confirm_replace.set(true);
                    }
                }
            >
                {move || {
                    if confirm_replace.get() {
                        "Yes, replace everything"
                    } else {
                        "Replace all my data with this"
                    }
                }}
            </button>
        </p>
        <Show when=move || confirm_replace.get()>
            <p class="field-error" role="alert">
                "Replacing deletes every run, massage and race stored here now. Back up first (Settings › Your data) if unsure."
            </p>
        </Show>
        <Show when=needs_rpe>
            <div class="field">
                <label for="import-rpe">"How hard were these runs, on the whole? (RPE)"</label>
                <select
                    id="import-rpe"
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse::<u8>() {
                            rpe.set(value);
                        }
                    }
                >
                    {(RPE_MIN..=RPE_MAX)
                        .map(|n| {
                            view! {
                                <option value=n.to_string() selected=move || rpe.get() == n>
                                    {format!("{n} — {}", rpe_words(n))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p class="muted">"Each run's load is effort × minutes. Change a single run's type or effort below, or later in History."</p>
            </div>
        </Show>
        {move || {
            let Some(p) = preview.get() else {
                return ().into_any();
            };
            let unit = unit();
            let mut budget = PREVIEW_LINES;
            let total_lines: usize = p.files.iter().map(|f| f.lines.len()).sum();
            let files = p
                .files
                .into_iter()
                .map(|file| {
                    let shown = file.lines.len().min(budget);
                    budget -= shown;
                    view! { <FileLines file shown unit rpe choices /> }
                })
                .collect_view();
            let more = total_lines.saturating_sub(PREVIEW_LINES);
            view! {
                <ul class="import-files">
                    {files}
                    {unreadable
                        .get()
                        .into_iter()
                        .map(|(name, reason)| {
                            view! {
                                <li class="import-file">
                                    <p class="import-file-name">{name}</p>
                                    <p class="import-line">{format!("Could not be read: {reason}")}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {(more > 0)
                    .then(|| {
                        view! {
                            <p class="muted">
                                {format!("… and {} more, counted above; edit them later in History.", counted(more, "line", "lines"))}
                            </p>
                        }
                    })}
            }
                .into_any()
        }}
    }
}

/// One file: its name, a line per activity (up to `shown`), a new run's type and effort,
/// and its problems behind a disclosure.
#[component]
fn FileLines(
    file: FileReport,
    shown: usize,
    unit: crate::domain::record::settings::Unit,
    rpe: RwSignal<u8>,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let backup = file.backup.map(|c| {
        format!(
            "Restride backup: {} added, {} updated, {} unchanged{}",
            c.added,
            c.updated,
            c.unchanged,
            if c.rejected > 0 {
                format!(", {} not valid", c.rejected)
            } else {
                String::new()
            }
        )
    });
    let nothing = file.lines.is_empty() && file.backup.is_none();
    let lines = file
        .lines
        .into_iter()
        .take(shown)
        .map(|line| view! { <LineView line unit rpe choices /> })
        .collect_view();
    let problems = (!file.problems.is_empty()).then(|| {
        let words: Vec<String> = file.problems.iter().map(Problem::words).collect();
        view! {
            <details class="import-problems">
                <summary>{counted(words.len(), "problem in this file", "problems in this file")}</summary>
                <ul>{words.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </details>
        }
    });
    view! {
        <li class="import-file">
            <p class="import-file-name">{file.file_name}</p>
            {backup.map(|b| view! { <p class="import-line">{b}</p> })}
            {nothing.then(|| view! { <p class="import-line">"No run in this file."</p> })}
            <ul class="import-lines">{lines}</ul>
            {problems}
        </li>
    }
}

#[component]
fn LineView(
    line: Line,
    unit: crate::domain::record::settings::Unit,
    rpe: RwSignal<u8>,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let facts = line
        .date
        .map(|date| {
            let mut parts = vec![dates::day_month_year(date)];
            if line.distance_m > 0 {
                parts.push(format_distance(u64::from(line.distance_m), unit));
            }
            if line.duration_s > 0 {
                parts.push(format_duration(u64::from(line.duration_s)));
            }
            parts.join(" · ")
        })
        .unwrap_or_else(|| line.location.clone());
    let name = (!line.name.is_empty()).then(|| line.name.clone());
    let is_new = line.outcome == Outcome::New;
    let outcome = outcome_words(&line.outcome);
    let editor = match (is_new, line.run_id, line.kind) {
        (true, Some(id), Some(kind)) => Some(view! { <RunChoices id kind rpe choices /> }),
        _ => None,
    };
    view! {
        <li class="import-line" class:new=is_new>
            <span class="import-facts">{facts}</span>
            {name.map(|n| view! { <span class="import-name">{n}</span> })}
            <span class="import-outcome">{outcome}</span>
            {editor}
        </li>
    }
}

/// A new run's type and effort, preset from the file and the batch's effort.
#[component]
fn RunChoices(
    id: String,
    kind: RunKind,
    rpe: RwSignal<u8>,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let kind_id = format!("kind-{id}");
    let rpe_id = format!("rpe-{id}");
    let key = StoredValue::new(id);
    let chosen = move || key.with_value(|id| choices.with(|c| c.get(id).copied()));
    let kind_now = move || chosen().map_or(kind, |(k, _)| k);
    let rpe_now = move || chosen().map_or_else(|| rpe.get(), |(_, r)| r);
    let set = move |k: RunKind, r: u8| {
        key.with_value(|id| {
            choices.update(|c| {
                c.insert(id.clone(), (k, r));
            })
        });
    };
    view! {
        <span class="import-choices">
            <label for=kind_id.clone() class="visually-hidden">"Type"</label>
            <select
                id=kind_id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(k) = RunKind::ALL.into_iter().find(|k| k.label() == value) {
                        set(k, rpe_now());
                    }
                }
            >
                {RunKind::ALL
                    .into_iter()
                    .map(|k| view! { <option value=k.label() selected=move || kind_now() == k>{k.label()}</option> })
                    .collect_view()}
            </select>
            <label for=rpe_id.clone() class="visually-hidden">"Effort (RPE)"</label>
            <select
                id=rpe_id
                on:change=move |ev| {
                    if let Ok(r) = event_target_value(&ev).parse::<u8>() {
                        set(kind_now(), r);
                    }
                }
            >
                {(RPE_MIN..=RPE_MAX)
                    .map(|n| view! { <option value=n.to_string() selected=move || rpe_now() == n>{format!("RPE {n}")}</option> })
                    .collect_view()}
            </select>
        </span>
    }
}
