//! The body map: regions coloured by the last week's soreness (`domain::massage::body_map`). A tap on a
//! region opens its technique; the list under the figure gives the same links to keyboard
//! and screen-reader users, with the levels in words.

use super::body_shapes::{OUTLINE_BACK, OUTLINE_FRONT, REGION_SHAPES};
use crate::domain::massage::body_map::{body_map, Band, RegionReading, MAP_DAYS};
use crate::domain::record::region::Region;
use crate::ui::router::{link, Page, Router};
use crate::ui::AppState;
use leptos::prelude::*;

fn band_class(band: Band) -> &'static str {
    match band {
        Band::NotSore => "sore-none",
        Band::Mild => "sore-mild",
        Band::Sore => "sore-sore",
        Band::RedFlag => "sore-pain",
    }
}

#[component]
pub fn BodyMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = expect_context::<Router>();
    let readings = Memo::new(move |_| {
        let today = state.today.get();
        state.journal.with(|j| body_map(j, today))
    });
    let reading = move |region: Region| {
        readings.with(|map| {
            map.get(&region).copied().unwrap_or(RegionReading {
                level: 0,
                band: Band::NotSore,
            })
        })
    };
    let open = move |region: Region| router.go(&Page::Routine(Some(region)));

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
                                class=move || format!("body-region {}", band_class(reading(region).band))
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
                {format!("Soreness you logged in the last {MAP_DAYS} days. Tap a region for its self-massage technique.")}
            </figcaption>
        </figure>
        <ul class="body-legend">
            {Region::ALL
                .into_iter()
                .map(|region| {
                    view! {
                        <li>
                            <a href=link(&Page::Routine(Some(region)))>
                                <span class=move || {
                                    format!("swatch {}", band_class(reading(region).band))
                                }></span>
                                <span>{region.label()}</span>
                                <span class="muted">{move || reading(region).words()}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
