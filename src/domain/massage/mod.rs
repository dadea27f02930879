//! Massage: the reminders engine and the self-massage routine.

pub mod body_map;
pub mod reminders;
pub mod routine;
