//! Reading what a runner types on a phone keypad.
//!
//! Phone number pads often have no ":" key, so durations accept ".", ",", ":", "'" or a
//! space between hours, minutes and seconds, and plain digits are read as minutes (up to
//! three digits: "45" is 45 min) or as a clock without separators ("4530" is 45:30,
//! "13000" is 1:30:00). The form echoes the reading back, so there is no surprise.

/// Why a typed value could not be read. Each has its own plain-words message in `draft`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NotANumber,
    /// Minutes or seconds of 60 or more where a larger part is also given.
    OutOfClock,
}

const SEPARATORS: [char; 5] = [':', '.', ',', ' ', '\''];

/// A duration in whole seconds, from "h:mm:ss", "mm:ss", "45" (minutes) or "4530".
pub fn parse_duration(text: &str) -> Result<u32, ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let parts: Vec<&str> = text.split(SEPARATORS).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 6)
    {
        return Err(ParseError::NotANumber);
    }
    let numbers: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (h, m, s) = match numbers.as_slice() {
        [only] => split_bare_digits(parts[0], *only),
        [m, s] => (0, *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return Err(ParseError::NotANumber),
    };
    let has_larger_part_than_minutes = h > 0 || numbers.len() == 3;
    if s >= 60 || (m >= 60 && has_larger_part_than_minutes) {
        return Err(ParseError::OutOfClock);
    }
    Ok(h * 3600 + m * 60 + s)
}

/// Digits without separators: up to three are minutes; four or more are a clock read
/// from the right (…hh mm ss).
fn split_bare_digits(digits: &str, value: u32) -> (u32, u32, u32) {
    if digits.len() <= 3 {
        (0, value, 0)
    } else {
        (value / 10_000, value / 100 % 100, value % 100)
    }
}

/// A positive or zero decimal number, accepting "," as the decimal mark.
pub fn parse_decimal(text: &str) -> Result<f64, ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let normalised = text.replace(',', ".");
    let well_formed = normalised.chars().all(|c| c.is_ascii_digit() || c == '.')
        && normalised.matches('.').count() <= 1
        && normalised.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(ParseError::NotANumber);
    }
    normalised.parse().map_err(|_| ParseError::NotANumber)
}

/// A whole number such as a heart rate; a sign or decimals are not a whole number.
pub fn parse_whole(text: &str) -> Result<u32, ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if !text.chars().all(|c| c.is_ascii_digit()) || text.len() > 9 {
        return Err(ParseError::NotANumber);
    }
    text.parse().map_err(|_| ParseError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_forms_with_any_separator() {
        assert_eq!(parse_duration("45:30"), Ok(45 * 60 + 30));
        assert_eq!(parse_duration("1:05:30"), Ok(3600 + 5 * 60 + 30));
        assert_eq!(parse_duration("1.05.30"), Ok(3930));
        assert_eq!(parse_duration("1,05,30"), Ok(3930));
        assert_eq!(parse_duration("1 05 30"), Ok(3930));
        assert_eq!(parse_duration("45'30"), Ok(2730));
        assert_eq!(parse_duration("  45:30 "), Ok(2730));
        assert_eq!(parse_duration("0:45:00"), Ok(2700));
    }

    #[test]
    fn bare_digits_are_minutes_up_to_three_digits() {
        assert_eq!(parse_duration("45"), Ok(45 * 60));
        assert_eq!(parse_duration("5"), Ok(300));
        assert_eq!(parse_duration("120"), Ok(7200));
    }

    #[test]
    fn longer_bare_digits_read_as_a_clock_from_the_right() {
        assert_eq!(parse_duration("4530"), Ok(45 * 60 + 30));
        assert_eq!(parse_duration("13000"), Ok(3600 + 30 * 60));
        assert_eq!(parse_duration("013000"), Ok(5400));
        assert_eq!(parse_duration("4575"), Err(ParseError::OutOfClock));
        assert_eq!(parse_duration("16000"), Err(ParseError::OutOfClock));
    }

    #[test]
    fn minutes_may_exceed_sixty_only_when_they_are_the_largest_part() {
        assert_eq!(parse_duration("90:00"), Ok(5400));
        assert_eq!(parse_duration("1:60:00"), Err(ParseError::OutOfClock));
        assert_eq!(parse_duration("0:60:00"), Err(ParseError::OutOfClock));
        assert_eq!(parse_duration("45:60"), Err(ParseError::OutOfClock));
    }

    #[test]
    fn rubbish_is_not_a_duration() {
        assert_eq!(parse_duration(""), Err(ParseError::Empty));
        assert_eq!(parse_duration("   "), Err(ParseError::Empty));
        for bad in [
            "abc", "45min", "-45", "1:", ":30", "1::30", "1:2:3:4", "4 5 3 0", "1234567",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} should not parse");
        }
        assert_eq!(parse_duration("0"), Ok(0)); // zero is a number; `draft` rejects it
    }

    #[test]
    fn decimals_take_a_comma_or_a_point() {
        assert_eq!(parse_decimal("10"), Ok(10.0));
        assert_eq!(parse_decimal("10.5"), Ok(10.5));
        assert_eq!(parse_decimal("10,5"), Ok(10.5));
        assert_eq!(parse_decimal(".5"), Ok(0.5));
        assert_eq!(parse_decimal(" 7 "), Ok(7.0));
        assert_eq!(parse_decimal(""), Err(ParseError::Empty));
        for bad in ["-5", "ten", "1.2.3", "1e3", ".", "5 km", "inf", "NaN", "+5"] {
            assert_eq!(parse_decimal(bad), Err(ParseError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn whole_numbers_only() {
        assert_eq!(parse_whole("150"), Ok(150));
        assert_eq!(parse_whole(""), Err(ParseError::Empty));
        for bad in ["-1", "150.5", "abc", "1 50", "99999999999"] {
            assert_eq!(parse_whole(bad), Err(ParseError::NotANumber), "{bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn parsers_never_panic(text in ".{0,40}") {
            let _ = parse_duration(&text);
            let _ = parse_decimal(&text);
            let _ = parse_whole(&text);
        }

        #[test]
        fn formatted_durations_read_back(total in 0u32..360_000) {
            let text = crate::domain::text::units::format_duration(u64::from(total));
            proptest::prop_assert_eq!(parse_duration(&text), Ok(total));
        }
    }
}
