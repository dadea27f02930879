//! When massage fits: the days after a hard effort, and the windows around a race.
//!
//! One definition for the reminders, the calendar file and "How this works". Where a
//! number is practitioners' convention rather than a study's finding, it says so.

use chrono::{Days, NaiveDate};

/// A recovery massage 24–72 hours after a hard effort: from the next day to the third
/// (Guo et al. 2017: largest effect on soreness at 48–72 h).
pub const AFTER_HARD_EFFORT_DAYS: DaySpan = DaySpan { from: 1, to: 3 };
/// The last deep massage before an A or B race: 4–7 days before it (practitioners'
/// convention: deep work leaves muscles tender for a day or two).
pub const LAST_DEEP_DAYS_BEFORE_RACE: DaySpan = DaySpan { from: -7, to: -4 };
/// No deep massage in the 48 hours before a race (practitioners' convention); a light
/// flush is fine.
pub const NO_DEEP_DAYS_BEFORE_RACE: i64 = 2;
/// "48 hours": the no-deep window in the runner's words.
pub fn no_deep_hours() -> i64 {
    NO_DEEP_DAYS_BEFORE_RACE * 24
}
/// After a race: light massage on days 1–2, deep work from day 3 to day 10.
pub const AFTER_RACE_LIGHT_DAYS: DaySpan = DaySpan { from: 1, to: 2 };
pub const AFTER_RACE_DEEP_DAYS: DaySpan = DaySpan { from: 3, to: 10 };
/// Calendar alarms ring at this local time (minutes after midnight): 09:00.
pub const ALARM_MINUTES_AFTER_MIDNIGHT: i64 = 9 * 60;

/// Days relative to an event: `from` and `to` inclusive, negative before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaySpan {
    pub from: i64,
    pub to: i64,
}

impl DaySpan {
    /// "4–7 days" (before or after the event: the caller says which).
    pub fn days_words(self) -> String {
        let (a, b) = (self.from.abs(), self.to.abs());
        format!("{}–{} days", a.min(b), a.max(b))
    }

    /// "24–72 hours", counting whole days from the event.
    pub fn hours_words(self) -> String {
        let (a, b) = (self.from.abs() * 24, self.to.abs() * 24);
        format!("{}–{} hours", a.min(b), a.max(b))
    }

    /// The span's first and last dates around `day`.
    pub fn around(self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        (shift(day, self.from), shift(day, self.to))
    }
}

/// `date` moved by `days` (negative: back); unchanged at the ends of the calendar.
pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(date)
}

/// Every window around one race, as dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaceWindows {
    pub race: NaiveDate,
    /// When the runner is reminded to book the last deep massage (their setting).
    pub book_reminder: NaiveDate,
    pub last_deep: (NaiveDate, NaiveDate),
    /// From here until the race, nothing deep.
    pub no_deep_from: NaiveDate,
    /// The day before `no_deep_from`: the "light flush only" notice.
    pub no_deep_notice: NaiveDate,
    pub after_light: (NaiveDate, NaiveDate),
    pub after_deep: (NaiveDate, NaiveDate),
}

impl RaceWindows {
    pub fn of(race: NaiveDate, book_days_before: u16) -> RaceWindows {
        let no_deep_from = shift(race, -NO_DEEP_DAYS_BEFORE_RACE);
        RaceWindows {
            race,
            book_reminder: shift(race, -i64::from(book_days_before)),
            last_deep: LAST_DEEP_DAYS_BEFORE_RACE.around(race),
            no_deep_from,
            no_deep_notice: shift(no_deep_from, -1),
            after_light: AFTER_RACE_LIGHT_DAYS.around(race),
            after_deep: AFTER_RACE_DEEP_DAYS.around(race),
        }
    }

    /// Whether deep work on `date` falls in the final days before the race.
    pub fn forbids_deep_on(&self, date: NaiveDate) -> bool {
        date >= self.no_deep_from && date <= self.race
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn windows_around_a_sunday_race() {
        // Race on Sunday 15 Nov 2026, booking reminder 10 days before (worked by hand).
        let w = RaceWindows::of(d("2026-11-15"), 10);
        assert_eq!(w.book_reminder, d("2026-11-05"));
        assert_eq!(w.last_deep, (d("2026-11-08"), d("2026-11-11")));
        assert_eq!(w.no_deep_from, d("2026-11-13"));
        assert_eq!(w.no_deep_notice, d("2026-11-12"));
        assert_eq!(w.after_light, (d("2026-11-16"), d("2026-11-17")));
        assert_eq!(w.after_deep, (d("2026-11-18"), d("2026-11-25")));
        assert!(!w.forbids_deep_on(d("2026-11-12")));
        assert!(w.forbids_deep_on(d("2026-11-13")));
        assert!(w.forbids_deep_on(d("2026-11-15")));
        assert!(!w.forbids_deep_on(d("2026-11-16")));
    }

    #[test]
    fn windows_in_words() {
        assert_eq!(LAST_DEEP_DAYS_BEFORE_RACE.days_words(), "4–7 days");
        assert_eq!(AFTER_HARD_EFFORT_DAYS.hours_words(), "24–72 hours");
        assert_eq!(no_deep_hours(), 48);
    }

    #[test]
    fn the_booking_reminder_follows_the_setting() {
        assert_eq!(
            RaceWindows::of(d("2026-11-15"), 21).book_reminder,
            d("2026-10-25")
        );
    }
}
