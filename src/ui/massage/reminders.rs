//! Reminder cards with their actions: done, snooze 1 or 3 days, dismiss.

use crate::domain::input::booking_draft::BookingDraft;
use crate::domain::massage::reminders::{self, Reminder, Rule, Status};
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::region::Region;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::rulebook::durations::SNOOZE_DAYS;
use crate::domain::text::dates;
use crate::domain::text::units::counted;
use crate::ui::router::{link, Page, Router};
use crate::ui::{clock, AppState};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The reminders `keep` selects, or `empty` when there are none.
#[component]
pub fn ReminderList(keep: fn(&Reminder) -> bool, empty: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = Memo::new(move |_| {
        state
            .reminders
            .with(|all| all.iter().filter(|r| keep(r)).cloned().collect::<Vec<_>>())
    });
    view! {
        <Show
            when=move || shown.with(|list| !list.is_empty())
            fallback=move || view! { <p class="muted">{empty}</p> }
        >
            <ul class="reminders">
                // Keyed, so the cards that stay keep their place (and the focus) when one
                // is snoozed or dismissed; a reminder whose text changes is drawn anew.
                <For
                    each=move || shown.get()
                    key=|r| format!("{}|{:?}|{}|{}", r.id, r.status, r.title, r.why)
                    let:reminder
                >
                    <ReminderCard reminder />
                </For>
            </ul>
        </Show>
    }
}

