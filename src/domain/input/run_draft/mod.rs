//! The run form as typed, and the rules that turn it into a `Run` or into messages.
//!
//! The draft keeps every field as text so that nothing the runner typed is ever lost:
//! a failed validation returns messages per field and leaves the draft untouched.

use crate::domain::order;
use crate::domain::record::region::Region;
use crate::domain::record::run::{Run, RunKind, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::record::settings::Unit;
use crate::domain::record::validate::{
    elevation_ok, heart_rate_ok, notes_ok, pace_problem, shown_pace, PaceProblem, EARLIEST_DATE,
    HEART_RATE_RANGE, LONGEST_PLAUSIBLE_DISTANCE_M, NOTES_MAX_CHARS,
};
use crate::domain::text::dates::{self, read_past_day, typed_time, PastDayProblem};
use crate::domain::text::parse::{parse_decimal, parse_duration, parse_whole, ParseError};
use crate::domain::text::units::{
    distance_for_input, elevation_for_display, format_duration, format_pace, from_unit, round_u32,
};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

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
            duration: format_duration(u64::from(run.duration_s)),
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
        let s_per_unit = f64::from(duration_s) / (f64::from(distance_m) / unit.metres_per_unit());
        Some(format_pace(s_per_unit, unit))
    }

    /// How the duration was read, so "4530" visibly becomes 45:30.
    pub fn duration_reading(&self) -> Option<String> {
        parse_duration(&self.duration)
            .ok()
            .filter(|s| *s > 0)
            .map(|s| format_duration(u64::from(s)))
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
            if !notes_ok(&self.notes) {
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
                soreness: order::map_of(
                    self.soreness
                        .iter()
                        .filter(|(_, level)| **level > 0)
                        .map(|(region, level)| (*region, (*level).min(SORENESS_MAX))),
                ),
                race_id: (self.kind == RunKind::Race && !self.race_id.is_empty())
                    .then(|| self.race_id.clone()),
                updated_ms: 0,
            }),
            _ => Err(errors),
        }
    }
}

fn read_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let date = read_past_day(text, today).map_err(|problem| match problem {
        PastDayProblem::Missing => "Enter the date of the run.".to_string(),
        PastDayProblem::Unreadable => {
            "Enter the date as year-month-day, e.g. 2026-11-27.".to_string()
        }
        PastDayProblem::ToCome => {
            "That date is in the future: log a run once you have run it.".to_string()
        }
    })?;
    if date < EARLIEST_DATE {
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
    typed_time(text).map(Some).ok_or_else(|| {
        "Enter the start time as hours:minutes, e.g. 07:30, or leave it empty.".into()
    })
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
        u32::try_from(metres).map_err(|_| DistanceError::TooLong)
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
    match pace_problem(distance_m, duration_s) {
        Some(PaceProblem::TooFast { s_per_km }) => Err(format!(
            "That is a pace of {}, faster than any world record: please check the distance and time.",
            shown_pace(s_per_km, unit)
        )),
        Some(PaceProblem::TooSlow { s_per_km }) => Err(format!(
            "That is a pace of {}, slower than walking: please check the distance and time.",
            shown_pace(s_per_km, unit)
        )),
        None => Ok(()),
    }
}

fn read_heart_rate(text: &str) -> Result<Option<u16>, String> {
    let range = HEART_RATE_RANGE;
    match parse_whole(text) {
        Err(ParseError::Empty) => Ok(None),
        Ok(bpm) if heart_rate_ok(bpm) => Ok(u16::try_from(bpm).ok()),
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
            let metres = f64::from(value) * unit.metres_per_elevation_unit();
            if !elevation_ok(metres) {
                Err("That elevation gain is more than twice Everest: please check it.".into())
            } else {
                Ok(Some(round_u32(metres)))
            }
        }
    }
}

#[cfg(test)]
mod tests;
