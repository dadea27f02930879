//! What the runner did with a reminder. Reminders are derived, never stored: only this
//! decision is, by the reminder's id. A reminder without one is upcoming or due by its date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReminderDecision {
    Snoozed {
        #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
        until: NaiveDate,
    },
    Done {
        #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
        on: NaiveDate,
    },
    Dismissed {
        #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
        on: NaiveDate,
    },
}

impl ReminderDecision {
    /// Snoozed for `days` from `today`.
    pub fn snoozed_for(today: NaiveDate, days: u64) -> ReminderDecision {
        ReminderDecision::Snoozed {
            until: today
                .checked_add_days(chrono::Days::new(days))
                .unwrap_or(today),
        }
    }
}
