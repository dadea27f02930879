//! GPX 1.1 tracks: one activity per `<trk>`.
//!
//! - start: the time of the first point; elapsed: last point − first point;
//! - distance: the haversine sum between consecutive points of a segment (a pause that
//!   starts a new `<trkseg>` adds no distance), earth radius 6 371 008.8 m (the mean radius);
//! - moving time: the intervals between consecutive points faster than 0.5 m/s;
//! - elevation gain: `<ele>` with the 1 m hysteresis of `Climb`;
//! - heart rate: the mean of every `<…:hr>` in a point's extensions (Garmin's
//!   `gpxtpx:hr`, or any other prefix);
//! - name: `<trk><name>`; sport: `<trk><type>` (see `kind_of`).
//!
//! A point without a readable place or time is skipped with a problem.

use super::time::{from_unix_ms, parse_iso_ms};
use super::xml::{attr, decode_into, Event};
use super::{clean_name, number, whole, Activity, Climb, Mean, OtherSport, Problems, Read};
use crate::domain::record::run::RunKind;

/// The mean earth radius (IUGG), in metres.
pub(super) const EARTH_RADIUS_M: f64 = 6_371_008.8;
/// Slower than this between two points counts as standing still.
pub(super) const MOVING_SPEED_M_PER_S: f64 = 0.5;

/// The great-circle distance between two points given in degrees.
pub(super) fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let half_dp = (p2 - p1) / 2.0;
    let half_dl = (lon2 - lon1).to_radians() / 2.0;
    let a = half_dp.sin().powi(2) + p1.cos() * p2.cos() * half_dl.sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.clamp(0.0, 1.0).sqrt().asin()
}

/// The sport of a track from its `<type>`: none, "9" (Strava's number for a run) or any
/// word with "run" in it is a run; trail runs are Trail, virtual and treadmill runs Other;
/// any other type is another sport (`None`).
fn kind_of(type_text: Option<&str>) -> Option<RunKind> {
    let t = type_text.unwrap_or("").trim().to_lowercase();
    if t.is_empty() || t == "9" {
        Some(RunKind::Easy)
    } else if t.contains("run") {
        Some(if t.contains("trail") {
            RunKind::Trail
        } else if t.contains("virtual") || t.contains("treadmill") {
            RunKind::Other
        } else {
            RunKind::Easy
        })
    } else {
        None
    }
}

#[derive(Default)]
struct Track {
    number: usize,
    name: String,
    type_text: Option<String>,
    first_ms: Option<i64>,
    last_ms: Option<i64>,
    distance_m: f64,
    moving_s: f64,
    climb: Climb,
    hr: Mean,
}

#[derive(Default)]
struct Point {
    number: usize,
    lat: Option<f64>,
    lon: Option<f64>,
    ele: Option<f64>,
    time_ms: Option<i64>,
    hr: Option<f64>,
}

/// The previous point of the current segment.
struct Fix {
    lat: f64,
    lon: f64,
    ms: i64,
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
    track: Option<Track>,
    point: Option<Point>,
    previous: Option<Fix>,
    tracks: usize,
    points: usize,
}

