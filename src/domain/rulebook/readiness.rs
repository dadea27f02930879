//! Thresholds of Today's readiness (green, amber, red). The load model's own constants
//! (time constants, the 28-day baseline, monotony) live with the formulas in `load`.

/// RPE from which a session counts as hard.
pub const HARD_RPE: u8 = 7;
/// Soreness and races count for readiness when logged within this many days (today included).
pub const RECENT_DAYS: u64 = 3;
/// A race within this many days (today included) makes readiness red; within
/// `RECENT_DAYS`, amber.
pub const RACE_RED_DAYS: u64 = 2;
/// Hard days in a row (RPE `HARD_RPE` or more) from which readiness is amber.
pub const HARD_DAYS_FLAG: u32 = 2;
/// Runs in a row without a rest day from which a rest day is suggested.
pub const STREAK_FLAG: u32 = 6;
/// Form below these fractions of fitness is amber and red (Restride's own thresholds).
pub const FORM_AMBER: f64 = -0.30;
pub const FORM_RED: f64 = -0.60;
/// Days of history before the form rule and the rest-day count apply. Fitness starts at 0
/// and follows load with a 42-day time constant, so a runner training steadily has a form
/// of −58 % of fitness after 42 days and −16 % after 84: before that, negative form says
/// more about the short history than about fatigue.
pub const FORM_BASELINE_DAYS: i64 = 84;
/// ACWR bands: below LOW is low, up to RISING steady, above RISING rising. Above the
/// runner's spike level (`settings::SPIKE_ACWR_TENTHS`) it is a load spike.
pub const ACWR_LOW: f64 = 0.8;
pub const ACWR_RISING: f64 = 1.3;
