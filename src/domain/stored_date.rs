//! Reading a stored date (`YYYY-MM-DD`) without chrono's general parser.
//!
//! Reading a long history decodes a date per record, and chrono's parser (format items,
//! a `Parsed` to fill and check) is the slowest step of it. The common form is read by
//! hand; anything else goes to chrono, so what is accepted and every error message stay
//! exactly chrono's.

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

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
    fn every_day_of_two_centuries_reads_as_chrono_reads_it() {
        let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        while day <= end {
            let text = day.format("%Y-%m-%d").to_string();
            assert_eq!(plain_date(&text), Some(day), "{text}");
            day = day + Days::new(1);
        }
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
}
