//! A race on the runner's calendar and its priority.

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
    #[serde(deserialize_with = "crate::domain::input::dates::deserialize")]
    pub date: NaiveDate,
    pub distance_m: u32,
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_s: Option<u32>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_ms: u64,
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
}
