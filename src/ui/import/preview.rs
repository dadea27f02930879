//! The import preview: a summary whose numbers add up, Add and Replace right under it,
//! then a line per activity per file, with each new run's type and effort to change.

use super::Choices;
use crate::domain::data::import::preview::{FileReport, Line, Outcome};
use crate::domain::data::import::{ParsedFile, Preview, Problem};
use crate::domain::record::run::{rpe_words, RunKind, RPE_MAX, RPE_MIN};
use crate::domain::text::dates;
use crate::domain::text::units::{counted, format_distance, format_duration};
use crate::ui::AppState;
use leptos::prelude::*;

/// Lines listed in the preview, over all files; the rest are counted.
const PREVIEW_LINES: usize = 60;

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
pub(super) fn PreviewView(
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
