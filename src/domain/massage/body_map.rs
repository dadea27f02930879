//! The body map's reading of each region: the highest soreness of the last week and what
//! it means for this runner (their sore level, and the one red-flag rule).

use crate::domain::massage::reminders::red_flags_on;
use crate::domain::massage::routine::recent_soreness;
use crate::domain::order;
use crate::domain::record::journal::Journal;
use crate::domain::record::region::Region;
use crate::domain::rulebook::pain;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Days of soreness the map shows, today included: the pain rule's window, so a red flag
/// always has its level on the map.
pub const MAP_DAYS: u64 = pain::WINDOW_DAYS.unsigned_abs();

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    NotSore,
    Mild,
    Sore,
    /// A pain red flag: a physiotherapist, no massage.
    RedFlag,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionReading {
    pub level: u8,
    pub band: Band,
}

impl RegionReading {
    /// The level in words for the map's legend.
    pub fn words(self) -> String {
        let level = self.level;
        match self.band {
            Band::NotSore => "not sore".into(),
            Band::Mild => format!("mild, {level}/10"),
            Band::Sore => format!("sore, {level}/10"),
            Band::RedFlag => format!("painful, {level}/10 — see a physiotherapist"),
        }
    }
}

/// Every region's reading on `today`.
pub fn body_map(journal: &Journal, today: NaiveDate) -> BTreeMap<Region, RegionReading> {
    let levels = recent_soreness(&journal.runs, today, MAP_DAYS);
    let red_flags = red_flags_on(journal, today);
    let sore_level = journal.settings.reminders.sore_level;
    order::map_of(Region::ALL.into_iter().map(|region| {
        let level = levels.get(&region).copied().unwrap_or(0);
        let band = if red_flags.contains(&region) {
            Band::RedFlag
        } else if level >= sore_level {
            Band::Sore
        } else if level > 0 {
            Band::Mild
        } else {
            Band::NotSore
        };
        (region, RegionReading { level, band })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::run::Run;

    fn sore(date: &str, levels: &[(Region, u8)]) -> Run {
        let mut run = Run::sample(date, 40, 4, 8);
        run.soreness = levels.iter().copied().collect();
        run
    }

    #[test]
    fn bands_follow_the_runners_levels_and_the_red_flag_rule() {
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        let mut journal = Journal {
            runs: vec![
                // Six days ago, then three newer runs: knees at 8 are out of the last
                // three runs, so no red flag, but still the week's highest level.
                sore("2026-11-14", &[(Region::Knees, 8)]),
                sore("2026-11-17", &[(Region::Calves, 3)]),
                sore("2026-11-18", &[(Region::Quads, 5)]),
                sore("2026-11-19", &[(Region::Feet, 7)]),
            ],
            ..Journal::default()
        };
        let map = body_map(&journal, today);
        assert_eq!(map[&Region::Feet].band, Band::RedFlag);
        assert_eq!(
            map[&Region::Feet].words(),
            "painful, 7/10 — see a physiotherapist"
        );
        assert_eq!(
            map[&Region::Knees],
            RegionReading {
                level: 8,
                band: Band::Sore
            }
        );
        assert_eq!(map[&Region::Quads].words(), "sore, 5/10");
        assert_eq!(map[&Region::Calves].words(), "mild, 3/10");
        assert_eq!(map[&Region::Glutes].words(), "not sore");
        // The runner's own levels: sore from 6, red flag from 8.
        journal.settings.reminders.sore_level = 6;
        journal.settings.reminders.physio_level = 8;
        let map = body_map(&journal, today);
        assert_eq!(map[&Region::Feet].band, Band::Sore);
        assert_eq!(map[&Region::Quads].band, Band::Mild);
    }
}
