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

proptest::proptest! {
    /// Forms' dates are read as chrono's `%Y-%m-%d` reads them, for four-digit years and
    /// without spaces (the forms trim the text; chrono would skip a space before a number).
    #[test]
    fn typed_dates_read_as_chrono_reads_them(text in "[0-9]{4}-[0-9]{0,3}-[0-9]{0,3}|[0-9+-]{0,12}") {
        let chrono = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
        let year_of_four = text.split('-').next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
        if year_of_four {
            proptest::prop_assert_eq!(typed_date(&text), chrono, "{}", text);
        } else {
            // Other years (signed, longer, shorter) are no date a form gives.
            proptest::prop_assert_eq!(typed_date(&text), None);
        }
    }

    /// Forms' times are read as chrono's `%H:%M`, then `%H:%M:%S`, read them, but for two
    /// differences on purpose: no spaces (the forms trim the text; chrono would skip a
    /// space before a number), and no leap second (":60", which chrono reads).
    #[test]
    fn typed_times_read_as_chrono_reads_them(text in "[0-9]{0,3}:[0-9]{0,3}(:[0-9]{0,3})?|[0-9:.]{0,9}") {
        let chrono = NaiveTime::parse_from_str(&text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M:%S"))
            .ok()
            .filter(|time| time.nanosecond() < 1_000_000_000);
        proptest::prop_assert_eq!(typed_time(&text), chrono, "{}", text);
    }
}

#[test]
fn typed_dates_and_times_as_forms_give_them() {
    assert_eq!(
        typed_date("2026-11-27"),
        NaiveDate::from_ymd_opt(2026, 11, 27)
    );
    assert_eq!(typed_date("2026-1-5"), NaiveDate::from_ymd_opt(2026, 1, 5));
    assert_eq!(typed_date("2026-02-30"), None);
    assert_eq!(typed_date("27/11/2026"), None);
    assert_eq!(typed_time("07:30"), NaiveTime::from_hms_opt(7, 30, 0));
    assert_eq!(typed_time("7:30:15"), NaiveTime::from_hms_opt(7, 30, 15));
    assert_eq!(typed_time("24:00"), None);
    assert_eq!(typed_time("07:30:60"), None);
    assert_eq!(typed_time(" 7:30"), None);
}
