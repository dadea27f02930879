//! What the runner can take away: runs as CSV, the calendar file.

pub mod ics;
pub mod runs_csv;
