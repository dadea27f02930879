//! What makes each record valid: one definition for the run and massage forms, the stored
//! format and import. The forms word their messages for a field being typed; the stored
//! format and import describe a record from a file; the limits and tests are these. A
//! stored record needs only what the app's numbers need (`check_stored_run`): what an
//! older version saved is never hidden for being implausible by today's limits.

use crate::domain::record::massage::Massage;
use crate::domain::record::race::Race;
use crate::domain::record::region::Region;
use crate::domain::record::run::{Run, RPE_MAX, RPE_MIN, SORENESS_MAX};
use crate::domain::record::settings::Unit;
use crate::domain::text::units::format_pace;
use chrono::NaiveDate;

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
/// The longest massage a log may hold (10 hours), and so a routine's logged minutes.
pub const MASSAGE_MINUTES_MAX: u16 = 600;

/// A pace no run has: too fast for any human, or slower than walking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PaceProblem {
    TooFast { s_per_km: f64 },
    TooSlow { s_per_km: f64 },
}

/// The pace check catches the commonest slip: time typed in the wrong unit or a missing digit.
pub fn pace_problem(distance_m: u32, duration_s: u32) -> Option<PaceProblem> {
    let s_per_km = f64::from(duration_s) / (f64::from(distance_m) / 1000.0);
    if s_per_km < FASTEST_PLAUSIBLE_S_PER_KM {
        Some(PaceProblem::TooFast { s_per_km })
    } else if s_per_km > SLOWEST_PLAUSIBLE_S_PER_KM {
        Some(PaceProblem::TooSlow { s_per_km })
    } else {
        None
    }
}

/// A pace in seconds per km, as the runner reads paces.
pub fn shown_pace(s_per_km: f64, unit: Unit) -> String {
    format_pace(s_per_km * unit.metres_per_unit() / 1000.0, unit)
}

pub fn heart_rate_ok(bpm: u32) -> bool {
    HEART_RATE_RANGE.contains(&bpm)
}

pub fn elevation_ok(metres: f64) -> bool {
    metres <= HIGHEST_PLAUSIBLE_ELEVATION_GAIN_M
}

pub fn notes_ok(notes: &str) -> bool {
    notes.chars().count() <= NOTES_MAX_CHARS
}

pub fn massage_minutes_ok(minutes: u32) -> bool {
    (1..=u32::from(MASSAGE_MINUTES_MAX)).contains(&minutes)
}

/// What every stored run must be for the app's numbers to hold, in plain words ("its
/// distance is 0"). The stored-data reader sets aside a run that fails this; a run that is
/// only implausible (a pace no form would take today) was saved by some version of the
/// app and still loads.
pub fn check_stored_run(run: &Run) -> Result<(), String> {
    if run.distance_m == 0 {
        return Err("its distance is 0".into());
    }
    if run.duration_s == 0 {
        return Err("its duration is 0".into());
    }
    if !(RPE_MIN..=RPE_MAX).contains(&run.rpe) {
        return Err(format!("its effort is {}, outside 1–10", run.rpe));
    }
    if let Some((region, level)) = run.soreness.iter().find(|(_, l)| **l > SORENESS_MAX) {
        return Err(format!(
            "soreness of {} is {level}, above 10",
            Region::label(*region)
        ));
    }
    Ok(())
}

