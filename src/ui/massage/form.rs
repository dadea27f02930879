//! Logging and editing a massage.

use crate::domain::input::massage_draft::{MassageDraft, MassageField};
use crate::domain::record::massage::{Massage, MassageKind};
use crate::domain::record::region::Region;
use crate::domain::record::validate::NOTES_MAX_CHARS;
use crate::domain::text::dates;
use crate::ui::clock;
use crate::ui::fields::{draft_form, FormField, NotesField, SelectField, TextField};
use crate::ui::router::{Page, Router};
use crate::ui::{AppState, Missing};
use leptos::prelude::*;

impl FormField for MassageField {
    fn input_id(self) -> &'static str {
        match self {
            MassageField::Date => "massage-date",
            MassageField::Minutes => "massage-minutes",
            MassageField::Regions => "massage-regions",
            MassageField::Cost => "massage-cost",
            MassageField::Notes => "massage-notes",
        }
    }
}

#[component]
pub fn LogMassagePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let (initial, answers) = match state.massage_prefill.try_update(Option::take).flatten() {
        Some((draft, answers)) => (draft, answers),
        None => (
            MassageDraft::new_for(state.today.get_untracked()),
            Vec::new(),
        ),
    };
    let on_save = move |massage: Massage| {
        state.save_massage(massage, &answers);
        state.say_saved("Massage saved.");
        router.go(&Page::History);
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
            <Missing title="Edit massage" what="massage" back=Page::History back_label="Back to history" />
        }
        .into_any();
    };
    let on_save = move |massage: Massage| {
        state.save_massage(massage, &[]);
        state.say_saved("Changes saved.");
        router.go(&Page::History);
    };
    let delete = move |_| {
        state.delete_massage(&id);
        router.go(&Page::History);
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
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let (draft, errors, submit) = draft_form(
        initial,
        move |d: &MassageDraft| id.with_value(|id| d.to_massage(id, state.today.get())),
        on_save,
    );
    let today = move || dates::iso(state.today.get());

    view! {
        <form class="massage-form" novalidate on:submit=submit>
            <div class="row two">
                <TextField
                    field=MassageField::Date
                    label="Date"
                    input_type="date"
                    max=Signal::derive(today)
                    draft
                    errors
                    get=|d| d.date.clone()
                    set=|d, v| d.date = v
                />
                <TextField
                    field=MassageField::Minutes
                    label="Minutes"
                    inputmode="numeric"
                    draft
                    errors
                    get=|d| d.minutes.clone()
                    set=|d, v| d.minutes = v
                />
            </div>
            <SelectField
                id="massage-kind"
                label="Kind"
                draft
                options=&MassageKind::ALL
                key=MassageKind::key
                text=MassageKind::label
                get=|d| d.kind
                set=|d, kind| d.kind = kind
            />
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
            <TextField
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
            <NotesField
                field=MassageField::Notes
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
