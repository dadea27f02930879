//! The body map: regions coloured by the highest soreness of the last 7 days. A tap on a
//! region opens its technique; the list under the figure gives the same links to keyboard
//! and screen-reader users, with the levels in words.

use super::body_shapes::{OUTLINE_BACK, OUTLINE_FRONT, REGION_SHAPES};
use crate::domain::massage::routine::recent_soreness;
use crate::domain::record::run::Region;
use crate::ui::router::{href, Router};
use crate::ui::AppState;
use leptos::prelude::*;

/// Days of soreness the map shows.
const MAP_DAYS: u64 = 7;

fn level_class(level: u8) -> &'static str {
    match level {
        0 => "sore-none",
        1..=3 => "sore-mild",
        4..=6 => "sore-sore",
        _ => "sore-pain",
    }
}

fn level_words(level: u8) -> String {
    match level {
        0 => "not sore".into(),
        1..=3 => format!("mild, {level}/10"),
        4..=6 => format!("sore, {level}/10"),
        _ => format!("painful, {level}/10 — see a physiotherapist"),
    }
}

#[component]
pub fn BodyMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let levels = Memo::new(move |_| {
        let today = state.today.get();
        state
            .journal
            .with(|j| recent_soreness(&j.runs, today, MAP_DAYS))
    });
    let level = move |region: Region| levels.with(|l| l.get(&region).copied().unwrap_or(0));
    let open = move |region: Region| router.go(&format!("/routine/{}", region.key()));

    view! {
        <figure class="body-map">
            // Pointer only: the list below is the accessible way to the same links.
            <svg viewBox="0 0 200 220" aria-hidden="true" focusable="false">
                <path class="body-outline" d=OUTLINE_FRONT />
                <path class="body-outline" d=OUTLINE_BACK />
                {REGION_SHAPES
                    .iter()
                    .map(|shape| {
                        let region = shape.region;
                        view! {
                            <path
                                class=move || format!("body-region {}", level_class(level(region)))
                                data-region=region.key()
                                data-view=if shape.back { "back" } else { "front" }
                                d=shape.d
                                on:click=move |_| open(region)
                            />
                        }
                    })
                    .collect_view()}
                <text x="50" y="219" class="body-caption">
                    "Front"
                </text>
                <text x="150" y="219" class="body-caption">
                    "Back"
                </text>
            </svg>
            <figcaption class="muted">
                "Soreness you logged in the last 7 days. Tap a region for its self-massage technique."
            </figcaption>
        </figure>
        <ul class="body-legend">
            {Region::ALL
                .into_iter()
                .map(|region| {
                    view! {
                        <li>
                            <a href=href(&format!("/routine/{}", region.key()))>
                                <span class=move || {
                                    format!("swatch {}", level_class(level(region)))
                                }></span>
                                <span>{region.label()}</span>
                                <span class="muted">{move || level_words(level(region))}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
