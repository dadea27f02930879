use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn valid() -> RunDraft {
    RunDraft {
        date: "2026-11-25".into(),
        start_time: "07:30".into(),
        distance: "10.5".into(),
        duration: "52:30".into(),
        kind: RunKind::Tempo,
        rpe: Some(7),
        avg_hr: "162".into(),
        elevation: "85".into(),
        notes: "Windy by the river".into(),
        soreness: BTreeMap::from([(Region::Calves, 4), (Region::Knees, 0)]),
        race_id: String::new(),
    }
}

fn error_of(draft: &RunDraft, field: Field) -> String {
    let errors = draft.to_run("x", Unit::Km, today()).unwrap_err();
    errors
        .get(&field)
        .cloned()
        .unwrap_or_else(|| panic!("no message for {field:?}: {errors:?}"))
}

#[test]
fn a_complete_draft_becomes_a_run() {
    let run = valid().to_run("r1", Unit::Km, today()).unwrap();
    assert_eq!(run.id, "r1");
    assert_eq!(run.date, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    assert_eq!(run.start_time, NaiveTime::from_hms_opt(7, 30, 0));
    assert_eq!(run.distance_m, 10_500);
    assert_eq!(run.duration_s, 52 * 60 + 30);
    assert_eq!(run.kind, RunKind::Tempo);
    assert_eq!(run.rpe, 7);
    assert_eq!(run.avg_hr, Some(162));
    assert_eq!(run.elevation_gain_m, Some(85));
    assert_eq!(run.notes, "Windy by the river");
    // Zero soreness is not stored.
    assert_eq!(run.soreness, BTreeMap::from([(Region::Calves, 4)]));
}

#[test]
fn only_the_required_fields_are_required() {
    let draft = RunDraft {
        distance: "5".into(),
        duration: "30".into(),
        rpe: Some(3),
        ..RunDraft::new_for(today())
    };
    let run = draft.to_run("r", Unit::Km, today()).unwrap();
    assert_eq!(run.date, today());
    assert_eq!((run.distance_m, run.duration_s), (5000, 1800));
    assert_eq!(
        (run.start_time, run.avg_hr, run.elevation_gain_m),
        (None, None, None)
    );
    assert_eq!(run.kind, RunKind::Easy);
}

#[test]
fn miles_are_stored_as_metres_and_elevation_feet_as_metres() {
    let draft = RunDraft {
        distance: "6.2".into(),
        duration: "50:00".into(),
        elevation: "328".into(),
        ..valid()
    };
    let run = draft.to_run("r", Unit::Mi, today()).unwrap();
    assert_eq!(run.distance_m, 9978); // 6.2 × 1609.344 = 9977.93
    assert_eq!(run.elevation_gain_m, Some(100)); // 328 × 0.3048 = 99.97
}

#[test]
fn an_empty_form_names_every_required_field() {
    let errors = RunDraft::default()
        .to_run("x", Unit::Km, today())
        .unwrap_err();
    let fields: Vec<Field> = errors.keys().copied().collect();
    assert_eq!(
        fields,
        [Field::Date, Field::Distance, Field::Duration, Field::Rpe]
    );
}

#[test]
fn the_date_must_not_be_in_the_future_or_malformed() {
    let tomorrow = RunDraft {
        date: "2026-11-28".into(),
        ..valid()
    };
    assert!(error_of(&tomorrow, Field::Date).contains("future"));
    let today_is_fine = RunDraft {
        date: "2026-11-27".into(),
        ..valid()
    };
    assert!(today_is_fine.to_run("x", Unit::Km, today()).is_ok());
    let garbled = RunDraft {
        date: "27/11/2026".into(),
        ..valid()
    };
    assert!(error_of(&garbled, Field::Date).contains("year-month-day"));
    let ancient = RunDraft {
        date: "1926-11-27".into(),
        ..valid()
    };
    assert!(error_of(&ancient, Field::Date).contains("1970"));
}

#[test]
fn distance_messages() {
    let msg = |text: &str| {
        error_of(
            &RunDraft {
                distance: text.into(),
                ..valid()
            },
            Field::Distance,
        )
    };
    assert_eq!(msg(""), "Enter the distance in km.");
    assert!(msg("-5").contains("no minus sign"));
    assert!(msg("ten").contains("as a number"));
    assert_eq!(msg("0"), "The distance must be more than 0.");
    assert_eq!(msg("0.0004"), "The distance must be more than 0."); // rounds to 0 m
    assert!(msg("1001").contains("longer than any single run"));
}

#[test]
fn duration_messages() {
    let msg = |text: &str| {
        error_of(
            &RunDraft {
                duration: text.into(),
                ..valid()
            },
            Field::Duration,
        )
    };
    assert!(msg("").starts_with("Enter how long"));
    assert!(msg("0").contains("more than 0"));
    assert!(msg("0:00").contains("more than 0"));
    assert!(msg("abc").contains("h:mm:ss"));
    assert!(msg("45:75").contains("up to 59"));
}

#[test]
fn absurd_paces_are_caught_in_the_runners_unit() {
    // 10.5 km in 10 min is 57 s/km.
    let fast = RunDraft {
        duration: "10:00".into(),
        ..valid()
    };
    assert_eq!(
        error_of(&fast, Field::Duration),
        "That is a pace of 0:57 /km, faster than any world record: please check the distance and time."
    );
    // 1 mi is stored as 1609 m; 10 h over 1609 m is 36 000 / (1609 / 1609.344) = 36 007.7 s/mi.
    let slow = RunDraft {
        distance: "1".into(),
        duration: "10:00:00".into(),
        ..valid()
    };
    let errors = slow.to_run("x", Unit::Mi, today()).unwrap_err();
    assert!(
        errors[&Field::Duration].contains("600:08 /mi, slower than walking"),
        "{errors:?}"
    );
    // The edges: 2:30 /km and 30:00 /km are still accepted.
    let edge_fast = RunDraft {
        distance: "10".into(),
        duration: "25:00".into(),
        ..valid()
    };
    assert!(edge_fast.to_run("x", Unit::Km, today()).is_ok());
    let edge_slow = RunDraft {
        distance: "1".into(),
        duration: "30:00".into(),
        ..valid()
    };
    assert!(edge_slow.to_run("x", Unit::Km, today()).is_ok());
}

#[test]
fn heart_rate_is_optional_but_bounded() {
    let msg = |text: &str| {
        error_of(
            &RunDraft {
                avg_hr: text.into(),
                ..valid()
            },
            Field::AvgHr,
        )
    };
    for bad in ["29", "231", "abc", "150.5", "-100"] {
        assert!(msg(bad).contains("between 30 and 230"), "{bad}");
    }
    for good in ["", "30", "230"] {
        assert!(RunDraft {
            avg_hr: good.into(),
            ..valid()
        }
        .to_run("x", Unit::Km, today())
        .is_ok());
    }
}

#[test]
fn elevation_and_notes_and_start_time_and_rpe() {
    let elevation = RunDraft {
        elevation: "-5".into(),
        ..valid()
    };
    assert!(error_of(&elevation, Field::Elevation).contains("whole m"));
    let long_notes = RunDraft {
        notes: "é".repeat(2001),
        ..valid()
    };
    assert_eq!(
        error_of(&long_notes, Field::Notes),
        "Notes can hold 2000 characters; these have 2001."
    );
    let exactly = RunDraft {
        notes: "é".repeat(2000),
        ..valid()
    };
    assert!(exactly.to_run("x", Unit::Km, today()).is_ok());
    let time = RunDraft {
        start_time: "25:00".into(),
        ..valid()
    };
    assert!(error_of(&time, Field::StartTime).contains("hours:minutes"));
    for rpe in [None, Some(0), Some(11)] {
        assert!(error_of(&RunDraft { rpe, ..valid() }, Field::Rpe).contains("how hard"));
    }
}

#[test]
fn editing_a_run_without_changes_gives_the_same_run() {
    for unit in [Unit::Km, Unit::Mi] {
        let run = valid().to_run("r1", unit, today()).unwrap();
        let again = RunDraft::from_run(&run, unit)
            .to_run("r1", unit, today())
            .unwrap();
        assert_eq!(again, run, "{unit:?}");
    }
}

#[test]
fn live_pace_and_duration_reading() {
    let draft = RunDraft {
        distance: "10".into(),
        duration: "5000".into(),
        ..valid()
    };
    assert_eq!(draft.duration_reading().as_deref(), Some("50:00"));
    assert_eq!(draft.live_pace(Unit::Km).as_deref(), Some("5:00 /km"));
    assert_eq!(draft.live_pace(Unit::Mi).as_deref(), Some("5:00 /mi")); // 10 mi in 50 min
    let half = RunDraft {
        distance: "10".into(),
        duration: "".into(),
        ..valid()
    };
    assert_eq!(half.live_pace(Unit::Km), None);
}

mod one_judge {
    //! The form's per-field messages and `validate::check_run` (import's check) read the
    //! same limits: a run the form accepts passes `check_run`, and a run `check_run`
    //! accepts, shown in the edit form, saves unchanged.
    use super::*;
    use crate::domain::record::validate::check_run;
    use proptest::prelude::*;

    fn typed() -> impl Strategy<Value = RunDraft> {
        (
            0u32..40_000,
            (0u32..30_000, prop::option::of(1u8..=10)),
            (prop::option::of(20u32..260), prop::option::of(0u32..20_000)),
            prop::bool::ANY,
        )
            .prop_map(|(metres, (seconds, rpe), (hr, gain), km)| RunDraft {
                distance: format!("{}.{:03}", metres / 1000, metres % 1000),
                duration: format!(
                    "{}:{:02}:{:02}",
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60
                ),
                rpe,
                avg_hr: hr.map(|h| h.to_string()).unwrap_or_default(),
                elevation: gain.map(|g| g.to_string()).unwrap_or_default(),
                notes: if km { "easy".into() } else { String::new() },
                ..valid()
            })
    }

    proptest! {
        #[test]
        fn the_form_and_check_run_agree(draft in typed()) {
            if let Ok(run) = draft.to_run("r", Unit::Km, today()) {
                prop_assert_eq!(check_run(&run, Unit::Km), Ok(()));
                // Shown in the edit form and saved untouched: the same run again.
                let again = RunDraft::from_run(&run, Unit::Km).to_run("r", Unit::Km, today());
                prop_assert_eq!(again, Ok(run));
            } else {
                // The form refused it: the run the numbers describe is refused by
                // check_run too, unless only a field the form reads but a run lacks was
                // wrong (an empty RPE).
                let fields = draft.to_run("r", Unit::Km, today()).unwrap_err();
                if draft.rpe.is_some() && !fields.contains_key(&Field::Date) {
                    let run = Run {
                        distance_m: read_distance(&draft.distance, Unit::Km).unwrap_or(0),
                        duration_s: read_duration(&draft.duration).unwrap_or(0),
                        avg_hr: draft.avg_hr.parse().ok(),
                        elevation_gain_m: draft.elevation.parse().ok(),
                        ..valid().to_run("r", Unit::Km, today()).unwrap()
                    };
                    prop_assert!(check_run(&run, Unit::Km).is_err(), "{:?} refused the form's {:?}", fields, draft);
                }
            }
        }
    }
}
