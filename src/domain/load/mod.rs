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

use crate::domain::record::run::Run;
use chrono::{Days, NaiveDate};

pub const ACUTE_DAYS: f64 = 7.0;
pub const CHRONIC_DAYS: f64 = 28.0;
pub const FITNESS_DAYS: f64 = 42.0;
pub const FATIGUE_DAYS: f64 = 7.0;
pub const MONOTONY_CAP: f64 = 10.0;
pub const MONOTONY_FLAG: f64 = 2.0;
/// ACWR is shown once this many days of history exist (the chronic window).
pub const BASELINE_DAYS: i64 = 28;

/// Session-RPE load of one run: RPE × minutes.
pub fn session_load(run: &Run) -> f64 {
    run.rpe as f64 * run.duration_s as f64 / 60.0
}

/// λ of an exponentially weighted moving average over N days.
pub fn ewma_lambda(days: f64) -> f64 {
    2.0 / (days + 1.0)
}

/// Acute and chronic load, advanced one day at a time: the one definition of the EWMAs,
/// shared by the daily series and the single-day ACWR.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AcuteChronic {
    pub acute: f64,
    pub chronic: f64,
}

impl AcuteChronic {
    /// The next day's averages after a day with `load`.
    pub fn step(&mut self, load: f64) {
        let (acute_l, chronic_l) = (ewma_lambda(ACUTE_DAYS), ewma_lambda(CHRONIC_DAYS));
        self.acute = acute_l * load + (1.0 - acute_l) * self.acute;
        self.chronic = chronic_l * load + (1.0 - chronic_l) * self.chronic;
    }

    /// Acute ÷ chronic, undefined while chronic load is 0.
    pub fn acwr(&self) -> Option<f64> {
        (self.chronic > 0.0).then(|| self.acute / self.chronic)
    }
}

