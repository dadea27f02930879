//! Dated scenarios for each reminder rule.

use super::*;

#[test]
fn a_long_run_opens_a_24_to_72_hour_massage_window() {
    // 100 minutes on Thu 26 Nov: the window is Fri 27 to Sun 29 Nov.
    let long = Run::sample("2026-11-26", 100, 5, 16);
    let mut j = journal(vec![long.clone()]);
    only(&mut j, |s| s.hard_effort_on = true);
    let on = |j: &Journal, day: &str| reminders(j, d(day));
    let first = &on(&j, "2026-11-26")[0];
    assert_eq!(first.id, format!("hard:{}", long.id));
    assert_eq!(first.status, Status::Upcoming);
    assert_eq!(
        first.title,
        "Recovery massage or self-massage between Fri 27 Nov and Sun 29 Nov"
    );
    assert!(
        first.why.starts_with(
            "Your 100-minute run (16.00 km) on Thu 26 Nov was a long run (≥ 90 minutes)."
        ),
        "{}",
        first.why
    );
    assert_eq!(first.evidence, evidence::MASSAGE_TIMING);
    assert_eq!(on(&j, "2026-11-27")[0].status, Status::Due);
    assert_eq!(on(&j, "2026-11-29")[0].status, Status::Due);
    assert!(on(&j, "2026-11-30").is_empty(), "the window has closed");

    // A massage inside the window answers it.
    j.massages.push(Massage::sample(
        "2026-11-28",
        MassageKind::FoamRolling,
        false,
    ));
    assert!(on(&j, "2026-11-28").is_empty());

    // 89 minutes is not a long run, and a first run has no average to be big against.
    let mut j = journal(vec![Run::sample("2026-11-26", 89, 5, 16)]);
    only(&mut j, |s| s.hard_effort_on = true);
    assert!(reminders(&j, d("2026-11-27")).is_empty());
}

#[test]
fn a_big_session_is_measured_against_the_28_days_before_it() {
    // 13 runs of 40 min at RPE 5 (load 200 each) before the 26th: average 200.
    let base: Vec<Run> = (0..13)
        .map(|i| Run::sample(&format!("2026-11-{:02}", 2 + i * 2), 40, 5, 8))
        .collect();
    let with = |minutes: u32| {
        let mut runs = base.clone();
        runs.push(Run::sample("2026-11-26", minutes, 5, 10));
        let mut j = journal(runs);
        only(&mut j, |s| s.hard_effort_on = true);
        reminders(&j, d("2026-11-27"))
    };
    // 60 × 5 = 300 = 1.5 × 200: big. 59 × 5 = 295: not.
    let big = with(60);
    assert_eq!(big.len(), 1);
    assert!(
        big[0]
            .why
            .contains("load of 300 (RPE 5 × 60 min), 1.5× your 28-day average of 200"),
        "{}",
        big[0].why
    );
    assert!(with(59).is_empty());
}

#[test]
fn the_regular_sports_massage_counts_from_the_last_one() {
    let mut j = journal(vec![Run::sample("2026-11-01", 40, 4, 8)]);
    only(&mut j, |s| s.professional_on = true);
    let list = reminders(&j, d("2026-11-27"));
    // No massage logged in 26 days of runs: the question comes too, after the card.
    assert_eq!(ids(&list), ["pro:2026-11-01", "ask:last-massage"]);
    // 1 Nov + 21 days = 22 Nov.
    assert_eq!(list[0].due, d("2026-11-22"));
    assert_eq!(list[0].status, Status::Due);
    assert_eq!(list[0].kind, MassageKind::Professional);

    j.massages.push(Massage::sample(
        "2026-11-25",
        MassageKind::Professional,
        true,
    ));
    let list = reminders(&j, d("2026-11-27"));
    assert_eq!(ids(&list), ["pro:2026-11-25"]);
    assert_eq!(list[0].due, d("2026-12-16"));
    assert_eq!(list[0].status, Status::Upcoming);
    // A self-massage does not reset the professional count.
    j.massages.push(Massage::sample(
        "2026-11-26",
        MassageKind::SelfMassage,
        false,
    ));
    assert_eq!(ids(&reminders(&j, d("2026-11-27"))), ["pro:2026-11-25"]);

    j.settings.reminders.professional_every_days = 14;
    assert_eq!(reminders(&j, d("2026-11-27"))[0].due, d("2026-12-09"));
}

