//! Dates and times as the runner reads them ("Fri 27 Nov") and as files and forms write
//! them ("2026-11-27", "07:30"), and the stored date read back (`deserialize`).
//!
//! Written by hand rather than with chrono's `format` and parser: its strftime (a
//! format-string parser and a general formatter) was the largest part of chrono in the
//! WebAssembly that Today downloads first, and its parser the slowest step of reading a
//! long history. The tests hold every form to chrono's own output; a stored date that is
//! not plain `YYYY-MM-DD` still goes to chrono, so what is accepted and every error
//! message stay chrono's.

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

/// For `#[serde(deserialize_with = "…")]` on a `NaiveDate` field.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(DateVisitor)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's own wording, so messages do not change.
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        match plain_date(text) {
            Some(date) => Ok(date),
            None => text.parse().map_err(E::custom),
        }
    }
}

/// `YYYY-MM-DD` with four-digit year, or `None` for anything else (including an
/// impossible day, which chrono then reports).
fn plain_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..10])?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn read(text: &str) -> Result<NaiveDate, String> {
        DateVisitor
            .visit_str::<de::value::Error>(text)
            .map_err(|e| e.to_string())
    }

    fn chrono_reads(text: &str) -> Result<NaiveDate, String> {
        text.parse::<NaiveDate>().map_err(|e| e.to_string())
    }

    #[test]
    fn impossible_and_unusual_dates_get_chronos_verdict() {
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "0000-01-01",
            "2026-1-05",
            "2026/11/05",
            "+2026-11-05",
            "２０２６-11-05",
            "2026-11-0x",
            "",
            "2026-11-05T00",
        ] {
            assert_eq!(read(text), chrono_reads(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_chronos_verdict(text in "[0-9+-]{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            proptest::prop_assert_eq!(read(&text), chrono_reads(&text));
        }
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
            assert_eq!(plain_date(&day.format("%Y-%m-%d").to_string()), Some(day));
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
}
