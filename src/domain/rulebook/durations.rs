//! How long things take: self-massage per region, the sessions a reminder pre-fills and
//! how far a snooze moves one.

use crate::domain::record::region::Region;
use crate::domain::record::validate::MASSAGE_MINUTES_MAX;

/// A sports massage with a therapist, as "Done — log it" pre-fills it.
pub const PROFESSIONAL_SESSION_MINUTES: u16 = 60;
/// A self-massage or foam-rolling session, as "Done — log it" pre-fills it.
pub const SELF_MASSAGE_SESSION_MINUTES: u16 = 10;
/// A red day's most: rest, or a very easy run of at most this many minutes.
pub const RED_DAY_EASY_MINUTES: (u32, u32) = (20, 30);
/// An amber day's easy run: this share of the runner's usual session (Restride's own
/// rule), kept within these minutes, and 30 minutes while there is no usual session yet.
pub const EASY_RUN_SHARE: f64 = 0.75;
pub const EASY_RUN_MINUTES: (u32, u32) = (20, 45);
pub const EASY_RUN_DEFAULT_MINUTES: u32 = 30;
/// The snoozes a reminder card offers, in days.
pub const SNOOZE_DAYS: [u64; 2] = [1, 3];

/// Self-massage time on each side of a region, for the routine's player and Today's
/// advice alike: a minute for the big muscles and the feet, 45 s for the smaller or more
/// sensitive regions (Wiewelhove 2019: 30–120 s per muscle in the studies pooled).
pub fn seconds_per_side(region: Region) -> u32 {
    match region {
        Region::Feet | Region::Calves | Region::Quads | Region::Hamstrings | Region::Glutes => 60,
        Region::Achilles
        | Region::Shins
        | Region::Knees
        | Region::HipsItBand
        | Region::LowerBack => 45,
    }
}

/// Whole minutes for the massage log of `seconds` of massage: rounded up, at least 1.
pub fn logged_minutes(seconds: u32) -> u16 {
    u16::try_from(
        seconds
            .div_ceil(60)
            .clamp(1, u32::from(MASSAGE_MINUTES_MAX)),
    )
    .unwrap_or(MASSAGE_MINUTES_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_minutes_round_up_within_the_limits() {
        assert_eq!(logged_minutes(1), 1);
        assert_eq!(logged_minutes(60), 1);
        assert_eq!(logged_minutes(61), 2);
        assert_eq!(logged_minutes(0), 1);
        assert_eq!(logged_minutes(100_000), 600);
    }
}
