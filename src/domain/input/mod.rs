//! Typed text: what the runner types, read into records or a message per field.

pub mod booking_draft; // the "Booked" form: day, time, deep or light
pub mod dates; // dates shown and read by hand, and stored dates decoded
pub mod massage_draft; // the massage and race forms
pub mod parse; // durations and decimals as people type them
pub mod run_draft; // the run form: a Run or a message per field
pub mod units; // km and miles, paces, whole numbers, counted words
