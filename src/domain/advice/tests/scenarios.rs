//! Dated scenarios on the steady base: one rule changed at a time.

use super::*;

#[test]
fn a_new_runner_after_one_easy_run_is_not_told_to_rest() {
    // One 30-minute run at RPE 3 yesterday (load 90): fitness 90 × (1 − e^(−1/42)) = 2.12,
    // fatigue 90 × (1 − e^(−1/7)) = 11.98, so today's form is −9.86 against a fitness
    // of 2.07: −477 %, which would be red if the form rule ran without a baseline.
    let runs = vec![run(back(1), 30, 3, 5)];
    let (signals, assessment) = advise_in(&runs, today(), Unit::Km);
    let day = signals.today_metrics.clone().unwrap();
    assert!(
        (day.form / day.fitness + 4.77).abs() < 0.01,
        "{}",
        day.form / day.fitness
    );
    assert_eq!(
        assessment.readiness,
        Readiness::Green,
        "{:?}",
        assessment.reasons
    );
    assert!(warnings(&assessment).is_empty());
    assert_eq!(
        assessment.rest_days_until_fresh, None,
        "no rest-day count without a baseline"
    );
}

#[test]
fn steady_training_in_the_first_weeks_is_not_read_as_fatigue() {
    // 50 min at RPE 4 every other day for 39 days: fitness has built only to about 60 %
    // of its steady level, so form is far below −30 % of fitness although nothing is wrong.
    let runs: Vec<Run> = (1..40).step_by(2).map(|b| run(back(b), 50, 4, 8)).collect();
    let (signals, assessment) = advise_in(&runs, today(), Unit::Km);
    let day = signals.today_metrics.clone().unwrap();
    assert!(
        day.form / day.fitness < FORM_AMBER,
        "{}",
        day.form / day.fitness
    );
    assert!(
        reason(&assessment, "Form is").is_none(),
        "{:?}",
        assessment.reasons
    );
    assert_eq!(assessment.rest_days_until_fresh, None);
    assert!(!signals.form_ready());
}

#[test]
fn after_twelve_weeks_a_hard_block_shows_in_form() {
    // The 120-day steady base, then 90 min at RPE 7 on each of the last 5 days: fatigue
    // jumps far above fitness (checked: form < −30 % of fitness), so the form rule speaks.
    let mut runs = base_from(7);
    runs.extend((1..=5).map(|b| run(back(b), 90, 7, 16)));
    let (signals, assessment) = advise_in(&runs, today(), Unit::Km);
    assert!(signals.form_ready());
    let day = signals.today_metrics.clone().unwrap();
    assert!(
        day.form / day.fitness < FORM_AMBER,
        "{}",
        day.form / day.fitness
    );
    let form = reason(&assessment, "Form is").expect("a form reason");
    assert!(form.level >= Readiness::Amber);
    assert!(matches!(assessment.rest_days_until_fresh, Some(days) if days > 0));
}

#[test]
fn no_runs_is_green_train_as_planned_without_reasons() {
    for runs in [vec![], vec![run(ahead(1), 60, 9, 12)]] {
        let (signals, a) = advise_in(&runs, today(), Unit::Km);
        assert_eq!(signals.history_days, 0);
        assert_eq!(signals.today_metrics, None);
        assert_eq!(signals.acwr(), None);
        assert_eq!(a.readiness, Readiness::Green);
        assert!(warnings(&a).is_empty(), "{:?}", a.reasons);
        assert_eq!(a.rest_days_until_fresh, None);
        assert_eq!(actions(&a), [Action::TrainAsPlanned]);
        assert_eq!(a.recommendations[0].title, "Train as planned");
        assert_eq!(
            a.recommendations[0].why,
            "No warning sign in your recent runs and no region is sore."
        );
    }
    // Also without a series at all (gather must not rely on it).
    let a = assess(&Readings::gather(
        None,
        &[],
        &[],
        today(),
        &Settings {
            unit: Unit::Mi,
            ..Settings::default()
        },
        &Default::default(),
    ));
    assert_eq!((a.readiness, warnings(&a).len()), (Readiness::Green, 0));
}

