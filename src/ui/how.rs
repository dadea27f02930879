//! "How this works": every formula, threshold and source behind Today, in plain words.
//! Numbers are read from the rulebook and the runner's own settings, so the page says
//! what the advice does.

use super::router::{link, Page};
use super::AppState;
use crate::domain::load::{
    ACUTE_DAYS, BASELINE_DAYS, CHRONIC_DAYS, DISTANCE_JUMP_MIN_EARLIER_M, FATIGUE_DAYS,
    FITNESS_DAYS, MONOTONY_CAP, MONOTONY_FLAG, PROGRESSION_DAYS, WEEK_DAYS,
};
use crate::domain::record::settings::Unit;
use crate::domain::rulebook::pain;
use crate::domain::rulebook::readiness::{
    ACWR_LOW, ACWR_RISING, FORM_AMBER, FORM_BASELINE_DAYS, FORM_RED, HARD_DAYS_FLAG, HARD_RPE,
    RACE_RED_DAYS, RECENT_DAYS, STREAK_FLAG,
};
use crate::domain::rulebook::sources as evidence;
use crate::domain::rulebook::windows::{
    no_deep_hours, AFTER_HARD_EFFORT_DAYS, AFTER_RACE_DEEP_DAYS, LAST_DEEP_DAYS_BEFORE_RACE,
};
use crate::domain::text::decimal::fixed;
use crate::domain::text::units::format_distance_whole;
use leptos::prelude::*;

