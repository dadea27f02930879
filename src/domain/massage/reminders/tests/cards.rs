//! What a card says and pre-fills.

use super::*;

#[test]
fn a_card_words_its_status_and_prefills_the_log_it_suggests() {
    let mut runs = vec![Run::sample("2026-11-24", 100, 7, 18)];
    runs[0].kind = RunKind::Long;
    let mut j = journal(runs);
    only(&mut j, |s| s.hard_effort_on = true);
    let today = d("2026-11-25");
    let card = reminders(&j, today).into_iter().next().unwrap();
    assert_eq!(card.rule, Rule::HardEffort);
    assert_eq!(card.status_words(), "Due — until Fri 27 Nov");
    assert_eq!(card.rule.done_label(), "Done — log it");
    // RPE 7: a sports massage, 60 minutes, on the day the card is acted on.
    let draft = card.massage_draft(today);
    assert_eq!(draft.kind, MassageKind::Professional);
    assert_eq!(draft.minutes, "60");
    assert_eq!(draft.date, "2026-11-25");
    // Snoozed for 3 days, it says so.
    j.reminder_states
        .insert(card.id.clone(), ReminderDecision::snoozed_for(today, 3));
    let snoozed = reminders(&j, today).into_iter().next().unwrap();
    assert_eq!(snoozed.status_words(), "Snoozed until Sat 28 Nov");
    assert_eq!(Rule::RaceBook.done_label(), "Booked");
    assert_eq!(Rule::RaceTaper.done_label(), "Got it");
}

/// The week before Lakeside Marathon (Sun 8 Nov 2026, priority A). The runner's last
/// sports massage was on Sun 11 Oct; since then ten runs of 16.7 km and a 92-minute long
/// run of 16 km on Sun 1 Nov: 183 km.
fn lakeside_week() -> Journal {
    let mut runs: Vec<Run> = (0..10)
        .map(|i| {
            let mut run = Run::sample(&format!("2026-10-{}", 13 + 2 * i), 80, 4, 16);
            run.distance_m = 16_700;
            run
        })
        .collect();
    let mut long = Run::sample("2026-11-01", 92, 5, 16);
    long.kind = RunKind::Long;
    runs.push(long);
    let mut j = journal(runs);
    j.massages.push(Massage::sample(
        "2026-10-11",
        MassageKind::Professional,
        true,
    ));
    j.races.push(Race {
        id: "lakeside".into(),
        name: "Lakeside Marathon".into(),
        date: d("2026-11-08"),
        distance_m: 42_195,
        priority: Priority::A,
        goal_s: None,
        updated_ms: 0,
    });
    j
}

#[test]
fn six_days_out_one_appointment_answers_every_cause() {
    let j = lakeside_week();
    let list = reminders(&j, d("2026-11-02"));
    let therapist: Vec<&Reminder> = list
        .iter()
        .filter(|r| r.rule.suggests_massage() && r.kind == MassageKind::Professional)
        .collect();
    assert_eq!(therapist.len(), 1, "{:?}", ids(&list));
    let card = therapist[0];
    assert_eq!(card.rule, Rule::SportsMassage);
    assert_eq!(card.status, Status::Due);
    // The long run's days (Mon 2–Wed 4 Nov) and the race's last deep window (Sun 1–Wed
    // 4 Nov, from today) agree on Mon 2–Wed 4 Nov.
    assert_eq!(
        card.title,
        "Book a sports massage for Mon 2 Nov–Wed 4 Nov, before Lakeside Marathon"
    );
    for cause in [
        "22 days since your last sports massage (Sun 11 Oct)",
        "183 km since your last massage on Sun 11 Oct",
        "your 92-minute long run on Sun 1 Nov",
        "Lakeside Marathon in 6 days (Sun 8 Nov)",
    ] {
        assert!(
            card.why.contains(cause),
            "{cause} missing from: {}",
            card.why
        );
    }
    // Done, snoozed or dismissed together: one decision answers every cause.
    assert!(card.answers(Rule::Professional) && card.answers(Rule::RaceBook));
    assert_eq!(card.answered_ids().len(), 5);
    // Warnings first: the final days' notice comes before the plan.
    assert_eq!(list[0].rule, Rule::RaceTaper);
    let mut booked = j.clone();
    for id in card.answered_ids() {
        booked.set_reminder_state(
            &id,
            ReminderDecision::Done {
                on: d("2026-11-02"),
            },
        );
    }
    assert!(reminders(&booked, d("2026-11-02"))
        .iter()
        .all(|r| !(r.rule.suggests_massage() && r.kind == MassageKind::Professional)));
}

