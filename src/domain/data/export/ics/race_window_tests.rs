use super::*;
use crate::domain::record::race::Priority;

/// City Marathon on `date`, at `priority`.
fn marathon(date: &str, priority: Priority) -> Race {
    Race {
        id: "r1".into(),
        name: "City Marathon".into(),
        date: date.parse().unwrap(),
        distance_m: 42_195,
        priority,
        goal_s: None,
        updated_ms: 0,
    }
}

#[test]
fn an_a_race_gets_its_deep_massage_window_and_light_days() {
    let race = marathon("2026-12-06", Priority::A);
    let today = "2026-11-27T08:00:00".parse().unwrap();
    let list = events(
        &[],
        std::slice::from_ref(&race),
        &ReminderSettings::default(),
        today,
    );
    assert_eq!(list.len(), 2);
    // 6 Dec − 7 = 29 Nov … 6 Dec − 4 = 2 Dec. The booking alarm was due 3 days before
    // it opens (26 Nov, 09:00), already past at 08:00 on 27 Nov: it rings at 08:20,
    // 1 day 15 h 40 min before the window's first midnight.
    assert_eq!(list[0].first_day, "2026-11-29".parse().unwrap());
    assert_eq!(list[0].last_day, "2026-12-02".parse().unwrap());
    assert_eq!(duration(list[0].alarm_minutes.unwrap()), "-P1DT15H40M");
    assert_eq!(list[1].first_day, "2026-12-04".parse().unwrap());
    assert_eq!(list[1].last_day, "2026-12-05".parse().unwrap());
    let c = Race {
        priority: Priority::C,
        ..race
    };
    assert!(events(&[], &[c], &ReminderSettings::default(), today).is_empty());
}

#[test]
fn the_booking_alarm_follows_the_runners_remind_to_book_setting() {
    let race = marathon("2026-12-20", Priority::B);
    let settings = ReminderSettings {
        race_book_days_before: 21,
        ..ReminderSettings::default()
    };
    let list = events(
        &[],
        &[race],
        &settings,
        "2026-11-27T08:00:00".parse().unwrap(),
    );
    // The window opens on 13 Dec (race − 7); the booking reminder is race − 21 = 29 Nov,
    // 14 days before it opens, at 09:00: −14 days + 9 hours = −13 days 15 hours.
    assert_eq!(list[0].first_day, "2026-12-13".parse().unwrap());
    assert_eq!(duration(list[0].alarm_minutes.unwrap()), "-P13DT15H");
    // The light-only days (18–19 Dec) are announced the day before, at 09:00.
    assert_eq!(list[1].first_day, "2026-12-18".parse().unwrap());
    assert_eq!(duration(list[1].alarm_minutes.unwrap()), "-PT15H");
}

#[test]
fn no_alarm_rings_before_the_file_is_saved() {
    let race = marathon("2026-12-06", Priority::A);
    let settings = ReminderSettings::default();
    let at = |list: &[CalendarEvent], i: usize| -> NaiveDateTime {
        list[i].first_day.and_time(NaiveTime::MIN)
            + TimeDelta::minutes(list[i].alarm_minutes.unwrap())
    };
    // Saved on Fri 27 Nov at 14:02: the booking alarm (26 Nov, 09:00) has passed, so
    // it rings later today, at 14:20; the light-days alarm (3 Dec, 09:00) lies ahead.
    let now: NaiveDateTime = "2026-11-27T14:02:00".parse().unwrap();
    let list = events(&[], std::slice::from_ref(&race), &settings, now);
    assert_eq!(
        at(&list, 0),
        "2026-11-27T14:20:00".parse::<NaiveDateTime>().unwrap()
    );
    assert_eq!(
        at(&list, 1),
        "2026-12-03T09:00:00".parse::<NaiveDateTime>().unwrap()
    );
    // At 23:55 today is over: the window is still open tomorrow, so 09:00 tomorrow.
    let late: NaiveDateTime = "2026-11-27T23:55:00".parse().unwrap();
    let list = events(&[], std::slice::from_ref(&race), &settings, late);
    assert_eq!(
        at(&list, 0),
        "2026-11-28T09:00:00".parse::<NaiveDateTime>().unwrap()
    );
    // Saved late on the window's last day: no moment left, and the event says so.
    let last: NaiveDateTime = "2026-12-02T23:55:00".parse().unwrap();
    let list = events(&[], std::slice::from_ref(&race), &settings, last);
    assert_eq!(list[0].alarm_minutes, None);
    assert!(list[0].description.contains("No alarm:"));
    assert!(!calendar(&list[..1], last).contains("BEGIN:VALARM"));
    // Once the window is over it is not in the file at all.
    let after: NaiveDateTime = "2026-12-03T08:00:00".parse().unwrap();
    let list = events(&[], std::slice::from_ref(&race), &settings, after);
    assert!(list.iter().all(|e| e.uid != "race-window:r1@restride"));
}

#[test]
fn the_file_holds_the_booking_and_snoozed_reminders_at_their_new_day() {
    use crate::domain::massage::reminders::reminders;
    use crate::domain::record::journal::Journal;
    use crate::domain::record::reminder_decision::ReminderDecision;
    use crate::domain::record::run::{Run, RunKind};
    let settings = ReminderSettings::default();
    let now: NaiveDateTime = "2026-11-27T08:00:00".parse().unwrap();
    let today = now.date();
    let uid = |r: &Reminder| format!("{}@restride", r.id);
    // Yesterday's long run asks for a recovery massage; the runner snoozes it 3 days.
    let mut journal = Journal::default();
    let mut long = Run::sample("2026-11-26", 100, 5, 18);
    long.kind = RunKind::Long;
    journal.runs.push(long);
    let hard = reminders(&journal, today)
        .into_iter()
        .find(|r| r.rule == Rule::HardEffort)
        .expect("a recovery massage after the long run");
    journal
        .reminder_states
        .insert(hard.id.clone(), ReminderDecision::snoozed_for(today, 3));
    let list = events(&reminders(&journal, today), &[], &settings, now);
    let snoozed = list.iter().find(|e| e.uid == uid(&hard)).unwrap();
    assert_eq!(snoozed.first_day, "2026-11-30".parse().unwrap());

    // With City Marathon on 6 Dec, one plan card asks for the appointment: the file
    // has that card and no second window to book in.
    journal.reminder_states.clear();
    journal.races.push(marathon("2026-12-06", Priority::A));
    let all = reminders(&journal, today);
    let plan = all.iter().find(|r| r.rule == Rule::SportsMassage).unwrap();
    let list = events(&all, &journal.races, &settings, now);
    assert!(list.iter().any(|e| e.uid == uid(plan)));
    assert!(list.iter().all(|e| e.uid != "race-window:r1@restride"));
    // Booked for Tue 1 Dec: the booking is in the file, announced the day before at
    // 09:00; the light days stay.
    journal.book("2026-12-01".parse().unwrap(), None, true, 1);
    let list = events(&reminders(&journal, today), &journal.races, &settings, now);
    let booked = list
        .iter()
        .find(|e| e.summary.starts_with("Sports massage booked for Tue 1 Dec"))
        .expect("the booking");
    assert_eq!(booked.first_day, "2026-12-01".parse().unwrap());
    assert_eq!(duration(booked.alarm_minutes.unwrap()), "-PT15H");
    assert!(list.iter().all(|e| e.uid != "race-window:r1@restride"));
    assert!(list.iter().any(|e| e.uid == "race-light:r1@restride"));
}
