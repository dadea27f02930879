//! Garmin's Training Center XML: one activity per `<Activity Sport="Running">`.
//!
//! - start: `<Id>` (or the first lap's `StartTime` when `<Id>` cannot be read);
//! - moving time: the sum of the laps' `<TotalTimeSeconds>` (the timer time);
//! - elapsed: from the start to the last trackpoint's `<Time>` or the end of the last lap,
//!   whichever is later, and never less than the moving time;
//! - distance: the sum of the laps' `<DistanceMeters>`;
//! - heart rate: the laps' `<AverageHeartRateBpm><Value>`, weighted by lap time;
//! - elevation gain: the trackpoints' `<AltitudeMeters>` with the 1 m hysteresis of `Climb`;
//! - name: the activity's `<Notes>`, if any.
//!
//! Other sports ("Biking", "Other") are counted, not read. A lap without a readable time
//! or distance is left out with a problem ("Lap 2"); laps are numbered through the file.

use super::time::{from_unix_ms, parse_iso_ms};
use super::xml::{attr, decode_into, Event};
use super::{clean_name, number, whole, Activity, Climb, Mean, OtherSport, Read};
use crate::domain::record::run::RunKind;
use crate::domain::text::units::round_i64;

#[derive(Default)]
struct Session {
    number: usize,
    running: bool,
    sport: String,
    id_ms: Option<i64>,
    first_lap_ms: Option<i64>,
    /// The latest moment seen: a trackpoint time or a lap's end.
    end_ms: Option<i64>,
    timer_s: f64,
    distance_m: f64,
    hr: Mean,
    climb: Climb,
    notes: String,
    laps: usize,
}

#[derive(Default)]
struct Lap {
    number: usize,
    start_ms: Option<i64>,
    time_s: Option<f64>,
    distance_m: Option<f64>,
    hr: Option<f64>,
}

/// The whole text at once (the tests' way; the app reads in steps, `super::Reading`).
#[cfg(test)]
pub(super) fn read(text: &str) -> Result<Read, String> {
    super::read_xml::<Reader>(text)
}

/// What has been read so far; fed one event at a time, so a large file can be read in
/// steps (`super::Reading`).
#[derive(Default)]
pub(super) struct Reader<'a> {
    read: Read,
    stack: Vec<&'a str>,
    content: String,
    session: Option<Session>,
    lap: Option<Lap>,
    activities: usize,
    laps: usize,
}

impl<'a> super::EventReader<'a> for Reader<'a> {
    fn event(&mut self, event: Event<'a>) {
        match event {
            Event::Start { name, attrs } => {
                self.stack.push(name);
                self.content.clear();
                match name {
                    "Activity" => {
                        if let Some(open) = self.session.take() {
                            finish(open, &mut self.read);
                        }
                        self.activities += 1;
                        let sport = attr(attrs, "Sport").unwrap_or_default();
                        self.session = Some(Session {
                            number: self.activities,
                            running: sport.trim().eq_ignore_ascii_case("Running"),
                            sport: sport.trim().to_string(),
                            ..Session::default()
                        });
                    }
                    "Lap" if self.session.is_some() => {
                        self.laps += 1;
                        self.lap = Some(Lap {
                            number: self.laps,
                            start_ms: attr(attrs, "StartTime").and_then(|t| parse_iso_ms(&t)),
                            ..Lap::default()
                        });
                    }
                    _ => {}
                }
            }
            Event::Text(raw) => decode_into(raw, &mut self.content),
            Event::CData(raw) => self.content.push_str(raw),
            Event::End { name } => {
                if let Some(at) = self.stack.iter().rposition(|open| *open == name) {
                    self.stack.truncate(at);
                    let parent = self.stack.last().copied();
                    let grandparent = at.checked_sub(2).and_then(|i| self.stack.get(i)).copied();
                    let value = self.content.trim();
                    let read = &mut self.read;
                    match (name, parent, self.session.as_mut(), self.lap.as_mut()) {
                        ("Id", Some("Activity"), Some(s), _) => s.id_ms = parse_iso_ms(value),
                        ("Notes", Some("Activity"), Some(s), _) => s.notes = clean_name(value),
                        ("TotalTimeSeconds", Some("Lap"), _, Some(l)) => l.time_s = number(value),
                        ("DistanceMeters", Some("Lap"), _, Some(l)) => l.distance_m = number(value),
                        ("Value", Some("AverageHeartRateBpm"), _, Some(l))
                            if grandparent == Some("Lap") =>
                        {
                            l.hr = number(value)
                        }
                        ("AltitudeMeters", Some("Trackpoint"), Some(s), _) => {
                            if let Some(metres) = number(value) {
                                s.climb.add(metres);
                            }
                        }
                        ("Time", Some("Trackpoint"), Some(s), _) => {
                            if let Some(ms) = parse_iso_ms(value) {
                                s.end_ms = s.end_ms.max(Some(ms));
                            }
                        }
                        ("Lap", _, Some(s), _) => {
                            if let Some(done) = self.lap.take() {
                                add_lap(s, done, read);
                            }
                        }
                        ("Activity", _, _, _) => {
                            if let (Some(s), Some(open)) = (self.session.as_mut(), self.lap.take())
                            {
                                add_lap(s, open, read);
                            }
                            if let Some(done) = self.session.take() {
                                finish(done, read);
                            }
                        }
                        _ => {}
                    }
                }
                self.content.clear();
            }
        }
    }

    fn end(mut self, cut_at: Option<usize>) -> Result<Read, String> {
        super::cut_short(&mut self.read.problems, cut_at);
        if let Some(mut open) = self.session.take() {
            if let Some(l) = self.lap.take() {
                add_lap(&mut open, l, &mut self.read);
            }
            finish(open, &mut self.read);
        }
        if self.activities == 0 {
            return Err(
                "This TCX file has no activity (<Activity>): courses and workouts are not runs."
                    .into(),
            );
        }
        Ok(self.read)
    }
}

