//! Properties over generated journals: every reminder explains itself; one voice on red flags.

use super::*;

fn arbitrary_journal() -> impl Strategy<Value = (Journal, u32)> {
    let run = (
        0u32..120,
        1u32..300,
        1u8..=10,
        1u32..45_000,
        0u8..8,
        proptest::collection::vec((0usize..10, 0u8..=10), 0..3),
    )
        .prop_map(|(day, minutes, rpe, metres, kind, sore)| {
            let mut run = Run::sample("2026-08-01", minutes, rpe, 1);
            run.id = format!("r{day}-{minutes}-{metres}");
            run.date = d("2026-08-01") + chrono::Days::new(u64::from(day));
            run.distance_m = metres;
            run.kind = RunKind::ALL[kind as usize];
            run.soreness = sore.into_iter().map(|(r, l)| (Region::ALL[r], l)).collect();
            run
        });
    let massage = (0u32..130, 0usize..4, any::<bool>()).prop_map(|(day, kind, deep)| {
        let mut m = Massage::sample("2026-08-01", MassageKind::ALL[kind], deep);
        m.id = format!("m{day}-{kind}");
        m.date = d("2026-08-01") + chrono::Days::new(u64::from(day));
        m
    });
    let race = (0u32..150, 0usize..3).prop_map(|(day, priority)| Race {
        id: format!("race{day}"),
        name: "Race".into(),
        date: d("2026-08-01") + chrono::Days::new(u64::from(day)),
        distance_m: 10_000,
        priority: Priority::ALL[priority],
        goal_s: None,
        updated_ms: 0,
    });
    (
        proptest::collection::vec(run, 0..60),
        proptest::collection::vec(massage, 0..10),
        proptest::collection::vec(race, 0..4),
        proptest::option::of((0u32..150, any::<bool>())),
        0u32..140,
        proptest::collection::vec((0u32..140, 0usize..10), 0..3),
        proptest::collection::vec((0usize..12, 0u8..3, 0u32..140), 0..5),
    )
        .prop_map(
            |(runs, massages, races, booking, today, visits, decisions)| {
                let day = |n: u32| d("2026-08-01") + chrono::Days::new(u64::from(n));
                let mut j = journal(runs);
                j.massages = massages;
                j.races = races;
                if let Some((on, deep)) = booking {
                    j.book(day(on), None, deep, 1);
                }
                // Physiotherapist visits, and the runner's answers to some cards of some day:
                // snoozed, done or dismissed.
                for (n, (on, region)) in visits.into_iter().enumerate() {
                    j.save_physio_visit(
                        PhysioVisit::new(
                            format!("p{n}"),
                            day(on),
                            &[Region::ALL[region]],
                            String::new(),
                        ),
                        1,
                    );
                }
                // Decided on some day up to today: a runner acts on the cards they see.
                for (index, decision, on) in decisions {
                    let on = on % (today + 1);
                    let cards = reminders(&j, day(on));
                    if let Some(card) = cards.get(index % cards.len().max(1)) {
                        let decision = match decision {
                            0 => ReminderDecision::snoozed_for(day(on), 3),
                            1 => ReminderDecision::Done { on: day(on) },
                            _ => ReminderDecision::Dismissed { on: day(on) },
                        };
                        for id in card.answered_ids() {
                            j.set_reminder_state(&id, decision);
                        }
                    }
                }
                (j, today)
            },
        )
}

/// Days on which nothing may suggest deep work: from `NO_DEEP_DAYS_BEFORE_RACE` before an
/// A or B race up to the day before its deep days begin.
fn no_deep_day(j: &Journal, day: NaiveDate) -> bool {
    j.races.iter().any(|race| {
        race.priority.plans_massage()
            && day >= shift(race.date, -NO_DEEP_DAYS_BEFORE_RACE)
            && day < shift(race.date, AFTER_RACE_DEEP_DAYS.from)
    })
}

