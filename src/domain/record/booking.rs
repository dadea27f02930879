//! A sports massage the runner has booked. One booking answers the whole massage plan
//! until its day: every cause that asks for a massage is covered by it.

use crate::domain::record::run::is_zero;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::text::dates::deserialize_time"
    )]
    pub time: Option<NaiveTime>,
    /// Deep work asked for; the plan keeps it light in a race's final days.
    pub deep: bool,
    /// Cancelled bookings are kept (with the time of cancelling) so another tab's older
    /// copy cannot bring one back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_ms: u64,
}

/// Days after its date that a booking not yet logged still waits for its log.
pub const LOG_GRACE_DAYS: u64 = 3;

impl Booking {
    /// Whether it stands on `today`: not cancelled, not long past, and no massage logged
    /// on or after its day (a massage logged then is the booked one).
    pub fn stands(
        &self,
        today: NaiveDate,
        massage_dates: impl IntoIterator<Item = NaiveDate>,
    ) -> bool {
        let last_day = self
            .date
            .checked_add_days(chrono::Days::new(LOG_GRACE_DAYS))
            .unwrap_or(self.date);
        !self.cancelled
            && today <= last_day
            && !massage_dates
                .into_iter()
                .any(|date| date >= self.date && date <= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booking(date: &str) -> Booking {
        Booking {
            date: date.parse().unwrap(),
            time: None,
            deep: true,
            cancelled: false,
            updated_ms: 1,
        }
    }

    #[test]
    fn a_booking_stands_until_logged_cancelled_or_three_days_past() {
        let b = booking("2026-11-04");
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(b.stands(d("2026-11-01"), []));
        assert!(b.stands(d("2026-11-07"), []));
        assert!(!b.stands(d("2026-11-08"), []));
        // A massage logged before the day is not the booked one; on the day it is.
        assert!(b.stands(d("2026-11-05"), [d("2026-11-02")]));
        assert!(!b.stands(d("2026-11-05"), [d("2026-11-04")]));
        assert!(!Booking {
            cancelled: true,
            ..b
        }
        .stands(d("2026-11-01"), []));
    }
}
