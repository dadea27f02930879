//! The massage plan: the rules' reminders reconciled into one voice.
//!
//! - Every cause that asks for a massage with a therapist (the regular interval, a hard
//!   effort at RPE 7 or more, the last deep massage before a race, deep work after one)
//!   is answered by one card (`Rule::SportsMassage`) that lists them all, with a window
//!   every cause allows, never starting before today. While that appointment is due it
//!   answers the due massages of any kind too (the distance, an ordinary hard effort).
//!   What the runner does with the card is done with each cause (`Reminder::covers`).
//! - Constraints beat intervals: from `NO_DEEP_DAYS_BEFORE_RACE` before an A or B race
//!   until its after-race deep day nothing suggests or schedules deep work. A cause that
//!   falls there is told on the race's own card, and its massage is scheduled after.
//! - Order: warnings first (physiotherapist, no deep massage now), then the plan, then
//!   self-massage; each group by due date.

use super::{regions_of, therapist_note, Facts, Reminder, Rule, Status};
use crate::domain::order;
use crate::domain::record::booking::{Booking, LOG_GRACE_DAYS};
use crate::domain::record::massage::MassageKind;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::{no_deep_hours, shift, RaceWindows};
use crate::domain::text::dates;
use chrono::NaiveDate;

/// The days around one A or B race when no deep work belongs.
struct NoDeepSpan {
    race_id: String,
    race_date: NaiveDate,
    name: String,
    from: NaiveDate,
    /// The last day without deep work; deep work is fine the day after.
    to: NaiveDate,
}

impl NoDeepSpan {
    fn contains(&self, date: NaiveDate) -> bool {
        date >= self.from && date <= self.to
    }

    fn deep_from(&self) -> NaiveDate {
        shift(self.to, 1)
    }
}

fn no_deep_spans(facts: &Facts) -> Vec<NoDeepSpan> {
    facts
        .races
        .iter()
        .filter(|race| race.priority.plans_massage())
        .map(|race| {
            let windows = RaceWindows::of(race.date, facts.settings.race_book_days_before);
            NoDeepSpan {
                race_id: race.id.clone(),
                race_date: race.date,
                name: race.name.clone(),
                from: windows.no_deep_from,
                to: shift(windows.after_deep.0, -1),
            }
        })
        .filter(|span| span.to >= facts.today)
        .collect()
}

/// Whether the card asks for a massage with a therapist: all such cards become one.
fn asks_for_a_therapist(reminder: &Reminder) -> bool {
    reminder.kind == MassageKind::Professional
        && matches!(
            reminder.rule,
            Rule::Professional | Rule::RaceBook | Rule::HardEffort | Rule::AfterRaceDeep
        )
}

/// Whether the card asks for a massage of any kind (the distance, a hard effort at an
/// ordinary effort): a therapist's appointment that is due answers it too.
fn asks_for_any_massage(reminder: &Reminder) -> bool {
    matches!(reminder.rule, Rule::Distance | Rule::HardEffort) && !asks_for_a_therapist(reminder)
}

pub(super) fn reconcile(list: Vec<Reminder>, facts: &Facts) -> Vec<Reminder> {
    let spans = no_deep_spans(facts);
    let (therapist, others): (Vec<Reminder>, Vec<Reminder>) =
        list.into_iter().partition(asks_for_a_therapist);
    let (any_massage, mut cards): (Vec<Reminder>, Vec<Reminder>) =
        others.into_iter().partition(asks_for_any_massage);
    let card = one_card(therapist.clone(), &spans, facts);
    if let Some(booking) = &facts.booking {
        // Booked: one appointment answers every cause, and the card says which.
        let causes: Vec<Reminder> = therapist.into_iter().chain(any_massage).collect();
        cards.push(booking_card(booking, &causes, &spans, facts));
    } else if card.as_ref().is_some_and(|c| c.status == Status::Due) {
        // The appointment is due: it answers the due massages of any kind as well.
        let (due, later): (Vec<Reminder>, Vec<Reminder>) = any_massage
            .into_iter()
            .partition(|r| r.status == Status::Due);
        let causes: Vec<Reminder> = therapist.into_iter().chain(due).collect();
        if let Some(card) = one_card(causes, &spans, facts) {
            place(card, &spans, facts, &mut cards);
        }
        cards.extend(later);
    } else {
        if let Some(card) = card {
            place(card, &spans, facts, &mut cards);
        }
        cards.extend(any_massage);
    }
    order::sort_by(&mut cards, |a, b| {
        group(a)
            .cmp(&group(b))
            .then(a.due.cmp(&b.due))
            .then(a.id.cmp(&b.id))
    });
    cards
}