proptest! {
    #[test]
    fn every_reminder_explains_itself((j, today) in arbitrary_journal()) {
        let today = d("2026-08-01") + chrono::Days::new(u64::from(today));
        let first = reminders(&j, today);
        let mut seen = BTreeSet::new();
        for r in &first {
            prop_assert!(seen.insert(r.id.clone()), "duplicate id {}", r.id);
            prop_assert!(!r.why.is_empty() && !r.title.is_empty() && !r.evidence.is_empty());
            prop_assert!(r.until.is_none_or(|until| today <= until));
            match r.status {
                Status::Snoozed(until) => prop_assert!(until > today, "{} snoozed until {until}", r.id),
                status => prop_assert_eq!(status == Status::Due, r.due <= today),
            }
        }
        // Soreness at the physio level is never in a massage suggestion for that region.
        for physio in first.iter().filter(|r| r.rule == Rule::SeePhysio) {
            for other in first.iter().filter(|r| r.rule.suggests_massage()) {
                for region in &physio.regions {
                    prop_assert!(!other.regions.contains(region));
                }
            }
        }
    }

    /// One voice: Today, the reminders and today's routine read the same red flags, so
    /// no screen suggests massaging a region another sends to a physiotherapist.
    #[test]
    fn today_the_reminders_and_the_routine_agree_on_red_flags((j, today) in arbitrary_journal()) {
        let today = d("2026-08-01") + chrono::Days::new(u64::from(today));
        let flags = red_flags_on(&j, today);
        let list = reminders(&j, today);
        if let Some(summary) = crate::domain::today::TodaySummary::of(&j, today) {
            let today_flags: BTreeSet<Region> = summary.readings.red_flags.keys().copied().collect();
            prop_assert_eq!(&today_flags, &flags);
            let says_physio = summary
                .assessment
                .recommendations
                .iter()
                .any(|r| r.action == crate::domain::advice::Action::SeePhysio);
            prop_assert_eq!(says_physio, !flags.is_empty());
        }
        for region in &flags {
            let physio_card = list
                .iter()
                .any(|r| r.rule == Rule::SeePhysio && r.regions.contains(region));
            let decided = j.reminder_states.keys().any(|id| id.starts_with(&format!("physio:{}:", region.key())));
            prop_assert!(physio_card || decided, "no physiotherapist card for {region:?}");
            for other in list.iter().filter(|r| r.rule.suggests_massage()) {
                prop_assert!(!other.regions.contains(region), "{} suggests {region:?}", other.id);
            }
        }
        let routine = crate::domain::massage::routine::todays_routine(&j, &list, today);
        for region in routine.regions() {
            prop_assert!(!flags.contains(&region));
        }
    }
}

proptest! {
    /// One voice in race week: from 48 hours before an A or B race until its deep day,
    /// nothing suggests or pre-fills deep work; and on any day at most one card asks for
    /// a massage with a therapist.
    #[test]
    fn constraints_beat_intervals_and_one_appointment_answers_all((j, today) in arbitrary_journal()) {
        let today = d("2026-08-01") + chrono::Days::new(u64::from(today));
        let list = reminders(&j, today);
        let therapist: Vec<&Reminder> = list
            .iter()
            .filter(|r| r.rule.suggests_massage() && r.kind == MassageKind::Professional)
            .collect();
        prop_assert!(therapist.len() <= 1, "{:?}", therapist.iter().map(|r| &r.id).collect::<Vec<_>>());
        let in_race_days = no_deep_day(&j, today);
        for r in &list {
            let draft = r.massage_draft(today);
            if in_race_days {
                prop_assert!(!(r.rule.suggests_massage() && r.deep), "{} suggests deep work on {today}", r.id);
                prop_assert!(!draft.deep, "{} pre-fills deep work on {today}", r.id);
            }
            // Nor does a deep card's window (upcoming or due) reach into those days.
            if r.rule.suggests_massage() && r.deep && r.rule != Rule::Booked {
                let from = r.opens.unwrap_or(r.due).max(today);
                let mut day = from;
                while day <= r.until.unwrap_or(from) {
                    prop_assert!(!no_deep_day(&j, day), "{} schedules deep work on {day} (seen {today})", r.id);
                    day = shift(day, 1);
                }
            }
            prop_assert_eq!(r.deep, draft.deep);
            // Every card says why and on what evidence; a window never opens in the past.
            prop_assert!(!r.why.trim().is_empty() && !r.evidence.trim().is_empty());
            if let Some(opens) = r.opens {
                prop_assert!(opens >= today, "{} opens on {opens}", r.id);
            }
        }
    }
}