#[test]
fn the_steady_base_is_green_and_quotes_its_load_ratio() {
    let (signals, a) = advise_in(&base(), today(), Unit::Km);
    assert_eq!(signals.history_days, 120);
    assert_eq!(
        (signals.hard_days_in_a_row, signals.run_days_in_a_row),
        (0, 1)
    );
    // 14 runs of 50 minutes in the last 28 days.
    assert_eq!(signals.typical_minutes, Some(50.0));
    assert_eq!(a.readiness, Readiness::Green, "{:?}", a.reasons);
    assert!(warnings(&a).is_empty());
    // Green says why in the runner's numbers: ACWR 0.889 (independent implementation).
    assert_eq!(
        a.reasons,
        [Reason {
            level: Readiness::Green,
            text: "Load 0.89× your 28-day average, no warning sign, nothing sore.".into()
        }]
    );
    assert_eq!(actions(&a), [Action::TrainAsPlanned]);
    // ACWR 0.889 (independent implementation, see the module comment).
    assert_eq!(
        a.recommendations[0].why,
        "No warning sign: your 7-day load is 0.89× your 28-day average and no region is sore."
    );
}

#[test]
fn moderate_soreness_in_the_last_three_days_is_amber_with_self_massage_for_those_regions() {
    let mut runs = base();
    for r in &mut runs {
        if r.date == back(1) {
            // Shins at 3 are below the threshold of 4.
            r.soreness = [(Region::Calves, 5), (Region::Quads, 4), (Region::Shins, 3)].into();
        } else if r.date == back(3) {
            // Three days ago: outside the window (today, yesterday, the day before).
            r.soreness = [(Region::Hamstrings, 6)].into();
        } else if r.date == back(5) {
            r.soreness = [(Region::Glutes, 6)].into();
        }
    }
    let a = advise(&runs, today());
    assert_eq!(a.readiness, Readiness::Amber);
    assert_eq!(a.reasons.len(), 1, "{:?}", a.reasons);
    assert_eq!(
        a.reasons[0],
        Reason {
            level: Readiness::Amber,
            text: "Sore: Calves 5/10 (yesterday), Quads 4/10 (yesterday).".into()
        }
    );
    assert_eq!(actions(&a), [Action::EasyRun, Action::SelfMassage]);
    // Typical session 50 min → ¾ is 37.5 → rounded down to 35.
    assert_eq!(
        a.recommendations[0].title,
        "Run easy: at most 35 minutes at RPE 3 or less"
    );
    // The technique library gives calves and quads 60 s per side each:
    // 2 regions × 2 sides × 60 s = 4 minutes.
    let massage = recommendation(&a, Action::SelfMassage).unwrap();
    assert_eq!(
        massage.title,
        "Foam-roll or self-massage your calves and quads: 60 s per side, about 4 minutes"
    );
    assert_eq!(massage.evidence, evidence::FOAM_ROLLING);

    // Tomorrow the same soreness is 2 days old: still counted, now named by its date.
    let a = advise(&runs, ahead(1));
    assert_eq!(a.readiness, Readiness::Amber);
    assert_eq!(
        reason(&a, "Sore:").unwrap().text,
        "Sore: Calves 5/10 (Wed 11 Nov), Quads 4/10 (Wed 11 Nov)."
    );
    assert!(recommendation(&a, Action::SelfMassage).is_some());

    // 3 and 4 days later it is ignored, and nothing else fires.
    for later in [ahead(2), ahead(3)] {
        let a = advise(&runs, later);
        assert_eq!(a.readiness, Readiness::Green, "{later}: {:?}", a.reasons);
        assert!(warnings(&a).is_empty());
        assert_eq!(actions(&a), [Action::TrainAsPlanned]);
    }
}

#[test]
fn a_single_sore_region_and_its_highest_level_in_the_window() {
    // Calves 4 yesterday and 6 on a short extra jog today: the 6 is quoted, once.
    let mut runs = base_with_yesterday(sore(run(back(1), 50, 4, 8), &[(Region::Calves, 4)]));
    runs.push(sore(run(today(), 10, 2, 2), &[(Region::Calves, 6)]));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert_eq!(signals.soreness.get(&Region::Calves), Some(&(6, today())));
    assert_eq!(
        reason(&a, "Sore:").unwrap().text,
        "Sore: Calves 6/10 (today)."
    );
    // One region × 2 sides × 60 s (the calves' technique).
    assert_eq!(
        recommendation(&a, Action::SelfMassage).unwrap().title,
        "Foam-roll or self-massage your calves: 60 s per side, about 2 minutes"
    );
}

