//! A small FIT encoder, written from the FIT protocol description, to make test files.
use super::*;
use crate::domain::data::import::{parse_file, Format, Problem};

const ENUM: u8 = 0x00;
const UINT8: u8 = 0x02;
const UINT16: u8 = 0x84;
const UINT32: u8 = 0x86;
const UINT32Z: u8 = 0x8C;

/// The FIT CRC-16 (the SDK's nibble table).
fn crc(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    bytes.iter().fold(0u16, |mut crc, &byte| {
        for nibble in [byte & 0x0F, byte >> 4] {
            let tmp = TABLE[usize::from(crc & 0x0F)];
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ TABLE[usize::from(nibble)];
        }
        crc
    })
}

/// Data records in one architecture.
pub(crate) struct Encoder {
    big_endian: bool,
    records: Vec<u8>,
}

impl Encoder {
    pub(crate) fn new(big_endian: bool) -> Encoder {
        Encoder {
            big_endian,
            records: Vec::new(),
        }
    }

    fn int(&self, value: u64, size: u8) -> Vec<u8> {
        let le = value.to_le_bytes();
        let mut bytes = le[..usize::from(size)].to_vec();
        if self.big_endian {
            bytes.reverse();
        }
        bytes
    }

    /// `fields` are (number, size, base type); `developer` fields (number, size, index).
    pub(crate) fn define(
        &mut self,
        local: u8,
        global: u16,
        fields: &[(u8, u8, u8)],
        developer: &[(u8, u8, u8)],
    ) -> &mut Self {
        let dev_flag = if developer.is_empty() { 0 } else { 0x20 };
        self.records.push(0x40 | dev_flag | local);
        self.records.push(0); // reserved
        self.records.push(u8::from(self.big_endian));
        let global = self.int(u64::from(global), 2);
        self.records.extend(global);
        self.records.push(u8::try_from(fields.len()).unwrap());
        for &(number, size, base) in fields {
            self.records.extend([number, size, base]);
        }
        if !developer.is_empty() {
            self.records.push(u8::try_from(developer.len()).unwrap());
            for &(number, size, index) in developer {
                self.records.extend([number, size, index]);
            }
        }
        self
    }

    /// A data message; `values` are (value, size) in the definition's order, then the
    /// developer bytes as they are.
    pub(crate) fn data(&mut self, local: u8, values: &[(u64, u8)], developer: &[u8]) -> &mut Self {
        self.records.push(local);
        self.values(values, developer)
    }

    /// A data message with a compressed timestamp header (local types 0–3).
    pub(crate) fn compressed(
        &mut self,
        local: u8,
        time_offset: u8,
        values: &[(u64, u8)],
        developer: &[u8],
    ) -> &mut Self {
        self.records
            .push(0x80 | (local << 5) | (time_offset & 0x1F));
        self.values(values, developer)
    }

    /// Bytes appended as they are (for fuzzing).
    pub(crate) fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.records.extend(bytes);
        self
    }

    fn values(&mut self, values: &[(u64, u8)], developer: &[u8]) -> &mut Self {
        for &(value, size) in values {
            let bytes = self.int(value, size);
            self.records.extend(bytes);
        }
        self.records.extend(developer);
        self
    }

    /// The whole file: header (12 or 14 bytes), records, CRC.
    pub(crate) fn file(&self, header_size: u8) -> Vec<u8> {
        let mut file = vec![header_size, 0x20];
        file.extend(2132u16.to_le_bytes()); // profile version 21.32
        file.extend(u32::try_from(self.records.len()).unwrap().to_le_bytes());
        file.extend(b".FIT");
        if header_size == 14 {
            let header_crc = crc(&file);
            file.extend(header_crc.to_le_bytes());
        }
        file.extend(&self.records);
        let file_crc = crc(&file);
        file.extend(file_crc.to_le_bytes());
        file
    }
}

/// 2026-11-20T06:45:12Z in FIT seconds (Unix 1 795 157 112 − 631 065 600).
pub(crate) const START: u64 = 1_164_091_512;

/// A file_id, a record definition with a developer field and two records (one with a
/// compressed timestamp header), then a session: trail run, 3 100.4 s elapsed (→ 3100),
/// 3 000 s timer, 1 002 040 cm (→ 10 020 m), 152 bpm, 85 m ascent.
pub(crate) fn sample(big_endian: bool, header_size: u8) -> Vec<u8> {
    let mut fit = Encoder::new(big_endian);
    fit.define(
        0,
        0,
        &[
            (0, 1, ENUM),
            (1, 2, UINT16),
            (3, 4, UINT32Z),
            (4, 4, UINT32),
        ],
        &[],
    )
    .data(0, &[(4, 1), (1, 2), (12345, 4), (START, 4)], &[])
    .define(1, 20, &[(253, 4, UINT32), (3, 1, UINT8)], &[(0, 2, 0)])
    .data(1, &[(START, 4), (120, 1)], &[0xAB, 0xCD])
    .compressed(1, 5, &[(START + 5, 4), (125, 1)], &[0x01, 0x02])
    .define(
        2,
        SESSION,
        &[
            (253, 4, UINT32),
            (2, 4, UINT32),
            (7, 4, UINT32),
            (8, 4, UINT32),
            (9, 4, UINT32),
            (14, 2, UINT16),
            (5, 1, ENUM),
            (6, 1, ENUM),
            (16, 1, UINT8),
            (22, 2, UINT16),
        ],
        &[(1, 3, 0)],
    )
    .data(
        2,
        &[
            (START + 3101, 4),
            (START, 4),
            (3_100_400, 4),
            (3_000_000, 4),
            (1_002_040, 4),
            (3340, 2),
            (1, 1),
            (3, 1),
            (152, 1),
            (85, 2),
        ],
        &[9, 9, 9],
    );
    fit.file(header_size)
}

