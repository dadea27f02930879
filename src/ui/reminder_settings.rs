//! Settings for massage reminders: each rule on or off with its numbers, and system
//! notifications (the browser's permission is asked only from the runner's tap here).

use super::device;
use super::AppState;
use crate::domain::record::reminder_settings::{
    ReminderSettings, Tunable, BIG_SESSION_TENTHS, DISTANCE_EVERY_KM, DISTANCE_EVERY_MI,
    LONG_RUN_MINUTES, PHYSIO_LEVEL, PROFESSIONAL_EVERY_DAYS, RACE_BOOK_DAYS_BEFORE, SORE_LEVEL,
    SPIKE_ACWR_TENTHS, SPIKE_JUMP_PERCENT,
};
use crate::domain::record::settings::Unit;
use crate::domain::rulebook::windows::AFTER_HARD_EFFORT_DAYS;
use leptos::prelude::*;

#[component]
pub fn ReminderSettingsSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let unit = Memo::new(move |_| state.journal.with(|j| j.settings.unit));
    let rule = |id: &'static str,
                label: String,
                get: fn(&ReminderSettings) -> bool,
                set: fn(&mut ReminderSettings, bool),
                numbers: AnyView| {
        view! {
            <fieldset class="field rule">
                <legend class="visually-hidden">{label.clone()}</legend>
                <label class="choice">
                    <input
                        type="checkbox"
                        id=id
                        prop:checked=move || state.journal.with(|j| get(&j.settings.reminders))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.change_settings(|s| set(&mut s.reminders, on));
                        }
                    />
                    <span>{label}</span>
                </label>
                <div class="rule-numbers">{numbers}</div>
            </fieldset>
        }
    };
    let distance = move || match unit.get() {
        Unit::Km => view! {
            <Number id="rule-distance-km" label="Every (km)" range=DISTANCE_EVERY_KM
                get=|r| r.distance_every_km set=|r, v| r.distance_every_km = v />
        }
        .into_any(),
        Unit::Mi => view! {
            <Number id="rule-distance-mi" label="Every (mi)" range=DISTANCE_EVERY_MI
                get=|r| r.distance_every_mi set=|r, v| r.distance_every_mi = v />
        }
        .into_any(),
    };
    view! {
        <h2>"Massage reminders"</h2>
        <Notifications />
        {rule("rule-professional", "Regular sports massage".into(), |r| r.professional_on, |r, v| r.professional_on = v,
            view! { <Number id="rule-professional-days" label="Every (days)" range=PROFESSIONAL_EVERY_DAYS
                get=|r| r.professional_every_days set=|r, v| r.professional_every_days = v /> }.into_any())}
        {rule("rule-distance", "A massage after a set distance".into(), |r| r.distance_on, |r, v| r.distance_on = v,
            view! { {distance} }.into_any())}
        {rule("rule-hard", format!("Recovery massage {} after a hard effort", AFTER_HARD_EFFORT_DAYS.hours_words()), |r| r.hard_effort_on, |r, v| r.hard_effort_on = v,
            view! {
                <Number id="rule-long-minutes" label="Long run from (minutes)" range=LONG_RUN_MINUTES
                    get=|r| r.long_run_minutes set=|r, v| r.long_run_minutes = v />
                <Number id="rule-big-session" label="Big session from (× your average session load)" range=BIG_SESSION_TENTHS
                    get=|r| r.big_session_tenths set=|r, v| r.big_session_tenths = v />
            }.into_any())}
        {rule("rule-race-before", "Before A and B races".into(), |r| r.race_before_on, |r, v| r.race_before_on = v,
            view! { <Number id="rule-race-book" label="Remind to book (days before)" range=RACE_BOOK_DAYS_BEFORE
                get=|r| r.race_book_days_before set=|r, v| r.race_book_days_before = v /> }.into_any())}
        {rule("rule-race-after", "After races".into(), |r| r.race_after_on, |r, v| r.race_after_on = v, ().into_any())}
        {rule("rule-soreness", "Persistent soreness".into(), |r| r.soreness_on, |r, v| r.soreness_on = v,
            view! {
                <Number id="rule-sore-level" label="Sore from (0–10)" range=SORE_LEVEL
                    get=|r| u16::from(r.sore_level) set=|r, v| r.sore_level = u8::try_from(v).unwrap_or(u8::MAX) />
                <Number id="rule-physio-level" label="See a physiotherapist from (0–10)" range=PHYSIO_LEVEL
                    get=|r| u16::from(r.physio_level) set=|r, v| r.physio_level = u8::try_from(v).unwrap_or(u8::MAX) />
            }.into_any())}
        {rule("rule-spike", "Load spike".into(), |r| r.spike_on, |r, v| r.spike_on = v,
            view! {
                <Number id="rule-spike-acwr" label="Load spike: 7-day load above (× your 28-day load)" range=SPIKE_ACWR_TENTHS
                    get=|r| r.spike_acwr_tenths set=|r, v| r.spike_acwr_tenths = v />
                <Number id="rule-spike-jump" label="Two-week distance jump above (%)" range=SPIKE_JUMP_PERCENT
                    get=|r| r.spike_jump_percent set=|r, v| r.spike_jump_percent = v />
            }.into_any())}
        <p>
            <button
                type="button"
                class="secondary"
                on:click=move |_| state.change_settings(|s| s.reminders = ReminderSettings::default())
            >
                "Restore the default reminder settings"
            </button>
        </p>
    }
}