#[test]
fn the_distance_rule_counts_in_the_runners_unit() {
    // Eleven runs of 16 km: 144 km after nine, 160 after ten, 176 after eleven.
    let runs: Vec<Run> = (0..11)
        .map(|i| Run::sample(&format!("2026-11-{:02}", 1 + i * 2), 80, 4, 16))
        .collect();
    let mut j = journal(runs[..10].to_vec());
    only(&mut j, |s| s.distance_on = true);
    let list = reminders(&j, d("2026-11-27"));
    assert_eq!(ids(&list), ["distance:start", "ask:last-massage"]);
    // Crossed 150 km with the tenth run, on 19 Nov.
    assert_eq!(list[0].due, d("2026-11-19"));
    assert_eq!(
        list[0].why,
        "You have run 160 km since you started logging; the default is a massage every 150 km, a practitioners' rule of thumb."
    );
    // A distance the runner chose is theirs.
    j.settings.reminders.distance_every_km = 120;
    assert_eq!(
        reminders(&j, d("2026-11-27"))[0].why,
        "You have run 160 km since you started logging; you asked for a massage every 120 km."
    );
    j.settings.reminders.distance_every_km = 150;

    // 100 mi = 160.934 km: 160 km is not yet there, 176 km is.
    j.settings.unit = Unit::Mi;
    assert!(reminders(&j, d("2026-11-27"))
        .iter()
        .all(|r| r.rule != Rule::Distance));
    j.runs = runs.clone();
    let list = reminders(&j, d("2026-11-27"));
    assert_eq!(list[0].due, d("2026-11-21"));
    // 176 000 m / 1609.344 = 109.36 mi, said in whole miles; 160 934 m back to miles is 100.
    assert!(list[0].why.contains("run 109 mi"), "{}", list[0].why);
    assert!(list[0].why.contains("every 100 mi"), "{}", list[0].why);

    // Any massage restarts the count from its day.
    j.massages.push(Massage::sample(
        "2026-11-20",
        MassageKind::MassageGun,
        false,
    ));
    assert!(reminders(&j, d("2026-11-27")).is_empty());
}

#[test]
fn before_an_a_race_book_the_last_deep_massage_4_to_7_days_out() {
    // Race on Sun 6 Dec: reminder from Thu 26 Nov, window Sun 29 Nov – Wed 2 Dec.
    let mut j = journal(vec![Run::sample("2026-11-20", 40, 4, 8)]);
    only(&mut j, |s| s.race_before_on = true);
    j.races.push(valencia("2026-12-06", Priority::A));
    let list = reminders(&j, d("2026-11-25"));
    // The warning about the final days first, then the plan.
    assert_eq!(
        ids(&list),
        [
            "race-taper:valencia:2026-12-06",
            "race-book:valencia:2026-12-06"
        ]
    );
    assert_eq!(list[1].status, Status::Upcoming);
    assert_eq!(list[1].due, d("2026-11-26"));
    assert_eq!(
        list[1].title,
        "Book your last deep massage for Sun 29 Nov–Wed 2 Dec, before Valencia Marathon"
    );
    assert_eq!(reminders(&j, d("2026-11-26"))[1].status, Status::Due);
    // Once the window has begun, it is offered from today, never from a day gone by.
    assert_eq!(
        reminders(&j, d("2026-11-30"))[1].title,
        "Book your last deep massage for Mon 30 Nov–Wed 2 Dec, before Valencia Marathon"
    );
    // After the window it lapses; the light-only days come next.
    let later = reminders(&j, d("2026-12-03"));
    assert_eq!(ids(&later), ["race-taper:valencia:2026-12-06"]);
    assert_eq!(later[0].status, Status::Due);
    assert_eq!(
        later[0].title,
        "Light flush only from Fri 4 Dec until Valencia Marathon"
    );

    // A deep massage in the window answers the booking reminder; a light one does not.
    j.massages.push(Massage::sample(
        "2026-11-30",
        MassageKind::SelfMassage,
        false,
    ));
    assert_eq!(reminders(&j, d("2026-11-27")).len(), 2);
    j.massages.push(Massage::sample(
        "2026-12-01",
        MassageKind::Professional,
        true,
    ));
    assert_eq!(
        ids(&reminders(&j, d("2026-12-01"))),
        ["race-taper:valencia:2026-12-06"]
    );

    // A C race gets none of it.
    j.races[0].priority = Priority::C;
    assert!(reminders(&j, d("2026-12-01")).is_empty());
}

