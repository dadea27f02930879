//! The rules the runner can switch off and tune in Settings: each number's default and
//! the range Settings accepts, defined once and read by the engine, the form and the
//! stored-data reader alike.

use serde::{Deserialize, Serialize};

/// A number the runner can change: its default and the range accepted. A ratio is
/// stored in tenths and shown to the runner as a decimal ("1.5×").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tunable {
    pub default: u16,
    pub min: u16,
    pub max: u16,
    pub tenths: bool,
}

impl Tunable {
    const fn new(default: u16, min: u16, max: u16) -> Tunable {
        Tunable {
            default,
            min,
            max,
            tenths: false,
        }
    }

    const fn ratio(default: u16, min: u16, max: u16) -> Tunable {
        Tunable {
            default,
            min,
            max,
            tenths: true,
        }
    }

    pub fn clamp(self, value: u16) -> u16 {
        value.clamp(self.min, self.max)
    }

    /// The stored value as the runner reads it: "90", or "1.5" for a ratio.
    pub fn show(self, value: u16) -> String {
        if self.tenths {
            format!("{}.{}", value / 10, value % 10)
        } else {
            value.to_string()
        }
    }

    /// What the runner typed, as a stored value in range; `None` otherwise. A ratio takes
    /// one decimal, with a point or a comma ("1.5", "1,5", "2").
    pub fn read(self, text: &str) -> Option<u16> {
        let text = text.trim();
        let value = if self.tenths {
            let (whole, tenth) = text.split_once(['.', ',']).map_or((text, "0"), |(w, t)| {
                (w, if t.is_empty() { "0" } else { t })
            });
            let whole: u16 = whole.parse().ok()?;
            let tenth: u16 = (tenth.len() == 1).then(|| tenth.parse().ok()).flatten()?;
            whole.checked_mul(10)?.checked_add(tenth)?
        } else {
            text.parse().ok()?
        };
        (self.min..=self.max).contains(&value).then_some(value)
    }

    /// The message beside the field when what was typed is not accepted.
    pub fn out_of_range(self) -> String {
        if self.tenths {
            format!(
                "Enter a number from {} to {}, with at most one decimal.",
                self.show(self.min),
                self.show(self.max)
            )
        } else {
            format!("Enter a whole number from {} to {}.", self.min, self.max)
        }
    }
}

/// A regular sports massage every this many days (practitioners' convention).
pub const PROFESSIONAL_EVERY_DAYS: Tunable = Tunable::new(21, 7, 120);
/// A massage every this much running (practitioners' convention: 150 km, 100 mi).
pub const DISTANCE_EVERY_KM: Tunable = Tunable::new(150, 10, 2000);
pub const DISTANCE_EVERY_MI: Tunable = Tunable::new(100, 5, 1200);
/// A run this long is a long run.
pub const LONG_RUN_MINUTES: Tunable = Tunable::new(90, 30, 600);
/// A big session: this many tenths of the 28-day average session load (15 = 1.5×).
pub const BIG_SESSION_TENTHS: Tunable = Tunable::ratio(15, 11, 50);
/// Days before an A or B race to remind the runner to book the last deep massage.
pub const RACE_BOOK_DAYS_BEFORE: Tunable = Tunable::new(10, 7, 30);
/// Soreness (0–10) from which a region counts as sore.
pub const SORE_LEVEL: Tunable = Tunable::new(4, 1, 9);
/// Soreness (0–10) from which a region is a pain red flag: a physiotherapist, no massage.
pub const PHYSIO_LEVEL: Tunable = Tunable::new(7, 2, 10);
/// ACWR above this many tenths is a load spike (15 = 1.5).
pub const SPIKE_ACWR_TENTHS: Tunable = Tunable::ratio(15, 11, 30);
/// Two-week distance rise above this percentage is a jump (Nielsen et al. 2014: 30 %).
pub const SPIKE_JUMP_PERCENT: Tunable = Tunable::new(30, 10, 200);

/// Each rule can be switched off and its numbers changed in Settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReminderSettings {
    pub professional_on: bool,
    pub professional_every_days: u16,
    pub distance_on: bool,
    /// The distance rule counts in the runner's unit: 150 km or 100 mi by default.
    pub distance_every_km: u16,
    pub distance_every_mi: u16,
    pub hard_effort_on: bool,
    pub long_run_minutes: u16,
    pub big_session_tenths: u16,
    pub race_before_on: bool,
    pub race_book_days_before: u16,
    pub race_after_on: bool,
    pub soreness_on: bool,
    pub sore_level: u8,
    pub physio_level: u8,
    pub spike_on: bool,
    pub spike_acwr_tenths: u16,
    pub spike_jump_percent: u16,
}

/// A 0–10 level from a tunable whose range lies within 0–10.
fn level(value: u16) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            professional_on: true,
            professional_every_days: PROFESSIONAL_EVERY_DAYS.default,
            distance_on: true,
            distance_every_km: DISTANCE_EVERY_KM.default,
            distance_every_mi: DISTANCE_EVERY_MI.default,
            hard_effort_on: true,
            long_run_minutes: LONG_RUN_MINUTES.default,
            big_session_tenths: BIG_SESSION_TENTHS.default,
            race_before_on: true,
            race_book_days_before: RACE_BOOK_DAYS_BEFORE.default,
            race_after_on: true,
            soreness_on: true,
            sore_level: level(SORE_LEVEL.default),
            physio_level: level(PHYSIO_LEVEL.default),
            spike_on: true,
            spike_acwr_tenths: SPIKE_ACWR_TENTHS.default,
            spike_jump_percent: SPIKE_JUMP_PERCENT.default,
        }
    }
}

