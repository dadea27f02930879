//! Importing runs from files: Restride's own backups, Strava's bulk export
//! `activities.csv`, GPX, TCX and FIT.
//!
//! Each format has a small hand-written reader: every problem becomes a `Problem` in the
//! runner's words, located in the file, and nothing can panic (a crate's reader would
//! decide both for us). `parse_file` detects the format and reads one file into `Activity`
//! values and the `Problem`s met on the way; `preview` turns a batch of read files into
//! runs for the journal, finds duplicates and rejects what would be an invalid run;
//! `merge` and `replace` apply a preview. Nothing here panics on any input: every reader
//! is fuzzed with arbitrary, truncated and mutated files (`fuzz.rs`).

mod csv;
mod fit;
#[cfg(test)]
mod fuzz;
mod gpx;
pub mod preview;
mod strava;
mod tcx;
mod time;
mod xml;

pub use preview::{merge, preview, preview_with_offsets, replace, Duplicate, Preview};

use crate::domain::data::envelope;
use crate::domain::order;
use crate::domain::record::journal::Journal;
use crate::domain::record::run::RunKind;
use crate::domain::text::units::round_u32;
use chrono::NaiveDateTime;
use std::borrow::Cow;

/// The kinds of file Restride reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Backup,
    StravaCsv,
    Gpx,
    Tcx,
    Fit,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Backup => "Restride backup",
            Format::StravaCsv => "Strava activities.csv",
            Format::Gpx => "GPX",
            Format::Tcx => "TCX",
            Format::Fit => "FIT",
        }
    }
}

/// Where a problem is, in the runner's words: "row 14", "trkpt 3", "Lap 2", "record 52",
/// "byte 1200"; and what is wrong, in plain words. The same reason met again further on
/// is counted in `repeats`, not listed again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: String,
    pub reason: String,
    pub repeats: usize,
}

impl Problem {
    pub fn new(location: impl Into<String>, reason: impl Into<String>) -> Problem {
        Problem {
            location: location.into(),
            reason: reason.into(),
            repeats: 0,
        }
    }

    /// "trkpt 3: it has no readable time (and 311 more like it)".
    pub fn words(&self) -> String {
        match self.repeats {
            0 => format!("{}: {}", self.location, self.reason),
            n => format!("{}: {} (and {n} more like it)", self.location, self.reason),
        }
    }
}

/// One activity read from a file, before it becomes a Run.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    /// UTC, to the whole second.
    pub start_utc: NaiveDateTime,
    pub distance_m: u32,
    pub moving_s: Option<u32>,
    pub elapsed_s: u32,
    pub avg_hr: Option<u16>,
    pub elevation_gain_m: Option<u32>,
    /// The activity's name if the file has one: plain text, never HTML.
    pub name: String,
    /// From the file's sport: Trail for a trail run, Other for a virtual or treadmill run,
    /// else Easy. The preview refines it (`preview::default_kind`).
    pub kind: RunKind,
    /// Where in the file it is ("row 14", "track 1", "Activity 1", "session 1"), for a
    /// rejection message.
    pub location: String,
    /// What names this activity across files of one export: a Strava row's "Activity ID"
    /// and the activity file its "Filename" column points to (`activities/1001.fit.gz` →
    /// `1001.fit`).
    pub strava_id: Option<String>,
    pub file_ref: Option<String>,
}

/// An activity of another sport, left out on purpose but named in the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherSport {
    pub location: String,
    /// The sport as the file names it ("Ride", "Biking", "cycling").
    pub sport: String,
    pub name: String,
}

/// One file as read.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    pub file_name: String,
    pub format: Format,
    pub activities: Vec<Activity>,
    /// The journal of a Restride backup.
    pub journal: Option<Journal>,
    /// What could not be read: rows, points, laps or records that were skipped.
    pub problems: Vec<Problem>,
    /// Activities of other sports (rides, swims…), left out on purpose.
    pub other_sports: Vec<OtherSport>,
}

/// Different reasons of one file are listed up to this many, then counted.
const MAX_PROBLEMS_PER_FILE: usize = 50;

