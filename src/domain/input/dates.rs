//! Dates and times as the runner reads them ("Fri 27 Nov") and as files and forms write
//! them ("2026-11-27", "07:30"), and stored dates and times read back (`deserialize`,
//! `deserialize_time`).
//!
//! Written by hand rather than with chrono's `format` and parser: its strftime (a
//! format-string parser and a general formatter) and its parser were the largest part of
//! chrono in the WebAssembly that Today downloads first, and the parser the slowest step of
//! reading a long history. The tests hold every form to chrono's: each date and time chrono
//! writes is read back to the same value, and no text is read differently from chrono.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

fn month(date: NaiveDate) -> &'static str {
    // month0() is 0..=11 for every NaiveDate.
    MONTHS[date.month0() as usize]
}

/// The first three letters, as in "Fri" and "Nov".
fn abbrev(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

/// "2026-11-27": storage, file names and date fields.
pub fn iso(date: NaiveDate) -> String {
    // chrono's Display is this form (hand-written there too, not strftime).
    date.to_string()
}

/// "Fri 27 Nov".
pub fn short_day(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        abbrev(weekday(date)),
        date.day(),
        abbrev(month(date))
    )
}

/// "Fri 27 Nov 2026".
pub fn short_day_year(date: NaiveDate) -> String {
    format!("{} {}", short_day(date), date.year())
}

/// "Fri 27 Nov" in `today`'s year, "Wed 26 Dec 2012" in another: a date in advice.
pub fn short_day_near(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        short_day(date)
    } else {
        short_day_year(date)
    }
}

/// A day typed in a form (`YYYY-MM-DD`) that is today or before it, or the message to
/// show beside the field.
pub fn read_past_or_today(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the day.".into());
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "Enter the day as year-month-day, e.g. 2026-11-27.".to_string())?;
    if day > today {
        Err("That day is still to come: enter the day it happened.".into())
    } else {
        Ok(day)
    }
}

/// "Friday 27 November".
pub fn long_day(date: NaiveDate) -> String {
    format!("{} {} {}", weekday(date), date.day(), month(date))
}

/// "27 Nov".
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), abbrev(month(date)))
}

/// "27 Nov 2026".
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {}", day_month(date), date.year())
}

/// "07:30".
pub fn clock_time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// For `#[serde(deserialize_with = "…")]` on a stored `NaiveDate`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(DateVisitor)
}

