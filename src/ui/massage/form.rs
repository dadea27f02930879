//! Logging and editing a massage.

use crate::domain::massage::{Massage, MassageKind};
use crate::domain::massage_draft::{MassageDraft, MassageField, NOTES_MAX_CHARS};
use crate::domain::run::Region;
use crate::ui::clock;
use crate::ui::router::{href, Router};
use crate::ui::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::collections::BTreeMap;

type Errors = BTreeMap<MassageField, String>;

fn input_id(field: MassageField) -> &'static str {
    match field {
        MassageField::Date => "massage-date",
        MassageField::Minutes => "massage-minutes",
        MassageField::Regions => "massage-regions",
        MassageField::Cost => "massage-cost",
        MassageField::Notes => "massage-notes",
    }
}

fn error_id(field: MassageField) -> String {
    format!("{}-error", input_id(field))
}

#[component]
pub fn LogMassagePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let initial = state
        .massage_prefill
        .try_update(Option::take)
        .flatten()
        .unwrap_or_else(|| MassageDraft::new_for(clock::today()));
    let on_save = move |massage: Massage| {
        state.journal.update(|j| j.save_massage(massage));
        state.say("Massage saved.", None);
        router.go("/history");
    };
    view! {
        <section class="page">
            <h1>"Log a massage"</h1>
            <MassageForm initial id=clock::new_id() submit_label="Save massage" on_save />
        </section>
    }
}