#[test]
fn in_the_final_two_days_and_the_two_after_nothing_suggests_deep_work() {
    let mut j = lakeside_week();
    for day in ["2026-11-06", "2026-11-07", "2026-11-08"] {
        let list = reminders(&j, d(day));
        assert!(
            list.iter()
                .all(|r| !r.deep && !r.massage_draft(d(day)).deep),
            "{day}: {:?}",
            ids(&list)
        );
        // The causes are told on the race's own card, with the day deep work may start.
        let taper = list.iter().find(|r| r.rule == Rule::RaceTaper).unwrap();
        assert!(
            taper.why.contains("A massage is also due")
                && taper.why.contains("book it for Wed 11 Nov or later"),
            "{}",
            taper.why
        );
    }
    // Race day evening, the race logged: the final days' cards end; the after-race card
    // is light, and deep work waits until Wed 11 Nov.
    let mut race = Run::sample("2026-11-08", 200, 9, 42);
    race.kind = RunKind::Race;
    race.race_id = Some("lakeside".into());
    j.runs.push(race);
    let list = reminders(&j, d("2026-11-08"));
    assert!(
        list.iter().all(|r| r.rule != Rule::RaceTaper),
        "{:?}",
        ids(&list)
    );
    for day in ["2026-11-09", "2026-11-10"] {
        let list = reminders(&j, d(day));
        assert!(list.iter().all(|r| !r.deep), "{day}: {:?}", ids(&list));
        let light = list
            .iter()
            .find(|r| r.rule == Rule::AfterRaceLight)
            .unwrap();
        assert!(
            light.title.ends_with("deep work from Wed 11 Nov"),
            "{}",
            light.title
        );
    }
    // Day 3: deep work is fine, in one appointment with the interval and the distance.
    let list = reminders(&j, d("2026-11-11"));
    let therapist: Vec<&Reminder> = list
        .iter()
        .filter(|r| r.rule.suggests_massage() && r.kind == MassageKind::Professional)
        .collect();
    assert_eq!(therapist.len(), 1, "{:?}", ids(&list));
    assert!(therapist[0].deep);
    assert!(therapist[0].answers(Rule::AfterRaceDeep));
}

#[test]
fn a_load_spike_after_racing_says_the_race_is_part_of_it() {
    let mut runs: Vec<Run> = (0..15)
        .map(|i| Run::sample(&format!("2026-10-{:02}", 1 + 2 * i), 30, 3, 5))
        .collect();
    let mut race = Run::sample("2026-11-01", 200, 9, 42);
    race.kind = RunKind::Race;
    runs.push(race);
    let mut j = journal(runs);
    only(&mut j, |s| s.spike_on = true);
    let spike = reminders(&j, d("2026-11-02"))
        .into_iter()
        .find(|r| r.rule == Rule::LoadSpike)
        .unwrap();
    assert!(
        spike.why.contains("Your race on Sun 1 Nov is part of it"),
        "{}",
        spike.why
    );
}

