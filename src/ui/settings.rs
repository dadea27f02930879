//! Display preferences (units, the first day of the week) and how much storage is used.

use super::AppState;
use crate::domain::data::quota::StorageUse;
use crate::domain::record::settings::{Unit, WeekStart};
use crate::store;
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
                    on:change=move |_| state.change_settings(|s| s.unit = unit)
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
                    on:change=move |_| state.change_settings(|s| s.week_start = week_start)
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
            <super::reminder_settings::ReminderSettingsSection />
            <super::data_settings::DataSection />
            <super::install::InstallOffer />
            <p class="muted">
                "Everything you log stays in this browser on this device: no account, no server."
            </p>
            <StorageUsed />
        </section>
    }
}

/// Storage used by Restride against the assumed quota, with a warning when nearly full.
/// Measured when the page opens: nothing on this page changes the stored size (km and mi,
/// Monday and Sunday are the same length), and every visit measures again.
#[component]
fn StorageUsed() -> impl IntoView {
    store::bytes_used().map(StorageUse::of).map(|use_| {
        view! {
            <p class="storage-use">{use_.summary()}</p>
            {use_.warning().map(|text| view! { <p class="storage-warning">{text}</p> })}
        }
    })
}
