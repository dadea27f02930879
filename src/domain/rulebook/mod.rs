//! The rulebook: every threshold, window and duration the advice uses, defined once.
//!
//! Today, the Massage tab, the routine, the calendar file, "How this works" and Settings
//! read their numbers from here, so changing one here changes every place that uses it.
//! The numbers the runner can tune are stored with their settings, each with its default
//! and range: `record::reminder_settings`.

pub mod durations; // massage sessions, snoozes and the longest log
pub mod pain; // the pain red flag: which regions are never massaged
pub mod readiness; // thresholds of Today's readiness
pub mod regions; // which regions each cause calls for
pub mod sources; // the studies behind the rules
pub mod windows; // when massage fits: after hard efforts, around races; alarm time
