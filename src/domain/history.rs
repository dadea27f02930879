//! History grouped by training week, newest first: runs and massages together.

use crate::domain::order;
use crate::domain::record::massage::Massage;
use crate::domain::record::run::Run;
use crate::domain::record::settings::WeekStart;
use chrono::{Datelike, Days, NaiveDate};

/// What an entry in History is: both kinds are shown together, newest first.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry<'a> {
    Run(&'a Run),
    Massage(&'a Massage),
}

/// The first day of the week that holds `date`.
pub fn week_start_of(date: NaiveDate, week_start: WeekStart) -> NaiveDate {
    let days_into_week = match week_start {
        WeekStart::Monday => date.weekday().num_days_from_monday(),
        WeekStart::Sunday => date.weekday().num_days_from_sunday(),
    };
    // Subtracting at most six days from a valid date only fails at the very start of the
    // calendar, far before any date the form accepts; fall back to the date itself there.
    date.checked_sub_days(Days::new(u64::from(days_into_week)))
        .unwrap_or(date)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    pub start: NaiveDate,
    /// Newest first.
    pub runs: Vec<Run>,
    /// Newest first.
    pub massages: Vec<Massage>,
    pub distance_m: u64,
    pub duration_s: u64,
}

impl Week {
    /// Runs and massages in one list, newest day first; on the same day a massage comes
    /// first, as it usually follows the run.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let mut entries: Vec<(NaiveDate, u8, Entry)> = self
            .runs
            .iter()
            .map(|r| (r.date, 1, Entry::Run(r)))
            .chain(self.massages.iter().map(|m| (m.date, 0, Entry::Massage(m))))
            .collect();
        // Stable: runs keep their newest-first order within a day.
        order::sort_by(&mut entries, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        entries.into_iter().map(|(_, _, e)| e).collect()
    }

    pub fn end(&self) -> NaiveDate {
        self.start
            .checked_add_days(Days::new(6))
            .unwrap_or(self.start)
    }
}

/// Weeks that hold at least one run or massage, newest first, with their run totals.
pub fn group_by_week(runs: &[Run], massages: &[Massage], week_start: WeekStart) -> Vec<Week> {
    let mut sorted: Vec<&Run> = runs.iter().collect();
    order::sort_by(&mut sorted, |a, b| Run::newest_first(a, b));
    let mut weeks: Vec<Week> = Vec::new();
    let empty = |start| Week {
        start,
        runs: Vec::new(),
        massages: Vec::new(),
        distance_m: 0,
        duration_s: 0,
    };
    for run in sorted {
        let start = week_start_of(run.date, week_start);
        match weeks.last_mut() {
            Some(week) if week.start == start => week.add(run),
            _ => {
                let mut week = empty(start);
                week.add(run);
                weeks.push(week);
            }
        }
    }
    let mut sorted: Vec<&Massage> = massages.iter().collect();
    order::sort_by(&mut sorted, |a, b| {
        b.date.cmp(&a.date).then(b.id.cmp(&a.id))
    });
    for massage in sorted {
        let start = week_start_of(massage.date, week_start);
        let index = match weeks.iter().position(|w| w.start == start) {
            Some(index) => index,
            None => {
                weeks.push(empty(start));
                weeks.len() - 1
            }
        };
        weeks[index].massages.push(massage.clone());
    }
    order::sort_by_key(&mut weeks, |w| std::cmp::Reverse(w.start));
    weeks
}

impl Week {
    fn add(&mut self, run: &Run) {
        self.distance_m += u64::from(run.distance_m);
        self.duration_s += u64::from(run.duration_s);
        self.runs.push(run.clone());
    }
}

#[cfg(test)]
mod tests;
