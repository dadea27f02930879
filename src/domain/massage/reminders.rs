//! The reminder engine: when to massage, derived from the runner's runs, massages, races
//! and soreness. Pure and deterministic: the same journal and day give the same list.
//!
//! Every reminder has a stable id built from its rule and its cause (the run, massage or
//! race that started it), so a reminder marked done or dismissed stays so for that cause,
//! and a new cause makes a new reminder.

use crate::domain::advice::{evidence, HARD_RPE};
use crate::domain::history::week_start_of;
use crate::domain::input::dates;
use crate::domain::input::units::format_distance;
use crate::domain::load::{self, Progression};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::{Massage, MassageKind, Race};
use crate::domain::record::run::{Region, Run, RunKind};
use crate::domain::record::settings::{Unit, WeekStart};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Each rule can be switched off and its numbers changed in Settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReminderSettings {
    pub professional_on: bool,
    pub professional_every_days: u16,
    pub distance_on: bool,
    /// The distance rule counts in the runner's unit: 150 km or 100 mi by default.
    pub distance_every_km: u16,
    pub distance_every_mi: u16,
    pub hard_effort_on: bool,
    pub long_run_minutes: u16,
    /// A big session is this many tenths of the 28-day average session load (15 = 1.5×).
    pub big_session_tenths: u16,
    pub race_before_on: bool,
    /// Days before an A or B race to remind the runner to book the last deep massage.
    pub race_book_days_before: u16,
    pub race_after_on: bool,
    pub soreness_on: bool,
    pub sore_level: u8,
    pub physio_level: u8,
    pub spike_on: bool,
    /// ACWR above this many tenths is a load spike (15 = 1.5).
    pub spike_acwr_tenths: u16,
    pub spike_jump_percent: u16,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            professional_on: true,
            professional_every_days: 21,
            distance_on: true,
            distance_every_km: 150,
            distance_every_mi: 100,
            hard_effort_on: true,
            long_run_minutes: 90,
            big_session_tenths: 15,
            race_before_on: true,
            race_book_days_before: 10,
            race_after_on: true,
            soreness_on: true,
            sore_level: 4,
            physio_level: 7,
            spike_on: true,
            spike_acwr_tenths: 15,
            spike_jump_percent: 30,
        }
    }
}

impl ReminderSettings {
    /// Every number brought into the range Settings accepts, so a hand-edited backup (a
    /// sore level of 0, say) cannot make every region "sore".
    pub fn sanitized(self) -> ReminderSettings {
        ReminderSettings {
            professional_every_days: self.professional_every_days.clamp(7, 120),
            distance_every_km: self.distance_every_km.clamp(10, 2000),
            distance_every_mi: self.distance_every_mi.clamp(5, 1200),
            long_run_minutes: self.long_run_minutes.clamp(30, 600),
            big_session_tenths: self.big_session_tenths.clamp(11, 50),
            race_book_days_before: self.race_book_days_before.clamp(7, 30),
            sore_level: self.sore_level.clamp(1, 9),
            physio_level: self
                .physio_level
                .clamp(2, 10)
                .max(self.sore_level.clamp(1, 9) + 1),
            spike_acwr_tenths: self.spike_acwr_tenths.clamp(11, 30),
            spike_jump_percent: self.spike_jump_percent.clamp(10, 200),
            ..self
        }
    }

    /// The distance between massages, in metres, for the runner's unit.
    pub fn distance_every_m(&self, unit: Unit) -> u64 {
        match unit {
            Unit::Km => self.distance_every_km as u64 * 1000,
            Unit::Mi => (self.distance_every_mi as f64 * 1609.344).round() as u64,
        }
    }
}

