//! Massage: the reminders engine and the self-massage routine.

pub mod reminders;
pub mod routine;