#[component]
pub fn EditMassagePage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let found = state.journal.with_untracked(|j| j.massage(&id).cloned());
    let Some(massage) = found else {
        return view! {
            <section class="page">
                <h1>"Edit massage"</h1>
                <p>
                    "This massage does not exist (it may have been deleted). "
                    <a href=href("/history")>"Back to history"</a>
                </p>
            </section>
        }
        .into_any();
    };
    let on_save = move |massage: Massage| {
        state.journal.update(|j| j.save_massage(massage));
        state.say("Changes saved.", None);
        router.go("/history");
    };
    let delete = move |_| {
        let mut deleted = None;
        state.journal.update(|j| deleted = j.delete_massage(&id));
        if let Some(deleted) = deleted {
            state.say("Massage deleted.", Some(deleted));
        }
        router.go("/history");
    };
    view! {
        <section class="page">
            <h1>"Edit massage"</h1>
            <MassageForm
                initial=MassageDraft::from_massage(&massage)
                id=massage.id.clone()
                submit_label="Save changes"
                on_save
            />
            <div class="danger-zone">
                <button type="button" class="danger" on:click=delete>
                    "Delete massage"
                </button>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn MassageForm<F>(
    initial: MassageDraft,
    id: String,
    submit_label: &'static str,
    on_save: F,
) -> impl IntoView
where
    F: Fn(Massage) + 'static,
{
    let draft = RwSignal::new(initial);
    let id = StoredValue::new(id);
    let tried = RwSignal::new(false);
    let errors = Memo::new(move |_| {
        if !tried.get() {
            return Errors::new();
        }
        draft
            .with(|d| id.with_value(|id| d.to_massage(id, clock::today())))
            .err()
            .unwrap_or_default()
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| id.with_value(|id| d.to_massage(id, clock::today()))) {
            Ok(massage) => on_save(massage),
            Err(found) => {
                tried.set(true);
                if let Some(field) = found.keys().next() {
                    super::focus_element(input_id(*field));
                }
            }
        }
    };
    let today = clock::today().format("%Y-%m-%d").to_string();

    view! {
        <form class="massage-form" novalidate on:submit=submit>
            <div class="row two">
                <Field
                    field=MassageField::Date
                    label="Date"
                    input_type="date"
                    max=today
                    draft
                    errors
                    get=|d| d.date.clone()
                    set=|d, v| d.date = v
                />
                <Field
                    field=MassageField::Minutes
                    label="Minutes"
                    inputmode="numeric"
                    draft
                    errors
                    get=|d| d.minutes.clone()
                    set=|d, v| d.minutes = v
                />
            </div>
            <div class="field">
                <label for="massage-kind">"Kind"</label>
                <select
                    id="massage-kind"
                    on:change=move |ev| {
                        if let Some(kind) = MassageKind::from_key(&event_target_value(&ev)) {
                            draft.update(|d| d.kind = kind);
                        }
                    }
                >
                    {MassageKind::ALL
                        .into_iter()
                        .map(|kind| {
                            view! {
                                <option
                                    value=kind.key()
                                    selected=move || draft.with(|d| d.kind == kind)
                                >
                                    {kind.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <label class="choice">
                <input
                    type="checkbox"
                    id="massage-deep"
                    prop:checked=move || draft.with(|d| d.deep)
                    on:change=move |ev| draft.update(|d| d.deep = event_target_checked(&ev))
                />
                <span>"Deep tissue (not a light flush)"</span>
            </label>
            <fieldset class="field regions" id="massage-regions">
                <legend>"Regions " <span class="optional">"(optional)"</span></legend>
                <div class="region-options">
                    {Region::ALL
                        .into_iter()
                        .map(|region| {
                            let id = format!("massage-region-{}", region.key());
                            let label_for = id.clone();
                            view! {
                                <label class="choice" for=label_for>
                                    <input
                                        type="checkbox"
                                        id=id
                                        prop:checked=move || draft.with(|d| d.regions.contains(&region))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            draft
                                                .update(|d| {
                                                    if on {
                                                        d.regions.insert(region);
                                                    } else {
                                                        d.regions.remove(&region);
                                                    }
                                                });
                                        }
                                    />
                                    <span>{region.label()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <Field
                field=MassageField::Cost
                label="Cost"
                optional=true
                inputmode="decimal"
                placeholder="e.g. 65"
                draft
                errors
                get=|d| d.cost.clone()
                set=|d, v| d.cost = v
            />
            <div class="field">
                <label for="massage-notes">
                    "Notes" <span class="optional">" (optional)"</span>
                </label>
                <textarea
                    id="massage-notes"
                    rows="3"
                    aria-invalid=move || invalid(errors, MassageField::Notes)
                    aria-describedby=move || described_by(errors, MassageField::Notes)
                    prop:value=move || draft.with(|d| d.notes.clone())
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))
                ></textarea>
                <p class="muted counter">
                    {move || format!("{} / {NOTES_MAX_CHARS}", draft.with(|d| d.notes.chars().count()))}
                </p>
                <Message field=MassageField::Notes errors />
            </div>
            <button type="submit" class="primary">
                {submit_label}
            </button>
        </form>
    }
}

fn invalid(errors: Memo<Errors>, field: MassageField) -> &'static str {
    if errors.with(|e| e.contains_key(&field)) {
        "true"
    } else {
        "false"
    }
}

fn described_by(errors: Memo<Errors>, field: MassageField) -> Option<String> {
    errors
        .with(|e| e.contains_key(&field))
        .then(|| error_id(field))
}

#[component]
fn Message(field: MassageField, errors: Memo<Errors>) -> impl IntoView {
    move || {
        errors.with(|e| e.get(&field).cloned()).map(|message| {
            view! {
                <p class="field-error" id=error_id(field)>
                    {message}
                </p>
            }
        })
    }
}

#[component]
fn Field(
    field: MassageField,
    label: &'static str,
    draft: RwSignal<MassageDraft>,
    errors: Memo<Errors>,
    get: fn(&MassageDraft) -> String,
    set: fn(&mut MassageDraft, String),
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional, into)] max: Option<String>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let id = input_id(field);
    view! {
        <div class="field" class:invalid=move || errors.with(|e| e.contains_key(&field))>
            <label for=id>
                {label}
                {optional.then(|| view! { <span class="optional">" (optional)"</span> })}
            </label>
            <input
                id=id
                type=input_type
                inputmode=inputmode
                placeholder=placeholder
                max=max
                autocomplete="off"
                aria-invalid=move || invalid(errors, field)
                aria-describedby=move || described_by(errors, field)
                prop:value=move || draft.with(get)
                on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
            />
            <Message field errors />
        </div>
    }
}
