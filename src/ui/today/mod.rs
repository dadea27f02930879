//! Today: readiness with its reasons and recommendations, the load tiles, the charts and
//! the daily-metrics export, and the due reminders. Everything shown comes from one
//! `TodaySummary` memo and the reminders memo. The charts and the reminders' cards are
//! below the first screen and come with the second part of the WebAssembly
//! (`ui::pages`), so the first screen does not wait for them.

mod chart;

use super::pages::{self, lazily, Place};
use super::router::{link, Page};
use super::AppState;
use crate::domain::advice::{acwr_band, Readiness, Recommendation};
use crate::domain::data::export::daily_csv::daily_csv;
use crate::domain::load::BASELINE_DAYS;
use crate::domain::load::{daily_series, Day};
use crate::domain::record::settings::Unit;
use crate::domain::rulebook::readiness::FORM_BASELINE_DAYS;
use crate::domain::text::dates;
use crate::domain::text::decimal::{fixed, signed};
use crate::domain::text::units::{format_distance, to_unit};
use crate::domain::today::TodaySummary;
use chart::{Chart, ChartData, Series};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TodayPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The app's one clock: at midnight, or back from the background, the whole page moves
    // to the new day together.
    let today = state.today;
    // Shared, not copied: the series holds a day for every day since the first run.
    // Until the records are read, the same summary comes from Today's checkpoint.
    let summary = Memo::new(move |_| {
        let today = today.get();
        let early = state
            .early
            .with(|early| early.as_ref().and_then(|c| c.summary(today)));
        early
            .unwrap_or_else(|| state.journal.with(|j| TodaySummary::of(j, today)))
            .map(Arc::new)
    });
    let unit = Memo::new(move |_| {
        let early = state
            .early
            .with(|early| early.as_ref().map(|c| c.settings.unit));
        early.unwrap_or_else(|| state.journal.with(|j| j.settings.unit))
    });

    view! {
        <section class="page today">
            <h1>"Today" <span class="muted date">{move || dates::long_day(today.get())}</span></h1>
            {move || match summary.get() {
                // Records stored, no checkpoint: they are read once the second part is here.
                None if state.unread.get() => lazily(Place::Page, pages::records_reader(state)),
                None => view! { <EmptyState /> }.into_any(),
                Some(summary) => view! { <Summary summary unit=unit.get() /> }.into_any(),
            }}
            {lazily(Place::Quiet, pages::today_foot())}
            <p class="muted disclaimer">
                "Restride is not a medical device. Its advice comes from simple published training-load models and your own logs; it cannot diagnose anything. "
                <a href=link(&Page::How)>"How this works"</a>
            </p>
        </section>
    }
}

#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty">
            <p>
                "Log your first run to see how loaded your body is and what to do about it: readiness with its reasons, fitness, fatigue and form, and when a massage or foam rolling would help."
            </p>
            <p class="muted">
                {format!(
                    "Most numbers appear from the first run; the load ratio (acute : chronic) needs {BASELINE_DAYS} days of history.",
                )}
            </p>
            <a class="button primary" href=link(&Page::Log)>
                "Log a run"
            </a>
        </div>
    }
}

