//! The frame around every page: navigation (a bottom tab bar on phones, a side bar on wide
//! screens, by CSS), storage banners, the routes and the toast.

use super::history::{EditRunPage, HistoryPage};
use super::how::HowPage;
use super::log::LogPage;
use super::settings::SettingsPage;
use super::toast::ToastArea;
use super::today::TodayPage;
use super::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn Shell() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">
                "Skip to content"
            </a>
            <div class="app">
                <Nav />
                <main id="main" tabindex="-1">
                    <Banners />
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=TodayPage />
                        <Route path=path!("/log") view=LogPage />
                        <Route path=path!("/how") view=HowPage />
                        <Route path=path!("/history") view=HistoryPage />
                        <Route path=path!("/runs/:id") view=EditRunPage />
                        <Route path=path!("/settings") view=SettingsPage />
                    </Routes>
                </main>
            </div>
            <ToastArea />
        </Router>
    }
}

/// A tab, active for its own path and for the pages under it.
struct Tab {
    href: &'static str,
    label: &'static str,
    /// An SVG path drawn with a stroke, so icons need no font glyphs.
    icon: &'static str,
    owns: fn(&str) -> bool,
}

const TABS: [Tab; 4] = [
    Tab {
        href: "/",
        label: "Today",
        icon: "M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 0 0.01 0",
        owns: |path| path == "/" || path.starts_with("/how"),
    },
    Tab {
        href: "/log",
        label: "Log run",
        icon: "M12 5v14M5 12h14",
        owns: |path| path.starts_with("/log"),
    },
    Tab {
        href: "/history",
        label: "History",
        icon: "M4 6h16M4 12h16M4 18h10",
        owns: |path| path.starts_with("/history") || path.starts_with("/runs/"),
    },
    Tab {
        href: "/settings",
        label: "Settings",
        icon: "M4 7h10M18 7h2M4 17h2M10 17h10M16 5v4M8 15v4",
        owns: |path| path.starts_with("/settings"),
    },
];

#[component]
fn Nav() -> impl IntoView {
    let location = use_location();
    view! {
        <nav class="nav" aria-label="Main">
            <span class="brand" aria-hidden="true">
                "Restride"
            </span>
            <ul>
                {TABS
                    .iter()
                    .map(|tab| {
                        let owns = tab.owns;
                        let current = move || location.pathname.with(|p| owns(p)).then_some("page");
                        view! {
                            <li>
                                <a href=tab.href aria-current=current>
                                    <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                                        <path d=tab.icon />
                                    </svg>
                                    <span class="nav-label">{tab.label}</span>
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
                    view! {
                        <div class="banner" role="alert">
                            <p>{message}</p>
                        </div>
                    }
                })
        }}
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>
                "There is nothing at this address. " <a href="/log">"Log a run"</a> " or see your "
                <a href="/history">"history"</a> "."
            </p>
        </section>
    }
}