/// Where the focus goes when a card leaves its list: the first button of the next card,
/// else of the previous one, else the list's heading, else the page.
fn focus_after_leaving(card: Option<web_sys::HtmlLiElement>) {
    use wasm_bindgen::JsCast;
    let target = card.and_then(|li| {
        let sibling = li
            .next_element_sibling()
            .or_else(|| li.previous_element_sibling())
            .and_then(|s| s.query_selector("button, a[href]").ok().flatten());
        sibling.or_else(|| {
            li.parent_element()
                .and_then(|list| list.previous_element_sibling())
                .filter(|heading| heading.tag_name().starts_with('H'))
                .inspect(|heading| {
                    let _ = heading.set_attribute("tabindex", "-1");
                })
        })
    });
    set_timeout(
        move || {
            let element = target
                .filter(|t| t.is_connected())
                .or_else(|| document().get_element_by_id("main"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

#[component]
fn ReminderCard(reminder: Reminder) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let ids = StoredValue::new(reminder.answered_ids());
    let card = NodeRef::<leptos::html::Li>::new();
    let set = move |new: ReminderDecision| {
        focus_after_leaving(card.get_untracked());
        ids.with_value(|ids| state.decide(ids, new));
    };
    let snooze = move |days: u64| {
        let snoozed = ReminderDecision::snoozed_for(state.today.get_untracked(), days);
        if let ReminderDecision::Snoozed { until } = snoozed {
            state.say(
                format!(
                    "Snoozed until {}.",
                    dates::short_day_near(until, state.today.get_untracked())
                ),
                None,
            );
        }
        set(snoozed);
    };
    let suggests = reminder.rule.suggests_massage();
    let prefill = StoredValue::new(reminder.massage_draft(state.today.get_untracked()));
    let logs = reminder.rule.done_by_logging();
    // Done by logging: the reminder is marked done when the massage is saved, so leaving
    // the form without saving leaves it as it was.
    let done = move |_| {
        if logs {
            state
                .massage_prefill
                .set(Some((prefill.get_value(), ids.get_value())));
            router.go(&Page::LogMassage);
        } else {
            set(ReminderDecision::Done {
                on: state.today.get_untracked(),
            });
            state.say("Marked as done.", None);
        }
    };
    let dismiss = move |_| {
        set(ReminderDecision::Dismissed {
            on: state.today.get_untracked(),
        });
        state.say("Reminder dismissed.", None);
    };
    // An appointment is booked with a day; a booking is moved or cancelled.
    let bookable = reminder.rule.can_be_booked();
    let booked = reminder.rule == Rule::Booked;
    let booking_form = RwSignal::new(None::<BookingDraft>);
    let for_card = StoredValue::new(reminder.booking_draft(state.today.get_untracked()));
    let open_form = move |_| {
        let draft = if booked {
            state
                .journal
                .with_untracked(|j| j.booking.as_ref().map(BookingDraft::of))
                .unwrap_or_else(|| for_card.get_value())
        } else {
            for_card.get_value()
        };
        booking_form.set(Some(draft));
    };
    let cancel_booking = move |_| {
        focus_after_leaving(card.get_untracked());
        state.cancel_booking();
        state.say("Booking cancelled.", None);
    };
    // A physiotherapist card is answered by the visit itself; the question by a day.
    let physio = reminder.rule == Rule::SeePhysio;
    let question = reminder.rule == Rule::AskLastMassage;
    let day_form = RwSignal::new(false);
    let regions = StoredValue::new(reminder.regions.clone());
    let question_id = StoredValue::new(reminder.id.clone());
    let physio_seen = Callback::new(move |(day, note): (NaiveDate, String)| {
        let regions = regions.get_value();
        state.save_physio_visit(PhysioVisit::new(clock::new_id(), day, &regions, note));
        state.say(
            format!(
                "Noted. Your {} are no longer flagged, until you log that level again.",
                Region::list_in_sentence(&regions)
            ),
            None,
        );
    });
    let last_massage = Callback::new(move |(day, _): (NaiveDate, String)| {
        let massage = reminders::remembered_massage(clock::new_id(), day);
        state.save_massage(massage, &[question_id.get_value()]);
        state.say(
            format!(
                "Thanks: the reminders now count from {}.",
                dates::short_day_near(day, state.today.get_untracked())
            ),
            None,
        );
    });
    let show_done = !bookable || logs;
    let show_done =
        show_done && (!booked || reminder.status == Status::Due) && !physio && !question;
    let routine_link = match reminder.regions.as_slice() {
        [region] if suggests => Some(link(&Page::Routine(Some(*region)))),
        _ => None,
    };
    let class = match reminder.status {
        Status::Due => "reminder due",
        Status::Upcoming => "reminder upcoming",
        Status::Snoozed(_) => "reminder snoozed",
    };
    view! {
        <li class=class data-reminder=reminder.id.clone() node_ref=card>
            <p class="reminder-status">{reminder.status_words()}</p>
            <h3 class="reminder-title">{reminder.title.clone()}</h3>
            <p>
                <strong>"Why: "</strong>
                {reminder.why.clone()}
            </p>
            <details>
                <summary>"Evidence"</summary>
                <p class="muted">{reminder.evidence}</p>
            </details>
            <div class="reminder-actions">
                {routine_link
                    .map(|link| {
                        view! {
                            <a class="button primary" href=link>
                                "Start routine"
                            </a>
                        }
                    })}
                {show_done
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=done>
                                {reminder.rule.done_label()}
                            </button>
                        }
                    })}
                {bookable
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=open_form>
                                "Booked"
                            </button>
                        }
                    })}
                {physio
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=move |_| day_form.set(true)>
                                "Seen a physiotherapist"
                            </button>
                        }
                    })}
                {question
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=move |_| day_form.set(true)>
                                "Enter the day"
                            </button>
                        }
                    })}
                {booked
                    .then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=open_form>
                                "Move"
                            </button>
                            <button type="button" class="link-button" on:click=cancel_booking>
                                "Cancel booking"
                            </button>
                        }
                    })}
                {(!booked).then(|| view! {
                {SNOOZE_DAYS
                    .map(|days| {
                        view! {
                            <button type="button" class="secondary" on:click=move |_| snooze(days)>
                                {format!("Snooze {}", counted(usize::try_from(days).unwrap_or(usize::MAX), "day", "days"))}
                            </button>
                        }
                    })}
                <button type="button" class="link-button" on:click=dismiss>
                    "Dismiss"
                </button>
                })}
            </div>
            {move || booking_form.get().map(|draft| view! { <BookingForm draft form=booking_form /> })}
            {move || {
                day_form
                    .get()
                    .then(|| {
                        if physio {
                            view! {
                                <DayForm
                                    day_label="Day of the visit"
                                    note_label="What they said"
                                    save_label="Save visit"
                                    on_save=physio_seen
                                    open=day_form
                                />
                            }
                                .into_any()
                        } else {
                            view! {
                                <DayForm
                                    day_label="Day of your last sports massage"
                                    save_label="Save"
                                    on_save=last_massage
                                    open=day_form
                                />
                            }
                                .into_any()
                        }
                    })
            }}
        </li>
    }
}