#[component]
fn Summary(summary: Arc<TodaySummary>, unit: Unit) -> impl IntoView {
    let assessment = summary.assessment.clone();
    let level = assessment.readiness;
    let (icon, class) = match level {
        Readiness::Green => ("✓", "ready green"),
        Readiness::Amber => ("!", "ready amber"),
        Readiness::Red => ("■", "ready red"),
    };

    view! {
        <article class=format!("card {class}") aria-labelledby="readiness-headline">
            <h2 id="readiness-headline">
                <span class="ready-icon" aria-hidden="true">{icon}</span>
                <span class="ready-word">{level.word()}</span>
                " — "
                {level.headline()}
            </h2>
            {(!assessment.reasons.is_empty())
                .then(|| {
                    view! {
                        <ul class="reasons">
                            {assessment
                                .reasons
                                .iter()
                                .map(|r| view! { <li>{r.text.clone()}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            <h3>"What to do"</h3>
            <ol class="recommendations">
                {assessment.recommendations.iter().cloned().map(recommendation_view).collect_view()}
            </ol>
        </article>
        <Tiles summary=summary.clone() unit />
        {lazily(Place::Section, pages::today_charts(summary, unit))}
    }
}

fn recommendation_view(rec: Recommendation) -> impl IntoView {
    view! {
        <li>
            <details>
                <summary>{rec.title}</summary>
                <p>
                    <strong>"Why: "</strong>
                    {rec.why}
                </p>
                <p class="muted">
                    <strong>"Evidence: "</strong>
                    {rec.evidence}
                </p>
            </details>
        </li>
    }
}

fn percent_change(change: Option<f64>) -> String {
    match change {
        Some(c) => format!("{} %", signed(c * 100.0, 0)),
        None => "no runs last week".into(),
    }
}

#[component]
fn Tiles(summary: Arc<TodaySummary>, unit: Unit) -> impl IntoView {
    let day = summary.latest().cloned();
    let week = summary.this_week;
    let acwr = summary.readings.acwr();
    let to_go = summary.baseline_days_to_go();
    let rest_days = summary.assessment.rest_days_until_fresh;
    view! {
        // Hidden headings keep the tiles and the charts out from under the readiness card
        // for anyone moving by headings.
        <h2 class="visually-hidden">"Load and form"</h2>
        <div class="tiles">
            <section class="tile" aria-labelledby="tile-week">
                <h3 id="tile-week">"This week"</h3>
                <p class="big">{format_distance(week.recent_m, unit)}</p>
                <p class="muted">
                    {format!(
                        "Last week {} ({})",
                        format_distance(week.earlier_m, unit),
                        percent_change(week.change()),
                    )}
                </p>
            </section>
            <section class="tile" aria-labelledby="tile-load">
                <h3 id="tile-load">"Load ratio"</h3>
                {match acwr {
                    Some(ratio) => {
                        view! {
                            <p class="big">{fixed(ratio, 2).to_string()}</p>
                            <p class="muted">{format!("{} · acute : chronic", acwr_band(ratio, summary.readings.rules().spike_acwr()))}</p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="big">"—"</p>
                            <p class="muted">
                                {format!("Building your baseline: {to_go} days to go")}
                            </p>
                        }
                            .into_any()
                    }
                }}
                {day
                    .as_ref()
                    .map(|d| {
                        view! {
                            <p class="muted">
                                {format!("Acute {} · chronic {}", fixed(d.acute, 0), fixed(d.chronic, 0))}
                            </p>
                        }
                    })}
            </section>
            <section class="tile" aria-labelledby="tile-form">
                <h3 id="tile-form">"Form"</h3>
                {day
                    .as_ref()
                    .map(|d| {
                        view! {
                            <p class="big">{signed(d.form, 0).to_string()}</p>
                            <p class="muted">
                                {format!("Fitness {} · fatigue {}", fixed(d.fitness, 0), fixed(d.fatigue, 0))}
                            </p>
                        }
                    })}
                <p class="muted">
                    {match rest_days {
                        None => {
                            format!("Form settles once you have {FORM_BASELINE_DAYS} days of history")
                        }
                        Some(0) => "Fresh by tomorrow".to_string(),
                        Some(1) => "1 rest day until form is back to 0".to_string(),
                        Some(n) => format!("{n} rest days until form is back to 0"),
                    }}
                </p>
            </section>
            <section class="tile" aria-labelledby="tile-monotony">
                <h3 id="tile-monotony">"Monotony"</h3>
                {match day.as_ref().and_then(|d| d.monotony.zip(d.strain)) {
                    Some((monotony, strain)) => {
                        view! {
                            <p class="big">{fixed(monotony, 1).to_string()}</p>
                            <p class="muted">{format!("Strain {}", fixed(strain, 0))}</p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="big">"—"</p>
                            <p class="muted">"No load in the last 7 days"</p>
                        }
                            .into_any()
                    }
                }}
            </section>
        </div>
    }
}

/// The charts and the daily-metrics export; in the second part of the WebAssembly.
#[component]
pub fn Charts(summary: Arc<TodaySummary>, unit: Unit) -> impl IntoView {
    // The CSV is written only when asked for: with years of history it is thousands of rows,
    // every day from the first run, worked out from the records (Today keeps only the days it
    // shows).
    let state = expect_context::<AppState>();
    let today = summary.today;
    let export = move |_| {
        if !state.read_records() {
            state.say(
                "Your runs are still being read. Try again in a moment.",
                None,
            );
            return;
        }
        let name = format!("restride-daily-metrics-{}.csv", dates::iso(today));
        let text = state
            .journal
            .with_untracked(|j| daily_csv(&daily_series(&j.runs, today)));
        super::download::offer(&name, "text/csv", &text);
    };
    let days = summary.chart_days();
    let day_labels: Vec<String> = days.iter().map(|d| dates::short_day(d.date)).collect();
    let of_days = |value: fn(&Day) -> f64| days.iter().map(value).collect::<Vec<f64>>();
    let weekly = ChartData {
        title: "Weekly distance, 12 weeks",
        summary: format!(
            "{} over 12 weeks; this week {}.",
            format_distance(summary.weekly_total_m(), unit),
            format_distance(summary.this_week.recent_m, unit)
        ),
        labels: summary
            .weekly_distance
            .iter()
            .map(|(start, _)| format!("Week of {}", dates::day_month(*start)))
            .collect(),
        series: vec![Series::bars(
            unit.abbrev(),
            "bar distance",
            summary
                .weekly_distance
                .iter()
                .map(|(_, m)| to_unit(*m, unit))
                .collect(),
        )],
        decimals: 1,
    };
    let last = days.last();
    let load = ChartData {
        title: "Daily load with acute and chronic load",
        summary: last
            .map(|d| {
                format!(
                    "{} days. Today acute load {}, chronic load {}.",
                    days.len(),
                    fixed(d.acute, 0),
                    fixed(d.chronic, 0)
                )
            })
            .unwrap_or_default(),
        labels: day_labels.clone(),
        series: vec![
            Series::bars("load", "bar load", of_days(|d| d.load)),
            Series::line("acute", "line acute", of_days(|d| d.acute)),
            Series::line("chronic", "line chronic", of_days(|d| d.chronic)),
        ],
        decimals: 0,
    };
    let form = ChartData {
        title: "Fitness, fatigue and form",
        summary: last
            .map(|d| {
                format!(
                    "{} days. Today fitness {}, fatigue {}, form {}.",
                    days.len(),
                    fixed(d.fitness, 0),
                    fixed(d.fatigue, 0),
                    fixed(d.form, 0)
                )
            })
            .unwrap_or_default(),
        labels: day_labels,
        series: vec![
            Series::line("fitness", "line fitness", of_days(|d| d.fitness)),
            Series::line("fatigue", "line fatigue", of_days(|d| d.fatigue)),
            Series::line("form", "line form", of_days(|d| d.form)),
        ],
        decimals: 0,
    };
    view! {
        <h2 class="visually-hidden">"Charts"</h2>
        <div class="charts">
            <Chart data=weekly />
            <Chart data=load />
            <Chart data=form />
        </div>
        <p>
            <button type="button" class="secondary" on:click=export>
                "Export daily metrics (CSV)"
            </button>
        </p>
    }
}

/// Below the first screen, with the second part: what was left out at start-up, the
/// backup card, and the due reminders.
#[component]
pub fn TodayFoot() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <super::safekeeping::LeftOutNotice />
        <super::safekeeping::BackupCard />
        <Show when=move || state.reminders.with(|r| r.iter().any(|r| r.is_due()))>
            <section class="due-reminders" aria-labelledby="due-heading">
                <h2 id="due-heading">"Massage reminders due"</h2>
                <super::massage::ReminderList keep=|r| r.is_due() empty="" />
                <p>
                    <a href=link(&Page::Massage)>"All reminders, routine and races"</a>
                </p>
            </section>
        </Show>
    }
}
