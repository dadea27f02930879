//! The runner's data as files and stored text: the stored format, import, export, quota.

pub mod envelope; // the stored format: decode, validate, migrate, encode
pub mod export; // runs and daily metrics as CSV, the calendar file
pub mod import; // backups, Strava exports, GPX, TCX and FIT into runs
pub mod quota; // how much of the browser's storage the data uses
pub mod safekeeping; // copies kept aside, and when to nudge for a backup
