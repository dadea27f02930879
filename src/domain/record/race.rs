//! A race on the runner's calendar and its priority.

use crate::domain::order;
use crate::domain::record::run::is_zero;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Priority {
    A,
    #[default]
    B,
    C,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::A, Priority::B, Priority::C];

    pub fn key(self) -> &'static str {
        match self {
            Priority::A => "A",
            Priority::B => "B",
            Priority::C => "C",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::A => "A — the goal race",
            Priority::B => "B — important",
            Priority::C => "C — training race",
        }
    }

    pub fn from_key(key: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.key() == key)
    }

    /// A and B races get the pre-race massage timing; C races are run through.
    pub fn plans_massage(self) -> bool {
        self != Priority::C
    }
}

/// A race on the runner's calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Race {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
    pub date: NaiveDate,
    pub distance_m: u32,
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_s: Option<u32>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_ms: u64,
}

/// Upcoming races (today's included), soonest first, and past ones, latest first.
pub fn upcoming_and_past(races: &[Race], today: NaiveDate) -> (Vec<Race>, Vec<Race>) {
    let (mut upcoming, mut past): (Vec<Race>, Vec<Race>) =
        races.iter().cloned().partition(|r| r.date >= today);
    order::sort_by(&mut upcoming, |a, b| {
        a.date.cmp(&b.date).then(a.id.cmp(&b.id))
    });
    order::sort_by(&mut past, |a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    (upcoming, past)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_keys_round_trip_and_match_serde_names() {
        for priority in Priority::ALL {
            assert_eq!(Priority::from_key(priority.key()), Some(priority));
            assert_eq!(
                serde_json::to_string(&priority).unwrap(),
                format!("\"{}\"", priority.key())
            );
        }
    }

    #[test]
    fn races_split_into_upcoming_soonest_first_and_past_latest_first() {
        let race = |id: &str, date: &str| Race {
            id: id.into(),
            name: id.into(),
            date: date.parse().unwrap(),
            distance_m: 10_000,
            priority: Priority::B,
            goal_s: None,
            updated_ms: 0,
        };
        let races = [
            race("old", "2026-03-01"),
            race("next", "2026-12-06"),
            race("today", "2026-11-30"),
            race("recent", "2026-11-29"),
            race("later", "2027-04-01"),
        ];
        let (upcoming, past) = upcoming_and_past(&races, "2026-11-30".parse().unwrap());
        let ids = |list: &[Race]| list.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&upcoming), ["today", "next", "later"]);
        assert_eq!(ids(&past), ["recent", "old"]);
    }
}