/// A file's problems, one per reason: a reason met again is counted on the first. The
/// ones that concern a whole activity ("it has no points with a place and a time") come
/// before the point-level ones, so the reason that matters is read first.
#[derive(Debug, Default)]
struct Problems {
    list: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn add(&mut self, location: impl Into<String>, reason: impl Into<String>) {
        let reason = reason.into();
        if let Some(seen) = self.list.iter_mut().find(|p| p.reason == reason) {
            seen.repeats = seen.repeats.saturating_add(1);
        } else if self.list.len() < MAX_PROBLEMS_PER_FILE {
            self.list.push(Problem::new(location, reason));
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    fn into_vec(mut self) -> Vec<Problem> {
        // Stable: single problems (a whole activity's) first, repeated ones after.
        order::sort_by_key(&mut self.list, |p| p.repeats > 0);
        if self.more > 0 {
            self.list.push(Problem::new(
                "the rest of the file",
                format!("{} more problems of other kinds", self.more),
            ));
        }
        self.list
    }
}

/// What a format reader hands back.
#[derive(Debug, Default)]
struct Read {
    activities: Vec<Activity>,
    problems: Problems,
    other_sports: Vec<OtherSport>,
}

const UNKNOWN_FORMAT: &str = "Restride reads its own backups, Strava's activities.csv, and GPX, TCX and FIT activity files; this file is none of them.";

/// Whether `bytes` start like a gzip file (RFC 1952), which the browser unpacks first.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The name of the file a gzip file holds: `1001.fit.gz` holds `1001.fit`.
pub fn name_inside_gzip(name: &str) -> String {
    let cut = name.len().saturating_sub(3);
    match name.get(cut..) {
        Some(end) if end.eq_ignore_ascii_case(".gz") => name[..cut].to_string(),
        _ => name.to_string(),
    }
}

/// Files larger than this are refused before they are read: a GPX of a whole day's
/// ultra with a point a second is about 15 MB, and reading more would strain a phone.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file of `size` bytes is not read, if it is too large.
pub fn too_large(size: u64) -> Option<String> {
    (size > MAX_FILE_BYTES).then(|| {
        format!(
            "This file is {} MB; Restride reads files up to {} MB. Export a shorter period, or single activities.",
            size.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    })
}

/// Detects the format from the name and the first bytes, and reads the file. A file that
/// cannot be read at all is `Err` with a plain-words reason; what could be read is `Ok`,
/// with the problems met on the way.
pub fn parse_file(file_name: &str, bytes: &[u8]) -> Result<ParsedFile, String> {
    let text = if needs_text(bytes) {
        text_of(bytes)
    } else {
        Cow::Borrowed("")
    };
    let mut reading = Reading::start(file_name, bytes, &text);
    while !reading.step(usize::MAX) {}
    reading.finish()
}

/// Whether reading `bytes` needs their text (`text_of`): not for FIT, gzip or zip files,
/// which are binary; decoding a large one as text would only take memory.
pub fn needs_text(bytes: &[u8]) -> bool {
    !(is_gzip(bytes) || bytes.starts_with(b"PK\x03\x04") || fit::looks_like_fit(bytes))
}

/// One file being read. GPX and TCX, the formats that come large, are read a bounded
/// number of XML events at a time (`step`), so the page can yield and show how far it
/// is between steps; the other formats are read at once.
pub struct Reading<'a> {
    file_name: String,
    text_len: usize,
    state: State<'a>,
}

enum State<'a> {
    Gpx(xml::Scanner<'a>, gpx::Reader<'a>),
    Tcx(xml::Scanner<'a>, tcx::Reader<'a>),
    Done(Result<ParsedFile, String>),
}

impl<'a> Reading<'a> {
    /// Starts reading `bytes`, whose text (`text_of`) is `text`; "" when `needs_text` says
    /// the file is binary.
    pub fn start(file_name: &str, bytes: &[u8], text: &'a str) -> Reading<'a> {
        let xml = |root: &str| Reading {
            file_name: file_name.to_string(),
            text_len: text.len(),
            state: if root == "gpx" {
                State::Gpx(xml::Scanner::new(text), gpx::Reader::default())
            } else {
                State::Tcx(xml::Scanner::new(text), tcx::Reader::default())
            },
        };
        let done = |result| Reading {
            file_name: file_name.to_string(),
            text_len: text.len(),
            state: State::Done(result),
        };
        match detect(file_name, bytes, text) {
            Detected::Xml(root) => xml(root),
            Detected::Read(result) => done(*result),
        }
    }

    /// Reads up to `events` more XML events; whether the file is read to its end.
    pub fn step(&mut self, events: usize) -> bool {
        let finished = match &mut self.state {
            State::Done(_) => return true,
            State::Gpx(scanner, reader) => feed(scanner, events, reader),
            State::Tcx(scanner, reader) => feed(scanner, events, reader),
        };
        if !finished {
            return false;
        }
        // The reader is consumed by `end`: taken out, the state becomes its result.
        let (format, read) =
            match std::mem::replace(&mut self.state, State::Done(Err(String::new()))) {
                State::Gpx(scanner, reader) => {
                    (Format::Gpx, EventReader::end(reader, scanner.cut_at))
                }
                State::Tcx(scanner, reader) => {
                    (Format::Tcx, EventReader::end(reader, scanner.cut_at))
                }
                done @ State::Done(_) => {
                    self.state = done;
                    return true;
                }
            };
        self.state = State::Done(read.map(|read| parsed(&self.file_name, format, read)));
        true
    }

    /// How far through the file's text: (bytes read, bytes in all).
    pub fn progress(&self) -> (usize, usize) {
        let at = match &self.state {
            State::Gpx(scanner, _) | State::Tcx(scanner, _) => scanner.position(),
            State::Done(_) => self.text_len,
        };
        (at, self.text_len)
    }

    /// The file as read; call once `step` has said it is read to its end.
    pub fn finish(mut self) -> Result<ParsedFile, String> {
        while !self.step(usize::MAX) {}
        match self.state {
            State::Done(result) => result,
            State::Gpx(..) | State::Tcx(..) => Err("The file could not be read to its end.".into()),
        }
    }
}

/// A reader of an XML format, fed one event at a time.
trait EventReader<'a>: Default {
    fn event(&mut self, event: xml::Event<'a>);
    /// The file is read to its end (`cut_at`: where it was cut short inside markup).
    fn end(self, cut_at: Option<usize>) -> Result<Read, String>;
}

/// The whole text at once (the tests' way; the app reads in steps with `Reading`).
#[cfg(test)]
fn read_xml<'a, R: EventReader<'a>>(text: &'a str) -> Result<Read, String> {
    let mut scanner = xml::Scanner::new(text);
    let mut reader = R::default();
    for event in scanner.by_ref() {
        reader.event(event);
    }
    reader.end(scanner.cut_at)
}

/// The problem of a document cut short inside markup, if it was.
fn cut_short(problems: &mut Problems, cut_at: Option<usize>) {
    if let Some(at) = cut_at {
        problems.add(
            format!("byte {at}"),
            "the file ends in the middle of a tag, so it may be cut short: what came before was read",
        );
    }
}

/// Feeds up to `events` events to a reader; whether the scanner reached the end.
fn feed<'a>(
    scanner: &mut xml::Scanner<'a>,
    events: usize,
    reader: &mut impl EventReader<'a>,
) -> bool {
    for _ in 0..events {
        match scanner.next() {
            Some(event) => reader.event(event),
            None => return true,
        }
    }
    false
}

fn parsed(file_name: &str, format: Format, read: Read) -> ParsedFile {
    ParsedFile {
        file_name: file_name.to_string(),
        format,
        activities: read.activities,
        journal: None,
        problems: read.problems.into_vec(),
        other_sports: read.other_sports,
    }
}

enum Detected<'a> {
    /// An XML file to read in steps, by its root: "gpx" or "TrainingCenterDatabase".
    Xml(&'a str),
    Read(Box<Result<ParsedFile, String>>),
}

/// The format from the first bytes, then the name; every format but XML read at once.
fn detect<'a>(file_name: &str, bytes: &[u8], text: &'a str) -> Detected<'a> {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let done = |format: Format, read: Result<Read, String>| {
        Detected::Read(Box::new(read.map(|read| parsed(file_name, format, read))))
    };
    let fail = |reason: &str| Detected::Read(Box::new(Err(reason.to_string())));
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail("The file is empty.");
    }
    if is_gzip(bytes) {
        return fail("This compressed file (.gz) could not be unpacked: it may be damaged. Unpack it yourself, then choose the file inside.");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return fail("This is a zip archive: unpack it first, then choose activities.csv or the activity files inside.");
    }
    if fit::looks_like_fit(bytes) {
        return done(Format::Fit, fit::read(bytes));
    }
    if extension == "fit" {
        return fail("This .fit file does not start like a FIT file: it may be damaged.");
    }
    let text = text.trim_start();
    if text.starts_with('{') {
        return Detected::Read(Box::new(backup(file_name, text)));
    }
    if text.starts_with('<') {
        let root = xml::Scanner::new(text).find_map(|event| match event {
            xml::Event::Start { name, .. } => Some(name),
            _ => None,
        });
        return match (root, extension.as_str()) {
            (Some("gpx"), _) | (None, "gpx") => Detected::Xml("gpx"),
            (Some("TrainingCenterDatabase"), _) | (None, "tcx") => Detected::Xml("tcx"),
            _ => {
                fail("This XML file is neither GPX nor TCX, so Restride cannot read runs from it.")
            }
        };
    }
    let first_line = text.lines().next().unwrap_or("");
    if extension == "csv" || first_line.contains("Activity Date") {
        return done(Format::StravaCsv, strava::read(text));
    }
    fail(UNKNOWN_FORMAT)
}

