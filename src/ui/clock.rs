//! The shell's clock: the only place that asks the browser for the date or time, and
//! where start-up's user-timing marks are set.

use chrono::NaiveDate;

/// The runner's local date.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// How long until just after the next local midnight, when the runner's date moves on.
/// Worked out from the browser's calendar, so a daylight-saving change is taken care of.
pub fn until_next_midnight() -> std::time::Duration {
    let now = js_sys::Date::new_0();
    let next = js_sys::Date::new_with_year_month_day_hr_min_sec(
        now.get_full_year(),
        now.get_month() as i32,
        now.get_date() as i32 + 1,
        0,
        0,
        1,
    );
    let ms = next.get_time() - now.get_time();
    // Never less than a second, never more than a day and an hour: a clock that jumps
    // is looked at again soon.
    std::time::Duration::from_millis(ms.clamp(1_000.0, 90_000_000.0) as u64)
}

/// Milliseconds since 1970 (UTC), whole: the stamp of every saved record.
pub fn now_ms() -> u64 {
    // Date.now() is a whole number of ms; a clock before 1970 reads as 0.
    let ms = js_sys::Date::now();
    if ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

/// A record id unique across tabs and devices in practice: time in ms plus 32 random bits.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:x}-{:08x}", now_ms(), random)
}

/// A user-timing mark (`performance.mark`): the bench and the browser's profiler see when
/// a step of start-up ended.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
