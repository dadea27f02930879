//! A visit to a physiotherapist about regions with a pain red flag. It clears their flag
//! until a run logs that level again.

use crate::domain::record::region::Region;
use crate::domain::record::run::is_zero;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhysioVisit {
    pub id: String,
    #[serde(deserialize_with = "crate::domain::text::dates::deserialize")]
    pub date: NaiveDate,
    pub regions: BTreeSet<Region>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_ms: u64,
}

impl PhysioVisit {
    pub fn new(id: String, date: NaiveDate, regions: &[Region], note: String) -> PhysioVisit {
        PhysioVisit {
            id,
            date,
            regions: regions.iter().copied().collect(),
            note,
            updated_ms: 0,
        }
    }
}

/// The latest visit up to `today` for each region seen.
pub fn seen_by_physio(visits: &[PhysioVisit], today: NaiveDate) -> BTreeMap<Region, NaiveDate> {
    let mut seen = BTreeMap::new();
    for visit in visits.iter().filter(|v| v.date <= today) {
        for region in &visit.regions {
            let latest = seen.entry(*region).or_insert(visit.date);
            *latest = (*latest).max(visit.date);
        }
    }
    seen
}
