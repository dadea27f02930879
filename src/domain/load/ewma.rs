//! Acute and chronic load: exponentially weighted moving averages of daily load.

use super::series::fold;
use super::{ACUTE_DAYS, CHRONIC_DAYS};
use crate::domain::record::run::Run;
use chrono::NaiveDate;

/// λ of an exponentially weighted moving average over N days.
pub fn ewma_lambda(days: f64) -> f64 {
    2.0 / (days + 1.0)
}

/// Acute and chronic load, advanced one day at a time: the one definition of the EWMAs,
/// shared by the daily series and the single-day ACWR.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AcuteChronic {
    pub acute: f64,
    pub chronic: f64,
}

impl AcuteChronic {
    /// The next day's averages after a day with `load`.
    pub fn step(&mut self, load: f64) {
        let (acute_l, chronic_l) = (ewma_lambda(ACUTE_DAYS), ewma_lambda(CHRONIC_DAYS));
        self.acute = acute_l * load + (1.0 - acute_l) * self.acute;
        self.chronic = chronic_l * load + (1.0 - chronic_l) * self.chronic;
    }

    /// Acute ÷ chronic, undefined while chronic load is 0.
    pub fn acwr(&self) -> Option<f64> {
        (self.chronic > 0.0).then(|| self.acute / self.chronic)
    }
}

/// ACWR on `today` alone: the series' state on that day, without building the series
/// (the reminder engine needs only this one number).
pub fn acwr_on(runs: &[Run], today: NaiveDate) -> Option<f64> {
    fold(runs, today)?.averages.acwr()
}
