//! Which regions each kind of load calls for: one list per cause, shared by the reminders
//! and today's self-massage routine (red-flag regions are always left out of them).

use crate::domain::record::region::Region;

/// After a long run or a big session: the legs and feet it loads most.
pub const AFTER_HARD_EFFORT: [Region; 5] = [
    Region::Calves,
    Region::Quads,
    Region::Hamstrings,
    Region::Glutes,
    Region::Feet,
];
/// Before and after a race: the big muscles of the legs.
pub const AROUND_A_RACE: [Region; 4] = [
    Region::Calves,
    Region::Quads,
    Region::Hamstrings,
    Region::Glutes,
];
/// A massage for the distance run since the last one.
pub const FOR_DISTANCE: [Region; 3] = [Region::Calves, Region::Quads, Region::Hamstrings];
/// During a load spike: where overuse injuries in runners start (shin splints, Achilles
/// and plantar trouble).
pub const DURING_A_LOAD_SPIKE: [Region; 3] = [Region::Calves, Region::Feet, Region::Shins];
/// An everyday routine when nothing else calls for one.
pub const EVERYDAY: [Region; 3] = [Region::Calves, Region::Feet, Region::Hamstrings];
