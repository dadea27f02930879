//! Fitness and fatigue (impulse–response), and the rest days until form is back to 0.

use super::{Day, FATIGUE_DAYS, FITNESS_DAYS};

/// The per-day step of the fitness/fatigue model with time constant τ.
pub fn impulse_factor(tau_days: f64) -> f64 {
    1.0 - (-1.0 / tau_days).exp()
}

/// Full rest days needed, from tomorrow on, until form is back to 0 or above.
pub fn rest_days_until_fresh(today: &Day) -> u32 {
    let (fitness_keep, fatigue_keep) = (
        1.0 - impulse_factor(FITNESS_DAYS),
        1.0 - impulse_factor(FATIGUE_DAYS),
    );
    let (mut fitness, mut fatigue) = (today.fitness, today.fatigue);
    let mut days = 0;
    // Tomorrow's form is today's balance; each rest day decays both, fatigue faster.
    while fitness - fatigue < 0.0 && days < 365 {
        fitness *= fitness_keep;
        fatigue *= fatigue_keep;
        days += 1;
    }
    days
}
