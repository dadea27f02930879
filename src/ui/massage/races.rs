//! The runner's races: the list on the Massage page and the form that adds or edits one.

use crate::domain::input::massage_draft::{RaceDraft, RaceField, RACE_DISTANCES};
use crate::domain::record::race::{upcoming_and_past, Priority, Race};
use crate::domain::record::settings::Unit;
use crate::domain::text::dates;
use crate::domain::text::units::{distance_for_input, format_distance, format_duration};
use crate::ui::clock;
use crate::ui::fields::{draft_form, FormField, TextField};
use crate::ui::router::{link, Page, Router};
use crate::ui::{AppState, Missing};
use leptos::prelude::*;

/// Upcoming races (soonest first), then past ones (latest first).
#[component]
pub fn RaceList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lists = Memo::new(move |_| {
        let today = state.today.get();
        state.journal.with(|j| {
            let (upcoming, past) = upcoming_and_past(&j.races, today);
            (upcoming, past, j.settings.unit)
        })
    });
    let section = |title: &'static str, races: Vec<Race>, unit: Unit| {
        (!races.is_empty()).then(|| {
            view! {
                <h3>{title}</h3>
                <ul class="race-list">
                    {races.into_iter().map(|race| race_row(race, unit)).collect_view()}
                </ul>
            }
        })
    };
    view! {
        {move || {
            let (upcoming, past, unit) = lists.get();
            if upcoming.is_empty() && past.is_empty() {
                return view! {
                    <p class="muted">
                        "No races yet. Add your next race and Restride times your last deep massage before it."
                    </p>
                }
                    .into_any();
            }
            view! {
                {section("Upcoming", upcoming, unit)}
                {section("Past", past, unit)}
            }
                .into_any()
        }}
        <a class="button secondary" href=link(&Page::NewRace)>
            "Add a race"
        </a>
    }
}

fn race_row(race: Race, unit: Unit) -> impl IntoView {
    let goal = race
        .goal_s
        .map(|s| format!(" · goal {}", format_duration(u64::from(s))))
        .unwrap_or_default();
    view! {
        <li>
            <a class="run-row" href=link(&Page::EditRace(race.id.clone()))>
                <span class="run-line">
                    <span class="run-when">{race.name.clone()}</span>
                    <span>{format!("Priority {}", race.priority.key())}</span>
                </span>
                <span class="run-line muted">
                    <span>{dates::short_day_year(race.date)}</span>
                    <span>{format!("{}{goal}", format_distance(u64::from(race.distance_m), unit))}</span>
                </span>
            </a>
        </li>
    }
}

#[component]
pub fn NewRacePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let on_save = move |race: Race| {
        state.save_race(race);
        state.say_saved("Race saved.");
        router.go(&Page::Massage);
    };
    view! {
        <section class="page">
            <h1>"Add a race"</h1>
            <RaceForm initial=RaceDraft::default() id=clock::new_id() submit_label="Save race" on_save />
        </section>
    }
}

#[component]
pub fn EditRacePage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let (found, unit) = state
        .journal
        .with_untracked(|j| (j.race(&id).cloned(), j.settings.unit));
    let Some(race) = found else {
        return view! {
            <Missing title="Edit race" what="race" back=Page::Massage back_label="Back to Massage" />
        }
        .into_any();
    };
    let on_save = move |race: Race| {
        state.save_race(race);
        state.say_saved("Changes saved.");
        router.go(&Page::Massage);
    };
    let delete = move |_| {
        state.delete_race(&id);
        router.go(&Page::Massage);
    };
    view! {
        <section class="page">
            <h1>"Edit race"</h1>
            <RaceForm
                initial=RaceDraft::from_race(&race, unit)
                id=race.id.clone()
                submit_label="Save changes"
                on_save
            />
            <div class="danger-zone">
                <button type="button" class="danger" on:click=delete>
                    "Delete race"
                </button>
            </div>
        </section>
    }
    .into_any()
}

impl FormField for RaceField {
    fn input_id(self) -> &'static str {
        match self {
            RaceField::Name => "race-name",
            RaceField::Date => "race-date",
            RaceField::Distance => "race-distance",
            RaceField::Goal => "race-goal",
        }
    }
}

#[component]
fn RaceForm<F>(
    initial: RaceDraft,
    id: String,
    submit_label: &'static str,
    on_save: F,
) -> impl IntoView
where
    F: Fn(Race) + 'static,
{
    let state = expect_context::<AppState>();
    let unit = Memo::new(move |_| state.journal.with(|j| j.settings.unit));
    let id = StoredValue::new(id);
    let (draft, errors, submit) = draft_form(
        initial,
        move |d: &RaceDraft| id.with_value(|id| d.to_race(id, unit.get())),
        on_save,
    );
    view! {
        <form class="race-form" novalidate on:submit=submit>
            <TextField
                field=RaceField::Name
                label="Name"
                draft
                errors
                get=|d| d.name.clone()
                set=|d, v| d.name = v
            />
            <TextField
                field=RaceField::Date
                label="Date"
                input_type="date"
                draft
                errors
                get=|d| d.date.clone()
                set=|d, v| d.date = v
            />
            <TextField
                field=RaceField::Distance
                label=Signal::derive(move || format!("Distance ({})", unit.get().abbrev()))
                inputmode="decimal"
                draft
                errors
                get=|d| d.distance.clone()
                set=|d, v| d.distance = v
            />
            <div class="quick-picks" role="group" aria-label="Common distances">
                {RACE_DISTANCES
                    .into_iter()
                    .map(|(name, metres)| {
                        view! {
                            <button
                                type="button"
                                class="chip"
                                on:click=move |_| {
                                    draft
                                        .update(|d| d.distance = distance_for_input(metres, unit.get_untracked()))
                                }
                            >
                                {name}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <fieldset class="field">
                <legend>"Priority"</legend>
                {Priority::ALL
                    .into_iter()
                    .map(|priority| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="race-priority"
                                    value=priority.key()
                                    prop:checked=move || draft.with(|d| d.priority == priority)
                                    on:change=move |_| draft.update(|d| d.priority = priority)
                                />
                                <span>{priority.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <TextField
                field=RaceField::Goal
                label="Goal time (h:mm:ss)"
                optional=true
                inputmode="decimal"
                draft
                errors
                get=|d| d.goal.clone()
                set=|d, v| d.goal = v
            />
            <button type="submit" class="primary">
                {submit_label}
            </button>
        </form>
    }
}