/// What the runner did with a reminder. A reminder without a state is upcoming or due by
/// its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReminderState {
    Snoozed {
        #[serde(deserialize_with = "crate::domain::input::dates::deserialize")]
        until: NaiveDate,
    },
    Done {
        #[serde(deserialize_with = "crate::domain::input::dates::deserialize")]
        on: NaiveDate,
    },
    Dismissed {
        #[serde(deserialize_with = "crate::domain::input::dates::deserialize")]
        on: NaiveDate,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Upcoming,
    Due,
    Snoozed(NaiveDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
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
    /// Warnings and referrals are not massages: "done" logs nothing for them.
    pub fn suggests_massage(self) -> bool {
        !matches!(
            self,
            Rule::RaceTaper | Rule::RaceDeepWarning | Rule::SeePhysio
        )
    }

    /// Whether "done" means logging a massage now. Booking the pre-race massage is done
    /// when it is booked; the massage itself is logged when it happens.
    pub fn done_by_logging(self) -> bool {
        self.suggests_massage() && self != Rule::RaceBook
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reminder {
    pub id: String,
    pub rule: Rule,
    pub due: NaiveDate,
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
}

impl Reminder {
    pub fn is_due(&self) -> bool {
        self.status == Status::Due
    }
}

fn add(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(date)
}

fn region_words(regions: &[Region]) -> String {
    match regions {
        [] => "legs".into(),
        _ => crate::domain::advice::region_list(regions),
    }
}

/// A race that has happened: a race-type run, or a race on the calendar with no linked run.
struct RaceDay {
    cause: String,
    date: NaiveDate,
    name: String,
}

/// How long after a race its deep-massage window stays open.
const AFTER_RACE_DAYS: i64 = 10;

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
}

impl<'a> Facts<'a> {
    /// The journal's records up to `today`, oldest first, and its red flags.
    fn gather(journal: &'a Journal, today: NaiveDate) -> Facts<'a> {
        let mut runs: Vec<&Run> = journal.runs.iter().filter(|r| r.date <= today).collect();
        runs.sort_by(|a, b| {
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
        massages.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        let mut facts = Facts {
            today,
            settings: &journal.settings.reminders,
            unit: journal.settings.unit,
            week_start: journal.settings.week_start,
            runs,
            all_runs: &journal.runs,
            massages,
            races: &journal.races,
            red_flags: BTreeSet::new(),
        };
        // Safety, not a rule that can be switched off.
        facts.red_flags = red_flags(&facts);
        facts
    }
}

/// All reminders that are upcoming, due or snoozed on `today`, oldest due date first.
/// Done and dismissed ones, and those whose window has passed, are left out.
pub fn reminders(journal: &Journal, today: NaiveDate) -> Vec<Reminder> {
    let settings = &journal.settings.reminders;
    let facts = Facts::gather(journal, today);
    let mut list = Vec::new();
    if settings.soreness_on {
        soreness(&facts, &mut list);
    }
    if settings.professional_on {
        professional(&facts, &mut list);
    }
    if settings.distance_on {
        distance(&facts, &mut list);
    }
    // A recent pain red flag may be an acute injury: no recovery massage is suggested
    // until it has settled (the physiotherapist comes first).
    let pain_free = facts.red_flags.is_empty();
    if settings.hard_effort_on && pain_free {
        hard_efforts(&facts, &mut list);
    }
    if settings.race_before_on {
        before_races(&facts, &mut list);
    }
    if settings.race_after_on && pain_free {
        after_races(&facts, &mut list);
    }
    if settings.spike_on {
        load_spike(&facts, &mut list);
    }

    let mut seen = BTreeSet::new();
    let mut out: Vec<Reminder> = list
        .into_iter()
        .filter(|r| seen.insert(r.id.clone()))
        .filter(|r| r.until.is_none_or(|until| today <= until))
        .filter_map(|mut r| {
            r.status = match journal.reminder_states.get(&r.id) {
                Some(ReminderState::Done { .. } | ReminderState::Dismissed { .. }) => return None,
                Some(ReminderState::Snoozed { until }) if *until > today => Status::Snoozed(*until),
                _ if r.due <= today => Status::Due,
                _ => Status::Upcoming,
            };
            Some(r)
        })
        .collect();
    out.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then(a.rule.cmp(&b.rule))
            .then(a.id.cmp(&b.id))
    });
    out
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
        until: None,
        title,
        why,
        evidence,
        kind: MassageKind::SelfMassage,
        deep: false,
        regions: Vec::new(),
        status: Status::Upcoming,
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

/// The last three runs, those of them from the last 7 days: logs older than a week say
/// nothing about now.
fn last_three_logs<'a>(facts: &Facts<'a>) -> Vec<&'a Run> {
    let from = add(facts.today, -6);
    facts
        .runs
        .iter()
        .rev()
        .take(3)
        .copied()
        .filter(|run| run.date >= from)
        .collect()
}

/// Regions with a pain red flag on `today`: at the physiotherapist level in any of the
/// last three runs of the past 7 days. Nothing suggests massaging them.
pub fn red_flags_on(journal: &Journal, today: NaiveDate) -> BTreeSet<Region> {
    Facts::gather(journal, today).red_flags
}

/// Regions at the physiotherapist level in any of the last three logs.
fn red_flags(facts: &Facts) -> BTreeSet<Region> {
    last_three_logs(facts)
        .iter()
        .flat_map(|run| &run.soreness)
        .filter(|(_, level)| **level >= facts.settings.physio_level)
        .map(|(region, _)| *region)
        .collect()
}

fn soreness(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    let last_three = last_three_logs(facts);
    for region in Region::ALL {
        let levels: Vec<(u8, &Run)> = last_three
            .iter()
            .map(|run| (run.soreness.get(&region).copied().unwrap_or(0), *run))
            .collect();
        let highest = levels.iter().map(|(l, _)| *l).max().unwrap_or(0);
        let sore: Vec<&(u8, &Run)> = levels.iter().filter(|(l, _)| *l >= s.sore_level).collect();
        // The newest sore log is the cause: a later sore log is a new cause.
        let (Some((_, cause)), true) = (sore.first(), sore.len() >= 2) else {
            continue;
        };
        let readings: Vec<String> = sore
            .iter()
            .rev()
            .map(|(l, run)| format!("{l}/10 on {}", dates::short_day(run.date)))
            .collect();
        let readings = readings.join(" and ");
        let name = region.in_sentence();
        if highest >= s.physio_level {
            let mut r = reminder(
                Rule::SeePhysio,
                format!("physio:{}:{}", region.key(), cause.id),
                cause.date,
                format!("See a physiotherapist about your {name} — no massage there for now"),
                format!(
                    "You logged {name} soreness of {readings}, reaching {highest}/10 in your last three runs. Pain that strong and lasting needs a diagnosis, not massage."
                ),
                evidence::ACUTE_INJURY,
            );
            r.regions = vec![region];
            list.push(r);
        } else {
            if massaged_region_since(facts, region, cause.date) {
                continue;
            }
            let mut r = reminder(
                Rule::Soreness,
                format!("sore:{}:{}", region.key(), cause.id),
                cause.date,
                format!("Self-massage your {name}: a guided routine of a few minutes"),
                format!(
                    "Your {name} were sore in {} of your last 3 runs ({readings}).",
                    sore.len()
                ),
                evidence::FOAM_ROLLING,
            );
            r.regions = vec![region];
            list.push(r);
        }
    }
}

fn massaged_region_since(facts: &Facts, region: Region, from: NaiveDate) -> bool {
    facts
        .massages
        .iter()
        .any(|m| m.date >= from && m.regions.contains(&region))
}

fn professional(facts: &Facts, list: &mut Vec<Reminder>) {
    let every = facts.settings.professional_every_days as i64;
    let last = facts
        .massages
        .iter()
        .rev()
        .find(|m| m.kind == MassageKind::Professional);
    let (anchor, why) = match (last, facts.runs.first()) {
        (Some(m), _) => (
            m.date,
            format!(
                "Your last sports massage was on {}; you asked for one every {every} days.",
                dates::short_day(m.date)
            ),
        ),
        (None, Some(first)) => (
            first.date,
            format!(
                "No sports massage logged since your first run on {}; you asked for one every {every} days.",
                dates::short_day(first.date)
            ),
        ),
        (None, None) => return,
    };
    let why = if facts.red_flags.is_empty() {
        why
    } else {
        let flagged: Vec<Region> = facts.red_flags.iter().copied().collect();
        format!(
            "{why} Tell the therapist about your {}: no massage there until a physiotherapist has seen it.",
            region_words(&flagged)
        )
    };
    let mut r = reminder(
        Rule::Professional,
        format!("pro:{anchor}"),
        add(anchor, every),
        "Time for a regular sports massage".into(),
        why,
        evidence::BRUMMITT,
    );
    r.kind = MassageKind::Professional;
    r.deep = true;
    list.push(r);
}

fn distance(facts: &Facts, list: &mut Vec<Reminder>) {
    let every = facts.settings.distance_every_m(facts.unit);
    if every == 0 {
        return;
    }
    let last = facts.massages.last();
    let since = |run: &&&Run| last.is_none_or(|m| run.date > m.date);
    let mut total = 0u64;
    let Some(crossed) = facts.runs.iter().filter(since).find(|run| {
        total += run.distance_m as u64;
        total >= every
    }) else {
        return;
    };
    let total: u64 = facts
        .runs
        .iter()
        .filter(since)
        .map(|r| r.distance_m as u64)
        .sum();
    let from = match last {
        Some(m) => format!("since your last massage on {}", dates::short_day(m.date)),
        None => "since you started logging".into(),
    };
    let mut r = reminder(
        Rule::Distance,
        format!("distance:{}", last.map_or("start".into(), |m| m.id.clone())),
        crossed.date,
        "A massage of any kind is due for the distance you've run".into(),
        format!(
            "You have run {} {from}; you asked for a massage every {}.",
            format_distance(total, facts.unit),
            format_distance(every, facts.unit)
        ),
        evidence::POPPENDIECK,
    );
    r.regions = without_red_flags(facts, &[Region::Calves, Region::Quads, Region::Hamstrings]);
    list.push(r);
}

/// The 28-day average session load before `date` (the day itself excluded).
fn average_session_load(runs: &[&Run], date: NaiveDate) -> Option<f64> {
    let from = add(date, -28);
    let month: Vec<f64> = runs
        .iter()
        .filter(|r| r.date >= from && r.date < date)
        .map(|r| load::session_load(r))
        .collect();
    (!month.is_empty()).then(|| month.iter().sum::<f64>() / month.len() as f64)
}

fn hard_efforts(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    let from = add(facts.today, -3);
    for run in facts
        .runs
        .iter()
        .filter(|r| r.date >= from && r.kind != RunKind::Race)
    {
        let minutes = run.duration_s as f64 / 60.0;
        let distance = format_distance(run.distance_m as u64, facts.unit);
        let what = if minutes >= s.long_run_minutes as f64 {
            format!(
                "Your {minutes:.0}-minute run ({distance}) on {} was a long run (≥ {} minutes).",
                dates::short_day(run.date),
                s.long_run_minutes
            )
        } else {
            let Some(average) = average_session_load(&facts.runs, run.date) else {
                continue;
            };
            let load = load::session_load(run);
            let factor = s.big_session_tenths as f64 / 10.0;
            if average <= 0.0 || load < factor * average {
                continue;
            }
            format!(
                "Your run on {} had a load of {load:.0} (RPE {} × {minutes:.0} min), {:.1}× your 28-day average of {average:.0}.",
                dates::short_day(run.date),
                run.rpe,
                load / average
            )
        };
        let opens = add(run.date, 1);
        let closes = add(run.date, 3);
        if massaged_between(facts, run.date, closes, false) {
            continue;
        }
        let regions = without_red_flags(
            facts,
            &[
                Region::Calves,
                Region::Quads,
                Region::Hamstrings,
                Region::Glutes,
                Region::Feet,
            ],
        );
        let mut r = reminder(
            Rule::HardEffort,
            format!("hard:{}", run.id),
            opens,
            format!(
                "Recovery massage or self-massage between {} and {}",
                dates::short_day(opens),
                dates::short_day(closes)
            ),
            format!("{what} A massage 24–72 hours after a hard effort eases soreness most."),
            evidence::MASSAGE_TIMING,
        );
        r.until = Some(closes);
        r.regions = regions;
        if run.rpe >= HARD_RPE {
            r.kind = MassageKind::Professional;
        }
        list.push(r);
    }
}

fn before_races(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    for race in facts
        .races
        .iter()
        .filter(|r| r.priority.plans_massage() && r.date >= facts.today)
    {
        let window_opens = add(race.date, -7);
        let window_closes = add(race.date, -4);
        let taper_from = add(race.date, -2);
        if !massaged_between(facts, window_opens, window_closes, true) {
            let mut r = reminder(
                Rule::RaceBook,
                format!("race-book:{}:{}", race.id, race.date),
                add(race.date, -(s.race_book_days_before as i64)),
                format!(
                    "Book your last deep massage for {}–{}, before {}",
                    dates::short_day(window_opens),
                    dates::short_day(window_closes),
                    race.name
                ),
                format!(
                    "{} ({}, priority {}) is on {}. A deep massage leaves muscles tender for a day or two, so the last one belongs 4–7 days before the race.",
                    race.name,
                    format_distance(race.distance_m as u64, facts.unit),
                    race.priority.key(),
                    dates::short_day(race.date)
                ),
                evidence::BRUMMITT,
            );
            r.until = Some(window_closes);
            r.kind = MassageKind::Professional;
            r.deep = true;
            r.regions = without_red_flags(
                facts,
                &[
                    Region::Calves,
                    Region::Quads,
                    Region::Hamstrings,
                    Region::Glutes,
                ],
            );
            list.push(r);
        }
        list.push(reminder(
            Rule::RaceTaper,
            format!("race-taper:{}:{}", race.id, race.date),
            add(race.date, -3),
            format!("Light flush only from {} until {}", dates::short_day(taper_from), race.name),
            format!(
                "{} is on {}: no deep massage in the 48 hours before it. A light flush or easy foam rolling is fine.",
                race.name,
                dates::short_day(race.date)
            ),
            evidence::BRUMMITT,
        ));
        for massage in facts
            .massages
            .iter()
            .filter(|m| m.deep && m.date >= taper_from && m.date <= race.date)
        {
            let mut r = reminder(
                Rule::RaceDeepWarning,
                format!("race-deep:{}:{}:{}", race.id, race.date, massage.id),
                massage.date,
                format!("A deep massage this close to {} can leave your legs heavy", race.name),
                format!(
                    "You logged a deep {} on {}, within 48 hours of {} on {}. Keep any more work light, and expect some tenderness on race day.",
                    massage.kind.in_sentence(),
                    dates::short_day(massage.date),
                    race.name,
                    dates::short_day(race.date)
                ),
                evidence::BRUMMITT,
            );
            r.until = Some(race.date);
            list.push(r);
        }
    }
}

/// Races of the last `AFTER_RACE_DAYS` days: older ones have no open window.
fn race_days(facts: &Facts) -> Vec<RaceDay> {
    let from = add(facts.today, -AFTER_RACE_DAYS);
    let linked: BTreeSet<&str> = facts
        .runs
        .iter()
        .filter_map(|r| r.race_id.as_deref())
        .collect();
    // A race-type run on a calendar race's day is that race, linked or not.
    let raced_on: BTreeSet<NaiveDate> = facts
        .runs
        .iter()
        .filter(|r| r.kind == RunKind::Race)
        .map(|r| r.date)
        .collect();
    let on_the_day = |run: &Run| {
        facts
            .races
            .iter()
            .find(|race| race.date == run.date)
            .filter(|_| run.race_id.is_none())
    };
    let mut days: Vec<RaceDay> = facts
        .runs
        .iter()
        .filter(|r| r.kind == RunKind::Race && r.date >= from)
        .map(|run| RaceDay {
            cause: format!("run:{}", run.id),
            date: run.date,
            name: run
                .race_id
                .as_deref()
                .and_then(|id| facts.races.iter().find(|race| race.id == id))
                .or_else(|| on_the_day(run))
                .map_or_else(
                    || {
                        format!(
                            "your race ({})",
                            format_distance(run.distance_m as u64, facts.unit)
                        )
                    },
                    |race| race.name.clone(),
                ),
        })
        .collect();
    days.extend(
        facts
            .races
            .iter()
            .filter(|race| {
                race.date >= from
                    && race.date <= facts.today
                    && !linked.contains(race.id.as_str())
                    && !raced_on.contains(&race.date)
            })
            .map(|race| RaceDay {
                cause: format!("race:{}:{}", race.id, race.date),
                date: race.date,
                name: race.name.clone(),
            }),
    );
    days
}

fn after_races(facts: &Facts, list: &mut Vec<Reminder>) {
    let regions = without_red_flags(
        facts,
        &[
            Region::Calves,
            Region::Quads,
            Region::Hamstrings,
            Region::Glutes,
        ],
    );
    for race in race_days(facts) {
        let light_from = add(race.date, 1);
        let light_until = add(race.date, 2);
        if !massaged_between(facts, light_from, light_until, false) {
            let mut r = reminder(
                Rule::AfterRaceLight,
                format!("after-race-light:{}", race.cause),
                light_from,
                "Light recovery massage or easy self-massage".into(),
                format!(
                    "{} was on {}. From the next day a light massage helps; nothing deep yet.",
                    capitalise(&race.name),
                    dates::short_day(race.date)
                ),
                evidence::MASSAGE_TIMING,
            );
            r.until = Some(light_until);
            r.regions = regions.clone();
            list.push(r);
        }
        let deep_from = add(race.date, 3);
        let deep_until = add(race.date, AFTER_RACE_DAYS);
        if !massaged_between(facts, deep_from, deep_until, true) {
            let mut r = reminder(
                Rule::AfterRaceDeep,
                format!("after-race-deep:{}", race.cause),
                deep_from,
                format!("Deep massage is fine from {}", dates::short_day(deep_from)),
                format!(
                    "{} was on {}. Deep work is best left until day 3, and only once your legs are no longer sore to the touch.",
                    capitalise(&race.name),
                    dates::short_day(race.date)
                ),
                evidence::MASSAGE_TIMING,
            );
            r.until = Some(deep_until);
            r.kind = MassageKind::Professional;
            r.deep = true;
            r.regions = regions.clone();
            list.push(r);
        }
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

fn load_spike(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    let runs = facts.all_runs;
    let history_days = facts
        .runs
        .first()
        .map_or(0, |first| (facts.today - first.date).num_days() + 1);
    let acwr = (history_days >= load::BASELINE_DAYS)
        .then(|| load::acwr_on(runs, facts.today))
        .flatten();
    let two_weeks: Progression = load::two_week_progression(runs, facts.today);
    let limit = s.spike_acwr_tenths as f64 / 10.0;
    let jump = two_weeks.earlier_m >= load::DISTANCE_JUMP_MIN_EARLIER_M
        && two_weeks.recent_m * 100 > two_weeks.earlier_m * (100 + s.spike_jump_percent as u64);
    let mut why = Vec::new();
    if let Some(acwr) = acwr.filter(|a| *a > limit) {
        why.push(format!(
            "your 7-day load is {acwr:.2}× your 28-day load (above {limit:.1})"
        ));
    }
    if jump {
        why.push(format!(
            "you ran {} in the last 14 days against {} in the 14 before (more than +{} %)",
            format_distance(two_weeks.recent_m, facts.unit),
            format_distance(two_weeks.earlier_m, facts.unit),
            s.spike_jump_percent
        ));
    }
    if why.is_empty() {
        return;
    }
    let regions = without_red_flags(facts, &[Region::Calves, Region::Feet, Region::Shins]);
    if regions.is_empty() {
        return;
    }
    let week = week_start_of(facts.today, facts.week_start);
    let mut r = reminder(
        Rule::LoadSpike,
        format!("spike:{week}"),
        facts.today,
        format!(
            "Load spike: self-massage your {} and keep the next days easy",
            region_words(&regions)
        ),
        format!("{}.", capitalise(&why.join("; "))),
        evidence::PROGRESSION,
    );
    r.until = Some(facts.today);
    r.regions = regions;
    list.push(r);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::envelope;
    use crate::domain::record::massage::Priority;
    use proptest::prelude::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn journal(runs: Vec<Run>) -> Journal {
        Journal {
            runs,
            ..Journal::default()
        }
    }

    /// Only the named rule switched on, so each test reads one rule.
    fn only(journal: &mut Journal, rule: fn(&mut ReminderSettings)) {
        let s = &mut journal.settings.reminders;
        s.professional_on = false;
        s.distance_on = false;
        s.hard_effort_on = false;
        s.race_before_on = false;
        s.race_after_on = false;
        s.soreness_on = false;
        s.spike_on = false;
        rule(s);
    }

    fn ids(list: &[Reminder]) -> Vec<&str> {
        list.iter().map(|r| r.id.as_str()).collect()
    }

    fn sore(mut run: Run, levels: &[(Region, u8)]) -> Run {
        run.soreness = levels.iter().copied().collect();
        run
    }

    fn race_run(mut run: Run) -> Run {
        run.kind = RunKind::Race;
        run
    }

    fn valencia(date: &str, priority: Priority) -> Race {
        Race {
            id: "valencia".into(),
            name: "Valencia Marathon".into(),
            date: d(date),
            distance_m: 42_195,
            priority,
            goal_s: None,
            updated_ms: 0,
        }
    }

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
        assert_eq!(ids(&list), ["pro:2026-11-01"]);
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
        assert_eq!(ids(&list), ["distance:start"]);
        // Crossed 150 km with the tenth run, on 19 Nov.
        assert_eq!(list[0].due, d("2026-11-19"));
        assert_eq!(
            list[0].why,
            "You have run 160.00 km since you started logging; you asked for a massage every 150.00 km."
        );

        // 100 mi = 160.934 km: 160 km is not yet there, 176 km is.
        j.settings.unit = Unit::Mi;
        assert!(reminders(&j, d("2026-11-27")).is_empty());
        j.runs = runs.clone();
        let list = reminders(&j, d("2026-11-27"));
        assert_eq!(list[0].due, d("2026-11-21"));
        // 176 000 m / 1609.344 = 109.36 mi; 160 934 m back to miles is 100.00.
        assert!(list[0].why.contains("109.36 mi"), "{}", list[0].why);
        assert!(list[0].why.contains("every 100.00 mi"), "{}", list[0].why);

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
        assert_eq!(
            ids(&list),
            [
                "race-book:valencia:2026-12-06",
                "race-taper:valencia:2026-12-06"
            ]
        );
        assert_eq!(list[0].status, Status::Upcoming);
        assert_eq!(list[0].due, d("2026-11-26"));
        assert_eq!(
            list[0].title,
            "Book your last deep massage for Sun 29 Nov–Wed 2 Dec, before Valencia Marathon"
        );
        assert_eq!(reminders(&j, d("2026-11-26"))[0].status, Status::Due);
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
        assert_eq!(ids(&list), [light.as_str(), deep.as_str()]);
        assert_eq!(list[0].status, Status::Due);
        assert_eq!(list[1].status, Status::Upcoming);
        assert_eq!(list[1].due, d("2026-11-25"));
        assert!(list[1].why.contains("no longer sore to the touch"));
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
        // and there is one pair only, named after the race.
        j.runs.push(race_run(Run::sample("2026-11-22", 200, 9, 42)));
        let list = on(&j, "2026-11-23");
        assert_eq!(list.len(), 2);
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
            ReminderState::Dismissed {
                on: d("2026-11-20"),
            },
        );
        assert_eq!(
            reminders(&moved, d("2026-12-10"))[0].id,
            "race-book:valencia:2026-12-20"
        );
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
        // Also with the soreness rule switched off: the red flag is safety, not a rule.
        j.settings.reminders.soreness_on = false;
        assert!(reminders(&j, d("2026-11-27")).is_empty());
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
        assert_eq!(list[0].regions, [Region::Feet, Region::Shins]);
        assert_eq!(
            list[0].title,
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
        runs.extend(
            ["2026-11-14", "2026-11-20", "2026-11-26"].map(|day| Run::sample(day, 60, 4, 10)),
        );
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
                .contains("30.00 km in the last 14 days against 20.00 km"),
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
            ReminderState::Snoozed {
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
            ReminderState::Done {
                on: d("2026-11-27"),
            },
            ReminderState::Dismissed {
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
                run.date = d("2026-08-01") + chrono::Days::new(day as u64);
                run.distance_m = metres;
                run.kind = RunKind::ALL[kind as usize];
                run.soreness = sore.into_iter().map(|(r, l)| (Region::ALL[r], l)).collect();
                run
            });
        let massage = (0u32..130, 0usize..4, any::<bool>()).prop_map(|(day, kind, deep)| {
            let mut m = Massage::sample("2026-08-01", MassageKind::ALL[kind], deep);
            m.id = format!("m{day}-{kind}");
            m.date = d("2026-08-01") + chrono::Days::new(day as u64);
            m
        });
        let race = (0u32..150, 0usize..3).prop_map(|(day, priority)| Race {
            id: format!("race{day}"),
            name: "Race".into(),
            date: d("2026-08-01") + chrono::Days::new(day as u64),
            distance_m: 10_000,
            priority: Priority::ALL[priority],
            goal_s: None,
            updated_ms: 0,
        });
        (
            proptest::collection::vec(run, 0..60),
            proptest::collection::vec(massage, 0..10),
            proptest::collection::vec(race, 0..4),
            0u32..140,
        )
            .prop_map(|(runs, massages, races, today)| {
                let mut j = journal(runs);
                j.massages = massages;
                j.races = races;
                (j, today)
            })
    }

    proptest! {
        #[test]
        fn the_engine_is_deterministic_and_every_reminder_explains_itself((j, today) in arbitrary_journal()) {
            let today = d("2026-08-01") + chrono::Days::new(today as u64);
            let first = reminders(&j, today);
            prop_assert_eq!(&first, &reminders(&j, today));
            let mut seen = BTreeSet::new();
            for r in &first {
                prop_assert!(seen.insert(r.id.clone()), "duplicate id {}", r.id);
                prop_assert!(!r.why.is_empty() && !r.title.is_empty() && !r.evidence.is_empty());
                prop_assert!(r.until.is_none_or(|until| today <= until));
                prop_assert_eq!(r.status == Status::Due, r.due <= today);
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
    }
}
