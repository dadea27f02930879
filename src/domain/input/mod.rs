//! Typed text: what the runner types, read into records or a message per field.

pub mod booking_draft;
pub mod dates;
pub mod massage_draft;
pub mod parse;
pub mod run_draft;
pub mod units;
