//! The daily metrics as CSV: every number Today shows, one row per day, to check in a
//! spreadsheet.

use crate::domain::load::Day;
use crate::domain::text::dates;
use crate::domain::text::decimal::fixed;

/// The daily metrics as CSV, one row per day from the first run to today. Distances are
/// in km whatever the display unit; a cell is empty only where the value is undefined
/// (ACWR while chronic load is 0, monotony and strain without load in the last 7 days).
pub fn daily_csv(series: &[Day]) -> String {
    let mut csv = String::from(
        "date,distance_km,load,acute,chronic,acwr,fitness,fatigue,form,monotony,strain\n",
    );
    let cell = |value: Option<f64>| value.map(|v| fixed(v, 2).to_string()).unwrap_or_default();
    for day in series {
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{}\n",
            dates::iso(day.date),
            fixed(day.distance_m as f64 / 1000.0, 3),
            fixed(day.load, 2),
            fixed(day.acute, 2),
            fixed(day.chronic, 2),
            cell(day.acwr),
            fixed(day.fitness, 2),
            fixed(day.fatigue, 2),
            fixed(day.form, 2),
            cell(day.monotony),
            cell(day.strain),
        ));
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::daily_series;
    use crate::domain::record::run::Run;

    #[test]
    fn csv_rows_match_the_golden_numbers() {
        // Two days; values by hand: day 1 load 120, acute 0.25·120 = 30, chronic 120·2/29
        // = 8.2759, ACWR 3.625, fitness 120·(1 − e^(−1/42)) = 2.8234, fatigue 120·(1 − e^(−1/7))
        // = 15.9747, form 0; monotony of [0,0,0,0,0,0,120]: mean 17.143, SD 41.991 → 0.4082,
        // strain 120 × 0.4082 = 48.99. Day 2 is a rest day.
        let runs = [Run::sample("2026-11-01", 30, 4, 5)];
        let series = daily_series(&runs, "2026-11-02".parse().unwrap());
        let csv = daily_csv(&series);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "date,distance_km,load,acute,chronic,acwr,fitness,fatigue,form,monotony,strain"
        );
        assert_eq!(
            lines[1],
            "2026-11-01,5.000,120.00,30.00,8.28,3.62,2.82,15.97,0.00,0.41,48.99"
        );
        assert!(
            lines[2].starts_with("2026-11-02,0.000,0.00,22.50,"),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn csv_leaves_undefined_cells_empty() {
        // Ten rest days after one run: monotony and strain are undefined from day 8 on.
        let runs = [Run::sample("2026-11-01", 30, 4, 5)];
        let series = daily_series(&runs, "2026-11-10".parse().unwrap());
        let csv = daily_csv(&series);
        let last = csv.lines().last().unwrap();
        assert!(last.starts_with("2026-11-10,0.000,0.00,"), "{last}");
        assert!(last.ends_with(",,"), "monotony and strain empty: {last}");
        assert_eq!(last.split(',').count(), 11);
    }
}
