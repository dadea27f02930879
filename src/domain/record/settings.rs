//! The runner's display preferences.

use crate::domain::record::reminder_settings::ReminderSettings;
pub use crate::domain::text::units::Unit;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub unit: Unit,
    #[serde(default)]
    pub week_start: WeekStart,
    #[serde(default)]
    pub reminders: ReminderSettings,
    /// System notifications for reminders that become due; the browser's permission is
    /// asked only when the runner turns this on.
    #[serde(default)]
    pub notifications: bool,
}