/// The booked massage as a card: "Sports massage booked for Wed 4 Nov at 10:30", the
/// causes it answers, a warning if it falls in a race's no-deep days, and "Done — log it"
/// from its day on.
fn booking_card(
    booking: &Booking,
    causes: &[Reminder],
    spans: &[NoDeepSpan],
    facts: &Facts,
) -> Reminder {
    let today = facts.today;
    let at = booking
        .time
        .map(|t| format!(" at {}", dates::clock_time(t)))
        .unwrap_or_default();
    let mut why = if causes.is_empty() {
        "On your calendar.".to_string()
    } else {
        let listed: Vec<&str> = causes
            .iter()
            .map(|c| {
                if c.cause.is_empty() {
                    c.title.as_str()
                } else {
                    c.cause.as_str()
                }
            })
            .collect();
        format!("It answers: {}.", listed.join(" · "))
    };
    let clash = spans.iter().find(|s| s.contains(booking.date));
    if let Some(span) = clash {
        why.push_str(&format!(
            " It falls within {} hours of {} or the days just after: ask for a light flush, nothing deep.",
            no_deep_hours(),
            span.name
        ));
    }
    why.push_str(&therapist_note(facts).unwrap_or_default());
    let mut card = super::reminder(
        Rule::Booked,
        format!("booking:{}", booking.date),
        booking.date,
        format!(
            "Sports massage booked for {}{at}",
            dates::short_day_near(booking.date, today)
        ),
        why,
        sources::POPPENDIECK,
    );
    card.until = Some(shift(
        booking.date,
        i64::try_from(LOG_GRACE_DAYS).unwrap_or(3),
    ));
    card.kind = MassageKind::Professional;
    // Nothing deep is pre-filled in a race's days, whatever the booking's own day.
    card.deep = booking.deep && clash.is_none() && !spans.iter().any(|s| s.contains(today));
    card.status = if today >= booking.date {
        Status::Due
    } else {
        Status::Upcoming
    };
    card.regions = regions_of(causes);
    card.covers = causes.iter().flat_map(Reminder::answered_ids).collect();
    card.covers_rules = causes.iter().map(|c| c.rule).collect();
    card
}

/// 0 warnings, 1 the massage plan, 2 self-massage.
fn group(reminder: &Reminder) -> u8 {
    match reminder.rule {
        Rule::SeePhysio | Rule::RaceDeepWarning | Rule::RaceTaper => 0,
        Rule::Soreness | Rule::LoadSpike => 2,
        Rule::HardEffort if reminder.kind != MassageKind::Professional => 2,
        _ => 1,
    }
}

/// The first day the massage itself belongs, and the last (none: open).
fn window(reminder: &Reminder) -> (NaiveDate, Option<NaiveDate>) {
    (reminder.opens.unwrap_or(reminder.due), reminder.until)
}

/// The causes as one card: a single cause stays as it is; several become one.
fn one_card(mut causes: Vec<Reminder>, spans: &[NoDeepSpan], facts: &Facts) -> Option<Reminder> {
    let today = facts.today;
    if causes.len() <= 1 {
        return causes.pop();
    }
    order::sort_by(&mut causes, |a, b| a.due.cmp(&b.due).then(a.id.cmp(&b.id)));
    // The window every bounded cause allows; if they allow none together, the one that
    // closes first (a hard effort's days, a race's last deep window) decides.
    let bounded: Vec<(NaiveDate, NaiveDate)> = causes
        .iter()
        .filter_map(|c| {
            let (from, until) = window(c);
            until.map(|until| (from, until))
        })
        .collect();
    let (from, until) = if bounded.is_empty() {
        let from = causes.iter().map(|c| window(c).0).min().unwrap_or(today);
        (from, None)
    } else {
        let from = bounded.iter().map(|w| w.0).max().unwrap_or(today);
        let to = bounded.iter().map(|w| w.1).min().unwrap_or(today);
        if from <= to.max(today) && from.max(today) <= to {
            (from, Some(to))
        } else {
            let first = bounded
                .iter()
                .min_by_key(|w| w.1)
                .copied()
                .unwrap_or((today, today));
            (first.0, Some(first.1))
        }
    };
    let from = from.max(today);
    let status = if causes.iter().any(|c| c.status == Status::Due) {
        Status::Due
    } else if let Some(until) = causes
        .iter()
        .map(|c| match c.status {
            Status::Snoozed(until) => Some(until),
            _ => None,
        })
        .collect::<Option<Vec<NaiveDate>>>()
        .and_then(|all| all.into_iter().min())
    {
        Status::Snoozed(until)
    } else {
        Status::Upcoming
    };
    let listed: Vec<&str> = causes.iter().map(|c| c.cause.as_str()).collect();
    let listed = listed.join(" · ");
    let why = format!(
        "One appointment answers them all: {listed}.{}",
        therapist_note(facts).unwrap_or_default()
    );
    // The window kept clear of races' no-deep days before the title names it.
    let (from, until) = clear_of(from, until, spans).unwrap_or((from, until));
    // The most specific source: timing after an effort, then recovery of performance.
    let evidence = if causes
        .iter()
        .any(|c| matches!(c.rule, Rule::HardEffort | Rule::AfterRaceDeep))
    {
        sources::MASSAGE_TIMING
    } else {
        sources::POPPENDIECK
    };
    let covers: Vec<String> = causes.iter().flat_map(Reminder::answered_ids).collect();
    let mut covers_rules: Vec<Rule> = Vec::new();
    for rule in causes
        .iter()
        .flat_map(|c| std::iter::once(c.rule).chain(c.covers_rules.iter().copied()))
    {
        if !covers_rules.contains(&rule) {
            covers_rules.push(rule);
        }
    }
    // Due since the first cause became due (a snoozed cause counts from its return, so
    // a card not yet due never names a past day); the massage belongs in the window.
    let due = causes
        .iter()
        .map(|c| match c.status {
            Status::Snoozed(until) => until,
            _ => c.due,
        })
        .min()
        .unwrap_or(today);
    // The appointment before a race says which race.
    let before = causes
        .iter()
        .filter(|c| c.rule == Rule::RaceBook)
        .find_map(|c| {
            c.title
                .rsplit_once(", before ")
                .map(|(_, race)| race.to_string())
        });
    let title = match before {
        Some(race) => format!("{}, before {race}", title(from, until, today)),
        None => title(from, until, today),
    };
    let mut card = super::reminder(
        Rule::SportsMassage,
        format!("massage-plan:{}", covers.join("+")),
        due,
        title,
        why,
        evidence,
    );
    card.opens = (from > due).then_some(from);
    card.until = until;
    card.kind = MassageKind::Professional;
    card.deep = true;
    card.regions = regions_of(&causes);
    card.cause = listed;
    card.status = status;
    card.covers = covers;
    card.covers_rules = covers_rules;
    Some(card)
}