#[test]
fn a_pain_red_flag_is_red_with_the_physio_first_and_no_massage_for_it() {
    // Yesterday: a 95-minute long run (a hard effort that would call for a sports
    // massage) with knees at 7 (red flag) and calves at 5 (sore).
    let long_run = run(back(1), 95, 3, 16);
    let runs = base_with_yesterday(sore(
        long_run.clone(),
        &[(Region::Knees, 7), (Region::Calves, 5)],
    ));
    let a = advise(&runs, today());
    assert_eq!(a.readiness, Readiness::Red);
    assert_eq!(
        reason(&a, "Pain red flag").unwrap(),
        &Reason {
            level: Readiness::Red,
            text:
                "Pain red flag: Knees 7/10 (yesterday) — soreness of 7 or more in your last 3 runs."
                    .into()
        }
    );
    assert_eq!(
        actions(&a),
        [Action::SeePhysio, Action::Rest, Action::SelfMassage]
    );
    assert_eq!(
        a.recommendations[0].title,
        "Don't massage an acute injury — see a physiotherapist about your knees"
    );
    assert_eq!(a.recommendations[0].evidence, evidence::ACUTE_INJURY);
    // Self-massage for the calves only, never the knees; no sports massage at all.
    let massage = &recommendation(&a, Action::SelfMassage).unwrap().title;
    assert!(massage.contains("your calves:"), "{massage}");
    assert!(!massage.contains("knees"), "{massage}");

    // Control: the same day with the knees at 6 instead gets both massages.
    let runs = base_with_yesterday(sore(long_run, &[(Region::Knees, 6), (Region::Calves, 5)]));
    let a = advise(&runs, today());
    assert_eq!(a.readiness, Readiness::Amber, "{:?}", a.reasons);
    assert_eq!(actions(&a), [Action::EasyRun, Action::SelfMassage]);
    assert!(recommendation(&a, Action::SelfMassage)
        .unwrap()
        .title
        .contains("your calves and knees:"));
}

#[test]
fn a_pain_red_flag_lasts_while_it_is_among_the_last_three_runs_of_the_week() {
    let runs = base_with_yesterday(sore(
        run(back(1), 50, 4, 8),
        &[(Region::Achilles, 9), (Region::LowerBack, 7)],
    ));
    // With no run logged since, the painful run stays among the last three for a week:
    // from today (1 day after it) to 6 days after it, both regions named in Region order.
    for day in [today(), ahead(1), ahead(5)] {
        let a = advise(&runs, day);
        assert_eq!(a.readiness, Readiness::Red, "{day}");
        assert_eq!(
            a.recommendations[0].title,
            "Don't massage an acute injury — see a physiotherapist about your Achilles and lower back"
        );
    }
    // 7 days after it: older than the week, no longer a red flag.
    let a = advise(&runs, ahead(6));
    assert!(reason(&a, "Pain red flag").is_none(), "{:?}", a.reasons);
    assert!(recommendation(&a, Action::SeePhysio).is_none());
    // Three pain-free runs since: no longer among the last three.
    let mut later = runs.clone();
    later.extend([0, 1, 2].map(|ahead_days| run(ahead(ahead_days), 30, 3, 5)));
    let a = advise(&later, ahead(2));
    assert!(reason(&a, "Pain red flag").is_none(), "{:?}", a.reasons);
    assert!(recommendation(&a, Action::SeePhysio).is_none());
}

#[test]
fn the_runners_red_flag_level_decides_for_today_too() {
    // Knees at 8 yesterday: a red flag at the default level of 7, and only sore (amber,
    // with self-massage) for a runner who set the level to 9.
    let runs = base_with_yesterday(sore(run(back(1), 50, 4, 8), &[(Region::Knees, 8)]));
    assert_eq!(advise(&runs, today()).readiness, Readiness::Red);
    let series = crate::domain::load::daily_series(&runs, today());
    let mut settings = Settings::default();
    settings.reminders.physio_level = 9;
    let a = assess(&Readings::gather(
        None,
        &runs,
        &series,
        today(),
        &settings,
        &Default::default(),
    ));
    assert_eq!(a.readiness, Readiness::Amber, "{:?}", a.reasons);
    assert!(recommendation(&a, Action::SeePhysio).is_none());
    assert_eq!(
        reason(&a, "Sore:").unwrap().text,
        "Sore: Knees 8/10 (yesterday)."
    );
    assert!(recommendation(&a, Action::SelfMassage)
        .unwrap()
        .title
        .contains("knees"));
}