#[test]
fn booked_with_a_date_one_appointment_answers_one_card() {
    let mut j = lakeside_week();
    j.book(d("2026-11-04"), "10:30".parse().ok(), true, 1);
    let list = reminders(&j, d("2026-11-02"));
    // The only card that asks for a massage of any kind from a therapist, or for the
    // distance: the load spike's self-massage stays apart.
    let booked: Vec<&Reminder> = list
        .iter()
        .filter(|r| r.rule.suggests_massage() && r.rule != Rule::LoadSpike)
        .collect();
    assert_eq!(booked.len(), 1, "{:?}", ids(&list));
    let card = booked[0];
    assert_eq!(card.rule, Rule::Booked);
    assert_eq!(card.title, "Sports massage booked for Wed 4 Nov at 10:30");
    assert_eq!(card.status_words(), "Booked");
    for cause in [
        "22 days since your last sports massage",
        "183 km",
        "92-minute long run",
        "Lakeside Marathon in 6 days",
    ] {
        assert!(card.why.contains(cause), "{cause}: {}", card.why);
    }
    // A cause that arrives before the day is answered too.
    assert!(card.answers(Rule::Distance) && card.answers(Rule::RaceBook));

    // On the day: "Done — log it", pre-filled from the booking.
    let on_the_day = reminders(&j, d("2026-11-04"));
    let card = on_the_day.iter().find(|r| r.rule == Rule::Booked).unwrap();
    assert_eq!(card.status, Status::Due);
    assert_eq!(card.rule.done_label(), "Done — log it");
    let draft = card.massage_draft(d("2026-11-04"));
    assert_eq!(
        (draft.kind, draft.deep, draft.date.as_str()),
        (MassageKind::Professional, true, "2026-11-04")
    );

    // Logged: the booking is done, and so is every cause it answered.
    let mut logged = j.clone();
    logged.massages.push(Massage::sample(
        "2026-11-04",
        MassageKind::Professional,
        true,
    ));
    let after = reminders(&logged, d("2026-11-04"));
    let therapist: Vec<&str> = after
        .iter()
        .filter(|r| r.rule.suggests_massage() && r.kind == MassageKind::Professional)
        .map(|r| r.id.as_str())
        .collect();
    // Only the next regular one, 21 days on, is left.
    assert_eq!(therapist, ["pro:2026-11-04"]);
    assert_eq!(
        after
            .iter()
            .find(|r| r.id == "pro:2026-11-04")
            .unwrap()
            .status,
        Status::Upcoming
    );

    // Moved into the race's final days: it warns, and nothing deep is pre-filled.
    j.book(d("2026-11-07"), None, true, 2);
    let card = reminders(&j, d("2026-11-05"))
        .into_iter()
        .find(|r| r.rule == Rule::Booked)
        .unwrap();
    assert!(
        card.why
            .contains("It falls within 48 hours of Lakeside Marathon"),
        "{}",
        card.why
    );
    assert!(!card.deep && !card.massage_draft(d("2026-11-07")).deep);

    // Cancelled: the plan's own card is back.
    j.cancel_booking(3);
    let list = reminders(&j, d("2026-11-02"));
    assert!(list.iter().any(|r| r.rule == Rule::SportsMassage));
    assert!(list.iter().all(|r| r.rule != Rule::Booked));
}

#[test]
fn with_runs_and_no_massage_the_last_massage_is_asked_once() {
    // Three years of runs imported, no massage: asked, with the first run's day.
    let mut j = journal(vec![
        Run::sample("2023-11-05", 40, 4, 8),
        Run::sample("2026-11-25", 40, 4, 8),
    ]);
    let asked = |j: &Journal| {
        reminders(j, d("2026-11-27"))
            .into_iter()
            .find(|r| r.rule == Rule::AskLastMassage)
    };
    let question = asked(&j).unwrap();
    assert_eq!(question.title, "When was your last sports massage?");
    assert!(
        question.why.contains("Your runs go back to Sun 5 Nov 2023"),
        "{}",
        question.why
    );
    assert!(!question.rule.suggests_massage());
    // Answered: a massage on the day given, and the reminders count from it.
    let mut answered = j.clone();
    answered.massages.push(Massage::sample(
        "2026-11-10",
        MassageKind::Professional,
        false,
    ));
    assert!(asked(&answered).is_none());
    assert_eq!(
        reminders(&answered, d("2026-11-27"))
            .iter()
            .find(|r| r.rule == Rule::Professional)
            .map(|r| r.due),
        Some(d("2026-12-01"))
    );
    // Dismissed: never asked again.
    j.set_reminder_state(
        "ask:last-massage",
        ReminderDecision::Dismissed {
            on: d("2026-11-27"),
        },
    );
    assert!(asked(&j).is_none());
    // A short history is not asked about.
    assert!(asked(&journal(vec![Run::sample("2026-11-20", 40, 4, 8)])).is_none());
}

#[test]
fn dates_in_another_year_carry_their_year() {
    // A New Year's Day race seen from late December: its days are next year's.
    let mut j = journal(vec![Run::sample("2026-12-20", 45, 4, 8)]);
    j.races.push(Race {
        id: "ny".into(),
        name: "New Year Dash".into(),
        date: d("2027-01-03"),
        distance_m: 10_000,
        priority: Priority::A,
        goal_s: None,
        updated_ms: 0,
    });
    let today = d("2026-12-28");
    let all = reminders(&j, today);
    let taper = all
        .iter()
        .find(|r| r.rule == Rule::RaceTaper)
        .expect("the race's final-days card");
    assert!(
        taper.title.contains("Fri 1 Jan 2027"),
        "title: {}",
        taper.title
    );
    // The same card seen in the race's year names its days without one.
    let later = reminders(&j, d("2027-01-02"));
    let taper = later.iter().find(|r| r.rule == Rule::RaceTaper).unwrap();
    assert!(
        taper.title.contains("Fri 1 Jan until"),
        "title: {}",
        taper.title
    );
}
