//! What the runner can take away: runs and daily metrics as CSV, the calendar file.

pub mod daily_csv; // Today's numbers day by day, in km
pub mod ics; // the calendar file: reminders and race windows with alarms ahead
pub mod runs_csv; // runs as formula-safe CSV, and the files' names
