//! FIT, Garmin's binary activity format: one activity per `session` message (global
//! message 18).
//!
//! Read: the file header (12 or more bytes, ".FIT" at byte 8, the data size at byte 4),
//! definition messages (either architecture, with developer fields, whose bytes are skipped
//! by size), data messages with a normal header or a compressed-timestamp header (read
//! through the definition of their local type, like any data message), and files chained
//! one after another. The CRC is not checked, and nothing is read past the end of the file
//! or of the data the header announces.
//!
//! From each session: start_time (field 2, seconds since 1989-12-31T00:00:00Z), sport (5;
//! 1 is running) and sub_sport (6; 3 trail → Trail, 58 virtual activity → Other),
//! total_elapsed_time (7, ms), total_timer_time (8, ms, the moving time),
//! total_distance (9, cm), avg_heart_rate (16) and total_ascent (22, m). A value equal to
//! its base type's "invalid" (all ones; 0x7F… for signed types, 0 for the z types) is
//! absent. Without a start time, the session's timestamp (253) less the elapsed time is used.

use super::time::from_unix_ms;
use super::{whole, Activity, OtherSport, Read};
use crate::domain::record::run::RunKind;

/// 1989-12-31T00:00:00Z in Unix seconds.
pub(super) const FIT_EPOCH_UNIX_S: i64 = 631_065_600;
/// Date-time values below this are seconds since the device powered on, not dates.
const FIRST_ABSOLUTE_TIME: u64 = 0x1000_0000;
const SESSION: u16 = 18;
const SPORT_RUNNING: u64 = 1;
const SUB_SPORT_TREADMILL: u64 = 1;
const SUB_SPORT_TRAIL: u64 = 3;
const SUB_SPORT_VIRTUAL: u64 = 58;

pub(super) fn looks_like_fit(bytes: &[u8]) -> bool {
    bytes.get(8..12) == Some(b".FIT".as_slice()) && bytes.first().is_some_and(|&size| size >= 12)
}

struct Field {
    number: u8,
    size: usize,
    base_type: u8,
}

struct Definition {
    global: u16,
    big_endian: bool,
    fields: Vec<Field>,
    /// Bytes of one data message, developer fields included.
    size: usize,
}

/// Where the reader is, across chained files.
#[derive(Default)]
struct Cursor {
    records: usize,
    sessions: usize,
}

pub(super) fn read(bytes: &[u8]) -> Result<Read, String> {
    let mut read = Read::default();
    let mut cursor = Cursor::default();
    let mut pos = 0usize;
    while let Some(rest) = bytes.get(pos..).filter(|rest| looks_like_fit(rest)) {
        let header_size = usize::from(rest.first().copied().unwrap_or(12));
        let data_size = rest
            .get(4..8)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_le_bytes) as usize;
        let start = pos.saturating_add(header_size);
        let end = match start.checked_add(data_size) {
            Some(end) if end <= bytes.len() => end,
            _ => {
                read.problems.add(
                    format!("byte {}", bytes.len()),
                    "the file is shorter than its header says, so it may be cut short: what came before was read",
                );
                bytes.len()
            }
        };
        read_records(bytes, start, end, &mut cursor, &mut read);
        // Two bytes of CRC, then possibly another FIT file.
        pos = end.saturating_add(2);
    }
    if cursor.sessions == 0 {
        return Err("This FIT file has no activity summary (session): it is not an activity, or it was cut short before the end.".into());
    }
    Ok(read)
}

fn read_records(bytes: &[u8], mut pos: usize, end: usize, cursor: &mut Cursor, read: &mut Read) {
    let mut definitions: [Option<Definition>; 16] = Default::default();
    while pos < end {
        cursor.records += 1;
        let location = format!("record {}", cursor.records);
        let record_start = pos;
        let Some(&header) = bytes.get(pos) else {
            return;
        };
        pos += 1;
        let local = if header & 0x80 != 0 {
            // Compressed timestamp header: the local type is in bits 5–6.
            (header >> 5) & 0x03
        } else if header & 0x40 != 0 {
            match definition(bytes, pos, end, header & 0x20 != 0) {
                Some((def, next)) => {
                    if let Some(slot) = definitions.get_mut(usize::from(header & 0x0F)) {
                        *slot = Some(def);
                    }
                    pos = next;
                }
                None => {
                    read.problems.add(
                        location,
                        format!("the file ends inside a message definition (byte {record_start})"),
                    );
                    return;
                }
            }
            continue;
        } else {
            header & 0x0F
        };
        let Some(def) = definitions.get(usize::from(local)).and_then(Option::as_ref) else {
            read.problems.add(
                location,
                format!("at byte {record_start}, data for a message that was never defined: the rest of the file cannot be read"),
            );
            return;
        };
        let Some(body) = pos
            .checked_add(def.size)
            .filter(|&next| next <= end)
            .and_then(|next| bytes.get(pos..next))
        else {
            read.problems.add(
                location,
                format!("the file ends inside this message (byte {record_start})"),
            );
            return;
        };
        if def.global == SESSION {
            session(def, body, location, cursor, read);
        }
        pos += def.size;
    }
}

