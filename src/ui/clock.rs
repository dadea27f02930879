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

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A record id unique across tabs and devices in practice: time in ms plus 32 random bits.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:x}-{:08x}", now_ms() as u64, random)
}

/// A user-timing mark (`performance.mark`): the bench and the browser's profiler see when
/// a step of start-up ended.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