impl ReminderSettings {
    /// Every number brought into the range Settings accepts, so a hand-edited backup (a
    /// sore level of 0, say) cannot make every region "sore". The physiotherapist level
    /// stays above the sore level.
    pub fn sanitized(self) -> ReminderSettings {
        let sore_level = level(SORE_LEVEL.clamp(self.sore_level.into()));
        ReminderSettings {
            professional_every_days: PROFESSIONAL_EVERY_DAYS.clamp(self.professional_every_days),
            distance_every_km: DISTANCE_EVERY_KM.clamp(self.distance_every_km),
            distance_every_mi: DISTANCE_EVERY_MI.clamp(self.distance_every_mi),
            long_run_minutes: LONG_RUN_MINUTES.clamp(self.long_run_minutes),
            big_session_tenths: BIG_SESSION_TENTHS.clamp(self.big_session_tenths),
            race_book_days_before: RACE_BOOK_DAYS_BEFORE.clamp(self.race_book_days_before),
            sore_level,
            physio_level: level(PHYSIO_LEVEL.clamp(self.physio_level.into())).max(sore_level + 1),
            spike_acwr_tenths: SPIKE_ACWR_TENTHS.clamp(self.spike_acwr_tenths),
            spike_jump_percent: SPIKE_JUMP_PERCENT.clamp(self.spike_jump_percent),
            ..self
        }
    }

    /// ACWR above this is a load spike, for Today's readiness and the massage reminder alike.
    pub fn spike_acwr(&self) -> f64 {
        f64::from(self.spike_acwr_tenths) / 10.0
    }

    /// A session this many times the 28-day average session load is a big session.
    pub fn big_session_factor(&self) -> f64 {
        f64::from(self.big_session_tenths) / 10.0
    }

    /// A run of the runner's long-run length or more: the recovery reminder's cause and
    /// an imported run's default type.
    pub fn is_long_run(&self, duration_s: u32) -> bool {
        duration_s >= u32::from(self.long_run_minutes).saturating_mul(60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_lie_within_their_ranges_and_survive_sanitizing() {
        let defaults = ReminderSettings::default();
        assert_eq!(defaults.sanitized(), defaults);
        for t in [
            PROFESSIONAL_EVERY_DAYS,
            DISTANCE_EVERY_KM,
            DISTANCE_EVERY_MI,
            LONG_RUN_MINUTES,
            BIG_SESSION_TENTHS,
            RACE_BOOK_DAYS_BEFORE,
            SORE_LEVEL,
            PHYSIO_LEVEL,
            SPIKE_ACWR_TENTHS,
            SPIKE_JUMP_PERCENT,
        ] {
            assert!(t.min <= t.default && t.default <= t.max, "{t:?}");
        }
    }

    #[test]
    fn ratios_are_typed_and_shown_as_decimals_whole_numbers_as_they_are() {
        assert_eq!(BIG_SESSION_TENTHS.show(15), "1.5");
        assert_eq!(SPIKE_ACWR_TENTHS.show(20), "2.0");
        assert_eq!(BIG_SESSION_TENTHS.read("1.5"), Some(15));
        assert_eq!(BIG_SESSION_TENTHS.read(" 1,7 "), Some(17));
        assert_eq!(BIG_SESSION_TENTHS.read("2"), Some(20));
        assert_eq!(BIG_SESSION_TENTHS.read("2."), Some(20));
        assert_eq!(BIG_SESSION_TENTHS.read("1.55"), None);
        assert_eq!(BIG_SESSION_TENTHS.read("1.0"), None, "below 1.1");
        assert_eq!(SPIKE_ACWR_TENTHS.read("3.1"), None, "above 3.0");
        assert_eq!(BIG_SESSION_TENTHS.read("15"), None, "15× is above 5.0");
        assert_eq!(
            SPIKE_ACWR_TENTHS.out_of_range(),
            "Enter a number from 1.1 to 3.0, with at most one decimal."
        );
        assert_eq!(LONG_RUN_MINUTES.show(90), "90");
        assert_eq!(LONG_RUN_MINUTES.read("120"), Some(120));
        assert_eq!(LONG_RUN_MINUTES.read("12.5"), None);
        assert_eq!(
            LONG_RUN_MINUTES.out_of_range(),
            "Enter a whole number from 30 to 600."
        );
    }

    #[test]
    fn sanitizing_clamps_each_number_and_keeps_physio_above_sore() {
        let wild = ReminderSettings {
            professional_every_days: 0,
            distance_every_km: 60_000,
            sore_level: 0,
            physio_level: 1,
            spike_acwr_tenths: 99,
            ..ReminderSettings::default()
        }
        .sanitized();
        assert_eq!(wild.professional_every_days, 7);
        assert_eq!(wild.distance_every_km, 2000);
        assert_eq!(wild.sore_level, 1);
        assert_eq!(wild.physio_level, 2);
        assert_eq!(wild.spike_acwr_tenths, 30);
        let inverted = ReminderSettings {
            sore_level: 8,
            physio_level: 3,
            ..ReminderSettings::default()
        }
        .sanitized();
        assert_eq!((inverted.sore_level, inverted.physio_level), (8, 9));
    }
}
