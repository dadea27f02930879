//! Reading the timestamps the importers meet, by hand (no format-string parser).

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// Milliseconds since 1970-01-01T00:00:00Z from an ISO 8601 / RFC 3339 time as GPX and TCX
/// write it: `2026-11-20T06:45:12Z`, with optional fractions (`…12.345Z`), an offset
/// (`+01:00`, `+0100`, `-05`), a space instead of `T`, or no zone at all (read as UTC).
pub(super) fn parse_iso_ms(text: &str) -> Option<i64> {
    let s = text.trim().as_bytes();
    let year = number(s, 0, 4)?;
    let month = number(s, 5, 2)?;
    let day = number(s, 8, 2)?;
    let hour = number(s, 11, 2)?;
    let minute = number(s, 14, 2)?;
    let second = number(s, 17, 2)?;
    let separators_ok = s.get(4) == Some(&b'-')
        && s.get(7) == Some(&b'-')
        && matches!(s.get(10), Some(b'T' | b't' | b' '))
        && s.get(13) == Some(&b':')
        && s.get(16) == Some(&b':');
    if !separators_ok {
        return None;
    }
    let mut pos = 19;
    let mut millis = 0i64;
    if matches!(s.get(pos), Some(b'.' | b',')) {
        pos += 1;
        let mut scale = 100;
        let start = pos;
        while let Some(d) = s.get(pos).filter(|b| b.is_ascii_digit()) {
            millis += i64::from(d - b'0') * scale;
            scale /= 10;
            pos += 1;
        }
        if pos == start {
            return None;
        }
    }
    let offset_minutes = match s.get(pos) {
        None => 0,
        Some(b'Z' | b'z') if pos + 1 == s.len() => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let hours = number(s, pos + 1, 2)?;
            let minutes = match s.get(pos + 3) {
                None => 0,
                Some(b':') if pos + 6 == s.len() => number(s, pos + 4, 2)?,
                Some(_) if pos + 5 == s.len() => number(s, pos + 3, 2)?,
                Some(_) => return None,
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = i64::from(hours * 60 + minutes);
            if sign == b'-' {
                -total
            } else {
                total
            }
        }
        Some(_) => return None,
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let utc_ms = date.and_time(time).and_utc().timestamp_millis();
    utc_ms
        .checked_add(millis)?
        .checked_sub(offset_minutes * 60_000)
}

/// `len` ASCII digits at `at`.
fn number(s: &[u8], at: usize, len: usize) -> Option<u32> {
    let digits = s.get(at..at.checked_add(len)?)?;
    digits.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// The UTC date and time, to the whole second, of milliseconds since 1970.
pub(super) fn from_unix_ms(ms: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp(ms.div_euclid(1000), 0).map(|t| t.naive_utc())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Strava's "Activity Date", in UTC: `Nov 20, 2026, 6:45:12 AM`. Also `20 Nov 2026,
/// 06:45:12` (24-hour without AM/PM), full month names, and ISO 8601 as a fallback.
pub(super) fn parse_strava_date(text: &str) -> Option<NaiveDateTime> {
    if let Some(ms) = parse_iso_ms(text) {
        return from_unix_ms(ms);
    }
    let (mut month, mut year, mut day, mut clock, mut pm) = (None, None, None, None, None);
    for token in text.split([',', ' ']).filter(|t| !t.is_empty()) {
        let lower = token.to_ascii_lowercase();
        if token.contains(':') {
            clock = Some(token);
        } else if lower == "am" || lower == "pm" {
            pm = Some(lower == "pm");
        } else if token.chars().all(|c| c.is_ascii_digit()) {
            if token.len() == 4 {
                year = token.parse::<i32>().ok();
            } else if token.len() <= 2 {
                day = token.parse::<u32>().ok();
            } else {
                return None;
            }
        } else {
            let prefix = lower.get(..3)?;
            let found = MONTHS.iter().position(|m| *m == prefix)?;
            month = Some(u32::try_from(found).ok()? + 1);
        }
    }
    let mut parts = clock?.split(':');
    let mut hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let second: u32 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    if parts.next().is_some() {
        return None;
    }
    match pm {
        Some(pm) if (1..=12).contains(&hour) => hour = hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => {}
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    Some(date.and_time(NaiveTime::from_hms_opt(hour, minute, second)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        text.parse().unwrap()
    }

    #[test]
    fn iso_times_in_their_usual_spellings() {
        let base = at("2026-11-20T06:45:12").and_utc().timestamp_millis();
        assert_eq!(parse_iso_ms("2026-11-20T06:45:12Z"), Some(base));
        assert_eq!(parse_iso_ms(" 2026-11-20T06:45:12 "), Some(base));
        assert_eq!(parse_iso_ms("2026-11-20 06:45:12z"), Some(base));
        assert_eq!(parse_iso_ms("2026-11-20T06:45:12.5Z"), Some(base + 500));
        assert_eq!(parse_iso_ms("2026-11-20T06:45:12.0456Z"), Some(base + 45));
        assert_eq!(parse_iso_ms("2026-11-20T07:45:12+01:00"), Some(base));
        assert_eq!(parse_iso_ms("2026-11-20T01:45:12-0500"), Some(base));
        assert_eq!(parse_iso_ms("2026-11-20T08:45:12+02"), Some(base));
        for bad in [
            "",
            "2026-11-20",
            "2026-13-20T06:45:12Z",
            "2026-11-20T06:45:12Zjunk",
            "2026-11-20T06:45:12.Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T06:45:12+24:00",
            "2026/11/20T06:45:12Z",
            "２026-11-20T06:45:12Z",
        ] {
            assert_eq!(parse_iso_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn strava_dates() {
        let want = at("2026-11-20T06:45:12");
        assert_eq!(parse_strava_date("Nov 20, 2026, 6:45:12 AM"), Some(want));
        assert_eq!(parse_strava_date("20 Nov 2026, 06:45:12"), Some(want));
        assert_eq!(
            parse_strava_date("November 20, 2026, 6:45:12 AM"),
            Some(want)
        );
        assert_eq!(parse_strava_date("2026-11-20 06:45:12"), Some(want));
        assert_eq!(
            parse_strava_date("Jan 1, 2026, 12:05:00 AM"),
            Some(at("2026-01-01T00:05:00"))
        );
        assert_eq!(
            parse_strava_date("Jan 1, 2026, 12:05:00 PM"),
            Some(at("2026-01-01T12:05:00"))
        );
        for bad in [
            "",
            "Nov 31, 2026, 6:45:12 AM",
            "Nov 20, 2026, 13:45:12 PM",
            "Nov 20, 2026",
            "Smarch 20, 2026, 6:45:12 AM",
            "Nov 20, 2026, 6:45:12:1 AM",
            "Nov 20, 20266, 6:45:12 AM",
        ] {
            assert_eq!(parse_strava_date(bad), None, "{bad}");
        }
    }
}
