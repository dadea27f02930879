//! The daily series: every metric of every day from the first run to today.

use super::ewma::AcuteChronic;
use super::fitness_fatigue::impulse_factor;
use super::monotony::monotony;
use super::{session_load, FATIGUE_DAYS, FITNESS_DAYS, WEEK_DAYS};
use crate::domain::record::run::Run;
use chrono::{Days, NaiveDate};

/// All metrics of one day.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub distance_m: u64,
    pub load: f64,
    pub acute: f64,
    pub chronic: f64,
    pub acwr: Option<f64>,
    pub fitness: f64,
    pub fatigue: f64,
    pub form: f64,
    pub monotony: Option<f64>,
    pub strain: Option<f64>,
}

/// The daily series from the first run to `today` (inclusive). Runs dated after `today`
/// are ignored. Empty when there is no run on or before `today`.
pub fn daily_series(runs: &[Run], today: NaiveDate) -> Vec<Day> {
    let Some(first) = runs.iter().map(|r| r.date).filter(|d| *d <= today).min() else {
        return Vec::new();
    };
    let days = usize::try_from((today - first).num_days()).unwrap_or(0) + 1;
    let mut load = vec![0.0; days];
    let mut distance = vec![0u64; days];
    for run in runs.iter().filter(|r| r.date <= today && r.date >= first) {
        let Ok(index) = usize::try_from((run.date - first).num_days()) else {
            continue;
        };
        load[index] += session_load(run);
        distance[index] += u64::from(run.distance_m);
    }

    let (fitness_k, fatigue_k) = (impulse_factor(FITNESS_DAYS), impulse_factor(FATIGUE_DAYS));
    let mut averages = AcuteChronic::default();
    let (mut fitness, mut fatigue) = (0.0, 0.0);
    let mut series = Vec::with_capacity(days);
    for (index, (&load_t, &distance_t)) in load.iter().zip(&distance).enumerate() {
        let form = fitness - fatigue;
        averages.step(load_t);
        fitness += (load_t - fitness) * fitness_k;
        fatigue += (load_t - fatigue) * fatigue_k;
        let week = &load[index.saturating_sub(WEEK_DAYS as usize - 1)..=index];
        let monotony = monotony(week);
        series.push(Day {
            date: first
                .checked_add_days(Days::new(index as u64))
                .unwrap_or(first),
            distance_m: distance_t,
            load: load_t,
            acute: averages.acute,
            chronic: averages.chronic,
            acwr: averages.acwr(),
            fitness,
            fatigue,
            form,
            monotony,
            strain: monotony.map(|m| week.iter().sum::<f64>() * m),
        });
    }
    series
}
