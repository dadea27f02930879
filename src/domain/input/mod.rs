//! The forms as typed: what the runner types, read into records or a message per field.

pub mod booking_draft; // the "Booked" form: day, time, deep or light
pub mod massage_draft; // the massage and race forms
pub mod run_draft; // the run form: a Run or a message per field
