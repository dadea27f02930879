//! Training load: the daily series of session-RPE load and what is derived from it.
//!
//! Every formula here is also explained to the runner on the "How this works" page.
//!
//! - **Session load** = RPE × duration in minutes (session-RPE; Foster et al. 2001).
//!   Runs on the same day add up; days without runs are 0.
//! - **Acute / chronic load**: exponentially weighted moving averages of daily load with
//!   λ = 2 / (N + 1), N = 7 and 28 (Williams et al. 2017).
//!   `ewma_t = λ·load_t + (1 − λ)·ewma_{t−1}`.
//! - **ACWR** = acute ÷ chronic, undefined while chronic is 0.
//! - **Fitness / fatigue** (impulse–response, as in TrainingPeaks' CTL/ATL):
//!   `x_t = x_{t−1} + (load_t − x_{t−1})·(1 − e^(−1/τ))`, τ = 42 and 7 days.
//!   **Form** on day t = fitness_{t−1} − fatigue_{t−1} (yesterday's balance).
//! - **Monotony** = mean ÷ population standard deviation of the last 7 daily loads
//!   (capped at 10, which is also its value when the deviation is 0 and there is load;
//!   undefined when the 7 days hold no load). **Strain** = 7-day load × monotony
//!   (Foster 1998).
//!
//! Every series starts from 0 on the day before the first run, so two correct
//! implementations give the same numbers.

mod ewma; // acute and chronic load, ACWR
mod fitness_fatigue; // fitness, fatigue, form and the rest days until fresh
mod monotony; // how alike the last seven days were
mod progression; // distance against the period before; the distance jump
mod series; // every metric of every day
#[cfg(test)]
mod tests;

pub use ewma::{acwr_on, ewma_lambda, AcuteChronic};
pub use fitness_fatigue::{impulse_factor, rest_days_until_fresh};
pub use monotony::monotony;
pub use progression::{
    distance_between, two_week_progression, week_progression, Progression,
    DISTANCE_JUMP_MIN_EARLIER_M,
};
pub use series::{daily_series, daily_series_from, fold, Day, SeriesStart};

use crate::domain::record::run::Run;

pub const ACUTE_DAYS: f64 = 7.0;
pub const CHRONIC_DAYS: f64 = 28.0;
pub const FITNESS_DAYS: f64 = 42.0;
pub const FATIGUE_DAYS: f64 = 7.0;
pub const MONOTONY_CAP: f64 = 10.0;
pub const MONOTONY_FLAG: f64 = 2.0;
/// ACWR is shown once this many days of history exist (the chronic window).
pub const BASELINE_DAYS: i64 = 28;
/// Monotony and strain read the last this many daily loads.
pub const WEEK_DAYS: u32 = 7;
/// Distance progression compares the last this many days with as many before them.
pub const PROGRESSION_DAYS: u64 = 14;

/// Session-RPE load of one run: RPE × minutes.
pub fn session_load(run: &Run) -> f64 {
    f64::from(run.rpe) * f64::from(run.duration_s) / 60.0
}
