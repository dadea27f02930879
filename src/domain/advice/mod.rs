//! Readiness today and what to do about it, each with its why and its evidence.
//!
//! `Readings::gather` reads the runner's history into plain numbers; `assess` turns those
//! numbers into a readiness level, reason lines and recommendations by explicit rules
//! whose thresholds are in `rulebook`.

mod readings; // the history reduced to the numbers the rules read
mod recommend; // what to do today
mod rules; // readiness and its reasons
#[cfg(test)]
mod tests;

pub use readings::{Before, Readings};
pub use recommend::{easy_minutes, Action, Recommendation};
pub use rules::{acwr_band, assess, sore_regions, Assessment, Readiness, Reason};
