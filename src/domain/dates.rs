//! Dates and times as the runner reads them ("Fri 27 Nov") and as files and forms write
//! them ("2026-11-27", "07:30").
//!
//! Written by hand rather than with chrono's `format`: its strftime (a format-string
//! parser and a general formatter) was the largest part of chrono in the WebAssembly that
//! Today downloads first. The tests hold every form to chrono's own output.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    #[test]
    fn every_day_of_two_centuries_reads_as_chronos_strftime_writes_it() {
        let mut day = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2150, 12, 31).unwrap();
        while day <= end {
            assert_eq!(iso(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(short_day(day), day.format("%a %-d %b").to_string());
            assert_eq!(short_day_year(day), day.format("%a %-d %b %Y").to_string());
            assert_eq!(long_day(day), day.format("%A %-d %B").to_string());
            assert_eq!(day_month(day), day.format("%-d %b").to_string());
            assert_eq!(day_month_year(day), day.format("%-d %b %Y").to_string());
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
