//! Massages the runner logs.

use crate::domain::record::region::Region;
use crate::domain::record::run::is_zero;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MassageKind {
    /// A sports massage by a therapist.
    #[default]
    Professional,
    SelfMassage,
    FoamRolling,
    MassageGun,
}

impl MassageKind {
    pub const ALL: [MassageKind; 4] = [
        MassageKind::Professional,
        MassageKind::SelfMassage,
        MassageKind::FoamRolling,
        MassageKind::MassageGun,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MassageKind::Professional => "Sports massage (therapist)",
            MassageKind::SelfMassage => "Self-massage",
            MassageKind::FoamRolling => "Foam rolling",
            MassageKind::MassageGun => "Massage gun",
        }
    }

    /// The label inside a sentence.
    pub fn in_sentence(self) -> &'static str {
        match self {
            MassageKind::Professional => "sports massage (therapist)",
            MassageKind::SelfMassage => "self-massage",
            MassageKind::FoamRolling => "foam rolling",
            MassageKind::MassageGun => "massage gun",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            MassageKind::Professional => "professional",
            MassageKind::SelfMassage => "self_massage",
            MassageKind::FoamRolling => "foam_rolling",
            MassageKind::MassageGun => "massage_gun",
        }
    }

    pub fn from_key(key: &str) -> Option<MassageKind> {
        MassageKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One massage as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Massage {
    pub id: String,
    #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
    pub date: NaiveDate,
    pub kind: MassageKind,
    pub minutes: u16,
    /// Deep tissue work, as opposed to a light flush; the race rules care about the
    /// difference.
    #[serde(default)]
    pub deep: bool,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub regions: BTreeSet<Region>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// In hundredths of the runner's currency, so sums never drift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_cents: Option<u32>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_ms: u64,
}

#[cfg(test)]
impl Massage {
    /// A massage for tests: `Massage::sample("2026-11-01", MassageKind::Professional, true)`.
    pub fn sample(date: &str, kind: MassageKind, deep: bool) -> Massage {
        Massage {
            id: format!("m-{date}-{}", kind.key()),
            date: date.parse().expect("test dates are valid"),
            kind,
            minutes: 45,
            deep,
            regions: BTreeSet::new(),
            notes: String::new(),
            cost_cents: None,
            updated_ms: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde_names() {
        for kind in MassageKind::ALL {
            assert_eq!(MassageKind::from_key(kind.key()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.key())
            );
        }
        assert_eq!(MassageKind::from_key("spa"), None);
    }
}