#[test]
fn a_race_is_red_the_next_day_amber_the_day_after_then_forgotten() {
    // A 5 km race in 20 minutes at RPE 9: load 180, below the base's 200, so no other
    // rule fires (ACWR 0.86, form −10 %, independent implementation).
    let runs = base_with_yesterday(race(run(back(1), 20, 9, 5)));
    let a = advise(&runs, today());
    assert_eq!(a.readiness, Readiness::Red);
    assert_eq!(
        a.reasons,
        [Reason {
            level: Readiness::Red,
            text: "You raced yesterday: the body needs a few easy days to recover.".into()
        }]
    );
    assert_eq!(a.recommendations[0].action, Action::Rest);
    assert_eq!(
        a.recommendations[0].why,
        "You raced yesterday: the body needs a few easy days to recover."
    );

    // Two days after: amber.
    let a = advise(&runs, ahead(1));
    assert_eq!(a.readiness, Readiness::Amber, "{:?}", a.reasons);
    assert_eq!(
        a.reasons,
        [Reason {
            level: Readiness::Amber,
            text: "You raced Wed 11 Nov: the body needs a few easy days to recover.".into()
        }]
    );
    // 28 days to Fri 13 Nov: 12 base runs of 50 min and the 20-minute race, mean
    // 620/13 = 47.7 min; ¾ of it is 35.8 → 35.
    assert_eq!(
        a.recommendations[0].title,
        "Run easy: at most 35 minutes at RPE 3 or less"
    );

    // Three and four days after: no race reason.
    for later in [ahead(2), ahead(3)] {
        let a = advise(&runs, later);
        assert!(reason(&a, "You raced").is_none(), "{later}");
        assert_eq!(a.readiness, Readiness::Green, "{later}: {:?}", a.reasons);
    }

    // A race today is red as well.
    let mut runs = base_from(2);
    runs.push(race(run(today(), 20, 9, 5)));
    let a = advise(&runs, today());
    assert_eq!(a.readiness, Readiness::Red);
    assert_eq!(
        reason(&a, "You raced").unwrap().text,
        "You raced today: the body needs a few easy days to recover."
    );
}

#[test]
fn a_load_spike_after_a_steady_base_is_red_and_quotes_the_ratio() {
    // Base up to 9 days ago, then 7 days of 60 minutes at RPE 7 (load 420), today included.
    // By hand: on Nov 5, after two rest days, acute = 200 × 0.571 × 0.75² = 64.29 and
    // chronic = 89.75 (independent implementation). Seven days of 420 then give
    //   acute   = 420 − (420 − 64.29) × 0.75^7       = 420 − 47.48  = 372.52
    //   chronic = 420 − (420 − 89.75) × (27/29)^7    = 420 − 200.27 = 219.73
    // and ACWR = 372.52 / 219.73 = 1.695 → "1.70".
    let mut runs = base_from(9);
    runs.extend((0..7).map(|b| run(back(b), 60, 7, 10)));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    let acwr = signals.acwr().unwrap();
    assert!((acwr - 1.695306).abs() < 1e-5, "{acwr}");
    assert_eq!(a.readiness, Readiness::Red);
    assert_eq!(
        reason(&a, "Load spike").unwrap(),
        &Reason {
            level: Readiness::Red,
            text: "Load spike: your 7-day load is 1.70× your 28-day average (above 1.5).".into()
        }
    );
    assert!(reason(&a, "Load rising").is_none());
}

#[test]
fn a_rising_load_is_amber() {
    // Base up to 7 days ago, then 100 minutes at RPE 6 (load 600) on 5, 3 and 1 days ago:
    // ACWR 1.385 (independent implementation) → "1.38", between 1.3 and 1.5.
    let mut runs = base_from(7);
    runs.extend([5, 3, 1].map(|b| run(back(b), 100, 6, 16)));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert!((signals.acwr().unwrap() - 1.3848).abs() < 1e-4);
    assert_eq!(
        reason(&a, "Load").unwrap(),
        &Reason {
            level: Readiness::Amber,
            text: "Load rising: your 7-day load is 1.38× your 28-day average (above 1.3).".into()
        }
    );
}

