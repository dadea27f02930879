//! The run form, shared by "Log a run" and "Edit run".
//!
//! The draft is kept as typed text; validation (`RunDraft::to_run`) runs on submit and,
//! after a failed submit, live as the runner fixes things, so messages clear as they go.

use super::fields::{
    described_by, draft_form, FieldMessage, FormField, NotesField, SelectField, TextField,
};
use super::AppState;
use crate::domain::input::run_draft::{Field, FieldErrors, RunDraft};
use crate::domain::record::region::Region;
use crate::domain::record::run::{rpe_words, Run, RunKind, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::record::validate::NOTES_MAX_CHARS;
use crate::domain::text::dates;
use crate::domain::text::units::counted;
use leptos::prelude::*;

impl FormField for Field {
    fn input_id(self) -> &'static str {
        match self {
            Field::Date => "run-date",
            Field::StartTime => "run-start",
            Field::Distance => "run-distance",
            Field::Duration => "run-duration",
            // The first radio of the effort scale takes the focus for its message.
            Field::Rpe => "rpe-1",
            Field::AvgHr => "run-hr",
            Field::Elevation => "run-elevation",
            Field::Notes => "run-notes",
        }
    }
}

#[component]
pub fn RunForm<F>(
    initial: RunDraft,
    /// The id the saved run gets: a new one when logging, the run's own when editing.
    id: String,
    submit_label: &'static str,
    on_save: F,
) -> impl IntoView
where
    F: Fn(Run) + 'static,
{
    let state = expect_context::<AppState>();
    let unit = Memo::new(move |_| state.journal.with(|j| j.settings.unit));
    let id = StoredValue::new(id);
    let (draft, errors, submit) = draft_form(
        initial,
        move |d: &RunDraft| id.with_value(|id| d.to_run(id, unit.get(), state.today.get())),
        on_save,
    );

    let distance_label = move || format!("Distance ({})", unit.get().abbrev());
    let elevation_label = move || format!("Elevation gain ({})", unit.get().elevation_abbrev());
    let live_pace = move || draft.with(|d| d.live_pace(unit.get()));
    let duration_reading = move || draft.with(|d| d.duration_reading());
    let today = move || dates::iso(state.today.get());
    let has_soreness = draft.with_untracked(|d| !d.soreness.is_empty());

    view! {
        <form class="run-form" novalidate on:submit=submit>
            <div class="row two">
                <TextField
                    field=Field::Date
                    label="Date"
                    input_type="date"
                    max=Signal::derive(today)
                    draft
                    errors
                    get=|d| d.date.clone()
                    set=|d, v| d.date = v
                />
                <TextField
                    field=Field::StartTime
                    label="Start time"
                    optional=true
                    input_type="time"
                    draft
                    errors
                    get=|d| d.start_time.clone()
                    set=|d, v| d.start_time = v
                />
            </div>
            <div class="row two">
                <TextField
                    field=Field::Distance
                    label=Signal::derive(distance_label)
                    inputmode="decimal"
                    placeholder="e.g. 10.5"
                    draft
                    errors
                    get=|d| d.distance.clone()
                    set=|d, v| d.distance = v
                />
                <TextField
                    field=Field::Duration
                    label="Time (h:mm:ss)"
                    inputmode="decimal"
                    placeholder="e.g. 45:30"
                    hint=Signal::derive(move || duration_reading().map(|t| format!("Read as {t}")))
                    draft
                    errors
                    get=|d| d.duration.clone()
                    set=|d, v| d.duration = v
                />
            </div>
            <p class="live-pace" aria-live="polite">
                {move || match live_pace() {
                    Some(pace) => format!("Pace {pace}"),
                    None => "Pace appears here as you type distance and time.".to_string(),
                }}
            </p>

            <SelectField
                id="run-type"
                label="Type"
                draft
                options=&RunKind::ALL
                key=RunKind::key
                text=RunKind::label
                get=|d| d.kind
                set=|d, kind| d.kind = kind
            />

            <Show when=move || {
                draft.with(|d| d.kind == RunKind::Race) && state.journal.with(|j| !j.races.is_empty())
            }>
                <div class="field">
                    <label for="run-race">"Which race?" <span class="optional">" (optional)"</span></label>
                    <select
                        id="run-race"
                        on:change=move |ev| draft.update(|d| d.race_id = event_target_value(&ev))
                    >
                        <option value="" selected=move || draft.with(|d| d.race_id.is_empty())>
                            "Not on my race list"
                        </option>
                        {move || {
                            let mut races = state.journal.with(|j| j.races.clone());
                            crate::domain::order::sort_by_key(&mut races, |r| std::cmp::Reverse(r.date));
                            races
                                .into_iter()
                                .map(|race| {
                                    let id = race.id.clone();
                                    let label = format!("{} ({})", race.name, dates::day_month_year(race.date));
                                    view! {
                                        <option
                                            value=race.id.clone()
                                            selected=move || draft.with(|d| d.race_id == id)
                                        >
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </Show>

            <RpeScale draft errors />

            <div class="row two">
                <TextField
                    field=Field::AvgHr
                    label="Average heart rate (bpm)"
                    optional=true
                    inputmode="numeric"
                    draft
                    errors
                    get=|d| d.avg_hr.clone()
                    set=|d, v| d.avg_hr = v
                />
                <TextField
                    field=Field::Elevation
                    label=Signal::derive(elevation_label)
                    optional=true
                    inputmode="numeric"
                    draft
                    errors
                    get=|d| d.elevation.clone()
                    set=|d, v| d.elevation = v
                />
            </div>

            <details class="soreness" open=has_soreness>
                <summary>
                    "Soreness" <span class="optional">" (optional) "</span>
                    <span class="muted">
                        {move || {
                            let count = draft.with(|d| d.soreness.len());
                            match count {
                                0 => "none logged".to_string(),
                                n => counted(n, "region", "regions"),
                            }
                        }}
                    </span>
                </summary>
                <p class="muted">"0 = not sore, 10 = worst imaginable."</p>
                {Region::ALL.into_iter().map(|region| view! { <SorenessSlider region draft /> }).collect_view()}
            </details>

            <NotesField
                field=Field::Notes
                draft
                errors
                get=|d| &d.notes
                set=|d, v| d.notes = v
                max_chars=NOTES_MAX_CHARS
            />

            <button type="submit" class="primary">
                {submit_label}
            </button>
        </form>
    }
}

#[component]
fn RpeScale(draft: RwSignal<RunDraft>, errors: Memo<FieldErrors>) -> impl IntoView {
    view! {
        <fieldset
            class="field rpe"
            aria-describedby=move || described_by(errors, Field::Rpe)
        >
            <legend>"Effort (RPE 1–10)"</legend>
            <div class="rpe-options">
                {(RPE_MIN..=RPE_MAX)
                    .map(|n| {
                        let id = format!("rpe-{n}");
                        let label_for = id.clone();
                        view! {
                            <label class="rpe-option" for=label_for>
                                <input
                                    type="radio"
                                    name="rpe"
                                    id=id
                                    value=n.to_string()
                                    aria-label=format!("{n}: {}", rpe_words(n))
                                    prop:checked=move || draft.with(|d| d.rpe == Some(n))
                                    on:change=move |_| draft.update(|d| d.rpe = Some(n))
                                />
                                <span aria-hidden="true">{n}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="muted rpe-words">
                {move || match draft.with(|d| d.rpe) {
                    Some(n) => format!("{n} — {}", rpe_words(n)),
                    None => "1 very, very easy · 5 hard · 10 maximal".to_string(),
                }}
            </p>
            <FieldMessage field=Field::Rpe errors />
        </fieldset>
    }
}

#[component]
fn SorenessSlider(region: Region, draft: RwSignal<RunDraft>) -> impl IntoView {
    let id = format!("sore-{}", region.key());
    let label_for = id.clone();
    let level = move || draft.with(|d| d.soreness_of(region));
    view! {
        <div class="soreness-row">
            <label for=label_for>{region.label()}</label>
            <input
                type="range"
                id=id
                min="0"
                max=SORENESS_MAX.to_string()
                step="1"
                prop:value=move || level().to_string()
                on:input=move |ev| {
                    let value = event_target_value(&ev).parse::<u8>().unwrap_or(0);
                    draft.update(|d| d.set_soreness(region, value));
                }
            />
            <output aria-hidden="true">{level}</output>
        </div>
    }
}
