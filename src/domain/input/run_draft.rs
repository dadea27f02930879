//! The run form as typed, and the rules that turn it into a `Run` or into messages.
//!
//! The draft keeps every field as text so that nothing the runner typed is ever lost:
//! a failed validation returns messages per field and leaves the draft untouched.

use crate::domain::input::dates;
use crate::domain::input::parse::{parse_decimal, parse_duration, parse_whole, ParseError};
use crate::domain::input::units::{
    distance_for_input, elevation_for_display, format_duration, format_pace, from_unit,
};
use crate::domain::record::run::{Region, Run, RunKind, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::record::settings::Unit;
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

pub const NOTES_MAX_CHARS: usize = 2000;
pub const HEART_RATE_RANGE: std::ops::RangeInclusive<u32> = 30..=230;
/// Faster than 2:30 /km for a whole logged run is beyond any human race pace.
pub const FASTEST_PLAUSIBLE_S_PER_KM: f64 = 150.0;
/// Slower than 30:00 /km is slower than walking: most likely a typo in distance or time.
pub const SLOWEST_PLAUSIBLE_S_PER_KM: f64 = 1800.0;
pub const LONGEST_PLAUSIBLE_DISTANCE_M: u64 = 1_000_000;
pub const HIGHEST_PLAUSIBLE_ELEVATION_GAIN_M: f64 = 20_000.0;
/// Dates before this are almost certainly a slip of the date picker.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// The form fields that can carry a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Date,
    StartTime,
    Distance,
    Duration,
    Rpe,
    AvgHr,
    Elevation,
    Notes,
}

impl Field {
    /// Form order, so the first message can take the focus.
    pub const ALL: [Field; 8] = [
        Field::Date,
        Field::StartTime,
        Field::Distance,
        Field::Duration,
        Field::Rpe,
        Field::AvgHr,
        Field::Elevation,
        Field::Notes,
    ];
}

/// A message per field that needs fixing, in plain words.
pub type FieldErrors = BTreeMap<Field, String>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunDraft {
    pub date: String,
    pub start_time: String,
    pub distance: String,
    pub duration: String,
    pub kind: RunKind,
    pub rpe: Option<u8>,
    pub avg_hr: String,
    pub elevation: String,
    pub notes: String,
    pub soreness: BTreeMap<Region, u8>,
    /// The race this run was, by id; "" for none. Kept only for race-type runs.
    pub race_id: String,
}

impl RunDraft {
    /// An empty form for a run today.
    pub fn new_for(today: NaiveDate) -> RunDraft {
        RunDraft {
            date: dates::iso(today),
            ..RunDraft::default()
        }
    }

    /// The form filled with a stored run, for editing it.
    pub fn from_run(run: &Run, unit: Unit) -> RunDraft {
        RunDraft {
            date: dates::iso(run.date),
            start_time: run.start_time.map(dates::clock_time).unwrap_or_default(),
            distance: distance_for_input(run.distance_m, unit),
            duration: format_duration(run.duration_s as u64),
            kind: run.kind,
            race_id: run.race_id.clone().unwrap_or_default(),
            rpe: Some(run.rpe),
            avg_hr: run.avg_hr.map(|hr| hr.to_string()).unwrap_or_default(),
            elevation: run
                .elevation_gain_m
                .map(|m| elevation_for_display(m, unit).to_string())
                .unwrap_or_default(),
            notes: run.notes.clone(),
            soreness: run.soreness.clone(),
        }
    }

    pub fn soreness_of(&self, region: Region) -> u8 {
        self.soreness.get(&region).copied().unwrap_or(0)
    }

    /// Sets a region's soreness, clamped to the scale; 0 removes it.
    pub fn set_soreness(&mut self, region: Region, level: u8) {
        if level == 0 {
            self.soreness.remove(&region);
        } else {
            self.soreness.insert(region, level.min(SORENESS_MAX));
        }
    }

    /// What the form shows live while typing: "45:30 → 5:03 /km", or nothing yet.
    pub fn live_pace(&self, unit: Unit) -> Option<String> {
        let distance_m = read_distance(&self.distance, unit).ok()?;
        let duration_s = parse_duration(&self.duration).ok().filter(|s| *s > 0)?;
        let s_per_unit = duration_s as f64 / (distance_m as f64 / unit.metres_per_unit());
        Some(format_pace(s_per_unit, unit))
    }

