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

/// A day as a form gives it (`YYYY-MM-DD`; a month or day of one digit is read too), as
/// chrono's `%Y-%m-%d` reads it for every year the forms accept. `None` for anything else.
pub fn typed_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |part: &str| {
        (1..=2)
            .contains(&part.len())
            .then(|| digits(part.as_bytes()))?
    };
    if year.len() != 4 {
        return None;
    }
    let year = i32::try_from(digits(year.as_bytes())?).ok()?;
    NaiveDate::from_ymd_opt(year, short(month)?, short(day)?)
}

/// A time as a form gives it (`HH:MM`, or `HH:MM:SS`; an hour of one digit is read too),
/// as chrono's `%H:%M` then `%H:%M:%S` read it. `None` for anything else.
pub fn typed_time(text: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = text.split(':').collect();
    let number = |part: &str, widths: std::ops::RangeInclusive<usize>| {
        widths
            .contains(&part.len())
            .then(|| digits(part.as_bytes()))?
    };
    match parts.as_slice() {
        [hour, minute] => NaiveTime::from_hms_opt(number(hour, 1..=2)?, number(minute, 1..=2)?, 0),
        [hour, minute, second] => NaiveTime::from_hms_opt(
            number(hour, 1..=2)?,
            number(minute, 1..=2)?,
            number(second, 1..=2)?,
        ),
        _ => None,
    }
}

/// Why a day typed in a form for something that has happened was not taken; each form
/// says it in its own words.
#[derive(Debug, PartialEq)]
pub enum PastDayProblem {
    Missing,
    Unreadable,
    ToCome,
}

/// A day typed in a form (`YYYY-MM-DD`, trimmed) that is today or before it: the one
/// reader behind every form that logs something that has happened.
pub fn read_past_day(text: &str, today: NaiveDate) -> Result<NaiveDate, PastDayProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PastDayProblem::Missing);
    }
    let day = typed_date(text).ok_or(PastDayProblem::Unreadable)?;
    if day > today {
        Err(PastDayProblem::ToCome)
    } else {
        Ok(day)
    }
}

/// `read_past_day` with the words of a form that asks for "the day".
pub fn read_past_or_today(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    read_past_day(text, today).map_err(|problem| {
        match problem {
            PastDayProblem::Missing => "Enter the day.",
            PastDayProblem::Unreadable => "Enter the day as year-month-day, e.g. 2026-11-27.",
            PastDayProblem::ToCome => "That day is still to come: enter the day it happened.",
        }
        .to_string()
    })
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
pub fn stored_date(text: &str) -> Option<NaiveDate> {
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
mod tests;
