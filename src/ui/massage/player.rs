//! The guided routine: the techniques, then a player that counts down each step, moves on
//! by itself, vibrates at each change and keeps the screen awake while it runs. Finishing
//! logs a self-massage with the routine's regions and minutes.

use crate::domain::massage::reminders::red_flags_on;
use crate::domain::massage::routine::{technique, todays_routine, Routine};
use crate::domain::record::region::Region;
use crate::domain::rulebook::{durations::logged_minutes, pain};
use crate::domain::text::units::format_duration;
use crate::ui::router::{link, Page};
use crate::ui::{clock, device, AppState};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Ready,
    Running,
    Paused,
    Finished,
}

#[component]
pub fn RoutinePage(region: Option<Region>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today.get_untracked();
    // Fixed when the page opens, so logging the finished routine cannot change it midway.
    let routine = match region {
        Some(region) => Routine::of(
            &[region],
            format!("{}, both sides.", technique(region).name),
        ),
        None => state.reminders.with_untracked(|r| {
            state
                .journal
                .with_untracked(|j| todays_routine(j, r, today))
        }),
    };
    // A region with a pain red flag gets no routine: the physiotherapist comes first.
    let flagged = region
        .filter(|r| {
            state
                .journal
                .with_untracked(|j| red_flags_on(j, today).contains(r))
        })
        .map(|r| {
            let level = state
                .journal
                .with_untracked(|j| j.settings.reminders.physio_level);
            (r, pain::rule_words(level))
        });
    let title = match region {
        Some(region) => format!("Self-massage: {}", region.label()),
        None => "Today's self-massage routine".to_string(),
    };
    let routine = StoredValue::new(routine);
    let step_count = routine.with_value(|r| r.steps.len());
    let phase = RwSignal::new(Phase::Ready);
    let index = RwSignal::new(0usize);
    let remaining = RwSignal::new(routine.with_value(|r| r.steps.first().map_or(0, |s| s.seconds)));
    // Seconds actually spent on each step: what is logged, so skipping through logs little.
    let spent = RwSignal::new(vec![0u32; step_count]);

    let go_to = move |next: usize| {
        index.set(next);
        remaining.set(routine.with_value(|r| r.steps.get(next).map_or(0, |s| s.seconds)));
        device::vibrate(200);
    };
    let finish = move || {
        phase.set(Phase::Finished);
        device::keep_awake(false);
        device::vibrate(400);
        let logged = routine.with_value(|r| {
            spent.with_untracked(|s| {
                r.logged_massage(s, clock::new_id(), state.today.get_untracked())
            })
        });
        if let Some(massage) = logged {
            state.save_massage(massage, &[]);
        }
    };
    let next = move || {
        let at = index.get_untracked();
        if at + 1 < step_count {
            go_to(at + 1);
        } else {
            finish();
        }
    };
    let tick = move || {
        if phase.get_untracked() != Phase::Running {
            return;
        }
        let at = index.get_untracked();
        spent.update(|s| {
            if let Some(step) = s.get_mut(at) {
                *step += 1;
            }
        });
        let left = remaining.get_untracked().saturating_sub(1);
        if left == 0 {
            next();
        } else {
            remaining.set(left);
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    // The browser drops the wake lock when the page is hidden; take it again on return.
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if phase.get_untracked() == Phase::Running
            && document().visibility_state() == web_sys::VisibilityState::Visible
        {
            device::keep_awake(true);
        }
    });
    on_cleanup(move || {
        visible.remove();
        device::keep_awake(false);
    });

    let start = move |_| {
        phase.set(Phase::Running);
        device::keep_awake(true);
        device::vibrate(200);
    };
    let toggle = move |_| {
        let running = phase.get_untracked() == Phase::Running;
        phase.set(if running {
            Phase::Paused
        } else {
            Phase::Running
        });
        device::keep_awake(!running);
    };
    let previous = move |_| go_to(index.get_untracked().saturating_sub(1));
    let clock_text = move || format_duration(u64::from(remaining.get()));

    let overview = move || {
        routine.with_value(|r| {
            let mut seen = Vec::new();
            r.steps
                .iter()
                .filter(|s| {
                    let new = !seen.contains(&s.region);
                    seen.push(s.region);
                    new
                })
                .map(|s| technique_view(s.region))
                .collect_view()
        })
    };

    view! {
        <section class="page routine">
            <h1>{title}</h1>
            {routine
                .with_value(|r| {
                    view! {
                        <p>
                            {format!(
                                "{} steps, about {} minutes. ",
                                r.steps.len(),
                                r.minutes(),
                            )}
                            <span class="muted">{r.why.clone()}</span>
                        </p>
                    }
                })}
            {flagged
                .clone()
                .map(|(region, rule)| {
                    view! {
                        <p class="card ready red" role="alert">
                            {format!(
                                "Pain red flag: your {} — {rule}. Don't massage it: see a physiotherapist first.",
                                region.in_sentence(),
                            )}
                        </p>
                    }
                })}
            {move || match phase.get() {
                Phase::Ready if flagged.is_some() => ().into_any(),
                Phase::Ready if step_count > 0 => {
                    view! {
                        <button type="button" class="primary" on:click=start>
                            "Start"
                        </button>
                        <ol class="techniques">{overview()}</ol>
                    }
                        .into_any()
                }
                Phase::Ready => view! { <p>"Nothing to roll today."</p> }.into_any(),
                Phase::Finished => {
                    let seconds: u32 = spent.with_untracked(|s| s.iter().sum());
                    view! {
                        <div class="card routine-done" role="status">
                            <h2>"Routine complete"</h2>
                            <p>
                                {if seconds == 0 {
                                    "Nothing was logged: no step ran.".to_string()
                                } else {
                                    format!("Logged a {}-minute self-massage.", logged_minutes(seconds))
                                }}
                            </p>
                            <a class="button secondary" href=link(&Page::History)>
                                "See it in History"
                            </a>
                        </div>
                    }
                        .into_any()
                }
                Phase::Running | Phase::Paused => {
                    view! {
                        <div class="player card">
                            <p class="muted" aria-live="polite">
                                {move || format!("Step {} of {step_count}", index.get() + 1)}
                            </p>
                            <h2 class="player-step">
                                {move || routine.with_value(|r| r.steps.get(index.get()).map(|s| s.title()))}
                            </h2>
                            <p class="player-clock" role="timer" aria-label="Time left on this step">
                                {clock_text}
                            </p>
                            {move || {
                                let region = routine.with_value(|r| r.steps.get(index.get()).map(|s| s.region));
                                region.map(|region| {
                                    let t = technique(region);
                                    view! {
                                        <p class="muted">{t.tool.label()}</p>
                                        <ul class="cues">
                                            {t.cues.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}
                                        </ul>
                                        <p class="avoid">
                                            <strong>"Avoid: "</strong>
                                            {t.avoid}
                                        </p>
                                    }
                                })
                            }}
                            <div class="player-controls">
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=previous
                                    disabled=move || index.get() == 0
                                >
                                    "Previous"
                                </button>
                                <button type="button" class="primary" on:click=toggle>
                                    {move || if phase.get() == Phase::Running { "Pause" } else { "Resume" }}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| next()>
                                    "Next"
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
            <p class="muted">
                "Self-massage should feel like firm pressure, never sharp pain. Stop and see a professional if it hurts."
            </p>
        </section>
    }
}

fn technique_view(region: Region) -> impl IntoView {
    let t = technique(region);
    view! {
        <li class="technique">
            <h2>{format!("{} — {}", region.label(), t.name)}</h2>
            <p class="muted">
                {format!("{} · {} seconds per side", t.tool.label(), t.seconds_per_side())}
            </p>
            <ul class="cues">{t.cues.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul>
            <p class="avoid">
                <strong>"Avoid: "</strong>
                {t.avoid}
            </p>
        </li>
    }
}
