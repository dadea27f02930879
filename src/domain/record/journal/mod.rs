//! The runner's journal: runs, massages, races and what was done with reminders, with
//! the operations the UI performs on it. Each operation is a plain function of the
//! journal so it is tested natively.
//!
//! Every record carries the time it was last saved (`updated_ms`) and every deletion
//! leaves a tombstone, so two copies of the journal (two tabs) merge record by record:
//! the newer save wins, and a deletion newer than the record's last save removes it.

use crate::domain::record::booking::Booking;
use crate::domain::record::massage::Massage;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::race::Race;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use serde::Serialize;
use std::collections::BTreeMap;

/// Tombstones are dropped this long after the deletion: by then every open tab has
/// long since merged it.
pub const TOMBSTONE_MS: u64 = 90 * 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    pub settings: Settings,
    pub runs: Vec<Run>,
    pub massages: Vec<Massage>,
    pub races: Vec<Race>,
    /// What the runner did with each reminder, by reminder id.
    pub reminder_states: BTreeMap<String, ReminderDecision>,
    /// Deleted records by `Record::key` ("run:<id>"), with the time of the deletion.
    pub deleted: BTreeMap<String, u64>,
    /// When the settings last changed, so two tabs agree on whose settings are newer.
    pub settings_ms: u64,
    /// The sports massage the runner booked, if any (cancelled ones are kept, marked).
    pub booking: Option<Booking>,
    /// Physiotherapist visits: each clears its regions' red flags until a new high score.
    pub physio_visits: Vec<PhysioVisit>,
}

/// A removed record and where it was, so Undo puts it back in place.
#[derive(Clone, Debug, PartialEq)]
pub enum Deleted {
    Run {
        index: usize,
        run: Run,
    },
    Massage {
        index: usize,
        massage: Massage,
    },
    Race {
        index: usize,
        race: Race,
        /// The runs that were this race, unlinked by the delete.
        linked_runs: Vec<String>,
    },
}

impl Deleted {
    /// What Undo says it brought back.
    pub fn restored_message(&self) -> &'static str {
        match self {
            Deleted::Run { .. } => "Run restored.",
            Deleted::Massage { .. } => "Massage restored.",
            Deleted::Race { .. } => "Race restored.",
        }
    }
}

/// Records kept in a list by id.
trait Record: Clone {
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn updated_ms(&self) -> u64;
    fn touch(&mut self, now_ms: u64);
    /// The tombstone key of a record.
    fn key(&self) -> String {
        format!("{}:{}", Self::KIND, self.id())
    }
}

macro_rules! record {
    ($type:ty, $kind:literal) => {
        impl Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_ms(&self) -> u64 {
                self.updated_ms
            }
            fn touch(&mut self, now_ms: u64) {
                self.updated_ms = now_ms;
            }
        }
    };
}

record!(Run, "run");
record!(Massage, "massage");
record!(Race, "race");
record!(PhysioVisit, "physio");

/// Saves a record at `now_ms`, replacing the one with the same id or adding it.
fn upsert<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut BTreeMap<String, u64>,
    mut record: T,
    now_ms: u64,
) {
    record.touch(now_ms);
    deleted.remove(&record.key());
    match list.iter_mut().find(|r| r.id() == record.id()) {
        Some(slot) => *slot = record,
        None => list.push(record),
    }
}

fn remove<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut BTreeMap<String, u64>,
    id: &str,
    now_ms: u64,
) -> Option<(usize, T)> {
    let index = list.iter().position(|r| r.id() == id)?;
    let record = list.remove(index);
    deleted.insert(record.key(), now_ms);
    deleted.retain(|_, at| now_ms.saturating_sub(*at) < TOMBSTONE_MS);
    Some((index, record))
}

/// Puts a removed record back at its place, unless its id is back already. It is saved
/// anew at `now_ms`, so it also wins over the tombstone another tab may have merged.
fn put_back<T: Record>(
    list: &mut Vec<T>,
    deleted: &mut BTreeMap<String, u64>,
    index: usize,
    mut record: T,
    now_ms: u64,
) {
    deleted.remove(&record.key());
    if list.iter().all(|r| r.id() != record.id()) {
        record.touch(now_ms);
        list.insert(index.min(list.len()), record);
    }
}

