//! The shell's clock: the only place that asks the browser for the date, the time or the
//! time zone, and where start-up's user-timing marks are set.

use crate::domain::text::units::{round_i64, round_u64};
use chrono::NaiveDate;

/// The runner's local date.
pub fn today() -> NaiveDate {
    date_of(&js_sys::Date::new_0())
}

fn date_of(now: &js_sys::Date) -> NaiveDate {
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
    std::time::Duration::from_millis(round_u64(ms.clamp(1_000.0, 90_000_000.0)))
}

/// The runner's local date at `ms` since 1970.
pub fn date_at_ms(ms: u64) -> NaiveDate {
    date_of(&js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        ms as f64,
    )))
}

/// The runner's local date and time, to the minute.
pub fn now_local() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    let time =
        chrono::NaiveTime::from_hms_opt(now.get_hours(), now.get_minutes(), 0).unwrap_or_default();
    date_of(&now).and_time(time)
}

/// The runner's offset from UTC at that moment, in minutes (east positive), so an
/// activity from the other side of a summer-time change gets its own local time.
pub fn utc_offset_at(utc: chrono::NaiveDateTime) -> i32 {
    let ms = utc.and_utc().timestamp_millis() as f64;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    // Offsets are whole minutes within a day.
    -i32::try_from(round_i64(date.get_timezone_offset())).unwrap_or(0)
}

/// Milliseconds since 1970 (UTC), whole: the stamp of every saved record.
pub fn now_ms() -> u64 {
    // Date.now() is a whole number of ms; a clock before 1970 reads as 0 (round_u64).
    round_u64(js_sys::Date::now())
}

/// Milliseconds since the page started, with fractions: for measuring how long work takes.
pub fn now_precise() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// A record id unique across tabs and devices in practice: time in ms plus 32 random bits.
pub fn new_id() -> String {
    let random = round_u64((js_sys::Math::random() * 4_294_967_296.0).floor());
    format!("{:x}-{:08x}", now_ms(), random)
}

/// A user-timing mark (`performance.mark`): the bench and the browser's profiler see when
/// a step of start-up ended.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