#[test]
fn acwr_waits_for_28_days_of_history() {
    // 24 days of history ending in a spike: the series has an ACWR of 2.09, but it is
    // not used for advice.
    let mut runs: Vec<Run> = (5..25).map(|b| run(back(b), 30, 3, 5)).collect();
    runs.extend((0..4).map(|b| run(back(b), 60, 8, 10)));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert_eq!(signals.history_days, 25);
    assert!(signals.today_metrics.as_ref().unwrap().acwr.unwrap() > 2.0);
    assert_eq!(signals.acwr(), None);
    assert!(reason(&a, "Load").is_none(), "{:?}", a.reasons);

    // The boundary: a first run 27 days back makes 28 days of history (today included).
    for (first_back, days, has_acwr) in [(27, 28, true), (26, 27, false)] {
        let runs = [run(back(first_back), 30, 3, 5), run(today(), 30, 3, 5)];
        let (signals, _) = advise_in(&runs, today(), Unit::Km);
        assert_eq!(signals.history_days, days);
        assert_eq!(signals.acwr().is_some(), has_acwr, "{days} days");
    }
}

#[test]
fn two_hard_days_in_a_row_are_amber_counting_from_yesterday() {
    // Base up to 3 days ago, then RPE 7 two days ago and RPE 8 yesterday, short enough
    // (loads 175 and 160) that nothing else fires: form −25 %, ACWR 0.99.
    let mut runs = base_from(3);
    runs.push(run(back(2), 25, 7, 5));
    runs.push(run(back(1), 20, 8, 4));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    // No run today yet, so both streaks count from yesterday.
    assert_eq!(signals.hard_days_in_a_row, 2);
    assert_eq!(signals.run_days_in_a_row, 3);
    assert_eq!(a.readiness, Readiness::Amber);
    assert_eq!(
        a.reasons,
        [Reason {
            level: Readiness::Amber,
            text: "2 hard days in a row (RPE 7 or more).".into()
        }]
    );
    // A third hard run today makes it 3; an easy run today ends the streak.
    let mut hard_today = runs.clone();
    hard_today.push(run(today(), 20, 7, 4));
    let (signals, a) = advise_in(&hard_today, today(), Unit::Km);
    assert_eq!(signals.hard_days_in_a_row, 3);
    assert!(reason(&a, "3 hard days in a row").is_some());
    let mut easy_today = runs.clone();
    easy_today.push(run(today(), 20, 2, 4));
    let (signals, a) = advise_in(&easy_today, today(), Unit::Km);
    assert_eq!(signals.hard_days_in_a_row, 0);
    assert!(!a.reasons.iter().any(|r| r.text.contains("hard days")));
    // RPE 6 is not hard: one hard day only.
    let mut runs = base_from(3);
    runs.push(run(back(2), 25, 6, 5));
    runs.push(run(back(1), 20, 8, 4));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert_eq!(signals.hard_days_in_a_row, 1);
    assert!(warnings(&a).is_empty(), "{:?}", a.reasons);
}

#[test]
fn six_run_days_in_a_row_are_amber() {
    // Base up to 9 days ago (so 8 and 7 days ago are rest days), then 30 easy minutes
    // at RPE 3 on each of the last 6 days before today.
    let mut runs = base_from(9);
    runs.extend((1..=6).map(|b| run(back(b), 30, 3, 5)));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert_eq!(signals.run_days_in_a_row, 6);
    assert_eq!(a.readiness, Readiness::Amber);
    assert_eq!(
        reason(&a, "6 days").unwrap(),
        &Reason {
            level: Readiness::Amber,
            text: "6 days in a row without a rest day.".into()
        }
    );
    // A run today makes 7.
    runs.push(run(today(), 30, 3, 5));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert_eq!(signals.run_days_in_a_row, 7);
    assert!(reason(&a, "7 days in a row without a rest day.").is_some());
    // Five days in a row: no streak reason.
    let mut runs = base_from(9);
    runs.extend((1..=5).map(|b| run(back(b), 30, 3, 5)));
    let (signals, a) = advise_in(&runs, today(), Unit::Km);
    assert_eq!(signals.run_days_in_a_row, 5);
    assert!(!a.reasons.iter().any(|r| r.text.contains("in a row")));
}

