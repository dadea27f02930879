//! The Massage tab: reminders, today's routine, the body map and races; and the pages
//! under it (log or edit a massage, add or edit a race, the routine player).

mod body_map;
mod body_shapes;
mod form;
mod player;
mod races;
mod reminders;

pub use form::{EditMassagePage, LogMassagePage};
pub use player::RoutinePage;
pub use races::{EditRacePage, NewRacePage};
pub use reminders::ReminderList;

use crate::domain::data::export::ics;
use crate::domain::massage::reminders::Status;
use crate::domain::massage::routine::todays_routine;
use crate::domain::text::dates;
use crate::ui::router::{link, Page};
use crate::ui::{clock, download, AppState};
use leptos::prelude::*;

#[component]
pub fn MassagePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let routine = Memo::new(move |_| {
        let today = state.today.get();
        state
            .reminders
            .with(|r| state.journal.with(|j| todays_routine(j, r, today)))
    });
    let export_calendar = move |_| {
        let today = state.today.get_untracked();
        // The moment of saving, local: no alarm in the file rings before it.
        let saved_at = clock::now_local();
        let events = state.reminders.with_untracked(|r| {
            state
                .journal
                .with_untracked(|j| ics::events(r, &j.races, &j.settings.reminders, saved_at))
        });
        let stamp =
            chrono::DateTime::from_timestamp_millis(i64::try_from(clock::now_ms()).unwrap_or(0))
                .map(|t| t.naive_utc())
                .unwrap_or_default();
        let text = ics::calendar(&events, stamp);
        // On a phone the share sheet offers the calendar app directly.
        download::share_or_offer(
            &format!("restride-reminders-{}.ics", dates::iso(today)),
            "text/calendar",
            &text,
        );
    };

    view! {
        <section class="page massage">
            <h1>"Massage"</h1>
            <p class="page-actions">
                <a class="button primary" href=link(&Page::LogMassage)>
                    "Log a massage"
                </a>
                <a class="button secondary" href=link(&Page::Routine(None))>
                    "Start today's routine"
                </a>
            </p>

            <h2>"Due now"</h2>
            <ReminderList
                keep=|r| r.status == Status::Due
                empty="Nothing due. Reminders appear here from your runs, races and soreness."
            />
            <h2>"Coming up"</h2>
            <ReminderList
                keep=|r| r.status != Status::Due
                empty="Nothing planned yet."
            />
            <p>
                <button type="button" class="secondary" on:click=export_calendar>
                    "Add to my calendar (.ics)"
                </button>
            </p>
            <p class="muted">
                "The calendar file holds these reminders and your race massage windows, each with an alarm, so your phone reminds you even when Restride is closed."
            </p>

            <h2>"Today's self-massage routine"</h2>
            {move || {
                let routine = routine.get();
                let regions: Vec<&str> =
                    routine.regions().iter().map(|r| r.in_sentence()).collect();
                let minutes = routine.minutes();
                view! {
                    <p>
                        {if regions.is_empty() {
                            String::new()
                        } else {
                            format!("About {minutes} minutes: {}. ", regions.join(", "))
                        }}
                        <span class="muted">{routine.why.clone()}</span>
                    </p>
                }
            }}
            <p>
                <a class="button secondary" href=link(&Page::Routine(None))>
                    "Open the routine"
                </a>
            </p>

            <h2>"Body map"</h2>
            <body_map::BodyMap />

            <h2>"Races"</h2>
            <races::RaceList />
            <p class="muted">
                "Massages you log appear in History with your runs. "
                <a href=format!("{}#massage", link(&Page::How))>"How reminders work"</a>
            </p>
        </section>
    }
}
