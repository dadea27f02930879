use super::*;
use crate::domain::record::run::RunKind;

fn run(id: &str, date: &str, km: u32, minutes: u32) -> Run {
    Run {
        id: id.into(),
        date: date.parse().unwrap(),
        start_time: None,
        distance_m: km * 1000,
        duration_s: minutes * 60,
        kind: RunKind::Easy,
        rpe: 4,
        avg_hr: None,
        elevation_gain_m: None,
        notes: String::new(),
        soreness: Default::default(),
        race_id: None,
        updated_ms: 0,
    }
}

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn week_starts_for_both_settings() {
    // 2026-11-27 is a Friday; 2026-11-23 a Monday; 2026-11-22 a Sunday.
    assert_eq!(
        week_start_of(d("2026-11-27"), WeekStart::Monday),
        d("2026-11-23")
    );
    assert_eq!(
        week_start_of(d("2026-11-27"), WeekStart::Sunday),
        d("2026-11-22")
    );
    // A Monday starts its own Monday week but belongs to the Sunday week before.
    assert_eq!(
        week_start_of(d("2026-11-23"), WeekStart::Monday),
        d("2026-11-23")
    );
    assert_eq!(
        week_start_of(d("2026-11-23"), WeekStart::Sunday),
        d("2026-11-22")
    );
    // A Sunday ends a Monday week and starts a Sunday week.
    assert_eq!(
        week_start_of(d("2026-11-22"), WeekStart::Monday),
        d("2026-11-16")
    );
    assert_eq!(
        week_start_of(d("2026-11-22"), WeekStart::Sunday),
        d("2026-11-22")
    );
    // Across a year boundary: 2027-01-01 is a Friday.
    assert_eq!(
        week_start_of(d("2027-01-01"), WeekStart::Monday),
        d("2026-12-28")
    );
    assert_eq!(
        week_start_of(d("2027-01-01"), WeekStart::Sunday),
        d("2026-12-27")
    );
}

#[test]
fn grouping_depends_on_the_week_start() {
    // Sat 21, Sun 22, Mon 23 and Fri 27 November 2026.
    let runs = vec![
        run("sat", "2026-11-21", 10, 60),
        run("sun", "2026-11-22", 20, 120),
        run("mon", "2026-11-23", 5, 30),
        run("fri", "2026-11-27", 8, 45),
    ];

    let monday = group_by_week(&runs, &[], WeekStart::Monday);
    let summary: Vec<_> = monday
        .iter()
        .map(|w| {
            (
                w.start,
                w.runs.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
                w.distance_m,
                w.duration_s,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (d("2026-11-23"), vec!["fri", "mon"], 13_000, 75 * 60),
            (d("2026-11-16"), vec!["sun", "sat"], 30_000, 180 * 60),
        ]
    );
    assert_eq!(monday[0].end(), d("2026-11-29"));

    let sunday = group_by_week(&runs, &[], WeekStart::Sunday);
    let summary: Vec<_> = sunday
        .iter()
        .map(|w| {
            (
                w.start,
                w.runs.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
                w.distance_m,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (d("2026-11-22"), vec!["fri", "mon", "sun"], 33_000),
            (d("2026-11-15"), vec!["sat"], 10_000),
        ]
    );
}

#[test]
fn empty_weeks_are_skipped_and_input_order_does_not_matter() {
    let runs = vec![
        run("old", "2026-01-05", 5, 30),
        run("new", "2026-11-27", 5, 30),
    ];
    let weeks = group_by_week(&runs, &[], WeekStart::Monday);
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[0].runs[0].id, "new");
    assert_eq!(weeks[1].start, d("2026-01-05"));
    assert!(group_by_week(&[], &[], WeekStart::Monday).is_empty());
}

#[test]
fn massages_join_their_week_or_make_one() {
    use crate::domain::record::massage::MassageKind;
    // Thu 26 Nov run; massages on Thu 26 Nov (same week) and Tue 10 Nov (no runs).
    let runs = vec![run("a", "2026-11-26", 8, 40)];
    let massages = vec![
        Massage::sample("2026-11-10", MassageKind::SelfMassage, false),
        Massage::sample("2026-11-26", MassageKind::Professional, true),
    ];
    let weeks = group_by_week(&runs, &massages, WeekStart::Monday);
    let starts: Vec<String> = weeks.iter().map(|w| w.start.to_string()).collect();
    assert_eq!(starts, ["2026-11-23", "2026-11-09"]);
    assert_eq!(weeks[0].distance_m, 8000, "massages add no distance");
    let entries = weeks[0].entries();
    assert!(matches!(entries[0], Entry::Massage(_)));
    assert!(matches!(entries[1], Entry::Run(_)));
    assert_eq!(weeks[1].runs.len(), 0);
    assert_eq!(weeks[1].massages.len(), 1);
}

proptest::proptest! {
    #[test]
    fn weeks_hold_every_run_once_and_totals_add_up(
        days in proptest::collection::vec(0u64..3000, 0..60),
        sunday in proptest::bool::ANY,
    ) {
        let origin = d("2018-01-01");
        let runs: Vec<Run> = days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let date = origin.checked_add_days(Days::new(*day)).unwrap();
                run(&i.to_string(), &date.to_string(), u32::try_from(i % 20).unwrap() + 1, 30)
            })
            .collect();
        let week_start = if sunday { WeekStart::Sunday } else { WeekStart::Monday };
        let weeks = group_by_week(&runs, &[], week_start);
        let total: usize = weeks.iter().map(|w| w.runs.len()).sum();
        proptest::prop_assert_eq!(total, runs.len());
        for pair in weeks.windows(2) {
            proptest::prop_assert!(pair[0].start > pair[1].start);
        }
        for week in &weeks {
            let distance: u64 = week.runs.iter().map(|r| u64::from(r.distance_m)).sum();
            proptest::prop_assert_eq!(week.distance_m, distance);
            for r in &week.runs {
                proptest::prop_assert!(r.date >= week.start && r.date <= week.end());
            }
        }
    }
}
