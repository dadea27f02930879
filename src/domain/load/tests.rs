use super::*;
use chrono::{Days, NaiveDate};
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

/// The state the last day of a whole series hands on: the fold's reference, read off the
/// days.
fn state_after(series: &[Day]) -> Option<SeriesStart> {
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

proptest! {
    /// Folding the days up to a cut gives, bit for bit, the state the whole series has on
    /// that day, and the series resumed from it is the whole series' tail.
    #[test]
    fn the_fold_is_the_series_state_and_resumes_it(
        runs in arbitrary_runs(),
        cut_back in 0u64..500,
        extra in 0u64..120,
    ) {
        let today = d("2027-04-01").checked_add_days(Days::new(extra)).unwrap();
        let cut = today - Days::new(cut_back);
        let whole = daily_series(&runs, today);
        let through_cut: Vec<Day> = daily_series(&runs, cut);
        let folded = fold(&runs, cut);
        prop_assert_eq!(&folded, &state_after(&through_cut));
        let resumed = daily_series_from(folded.as_ref(), &runs, today);
        let tail = &whole[whole.len() - resumed.len()..];
        prop_assert_eq!(resumed.as_slice(), tail);
        // Nothing of the whole series is missing: the resumed days start right after the cut.
        if let Some(first) = resumed.first() {
            prop_assert_eq!(first.date, folded.as_ref().map_or(first.date, |s| s.date + Days::new(1)));
        }
    }
}
