//! The daily series: every metric of every day from the first run to today.

use super::ewma::AcuteChronic;
use super::fitness_fatigue::impulse_factor;
use super::monotony::monotony;
use super::{session_load, FATIGUE_DAYS, FITNESS_DAYS, WEEK_DAYS};
use crate::domain::record::run::Run;
use chrono::NaiveDate;

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

/// The daily series from the first run to `today` (inclusive). Runs dated after `today`
/// are ignored. Empty when there is no run on or before `today`.
pub fn daily_series(runs: &[Run], today: NaiveDate) -> Vec<Day> {
    daily_series_from(None, runs, today)
}

/// The state after the day `through`, from the first run on or before it: what the last
/// day of `daily_series(runs, through)` holds and hands on, without building the days
/// (Today and its checkpoint fold every day they do not show; the reminders need only the
/// ACWR). `None` when no run is on or before `through`.
pub fn fold(runs: &[Run], through: NaiveDate) -> Option<SeriesStart> {
    let first = runs
        .iter()
        .map(|r| r.date)
        .filter(|d| *d <= through)
        .min()?;
    let (load, _) = daily_totals(runs, first, through);
    let step = Step::new();
    let mut carried = Carried::default();
    for &load_t in &load {
        step.advance(&mut carried, load_t);
    }
    Some(SeriesStart {
        date: through,
        averages: carried.averages,
        fitness: carried.fitness,
        fatigue: carried.fatigue,
        week: load[load.len().saturating_sub(WEEK_DAYS as usize - 1)..].to_vec(),
    })
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
    let (recent, distance) = daily_totals(runs, first, today);
    let mut load = earlier.to_vec();
    load.extend_from_slice(&recent);

    let step = Step::new();
    let mut carried = start.map_or_else(Carried::default, |s| Carried {
        averages: s.averages,
        fitness: s.fitness,
        fatigue: s.fatigue,
    });
    let mut series = Vec::with_capacity(distance.len());
    let mut date = first;
    for (index, &distance_t) in distance.iter().enumerate() {
        let at = earlier.len() + index;
        let load_t = load[at];
        let form = carried.fitness - carried.fatigue;
        step.advance(&mut carried, load_t);
        let week = &load[at.saturating_sub(WEEK_DAYS as usize - 1)..=at];
        let monotony = monotony(week);
        series.push(Day {
            date,
            distance_m: distance_t,
            load: load_t,
            acute: carried.averages.acute,
            chronic: carried.averages.chronic,
            acwr: carried.averages.acwr(),
            fitness: carried.fitness,
            fatigue: carried.fatigue,
            form,
            monotony,
            strain: monotony.map(|m| week.iter().sum::<f64>() * m),
        });
        date = date.succ_opt().unwrap_or(date);
    }
    series
}

/// What one day hands to the next: the averages, fitness and fatigue after it.
#[derive(Clone, Copy, Default)]
struct Carried {
    averages: AcuteChronic,
    fitness: f64,
    fatigue: f64,
}

/// The one definition of a day's step, shared by the series and the fold, so both give
/// the same numbers bit for bit.
struct Step {
    fitness_k: f64,
    fatigue_k: f64,
}

impl Step {
    fn new() -> Step {
        Step {
            fitness_k: impulse_factor(FITNESS_DAYS),
            fatigue_k: impulse_factor(FATIGUE_DAYS),
        }
    }

    fn advance(&self, carried: &mut Carried, load: f64) {
        carried.averages.step(load);
        carried.fitness += (load - carried.fitness) * self.fitness_k;
        carried.fatigue += (load - carried.fatigue) * self.fatigue_k;
    }
}

/// Each day's load and distance from `first` to `last` (inclusive), from the runs on them.
fn daily_totals(runs: &[Run], first: NaiveDate, last: NaiveDate) -> (Vec<f64>, Vec<u64>) {
    let days = usize::try_from((last - first).num_days()).unwrap_or(0) + 1;
    let mut load = vec![0.0; days];
    let mut distance = vec![0u64; days];
    for run in runs.iter().filter(|r| r.date <= last && r.date >= first) {
        let Ok(index) = usize::try_from((run.date - first).num_days()) else {
            continue;
        };
        load[index] += session_load(run);
        distance[index] += u64::from(run.distance_m);
    }
    (load, distance)
}