fn backup(file_name: &str, text: &str) -> Result<ParsedFile, String> {
    let decoded = envelope::decode_versioned(text)
        .map_err(|e| format!("This Restride backup cannot be read: {e}."))?;
    let mut problems = Problems::default();
    for record in &decoded.set_aside {
        problems.add(
            format!("{} {}", record.what, record.index + 1),
            format!("{}; it was left out", record.reason),
        );
    }
    Ok(ParsedFile {
        file_name: file_name.to_string(),
        format: Format::Backup,
        activities: Vec::new(),
        journal: Some(decoded.journal),
        problems: problems.into_vec(),
        other_sports: Vec::new(),
    })
}

/// Text from bytes: UTF-8 (invalid sequences become U+FFFD) or UTF-16 with its byte-order
/// mark; a UTF-8 byte-order mark is dropped.
pub fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).filter_map(|pair| match pair {
            [a, b] => Some(from([*a, *b])),
            _ => None,
        });
        Cow::Owned(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect(),
        )
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8_lossy(bytes),
    }
}

/// A name as plain text: line breaks kept as `\n`, other control characters dropped,
/// surrounding space trimmed.
fn clean_name(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| *c == '\n' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// A finite, non-negative number rounded to a whole `u32`.
fn whole(x: f64) -> Option<u32> {
    (x.is_finite() && x >= 0.0 && x <= f64::from(u32::MAX)).then(|| round_u32(x))
}

/// A decimal number as the formats write it ("5012.3", "1e3"), finite only.
fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Elevation gain with a 1 m hysteresis: a rise counts once it is at least 1 m above the
/// lowest point since the last counted rise, so GPS noise of under a metre adds nothing,
/// while a steady climb counts in full (all but its last part under a metre).
#[derive(Debug, Default)]
struct Climb {
    reference: Option<f64>,
    gain: f64,
    readings: usize,
}

const CLIMB_HYSTERESIS_M: f64 = 1.0;

impl Climb {
    fn add(&mut self, elevation_m: f64) {
        if !elevation_m.is_finite() {
            return;
        }
        self.readings += 1;
        match self.reference {
            Some(r) if elevation_m - r >= CLIMB_HYSTERESIS_M => {
                self.gain += elevation_m - r;
                self.reference = Some(elevation_m);
            }
            Some(r) if elevation_m >= r => {}
            _ => self.reference = Some(elevation_m),
        }
    }

    /// Whole metres; `None` with fewer than two readings.
    fn total(&self) -> Option<u32> {
        if self.readings < 2 {
            None
        } else {
            whole(self.gain)
        }
    }
}

/// The mean of heart-rate readings above 0, rounded to whole beats per minute.
#[derive(Debug, Default)]
struct Mean {
    sum: f64,
    weight: f64,
}

impl Mean {
    fn add(&mut self, value: f64, weight: f64) {
        if value.is_finite() && value > 0.0 && weight.is_finite() && weight > 0.0 {
            self.sum += value * weight;
            self.weight += weight;
        }
    }

    fn get(&self) -> Option<u16> {
        if self.weight > 0.0 {
            whole(self.sum / self.weight).and_then(|v| u16::try_from(v).ok())
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;