#[test]
fn a_deep_massage_inside_the_48_hours_before_a_race_is_warned_about() {
    let mut j = journal(vec![Run::sample("2026-11-20", 40, 4, 8)]);
    only(&mut j, |s| s.race_before_on = true);
    j.races.push(valencia("2026-12-06", Priority::B));
    let warnings = |j: &Journal| -> Vec<String> {
        reminders(j, d("2026-12-05"))
            .into_iter()
            .filter(|r| r.rule == Rule::RaceDeepWarning)
            .map(|r| r.id)
            .collect()
    };
    // Thu 3 Dec is 3 days out: fine. A light flush on Sat 5 Dec: fine.
    j.massages.push(Massage::sample(
        "2026-12-03",
        MassageKind::Professional,
        true,
    ));
    j.massages.push(Massage::sample(
        "2026-12-05",
        MassageKind::SelfMassage,
        false,
    ));
    assert!(warnings(&j).is_empty());
    // Fri 4 Dec, deep: inside the 48 hours.
    let mut deep = Massage::sample("2026-12-04", MassageKind::Professional, true);
    deep.id = "late".into();
    j.massages.push(deep);
    assert_eq!(warnings(&j), ["race-deep:valencia:2026-12-06:late"]);
    let warning = reminders(&j, d("2026-12-05"))
        .into_iter()
        .find(|r| r.rule == Rule::RaceDeepWarning)
        .unwrap();
    assert!(warning
        .why
        .contains("on Fri 4 Dec, within 48 hours of Valencia Marathon on Sun 6 Dec"));
    assert!(!warning.rule.suggests_massage());
}

#[test]
fn after_a_race_light_from_the_next_day_deep_from_day_3() {
    // Raced Sun 22 Nov.
    let race = race_run(Run::sample("2026-11-22", 200, 9, 42));
    let mut j = journal(vec![race.clone()]);
    only(&mut j, |s| s.race_after_on = true);
    let on = |j: &Journal, day: &str| reminders(j, d(day));
    let list = on(&j, "2026-11-23");
    let light = format!("after-race-light:run:{}", race.id);
    let deep = format!("after-race-deep:run:{}", race.id);
    // One card for the race, light now, saying when deep work may start.
    assert_eq!(ids(&list), [light.as_str()]);
    assert_eq!(list[0].status, Status::Due);
    assert_eq!(
        list[0].title,
        "Light recovery massage or easy self-massage; deep work from Wed 25 Nov"
    );
    assert!(list[0].why.contains("no longer sore to the touch"));
    // On race day itself the card is already there, from the next day.
    assert_eq!(on(&j, "2026-11-22")[0].status, Status::Upcoming);
    // Day 3: the light window has passed, deep work is due.
    let list = on(&j, "2026-11-25");
    assert_eq!(ids(&list), [deep.as_str()]);
    assert_eq!(list[0].status, Status::Due);
    j.massages.push(Massage::sample(
        "2026-11-26",
        MassageKind::Professional,
        true,
    ));
    assert!(on(&j, "2026-11-27").is_empty());

    // A race on the calendar with no linked run counts too, named.
    let mut j = journal(vec![Run::sample("2026-11-20", 40, 4, 8)]);
    only(&mut j, |s| s.race_after_on = true);
    j.races.push(valencia("2026-11-22", Priority::A));
    let list = on(&j, "2026-11-23");
    assert_eq!(list[0].id, "after-race-light:race:valencia:2026-11-22");
    assert!(list[0]
        .why
        .starts_with("Valencia Marathon was on Sun 22 Nov."));
    // Once a race-type run is logged on its day, linked or not, the run is the cause
    // and there is one card only, named after the race.
    j.runs.push(race_run(Run::sample("2026-11-22", 200, 9, 42)));
    let list = on(&j, "2026-11-23");
    assert_eq!(list.len(), 1);
    assert!(list[0].id.starts_with("after-race-light:run:"));
    assert!(list[0]
        .why
        .starts_with("Valencia Marathon was on Sun 22 Nov."));
    // A race without a name starts the sentence as "Your race"; a name keeps its
    // letters, with only an ASCII first letter made a capital.
    let mut unnamed = journal(vec![race_run(Run::sample("2026-11-22", 200, 9, 42))]);
    only(&mut unnamed, |s| s.race_after_on = true);
    assert!(on(&unnamed, "2026-11-23")[0]
        .why
        .starts_with("Your race (42.00 km) was on Sun 22 Nov."));
    for (typed, written) in [
        ("parkrun", "Parkrun"),
        ("écotrail de Paris", "écotrail de Paris"),
    ] {
        let mut named = journal(vec![]);
        only(&mut named, |s| s.race_after_on = true);
        named.races.push(valencia("2026-11-22", Priority::A));
        named.races[0].name = typed.into();
        assert!(on(&named, "2026-11-23")[0]
            .why
            .starts_with(&format!("{written} was on Sun 22 Nov.")));
    }
    // Moving the race to another date makes a new booking reminder, not a done one.
    let mut moved = j.clone();
    moved.races[0].date = d("2026-12-20");
    only(&mut moved, |s| s.race_before_on = true);
    moved.set_reminder_state(
        "race-book:valencia:2026-11-22",
        ReminderDecision::Dismissed {
            on: d("2026-11-20"),
        },
    );
    assert!(reminders(&moved, d("2026-12-10"))
        .iter()
        .any(|r| r.id == "race-book:valencia:2026-12-20"));
}

