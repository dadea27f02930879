//! The reminder engine: when to massage, derived from the runner's runs, massages, races
//! and soreness. Pure and deterministic: the same journal and day give the same list.
//!
//! Every reminder has a stable id built from its rule and its cause (the run, massage or
//! race that started it), so a reminder marked done or dismissed stays so for that cause,
//! and a new cause makes a new reminder. The numbers each rule uses are in `rulebook`.

mod after_race; // light then deep massage after a race
mod before_race; // book the last deep massage; nothing deep in the final days
mod distance; // a massage every so many kilometres or miles
mod hard_effort; // a recovery massage 24–72 h after a long run or a big session
mod last_massage; // asks once for the last sports massage when none is logged
pub use before_race::race_book_id;
pub use last_massage::remembered_massage;
mod load_spike; // calves, feet and shins during a load spike
mod plan; // one sports massage for all its causes; race constraints beat intervals; order
mod professional; // a regular sports massage
mod soreness; // persistent soreness: a routine, or a physiotherapist at the red-flag level
#[cfg(test)]
mod tests;

use crate::domain::input::booking_draft::BookingDraft;
use crate::domain::input::massage_draft::MassageDraft;
use crate::domain::order;
use crate::domain::record::booking::Booking;
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::{Massage, MassageKind};
use crate::domain::record::physio_visit::seen_by_physio;
use crate::domain::record::race::Race;
use crate::domain::record::region::Region;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::reminder_settings::ReminderSettings;
use crate::domain::record::run::Run;
use crate::domain::record::settings::{Unit, WeekStart};
use crate::domain::rulebook::durations::{
    PROFESSIONAL_SESSION_MINUTES, SELF_MASSAGE_SESSION_MINUTES,
};
use crate::domain::rulebook::pain;
use crate::domain::text::dates;
use chrono::NaiveDate;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Upcoming,
    Due,
    Snoozed(NaiveDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// A question, asked once: when was the last sports massage (none is logged)?
    AskLastMassage,
    /// The sports massage the runner booked: it answers every massage cause until its day.
    Booked,
    /// One appointment with a sports massage therapist answering every cause that asks
    /// for one (`plan.rs`): the regular interval, the distance, a hard effort, a race.
    SportsMassage,
    Professional,
    Distance,
    HardEffort,
    RaceBook,
    RaceTaper,
    RaceDeepWarning,
    AfterRaceLight,
    AfterRaceDeep,
    Soreness,
    SeePhysio,
    LoadSpike,
}

