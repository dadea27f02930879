//! History: runs grouped by training week, and the page that edits one run.

mod edit;

pub use edit::EditRunPage;

use super::router::{link, Page};
use super::AppState;
use crate::domain::history::Entry;
use crate::domain::history::{group_by_week, Week};
use crate::domain::record::massage::Massage;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Unit;
use crate::domain::text::dates;
use crate::domain::text::units::{
    counted, format_distance, format_duration, format_pace, pace_s_per_unit,
};
use leptos::prelude::*;

/// Weeks rendered at first and per "Show older weeks", so long histories stay quick.
const WEEKS_PER_PAGE: usize = 12;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let weeks = Memo::new(move |_| {
        state
            .journal
            .with(|j| group_by_week(&j.runs, &j.massages, j.settings.week_start))
    });
    let unit = Memo::new(move |_| state.journal.with(|j| j.settings.unit));
    let shown = RwSignal::new(WEEKS_PER_PAGE);

    view! {
        <section class="page">
            <h1>"History"</h1>
            <Show
                when=move || weeks.with(|w| !w.is_empty())
                fallback=|| {
                    view! {
                        <div class="empty">
                            <p>"No runs yet. Each run and massage you log appears here, grouped by week with its totals."</p>
                            <a class="button primary" href=link(&Page::Log)>
                                "Log your first run"
                            </a>
                        </div>
                    }
                }
            >
                {move || {
                    weeks
                        .with(|all| {
                            all.iter()
                                .take(shown.get())
                                .map(|week| week_view(week, unit.get()))
                                .collect_view()
                        })
                }}
                <Show when=move || weeks.with(|w| w.len() > shown.get())>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| shown.update(|n| *n += WEEKS_PER_PAGE)
                    >
                        "Show older weeks"
                    </button>
                </Show>
            </Show>
        </section>
    }
}

fn week_view(week: &Week, unit: Unit) -> impl IntoView {
    let heading = format!(
        "{} – {}",
        dates::day_month(week.start),
        dates::day_month_year(week.end())
    );
    let count = counted(week.runs.len(), "run", "runs");
    let massages = match week.massages.len() {
        0 => String::new(),
        n => format!(" · {}", counted(n, "massage", "massages")),
    };
    let totals = format!(
        "{} · {} · {count}{massages}",
        format_distance(week.distance_m, unit),
        format_duration(week.duration_s)
    );
    view! {
        <section class="week">
            <header class="week-header">
                <h2>{heading}</h2>
                <p class="week-totals">{totals}</p>
            </header>
            <ul class="run-list">
                {week
                    .entries()
                    .into_iter()
                    .map(|entry| match entry {
                        Entry::Run(run) => run_view(run, unit).into_any(),
                        Entry::Massage(massage) => massage_view(massage).into_any(),
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

fn run_view(run: &Run, unit: Unit) -> impl IntoView {
    let pace = pace_s_per_unit(u64::from(run.distance_m), u64::from(run.duration_s), unit)
        .map(|p| format_pace(p, unit))
        .unwrap_or_default();
    let when = match run.start_time {
        Some(time) => format!("{} {}", dates::short_day(run.date), dates::clock_time(time)),
        None => dates::short_day(run.date),
    };
    let details = format!(
        "{} · {} · {pace}",
        run.kind.label(),
        format_duration(u64::from(run.duration_s))
    );
    view! {
        <li>
            <a class="run-row" href=link(&Page::EditRun(run.id.clone()))>
                <span class="run-line">
                    <span class="run-when">{when}</span>
                    <span class="run-distance">{format_distance(u64::from(run.distance_m), unit)}</span>
                </span>
                <span class="run-line muted">
                    <span>{details}</span>
                    <span>{format!("RPE {}", run.rpe)}</span>
                </span>
                {(!run.notes.is_empty())
                    .then(|| view! { <span class="run-notes">{run.notes.clone()}</span> })}
            </a>
        </li>
    }
}

fn massage_view(massage: &Massage) -> impl IntoView {
    let regions: Vec<&str> = massage.regions.iter().map(|r| r.in_sentence()).collect();
    let details = format!(
        "{}{} · {} min",
        massage.kind.label(),
        if massage.deep { ", deep" } else { "" },
        massage.minutes
    );
    view! {
        <li>
            <a class="run-row massage-row" href=link(&Page::EditMassage(massage.id.clone()))>
                <span class="run-line">
                    <span class="run-when">{dates::short_day(massage.date)}</span>
                    <span class="entry-kind">"Massage"</span>
                </span>
                <span class="run-line muted">
                    <span>{details}</span>
                    <span>{regions.join(", ")}</span>
                </span>
                {(!massage.notes.is_empty())
                    .then(|| view! { <span class="run-notes">{massage.notes.clone()}</span> })}
            </a>
        </li>
    }
}
