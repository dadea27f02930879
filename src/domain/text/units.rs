//! Unit conversion and the display strings for distances, durations and paces.
//!
//! Storage is always metres and seconds; the unit setting only changes what is shown
//! and how typed numbers are read.

use super::decimal::fixed;
use serde::{Deserialize, Serialize};

/// The runner's distance unit: what is shown and typed (stored distances are metres).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[default]
    Km,
    Mi,
}

/// "1 run", "3 runs": a count with the word that agrees with it.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "a, b and c" (empty for none): a list inside a sentence.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// `x` rounded to a whole number. `as` saturates: NaN and negatives become 0 and values
/// past the type's range its maximum, which is what every caller here wants; this is the
/// one place such a conversion is written.
#[allow(clippy::cast_possible_truncation)]
pub fn round_u64(x: f64) -> u64 {
    x.round() as u64
}

/// `x` rounded to a whole `u32`, saturating as `round_u64`.
#[allow(clippy::cast_possible_truncation)]
pub fn round_u32(x: f64) -> u32 {
    x.round() as u32
}

/// `x` rounded to a whole `i64`, saturating as `round_u64`.
#[allow(clippy::cast_possible_truncation)]
pub fn round_i64(x: f64) -> i64 {
    x.round() as i64
}

/// Exact by definition (international mile).
pub const METRES_PER_MILE: f64 = 1609.344;
/// Exact by definition (international foot).
pub const METRES_PER_FOOT: f64 = 0.3048;

impl Unit {
    pub fn metres_per_unit(self) -> f64 {
        match self {
            Unit::Km => 1000.0,
            Unit::Mi => METRES_PER_MILE,
        }
    }

    /// "km" or "mi".
    pub fn abbrev(self) -> &'static str {
        match self {
            Unit::Km => "km",
            Unit::Mi => "mi",
        }
    }

    /// Elevation is shown in metres with km and in feet with miles.
    pub fn elevation_abbrev(self) -> &'static str {
        match self {
            Unit::Km => "m",
            Unit::Mi => "ft",
        }
    }

    pub fn metres_per_elevation_unit(self) -> f64 {
        match self {
            Unit::Km => 1.0,
            Unit::Mi => METRES_PER_FOOT,
        }
    }
}

/// A distance in the runner's unit, e.g. 10 000 m → 6.2137… mi.
pub fn to_unit(distance_m: u64, unit: Unit) -> f64 {
    distance_m as f64 / unit.metres_per_unit()
}

/// A distance typed in the runner's unit, as whole metres.
pub fn from_unit(value: f64, unit: Unit) -> u64 {
    round_u64(value * unit.metres_per_unit())
}

/// "10.50 km": two decimals, as running apps show it.
pub fn format_distance(distance_m: u64, unit: Unit) -> String {
    format!("{} {}", fixed(to_unit(distance_m, unit), 2), unit.abbrev())
}

/// A distance in whole units ("183 km"), for advice and settings rather than a run's log.
pub fn format_distance_whole(distance_m: u64, unit: Unit) -> String {
    format!("{} {}", round_u64(to_unit(distance_m, unit)), unit.abbrev())
}