impl<'a> super::EventReader<'a> for Reader<'a> {
    fn event(&mut self, event: Event<'a>) {
        match event {
            Event::Start { name, attrs } => {
                self.stack.push(name);
                self.content.clear();
                match name {
                    "trk" => {
                        if let Some(open) = self.track.take() {
                            finish(open, &mut self.read);
                        }
                        self.tracks += 1;
                        self.track = Some(Track {
                            number: self.tracks,
                            ..Track::default()
                        });
                    }
                    "trkseg" => self.previous = None,
                    "trkpt" if self.track.is_some() => {
                        self.points += 1;
                        let degrees = |key| attr(attrs, key).and_then(|v| number(&v));
                        self.point = Some(Point {
                            number: self.points,
                            lat: degrees("lat").filter(|v| (-90.0..=90.0).contains(v)),
                            lon: degrees("lon").filter(|v| (-180.0..=180.0).contains(v)),
                            ..Point::default()
                        });
                    }
                    _ => {}
                }
            }
            Event::Text(raw) => decode_into(raw, &mut self.content),
            Event::CData(raw) => self.content.push_str(raw),
            Event::End { name } => {
                // Close up to the matching start; an end tag that matches nothing is ignored.
                if let Some(at) = self.stack.iter().rposition(|open| *open == name) {
                    self.stack.truncate(at);
                    let parent = self.stack.last().copied();
                    let value = self.content.trim();
                    match (name, parent, self.point.as_mut(), self.track.as_mut()) {
                        ("ele", Some("trkpt"), Some(p), _) => p.ele = number(value),
                        ("time", Some("trkpt"), Some(p), _) => p.time_ms = parse_iso_ms(value),
                        ("hr", _, Some(p), _) => p.hr = number(value),
                        ("trkpt", _, Some(_), Some(t)) => {
                            if let Some(p) = self.point.take() {
                                add_point(t, p, &mut self.previous, &mut self.read.problems);
                            }
                        }
                        ("name", Some("trk"), _, Some(t)) => t.name = clean_name(value),
                        ("type", Some("trk"), _, Some(t)) => t.type_text = Some(value.into()),
                        ("trk", _, _, _) => {
                            self.point = None;
                            if let Some(done) = self.track.take() {
                                finish(done, &mut self.read);
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
        if let Some(open) = self.track.take() {
            finish(open, &mut self.read);
        }
        if self.tracks == 0 {
            return Err(
                "This GPX file has no track (<trk>): routes and waypoints are not runs.".into(),
            );
        }
        Ok(self.read)
    }
}

fn add_point(t: &mut Track, p: Point, previous: &mut Option<Fix>, problems: &mut Problems) {
    let location = || format!("trkpt {}", p.number);
    let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
        problems.add(
            location(),
            "its latitude or longitude is missing or impossible; the point was skipped",
        );
        return;
    };
    let Some(ms) = p.time_ms else {
        problems.add(location(), "it has no readable time; the point was skipped");
        return;
    };
    if let Some(prev) = previous.as_ref() {
        let step_m = haversine_m(prev.lat, prev.lon, lat, lon);
        t.distance_m += step_m;
        let step_s = ms.saturating_sub(prev.ms) as f64 / 1000.0;
        if step_s > 0.0 && step_m / step_s > MOVING_SPEED_M_PER_S {
            t.moving_s += step_s;
        }
    }
    t.first_ms.get_or_insert(ms);
    t.last_ms = Some(ms);
    if let Some(ele) = p.ele {
        t.climb.add(ele);
    }
    if let Some(hr) = p.hr {
        t.hr.add(hr, 1.0);
    }
    *previous = Some(Fix { lat, lon, ms });
}

fn finish(t: Track, read: &mut Read) {
    let location = format!("track {}", t.number);
    let Some(kind) = kind_of(t.type_text.as_deref()) else {
        read.other_sports.push(OtherSport {
            location,
            sport: t.type_text.unwrap_or_default().trim().to_string(),
            name: t.name,
        });
        return;
    };
    let (Some(first), Some(last)) = (t.first_ms, t.last_ms) else {
        read.problems
            .add(location, "it has no points with a place and a time");
        return;
    };
    let Some(start_utc) = from_unix_ms(first) else {
        read.problems
            .add(location, "its start time is out of range");
        return;
    };
    let Some(distance_m) = whole(t.distance_m) else {
        read.problems.add(location, "its distance is out of range");
        return;
    };
    read.activities.push(Activity {
        start_utc,
        distance_m,
        moving_s: whole(t.moving_s),
        elapsed_s: whole(last.saturating_sub(first) as f64 / 1000.0).unwrap_or(0),
        avg_hr: t.hr.get(),
        elevation_gain_m: t.climb.total(),
        name: t.name,
        kind,
        location,
        strava_id: None,
        file_ref: None,
    });
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::data::import::{parse_file, Format, Problem};

    /// Two segments, seven points. Point 3 stands still, point 6 has no latitude.
    /// Worked out independently (Python, haversine with R = 6 371 008.8 m):
    /// - distance: 1→2 0.001° of latitude = 111.195 m; 2→3 0 m; 3→4 0.002° of longitude
    ///   at 52.521° N = 135.318 m; 5→7 0.001° of latitude = 111.195 m (4→5 is across the
    ///   segment break and not counted): 357.708 m → 358 m;
    /// - moving: 1→2 (3.71 m/s), 3→4 (4.51 m/s) and 5→7 (3.71 m/s), 30 s each = 90 s;
    ///   2→3 stood still;
    /// - elapsed: 06:45:12 → 06:50:30 = 318 s;
    /// - heart rate: (140 + 150 + 155 + 151 + 160) / 5 = 151.2 → 151;
    /// - gain with the 1 m hysteresis: 34 → 36.5 (+2.5); 37.4 is only 0.9 above; down to
    ///   35.0; 35.9 is only 0.9 above; 37.2 is 2.2 above 35.0 (+2.2): 4.7 → 5 m.
    ///   (With no smoothing it would be 2.5 + 0.9 + 0.9 + 1.3 = 5.6 → 6 m.)
    pub(crate) const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <metadata><name>Not this</name><time>2026-11-20T06:00:00Z</time></metadata>
 <trk>
  <name>Morning &amp; <!-- a comment -->easy</name>
  <type>running</type>
  <trkseg>
   <trkpt lat="52.5200000" lon="13.4050000"><ele>34.0</ele><time>2026-11-20T06:45:12Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
   <trkpt lat="52.5210000" lon="13.4050000"><ele>36.5</ele><time>2026-11-20T06:45:42Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
   <trkpt lat="52.5210000" lon="13.4050000"><ele>37.4</ele><time>2026-11-20T06:46:12Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>155</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
   <trkpt lat='52.5210000' lon='13.4070000'><ele>35.0</ele><time>2026-11-20T07:46:42+01:00</time><extensions><ns3:TrackPointExtension><ns3:hr>151</ns3:hr></ns3:TrackPointExtension></extensions></trkpt>
  </trkseg>
  <trkseg>
   <trkpt lat="52.5220000" lon="13.4070000"><ele>35.9</ele><time>2026-11-20T06:50:00Z</time></trkpt>
   <trkpt lon="13.4070000"><ele>99.0</ele><time>2026-11-20T06:50:15Z</time></trkpt>
   <trkpt lat="52.5230000" lon="13.4070000"><ele>37.2</ele><time>2026-11-20T06:50:30.000Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>160</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
  </trkseg>
 </trk>
</gpx>
"#;

    fn read_ok(text: &str) -> Read {
        read(text).unwrap()
    }

    #[test]
    fn haversine_matches_the_worked_numbers() {
        assert!((haversine_m(52.52, 13.405, 52.521, 13.405) - 111.195_080).abs() < 1e-3);
        assert!((haversine_m(52.521, 13.405, 52.521, 13.407) - 135.317_876).abs() < 1e-3);
        assert_eq!(haversine_m(10.0, 20.0, 10.0, 20.0), 0.0);
    }

    #[test]
    fn the_sample_track_in_numbers() {
        let file = parse_file("Morning_Run.gpx", SAMPLE.as_bytes()).unwrap();
        assert_eq!(file.format, Format::Gpx);
        assert_eq!(file.activities.len(), 1);
        let a = &file.activities[0];
        assert_eq!(a.start_utc, "2026-11-20T06:45:12".parse().unwrap());
        assert_eq!(a.distance_m, 358);
        assert_eq!(a.moving_s, Some(90));
        assert_eq!(a.elapsed_s, 318);
        assert_eq!(a.avg_hr, Some(151));
        assert_eq!(a.elevation_gain_m, Some(5));
        assert_eq!(a.name, "Morning & easy");
        assert_eq!(a.kind, RunKind::Easy);
        assert_eq!(a.location, "track 1");
        assert_eq!(
            file.problems,
            [Problem::new(
                "trkpt 6",
                "its latitude or longitude is missing or impossible; the point was skipped"
            )]
        );
    }

    #[test]
    fn sports_from_the_track_type() {
        assert_eq!(kind_of(None), Some(RunKind::Easy));
        assert_eq!(kind_of(Some("9")), Some(RunKind::Easy));
        assert_eq!(kind_of(Some("trail_running")), Some(RunKind::Trail));
        assert_eq!(kind_of(Some("VirtualRun")), Some(RunKind::Other));
        assert_eq!(kind_of(Some("treadmill_running")), Some(RunKind::Other));
        assert_eq!(kind_of(Some("cycling")), None);
        assert_eq!(kind_of(Some("1")), None);
        let ride = SAMPLE.replace("<type>running</type>", "<type>cycling</type>");
        let read = read_ok(&ride);
        assert!(read.activities.is_empty());
        assert_eq!(read.other_sports.len(), 1);
    }

    #[test]
    fn each_track_is_an_activity() {
        let body = SAMPLE
            .split_once("<trk>")
            .and_then(|(_, rest)| rest.split_once("</trk>"))
            .map(|(trk, _)| trk)
            .unwrap()
            .replace("<name>Morning &amp; <!-- a comment -->easy</name>", "");
        let two = format!(
            "<gpx><trk>{body}</trk><trk><name><![CDATA[Second <one>]]></name>{body}</trk></gpx>"
        );
        let read = read_ok(&two);
        assert_eq!(read.activities.len(), 2);
        assert_eq!(read.activities[0].name, "");
        assert_eq!(read.activities[1].name, "Second <one>");
        assert_eq!(read.activities[1].location, "track 2");
        assert_eq!(read.activities[1].distance_m, 358);
    }

    #[test]
    fn a_cut_file_keeps_what_was_read_and_says_where_it_ends() {
        let cut = SAMPLE
            .find("<trkseg>\n   <trkpt lat=\"52.5220000\"")
            .unwrap()
            + 20;
        let read = read_ok(&SAMPLE[..cut]);
        assert_eq!(read.activities.len(), 1);
        let a = &read.activities[0];
        assert_eq!(a.elapsed_s, 90, "up to the fourth point");
        assert_eq!(a.distance_m, 247, "111.195 + 135.318");
        let problems = read.problems.into_vec();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, format!("byte {}", cut - 8));
    }

    #[test]
    fn files_without_a_usable_track() {
        let routes = r#"<gpx><rte><rtept lat="1" lon="2"/></rte><wpt lat="1" lon="2"/></gpx>"#;
        assert!(read(routes).unwrap_err().contains("no track"));
        let timeless = r#"<gpx><trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="1" lon="2.1"/></trkseg></trk></gpx>"#;
        let read = read_ok(timeless);
        assert!(read.activities.is_empty());
        let problems = read.problems.into_vec();
        // The track's reason first; the two timeless points as one problem, counted.
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0],
            Problem::new("track 1", "it has no points with a place and a time")
        );
        assert_eq!(problems[1].location, "trkpt 1");
        assert_eq!(problems[1].repeats, 1);
    }
}
