//! What the runner stores: each record type and the journal that holds them.

pub mod journal;
pub mod massage;
pub mod reminder_decision;
pub mod run;
pub mod settings;
