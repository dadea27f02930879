//! The frame around every page: navigation (a bottom tab bar on phones, a side bar on wide
//! screens, by CSS), storage banners, the routes and the toast.

use super::pages::{self, lazily, Place};
use super::router::{link, Page, Router};
use super::toast::ToastArea;
use super::today::TodayPage;
use super::AppState;
use crate::route::Section;
use leptos::prelude::*;

#[component]
pub fn Shell() -> impl IntoView {
    let router = Router::install();
    let state = expect_context::<AppState>();
    // Today is in the first download; every other page's code comes in the second part,
    // fetched right after the first screen (and precached by the service worker).
    let page = move || match router.page.get() {
        Page::Today => view! { <TodayPage /> }.into_any(),
        other => lazily(Place::Page, pages::page(other)),
    };
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <div class="app">
            <Nav />
            <main id="main" tabindex="-1">
                <Banners />
                {move || {
                    let recovering = state
                        .startup_problem
                        .with(|p| p.as_ref().is_some_and(|p| p.needs_recovery()));
                    if recovering { lazily(Place::Page, pages::recovery()) } else { page() }
                }}
            </main>
        </div>
        <ToastArea />
    }
}

/// A tab: its section (`route::Section`), the label and icon.
struct Tab {
    section: Section,
    label: &'static str,
    /// An SVG path drawn with a stroke, so icons need no font glyphs.
    icon: &'static str,
}

const TABS: [Tab; 5] = [
    Tab {
        section: Section::Today,
        label: "Today",
        icon: "M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 0 0.01 0",
    },
    Tab {
        section: Section::Log,
        label: "Log run",
        icon: "M12 5v14M5 12h14",
    },
    Tab {
        section: Section::Massage,
        label: "Massage",
        icon: "M7 4c3 3 3 13 0 16M12 4c3 3 3 13 0 16M17 4c3 3 3 13 0 16",
    },
    Tab {
        section: Section::History,
        label: "History",
        icon: "M4 6h16M4 12h16M4 18h10",
    },
    Tab {
        section: Section::Settings,
        label: "Settings",
        icon: "M4 7h10M18 7h2M4 17h2M10 17h10M16 5v4M8 15v4",
    },
];

#[component]
fn Nav() -> impl IntoView {
    let router = expect_context::<Router>();
    let state = expect_context::<AppState>();
    view! {
        <nav class="nav" aria-label="Main">
            <span class="brand" aria-hidden="true">
                "Restride"
            </span>
            <ul>
                {TABS
                    .iter()
                    .map(|tab| {
                        let section = tab.section;
                        let current = move || {
                            router.page.with(|page| page.section() == Some(section)).then_some("page")
                        };
                        let counted = section == Section::Massage;
                        let due = move || {
                            state.reminders.with(|r| r.iter().filter(|r| r.is_due()).count())
                        };
                        view! {
                            <li>
                                <a href=link(&section.page()) aria-current=current>
                                    <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                                        <path d=tab.icon />
                                    </svg>
                                    <span class="nav-label">{tab.label}</span>
                                    {move || {
                                        (counted && due() > 0)
                                            .then(|| {
                                                view! {
                                                    <span class="nav-count">
                                                        {due()}
                                                        <span class="visually-hidden">" due"</span>
                                                    </span>
                                                }
                                            })
                                    }}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || {
            state
                .startup_problem
                .get()
                .filter(|problem| !problem.needs_recovery())
                .map(|problem| problem.message())
                .map(|message| {
                    view! {
                        <div class="banner" role="alert">
                            <p>{message}</p>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| state.startup_problem.set(None)
                            >
                                "Understood"
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            state
                .save_problem
                .get()
                .map(|message| {
                    // The backup comes with the second part; without it (it could not be
                    // fetched) nothing on this page was changed, so there is none to offer.
                    let back_up = state.reminder_engine.get().map(|engine| engine.back_up);
                    view! {
                        <div class="banner" role="alert">
                            <p>{message}</p>
                            {back_up
                                .map(|back_up| {
                                    view! {
                                        <button
                                            type="button"
                                            class="secondary"
                                            on:click=move |_| back_up(state)
                                        >
                                            "Back up everything now"
                                        </button>
                                    }
                                })}
                        </div>
                    }
                })
        }}
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>
                "There is nothing at this address. " <a href=link(&Page::Log)>"Log a run"</a> " or see your "
                <a href=link(&Page::History)>"history"</a> "."
            </p>
        </section>
    }
}
