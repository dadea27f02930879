//! Strava's bulk export `activities.csv`.
//!
//! Strava repeats column names: the first "Distance" is in the athlete's display unit
//! (read as kilometres) and a later one in metres; "Elapsed Time" (seconds) appears twice
//! as well. The first "Activity Date", "Activity Type" and "Activity Name" are used; the
//! distance is the later "Distance" in metres when the row has one, else the first × 1000;
//! the times, "Average Heart Rate" and "Elevation Gain" are the first non-empty column of
//! that name. "Activity Date" is UTC, e.g. `Nov 20, 2026, 6:45:12 AM`.
//!
//! Only "Run", "Trail Run" and "Virtual Run" rows are read; other sports are counted.
//! Rows are numbered as a spreadsheet shows them: the header is row 1.

use super::csv::read_records;
use super::time::parse_strava_date;
use super::{clean_name, name_inside_gzip, number, whole, Activity, OtherSport, Read};
use crate::domain::record::run::RunKind;

/// The columns used, by position.
struct Columns {
    date: usize,
    kind: usize,
    name: Option<usize>,
    id: Option<usize>,
    file: Option<usize>,
    distance: Vec<usize>,
    elapsed: Vec<usize>,
    moving: Vec<usize>,
    hr: Vec<usize>,
    gain: Vec<usize>,
}

impl Columns {
    fn find(header: &[String]) -> Option<Columns> {
        let all = |name: &str| -> Vec<usize> {
            header
                .iter()
                .enumerate()
                .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
                .map(|(i, _)| i)
                .collect()
        };
        let first = |name: &str| all(name).first().copied();
        let columns = Columns {
            date: first("Activity Date")?,
            kind: first("Activity Type")?,
            name: first("Activity Name"),
            id: first("Activity ID"),
            file: first("Filename"),
            distance: all("Distance"),
            elapsed: all("Elapsed Time"),
            moving: all("Moving Time"),
            hr: all("Average Heart Rate"),
            gain: all("Elevation Gain"),
        };
        (!columns.distance.is_empty() && !columns.elapsed.is_empty()).then_some(columns)
    }
}

fn kind_of(activity_type: &str) -> Option<RunKind> {
    let is = |name: &str| activity_type.eq_ignore_ascii_case(name);
    if is("Run") {
        Some(RunKind::Easy)
    } else if is("Trail Run") {
        Some(RunKind::Trail)
    } else if is("Virtual Run") {
        Some(RunKind::Other)
    } else {
        None
    }
}

pub(super) fn read(text: &str) -> Result<Read, String> {
    let records = read_records(text);
    let mut rows = records.rows.iter().enumerate();
    let columns = rows
        .next()
        .and_then(|(_, header)| Columns::find(header))
        .ok_or(
            "This CSV file lacks the columns of Strava's activities.csv (Activity Date, Activity Type, Distance, Elapsed Time): choose that file from Strava's export.",
        )?;
    let mut read = Read::default();
    let mut last_row = 1;
    for (index, row) in rows {
        last_row = index + 1;
        if row.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        match activity(&columns, row, last_row) {
            Ok(Row::Run(activity)) => read.activities.push(activity),
            Ok(Row::Other(sport)) => read.other_sports.push(sport),
            Err(reason) => read.problems.add(format!("row {last_row}"), reason),
        }
    }
    if records.unclosed_quote {
        read.problems.add(
            format!("row {last_row}"),
            "a quoted field is never closed, so the file may be cut short",
        );
    }
    Ok(read)
}

enum Row {
    Run(Activity),
    Other(OtherSport),
}