/// The number only, as the edit form shows it: the shortest text (2 to 4 decimals, no
/// trailing zeros) that reads back as the same whole metres, so saving an untouched form
/// never changes the stored distance and a typed "26.2" mi shows as "26.2".
pub fn distance_for_input(distance_m: u32, unit: Unit) -> String {
    let value = to_unit(u64::from(distance_m), unit);
    let with_decimals = |places: u8| {
        let text = fixed(value, places).to_string();
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    // Four decimals of a mile are 0.16 m, so the last candidate always reads back exactly.
    (2..=4)
        .map(with_decimals)
        .find(|text| text.parse::<f64>().map(|v| from_unit(v, unit)) == Ok(u64::from(distance_m)))
        .unwrap_or_else(|| with_decimals(4))
}

/// "45:30" under an hour, "1:05:30" from an hour on.
pub fn format_duration(total_s: u64) -> String {
    let (h, m, s) = (total_s / 3600, total_s / 60 % 60, total_s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Seconds per unit of distance, or `None` when there is no distance.
pub fn pace_s_per_unit(distance_m: u64, duration_s: u64, unit: Unit) -> Option<f64> {
    (distance_m > 0).then(|| duration_s as f64 / to_unit(distance_m, unit))
}

/// "5:12 /km". Rounded to the nearest second, carrying into the minutes.
pub fn format_pace(s_per_unit: f64, unit: Unit) -> String {
    let whole = round_u64(s_per_unit);
    format!("{}:{:02} /{}", whole / 60, whole % 60, unit.abbrev())
}

/// Elevation in the runner's unit, rounded to whole metres or feet.
pub fn elevation_for_display(elevation_m: u32, unit: Unit) -> u64 {
    round_u64(f64::from(elevation_m) / unit.metres_per_elevation_unit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kilometres_and_miles_convert_both_ways() {
        // 1 mi = 1609.344 m exactly; a marathon is 42 195 m = 26.2188 mi.
        assert_eq!(from_unit(1.0, Unit::Mi), 1609);
        assert_eq!(from_unit(26.2, Unit::Mi), 42_165); // 26.2 × 1609.344 = 42 164.8
        assert!((to_unit(42_195, Unit::Mi) - 26.218_757).abs() < 1e-6);
        assert_eq!(from_unit(10.5, Unit::Km), 10_500);
        assert!((to_unit(10_500, Unit::Km) - 10.5).abs() < 1e-12);
    }

    #[test]
    fn distance_is_shown_with_two_decimals_in_either_unit() {
        assert_eq!(format_distance(10_000, Unit::Km), "10.00 km");
        assert_eq!(format_distance(10_000, Unit::Mi), "6.21 mi"); // 6.2137
        assert_eq!(format_distance(0, Unit::Km), "0.00 km");
    }

    #[test]
    fn input_distance_drops_trailing_zeros() {
        assert_eq!(distance_for_input(10_000, Unit::Km), "10");
        assert_eq!(distance_for_input(10_500, Unit::Km), "10.5");
        assert_eq!(distance_for_input(5_005, Unit::Km), "5.005");
        assert_eq!(distance_for_input(4_989, Unit::Mi), "3.1"); // 4989 / 1609.344 = 3.09999…
        assert_eq!(distance_for_input(5_005, Unit::Mi), "3.11"); // 3.10996…
    }

    #[test]
    fn editing_without_touching_the_distance_keeps_every_metre() {
        for unit in [Unit::Km, Unit::Mi] {
            for metres in (1..=300_000u32).step_by(7) {
                let shown = distance_for_input(metres, unit);
                let back = from_unit(shown.parse().unwrap(), unit);
                assert_eq!(
                    back,
                    u64::from(metres),
                    "{metres} m shown as {shown} {unit:?}"
                );
            }
        }
    }

    #[test]
    fn typed_miles_survive_a_round_trip_through_storage() {
        for typed in ["3.1", "13.1", "26.2", "0.5", "100"] {
            let metres = u32::try_from(from_unit(typed.parse().unwrap(), Unit::Mi)).unwrap();
            assert_eq!(distance_for_input(metres, Unit::Mi), typed);
        }
    }

    #[test]
    fn durations_show_hours_only_when_needed() {
        assert_eq!(format_duration(0), "0:00");
        assert_eq!(format_duration(59), "0:59");
        assert_eq!(format_duration(45 * 60 + 30), "45:30");
        assert_eq!(format_duration(3600), "1:00:00");
        assert_eq!(format_duration(3600 + 5 * 60 + 7), "1:05:07");
        assert_eq!(format_duration(26 * 3600), "26:00:00");
    }

    #[test]
    fn pace_per_km_and_per_mile() {
        // 10 km in 50:00 → 300 s/km → 5:00 /km; per mile 300 × 1.609344 = 482.8 s → 8:03 /mi.
        let per_km = pace_s_per_unit(10_000, 3000, Unit::Km).unwrap();
        assert_eq!(format_pace(per_km, Unit::Km), "5:00 /km");
        let per_mi = pace_s_per_unit(10_000, 3000, Unit::Mi).unwrap();
        assert!((per_mi - 482.8032).abs() < 1e-9);
        assert_eq!(format_pace(per_mi, Unit::Mi), "8:03 /mi");
        assert_eq!(pace_s_per_unit(0, 3000, Unit::Km), None);
    }

    #[test]
    fn pace_rounding_carries_into_minutes() {
        assert_eq!(format_pace(299.6, Unit::Km), "5:00 /km");
        assert_eq!(format_pace(359.4, Unit::Km), "5:59 /km");
    }

    #[test]
    fn elevation_in_feet_with_miles() {
        assert_eq!(elevation_for_display(100, Unit::Km), 100);
        assert_eq!(elevation_for_display(100, Unit::Mi), 328); // 100 / 0.3048 = 328.08
    }
}