fn add_lap(s: &mut Session, lap: Lap, read: &mut Read) {
    if !s.running {
        return;
    }
    let location = format!("Lap {}", lap.number);
    let Some(time_s) = lap.time_s.filter(|t| *t >= 0.0) else {
        read.problems.add(
            location,
            "its total time is missing or unreadable; the lap was left out",
        );
        return;
    };
    let Some(distance_m) = lap.distance_m.filter(|d| *d >= 0.0) else {
        read.problems.add(
            location,
            "its distance is missing or unreadable; the lap was left out",
        );
        return;
    };
    s.laps += 1;
    s.timer_s += time_s;
    s.distance_m += distance_m;
    if let Some(hr) = lap.hr {
        s.hr.add(hr, time_s);
    }
    if let Some(start) = lap.start_ms {
        s.first_lap_ms = s.first_lap_ms.or(Some(start));
        let end = start.saturating_add(round_i64(time_s * 1000.0));
        s.end_ms = s.end_ms.max(Some(end));
    }
}

fn finish(s: Session, read: &mut Read) {
    let location = format!("Activity {}", s.number);
    if !s.running {
        read.other_sports.push(OtherSport {
            location,
            sport: s.sport,
            name: s.notes,
        });
        return;
    }
    if s.laps == 0 {
        read.problems
            .add(location, "it has no lap that could be read");
        return;
    }
    let Some(start_ms) = s.id_ms.or(s.first_lap_ms) else {
        read.problems
            .add(location, "its start time (<Id>) cannot be read");
        return;
    };
    let (Some(start_utc), Some(distance_m), Some(moving_s)) = (
        from_unix_ms(start_ms),
        whole(s.distance_m),
        whole(s.timer_s),
    ) else {
        read.problems
            .add(location, "its start, distance or time is out of range");
        return;
    };
    let span_s = s
        .end_ms
        .and_then(|end| whole(end.saturating_sub(start_ms) as f64 / 1000.0))
        .unwrap_or(0);
    read.activities.push(Activity {
        start_utc,
        distance_m,
        moving_s: Some(moving_s),
        elapsed_s: span_s.max(moving_s),
        avg_hr: s.hr.get(),
        elevation_gain_m: s.climb.total(),
        name: s.notes,
        kind: RunKind::Easy,
        location,
        strava_id: None,
        file_ref: None,
    });
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::data::import::{parse_file, Format, Problem};

    /// Two laps with trackpoints. Worked out by hand:
    /// - distance 1000.0 + 1250.5 = 2250.5 → 2251 m (round half away from zero);
    /// - moving 300 + 330.4 = 630.4 → 630 s;
    /// - elapsed: 07:00:00 → the last trackpoint 07:11:00 = 660 s (a 29.6 s pause between
    ///   the laps: lap 2 starts at 07:05:30 and ends at 07:11:00.4, i.e. 660.4 → 660 s);
    /// - heart rate weighted by lap time: (150·300 + 160·330.4) / 630.4 = 155.24 → 155;
    /// - gain with the 1 m hysteresis over 50.0, 50.6, 52.0, 51.2, 53.0, 52.4:
    ///   +2.0 at 52.0, down to 51.2, +1.8 at 53.0 = 3.8 → 4 m.
    pub(crate) const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
  <Activities>
    <Activity Sport="Running">
      <Id>2026-11-20T07:00:00.000Z</Id>
      <Lap StartTime="2026-11-20T07:00:00.000Z">
        <TotalTimeSeconds>300.0</TotalTimeSeconds>
        <DistanceMeters>1000.0</DistanceMeters>
        <MaximumSpeed>4.2</MaximumSpeed>
        <Calories>70</Calories>
        <AverageHeartRateBpm><Value>150</Value></AverageHeartRateBpm>
        <MaximumHeartRateBpm><Value>171</Value></MaximumHeartRateBpm>
        <Intensity>Active</Intensity>
        <TriggerMethod>Manual</TriggerMethod>
        <Track>
          <Trackpoint><Time>2026-11-20T07:00:00.000Z</Time><AltitudeMeters>50.0</AltitudeMeters><DistanceMeters>0.0</DistanceMeters><HeartRateBpm><Value>120</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2026-11-20T07:02:30.000Z</Time><AltitudeMeters>50.6</AltitudeMeters><DistanceMeters>500.0</DistanceMeters><HeartRateBpm><Value>199</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2026-11-20T07:05:00.000Z</Time><AltitudeMeters>52.0</AltitudeMeters><DistanceMeters>1000.0</DistanceMeters></Trackpoint>
        </Track>
      </Lap>
      <Lap StartTime="2026-11-20T07:05:30.000Z">
        <TotalTimeSeconds>330.4</TotalTimeSeconds>
        <DistanceMeters>1250.5</DistanceMeters>
        <AverageHeartRateBpm><Value>160</Value></AverageHeartRateBpm>
        <Track>
          <Trackpoint><Time>2026-11-20T07:05:30.000Z</Time><AltitudeMeters>51.2</AltitudeMeters></Trackpoint>
          <Trackpoint><Time>2026-11-20T07:08:00.000Z</Time><AltitudeMeters>53.0</AltitudeMeters></Trackpoint>
          <Trackpoint><Time>2026-11-20T07:11:00.000Z</Time><AltitudeMeters>52.4</AltitudeMeters></Trackpoint>
        </Track>
      </Lap>
      <Notes>Intervals &amp; hills</Notes>
      <Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Name>Forerunner 255</Name></Creator>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"#;

    #[test]
    fn the_sample_activity_in_numbers() {
        let file = parse_file("activity.tcx", SAMPLE.as_bytes()).unwrap();
        assert_eq!(file.format, Format::Tcx);
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        assert_eq!(
            file.activities,
            [Activity {
                start_utc: "2026-11-20T07:00:00".parse().unwrap(),
                distance_m: 2251,
                moving_s: Some(630),
                elapsed_s: 660,
                avg_hr: Some(155),
                elevation_gain_m: Some(4),
                name: "Intervals & hills".into(),
                kind: RunKind::Easy,
                location: "Activity 1".into(),
                strava_id: None,
                file_ref: None,
            }]
        );
    }

    #[test]
    fn other_sports_are_counted_and_bad_laps_named() {
        let bike = SAMPLE.replace("Sport=\"Running\"", "Sport=\"Biking\"");
        let read = read(&bike).unwrap();
        assert!(read.activities.is_empty());
        assert_eq!(read.other_sports.len(), 1);
        assert_eq!(read.other_sports[0].sport, "Biking");
        let broken = SAMPLE.replacen(
            "<DistanceMeters>1250.5</DistanceMeters>",
            "<DistanceMeters>far</DistanceMeters>",
            1,
        );
        let file = parse_file("a.tcx", broken.as_bytes()).unwrap();
        assert_eq!(
            file.problems,
            [Problem::new(
                "Lap 2",
                "its distance is missing or unreadable; the lap was left out"
            )]
        );
        assert_eq!(file.activities[0].distance_m, 1000);
        assert_eq!(file.activities[0].moving_s, Some(300));
        assert_eq!(file.activities[0].avg_hr, Some(150));
    }

    #[test]
    fn without_an_id_the_first_lap_starts_it() {
        let no_id = SAMPLE.replace("<Id>2026-11-20T07:00:00.000Z</Id>", "<Id>?</Id>");
        let read = read(&no_id).unwrap();
        assert_eq!(
            read.activities[0].start_utc,
            "2026-11-20T07:00:00".parse().unwrap()
        );
    }

    #[test]
    fn files_without_activities() {
        assert!(read("<TrainingCenterDatabase><Courses/></TrainingCenterDatabase>").is_err());
        let lapless = read("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>2026-11-20T07:00:00Z</Id></Activity></Activities></TrainingCenterDatabase>").unwrap();
        assert_eq!(
            lapless.problems.into_vec(),
            [Problem::new(
                "Activity 1",
                "it has no lap that could be read"
            )]
        );
    }
}
