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

/// Where a series resumes: the state after `date`, so the days after it come out exactly as
/// a series from the first run would give them (Today's checkpoint, `today::checkpoint`).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesStart {
    /// The last day folded into this state.
    pub date: NaiveDate,
    pub averages: AcuteChronic,
    pub fitness: f64,
    pub fatigue: f64,
    /// The daily loads of up to `WEEK_DAYS - 1` days ending on `date`, oldest first: the
    /// monotony of the next days reads them.
    pub week: Vec<f64>,
}

impl SeriesStart {
    /// The state after the last day of `series` (a series from the first run).
    pub fn after(series: &[Day]) -> Option<SeriesStart> {
        let last = series.last()?;
        let week = &series[series.len().saturating_sub(WEEK_DAYS as usize - 1)..];
        Some(SeriesStart {
            date: last.date,
            averages: AcuteChronic {
                acute: last.acute,
                chronic: last.chronic,
            },
            fitness: last.fitness,
            fatigue: last.fatigue,
            week: week.iter().map(|d| d.load).collect(),
        })
    }
}

/// The daily series from the first run to `today` (inclusive). Runs dated after `today`
/// are ignored. Empty when there is no run on or before `today`.
pub fn daily_series(runs: &[Run], today: NaiveDate) -> Vec<Day> {
    daily_series_from(None, runs, today)
}

/// The series of the days after `start` to `today`, or from the first run when `start` is
/// `None`; runs on or before `start.date` are ignored (the state holds them).
pub fn daily_series_from(start: Option<&SeriesStart>, runs: &[Run], today: NaiveDate) -> Vec<Day> {
    let first = match start {
        Some(start) => start.date.succ_opt().filter(|first| *first <= today),
        None => runs.iter().map(|r| r.date).filter(|d| *d <= today).min(),
    };
    let Some(first) = first else {
        return Vec::new();
    };
    let earlier: &[f64] = start.map_or(&[], |s| &s.week);
    let days = usize::try_from((today - first).num_days()).unwrap_or(0) + 1;
    let mut load = earlier.to_vec();
    load.resize(earlier.len() + days, 0.0);
    let mut distance = vec![0u64; days];
    for run in runs.iter().filter(|r| r.date <= today && r.date >= first) {
        let Ok(index) = usize::try_from((run.date - first).num_days()) else {
            continue;
        };
        load[earlier.len() + index] += session_load(run);
        distance[index] += u64::from(run.distance_m);
    }

    let (fitness_k, fatigue_k) = (impulse_factor(FITNESS_DAYS), impulse_factor(FATIGUE_DAYS));
    let mut averages = start.map_or_else(AcuteChronic::default, |s| s.averages);
    let (mut fitness, mut fatigue) = start.map_or((0.0, 0.0), |s| (s.fitness, s.fatigue));
    let mut series = Vec::with_capacity(days);
    for (index, &distance_t) in distance.iter().enumerate() {
        let at = earlier.len() + index;
        let load_t = load[at];
        let form = fitness - fatigue;
        averages.step(load_t);
        fitness += (load_t - fitness) * fitness_k;
        fatigue += (load_t - fatigue) * fatigue_k;
        let week = &load[at.saturating_sub(WEEK_DAYS as usize - 1)..=at];
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