/// Theirs and ours record by record: a record only one side has is kept unless the
/// other side deleted it after its last save; for a record both have, the newer save
/// wins. The result is in id order and does not depend on which side is "theirs", so two
/// tabs that merge each other's copies arrive at the same text and stop writing.
fn merge_records<T: Record + Serialize>(
    theirs: &[T],
    ours: &[T],
    deleted: &BTreeMap<String, u64>,
) -> Vec<T> {
    // The winning copy of each id, by its index in `all`: the map's types are the same
    // for every kind of record, so its code is not repeated per kind.
    let all: Vec<&T> = theirs.iter().chain(ours).collect();
    let mut winners: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, record) in all.iter().enumerate() {
        let winner = winners.entry(record.id()).or_insert(index);
        if all.get(*winner).is_some_and(|kept| newer(*record, *kept)) {
            *winner = index;
        }
    }
    winners
        .into_values()
        .filter_map(|index| all.get(index).copied())
        .filter(|r| deleted.get(&r.key()).is_none_or(|at| *at < r.updated_ms()))
        .cloned()
        .collect()
}

fn newer<T: Record + Serialize>(a: &T, b: &T) -> bool {
    match a.updated_ms().cmp(&b.updated_ms()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            serde_json::to_string(a).unwrap_or_default()
                > serde_json::to_string(b).unwrap_or_default()
        }
    }
}

/// Of two states of one reminder, the one both tabs keep: done or dismissed over snoozed,
/// then the later date.
fn stronger(a: ReminderDecision, b: ReminderDecision) -> ReminderDecision {
    let rank = |s: &ReminderDecision| match s {
        ReminderDecision::Snoozed { until } => (0, *until),
        ReminderDecision::Dismissed { on } => (1, *on),
        ReminderDecision::Done { on } => (1, *on),
    };
    match rank(&a).cmp(&rank(&b)) {
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Greater => a,
        // Done and dismissed on the same day: done.
        std::cmp::Ordering::Equal => {
            if matches!(a, ReminderDecision::Done { .. }) {
                a
            } else {
                b
            }
        }
    }
}

impl Journal {
    pub fn run(&self, id: &str) -> Option<&Run> {
        self.runs.iter().find(|r| r.id == id)
    }

    pub fn massage(&self, id: &str) -> Option<&Massage> {
        self.massages.iter().find(|m| m.id == id)
    }

    pub fn race(&self, id: &str) -> Option<&Race> {
        self.races.iter().find(|r| r.id == id)
    }

    /// Adds a new run or replaces the stored run with the same id.
    pub fn save_run(&mut self, run: Run, now_ms: u64) {
        upsert(&mut self.runs, &mut self.deleted, run, now_ms);
    }

    pub fn save_massage(&mut self, massage: Massage, now_ms: u64) {
        upsert(&mut self.massages, &mut self.deleted, massage, now_ms);
    }

    pub fn save_race(&mut self, race: Race, now_ms: u64) {
        upsert(&mut self.races, &mut self.deleted, race, now_ms);
    }

    pub fn save_physio_visit(&mut self, visit: PhysioVisit, now_ms: u64) {
        upsert(&mut self.physio_visits, &mut self.deleted, visit, now_ms);
    }

    pub fn delete_run(&mut self, id: &str, now_ms: u64) -> Option<Deleted> {
        remove(&mut self.runs, &mut self.deleted, id, now_ms)
            .map(|(index, run)| Deleted::Run { index, run })
    }

    pub fn delete_massage(&mut self, id: &str, now_ms: u64) -> Option<Deleted> {
        remove(&mut self.massages, &mut self.deleted, id, now_ms)
            .map(|(index, massage)| Deleted::Massage { index, massage })
    }

