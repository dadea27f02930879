//! What the runner stores: each record type, the journal that holds them, and the one
//! definition of a valid record.

pub mod booking; // a sports massage the runner has booked
pub mod journal; // the records, their operations, and merging two copies
pub mod massage; // a logged massage
pub mod physio_visit; // a physiotherapist seen about red-flag regions
pub mod race; // a race on the calendar
pub mod region; // the body regions and their words
pub mod reminder_decision; // what the runner did with a reminder
pub mod reminder_settings; // the rules the runner can switch and tune: defaults and ranges
pub mod run; // a logged run, its kinds and the effort scale
pub mod settings; // display preferences and the reminder rules' settings
pub mod validate; // what makes each record valid, for forms, storage and import
