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
