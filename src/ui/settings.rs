//! Display preferences: units and the first day of the week.

use super::AppState;
use crate::domain::settings::{Unit, WeekStart};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = Memo::new(move |_| state.journal.with(|j| j.settings));

    let unit_choice = move |unit: Unit, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="unit"
                    value=unit.abbrev()
                    prop:checked=move || settings.get().unit == unit
                    on:change=move |_| state.journal.update(|j| j.settings.unit = unit)
                />
                <span>{label}</span>
            </label>
        }
    };
    let week_choice = move |week_start: WeekStart, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="week-start"
                    value=label
                    prop:checked=move || settings.get().week_start == week_start
                    on:change=move |_| state.journal.update(|j| j.settings.week_start = week_start)
                />
                <span>{label}</span>
            </label>
        }
    };

    view! {
        <section class="page">
            <h1>"Settings"</h1>
            <fieldset class="field">
                <legend>"Distance unit"</legend>
                {unit_choice(Unit::Km, "Kilometres (km)")}
                {unit_choice(Unit::Mi, "Miles (mi)")}
            </fieldset>
            <fieldset class="field">
                <legend>"Weeks start on"</legend>
                {week_choice(WeekStart::Monday, "Monday")}
                {week_choice(WeekStart::Sunday, "Sunday")}
            </fieldset>
            <super::install::InstallOffer />
            <p class="muted">
                "Everything you log stays in this browser on this device: no account, no server."
            </p>
        </section>
    }
}