/// The per-day step of the fitness/fatigue model with time constant τ.
pub fn impulse_factor(tau_days: f64) -> f64 {
    1.0 - (-1.0 / tau_days).exp()
}

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
    let days = (today - first).num_days() as usize + 1;
    let mut load = vec![0.0; days];
    let mut distance = vec![0u64; days];
    for run in runs.iter().filter(|r| r.date <= today && r.date >= first) {
        let index = (run.date - first).num_days() as usize;
        load[index] += session_load(run);
        distance[index] += run.distance_m as u64;
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
        let week = &load[index.saturating_sub(6)..=index];
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

/// Monotony of up to seven daily loads; days before the first run count as rest (0).
pub fn monotony(week: &[f64]) -> Option<f64> {
    let n = 7.0;
    let sum: f64 = week.iter().sum();
    if sum <= 0.0 {
        return None;
    }
    let mean = sum / n;
    let rest_days = n - week.len() as f64;
    let squares: f64 =
        week.iter().map(|l| (l - mean).powi(2)).sum::<f64>() + rest_days * mean * mean;
    let deviation = (squares / n).sqrt();
    Some(if deviation == 0.0 {
        MONOTONY_CAP
    } else {
        (mean / deviation).min(MONOTONY_CAP)
    })
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

/// ACWR on `today` alone: the same EWMAs as `daily_series`, without building the series
/// (the reminder engine needs only this one number).
pub fn acwr_on(runs: &[Run], today: NaiveDate) -> Option<f64> {
    let first = runs.iter().map(|r| r.date).filter(|d| *d <= today).min()?;
    let mut load = vec![0.0; (today - first).num_days() as usize + 1];
    for run in runs.iter().filter(|r| r.date <= today) {
        if let Some(slot) = load.get_mut((run.date - first).num_days() as usize) {
            *slot += session_load(run);
        }
    }
    let mut averages = AcuteChronic::default();
    for load_t in load {
        averages.step(load_t);
    }
    averages.acwr()
}

/// A distance jump counts only when the earlier period held at least this much.
pub const DISTANCE_JUMP_MIN_EARLIER_M: u64 = 10_000;

/// Distance of one period compared with the period before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progression {
    pub earlier_m: u64,
    pub recent_m: u64,
}

impl Progression {
    /// Relative change, e.g. 0.35 for +35 %; undefined when the earlier period is empty.
    pub fn change(&self) -> Option<f64> {
        (self.earlier_m > 0).then(|| self.recent_m as f64 / self.earlier_m as f64 - 1.0)
    }

    /// A jump worth flagging: more than `percent` % (the runner's setting, 30 by default)
    /// on an earlier period of at least 10 km.
    pub fn is_jump(&self, percent: u16) -> bool {
        // In whole metres, so exactly +30 % is exactly not a jump.
        self.earlier_m >= DISTANCE_JUMP_MIN_EARLIER_M
            && self.recent_m * 100 > self.earlier_m * (100 + u64::from(percent))
    }
}

/// Total distance of runs dated in `from..=to`.
pub fn distance_between(runs: &[Run], from: NaiveDate, to: NaiveDate) -> u64 {
    runs.iter()
        .filter(|r| r.date >= from && r.date <= to)
        .map(|r| r.distance_m as u64)
        .sum()
}

/// The last 14 days (today included) against the 14 before them.
pub fn two_week_progression(runs: &[Run], today: NaiveDate) -> Progression {
    let day = |back: u64| today.checked_sub_days(Days::new(back)).unwrap_or(today);
    Progression {
        recent_m: distance_between(runs, day(13), today),
        earlier_m: distance_between(runs, day(27), day(14)),
    }
}

/// This calendar week so far against the whole of last week.
pub fn week_progression(runs: &[Run], week_start: NaiveDate) -> Progression {
    let last_start = week_start
        .checked_sub_days(Days::new(7))
        .unwrap_or(week_start);
    let last_end = week_start
        .checked_sub_days(Days::new(1))
        .unwrap_or(week_start);
    let this_end = week_start
        .checked_add_days(Days::new(6))
        .unwrap_or(week_start);
    Progression {
        recent_m: distance_between(runs, week_start, this_end),
        earlier_m: distance_between(runs, last_start, last_end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 1e-5
    }

    #[test]
    fn session_load_is_rpe_times_minutes() {
        assert_eq!(session_load(&Run::sample("2026-11-01", 45, 6, 8)), 270.0);
        let mut odd = Run::sample("2026-11-01", 0, 5, 1);
        odd.duration_s = 90; // 1.5 min
        assert_eq!(session_load(&odd), 7.5);
    }

    /// Expected numbers from an independent Python implementation of the definitions
    /// (λ = 2/(N+1); 1 − e^(−1/τ); form = yesterday's fitness − fatigue; population SD):
    ///
    /// ```text
    /// runs (date, minutes, RPE): 11-01 30 4 | 11-03 45 6 | 11-03 20 3 | 11-05 90 5 |
    ///                            11-06 40 8 | 11-08 60 7        today: 2026-11-10
    /// ```
    #[test]
    fn golden_series_matches_an_independent_implementation() {
        #[rustfmt::skip]
        // date, load, acute, chronic, ACWR, fitness, fatigue, form, monotony, strain
        type Row = (&'static str, f64, f64, f64, Option<f64>, f64, f64, f64, Option<f64>, Option<f64>);
        let expected: [Row; 10] = [
            (
                "2026-11-01",
                120.0,
                30.000000,
                8.275862,
                Some(3.625000),
                2.823398,
                15.974652,
                0.000000,
                Some(0.408248),
                Some(48.989795),
            ),
            (
                "2026-11-02",
                0.0,
                22.500000,
                7.705113,
                Some(2.920139),
                2.756968,
                13.848073,
                -13.151254,
                Some(0.408248),
                Some(48.989795),
            ),
            (
                "2026-11-03",
                330.0,
                99.375000,
                29.932347,
                Some(3.319987),
                10.456444,
                55.934881,
                -11.091105,
                Some(0.553660),
                Some(249.147046),
            ),
            (
                "2026-11-04",
                0.0,
                74.531250,
                27.868047,
                Some(2.674434),
                10.210422,
                48.488712,
                -45.478437,
                Some(0.553660),
                Some(249.147046),
            ),
            (
                "2026-11-05",
                450.0,
                168.398438,
                56.980595,
                Some(2.955365),
                20.557929,
                101.938738,
                -38.278291,
                Some(0.742156),
                Some(667.940440),
            ),
            (
                "2026-11-06",
                320.0,
                206.298828,
                75.119865,
                Some(2.746262),
                27.603296,
                130.967511,
                -81.380809,
                Some(0.993151),
                Some(1211.644015),
            ),
            (
                "2026-11-07",
                0.0,
                154.724121,
                69.939184,
                Some(2.212267),
                26.953837,
                113.532841,
                -103.364216,
                Some(0.993151),
                Some(1211.644015),
            ),
            (
                "2026-11-08",
                420.0,
                221.043091,
                94.081309,
                Some(2.349490),
                36.201550,
                154.330393,
                -86.579004,
                Some(1.126390),
                Some(1712.112125),
            ),
            (
                "2026-11-09",
                0.0,
                165.782318,
                87.592943,
                Some(1.892645),
                35.349789,
                133.785607,
                -118.128843,
                Some(1.126390),
                Some(1712.112125),
            ),
            (
                "2026-11-10",
                0.0,
                124.336739,
                81.552051,
                Some(1.524630),
                34.518068,
                115.975786,
                -98.435818,
                Some(0.851522),
                Some(1013.311103),
            ),
        ];
        let runs = [
            Run::sample("2026-11-01", 30, 4, 5),
            Run::sample("2026-11-03", 45, 6, 8),
            Run::sample("2026-11-03", 20, 3, 3),
            Run::sample("2026-11-05", 90, 5, 16),
            Run::sample("2026-11-06", 40, 8, 7),
            Run::sample("2026-11-08", 60, 7, 11),
        ];
        let series = daily_series(&runs, d("2026-11-10"));
        assert_eq!(series.len(), expected.len());
        let opt = |a: Option<f64>, e: Option<f64>| match (a, e) {
            (Some(a), Some(e)) => close(a, e),
            (None, None) => true,
            _ => false,
        };
        for (day, e) in series.iter().zip(expected) {
            assert_eq!(day.date, d(e.0));
            assert!(close(day.load, e.1), "{} load {}", e.0, day.load);
            assert!(close(day.acute, e.2), "{} acute {}", e.0, day.acute);
            assert!(close(day.chronic, e.3), "{} chronic {}", e.0, day.chronic);
            assert!(opt(day.acwr, e.4), "{} acwr {:?}", e.0, day.acwr);
            assert!(close(day.fitness, e.5), "{} fitness {}", e.0, day.fitness);
            assert!(close(day.fatigue, e.6), "{} fatigue {}", e.0, day.fatigue);
            assert!(close(day.form, e.7), "{} form {}", e.0, day.form);
            assert!(
                opt(day.monotony, e.8),
                "{} monotony {:?}",
                e.0,
                day.monotony
            );
            assert!(opt(day.strain, e.9), "{} strain {:?}", e.0, day.strain);
        }
        assert_eq!(series[2].distance_m, 11_000, "same-day runs add up");
        // Same Python script: rest days until fitness − fatigue ≥ 0 again.
        assert_eq!(rest_days_until_fresh(&series[9]), 11);
    }

    #[test]
    fn monotony_edge_cases() {
        assert_eq!(monotony(&[0.0; 7]), None);
        assert_eq!(monotony(&[]), None);
        assert_eq!(
            monotony(&[100.0; 7]),
            Some(MONOTONY_CAP),
            "no deviation with load"
        );
        // Loads 100 and 0 alternating over 7 days: mean 300/7… computed by hand:
        // [100,0,100,0,100,0,0]: mean 42.857, SD = sqrt((3·57.143² + 4·42.857²)/7) = 49.487.
        let m = monotony(&[100.0, 0.0, 100.0, 0.0, 100.0, 0.0, 0.0]).unwrap();
        assert!((m - 0.866025).abs() < 1e-6, "{m}");
        // Fewer than 7 days count the missing days as rest.
        assert_eq!(
            monotony(&[100.0]),
            monotony(&[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 100.0])
        );
    }

    #[test]
    fn the_series_is_empty_without_runs_and_ignores_future_runs() {
        assert!(daily_series(&[], d("2026-11-10")).is_empty());
        let future = [Run::sample("2026-12-01", 30, 4, 5)];
        assert!(daily_series(&future, d("2026-11-10")).is_empty());
        let mixed = [
            Run::sample("2026-11-09", 30, 4, 5),
            Run::sample("2026-12-01", 30, 4, 5),
        ];
        assert_eq!(daily_series(&mixed, d("2026-11-10")).len(), 2);
    }

    #[test]
    fn no_rest_days_needed_when_fresh() {
        let series = daily_series(&[Run::sample("2026-01-01", 30, 4, 5)], d("2026-06-01"));
        let last = series.last().unwrap();
        assert!(last.fitness > last.fatigue);
        assert_eq!(rest_days_until_fresh(last), 0);
    }

    #[test]
    fn distance_progression_flags_only_big_jumps_on_a_real_base() {
        let today = d("2026-11-28");
        // Earlier 14 days are 11-01 … 11-14 (20 km); the last 14 are 11-15 … 11-28 (27 km, +35 %).
        let runs = [
            Run::sample("2026-10-31", 50, 4, 5),
            Run::sample("2026-11-01", 50, 4, 10),
            Run::sample("2026-11-14", 50, 4, 10),
            Run::sample("2026-11-15", 50, 4, 13),
            Run::sample("2026-11-28", 50, 4, 14),
        ];
        let p = two_week_progression(&runs, today);
        assert_eq!((p.earlier_m, p.recent_m), (20_000, 27_000));
        assert!((p.change().unwrap() - 0.35).abs() < 1e-12);
        assert!(p.is_jump(30));
        // +30 % exactly is not over 30 %.
        assert!(!Progression {
            earlier_m: 20_000,
            recent_m: 26_000
        }
        .is_jump(30));
        // Below 10 km before, no flag however large the rise.
        assert!(!Progression {
            earlier_m: 9_999,
            recent_m: 30_000
        }
        .is_jump(30));
        assert!(!Progression {
            earlier_m: 0,
            recent_m: 30_000
        }
        .is_jump(30));
        // Weeks: Monday 2026-11-23 against 11-16 … 11-22, and 11-16 against 11-09 … 11-15.
        let w = week_progression(&runs, d("2026-11-23"));
        assert_eq!((w.earlier_m, w.recent_m), (0, 14_000));
        let w = week_progression(&runs, d("2026-11-16"));
        assert_eq!((w.earlier_m, w.recent_m), (23_000, 0));
    }

    fn arbitrary_runs() -> impl Strategy<Value = Vec<Run>> {
        // Dates over ~14 years with gaps, same-day runs and extremes of RPE and duration.
        proptest::collection::vec((0u64..5200, 1u32..=600, 1u8..=10, 0u32..=50), 0..40).prop_map(
            |rows| {
                rows.into_iter()
                    .map(|(day, minutes, rpe, km)| {
                        let date = d("2013-01-01").checked_add_days(Days::new(day)).unwrap();
                        let mut r = Run::sample(&date.to_string(), minutes, rpe, km.max(1));
                        r.id = format!("{day}-{minutes}-{rpe}-{km}");
                        r
                    })
                    .collect()
            },
        )
    }

    proptest! {
        #[test]
        fn every_number_is_finite_and_loads_are_never_negative(runs in arbitrary_runs(), extra in 0u64..400) {
            let today = d("2027-04-01").checked_add_days(Days::new(extra)).unwrap();
            for day in daily_series(&runs, today) {
                for value in [day.load, day.acute, day.chronic, day.fitness, day.fatigue, day.form] {
                    prop_assert!(value.is_finite());
                }
                prop_assert!(day.load >= 0.0 && day.acute >= 0.0 && day.chronic >= 0.0);
                prop_assert!(day.fitness >= 0.0 && day.fatigue >= 0.0);
                for value in [day.acwr, day.monotony, day.strain].into_iter().flatten() {
                    prop_assert!(value.is_finite() && value >= 0.0);
                }
                prop_assert!(day.monotony.is_none_or(|m| m <= MONOTONY_CAP));
                prop_assert_eq!(day.acwr.is_some(), day.chronic > 0.0);
            }
        }

        #[test]
        fn a_rest_day_never_raises_acute_load(runs in arbitrary_runs()) {
            let series = daily_series(&runs, d("2027-04-01"));
            for pair in series.windows(2) {
                if pair[1].load == 0.0 {
                    prop_assert!(pair[1].acute <= pair[0].acute);
                    prop_assert!(pair[1].chronic <= pair[0].chronic);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn acwr_on_a_day_is_the_series_last_acwr(
            days in proptest::collection::vec((0u64..200, 1u32..120, 1u8..=10), 1..40),
            today in 0u64..220,
        ) {
            let start: NaiveDate = "2026-01-01".parse().unwrap();
            let runs: Vec<Run> = days
                .iter()
                .map(|(day, minutes, rpe)| {
                    let mut run = Run::sample("2026-01-01", *minutes, *rpe, 5);
                    run.date = start + Days::new(*day);
                    run
                })
                .collect();
            let today = start + Days::new(today);
            let expected = daily_series(&runs, today).last().and_then(|d| d.acwr);
            let got = acwr_on(&runs, today);
            match (expected, got) {
                (Some(a), Some(b)) => proptest::prop_assert!((a - b).abs() < 1e-12),
                (a, b) => proptest::prop_assert_eq!(a, b),
            }
        }
    }
}