fn expected() -> Activity {
    Activity {
        start_utc: "2026-11-20T06:45:12".parse().unwrap(),
        distance_m: 10_020,
        moving_s: Some(3000),
        elapsed_s: 3100,
        avg_hr: Some(152),
        elevation_gain_m: Some(85),
        name: String::new(),
        kind: RunKind::Trail,
        location: "record 7".into(),
        strava_id: None,
        file_ref: None,
    }
}

#[test]
fn the_sample_in_both_architectures_and_header_sizes() {
    for big_endian in [false, true] {
        for header_size in [12, 14] {
            let bytes = sample(big_endian, header_size);
            let file = parse_file("run.fit", &bytes).unwrap();
            assert_eq!(file.format, Format::Fit);
            assert!(file.problems.is_empty(), "{:?}", file.problems);
            assert_eq!(
                file.activities,
                [expected()],
                "big endian {big_endian}, header {header_size}"
            );
        }
    }
}

#[test]
fn the_encoder_writes_the_documented_header() {
    let bytes = sample(false, 14);
    assert_eq!(&bytes[8..12], b".FIT");
    let data_size = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
    assert_eq!(bytes.len(), 14 + data_size + 2);
    assert_eq!(crc(&bytes), 0, "a file followed by its CRC checks to 0");
}

#[test]
fn invalid_values_are_absent_and_other_sports_counted() {
    let session = |sport: u64, hr: u64, ascent: u64, start: u64| {
        let mut fit = Encoder::new(false);
        fit.define(
            0,
            SESSION,
            &[
                (2, 4, UINT32),
                (7, 4, UINT32),
                (9, 4, UINT32),
                (5, 1, ENUM),
                (16, 1, UINT8),
                (22, 2, UINT16),
            ],
            &[],
        )
        .data(
            0,
            &[
                (start, 4),
                (1_800_000, 4),
                (500_000, 4),
                (sport, 1),
                (hr, 1),
                (ascent, 2),
            ],
            &[],
        );
        read(&fit.file(14))
    };
    let a = session(1, 0xFF, 0xFFFF, START).unwrap();
    let run = &a.activities[0];
    assert_eq!(
        (run.avg_hr, run.elevation_gain_m, run.moving_s),
        (None, None, None)
    );
    assert_eq!(
        (run.distance_m, run.elapsed_s, run.kind),
        (5000, 1800, RunKind::Easy)
    );
    let ride = session(2, 140, 10, START).unwrap();
    assert!(ride.activities.is_empty());
    assert_eq!(ride.other_sports.len(), 1);
    assert_eq!(ride.other_sports[0].sport, "Cycling");
    let relative = session(1, 140, 10, 1000).unwrap();
    assert_eq!(
        relative.problems.into_vec(),
        [Problem::new("record 2", "the session has no start time")]
    );
}

#[test]
fn without_a_start_time_the_timestamp_less_the_elapsed_time() {
    let mut fit = Encoder::new(true);
    fit.define(3, SESSION, &[(253, 4, UINT32), (7, 4, UINT32)], &[])
        .data(3, &[(START + 600, 4), (600_000, 4)], &[]);
    let read = read(&fit.file(12)).unwrap();
    assert_eq!(read.activities[0].start_utc, expected().start_utc);
}

#[test]
fn chained_files_are_all_read() {
    let mut bytes = sample(false, 14);
    bytes.extend(sample(true, 12));
    let read = read(&bytes).unwrap();
    assert_eq!(read.activities.len(), 2);
    assert_eq!(read.activities[1].location, "record 14");
}

#[test]
fn cut_and_broken_files_say_where() {
    let bytes = sample(false, 14);
    let cut = &bytes[..bytes.len() - 10];
    let err = parse_file("run.fit", cut).unwrap_err();
    assert!(err.contains("no activity summary"), "{err}");
    // Data for a local type never defined.
    let mut fit = Encoder::new(false);
    fit.data(5, &[(1, 1)], &[]);
    let mut bytes = fit.file(14);
    bytes.extend(sample(false, 14));
    let read = read(&bytes).unwrap();
    assert_eq!(read.activities.len(), 1);
    let problems = read.problems.into_vec();
    assert_eq!(problems[0].location, "record 1");
    assert!(
        problems[0].reason.contains("never defined"),
        "{:?}",
        problems[0]
    );
}

#[test]
fn values_by_base_type() {
    assert_eq!(value(&[0xFF], false, ENUM), None);
    assert_eq!(value(&[0x7F], false, 0x01), None);
    assert_eq!(value(&[0x00, 0x00, 0x00, 0x00], false, UINT32Z), None);
    assert_eq!(value(&[0x01, 0x02], false, UINT16), Some(0x0201));
    assert_eq!(value(&[0x01, 0x02], true, UINT16), Some(0x0102));
    assert_eq!(value(&[1, 2, 3], false, UINT16), None);
}