/// For `#[serde(default, deserialize_with = "…")]` on a stored `Option<NaiveTime>`.
pub fn deserialize_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveTime>, D::Error> {
    deserializer.deserialize_option(TimeVisitor)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        stored_date(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

struct TimeVisitor;

impl<'de> Visitor<'de> for TimeVisitor {
    type Value = Option<NaiveTime>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a time written HH:MM:SS")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        stored_time(text)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

/// The value of a run of ASCII digits, or `None` when empty or not all digits.
fn digits(text: &[u8]) -> Option<u32> {
    if text.is_empty() || text.len() > 9 {
        return None;
    }
    text.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A date as chrono writes it: `YYYY-MM-DD`, or with a sign and four to six digits for
/// years outside 0–9999 (`+10000-01-01`, `-0001-12-31`). `None` for anything else,
/// including an impossible day.
fn stored_date(text: &str) -> Option<NaiveDate> {
    let (year, month_day) = text
        .get(..text.len().checked_sub(6)?)
        .zip(text.get(text.len() - 6..))?;
    let md = month_day.as_bytes();
    if md[0] != b'-' || md[3] != b'-' {
        return None;
    }
    let year = match year.as_bytes() {
        [sign @ (b'+' | b'-'), rest @ ..] if (4..=6).contains(&rest.len()) => {
            let value = i32::try_from(digits(rest)?).ok()?;
            if *sign == b'-' {
                -value
            } else {
                value
            }
        }
        unsigned if unsigned.len() == 4 => i32::try_from(digits(unsigned)?).ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, digits(&md[1..3])?, digits(&md[4..6])?)
}

/// A time as chrono writes it: `HH:MM:SS`, with a fraction of one to nine digits when
/// there is one and second 60 for a leap second; `HH:MM` is read too. `None` for anything
/// else.
fn stored_time(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    let two = |at: usize| b.get(at..at + 2).filter(|d| d.len() == 2).and_then(digits);
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let (hour, minute) = (two(0)?, two(3)?);
    if b.len() == 5 {
        return NaiveTime::from_hms_opt(hour, minute, 0);
    }
    if b.len() < 8 || b[5] != b':' {
        return None;
    }
    let second = two(6)?;
    let nano = match &b[8..] {
        [] => 0,
        [b'.', fraction @ ..] if !fraction.is_empty() => {
            digits(fraction)? * 10u32.pow(9u32.checked_sub(u32::try_from(fraction.len()).ok()?)?)
        }
        _ => return None,
    };
    match second {
        60 => NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nano),
        _ => NaiveTime::from_hms_nano_opt(hour, minute, second, nano),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;
    use proptest::strategy::Just;

    fn read(text: &str) -> Result<NaiveDate, String> {
        DateVisitor
            .visit_str::<de::value::Error>(text)
            .map_err(|e| e.to_string())
    }

    fn read_time(text: &str) -> Result<Option<NaiveTime>, String> {
        TimeVisitor
            .visit_str::<de::value::Error>(text)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn impossible_and_unusual_dates_are_refused_with_the_text() {
        // Some of these chrono would read ("2026-1-05"); none is a form it writes.
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "2026-1-05",
            "2026/11/05",
            "２０２６-11-05",
            "2026-11-0x",
            "",
            "2026-11-05T00",
            " 2026-11-05",
            "+10000000-01-01",
        ] {
            let refused = read(text).unwrap_err();
            assert!(refused.contains(&format!("{text:?}")), "{refused}");
        }
    }

    #[test]
    fn years_outside_four_digits_are_read_as_chrono_writes_them() {
        for year in [-262_143, -10_000, -1, 0, 1, 999, 9_999, 10_000, 262_142] {
            let day = NaiveDate::from_ymd_opt(year, 2, 28).unwrap();
            assert_eq!(read(&day.to_string()), Ok(day), "{day}");
        }
        assert_eq!(
            read("+2026-11-05"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 5).unwrap())
        );
    }

    proptest::proptest! {
        #[test]
        fn no_text_is_read_otherwise_than_chrono_reads_it(
            text in "[0-9+-]{0,12}|[+-]?[0-9]{4,6}-[0-9]{2}-[0-9]{2}"
        ) {
            if let Ok(day) = read(&text) {
                proptest::prop_assert_eq!(text.parse::<NaiveDate>(), Ok(day));
            }
        }

        #[test]
        fn every_time_chrono_writes_is_read_back(
            second in 0u32..86_400,
            nano in proptest::prop_oneof![Just(0u32), 0u32..1_000, 0u32..1_000_000_000],
            scale in proptest::prop_oneof![Just(1u32), Just(1_000), Just(1_000_000)],
            leap in proptest::bool::ANY,
        ) {
            // A leap second can only follow second 59.
            let (second, extra) = if leap { (second - second % 60 + 59, 1_000_000_000) } else { (second, 0) };
            let nano = (nano / scale * scale) % 1_000_000_000 + extra;
            let time = NaiveTime::from_num_seconds_from_midnight_opt(second, nano).unwrap();
            proptest::prop_assert_eq!(read_time(&time.to_string()), Ok(Some(time)));
        }

        #[test]
        fn no_time_is_read_otherwise_than_chrono_reads_it(
            text in "[0-9:.]{0,14}|[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,10})?)?"
        ) {
            if let Ok(Some(time)) = read_time(&text) {
                proptest::prop_assert_eq!(text.parse::<NaiveTime>(), Ok(time));
            }
        }
    }

    #[test]
    fn times_the_app_never_writes_are_refused_with_the_text() {
        for text in [
            "7:30",
            "07:30:0",
            "24:00:00",
            "07:60:00",
            "07:30:00.",
            "07:30:00.1234567890",
            "07-30",
            "",
        ] {
            let refused = read_time(text).unwrap_err();
            assert!(refused.contains(&format!("{text:?}")), "{text}: {refused}");
        }
        let half_past = NaiveTime::from_hms_opt(7, 30, 0).unwrap();
        assert_eq!(read_time("07:30"), Ok(Some(half_past)));
        assert_eq!(read_time("07:30:00"), Ok(Some(half_past)));
    }

    #[test]
    fn every_day_of_two_centuries_is_written_and_read_as_chrono_does() {
        let mut day = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2150, 12, 31).unwrap();
        while day <= end {
            assert_eq!(iso(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(short_day(day), day.format("%a %-d %b").to_string());
            assert_eq!(short_day_year(day), day.format("%a %-d %b %Y").to_string());
            assert_eq!(long_day(day), day.format("%A %-d %B").to_string());
            assert_eq!(day_month(day), day.format("%-d %b").to_string());
            assert_eq!(day_month_year(day), day.format("%-d %b %Y").to_string());
            // And read back by hand as chrono reads it.
            assert_eq!(read(&day.to_string()), Ok(day));
            day = day + Days::new(1);
        }
    }

    #[test]
    fn every_minute_of_the_day_reads_as_chrono_writes_it() {
        for minute in 0..24 * 60 {
            let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 59).unwrap();
            assert_eq!(clock_time(time), time.format("%H:%M").to_string());
        }
    }

    #[test]
    fn a_known_day_in_words() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(long_day(day), "Friday 27 November");
        assert_eq!(short_day(day), "Fri 27 Nov");
    }

    #[test]
    fn a_day_that_happened_is_today_or_before() {
        let today: NaiveDate = "2026-11-30".parse().unwrap();
        assert_eq!(read_past_or_today("2026-11-30", today), Ok(today));
        assert_eq!(
            read_past_or_today(" 2026-11-02 ", today),
            Ok("2026-11-02".parse().unwrap())
        );
        assert!(read_past_or_today("2026-12-01", today)
            .unwrap_err()
            .contains("still to come"));
        assert!(read_past_or_today("", today)
            .unwrap_err()
            .contains("Enter the day"));
        assert!(read_past_or_today("30/11", today)
            .unwrap_err()
            .contains("year-month-day"));
    }
}