    /// How the duration was read, so "4530" visibly becomes 45:30.
    pub fn duration_reading(&self) -> Option<String> {
        parse_duration(&self.duration)
            .ok()
            .filter(|s| *s > 0)
            .map(|s| format_duration(s as u64))
    }

    /// Validates every field; on success builds the run with the given id.
    pub fn to_run(&self, id: &str, unit: Unit, today: NaiveDate) -> Result<Run, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut check = |field: Field, result: Result<(), String>| {
            if let Err(message) = result {
                errors.insert(field, message);
            }
        };

        let date = read_date(&self.date, today);
        check(Field::Date, date.as_ref().map(|_| ()).map_err(Clone::clone));

        let start_time = read_start_time(&self.start_time);
        check(
            Field::StartTime,
            start_time.as_ref().map(|_| ()).map_err(Clone::clone),
        );

        let distance = read_distance(&self.distance, unit).map_err(|e| distance_message(e, unit));
        check(
            Field::Distance,
            distance.as_ref().map(|_| ()).map_err(Clone::clone),
        );

        let duration = read_duration(&self.duration);
        check(
            Field::Duration,
            duration.as_ref().map(|_| ()).map_err(Clone::clone),
        );

        if let (Ok(distance_m), Ok(duration_s)) = (&distance, &duration) {
            check(
                Field::Duration,
                plausible_pace(*distance_m, *duration_s, unit),
            );
        }

        let rpe = match self.rpe {
            Some(rpe) if (RPE_MIN..=RPE_MAX).contains(&rpe) => Ok(rpe),
            _ => Err(
                "Choose how hard the run felt, from 1 (very, very easy) to 10 (maximal)."
                    .to_string(),
            ),
        };
        check(Field::Rpe, rpe.as_ref().map(|_| ()).map_err(Clone::clone));

        let avg_hr = read_heart_rate(&self.avg_hr);
        check(
            Field::AvgHr,
            avg_hr.as_ref().map(|_| ()).map_err(Clone::clone),
        );

        let elevation = read_elevation(&self.elevation, unit);
        check(
            Field::Elevation,
            elevation.as_ref().map(|_| ()).map_err(Clone::clone),
        );

        let notes_chars = self.notes.chars().count();
        check(
            Field::Notes,
            if notes_chars > NOTES_MAX_CHARS {
                Err(format!(
                    "Notes can hold {NOTES_MAX_CHARS} characters; these have {notes_chars}."
                ))
            } else {
                Ok(())
            },
        );

        match (date, start_time, distance, duration, rpe, avg_hr, elevation) {
            (
                Ok(date),
                Ok(start_time),
                Ok(distance_m),
                Ok(duration_s),
                Ok(rpe),
                Ok(avg_hr),
                Ok(elevation_gain_m),
            ) if errors.is_empty() => Ok(Run {
                id: id.to_string(),
                date,
                start_time,
                distance_m,
                duration_s,
                kind: self.kind,
                rpe,
                avg_hr,
                elevation_gain_m,
                notes: self.notes.trim_end().to_string(),
                soreness: self
                    .soreness
                    .iter()
                    .filter(|(_, level)| **level > 0)
                    .map(|(region, level)| (*region, (*level).min(SORENESS_MAX)))
                    .collect(),
                race_id: (self.kind == RunKind::Race && !self.race_id.is_empty())
                    .then(|| self.race_id.clone()),
                updated_ms: 0,
            }),
            _ => Err(errors),
        }
    }
}

fn read_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the date of the run.".into());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "Enter the date as year-month-day, e.g. 2026-11-27.".to_string())?;
    if date > today {
        Err("That date is in the future: log a run once you have run it.".into())
    } else if date < EARLIEST_DATE {
        Err("That date is before 1970: please check the year.".into())
    } else {
        Ok(date)
    }
}

fn read_start_time(text: &str) -> Result<Option<NaiveTime>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| "Enter the start time as hours:minutes, e.g. 07:30, or leave it empty.".into())
}

