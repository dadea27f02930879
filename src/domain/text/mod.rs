//! Words and numbers as the runner reads and types them: dates, units, durations.
//! Depends on nothing else in the domain, so every other folder can use it.

pub mod dates; // dates shown and read by hand, and stored dates decoded
pub mod decimal; // numbers with a fixed count of decimals, without std's float formatting
pub mod parse; // durations and decimals as people type them
pub mod units; // km and miles, paces, whole numbers, counted words