fn title(from: NaiveDate, until: Option<NaiveDate>, today: NaiveDate) -> String {
    match until {
        Some(until) if until > from => format!(
            "Book a sports massage for {}–{}",
            dates::short_day_near(from, today),
            dates::short_day_near(until, today)
        ),
        Some(_) => format!(
            "Book a sports massage for {}",
            dates::short_day_near(from, today)
        ),
        None => format!(
            "Book a sports massage from {}",
            dates::short_day_near(from, today)
        ),
    }
}

/// Puts the therapist's card among the others so that no deep work falls before or just
/// after a race: folded into the race's card while the race's days last, its window moved
/// or cut where it meets them.
fn place(mut card: Reminder, spans: &[NoDeepSpan], facts: &Facts, cards: &mut Vec<Reminder>) {
    let today = facts.today;
    if let Some(span) = spans.iter().find(|s| s.contains(today)) {
        let causes = if card.cause.is_empty() {
            card.title.clone()
        } else {
            card.cause.clone()
        };
        let deep_from = dates::short_day_near(span.deep_from(), today);
        let note = if card.status == Status::Due {
            format!(
                " A massage is also due ({causes}), but nothing deep belongs in the {} hours before {} or the days just after: book it for {deep_from} or later.{}",
                no_deep_hours(),
                span.name,
                therapist_note(facts).unwrap_or_default()
            )
        } else {
            let from = window(&card).0.max(span.deep_from());
            format!(
                " Your next massage ({causes}) comes after the race, from {}.",
                dates::short_day_near(from, today)
            )
        };
        let race_card = cards.iter_mut().find(|c| {
            matches!(c.rule, Rule::RaceTaper | Rule::AfterRaceLight)
                // The race's own cards: by its id and date, or (after a race logged as a
                // run, whose card is named after the run) the after-race card.
                && (c
                    .id
                    .contains(&format!(":{}:{}", span.race_id, span.race_date))
                    || (c.rule == Rule::AfterRaceLight && span.race_date < today))
        });
        match race_card {
            Some(race_card) => race_card.why.push_str(&note),
            None => {
                // No race card to fold into (its rule is off): the card itself turns light.
                card.title = format!(
                    "Light flush or self-massage only until {}",
                    dates::short_day_near(shift(span.deep_from(), -1), today)
                );
                card.why = format!("{}{note}", card.why);
                card.kind = MassageKind::SelfMassage;
                card.deep = false;
                card.until = Some(span.to);
                cards.push(card);
            }
        }
        return;
    }
    // Not in a race's days today: keep the window clear of them (a merged card's is
    // already, and its title says so).
    let (from, until) = window(&card);
    let Some((from, until)) = clear_of(from.max(today), until, spans) else {
        // Every day it allowed is a race's: nothing deep to offer; the race's cards speak.
        return;
    };
    card.opens = (from > card.due).then_some(from);
    card.until = until;
    cards.push(card);
}

/// A window moved past, or cut before, every race's no-deep days; `None` when nothing
/// of it is left.
fn clear_of(
    mut from: NaiveDate,
    mut until: Option<NaiveDate>,
    spans: &[NoDeepSpan],
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    for span in spans {
        if span.contains(from) {
            from = span.deep_from();
        } else if from < span.from && until.is_none_or(|u| u >= span.from) {
            until = Some(shift(span.from, -1));
        }
    }
    until.is_none_or(|u| u >= from).then_some((from, until))
}