    /// Deleting a race also unlinks the runs that were it (Undo links them again).
    pub fn delete_race(&mut self, id: &str, now_ms: u64) -> Option<Deleted> {
        let (index, race) = remove(&mut self.races, &mut self.deleted, id, now_ms)?;
        let mut linked_runs = Vec::new();
        for run in self
            .runs
            .iter_mut()
            .filter(|r| r.race_id.as_deref() == Some(id))
        {
            run.race_id = None;
            run.updated_ms = now_ms;
            linked_runs.push(run.id.clone());
        }
        Some(Deleted::Race {
            index,
            race,
            linked_runs,
        })
    }

    /// Changes the settings, noting when.
    pub fn change_settings(&mut self, now_ms: u64, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
        self.settings_ms = now_ms;
    }

    /// Undo of a delete: puts the record back where it was.
    pub fn restore(&mut self, deleted: Deleted, now_ms: u64) {
        let tombstones = &mut self.deleted;
        match deleted {
            Deleted::Run { index, run } => put_back(&mut self.runs, tombstones, index, run, now_ms),
            Deleted::Massage { index, massage } => {
                put_back(&mut self.massages, tombstones, index, massage, now_ms)
            }
            Deleted::Race {
                index,
                race,
                linked_runs,
            } => {
                let id = race.id.clone();
                put_back(&mut self.races, tombstones, index, race, now_ms);
                for run in self.runs.iter_mut().filter(|r| linked_runs.contains(&r.id)) {
                    run.race_id = Some(id.clone());
                    run.updated_ms = now_ms;
                }
            }
        }
    }

    /// Books a sports massage (or moves the booking), replacing any other.
    pub fn book(
        &mut self,
        date: chrono::NaiveDate,
        time: Option<chrono::NaiveTime>,
        deep: bool,
        now_ms: u64,
    ) {
        self.booking = Some(Booking {
            date,
            time,
            deep,
            cancelled: false,
            updated_ms: now_ms,
        });
    }

    pub fn cancel_booking(&mut self, now_ms: u64) {
        if let Some(booking) = &mut self.booking {
            booking.cancelled = true;
            booking.updated_ms = now_ms;
        }
    }

    pub fn set_reminder_state(&mut self, id: &str, state: ReminderDecision) {
        self.reminder_states.insert(id.to_string(), state);
    }

    /// Another tab's journal merged with ours, record by record (see `merge_records`), so
    /// changes to different records in two tabs both survive. The newer settings win, and
    /// for a reminder both tabs acted on, the stronger state. The result is the same
    /// whichever side is "theirs".
    pub fn merged(theirs: &Journal, ours: &Journal) -> Journal {
        let mut deleted = theirs.deleted.clone();
        for (key, at) in &ours.deleted {
            let entry = deleted.entry(key.clone()).or_insert(*at);
            *entry = (*entry).max(*at);
        }
        let mut reminder_states = theirs.reminder_states.clone();
        for (id, state) in &ours.reminder_states {
            let entry = reminder_states.entry(id.clone()).or_insert(*state);
            *entry = stronger(*entry, *state);
        }
        let settings_text = |j: &Journal| serde_json::to_string(&j.settings).unwrap_or_default();
        let newer_settings = match ours.settings_ms.cmp(&theirs.settings_ms) {
            std::cmp::Ordering::Greater => ours,
            std::cmp::Ordering::Less => theirs,
            std::cmp::Ordering::Equal if settings_text(ours) > settings_text(theirs) => ours,
            std::cmp::Ordering::Equal => theirs,
        };
        // The newer booking (or cancellation) wins; on a tie, the same side either way.
        let booking = match (theirs.booking, ours.booking) {
            (Some(a), Some(b)) => {
                let key = |x: &Booking| (x.updated_ms, x.date, x.time, x.deep, x.cancelled);
                Some(if key(&b) > key(&a) { b } else { a })
            }
            (a, b) => a.or(b),
        };
        Journal {
            settings: newer_settings.settings,
            settings_ms: newer_settings.settings_ms,
            booking,
            runs: merge_records(&theirs.runs, &ours.runs, &deleted),
            massages: merge_records(&theirs.massages, &ours.massages, &deleted),
            races: merge_records(&theirs.races, &ours.races, &deleted),
            physio_visits: merge_records(&theirs.physio_visits, &ours.physio_visits, &deleted),
            reminder_states,
            deleted,
        }
    }
}

#[cfg(test)]
mod tests;
