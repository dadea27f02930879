//! Import: files chosen with the picker (several at once) or dropped on the page, read one
//! after another with the progress shown, then a preview (new, duplicate and rejected,
//! with reasons) before anything is written: merge, or replace everything.

use super::clock;
use super::router::{Page, Router};
use super::AppState;
use crate::domain::data::import::{self, ParsedFile, Preview};
use crate::domain::input::dates;
use crate::domain::input::units::{format_distance, format_duration};
use crate::domain::record::run::{rpe_words, RPE_MAX, RPE_MIN};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files and their bytes, as read from the browser.
type Picked = Vec<(String, Vec<u8>)>;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    Reading { done: usize, total: usize },
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
    let read = move |picked: Picked| {
        if picked.is_empty() {
            return;
        }
        parsed.set(Vec::new());
        unreadable.set(Vec::new());
        confirm_replace.set(false);
        id_prefix.set_value(clock::new_id());
        let total = picked.len();
        step.set(Step::Reading { done: 0, total });
        parse_next(picked, 0, step, parsed, unreadable);
    };

    let apply = move |replace: bool| {
        let Some(preview) = preview.get_untracked() else {
            return;
        };
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
                Step::Reading { done, total } => {
                    view! {
                        <p role="status" class="import-progress">
                            {format!("Reading file {} of {total}…", done + 1)}
                            <progress max=total.to_string() value=done.to_string()></progress>
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

fn parse_next(
    mut rest: Picked,
    done: usize,
    step: RwSignal<Step>,
    parsed: RwSignal<Vec<ParsedFile>>,
    unreadable: RwSignal<Vec<(String, String)>>,
) {
    if rest.is_empty() {
        step.set(Step::Preview);
        return;
    }
    let (name, bytes) = rest.remove(0);
    match import::parse_file(&name, &bytes) {
        Ok(file) => parsed.update(|files| files.push(file)),
        Err(reason) => unreadable.update(|list| list.push((name, reason))),
    }
    let total = done + 1 + rest.len();
    step.set(Step::Reading {
        done: done + 1,
        total,
    });
    set_timeout(
        move || parse_next(rest, done + 1, step, parsed, unreadable),
        Duration::from_millis(0),
    );
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
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
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
/// What cannot be unpacked comes as it is, and the reader says why it cannot be read.
async fn read_file(file: &web_sys::File) -> (String, Vec<u8>) {
    let name = file.name();
    let bytes = bytes_of(JsFuture::from(file.array_buffer()).await);
    if !import::is_gzip(&bytes) {
        return (name, bytes);
    }
    match gunzip(file).await {
        Some(unpacked) => (import::name_inside_gzip(&name), unpacked),
        None => (name, bytes),
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

/// New runs listed in the preview; the rest are counted.
const PREVIEW_ROWS: usize = 30;

fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[component]
fn PreviewView(
    preview: Signal<Option<Preview>>,
    parsed: RwSignal<Vec<ParsedFile>>,
    unreadable: RwSignal<Vec<(String, String)>>,
    rpe: RwSignal<u8>,
    confirm_replace: RwSignal<bool>,
    apply: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let count = move |f: fn(&Preview) -> usize| preview.with(|p| p.as_ref().map_or(0, f));
    let needs_rpe = move || parsed.with(|files| files.iter().any(|f| !f.activities.is_empty()));
    let skipped =
        move || parsed.with(|files| files.iter().map(|f| f.skipped_other_sports).sum::<usize>());
    let state = expect_context::<AppState>();
    let unit = move || state.journal.with(|j| j.settings.unit);
    view! {
        <h2>"Preview"</h2>
        <ul class="import-counts">
            <li>{move || counted(count(|p| p.new_runs.len()), "new run", "new runs")}</li>
            <li>
                {move || {
                    format!(
                        "{}, {}",
                        counted(count(|p| p.new_massages.len()), "new massage", "new massages"),
                        counted(count(|p| p.new_races.len()), "new race", "new races"),
                    )
                }}
            </li>
            {move || {
                let updated = count(Preview::updated);
                (updated > 0)
                    .then(|| view! { <li>{format!("{} newer in the backup (updated)", counted(updated, "record", "records"))}</li> })
            }}
            <li>{move || format!("{} already here (skipped)", counted(count(|p| p.duplicates.len()), "run", "runs"))}</li>
            <li>{move || counted(count(|p| p.rejected.len()) + unreadable.with(Vec::len), "rejected", "rejected")}</li>
            {move || {
                (skipped() > 0)
                    .then(|| view! { <li>{counted(skipped(), "activity of another sport left out", "activities of other sports left out")}</li> })
            }}
        </ul>
        {move || {
            let runs = preview.with(|p| p.as_ref().map(|p| p.new_runs.clone()).unwrap_or_default());
            let unit = unit();
            (!runs.is_empty())
                .then(|| {
                    let more = runs.len().saturating_sub(PREVIEW_ROWS);
                    view! {
                        <table class="import-runs">
                            <caption class="visually-hidden">"Runs to import"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Date"</th>
                                    <th scope="col">"Distance"</th>
                                    <th scope="col">"Time"</th>
                                    <th scope="col">"Name"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {runs
                                    .into_iter()
                                    .take(PREVIEW_ROWS)
                                    .map(|run| {
                                        view! {
                                            <tr>
                                                <td>{dates::day_month_year(run.date)}</td>
                                                <td>{format_distance(u64::from(run.distance_m), unit)}</td>
                                                <td>{format_duration(u64::from(run.duration_s))}</td>
                                                <td>{run.notes}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        {(more > 0).then(|| view! { <p class="muted">{format!("… and {more} more.")}</p> })}
                    }
                })
        }}
        <Show when=needs_rpe>
            <div class="field">
                <label for="import-rpe">"How hard were these runs, on the whole? (RPE, asked once)"</label>
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
                <p class="muted">"Each run's load is effort × minutes: edit single runs later in History."</p>
            </div>
        </Show>
        {move || {
            let rejected: Vec<String> = unreadable
                .get()
                .into_iter()
                .map(|(file, reason)| format!("{file}: {reason}"))
                .chain(preview.with(|p| {
                    p.iter()
                        .flat_map(|p| &p.rejected)
                        .map(|(file, problem)| format!("{file}, {}: {}", problem.location, problem.reason))
                        .collect::<Vec<_>>()
                }))
                .chain(parsed.with(|files| {
                    files
                        .iter()
                        .flat_map(|f| f.problems.iter().map(move |p| format!("{}, {}: {}", f.file_name, p.location, p.reason)))
                        .collect::<Vec<_>>()
                }))
                .collect();
            (!rejected.is_empty())
                .then(|| {
                    view! {
                        <details class="import-problems" open>
                            <summary>"What was not imported, and why"</summary>
                            <ul>{rejected.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        </details>
                    }
                })
        }}
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
    }
}