#[test]
fn persistent_soreness_calls_for_a_routine_and_strong_pain_for_a_physio() {
    let runs = |calves: [u8; 3]| -> Vec<Run> {
        ["2026-11-24", "2026-11-25", "2026-11-26"]
            .iter()
            .zip(calves)
            .map(|(date, level)| sore(Run::sample(date, 40, 4, 8), &[(Region::Calves, level)]))
            .collect()
    };
    let with = |calves: [u8; 3]| {
        let mut j = journal(runs(calves));
        only(&mut j, |s| s.soreness_on = true);
        reminders(&j, d("2026-11-27"))
    };
    // 4 in two of the last three logs.
    let list = with([5, 0, 4]);
    assert_eq!(ids(&list), ["sore:calves:2026-11-26-40-4-8"]);
    assert_eq!(list[0].rule, Rule::Soreness);
    assert_eq!(list[0].regions, [Region::Calves]);
    assert_eq!(
        list[0].why,
        "Your calves were sore in 2 of your last 3 runs (5/10 on Tue 24 Nov and 4/10 on Thu 26 Nov)."
    );
    assert!(with([3, 0, 4]).is_empty(), "once is not persistent");
    // Reaching 7: no massage advice, a physiotherapist instead.
    let list = with([7, 5, 0]);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].rule, Rule::SeePhysio);
    assert!(!list[0].rule.suggests_massage());
    // Logs older than a week say nothing.
    let mut j = journal(runs([5, 5, 5]));
    only(&mut j, |s| s.soreness_on = true);
    assert!(reminders(&j, d("2026-12-04")).is_empty());
    // Massaging the region after the last sore log answers it.
    let mut rolled = Massage::sample("2026-11-26", MassageKind::FoamRolling, false);
    rolled.regions.insert(Region::Calves);
    j.massages.push(rolled);
    assert!(reminders(&j, d("2026-11-27")).is_empty());
}

#[test]
fn a_pain_red_flag_holds_back_recovery_massage() {
    let mut long = Run::sample("2026-11-26", 100, 5, 16);
    long.soreness.insert(Region::Calves, 8);
    let mut runs = vec![
        sore(Run::sample("2026-11-24", 40, 4, 8), &[(Region::Calves, 7)]),
        long,
    ];
    runs.sort_by_key(|r| r.date);
    let mut j = journal(runs);
    only(&mut j, |s| {
        s.soreness_on = true;
        s.hard_effort_on = true;
    });
    let list = reminders(&j, d("2026-11-27"));
    assert!(list.iter().any(|r| r.rule == Rule::SeePhysio));
    assert!(
        list.iter().all(|r| r.rule != Rule::HardEffort),
        "no recovery massage around a possible injury"
    );
    // With the soreness rule switched off the physiotherapist card stays (the red flag is
    // safety, not a rule: Today says the same) and nothing else comes back.
    j.settings.reminders.soreness_on = false;
    let rules: Vec<Rule> = reminders(&j, d("2026-11-27"))
        .iter()
        .map(|r| r.rule)
        .collect();
    assert_eq!(rules, [Rule::SeePhysio]);
    // A red flag more than a week old says nothing about now.
    let mut old_pain = journal(vec![
        sore(Run::sample("2026-11-10", 40, 4, 8), &[(Region::Calves, 8)]),
        Run::sample("2026-11-25", 40, 4, 8),
        Run::sample("2026-11-26", 100, 5, 16),
    ]);
    only(&mut old_pain, |s| s.hard_effort_on = true);
    assert_eq!(
        reminders(&old_pain, d("2026-11-27"))[0].rule,
        Rule::HardEffort
    );
    assert!(red_flags_on(&old_pain, d("2026-11-27")).is_empty());
    assert!(red_flags_on(&j, d("2026-11-27")).contains(&Region::Calves));
}

