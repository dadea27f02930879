//! Distance of one period against the period before it, and the distance-jump rule.

use super::PROGRESSION_DAYS;
use crate::domain::record::run::Run;
use chrono::{Days, NaiveDate};

/// A distance jump counts only when the earlier period held at least this much.
pub const DISTANCE_JUMP_MIN_EARLIER_M: u64 = 10_000;

/// Distance of one period compared with the period before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progression {
    pub earlier_m: u64,
    pub recent_m: u64,
}

impl Progression {
    /// Relative change, e.g. 0.35 for +35 %; undefined when the earlier period is empty.
    pub fn change(&self) -> Option<f64> {
        (self.earlier_m > 0).then(|| self.recent_m as f64 / self.earlier_m as f64 - 1.0)
    }

    /// A jump worth flagging: more than `percent` % (the runner's setting, 30 by default)
    /// on an earlier period of at least 10 km.
    pub fn is_jump(&self, percent: u16) -> bool {
        // In whole metres, so exactly +30 % is exactly not a jump.
        self.earlier_m >= DISTANCE_JUMP_MIN_EARLIER_M
            && self.recent_m * 100 > self.earlier_m * (100 + u64::from(percent))
    }
}

/// Total distance of runs dated in `from..=to`.
pub fn distance_between(runs: &[Run], from: NaiveDate, to: NaiveDate) -> u64 {
    runs.iter()
        .filter(|r| r.date >= from && r.date <= to)
        .map(|r| u64::from(r.distance_m))
        .sum()
}

/// The last `PROGRESSION_DAYS` days (today included) against as many before them.
pub fn two_week_progression(runs: &[Run], today: NaiveDate) -> Progression {
    let day = |back: u64| today.checked_sub_days(Days::new(back)).unwrap_or(today);
    Progression {
        recent_m: distance_between(runs, day(PROGRESSION_DAYS - 1), today),
        earlier_m: distance_between(runs, day(2 * PROGRESSION_DAYS - 1), day(PROGRESSION_DAYS)),
    }
}

/// This calendar week so far against the whole of last week.
pub fn week_progression(runs: &[Run], week_start: NaiveDate) -> Progression {
    let last_start = week_start
        .checked_sub_days(Days::new(7))
        .unwrap_or(week_start);
    let last_end = week_start
        .checked_sub_days(Days::new(1))
        .unwrap_or(week_start);
    let this_end = week_start
        .checked_add_days(Days::new(6))
        .unwrap_or(week_start);
    Progression {
        recent_m: distance_between(runs, week_start, this_end),
        earlier_m: distance_between(runs, last_start, last_end),
    }
}