/// The base, with the runs of the last 14 days (today included) at `recent_m` and
/// those of the 14 before at `earlier_m`. Either fortnight holds 7 base runs.
fn fortnights(earlier_m: u32, recent_m: u32) -> Vec<Run> {
    base()
        .into_iter()
        .map(|mut r| {
            if r.date >= back(13) {
                r.distance_m = recent_m;
            } else if r.date >= back(27) {
                r.distance_m = earlier_m;
            }
            r
        })
        .collect()
}

#[test]
fn a_distance_jump_on_a_real_base_is_amber() {
    // 7 × 8 km = 56 km, then 7 × 12 km = 84 km: +50 %.
    let a = advise(&fortnights(8_000, 12_000), today());
    assert_eq!(a.readiness, Readiness::Amber);
    assert_eq!(
        a.reasons,
        [Reason {
            level: Readiness::Amber,
            text: "Distance jump: the last 14 days hold 50 % more distance than the 14 before (84.0 km against 56.0 km).".into()
        }]
    );
    // 7 × 10.4 km = 72.8 km is +30 % exactly: not over 30 %.
    let a = advise(&fortnights(8_000, 10_400), today());
    assert_eq!((a.readiness, warnings(&a).len()), (Readiness::Green, 0));
    // 7 × 1.4 km = 9.8 km before is under the 10 km base: no flag for any rise.
    let a = advise(&fortnights(1_400, 12_000), today());
    assert_eq!((a.readiness, warnings(&a).len()), (Readiness::Green, 0));
}

#[test]
fn a_distance_jump_is_quoted_in_the_runners_unit() {
    // 84 000 m / 1609.344 = 52.195 mi and 56 000 m = 34.797 mi.
    let (_, a) = advise_in(&fortnights(8_000, 12_000), today(), Unit::Mi);
    assert_eq!(
        reason(&a, "Distance jump").unwrap().text,
        "Distance jump: the last 14 days hold 50 % more distance than the 14 before (52.2 mi against 34.8 mi)."
    );
}

#[test]
fn easy_minutes_is_three_quarters_of_usual_between_20_and_45_in_fives() {
    assert_eq!(easy_minutes(None), 30);
    // ¾ × 40 = 30; ¾ × 50 = 37.5 → 35; ¾ × 33.33 = 25.
    assert_eq!(easy_minutes(Some(40.0)), 30);
    assert_eq!(easy_minutes(Some(50.0)), 35);
    assert_eq!(easy_minutes(Some(100.0 / 3.0)), 25);
    // ¾ × 46.6 = 34.95 → 30 (rounded down, not to nearest).
    assert_eq!(easy_minutes(Some(46.6)), 30);
    // Floor 20: ¾ × 26.6 = 19.95 and ¾ × 0 = 0 are raised to 20; ¾ × 28 = 21 → 20.
    assert_eq!(easy_minutes(Some(26.6)), 20);
    assert_eq!(easy_minutes(Some(0.0)), 20);
    assert_eq!(easy_minutes(Some(28.0)), 20);
    // Ceiling 45: ¾ × 60 = 45 exactly, ¾ × 600 = 450 → 45; ¾ × 59.9 = 44.9 → 40.
    assert_eq!(easy_minutes(Some(60.0)), 45);
    assert_eq!(easy_minutes(Some(600.0)), 45);
    assert_eq!(easy_minutes(Some(59.9)), 40);
}

#[test]
fn acwr_bands_and_their_boundaries() {
    assert_eq!(acwr_band(0.0, 1.5), "low");
    assert_eq!(acwr_band(0.799, 1.5), "low");
    assert_eq!(acwr_band(0.8, 1.5), "steady");
    assert_eq!(acwr_band(1.0, 1.5), "steady");
    assert_eq!(acwr_band(1.3, 1.5), "steady");
    assert_eq!(acwr_band(1.301, 1.5), "rising");
    assert_eq!(acwr_band(1.5, 1.5), "rising");
    assert_eq!(acwr_band(1.501, 1.5), "spike");
    assert_eq!(acwr_band(9.0, 1.5), "spike");
}
