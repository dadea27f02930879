//! The body regions a runner logs soreness for, massages and rolls, and their words.

use crate::domain::text::units::and_list;
use serde::{Deserialize, Serialize};

/// Body regions a runner can log soreness for (and, later, massage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Feet,
    Achilles,
    Calves,
    Shins,
    Knees,
    Quads,
    Hamstrings,
    Glutes,
    HipsItBand,
    LowerBack,
}

impl Region {
    /// "calves, quads and glutes"; empty for none.
    pub fn list_in_sentence(regions: &[Region]) -> String {
        let names: Vec<&str> = regions.iter().map(|r| r.in_sentence()).collect();
        and_list(&names)
    }

    pub const ALL: [Region; 10] = [
        Region::Feet,
        Region::Achilles,
        Region::Calves,
        Region::Shins,
        Region::Knees,
        Region::Quads,
        Region::Hamstrings,
        Region::Glutes,
        Region::HipsItBand,
        Region::LowerBack,
    ];

    /// The label on its own ("Feet / plantar fascia"), inside a sentence ("feet / plantar
    /// fascia", but "Achilles" and "IT band" keep their capitals), and the key (as stored).
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Region::Feet => ("Feet / plantar fascia", "feet / plantar fascia", "feet"),
            Region::Achilles => ("Achilles", "Achilles", "achilles"),
            Region::Calves => ("Calves", "calves", "calves"),
            Region::Shins => ("Shins", "shins", "shins"),
            Region::Knees => ("Knees", "knees", "knees"),
            Region::Quads => ("Quads", "quads", "quads"),
            Region::Hamstrings => ("Hamstrings", "hamstrings", "hamstrings"),
            Region::Glutes => ("Glutes", "glutes", "glutes"),
            Region::HipsItBand => ("Hips / IT band", "hips / IT band", "hips_it_band"),
            Region::LowerBack => ("Lower back", "lower back", "lower_back"),
        }
    }

    pub fn label(self) -> &'static str {
        self.words().0
    }

    pub fn in_sentence(self) -> &'static str {
        self.words().1
    }

    pub fn key(self) -> &'static str {
        self.words().2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_keys_match_serde_names() {
        for region in Region::ALL {
            let json = serde_json::to_string(&region).unwrap();
            assert_eq!(json, format!("\"{}\"", region.key()));
        }
    }
}