/// A whole number kept as typed; the setting changes only when it is in range.
#[component]
fn Number(
    id: &'static str,
    label: &'static str,
    /// The default and range, from the rulebook.
    range: Tunable,
    get: fn(&ReminderSettings) -> u16,
    set: fn(&mut ReminderSettings, u16),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text =
        RwSignal::new(range.show(state.journal.with_untracked(|j| get(&j.settings.reminders))));
    // Follows the stored value when it changes elsewhere (restore defaults, another tab).
    Effect::new(move |_| {
        let stored = state.journal.with(|j| get(&j.settings.reminders));
        if range.read(&text.get_untracked()) != Some(stored) {
            text.set(range.show(stored));
        }
    });
    let error = Memo::new(move |_| {
        range
            .read(&text.get())
            .is_none()
            .then(|| range.out_of_range())
    });
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field small" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                inputmode=if range.tenths { "decimal" } else { "numeric" }
                autocomplete="off"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                // Committed when the field is left (or Enter), never mid-typing: "150" must
                // not pass through 1 and 15 km and fire reminders on the way.
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    if let Some(value) = range.read(&typed) {
                        state.change_settings(|s| set(&mut s.reminders, value));
                    }
                }
            />
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

#[component]
fn Notifications() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let on = move || state.journal.with(|j| j.settings.notifications);
    let change = move |ev| {
        if !event_target_checked(&ev) {
            state.change_settings(|s| s.notifications = false);
            message.set(None);
            return;
        }
        device::ask_notifications(move |answer| match answer.as_str() {
            "granted" => {
                state.change_settings(|s| s.notifications = true);
                message.set(None);
            }
            "unsupported" => {
                state.change_settings(|s| s.notifications = false);
                message.set(Some("This browser cannot show notifications. The calendar file on the Massage tab reminds you instead.".into()));
            }
            _ => {
                state.change_settings(|s| s.notifications = false);
                message.set(Some("Notifications are blocked for this site. Allow them in the browser's site settings, or use the calendar file on the Massage tab.".into()));
            }
        });
    };
    view! {
        <label class="choice">
            <input type="checkbox" id="notifications" prop:checked=on on:change=change />
            <span>"Notify me when a reminder is due"</span>
        </label>
        {move || message.get().map(|m| view! { <p class="field-error" role="status">{m}</p> })}
        <p class="muted">
            "Shown when Restride is opened or comes back to the screen; the app badge shows the number due where the phone supports it."
        </p>
    }
}