#[test]
fn a_load_spike_leaves_out_a_flagged_region() {
    // The spike scenario below, with calves at 8 in the last run.
    let mut runs = vec![
        Run::sample("2026-11-01", 60, 4, 10),
        Run::sample("2026-11-08", 60, 4, 10),
    ];
    runs.extend(["2026-11-14", "2026-11-20"].map(|day| Run::sample(day, 60, 4, 10)));
    runs.push(sore(
        Run::sample("2026-11-26", 60, 4, 10),
        &[(Region::Calves, 8)],
    ));
    let mut j = journal(runs);
    only(&mut j, |s| s.spike_on = true);
    let list = reminders(&j, d("2026-11-26"));
    let spike = list.iter().find(|r| r.rule == Rule::LoadSpike).unwrap();
    assert_eq!(spike.regions, [Region::Feet, Region::Shins]);
    assert_eq!(
        spike.title,
        "Load spike: self-massage your feet / plantar fascia and shins and keep the next days easy"
    );
}

#[test]
fn a_two_week_distance_jump_is_a_load_spike() {
    // 20 km in 30 Oct – 12 Nov, then 30 km in 13 – 26 Nov: +50 %.
    let mut runs = vec![
        Run::sample("2026-11-01", 60, 4, 10),
        Run::sample("2026-11-08", 60, 4, 10),
    ];
    runs.extend(["2026-11-14", "2026-11-20", "2026-11-26"].map(|day| Run::sample(day, 60, 4, 10)));
    let mut j = journal(runs.clone());
    only(&mut j, |s| s.spike_on = true);
    let list = reminders(&j, d("2026-11-26"));
    // The week of Thu 26 Nov starts on Mon 23 Nov.
    assert_eq!(ids(&list), ["spike:2026-11-23"]);
    assert_eq!(
        list[0].regions,
        [Region::Calves, Region::Feet, Region::Shins]
    );
    assert!(
        list[0]
            .why
            .contains("30 km in the last 14 days against 20 km"),
        "{}",
        list[0].why
    );
    // +30 % exactly is not a jump: 26 km against 20.
    runs[4].distance_m = 6000;
    j.runs = runs;
    assert!(reminders(&j, d("2026-11-26")).is_empty());
}

#[test]
fn snoozed_done_and_dismissed_states_persist_through_storage() {
    let long = Run::sample("2026-11-26", 100, 5, 16);
    let id = format!("hard:{}", long.id);
    let mut j = journal(vec![long]);
    only(&mut j, |s| s.hard_effort_on = true);

    j.set_reminder_state(
        &id,
        ReminderDecision::Snoozed {
            until: d("2026-11-29"),
        },
    );
    let reloaded = envelope::decode(&envelope::encode(&j)).unwrap();
    let status = |j: &Journal, day: &str| reminders(j, d(day)).first().map(|r| r.status);
    assert_eq!(
        status(&reloaded, "2026-11-27"),
        Some(Status::Snoozed(d("2026-11-29")))
    );
    assert_eq!(
        status(&reloaded, "2026-11-28"),
        Some(Status::Snoozed(d("2026-11-29")))
    );
    // The snooze expires on its date.
    assert_eq!(status(&reloaded, "2026-11-29"), Some(Status::Due));

    for state in [
        ReminderDecision::Done {
            on: d("2026-11-27"),
        },
        ReminderDecision::Dismissed {
            on: d("2026-11-27"),
        },
    ] {
        j.set_reminder_state(&id, state);
        let reloaded = envelope::decode(&envelope::encode(&j)).unwrap();
        assert_eq!(status(&reloaded, "2026-11-27"), None);
        assert_eq!(
            status(&reloaded, "2026-11-28"),
            None,
            "it does not come back"
        );
    }
    // A new cause is a new reminder.
    j.runs.push(Run::sample("2026-11-28", 95, 5, 15));
    assert_eq!(reminders(&j, d("2026-11-29")).len(), 1);
}

#[test]
fn switched_off_rules_say_nothing() {
    let mut j = journal(vec![race_run(Run::sample("2026-11-22", 200, 9, 42))]);
    j.races.push(valencia("2026-12-06", Priority::A));
    assert!(!reminders(&j, d("2026-11-27")).is_empty());
    only(&mut j, |_| {});
    assert!(reminders(&j, d("2026-11-27")).is_empty());
}
