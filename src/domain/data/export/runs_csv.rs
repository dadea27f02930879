//! What the runner can take away: the full backup (the stored envelope itself, see
//! `docs/backup-format.md`) and the runs as CSV for a spreadsheet.

use crate::domain::order;
use crate::domain::record::journal::Journal;
use crate::domain::record::run::Run;
use crate::domain::text::dates;
use crate::domain::text::decimal::fixed;
use chrono::NaiveDate;

pub const RUNS_CSV_HEADER: &str = "date,start_time,type,distance_km,duration_s,duration,rpe,avg_hr,elevation_gain_m,soreness,notes";

/// File names carry the date, so several exports never overwrite each other.
pub fn backup_file_name(today: NaiveDate) -> String {
    format!("restride-backup-{}.json", dates::iso(today))
}

pub fn runs_csv_file_name(today: NaiveDate) -> String {
    format!("restride-runs-{}.csv", dates::iso(today))
}

/// One row per run, oldest first; distances in km whatever the display unit, so the
/// file means the same everywhere.
pub fn runs_csv(journal: &Journal) -> String {
    let mut runs: Vec<&Run> = journal.runs.iter().collect();
    order::sort_by(&mut runs, |a, b| Run::newest_first(b, a));
    let mut out = String::from(RUNS_CSV_HEADER);
    out.push('\n');
    for run in runs {
        let soreness: Vec<String> = run
            .soreness
            .iter()
            .map(|(region, level)| format!("{} {level}", region.key()))
            .collect();
        let fields = [
            run.date.to_string(),
            run.start_time.map(dates::clock_time).unwrap_or_default(),
            run.kind.key().to_string(),
            fixed(f64::from(run.distance_m) / 1000.0, 3).to_string(),
            run.duration_s.to_string(),
            crate::domain::text::units::format_duration(u64::from(run.duration_s)),
            run.rpe.to_string(),
            run.avg_hr.map(|hr| hr.to_string()).unwrap_or_default(),
            run.elevation_gain_m
                .map(|m| m.to_string())
                .unwrap_or_default(),
            soreness.join("; "),
            run.notes.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`), since notes are free text.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::region::Region;

    #[test]
    fn runs_come_out_oldest_first_with_quoting_and_no_formulas() {
        let mut later = Run::sample("2026-11-26", 52, 7, 10);
        later.distance_m = 10_500;
        later.duration_s = 3150;
        later.start_time = Some("07:30:00".parse().unwrap());
        later.notes = "Windy, \"fast\"\nfinish".into();
        later.soreness.insert(Region::Calves, 4);
        later.soreness.insert(Region::LowerBack, 2);
        let mut earlier = Run::sample("2026-11-20", 30, 3, 5);
        earlier.notes = "=HYPERLINK(\"x\")".into();
        let journal = Journal {
            runs: vec![later, earlier],
            ..Journal::default()
        };
        let csv = runs_csv(&journal);
        let expected = format!(
            "{RUNS_CSV_HEADER}\n\
             2026-11-20,,easy,5.000,1800,30:00,3,,,,\"'=HYPERLINK(\"\"x\"\")\"\n\
             2026-11-26,07:30,easy,10.500,3150,52:30,7,,,calves 4; lower_back 2,\"Windy, \"\"fast\"\"\nfinish\"\n"
        );
        assert_eq!(csv, expected);
    }

    #[test]
    fn file_names_carry_the_date() {
        let day = "2026-11-27".parse().unwrap();
        assert_eq!(backup_file_name(day), "restride-backup-2026-11-27.json");
        assert_eq!(runs_csv_file_name(day), "restride-runs-2026-11-27.csv");
    }
}