/// One row: a run, another sport, or what is wrong with it.
fn activity(columns: &Columns, row: &[String], row_number: usize) -> Result<Row, String> {
    let field = |i: usize| row.get(i).map(|f| f.trim()).filter(|f| !f.is_empty());
    let first_of = |list: &[usize]| list.iter().find_map(|&i| field(i));
    let name = || {
        columns
            .name
            .and_then(|i| row.get(i))
            .map(|name| clean_name(name))
            .unwrap_or_default()
    };
    let kind = match field(columns.kind) {
        None => return Err("it has no activity type".into()),
        Some(t) => match kind_of(t) {
            Some(kind) => kind,
            None => {
                return Ok(Row::Other(OtherSport {
                    location: format!("row {row_number}"),
                    sport: t.to_string(),
                    name: name(),
                }))
            }
        },
    };
    let date_text = field(columns.date).ok_or("it has no activity date")?;
    let start_utc = parse_strava_date(date_text)
        .ok_or_else(|| format!("the date \"{date_text}\" cannot be read"))?;
    let later_metres = columns.distance.get(1..).and_then(first_of);
    let distance_m = match (
        later_metres,
        columns.distance.first().and_then(|&i| field(i)),
    ) {
        (Some(metres), _) => number(metres).and_then(whole),
        (None, Some(km)) => number(km).and_then(|km| whole(km * 1000.0)),
        (None, None) => return Err("it has no distance".into()),
    }
    .ok_or_else(|| {
        let shown = later_metres.or(columns.distance.first().and_then(|&i| field(i)));
        format!("the distance \"{}\" is not a number", shown.unwrap_or(""))
    })?;
    let seconds = |list: &[usize], what: &str| -> Result<Option<u32>, String> {
        first_of(list)
            .map(|t| {
                number(t)
                    .and_then(whole)
                    .ok_or(format!("the {what} \"{t}\" is not a number of seconds"))
            })
            .transpose()
    };
    let elapsed_s = seconds(&columns.elapsed, "elapsed time")?.ok_or("it has no elapsed time")?;
    let moving_s = seconds(&columns.moving, "moving time")?;
    let avg_hr = first_of(&columns.hr)
        .map(|t| {
            number(t)
                .and_then(whole)
                .and_then(|v| u16::try_from(v).ok())
                .ok_or(format!("the average heart rate \"{t}\" is not a number"))
        })
        .transpose()?;
    let elevation_gain_m = first_of(&columns.gain)
        .map(|t| {
            number(t)
                .and_then(whole)
                .ok_or(format!("the elevation gain \"{t}\" is not a number"))
        })
        .transpose()?;
    Ok(Row::Run(Activity {
        start_utc,
        distance_m,
        moving_s,
        elapsed_s,
        avg_hr,
        elevation_gain_m,
        name: name(),
        kind,
        location: format!("row {row_number}"),
        strava_id: columns.id.and_then(field).map(str::to_string),
        // "activities/1001.fit.gz" names the file 1001.fit once unpacked.
        file_ref: columns
            .file
            .and_then(field)
            .map(|path| name_inside_gzip(path.rsplit('/').next().unwrap_or(path))),
    }))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::data::import::{parse_file, Format, Problem};

    /// Strava's layout (abridged): the repeated "Elapsed Time", "Distance" and "Max Heart
    /// Rate" columns, a name with a comma and doubled quotes, descriptions and a name over
    /// two lines, CRLF and LF line ends. Rows: 2 run, 3 ride, 4 trail run (no distance in
    /// metres: 12.5 km), 5 virtual run, 6 bad date, 7 bad number.
    pub(crate) const SAMPLE: &str = concat!(
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Gear,Filename,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Max Heart Rate,Average Heart Rate\r\n",
        "1001,\"Nov 20, 2026, 6:45:12 AM\",\"Tempo, then \"\"easy\"\"\",Run,\"Legs felt\r\ngood\",3100,10.02,175,60,false,Pegasus,activities/1001.fit.gz,3100.0,3000.0,10020.5,5.1,3.34,85.3,80.1,175.0,152.4\r\n",
        "1002,\"Nov 21, 2026, 5:00:00 PM\",Commute home,Ride,,1800,12.3,,,true,,,1800.0,1700.0,12300.0,10.0,7.2,40.0,41.0,,\r\n",
        "1003,\"Nov 22, 2026, 11:30:00 PM\",\"Hills\nand mud\",Trail Run,,5400,12.5,,,false,,,5400.0,,,,,610.0,600.0,,140\n",
        "1004,\"Nov 24, 2026, 7:00:00 AM\",Zwift run,Virtual Run,,1500,5.0,,,false,,,1500.0,1490.0,5000.0,,,0,0,,\n",
        "1005,yesterday,Bad date,Run,,1500,5.0,,,false,,,1500.0,1490.0,5000.0,,,0,0,,\n",
        "1006,\"Nov 25, 2026, 7:00:00 AM\",Bad number,Run,,abc,5.0,,,false,,,,1490.0,5000.0,,,0,0,,\n",
    );

    #[test]
    fn the_sample_export() {
        let file = parse_file("activities.csv", SAMPLE.as_bytes()).unwrap();
        assert_eq!(file.format, Format::StravaCsv);
        assert_eq!(
            file.other_sports,
            [OtherSport {
                location: "row 3".into(),
                sport: "Ride".into(),
                name: "Commute home".into()
            }]
        );
        assert_eq!(
            file.problems,
            [
                Problem::new("row 6", "the date \"yesterday\" cannot be read"),
                Problem::new(
                    "row 7",
                    "the elapsed time \"abc\" is not a number of seconds"
                ),
            ]
        );
        let [run, trail, virtual_run] = file.activities.as_slice() else {
            panic!("three activities: {:?}", file.activities);
        };
        assert_eq!(
            *run,
            Activity {
                start_utc: "2026-11-20T06:45:12".parse().unwrap(),
                distance_m: 10_021,
                moving_s: Some(3000),
                elapsed_s: 3100,
                avg_hr: Some(152),
                elevation_gain_m: Some(85),
                name: "Tempo, then \"easy\"".into(),
                kind: RunKind::Easy,
                location: "row 2".into(),
                strava_id: Some("1001".into()),
                file_ref: Some("1001.fit".into()),
            }
        );
        assert_eq!(trail.name, "Hills\nand mud");
        assert_eq!(trail.kind, RunKind::Trail);
        assert_eq!(trail.distance_m, 12_500, "the first Distance, in km");
        assert_eq!(trail.moving_s, None);
        assert_eq!(trail.avg_hr, Some(140));
        assert_eq!(trail.elevation_gain_m, Some(610));
        assert_eq!(trail.start_utc, "2026-11-22T23:30:00".parse().unwrap());
        assert_eq!(trail.location, "row 4");
        assert_eq!(virtual_run.kind, RunKind::Other);
        assert_eq!(virtual_run.distance_m, 5000);
    }

    #[test]
    fn a_csv_that_is_not_stravas() {
        let err = read("Date,Km\n2026-11-20,5\n").unwrap_err();
        assert!(err.contains("Activity Date"), "{err}");
        assert!(read("").is_err());
    }

    #[test]
    fn short_rows_and_an_unclosed_quote() {
        let header = SAMPLE.lines().next().unwrap();
        let text =
            format!("{header}\n\n1007,\"Nov 26, 2026, 7:00:00 AM\",Short,Run\n1008,\"Nov 27");
        let read = read(&text).unwrap();
        assert!(read.activities.is_empty());
        assert_eq!(
            read.problems.into_vec(),
            [
                Problem::new("row 3", "it has no distance"),
                Problem::new("row 4", "it has no activity type"),
                Problem::new(
                    "row 4",
                    "a quoted field is never closed, so the file may be cut short"
                ),
            ]
        );
    }
}