/// What makes a new run invalid, as the run form sees it (the same limits) and import
/// reports it: a stored run's checks, then plausibility.
pub fn check_run(run: &Run, unit: Unit) -> Result<(), String> {
    check_stored_run(run)?;
    if run.date < EARLIEST_DATE {
        return Err(format!("its date, {}, is before 1970", run.date));
    }
    if u64::from(run.distance_m) > LONGEST_PLAUSIBLE_DISTANCE_M {
        return Err("its distance is over 1000 km, longer than any single run".into());
    }
    match pace_problem(run.distance_m, run.duration_s) {
        Some(PaceProblem::TooFast { s_per_km }) => {
            return Err(format!(
                "its pace, {}, is faster than {}: faster than any world record",
                shown_pace(s_per_km, unit),
                shown_pace(FASTEST_PLAUSIBLE_S_PER_KM, unit)
            ))
        }
        Some(PaceProblem::TooSlow { s_per_km }) => {
            return Err(format!(
                "its pace, {}, is slower than {}: slower than walking",
                shown_pace(s_per_km, unit),
                shown_pace(SLOWEST_PLAUSIBLE_S_PER_KM, unit)
            ))
        }
        None => {}
    }
    if let Some(hr) = run.avg_hr.filter(|hr| !heart_rate_ok(u32::from(*hr))) {
        return Err(format!(
            "its average heart rate, {hr}, is outside {}–{}",
            HEART_RATE_RANGE.start(),
            HEART_RATE_RANGE.end()
        ));
    }
    if let Some(gain) = run
        .elevation_gain_m
        .filter(|m| !elevation_ok(f64::from(*m)))
    {
        return Err(format!(
            "its elevation gain, {gain} m, is more than twice Everest"
        ));
    }
    if !notes_ok(&run.notes) {
        return Err(format!(
            "its notes are longer than {NOTES_MAX_CHARS} characters"
        ));
    }
    Ok(())
}

pub fn check_massage(massage: &Massage) -> Result<(), String> {
    if !massage_minutes_ok(u32::from(massage.minutes)) {
        return Err(format!("its duration is {} minutes", massage.minutes));
    }
    Ok(())
}

pub fn check_race(race: &Race) -> Result<(), String> {
    if race.name.trim().is_empty() {
        return Err("it has no name".into());
    }
    if race.distance_m == 0 {
        return Err("its distance is 0".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_limits_are_exclusive() {
        // 10 km in 25:00 is 2:30 /km exactly: allowed; a second faster is not.
        assert_eq!(pace_problem(10_000, 1500), None);
        assert!(matches!(
            pace_problem(10_000, 1499),
            Some(PaceProblem::TooFast { .. })
        ));
        // 1 km in 30:00 exactly: allowed; a second slower is not.
        assert_eq!(pace_problem(1000, 1800), None);
        assert!(matches!(
            pace_problem(1000, 1801),
            Some(PaceProblem::TooSlow { .. })
        ));
    }

    #[test]
    fn a_stored_run_needs_whole_numbers_a_new_one_also_plausible_ones() {
        let mut fast = Run::sample("2026-11-20", 10, 5, 10);
        assert_eq!(check_stored_run(&fast), Ok(()));
        assert!(check_run(&fast, Unit::Km).is_err());
        fast.rpe = 0;
        assert_eq!(
            check_stored_run(&fast),
            Err("its effort is 0, outside 1–10".into())
        );
        assert_eq!(
            check_run(&fast, Unit::Km),
            Err("its effort is 0, outside 1–10".into())
        );
    }

    #[test]
    fn a_new_run_is_described_in_the_runners_unit() {
        let mut run = Run::sample("2026-11-20", 10, 5, 10);
        assert_eq!(
            check_run(&run, Unit::Km),
            Err("its pace, 1:00 /km, is faster than 2:30 /km: faster than any world record".into())
        );
        assert!(check_run(&run, Unit::Mi).unwrap_err().contains("/mi"));
        run.duration_s = 3000;
        assert_eq!(check_run(&run, Unit::Km), Ok(()));
        run.avg_hr = Some(250);
        assert_eq!(
            check_run(&run, Unit::Km),
            Err("its average heart rate, 250, is outside 30–230".into())
        );
        run.avg_hr = None;
        run.soreness.insert(Region::Calves, 11);
        assert_eq!(
            check_run(&run, Unit::Km),
            Err("soreness of Calves is 11, above 10".into())
        );
    }
}
