//! The functional core: plain types and pure functions, no browser, no clock.
//!
//! Everything here compiles and is tested natively. "Today" is always a parameter.

pub mod advice;
pub mod dates;
pub mod draft;
pub mod envelope;
pub mod export;
pub mod history;
pub mod ics;
pub mod import;
pub mod journal;
pub mod load;
pub mod massage;
pub mod massage_draft;
pub mod parse;
pub mod reminders;
pub mod routine;
pub mod run;
pub mod settings;
pub mod storage;
pub mod today;
pub mod units;
