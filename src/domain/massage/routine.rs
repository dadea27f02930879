//! Guided self-massage: one technique per region, and "today's routine" composed from
//! recent soreness and load.

use crate::domain::massage::reminders::{red_flags_on, Reminder, Rule};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::{Massage, MassageKind};
use crate::domain::record::region::Region;
use crate::domain::record::run::Run;
use crate::domain::rulebook::durations::{logged_minutes, seconds_per_side};
use crate::domain::rulebook::readiness::RECENT_DAYS;
use crate::domain::rulebook::regions::{AFTER_HARD_EFFORT, DURING_A_LOAD_SPIKE, EVERYDAY};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    FoamRoller,
    MassageBall,
    Stick,
    Hands,
}

impl Tool {
    pub fn label(self) -> &'static str {
        match self {
            Tool::FoamRoller => "Foam roller",
            Tool::MassageBall => "Massage ball",
            Tool::Stick => "Massage stick",
            Tool::Hands => "Hands",
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct Technique {
    pub region: Region,
    pub name: &'static str,
    pub tool: Tool,
    pub cues: &'static [&'static str],
    pub avoid: &'static str,
}

/// The library, in `Region::ALL` order.
pub const TECHNIQUES: [Technique; 10] = [
    Technique {
        region: Region::Feet,
        name: "Plantar fascia ball roll",
        tool: Tool::MassageBall,
        cues: &[
            "Stand or sit, ball under the arch.",
            "Roll slowly from the heel to the base of the toes.",
            "Pause on tender spots for a few breaths.",
        ],
        avoid: "Don't press hard on the heel bone itself, and stop if pain is sharp in the morning's first steps.",
    },
    Technique {
        region: Region::Achilles,
        name: "Lower calf and soleus release",
        tool: Tool::Hands,
        cues: &[
            "Sit with the foot relaxed across the other knee.",
            "Knead the lower calf muscle above the tendon with thumb and fingers.",
            "Light strokes only, towards the knee.",
        ],
        avoid: "Never roll or press directly on the Achilles tendon; work the muscle above it.",
    },
    Technique {
        region: Region::Calves,
        name: "Calf roll",
        tool: Tool::FoamRoller,
        cues: &[
            "Roller under the calf, other leg crossed on top for more pressure.",
            "Roll from just above the ankle to below the knee.",
            "Turn the foot in and out to reach both sides of the calf.",
        ],
        avoid: "Stay off the Achilles tendon and the back of the knee.",
    },
    Technique {
        region: Region::Shins,
        name: "Front shin muscle roll",
        tool: Tool::Stick,
        cues: &[
            "Sit with the knee bent.",
            "Roll the muscle on the outer side of the shin, from below the knee to above the ankle.",
            "Gentle pressure; breathe out on each stroke.",
        ],
        avoid: "Never roll on the shinbone itself; with pain on the bone, see a professional (a stress fracture must be ruled out).",
    },
    Technique {
        region: Region::Knees,
        name: "Above-the-knee quad release",
        tool: Tool::FoamRoller,
        cues: &[
            "Lie face down, roller just above the kneecap.",
            "Short strokes over the lowest part of the thigh.",
            "Bend and straighten the knee slowly while holding a tender spot.",
        ],
        avoid: "Never roll on the kneecap or the joint itself.",
    },
    Technique {
        region: Region::Quads,
        name: "Quad roll",
        tool: Tool::FoamRoller,
        cues: &[
            "Face down on the forearms, roller under the thighs.",
            "Roll from above the knee to below the hip.",
            "Turn slightly in and out to cover the inner and outer quad.",
        ],
        avoid: "Stop short of the kneecap and the hip bone.",
    },
    Technique {
        region: Region::Hamstrings,
        name: "Hamstring roll",
        tool: Tool::FoamRoller,
        cues: &[
            "Sit with the roller under the back of the thigh, hands behind you.",
            "Roll from above the knee to below the buttock.",
            "Cross the other leg on top for more pressure.",
        ],
        avoid: "Stay off the back of the knee.",
    },
    Technique {
        region: Region::Glutes,
        name: "Glute ball release",
        tool: Tool::MassageBall,
        cues: &[
            "Sit on the ball, one ankle crossed over the other knee.",
            "Lean into the side of the crossed leg and make small circles.",
            "Hold on a tender spot for 20–30 seconds.",
        ],
        avoid: "If it causes tingling or numbness down the leg, move off the spot: that is a nerve.",
    },
    Technique {
        region: Region::HipsItBand,
        name: "Outer hip roll",
        tool: Tool::FoamRoller,
        cues: &[
            "Lie on the side, roller under the outer hip just below the hip bone.",
            "Roll the muscle at the front-outer hip (TFL) and the upper outer thigh.",
            "Support your weight on the top leg and arm to keep it bearable.",
        ],
        avoid: "Don't grind along the IT band down to the knee or over the hip bone; it is tendon, not muscle.",
    },
    Technique {
        region: Region::LowerBack,
        name: "Back muscle ball release",
        tool: Tool::MassageBall,
        cues: &[
            "Stand with your back to a wall, ball beside the spine.",
            "Lean in and make small movements on the muscle.",
            "Breathe slowly; keep the pressure moderate.",
        ],
        avoid: "Never roll on the spine itself, and don't foam-roll the lower back lying down.",
    },
];

impl Technique {
    /// Time on each side (`rulebook::durations`), as Today's advice quotes it.
    pub fn seconds_per_side(&self) -> u32 {
        seconds_per_side(self.region)
    }
}

pub fn technique(region: Region) -> &'static Technique {
    let index = Region::ALL.iter().position(|r| *r == region).unwrap_or(0);
    &TECHNIQUES[index]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// One step of a routine: a technique on one side.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub region: Region,
    pub side: Side,
    pub seconds: u32,
}

