//! The massage and race forms as typed text, and their validation into records.
//! Like `RunDraft`: nothing typed is lost on a failed save, every message names its field.

use crate::domain::record::massage::{Massage, MassageKind};
use crate::domain::record::race::{Priority, Race};
use crate::domain::record::region::Region;
use crate::domain::record::settings::Unit;
use crate::domain::record::validate::{
    massage_minutes_ok, notes_ok, MASSAGE_MINUTES_MAX, NOTES_MAX_CHARS,
};
use crate::domain::text::dates::{self, read_past_day, typed_date, PastDayProblem};
use crate::domain::text::parse::{parse_decimal, parse_duration, parse_whole, ParseError};
use crate::domain::text::units::{distance_for_input, format_duration, from_unit, round_u32};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

pub const RACE_NAME_MAX_CHARS: usize = 80;
/// Costs above this are a typing slip (in whole currency units).
const COST_MAX: f64 = 10_000.0;
const LONGEST_RACE_M: u64 = 1_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MassageField {
    Date,
    Minutes,
    Regions,
    Cost,
    Notes,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MassageDraft {
    pub date: String,
    pub kind: MassageKind,
    pub minutes: String,
    pub deep: bool,
    pub regions: BTreeSet<Region>,
    pub notes: String,
    pub cost: String,
}

fn date_text(date: NaiveDate) -> String {
    dates::iso(date)
}

impl MassageDraft {
    pub fn new_for(today: NaiveDate) -> MassageDraft {
        MassageDraft {
            date: date_text(today),
            deep: true,
            minutes: "60".into(),
            ..MassageDraft::default()
        }
    }

    /// A form filled from a reminder's suggestion or a finished routine.
    pub fn suggested(
        today: NaiveDate,
        kind: MassageKind,
        deep: bool,
        regions: &[Region],
        minutes: u16,
    ) -> MassageDraft {
        MassageDraft {
            date: date_text(today),
            kind,
            deep,
            minutes: minutes.to_string(),
            regions: regions.iter().copied().collect(),
            ..MassageDraft::default()
        }
    }

    pub fn from_massage(massage: &Massage) -> MassageDraft {
        MassageDraft {
            date: date_text(massage.date),
            kind: massage.kind,
            minutes: massage.minutes.to_string(),
            deep: massage.deep,
            regions: massage.regions.clone(),
            notes: massage.notes.clone(),
            cost: massage
                .cost_cents
                .map(|c| format!("{}.{:02}", c / 100, c % 100))
                .unwrap_or_default(),
        }
    }

    pub fn to_massage(
        &self,
        id: &str,
        today: NaiveDate,
    ) -> Result<Massage, BTreeMap<MassageField, String>> {
        let mut errors = BTreeMap::new();
        let date = read_date(&self.date, today, "the massage")
            .map_err(|e| errors.insert(MassageField::Date, e));
        let minutes = match parse_whole(&self.minutes) {
            Ok(m) if massage_minutes_ok(m) => Ok(u16::try_from(m).unwrap_or(MASSAGE_MINUTES_MAX)),
            Ok(0) => Err("The duration must be at least 1 minute.".to_string()),
            Ok(_) => Err(format!(
                "That is longer than {} hours: please check the minutes.",
                MASSAGE_MINUTES_MAX / 60
            )),
            Err(ParseError::Empty) => Err("Enter how many minutes it took, e.g. 10.".into()),
            Err(_) => Err("Enter the minutes as a whole number, e.g. 10.".into()),
        }
        .map_err(|e| errors.insert(MassageField::Minutes, e));
        let cost = read_cost(&self.cost).map_err(|e| errors.insert(MassageField::Cost, e));
        if !notes_ok(&self.notes) {
            errors.insert(
                MassageField::Notes,
                format!("Notes can hold {NOTES_MAX_CHARS} characters."),
            );
        }
        match (date, minutes, cost) {
            (Ok(date), Ok(minutes), Ok(cost_cents)) if errors.is_empty() => Ok(Massage {
                id: id.to_string(),
                date,
                kind: self.kind,
                minutes,
                deep: self.deep,
                regions: self.regions.clone(),
                notes: self.notes.trim_end().to_string(),
                cost_cents,
                updated_ms: 0,
            }),
            _ => Err(errors),
        }
    }
}

fn read_date(text: &str, today: NaiveDate, what: &str) -> Result<NaiveDate, String> {
    read_past_day(text, today).map_err(|problem| match problem {
        PastDayProblem::Missing => format!("Enter the date of {what}."),
        PastDayProblem::Unreadable => "Enter the date as year-month-day, e.g. 2026-11-27.".into(),
        PastDayProblem::ToCome => {
            format!("That date is in the future: log {what} once it has happened.")
        }
    })
}

fn read_cost(text: &str) -> Result<Option<u32>, String> {
    match parse_decimal(&text.replace(',', ".")) {
        Err(ParseError::Empty) => Ok(None),
        Ok(value) if value <= COST_MAX => Ok(Some(round_u32(value * 100.0))),
        Ok(_) => Err("That cost looks too high: please check it.".into()),
        Err(_) => Err("Enter the cost as a number, e.g. 65 or 65.50, or leave it empty.".into()),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RaceField {
    Name,
    Date,
    Distance,
    Goal,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RaceDraft {
    pub name: String,
    pub date: String,
    pub distance: String,
    pub priority: Priority,
    pub goal: String,
}

/// Common race distances for the form's quick picks, in metres.
pub const RACE_DISTANCES: [(&str, u32); 4] = [
    ("5K", 5_000),
    ("10K", 10_000),
    ("Half", 21_098),
    ("Marathon", 42_195),
];

impl RaceDraft {
    pub fn from_race(race: &Race, unit: Unit) -> RaceDraft {
        RaceDraft {
            name: race.name.clone(),
            date: date_text(race.date),
            distance: distance_for_input(race.distance_m, unit),
            priority: race.priority,
            goal: race
                .goal_s
                .map(|s| format_duration(u64::from(s)))
                .unwrap_or_default(),
        }
    }

    /// Races may be in the past (to record one already run) or in the future.
    pub fn to_race(&self, id: &str, unit: Unit) -> Result<Race, BTreeMap<RaceField, String>> {
        let mut errors = BTreeMap::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.insert(RaceField::Name, "Enter the race's name.".to_string());
        } else if name.chars().count() > RACE_NAME_MAX_CHARS {
            errors.insert(
                RaceField::Name,
                format!("Keep the name under {RACE_NAME_MAX_CHARS} characters."),
            );
        }
        let date = typed_date(self.date.trim()).ok_or_else(|| {
            errors.insert(
                RaceField::Date,
                if self.date.trim().is_empty() {
                    "Enter the date of the race.".to_string()
                } else {
                    "Enter the date as year-month-day, e.g. 2026-12-06.".to_string()
                },
            )
        });
        let distance = match parse_decimal(&self.distance) {
            Ok(value) => match from_unit(value, unit) {
                0 => Err("The distance must be more than 0.".to_string()),
                m if m > LONGEST_RACE_M => {
                    Err("That is longer than any race: please check it.".to_string())
                }
                m => u32::try_from(m)
                    .map_err(|_| "That is longer than any race: please check it.".to_string()),
            },
            Err(ParseError::Empty) => Err(format!(
                "Enter the distance in {}, or pick one above.",
                unit.abbrev()
            )),
            Err(_) => Err(format!(
                "Enter the distance as a number of {}, e.g. 21.1.",
                unit.abbrev()
            )),
        }
        .map_err(|e| errors.insert(RaceField::Distance, e));
        let goal = match parse_duration(&self.goal) {
            Err(ParseError::Empty) => Ok(None),
            Ok(0) => Err("The goal time must be more than 0, or leave it empty.".to_string()),
            Ok(s) => Ok(Some(s)),
            Err(_) => {
                Err("Enter the goal time as h:mm:ss, e.g. 3:29:00, or leave it empty.".into())
            }
        }
        .map_err(|e| errors.insert(RaceField::Goal, e));
        match (date, distance, goal) {
            (Ok(date), Ok(distance_m), Ok(goal_s)) if errors.is_empty() => Ok(Race {
                id: id.to_string(),
                name: name.to_string(),
                date,
                distance_m,
                priority: self.priority,
                goal_s,
                updated_ms: 0,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-11-27".parse().unwrap()
    }

    #[test]
    fn a_massage_round_trips_through_its_form() {
        let mut draft = MassageDraft::new_for(today());
        draft.kind = MassageKind::FoamRolling;
        draft.minutes = " 12 ".into();
        draft.deep = false;
        draft.regions.insert(Region::Calves);
        draft.cost = "65,50".into();
        draft.notes = "<b>left calf</b>  ".into();
        let massage = draft.to_massage("m1", today()).unwrap();
        assert_eq!(massage.minutes, 12);
        assert_eq!(massage.cost_cents, Some(6550));
        assert_eq!(massage.notes, "<b>left calf</b>");
        assert_eq!(
            MassageDraft::from_massage(&massage).to_massage("m1", today()),
            Ok(massage)
        );
    }

    #[test]
    fn bad_massage_fields_get_their_own_messages_and_keep_the_text() {
        let mut draft = MassageDraft::new_for(today());
        draft.date = "2026-11-28".into();
        draft.minutes = "0".into();
        draft.cost = "lots".into();
        let before = draft.clone();
        let errors = draft.to_massage("m", today()).unwrap_err();
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            [
                MassageField::Date,
                MassageField::Minutes,
                MassageField::Cost
            ]
        );
        assert!(errors[&MassageField::Date].contains("future"));
        assert_eq!(draft, before);
        draft.minutes = "601".into();
        draft.date = "2026-11-27".into();
        draft.cost = String::new();
        assert!(
            draft.to_massage("m", today()).unwrap_err()[&MassageField::Minutes]
                .contains("10 hours")
        );
    }

    #[test]
    fn a_race_reads_in_the_runners_unit() {
        let draft = RaceDraft {
            name: " City Half ".into(),
            date: "2026-12-06".into(),
            distance: "13.1".into(),
            priority: Priority::A,
            goal: "1:45:00".into(),
        };
        let race = draft.to_race("r", Unit::Mi).unwrap();
        assert_eq!(race.name, "City Half");
        // 13.1 mi = 21 082.4 m.
        assert_eq!(race.distance_m, 21_082);
        assert_eq!(race.goal_s, Some(6300));
        assert_eq!(
            RaceDraft::from_race(&race, Unit::Mi).to_race("r", Unit::Mi),
            Ok(race)
        );
        let errors = RaceDraft::default().to_race("r", Unit::Km).unwrap_err();
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            [RaceField::Name, RaceField::Date, RaceField::Distance]
        );
    }
}