/// A day that has happened, and optionally a note: the physiotherapist's visit, or the
/// last sports massage. `on_save` gets both once the day reads.
#[component]
fn DayForm(
    day_label: &'static str,
    #[prop(optional)] note_label: Option<&'static str>,
    save_label: &'static str,
    on_save: Callback<(NaiveDate, String)>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let date = RwSignal::new(dates::iso(state.today.get_untracked()));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id = clock::new_id();
    let (date_id, note_id, error_id) = (
        format!("day-{id}"),
        format!("day-note-{id}"),
        format!("day-error-{id}"),
    );
    let described = error_id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match dates::read_past_or_today(&date.get_untracked(), state.today.get_untracked()) {
            Ok(day) => {
                on_save.run((day, note.get_untracked().trim().to_string()));
                open.set(false);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="booking-form" novalidate on:submit=save>
            <div class="field">
                <label for=date_id.clone()>{day_label}</label>
                <input
                    id=date_id
                    type="date"
                    max=move || dates::iso(state.today.get())
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                    prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev))
                />
            </div>
            {note_label
                .map(|label| {
                    view! {
                        <div class="field">
                            <label for=note_id.clone()>{label} " " <span class="optional">"(optional)"</span></label>
                            <input
                                id=note_id.clone()
                                type="text"
                                prop:value=move || note.get()
                                on:input=move |ev| note.set(event_target_value(&ev))
                            />
                        </div>
                    }
                })}
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <div class="reminder-actions">
                <button type="submit" class="primary">{save_label}</button>
                <button type="button" class="link-button" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

/// The appointment's day, an optional time, and deep or light; saving books it.
#[component]
fn BookingForm(draft: BookingDraft, form: RwSignal<Option<BookingDraft>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(draft);
    let error = RwSignal::new(None::<String>);
    let id = clock::new_id();
    let (date_id, time_id, deep_id, error_id) = (
        format!("booking-date-{id}"),
        format!("booking-time-{id}"),
        format!("booking-deep-{id}"),
        format!("booking-error-{id}"),
    );
    let described = error_id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = state.today.get_untracked();
        match draft.with_untracked(|d| d.read(today).map(|(date, time)| (date, time, d.deep))) {
            Ok((date, time, deep)) => {
                state.book(date, time, deep);
                form.set(None);
                state.say(
                    format!(
                        "Sports massage booked for {}.",
                        dates::short_day_near(date, today)
                    ),
                    None,
                );
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="booking-form" novalidate on:submit=save>
            <div class="row two">
                <div class="field">
                    <label for=date_id.clone()>"Day of the appointment"</label>
                    <input
                        id=date_id
                        type="date"
                        min=move || dates::iso(state.today.get())
                        aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                        prop:value=move || draft.with(|d| d.date.clone())
                        on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for=time_id.clone()>"Time " <span class="optional">"(optional)"</span></label>
                    <input
                        id=time_id
                        type="time"
                        prop:value=move || draft.with(|d| d.time.clone())
                        on:input=move |ev| draft.update(|d| d.time = event_target_value(&ev))
                    />
                </div>
            </div>
            <label class="choice" for=deep_id>
                <input
                    id=deep_id.clone()
                    type="checkbox"
                    prop:checked=move || draft.with(|d| d.deep)
                    on:change=move |ev| draft.update(|d| d.deep = event_target_checked(&ev))
                />
                <span>"Deep work"</span>
            </label>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <div class="reminder-actions">
                <button type="submit" class="primary">"Save booking"</button>
                <button type="button" class="link-button" on:click=move |_| form.set(None)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
