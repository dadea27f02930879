//! The booking form as typed: the appointment's day, an optional time, deep or light.

use crate::domain::record::booking::Booking;
use crate::domain::text::dates::{self, typed_date, typed_time};
use chrono::{NaiveDate, NaiveTime};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BookingDraft {
    pub date: String,
    pub time: String,
    pub deep: bool,
}

impl BookingDraft {
    /// For moving a booking: as it stands.
    pub fn of(booking: &Booking) -> BookingDraft {
        BookingDraft {
            date: dates::iso(booking.date),
            time: booking.time.map(dates::clock_time).unwrap_or_default(),
            deep: booking.deep,
        }
    }

    /// The day and time, or the message to show beside the form.
    pub fn read(&self, today: NaiveDate) -> Result<(NaiveDate, Option<NaiveTime>), String> {
        let date = self.date.trim();
        if date.is_empty() {
            return Err("Enter the day of the appointment.".into());
        }
        let date = typed_date(date)
            .ok_or_else(|| "Enter the day as year-month-day, e.g. 2026-12-02.".to_string())?;
        if date < today {
            return Err("That day has passed: pick today or a later day.".into());
        }
        let time = self.time.trim();
        let time = if time.is_empty() {
            None
        } else {
            // Hours and minutes only, as the form's time field gives them.
            let hours_minutes = time.matches(':').count() == 1;
            Some(typed_time(time).filter(|_| hours_minutes).ok_or_else(|| {
                "Enter the time as hours:minutes, e.g. 10:30, or leave it empty.".to_string()
            })?)
        };
        Ok((date, time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-11-30".parse().unwrap()
    }

    #[test]
    fn a_booking_is_a_day_from_today_on_with_an_optional_time() {
        let draft = |date: &str, time: &str| BookingDraft {
            date: date.into(),
            time: time.into(),
            deep: true,
        };
        assert_eq!(
            draft("2026-12-02", "10:30").read(today()),
            Ok(("2026-12-02".parse().unwrap(), "10:30".parse().ok()))
        );
        assert_eq!(draft("2026-11-30", "").read(today()), Ok((today(), None)));
        assert!(draft("2026-11-29", "")
            .read(today())
            .unwrap_err()
            .contains("has passed"));
        assert!(draft("", "")
            .read(today())
            .unwrap_err()
            .contains("Enter the day"));
        assert!(draft("2/12", "")
            .read(today())
            .unwrap_err()
            .contains("year-month-day"));
        assert!(draft("2026-12-02", "half ten")
            .read(today())
            .unwrap_err()
            .contains("hours:minutes"));
    }
}