#[component]
pub fn HowPage() -> impl IntoView {
    // The runner's own levels: the page explains the advice they get.
    let state = expect_context::<AppState>();
    let r = state.journal.with_untracked(|j| j.settings.reminders);
    let (sore, physio) = (r.sore_level, r.physio_level);
    // The model's day counts are whole numbers: written without decimals.
    let (acute_days, chronic_days) = (fixed(ACUTE_DAYS, 0), fixed(CHRONIC_DAYS, 0));
    let (fitness_days, fatigue_days) = (fixed(FITNESS_DAYS, 0), fixed(FATIGUE_DAYS, 0));
    let monotony_cap = fixed(MONOTONY_CAP, 0);
    // Thresholds with one decimal, as the reminder settings show them.
    let spike = fixed(r.spike_acwr(), 1);
    let (acwr_low, acwr_rising, monotony_flag) = (
        fixed(ACWR_LOW, 1),
        fixed(ACWR_RISING, 1),
        fixed(MONOTONY_FLAG, 1),
    );
    let (form_amber, form_red) = (fixed(FORM_AMBER * 100.0, 0), fixed(FORM_RED * 100.0, 0));
    let (last_runs, window_days) = (pain::LAST_RUNS, pain::WINDOW_DAYS);
    view! {
        <section class="page how">
            <h1>"How this works"</h1>
            <p>
                "Restride turns each run into a number for how hard it was on your body, follows those numbers day by day, and reads a few warning signs from them. Everything is computed on this device from what you logged."
            </p>

            <h2>"Session load"</h2>
            <p>
                "Load = effort (RPE 1–10) × minutes. A 45-minute run at RPE 6 is 270. Runs on the same day add up; days without a run count as 0."
            </p>
            <p class="muted">{evidence::SESSION_RPE}</p>

            <h2>"Acute and chronic load, and their ratio"</h2>
            <p>
                {format!(
                    "Acute load is an exponentially weighted average of daily load over {acute_days} days, chronic load over {chronic_days} days: each day, average = λ × today's load + (1 − λ) × yesterday's average, with λ = 2 ÷ (days + 1). The ratio acute ÷ chronic (ACWR) compares your last week with your last month. It is shown once {BASELINE_DAYS} days of history exist. Bands: below {acwr_low} low, {acwr_low}–{acwr_rising} steady, {acwr_rising}–{spike} rising, above {spike} a load spike.",
                )}
            </p>
            <p>
                "A load spike means you are doing much more than you are used to. The ratio has been criticised as a predictor of injury — it divides two numbers that share the same recent days, and studies disagree on its value — so Restride treats it only as a prompt to ease off, never as a risk percentage."
            </p>
            <p class="muted">{evidence::ACWR} " " {evidence::ACWR_CRITICISM}</p>

            <h2>"Fitness, fatigue and form"</h2>
            <p>
                {format!(
                    "Fitness and fatigue follow daily load with time constants of {fitness_days} and {fatigue_days} days: each day, value += (load − value) × (1 − e^(−1/τ)). Form today = yesterday's fitness − yesterday's fatigue. Negative form means fatigue is ahead of fitness; once {FORM_BASELINE_DAYS} days of history exist (fitness starts at 0 and takes about that long to build, so before then form is negative for everyone) Restride turns amber below {form_amber} % of fitness and red below {form_red} % (its own thresholds), and counts the full rest days until form is back to 0.",
                )}
            </p>
            <p class="muted">{evidence::FITNESS_FATIGUE}</p>

            <h2>"Monotony and strain"</h2>
            <p>
                {format!(
                    "Monotony = mean ÷ standard deviation of the last {WEEK_DAYS} daily loads (rest days count as 0; capped at {monotony_cap}). Strain = {WEEK_DAYS}-day load × monotony. Monotony above {monotony_flag} means your days are too alike: mix easy days, hard days and rest.",
                )}
            </p>
            <p class="muted">{evidence::MONOTONY}</p>

            <h2>"Distance progression"</h2>
            <p>
                {format!(
                    "The last {PROGRESSION_DAYS} days are compared with the {PROGRESSION_DAYS} before them. A rise of more than {} % is flagged when the earlier period held at least {}.",
                    r.spike_jump_percent,
                    format_distance_whole(DISTANCE_JUMP_MIN_EARLIER_M, Unit::Km),
                )}
            </p>
            <p class="muted">{evidence::PROGRESSION}</p>

            <h2>"Readiness"</h2>
            <p>"Each rule that applies adds a reason with your numbers; the most severe decides the colour."</p>
            <ul>
                <li>
                    {format!(
                        "Red: soreness of {physio} or more in any of your last {last_runs} runs of the past {window_days} days (a pain red flag); a race in the last {RACE_RED_DAYS} days (today included); ACWR above {spike}; form below {form_red} % of fitness.",
                    )}
                </li>
                <li>
                    {format!(
                        "Amber: soreness of {sore}–{} in the last {RECENT_DAYS} days; a race in the last {RECENT_DAYS} days; ACWR above {acwr_rising}; form below {form_amber} % of fitness; monotony above {monotony_flag}; {HARD_DAYS_FLAG} or more hard days (RPE {HARD_RPE}+) in a row; {STREAK_FLAG} or more days without a rest day; a distance jump.",
                        physio - 1,
                    )}
                </li>
                <li>"Green: none of these."</li>
            </ul>

            <h2 id="massage">"Massage reminders"</h2>
            <p>
                {format!(
                    "Sore regions ({sore}–{}) get a foam-rolling or self-massage suggestion on Today, timed by the routine's technique for each region. A pain red flag is never massaged: Today and the Massage tab send you to a physiotherapist instead.",
                    physio - 1,
                )}
            </p>
            <p>
                "The Massage tab turns your runs, races and soreness into reminders. Each can be switched off, and its numbers changed, in Settings. With your settings:"
            </p>
            <ul>
                <li>{format!("a sports massage every {} days since the last one;", r.professional_every_days)}</li>
                <li>{format!("a massage of any kind after every {} km ({} mi) run since the last one;", r.distance_every_km, r.distance_every_mi)}</li>
                <li>{format!("after a race, a run of {} minutes or more, or a session at {}× your average session load of the {BASELINE_DAYS} days before it: a massage or self-massage {} later, when it eases soreness most;", r.long_run_minutes, fixed(r.big_session_factor(), 1), AFTER_HARD_EFFORT_DAYS.hours_words())}</li>
                <li>{format!("before an A or B race: {} days out, a reminder to book the last deep massage {} before the race; a warning if a deep massage is logged in the {} hours before it (a light flush is fine);", r.race_book_days_before, LAST_DEEP_DAYS_BEFORE_RACE.days_words(), no_deep_hours())}</li>
                <li>{format!("after a race: light massage from the next day, deep massage from day {} and only once your legs are no longer sore to the touch;", AFTER_RACE_DEEP_DAYS.from)}</li>
                <li>{format!("a region at {sore} or more in {} of your last {last_runs} runs: a self-massage routine for it; at {physio} or more in any of them, see a physiotherapist instead;", pain::SORE_IN_RUNS)}</li>
                <li>{format!("a load spike ({acute_days}-day load above {spike}× the {chronic_days}-day load, or {} % more distance in the last {PROGRESSION_DAYS} days than in the {PROGRESSION_DAYS} before): self-massage of calves, feet and shins, and easier days.", r.spike_jump_percent)}</li>
            </ul>
            <p>
                {format!(
                    "What the studies support: massage eases delayed soreness after hard exercise, most 48–72 hours after it (hence {} after), and it helps recovery of performance a little. The intervals ({} days, {} km) and the days around a race ({} before it, nothing deep in the final {} hours) are practitioners' rules of thumb, not numbers a trial set: change them in Settings if your therapist advises otherwise.",
                    AFTER_HARD_EFFORT_DAYS.hours_words(),
                    r.professional_every_days,
                    r.distance_every_km,
                    LAST_DEEP_DAYS_BEFORE_RACE.days_words(),
                    no_deep_hours(),
                )}
            </p>
            <p class="muted">
                {evidence::MASSAGE_TIMING} " " {evidence::POPPENDIECK} " " {evidence::FOAM_ROLLING} " "
                {evidence::ACUTE_INJURY}
            </p>

            <h2>"Check the numbers yourself"</h2>
            <p>
                "On Today, “Export daily metrics (CSV)” gives one row per day from your first run with every number above, in km, ready for a spreadsheet."
            </p>
            <p class="muted">
                "Restride is not a medical device and does not diagnose. If something hurts, see a professional."
            </p>
            <p>
                <a href=link(&Page::Today)>"Back to Today"</a>
            </p>
        </section>
    }
}