/// A definition message starting after its header byte; the definition and where the
/// next record starts.
fn definition(
    bytes: &[u8],
    pos: usize,
    end: usize,
    developer: bool,
) -> Option<(Definition, usize)> {
    let byte = |at: usize| (at < end).then(|| bytes.get(at).copied()).flatten();
    let big_endian = byte(pos + 1)? == 1;
    let global_bytes = [byte(pos + 2)?, byte(pos + 3)?];
    let global = if big_endian {
        u16::from_be_bytes(global_bytes)
    } else {
        u16::from_le_bytes(global_bytes)
    };
    let count = usize::from(byte(pos + 4)?);
    let mut at = pos + 5;
    let mut fields = Vec::with_capacity(count);
    let mut size = 0usize;
    for _ in 0..count {
        let field = Field {
            number: byte(at)?,
            size: usize::from(byte(at + 1)?),
            base_type: byte(at + 2)?,
        };
        size += field.size;
        fields.push(field);
        at += 3;
    }
    if developer {
        let count = usize::from(byte(at)?);
        at += 1;
        for _ in 0..count {
            size += usize::from(byte(at + 1)?);
            byte(at + 2)?;
            at += 3;
        }
    }
    Some((
        Definition {
            global,
            big_endian,
            fields,
            size,
        },
        at,
    ))
}

/// An unsigned value of 1, 2, 4 or 8 bytes, unless it is its base type's invalid value.
fn value(bytes: &[u8], big_endian: bool, base_type: u8) -> Option<u64> {
    let all_ones = match bytes.len() {
        1 => 0xFF,
        2 => 0xFFFF,
        4 => 0xFFFF_FFFF,
        8 => u64::MAX,
        _ => return None,
    };
    let mut raw = 0u64;
    let mut push = |b: &u8| raw = (raw << 8) | u64::from(*b);
    if big_endian {
        bytes.iter().for_each(&mut push);
    } else {
        bytes.iter().rev().for_each(&mut push);
    }
    let invalid = match base_type & 0x1F {
        // sint8, sint16, sint32, sint64
        0x01 | 0x03 | 0x05 | 0x0E => all_ones >> 1,
        // uint8z, uint16z, uint32z, uint64z
        0x0A | 0x0B | 0x0C | 0x10 => 0,
        _ => all_ones,
    };
    (raw != invalid).then_some(raw)
}

#[derive(Default)]
struct Values {
    timestamp: Option<u64>,
    start_time: Option<u64>,
    sport: Option<u64>,
    sub_sport: Option<u64>,
    elapsed_ms: Option<u64>,
    timer_ms: Option<u64>,
    distance_cm: Option<u64>,
    avg_hr: Option<u64>,
    ascent_m: Option<u64>,
}

fn session(def: &Definition, body: &[u8], location: String, cursor: &mut Cursor, read: &mut Read) {
    cursor.sessions += 1;
    let mut v = Values::default();
    let mut offset = 0usize;
    for field in &def.fields {
        let next = offset.saturating_add(field.size);
        let raw = body
            .get(offset..next)
            .and_then(|b| value(b, def.big_endian, field.base_type));
        offset = next;
        let slot = match field.number {
            253 => &mut v.timestamp,
            2 => &mut v.start_time,
            5 => &mut v.sport,
            6 => &mut v.sub_sport,
            7 => &mut v.elapsed_ms,
            8 => &mut v.timer_ms,
            9 => &mut v.distance_cm,
            16 => &mut v.avg_hr,
            22 => &mut v.ascent_m,
            _ => continue,
        };
        *slot = raw;
    }
    let kind = match (v.sport, v.sub_sport) {
        (Some(sport), _) if sport != SPORT_RUNNING => {
            read.other_sports.push(OtherSport {
                location,
                sport: sport_name(sport),
                name: String::new(),
            });
            return;
        }
        (_, Some(SUB_SPORT_TRAIL)) => RunKind::Trail,
        (_, Some(SUB_SPORT_VIRTUAL | SUB_SPORT_TREADMILL)) => RunKind::Other,
        _ => RunKind::Easy,
    };
    let seconds = |ms: Option<u64>| ms.and_then(|ms| whole(ms as f64 / 1000.0));
    let elapsed_s = seconds(v.elapsed_ms.or(v.timer_ms));
    let absolute = |t: Option<u64>| t.filter(|t| *t >= FIRST_ABSOLUTE_TIME);
    let start = absolute(v.start_time).or_else(|| {
        let end = absolute(v.timestamp)?;
        end.checked_sub(u64::from(elapsed_s?))
    });
    let start_utc = start
        .and_then(|s| i64::try_from(s).ok())
        .and_then(|s| s.checked_add(FIT_EPOCH_UNIX_S)?.checked_mul(1000))
        .and_then(from_unix_ms);
    let Some(start_utc) = start_utc else {
        read.problems.add(location, "the session has no start time");
        return;
    };
    read.activities.push(Activity {
        start_utc,
        distance_m: v
            .distance_cm
            .and_then(|cm| whole(cm as f64 / 100.0))
            .unwrap_or(0),
        moving_s: seconds(v.timer_ms),
        elapsed_s: elapsed_s.unwrap_or(0),
        avg_hr: v.avg_hr.and_then(|hr| u16::try_from(hr).ok()),
        elevation_gain_m: v.ascent_m.and_then(|m| u32::try_from(m).ok()),
        name: String::new(),
        kind,
        location,
        strava_id: None,
        file_ref: None,
    });
}

/// The FIT profile's name for a sport other than running.
fn sport_name(sport: u64) -> String {
    let name = match sport {
        0 => "Generic",
        2 => "Cycling",
        4 => "Fitness equipment",
        5 => "Swimming",
        10 => "Training",
        11 => "Walking",
        12 => "Cross-country skiing",
        13 => "Alpine skiing",
        15 => "Rowing",
        16 => "Mountaineering",
        17 => "Hiking",
        18 => "Multisport",
        19 => "Paddling",
        _ => return format!("FIT sport {sport}"),
    };
    name.to_string()
}

#[cfg(test)]
pub(super) mod tests;
