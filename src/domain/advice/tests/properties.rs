//! Properties over generated histories: well-formed advice, red flags always red.

use super::*;

/// Histories of up to 40 runs with every kind, soreness and extremes, either dense
/// (within 60 days, so the recent-day rules fire) or spread over ~14 years; and a
/// "today" anywhere from before the first run to after the last.
fn arbitrary_history() -> impl Strategy<Value = (Vec<Run>, NaiveDate)> {
    prop_oneof![Just(60u64), Just(5200u64)].prop_flat_map(|span| {
        let row = (
            0..span,
            1u32..=600,
            1u8..=10,
            0u32..=50,
            0..RunKind::ALL.len(),
            proptest::collection::btree_map(0..Region::ALL.len(), 1u8..=10, 0..3),
        );
        (
            proptest::collection::vec(row, 0..40),
            0..span + span / 10 + 5,
        )
            .prop_map(|(rows, today)| {
                let start = d("2013-01-01");
                let runs = rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (day, minutes, rpe, km, kind, soreness))| {
                        let date = start.checked_add_days(Days::new(day)).unwrap();
                        let mut r = run(date, minutes, rpe, km.max(1));
                        r.id = format!("{i}");
                        r.kind = RunKind::ALL[kind];
                        r.soreness = soreness
                            .into_iter()
                            .map(|(region, level)| (Region::ALL[region], level))
                            .collect();
                        r
                    })
                    .collect();
                (runs, start.checked_add_days(Days::new(today)).unwrap())
            })
    })
}

fn check_assessment(signals: &Readings, a: &Assessment) -> Result<(), TestCaseError> {
    prop_assert!(!a.recommendations.is_empty());
    for r in &a.recommendations {
        prop_assert!(!r.title.trim().is_empty(), "{:?}", r);
        prop_assert!(!r.why.trim().is_empty(), "{:?}", r);
        prop_assert!(!r.evidence.trim().is_empty(), "{:?}", r);
    }
    // Readiness is the most severe reason, green without any.
    let worst = a.reasons.iter().map(|r| r.level).max();
    prop_assert_eq!(a.readiness, worst.unwrap_or(Readiness::Green));
    // A red flag: red, physio first, no massage of any kind for it.
    let flagged: Vec<Region> = signals.red_flags.keys().copied().collect();
    if !flagged.is_empty() {
        prop_assert_eq!(a.readiness, Readiness::Red);
        prop_assert_eq!(a.recommendations[0].action, Action::SeePhysio);
        if let Some(massage) = recommendation(a, Action::SelfMassage) {
            for region in &flagged {
                let name = region.in_sentence();
                prop_assert!(!massage.title.contains(name), "{}", massage.title);
            }
        }
    } else {
        prop_assert!(recommendation(a, Action::SeePhysio).is_none());
    }
    Ok(())
}

proptest! {
    #[test]
    fn assess_never_panics_and_is_well_formed((runs, today) in arbitrary_history()) {
        let (signals, a) = advise_in(&runs, today, Unit::Km);
        check_assessment(&signals, &a)?;
        let (signals, a) = advise_in(&runs, today, Unit::Mi);
        check_assessment(&signals, &a)?;
    }

    #[test]
    fn pain_of_7_or_more_in_the_latest_run_is_always_red(
        (runs, today) in arbitrary_history(),
        region in 0..Region::ALL.len(),
        level in PAIN_RED_FLAG..=10,
        minutes in 1u32..=300,
        rpe in 1u8..=10,
    ) {
        // Today's last run (latest start time): always among the last three runs.
        let mut runs = runs;
        let region = Region::ALL[region];
        let mut latest = sore(run(today, minutes, rpe, 5), &[(region, level)]);
        latest.start_time = chrono::NaiveTime::from_hms_opt(23, 59, 0);
        latest.id = "~latest".into();
        runs.push(latest);
        let (signals, a) = advise_in(&runs, today, Unit::Km);
        prop_assert_eq!(a.readiness, Readiness::Red);
        prop_assert!(signals.red_flags[&region].0 >= PAIN_RED_FLAG);
        prop_assert!(a.recommendations[0].title.contains(region.in_sentence()));
        check_assessment(&signals, &a)?;
    }
}