/// Distance in whole metres, positive and below the plausible maximum.
fn read_distance(text: &str, unit: Unit) -> Result<u32, DistanceError> {
    let value = parse_decimal(text).map_err(DistanceError::Parse)?;
    let metres = from_unit(value, unit);
    if metres == 0 {
        Err(DistanceError::Zero)
    } else if metres > LONGEST_PLAUSIBLE_DISTANCE_M {
        Err(DistanceError::TooLong)
    } else {
        Ok(metres as u32)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum DistanceError {
    Parse(ParseError),
    Zero,
    TooLong,
}

fn distance_message(error: DistanceError, unit: Unit) -> String {
    let unit = unit.abbrev();
    match error {
        DistanceError::Parse(ParseError::Empty) => format!("Enter the distance in {unit}."),
        DistanceError::Parse(_) => {
            format!(
                "Enter the distance as a number of {unit}, e.g. 10.5 (no minus sign or letters)."
            )
        }
        DistanceError::Zero => "The distance must be more than 0.".into(),
        DistanceError::TooLong => {
            "That distance is longer than any single run: please check it.".into()
        }
    }
}

fn read_duration(text: &str) -> Result<u32, String> {
    match parse_duration(text) {
        Ok(0) => Err("The time must be more than 0.".into()),
        Ok(seconds) => Ok(seconds),
        Err(ParseError::Empty) => Err("Enter how long you ran, e.g. 45:30 or 1:05:00.".into()),
        Err(ParseError::NotANumber) => Err(
            "Enter the time as h:mm:ss or mm:ss (e.g. 1:05:00 or 45:30), or minutes only (45)."
                .into(),
        ),
        Err(ParseError::OutOfClock) => {
            Err("Minutes and seconds go up to 59: please check the time.".into())
        }
    }
}

/// The pace check catches the commonest slip: time typed in the wrong unit or a missing digit.
fn plausible_pace(distance_m: u32, duration_s: u32, unit: Unit) -> Result<(), String> {
    let s_per_km = duration_s as f64 / (distance_m as f64 / 1000.0);
    let shown = |s_per_km: f64| format_pace(s_per_km * unit.metres_per_unit() / 1000.0, unit);
    if s_per_km < FASTEST_PLAUSIBLE_S_PER_KM {
        Err(format!(
            "That is a pace of {}, faster than any world record: please check the distance and time.",
            shown(s_per_km)
        ))
    } else if s_per_km > SLOWEST_PLAUSIBLE_S_PER_KM {
        Err(format!(
            "That is a pace of {}, slower than walking: please check the distance and time.",
            shown(s_per_km)
        ))
    } else {
        Ok(())
    }
}

fn read_heart_rate(text: &str) -> Result<Option<u16>, String> {
    let range = HEART_RATE_RANGE;
    match parse_whole(text) {
        Err(ParseError::Empty) => Ok(None),
        Ok(bpm) if range.contains(&bpm) => Ok(Some(bpm as u16)),
        Ok(_) | Err(_) => Err(format!(
            "Average heart rate is beats per minute between {} and {}, or leave it empty.",
            range.start(),
            range.end()
        )),
    }
}

fn read_elevation(text: &str, unit: Unit) -> Result<Option<u32>, String> {
    let abbrev = unit.elevation_abbrev();
    match parse_whole(text) {
        Err(ParseError::Empty) => Ok(None),
        Err(_) => Err(format!(
            "Enter the elevation gain as whole {abbrev} (e.g. 120), or leave it empty."
        )),
        Ok(value) => {
            let metres = value as f64 * unit.metres_per_elevation_unit();
            if metres > HIGHEST_PLAUSIBLE_ELEVATION_GAIN_M {
                Err("That elevation gain is more than twice Everest: please check it.".into())
            } else {
                Ok(Some(metres.round() as u32))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn valid() -> RunDraft {
        RunDraft {
            date: "2026-11-25".into(),
            start_time: "07:30".into(),
            distance: "10.5".into(),
            duration: "52:30".into(),
            kind: RunKind::Tempo,
            rpe: Some(7),
            avg_hr: "162".into(),
            elevation: "85".into(),
            notes: "Windy by the river".into(),
            soreness: BTreeMap::from([(Region::Calves, 4), (Region::Knees, 0)]),
            race_id: String::new(),
        }
    }

    fn error_of(draft: &RunDraft, field: Field) -> String {
        let errors = draft.to_run("x", Unit::Km, today()).unwrap_err();
        errors
            .get(&field)
            .cloned()
            .unwrap_or_else(|| panic!("no message for {field:?}: {errors:?}"))
    }

    #[test]
    fn a_complete_draft_becomes_a_run() {
        let run = valid().to_run("r1", Unit::Km, today()).unwrap();
        assert_eq!(run.id, "r1");
        assert_eq!(run.date, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert_eq!(run.start_time, NaiveTime::from_hms_opt(7, 30, 0));
        assert_eq!(run.distance_m, 10_500);
        assert_eq!(run.duration_s, 52 * 60 + 30);
        assert_eq!(run.kind, RunKind::Tempo);
        assert_eq!(run.rpe, 7);
        assert_eq!(run.avg_hr, Some(162));
        assert_eq!(run.elevation_gain_m, Some(85));
        assert_eq!(run.notes, "Windy by the river");
        // Zero soreness is not stored.
        assert_eq!(run.soreness, BTreeMap::from([(Region::Calves, 4)]));
    }

    #[test]
    fn only_the_required_fields_are_required() {
        let draft = RunDraft {
            distance: "5".into(),
            duration: "30".into(),
            rpe: Some(3),
            ..RunDraft::new_for(today())
        };
        let run = draft.to_run("r", Unit::Km, today()).unwrap();
        assert_eq!(run.date, today());
        assert_eq!((run.distance_m, run.duration_s), (5000, 1800));
        assert_eq!(
            (run.start_time, run.avg_hr, run.elevation_gain_m),
            (None, None, None)
        );
        assert_eq!(run.kind, RunKind::Easy);
    }

    #[test]
    fn miles_are_stored_as_metres_and_elevation_feet_as_metres() {
        let draft = RunDraft {
            distance: "6.2".into(),
            duration: "50:00".into(),
            elevation: "328".into(),
            ..valid()
        };
        let run = draft.to_run("r", Unit::Mi, today()).unwrap();
        assert_eq!(run.distance_m, 9978); // 6.2 × 1609.344 = 9977.93
        assert_eq!(run.elevation_gain_m, Some(100)); // 328 × 0.3048 = 99.97
    }

    #[test]
    fn an_empty_form_names_every_required_field() {
        let errors = RunDraft::default()
            .to_run("x", Unit::Km, today())
            .unwrap_err();
        let fields: Vec<Field> = errors.keys().copied().collect();
        assert_eq!(
            fields,
            [Field::Date, Field::Distance, Field::Duration, Field::Rpe]
        );
    }

    #[test]
    fn the_date_must_not_be_in_the_future_or_malformed() {
        let tomorrow = RunDraft {
            date: "2026-11-28".into(),
            ..valid()
        };
        assert!(error_of(&tomorrow, Field::Date).contains("future"));
        let today_is_fine = RunDraft {
            date: "2026-11-27".into(),
            ..valid()
        };
        assert!(today_is_fine.to_run("x", Unit::Km, today()).is_ok());
        let garbled = RunDraft {
            date: "27/11/2026".into(),
            ..valid()
        };
        assert!(error_of(&garbled, Field::Date).contains("year-month-day"));
        let ancient = RunDraft {
            date: "1926-11-27".into(),
            ..valid()
        };
        assert!(error_of(&ancient, Field::Date).contains("1970"));
    }

    #[test]
    fn distance_messages() {
        let msg = |text: &str| {
            error_of(
                &RunDraft {
                    distance: text.into(),
                    ..valid()
                },
                Field::Distance,
            )
        };
        assert_eq!(msg(""), "Enter the distance in km.");
        assert!(msg("-5").contains("no minus sign"));
        assert!(msg("ten").contains("as a number"));
        assert_eq!(msg("0"), "The distance must be more than 0.");
        assert_eq!(msg("0.0004"), "The distance must be more than 0."); // rounds to 0 m
        assert!(msg("1001").contains("longer than any single run"));
    }

    #[test]
    fn duration_messages() {
        let msg = |text: &str| {
            error_of(
                &RunDraft {
                    duration: text.into(),
                    ..valid()
                },
                Field::Duration,
            )
        };
        assert!(msg("").starts_with("Enter how long"));
        assert!(msg("0").contains("more than 0"));
        assert!(msg("0:00").contains("more than 0"));
        assert!(msg("abc").contains("h:mm:ss"));
        assert!(msg("45:75").contains("up to 59"));
    }

    #[test]
    fn absurd_paces_are_caught_in_the_runners_unit() {
        // 10.5 km in 10 min is 57 s/km.
        let fast = RunDraft {
            duration: "10:00".into(),
            ..valid()
        };
        assert_eq!(
            error_of(&fast, Field::Duration),
            "That is a pace of 0:57 /km, faster than any world record: please check the distance and time."
        );
        // 1 mi is stored as 1609 m; 10 h over 1609 m is 36 000 / (1609 / 1609.344) = 36 007.7 s/mi.
        let slow = RunDraft {
            distance: "1".into(),
            duration: "10:00:00".into(),
            ..valid()
        };
        let errors = slow.to_run("x", Unit::Mi, today()).unwrap_err();
        assert!(
            errors[&Field::Duration].contains("600:08 /mi, slower than walking"),
            "{errors:?}"
        );
        // The edges: 2:30 /km and 30:00 /km are still accepted.
        let edge_fast = RunDraft {
            distance: "10".into(),
            duration: "25:00".into(),
            ..valid()
        };
        assert!(edge_fast.to_run("x", Unit::Km, today()).is_ok());
        let edge_slow = RunDraft {
            distance: "1".into(),
            duration: "30:00".into(),
            ..valid()
        };
        assert!(edge_slow.to_run("x", Unit::Km, today()).is_ok());
    }

    #[test]
    fn heart_rate_is_optional_but_bounded() {
        let msg = |text: &str| {
            error_of(
                &RunDraft {
                    avg_hr: text.into(),
                    ..valid()
                },
                Field::AvgHr,
            )
        };
        for bad in ["29", "231", "abc", "150.5", "-100"] {
            assert!(msg(bad).contains("between 30 and 230"), "{bad}");
        }
        for good in ["", "30", "230"] {
            assert!(RunDraft {
                avg_hr: good.into(),
                ..valid()
            }
            .to_run("x", Unit::Km, today())
            .is_ok());
        }
    }

    #[test]
    fn elevation_and_notes_and_start_time_and_rpe() {
        let elevation = RunDraft {
            elevation: "-5".into(),
            ..valid()
        };
        assert!(error_of(&elevation, Field::Elevation).contains("whole m"));
        let long_notes = RunDraft {
            notes: "é".repeat(2001),
            ..valid()
        };
        assert_eq!(
            error_of(&long_notes, Field::Notes),
            "Notes can hold 2000 characters; these have 2001."
        );
        let exactly = RunDraft {
            notes: "é".repeat(2000),
            ..valid()
        };
        assert!(exactly.to_run("x", Unit::Km, today()).is_ok());
        let time = RunDraft {
            start_time: "25:00".into(),
            ..valid()
        };
        assert!(error_of(&time, Field::StartTime).contains("hours:minutes"));
        for rpe in [None, Some(0), Some(11)] {
            assert!(error_of(&RunDraft { rpe, ..valid() }, Field::Rpe).contains("how hard"));
        }
    }

    #[test]
    fn editing_a_run_without_changes_gives_the_same_run() {
        for unit in [Unit::Km, Unit::Mi] {
            let run = valid().to_run("r1", unit, today()).unwrap();
            let again = RunDraft::from_run(&run, unit)
                .to_run("r1", unit, today())
                .unwrap();
            assert_eq!(again, run, "{unit:?}");
        }
    }

    #[test]
    fn live_pace_and_duration_reading() {
        let draft = RunDraft {
            distance: "10".into(),
            duration: "5000".into(),
            ..valid()
        };
        assert_eq!(draft.duration_reading().as_deref(), Some("50:00"));
        assert_eq!(draft.live_pace(Unit::Km).as_deref(), Some("5:00 /km"));
        assert_eq!(draft.live_pace(Unit::Mi).as_deref(), Some("5:00 /mi")); // 10 mi in 50 min
        let half = RunDraft {
            distance: "10".into(),
            duration: "".into(),
            ..valid()
        };
        assert_eq!(half.live_pace(Unit::Km), None);
    }
}
