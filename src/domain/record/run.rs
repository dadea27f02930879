//! A logged run and the vocabularies it uses.

use crate::domain::record::region::Region;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One run as stored. Distances are whole metres and durations whole seconds so that
/// unit conversion never accumulates rounding error in storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub id: String,
    #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::text::dates::deserialize_time"
    )]
    pub start_time: Option<NaiveTime>,
    pub distance_m: u32,
    pub duration_s: u32,
    #[serde(rename = "type")]
    pub kind: RunKind,
    pub rpe: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_hr: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation_gain_m: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Only regions with a soreness above 0 are kept.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub soreness: BTreeMap<Region, u8>,
    /// The race on the calendar this run was, for race-type runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub race_id: Option<String>,
    /// When it was last saved (ms since 1970), for merging two tabs' copies; 0 if unknown.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_ms: u64,
}

pub(crate) fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Run {
    /// Seconds per kilometre; `None` for a zero distance (never stored, but never divide by it).
    pub fn pace_s_per_km(&self) -> Option<f64> {
        (self.distance_m > 0)
            .then(|| f64::from(self.duration_s) / (f64::from(self.distance_m) / 1000.0))
    }

    /// The order History shows runs in: newest day first, then latest start time.
    pub fn newest_first(a: &Run, b: &Run) -> std::cmp::Ordering {
        b.date
            .cmp(&a.date)
            .then(b.start_time.cmp(&a.start_time))
            .then(b.id.cmp(&a.id))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    #[default]
    Easy,
    Recovery,
    Long,
    Tempo,
    Intervals,
    Race,
    Trail,
    Other,
}

impl RunKind {
    pub const ALL: [RunKind; 8] = [
        RunKind::Easy,
        RunKind::Recovery,
        RunKind::Long,
        RunKind::Tempo,
        RunKind::Intervals,
        RunKind::Race,
        RunKind::Trail,
        RunKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RunKind::Easy => "Easy",
            RunKind::Recovery => "Recovery",
            RunKind::Long => "Long",
            RunKind::Tempo => "Tempo",
            RunKind::Intervals => "Intervals",
            RunKind::Race => "Race",
            RunKind::Trail => "Trail",
            RunKind::Other => "Other",
        }
    }

    /// A stable machine name, used as form values and in storage.
    pub fn key(self) -> &'static str {
        match self {
            RunKind::Easy => "easy",
            RunKind::Recovery => "recovery",
            RunKind::Long => "long",
            RunKind::Tempo => "tempo",
            RunKind::Intervals => "intervals",
            RunKind::Race => "race",
            RunKind::Trail => "trail",
            RunKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<RunKind> {
        RunKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[cfg(test)]
impl Run {
    /// A plain easy run for tests: `Run::sample("2026-11-01", 45, 6, 8)` is 45 minutes at
    /// RPE 6 over 8 km. The id is made from the arguments.
    pub fn sample(date: &str, minutes: u32, rpe: u8, km: u32) -> Run {
        Run {
            id: format!("{date}-{minutes}-{rpe}-{km}"),
            date: date.parse().expect("test dates are valid"),
            start_time: None,
            distance_m: km * 1000,
            duration_s: minutes * 60,
            kind: RunKind::Easy,
            rpe,
            avg_hr: None,
            elevation_gain_m: None,
            notes: String::new(),
            soreness: BTreeMap::new(),
            race_id: None,
            updated_ms: 0,
        }
    }
}

pub const RPE_MIN: u8 = 1;
pub const RPE_MAX: u8 = 10;
pub const SORENESS_MAX: u8 = 10;

/// The words of Foster's modified CR-10 scale for session RPE.
pub fn rpe_words(rpe: u8) -> &'static str {
    match rpe {
        1 => "Very, very easy",
        2 => "Easy",
        3 => "Moderate",
        4 => "Somewhat hard",
        5 => "Hard",
        6 => "Hard +",
        7 => "Very hard",
        8 => "Very hard +",
        9 => "Very, very hard",
        10 => "Maximal",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_keys_round_trip_and_match_serde_names() {
        for kind in RunKind::ALL {
            assert_eq!(RunKind::from_key(kind.key()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
        assert_eq!(RunKind::from_key("sprint"), None);
    }

    #[test]
    fn every_rpe_on_the_scale_has_words() {
        for rpe in RPE_MIN..=RPE_MAX {
            assert!(!rpe_words(rpe).is_empty(), "RPE {rpe}");
        }
        assert_eq!(rpe_words(0), "");
        assert_eq!(rpe_words(11), "");
    }

    #[test]
    fn newest_first_orders_by_date_then_start_time() {
        let mk = |id: &str, date: &str, time: Option<&str>| Run {
            id: id.into(),
            start_time: time.map(|t| t.parse().unwrap()),
            ..Run::sample(date, 5, 3, 1)
        };
        let mut runs = [
            mk("a", "2026-11-01", Some("07:00:00")),
            mk("b", "2026-11-03", None),
            mk("c", "2026-11-01", Some("18:00:00")),
        ];
        runs.sort_by(Run::newest_first);
        let ids: Vec<_> = runs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }
}