impl Rule {
    /// The label of the card's "done" button.
    pub fn done_label(self) -> &'static str {
        match self {
            _ if self.done_by_logging() => "Done — log it",
            Rule::RaceBook => "Booked",
            _ => "Got it",
        }
    }

    /// Warnings, referrals and questions are not massages: "done" logs nothing for them.
    pub fn suggests_massage(self) -> bool {
        !matches!(
            self,
            Rule::RaceTaper | Rule::RaceDeepWarning | Rule::SeePhysio | Rule::AskLastMassage
        )
    }

    /// Whether "done" means logging a massage now. Booking the pre-race massage is done
    /// when it is booked; the massage itself is logged when it happens.
    pub fn done_by_logging(self) -> bool {
        self.suggests_massage() && self != Rule::RaceBook
    }

    /// Whether the card asks for an appointment that can be booked with a date.
    pub fn can_be_booked(self) -> bool {
        matches!(
            self,
            Rule::SportsMassage | Rule::Professional | Rule::RaceBook
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reminder {
    pub id: String,
    pub rule: Rule,
    pub due: NaiveDate,
    /// For a reminder to book ahead: the first day the massage itself belongs, when later
    /// than `due` (the last deep massage before a race is booked days before its window).
    pub opens: Option<NaiveDate>,
    /// The last day the reminder makes sense; after it, it lapses.
    pub until: Option<NaiveDate>,
    pub title: String,
    /// The runner's own numbers that started it.
    pub why: String,
    pub evidence: &'static str,
    /// For "done": the massage to pre-fill.
    pub kind: MassageKind,
    pub deep: bool,
    pub regions: Vec<Region>,
    pub status: Status,
    /// For a cause of a sports massage: the cause in a few words ("22 days since your last
    /// sports massage (Sun 11 Oct)"), listed on the one card that answers them all.
    pub cause: String,
    /// The ids of the other reminders this card answers: what the runner does with the
    /// card (done, snoozed, dismissed) is done with each of them.
    pub covers: Vec<String>,
    /// The rules of the reminders it answers.
    pub covers_rules: Vec<Rule>,
}

impl Reminder {
    pub fn is_due(&self) -> bool {
        self.status == Status::Due
    }

    /// Whether this card answers `rule`: its own, or one of the reminders it covers.
    pub fn answers(&self, rule: Rule) -> bool {
        self.rule == rule || self.covers_rules.contains(&rule)
    }

    /// Every reminder id a decision on this card applies to: its own and those it covers.
    pub fn answered_ids(&self) -> Vec<String> {
        std::iter::once(self.id.clone())
            .chain(self.covers.iter().cloned())
            .collect()
    }

    /// Where the reminder stands, in the card's words: "Due — until Fri 27 Nov".
    pub fn status_words(&self) -> String {
        let day = dates::short_day;
        match self.status {
            Status::Due => match self.until {
                Some(until) => format!("Due — until {}", day(until)),
                None => "Due".into(),
            },
            Status::Upcoming if self.rule == Rule::Booked => "Booked".into(),
            Status::Upcoming => format!("From {}", day(self.due)),
            Status::Snoozed(until) => format!("Snoozed until {}", day(until)),
        }
    }

    /// The "Booked" form for a card that asks for an appointment: its window's first day
    /// (never before today) and the depth it suggests.
    pub fn booking_draft(&self, today: NaiveDate) -> BookingDraft {
        BookingDraft {
            date: dates::iso(self.opens.unwrap_or(self.due).max(today)),
            time: String::new(),
            deep: self.deep,
        }
    }

    /// The massage log that "Done — log it" opens, filled in as the reminder suggests.
    pub fn massage_draft(&self, today: NaiveDate) -> MassageDraft {
        let minutes = match self.kind {
            MassageKind::Professional => PROFESSIONAL_SESSION_MINUTES,
            _ => SELF_MASSAGE_SESSION_MINUTES,
        };
        MassageDraft::suggested(today, self.kind, self.deep, &self.regions, minutes)
    }
}

/// Everything the rules read, gathered once.
struct Facts<'a> {
    today: NaiveDate,
    settings: &'a ReminderSettings,
    unit: Unit,
    week_start: WeekStart,
    runs: Vec<&'a Run>,
    /// The journal's runs as stored, for the load model (it skips runs after today).
    all_runs: &'a [Run],
    massages: Vec<&'a Massage>,
    races: &'a [Race],
    /// Regions with a pain red flag: never suggested for massage.
    red_flags: BTreeSet<Region>,
    /// The latest runs the soreness rules read, newest first (`pain::latest_logs`).
    latest_logs: Vec<&'a Run>,
    /// The sports massage the runner booked, while it stands.
    booking: Option<Booking>,
}

impl<'a> Facts<'a> {
    /// The journal's records up to `today`, oldest first, and its red flags.
    fn gather(journal: &'a Journal, today: NaiveDate) -> Facts<'a> {
        let mut runs: Vec<&Run> = journal.runs.iter().filter(|r| r.date <= today).collect();
        order::sort_by(&mut runs, |a, b| {
            a.date
                .cmp(&b.date)
                .then(a.start_time.cmp(&b.start_time))
                .then(a.id.cmp(&b.id))
        });
        let mut massages: Vec<&Massage> = journal
            .massages
            .iter()
            .filter(|m| m.date <= today)
            .collect();
        order::sort_by(&mut massages, |a, b| {
            a.date.cmp(&b.date).then(a.id.cmp(&b.id))
        });
        // Safety, not a rule that can be switched off.
        let red_flags = red_flags_on(journal, today);
        Facts {
            today,
            settings: &journal.settings.reminders,
            unit: journal.settings.unit,
            week_start: journal.settings.week_start,
            runs,
            all_runs: &journal.runs,
            massages,
            races: &journal.races,
            red_flags,
            latest_logs: pain::latest_logs(&journal.runs, today),
            booking: journal
                .booking
                .filter(|b| b.stands(today, journal.massages.iter().map(|m| m.date))),
        }
    }
}

/// All reminders that are upcoming, due or snoozed on `today`: warnings first, then the
/// massage plan, then self-massage, each group oldest due date first. Done and dismissed
/// ones, and those whose window has passed, are left out.
pub fn reminders(journal: &Journal, today: NaiveDate) -> Vec<Reminder> {
    let settings = &journal.settings.reminders;
    let facts = Facts::gather(journal, today);
    let mut list = Vec::new();
    // Red flags are safety, not a rule that can be switched off: their card always shows.
    soreness::soreness(&facts, &mut list);
    last_massage::ask_last_massage(&facts, &mut list);
    if settings.professional_on {
        professional::professional(&facts, &mut list);
    }
    if settings.distance_on {
        distance::distance(&facts, &mut list);
    }
    // A recent pain red flag may be an acute injury: no recovery massage is suggested
    // until it has settled (the physiotherapist comes first).
    let pain_free = facts.red_flags.is_empty();
    if settings.hard_effort_on && pain_free {
        hard_effort::hard_efforts(&facts, &mut list);
    }
    if settings.race_before_on {
        before_race::before_races(&facts, &mut list);
    }
    if settings.race_after_on && pain_free {
        after_race::after_races(&facts, &mut list);
    }
    if settings.spike_on {
        load_spike::load_spike(&facts, &mut list);
    }

    let mut seen = BTreeSet::new();
    let out: Vec<Reminder> = list
        .into_iter()
        .filter(|r| seen.insert(r.id.clone()))
        .filter(|r| r.until.is_none_or(|until| today <= until))
        .filter_map(|mut r| {
            r.status = match journal.reminder_states.get(&r.id) {
                Some(ReminderDecision::Done { .. } | ReminderDecision::Dismissed { .. }) => {
                    return None
                }
                Some(ReminderDecision::Snoozed { until }) if *until > today => {
                    Status::Snoozed(*until)
                }
                _ if r.due <= today => Status::Due,
                _ => Status::Upcoming,
            };
            Some(r)
        })
        .collect();
    plan::reconcile(out, &facts)
}

/// Due reminders only: what Today and the tab's count show.
pub fn due(reminders: &[Reminder]) -> Vec<&Reminder> {
    reminders.iter().filter(|r| r.is_due()).collect()
}

fn reminder(
    rule: Rule,
    id: String,
    due: NaiveDate,
    title: String,
    why: String,
    evidence: &'static str,
) -> Reminder {
    Reminder {
        id,
        rule,
        due,
        opens: None,
        until: None,
        title,
        why,
        evidence,
        kind: MassageKind::SelfMassage,
        deep: false,
        regions: Vec::new(),
        status: Status::Upcoming,
        cause: String::new(),
        covers: Vec::new(),
        covers_rules: Vec::new(),
    }
}

/// Regions with a pain red flag are never suggested for massage.
fn without_red_flags(facts: &Facts, regions: &[Region]) -> Vec<Region> {
    regions
        .iter()
        .copied()
        .filter(|r| !facts.red_flags.contains(r))
        .collect()
}

fn massaged_between(facts: &Facts, from: NaiveDate, to: NaiveDate, deep_only: bool) -> bool {
    facts
        .massages
        .iter()
        .any(|m| m.date >= from && m.date <= to && (!deep_only || m.deep))
}

/// Regions with a pain red flag on `today` for this journal's runner (`rulebook::pain`).
pub fn red_flags_on(journal: &Journal, today: NaiveDate) -> BTreeSet<Region> {
    order::set_of(
        pain::red_flags(
            &journal.runs,
            today,
            journal.settings.reminders.physio_level,
            &seen_by_physio(&journal.physio_visits, today),
        )
        .into_keys(),
    )
}

/// What a card that books a therapist adds when a region has a red flag; none without one.
fn therapist_note(facts: &Facts) -> Option<String> {
    let flagged: Vec<Region> = facts.red_flags.iter().copied().collect();
    (!flagged.is_empty()).then(|| {
        format!(
            " Tell your therapist about your {}: no work there until a physiotherapist has seen it.",
            Region::list_in_sentence(&flagged)
        )
    })
}

/// The regions of several cards, once each, in `Region` order.
fn regions_of(cards: &[Reminder]) -> Vec<Region> {
    let mut regions: Vec<Region> = cards
        .iter()
        .flat_map(|c| c.regions.iter().copied())
        .collect();
    order::sort_by(&mut regions, Ord::cmp);
    regions.dedup();
    regions
}

/// "calves and quads", or "legs" for none.
fn region_words(regions: &[Region]) -> String {
    match regions {
        [] => "legs".into(),
        _ => Region::list_in_sentence(regions),
    }
}

/// The text with an ASCII first letter made a capital, for a sentence that starts with it.
/// Other first letters (a race named "écotrail") stay as the runner wrote them: Unicode's
/// case tables would add about 10 KB to the download for that.
fn capitalise(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}
