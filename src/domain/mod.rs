//! The functional core: plain types and pure functions, no browser, no clock.
//!
//! Everything here compiles and is tested natively. "Today" is always a parameter.

pub mod advice; // readiness today and what to do: readings, rules, recommendations
pub mod data; // the stored format, import, export and the storage quota
pub mod history; // runs and massages grouped by training week
pub mod input; // the forms' drafts: run, massage, race, booking
pub mod load; // training load: the daily series and what is derived from it
pub mod massage; // the massage reminders engine and the self-massage routine
pub mod order; // a stable sort written once, so each list sorted adds little code
pub mod record; // what the runner stores: runs, massages, races, settings, the journal
pub mod rulebook; // every threshold, window and duration the advice uses, defined once
pub mod text; // dates, units and typed numbers: words the runner reads and types
pub mod today; // everything the Today page shows, in one value