impl Step {
    pub fn technique(&self) -> &'static Technique {
        technique(self.region)
    }

    pub fn title(&self) -> String {
        let side = match self.side {
            Side::Left => "left",
            Side::Right => "right",
        };
        format!("{} — {side}", self.technique().name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Routine {
    pub steps: Vec<Step>,
    /// Why these regions, in the runner's terms.
    pub why: String,
}

impl Routine {
    /// Each region, left then right, for its technique's time.
    pub fn of(regions: &[Region], why: String) -> Routine {
        let steps = regions
            .iter()
            .flat_map(|&region| {
                let seconds = seconds_per_side(region);
                [Side::Left, Side::Right].map(|side| Step {
                    region,
                    side,
                    seconds,
                })
            })
            .collect();
        Routine { steps, why }
    }

    pub fn total_seconds(&self) -> u32 {
        self.steps.iter().map(|s| s.seconds).sum()
    }

    /// Whole minutes for the massage log, at least 1.
    pub fn minutes(&self) -> u16 {
        logged_minutes(self.total_seconds())
    }

    /// The self-massage the player logs when the runner finishes: the regions of the
    /// steps with time spent on them, and that time. `None` when no time was spent.
    pub fn logged_massage(&self, spent_s: &[u32], id: String, date: NaiveDate) -> Option<Massage> {
        let seconds: u32 = spent_s.iter().sum();
        if seconds == 0 {
            return None;
        }
        let regions = self
            .steps
            .iter()
            .zip(spent_s)
            .filter(|(_, spent)| **spent > 0)
            .map(|(step, _)| step.region)
            .collect();
        Some(Massage {
            id,
            date,
            kind: MassageKind::SelfMassage,
            minutes: logged_minutes(seconds),
            deep: false,
            regions,
            notes: String::new(),
            cost_cents: None,
            updated_ms: 0,
        })
    }

    pub fn regions(&self) -> Vec<Region> {
        let mut regions: Vec<Region> = Vec::new();
        for step in &self.steps {
            if !regions.contains(&step.region) {
                regions.push(step.region);
            }
        }
        regions
    }
}

/// The highest soreness per region over the last `days` days (today included).
pub fn recent_soreness(runs: &[Run], today: NaiveDate, days: u64) -> BTreeMap<Region, u8> {
    let from = today
        .checked_sub_days(Days::new(days.saturating_sub(1)))
        .unwrap_or(today);
    let mut levels = BTreeMap::new();
    for run in runs.iter().filter(|r| r.date >= from && r.date <= today) {
        for (&region, &level) in &run.soreness {
            let entry = levels.entry(region).or_insert(0);
            *entry = (*entry).max(level);
        }
    }
    levels
}

/// Today's routine: sore regions first (the reminders name them), then the regions a
/// recent hard effort or load spike calls for; an everyday routine otherwise. Regions
/// with a pain red flag are never included.
pub fn todays_routine(journal: &Journal, reminders: &[Reminder], today: NaiveDate) -> Routine {
    let settings = &journal.settings.reminders;
    let soreness = recent_soreness(&journal.runs, today, RECENT_DAYS);
    // The one red-flag rule (`rulebook::pain`): Today, the reminders and this routine agree.
    let red_flags: Vec<Region> = red_flags_on(journal, today).into_iter().collect();
    let mut regions: Vec<Region> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    let take = |list: &[Region], regions: &mut Vec<Region>| {
        for region in list {
            if !red_flags.contains(region) && !regions.contains(region) {
                regions.push(*region);
            }
        }
    };
    let sore: Vec<Region> = soreness
        .iter()
        .filter(|(_, l)| **l >= settings.sore_level)
        .map(|(r, _)| *r)
        .collect();
    if !sore.is_empty() {
        take(&sore, &mut regions);
        reasons.push(format!(
            "the regions you logged as sore in the last {RECENT_DAYS} days"
        ));
    }
    let has = |rule: Rule| reminders.iter().any(|r| r.answers(rule));
    if has(Rule::HardEffort) || has(Rule::AfterRaceLight) {
        take(&AFTER_HARD_EFFORT, &mut regions);
        reasons.push("what a long or hard effort loads most".into());
    }
    if has(Rule::LoadSpike) {
        let spiking: Vec<Region> = DURING_A_LOAD_SPIKE
            .into_iter()
            .filter(|r| !red_flags.contains(r))
            .collect();
        if !spiking.is_empty() {
            take(&spiking, &mut regions);
            reasons.push(format!(
                "{} while your load is spiking",
                Region::list_in_sentence(&spiking)
            ));
        }
    }
    if regions.is_empty() {
        take(&EVERYDAY, &mut regions);
        if reasons.is_empty() {
            reasons.push("an everyday routine for runners".into());
        }
    }
    let why = if regions.is_empty() {
        "Every region you would roll today has a pain red flag: see a physiotherapist first.".into()
    } else {
        format!("Chosen from {}.", reasons.join(", and "))
    };
    Routine::of(&regions, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::massage::reminders::reminders;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn routine_for(runs: Vec<Run>, today: &str) -> Routine {
        let journal = Journal {
            runs,
            ..Journal::default()
        };
        let list = reminders(&journal, day(today));
        todays_routine(&journal, &list, day(today))
    }

    #[test]
    fn the_library_has_one_technique_per_region_in_order() {
        for (technique, region) in TECHNIQUES.iter().zip(Region::ALL) {
            assert_eq!(technique.region, region);
            assert!(!technique.cues.is_empty() && !technique.avoid.is_empty());
        }
        assert!(technique(Region::Achilles)
            .avoid
            .contains("Never roll or press directly on the Achilles"));
    }

    #[test]
    fn after_a_long_run_the_routine_is_the_five_big_regions_about_10_minutes() {
        let routine = routine_for(vec![Run::sample("2026-11-26", 100, 5, 16)], "2026-11-27");
        assert_eq!(
            routine.regions(),
            [
                Region::Calves,
                Region::Quads,
                Region::Hamstrings,
                Region::Glutes,
                Region::Feet
            ]
        );
        // Left and right of 60 s each for five regions: 600 s.
        assert_eq!(routine.steps.len(), 10);
        assert_eq!(routine.total_seconds(), 600);
        assert_eq!(routine.minutes(), 10);
        assert_eq!(routine.steps[0].title(), "Calf roll — left");
    }

    #[test]
    fn sore_regions_come_first_and_painful_ones_never() {
        let mut run = Run::sample("2026-11-26", 40, 4, 8);
        run.soreness.insert(Region::Shins, 5);
        run.soreness.insert(Region::Knees, 8);
        let routine = routine_for(vec![run], "2026-11-27");
        assert_eq!(routine.regions(), [Region::Shins]);
        assert!(routine.why.contains("sore"));
        let mut run = Run::sample("2026-11-26", 40, 4, 8);
        run.soreness.insert(Region::Calves, 9);
        run.soreness.insert(Region::Feet, 8);
        run.soreness.insert(Region::Hamstrings, 7);
        let routine = routine_for(vec![run], "2026-11-27");
        assert!(routine.steps.is_empty(), "{:?}", routine.regions());
        assert!(routine.why.contains("physiotherapist"));
    }

    #[test]
    fn the_body_map_shows_the_highest_level_of_the_last_7_days() {
        let mut old = Run::sample("2026-11-20", 40, 4, 8);
        old.soreness.insert(Region::Calves, 9);
        let mut recent = Run::sample("2026-11-21", 40, 4, 8);
        recent.soreness.insert(Region::Calves, 3);
        let mut latest = Run::sample("2026-11-27", 40, 4, 8);
        latest.soreness.insert(Region::Calves, 2);
        // 21–27 Nov are the 7 days: the 20th is out.
        let levels = recent_soreness(&[old, recent, latest], day("2026-11-27"), 7);
        assert_eq!(levels.get(&Region::Calves), Some(&3));
    }

    #[test]
    fn a_finished_routine_logs_the_regions_and_time_spent() {
        let routine = Routine::of(&[Region::Calves, Region::Shins], String::new());
        // Calves left 60 s and right 30 s, shins skipped: 90 s → 2 minutes, calves only.
        let spent = [60, 30, 0, 0];
        let massage = routine
            .logged_massage(&spent, "m1".into(), day("2026-11-20"))
            .unwrap();
        assert_eq!(massage.minutes, 2);
        assert_eq!(
            massage.regions.into_iter().collect::<Vec<_>>(),
            [Region::Calves]
        );
        assert_eq!(massage.kind, MassageKind::SelfMassage);
        assert!(!massage.deep);
        assert_eq!(
            routine.logged_massage(&[0, 0, 0, 0], "m2".into(), day("2026-11-20")),
            None
        );
    }
}
