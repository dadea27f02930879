//! Everything the Today page shows, computed from the journal: the older days folded,
//! the recent ones in full.
//!
//! The UI keeps this in one memo over the journal, so it is recomputed when a run is
//! saved or deleted, never while the runner types in a form. Before the records are read,
//! the same summary comes from Today's checkpoint (`checkpoint.rs`).

pub mod checkpoint; // what Today's first screen needs, stored beside the records

use crate::domain::advice::{assess, Assessment, Before, Readings};
use crate::domain::history::week_start_of;
use crate::domain::load::{
    daily_series_from, distance_between, week_progression, Day, Progression, SeriesStart,
    BASELINE_DAYS,
};
use crate::domain::record::journal::Journal;
use crate::domain::record::physio_visit::{seen_by_physio, PhysioVisit};
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use chrono::{Days, NaiveDate};

/// Days of daily load and form shown in the charts.
pub const CHART_DAYS: usize = 90;
/// Weeks of weekly distance shown in the chart.
pub const CHART_WEEKS: u64 = 12;

#[derive(Clone, Debug, PartialEq)]
pub struct TodaySummary {
    pub today: NaiveDate,
    /// The days Today reads, to `today`: the last `checkpoint::KEPT_DAYS` at least (the
    /// daily-metrics export works out every day from the journal, `load::daily_series`).
    pub series: Vec<Day>,
    pub readings: Readings,
    pub assessment: Assessment,
    pub this_week: Progression,
    /// Oldest first: the start of each week and its distance in metres.
    pub weekly_distance: Vec<(NaiveDate, u64)>,
}

impl TodaySummary {
    /// `None` before the first run: the page shows its empty state instead. The days
    /// before the last `checkpoint::KEPT_DAYS` are folded into the series' state (as in
    /// Today's checkpoint): Today reads none of them, and years of history then cost a
    /// loop over numbers instead of a day of metrics each.
    pub fn of(journal: &Journal, today: NaiveDate) -> Option<TodaySummary> {
        let (earlier, later) = checkpoint::fold_older(&journal.runs, today);
        TodaySummary::after(
            earlier.as_ref().map(|(start, before)| (start, before)),
            &later,
            &journal.settings,
            &journal.physio_visits,
            today,
        )
    }

    /// As `of`, from the runs after a resumed series' start only, with `before` standing
    /// for the earlier ones (`checkpoint::Checkpoint::summary`).
    pub fn after(
        before: Option<(&SeriesStart, &Before)>,
        runs: &[Run],
        settings: &Settings,
        physio_visits: &[PhysioVisit],
        today: NaiveDate,
    ) -> Option<TodaySummary> {
        let series = daily_series_from(before.map(|b| b.0), runs, today);
        if series.is_empty() {
            return None;
        }
        let seen = seen_by_physio(physio_visits, today);
        let readings = Readings::gather(before.map(|b| b.1), runs, &series, today, settings, &seen);
        let assessment = assess(&readings);
        let week_start = week_start_of(today, settings.week_start);
        let weekly_distance = (0..CHART_WEEKS)
            .rev()
            .map(|back| {
                let start = week_start
                    .checked_sub_days(Days::new(back * 7))
                    .unwrap_or(week_start);
                let end = start.checked_add_days(Days::new(6)).unwrap_or(start);
                (start, distance_between(runs, start, end))
            })
            .collect();
        Some(TodaySummary {
            today,
            this_week: week_progression(runs, week_start),
            series,
            readings,
            assessment,
            weekly_distance,
        })
    }

    pub fn latest(&self) -> Option<&Day> {
        self.series.last()
    }

    /// Distance over the weeks of the weekly chart, in metres.
    pub fn weekly_total_m(&self) -> u64 {
        self.weekly_distance.iter().map(|(_, m)| m).sum()
    }

    /// The last `CHART_DAYS` days (fewer when the history is shorter).
    pub fn chart_days(&self) -> &[Day] {
        &self.series[self.series.len().saturating_sub(CHART_DAYS)..]
    }

    /// Days of history still needed before ACWR is shown.
    pub fn baseline_days_to_go(&self) -> i64 {
        (BASELINE_DAYS - self.readings.history_days).max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::run::Run;

    #[test]
    fn no_runs_no_summary() {
        assert_eq!(
            TodaySummary::of(&Journal::default(), "2026-11-27".parse().unwrap()),
            None
        );
    }

    #[test]
    fn weekly_distance_covers_twelve_weeks_ending_this_week() {
        let runs = [
            Run::sample("2026-11-23", 30, 4, 5),
            Run::sample("2026-11-27", 30, 4, 7),
            Run::sample("2026-09-01", 30, 4, 9),
        ];
        let journal = Journal {
            runs: runs.to_vec(),
            ..Journal::default()
        };
        let summary = TodaySummary::of(&journal, "2026-11-27".parse().unwrap()).unwrap();
        assert_eq!(summary.weekly_distance.len(), 12);
        assert_eq!(
            summary.weekly_distance[11],
            ("2026-11-23".parse().unwrap(), 12_000)
        );
        assert_eq!(summary.weekly_total_m(), 12_000);
        assert_eq!(summary.weekly_distance[0].0, "2026-09-07".parse().unwrap());
        assert!(
            summary.weekly_distance[..11].iter().all(|(_, m)| *m == 0),
            "09-01 is before the window"
        );
        assert_eq!(summary.this_week.recent_m, 12_000);
        assert_eq!(
            summary.baseline_days_to_go(),
            0,
            "history since 09-01 is long enough"
        );
    }
}
