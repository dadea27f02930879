//! Massage: the reminders engine and the self-massage routine.

pub mod body_map; // each region's soreness band for the map
pub mod reminders; // the engine: one file per rule, reconciled by plan.rs
pub mod routine; // the technique library and today's self-massage routine
