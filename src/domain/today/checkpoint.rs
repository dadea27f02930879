//! Today before the history: what Today's first screen needs, stored beside the records
//! so the page can be drawn before the records are read.
//!
//! A checkpoint made on day `day` keeps the runs of the last `KEPT_DAYS` days before it
//! (and any later ones) and, for everything earlier, the state of the load series and
//! the few facts the readings take from older runs (`advice::Before`). Every window Today
//! reads — the 90-day charts, 12 weeks of distance, 28-day averages, soreness and red
//! flags — lies inside the kept days for `day` and any later date, so the summary it
//! gives equals the one from the whole journal (property-tested); days without runs are
//! carried forward like any other. It is derived: it names the stored records it was made
//! from (`records`). The app asks for its removal before it writes the records; one that
//! does not describe them (the page closed before the removal was done, another tab, an
//! older version, a hand edit) only draws Today until the records are read a moment
//! later and is then made again, and a missing or older one means Today
//! waits for the records, as without it.
//!
//! Its text is one header line and then a stored envelope holding the kept runs, the
//! settings and the physiotherapist visits: read by `envelope::decode_kept`, which knows
//! only those records, so the first download carries neither a second JSON reader nor the
//! whole envelope's (that comes with the second part). The header:
//! `restride-today 1 <records> <day> [<earlier>]`, where `<earlier>` is `date,first run,
//! last race or -,run days,hard days,acute,chronic,fitness,fatigue[,load…]`, the floats as
//! the hexadecimal of their bits, so they come back exactly.

use super::{TodaySummary, CHART_DAYS};
use crate::domain::advice::Before;
use crate::domain::data::envelope;
use crate::domain::load::{fold, AcuteChronic, SeriesStart};
use crate::domain::record::journal::Journal;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use crate::domain::rulebook::windows::shift;
use crate::domain::text::dates;
use chrono::NaiveDate;

/// The checkpoint's own format; a different one is ignored (and rewritten).
pub const CHECKPOINT_VERSION: u32 = 1;
/// Days of runs kept before the checkpoint's day: the longest span Today reads, the
/// charts' days, and one more.
pub const KEPT_DAYS: i64 = CHART_DAYS as i64 + 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Checkpoint {
    pub version: u32,
    /// The stored records it was made from (`fingerprint` of their text).
    pub records: String,
    /// Made on this day: exact for it and any later one.
    pub day: NaiveDate,
    /// The runs up to `KEPT_DAYS` before `day`, folded: the load series' state after
    /// their last day and what the readings need of them; `None` when there are none.
    pub earlier: Option<(SeriesStart, Before)>,
    /// Every run after the folded ones (all of them without `earlier`).
    pub runs: Vec<Run>,
    pub settings: Settings,
    pub physio_visits: Vec<PhysioVisit>,
}

impl Checkpoint {
    /// The checkpoint of `journal` on `day`, made from the stored text `records` names.
    pub fn of(journal: &Journal, day: NaiveDate, records: String) -> Checkpoint {
        let (earlier, runs) = fold_older(&journal.runs, day);
        Checkpoint {
            version: CHECKPOINT_VERSION,
            records,
            day,
            runs,
            earlier,
            settings: journal.settings,
            physio_visits: journal.physio_visits.clone(),
        }
    }

    /// The stored text: the header line, then the kept records as an envelope.
    pub fn to_text(&self) -> String {
        let mut header = format!(
            "{HEADER} {} {} {}",
            self.version,
            self.records,
            dates::iso(self.day)
        );
        if let Some((start, before)) = &self.earlier {
            let mut fields = vec![
                dates::iso(before.date),
                dates::iso(before.first_run),
                before.last_race.map_or_else(|| "-".to_string(), dates::iso),
                before.run_days.to_string(),
                before.hard_days.to_string(),
            ];
            let averages = &start.averages;
            let floats = [
                averages.acute,
                averages.chronic,
                start.fitness,
                start.fatigue,
            ];
            // As the hexadecimal of their bits, so they come back exactly.
            fields.extend(
                floats
                    .iter()
                    .chain(&start.week)
                    .map(|f| format!("{:x}", f.to_bits())),
            );
            header.push(' ');
            header.push_str(&fields.join(","));
        }
        let kept = Journal {
            runs: self.runs.clone(),
            settings: self.settings,
            physio_visits: self.physio_visits.clone(),
            ..Journal::default()
        };
        format!("{header}\n{}", envelope::encode(&kept))
    }

    /// A stored text read back; `None` for anything this version did not write whole.
    pub fn from_text(text: &str) -> Option<Checkpoint> {
        let (header, kept) = text.split_once('\n')?;
        let mut words = header.split(' ');
        if words.next()? != HEADER {
            return None;
        }
        let version: u32 = words.next()?.parse().ok()?;
        let records = words.next()?.to_string();
        let day = dates::stored_date(words.next()?)?;
        let earlier = match words.next() {
            None => None,
            Some(folded) => Some(read_earlier(folded)?),
        };
        if version != CHECKPOINT_VERSION || words.next().is_some() {
            return None;
        }
        let journal = envelope::decode_kept(kept)?;
        Some(Checkpoint {
            version,
            records,
            day,
            earlier,
            runs: journal.runs,
            settings: journal.settings,
            physio_visits: journal.physio_visits,
        })
    }

    /// Whether it gives Today on `today`: its day or a later one (not after the clock went
    /// back), in this version's format.
    pub fn describes(&self, today: NaiveDate) -> bool {
        today >= self.day && self.version == CHECKPOINT_VERSION
    }

    /// Today's summary on `today`, as `TodaySummary::of` gives it from the whole journal;
    /// `None` for a day it does not describe: read the records.
    pub fn summary(&self, today: NaiveDate) -> Option<Option<TodaySummary>> {
        if !self.describes(today) {
            return None;
        }
        Some(TodaySummary::after(
            self.earlier.as_ref().map(|(start, before)| (start, before)),
            &self.runs,
            &self.settings,
            &self.physio_visits,
            today,
        ))
    }
}

/// The runs up to `KEPT_DAYS` before `day`, folded (the load series' state after their
/// last day and what the readings need of them; `None` when there are none), and every
/// later run: all Today reads on `day` and after. Today's summary and its checkpoint are
/// both made this way.
pub fn fold_older(runs: &[Run], day: NaiveDate) -> (Option<(SeriesStart, Before)>, Vec<Run>) {
    let cut = shift(day, -KEPT_DAYS);
    let earlier = fold(runs, cut).zip(Before::of(runs, cut));
    let kept_after = earlier.as_ref().map(|(start, _)| start.date);
    let later = runs
        .iter()
        .filter(|r| kept_after.is_none_or(|date| r.date > date))
        .cloned()
        .collect();
    (earlier, later)
}

/// The first word of a checkpoint's text.
const HEADER: &str = "restride-today";

/// `date,first run,last race or -,run days,hard days,acute,chronic,fitness,fatigue[,load…]`.
fn read_earlier(folded: &str) -> Option<(SeriesStart, Before)> {
    let mut fields = folded.split(',');
    let mut next = || fields.next();
    let date = dates::stored_date(next()?)?;
    let first_run = dates::stored_date(next()?)?;
    let last_race = match next()? {
        "-" => None,
        day => Some(dates::stored_date(day)?),
    };
    let run_days = next()?.parse().ok()?;
    let hard_days = next()?.parse().ok()?;
    let mut floats = fields.map(|hex| u64::from_str_radix(hex, 16).ok().map(f64::from_bits));
    let mut float = || floats.next().flatten();
    let (acute, chronic, fitness, fatigue) = (float()?, float()?, float()?, float()?);
    let week = floats.collect::<Option<Vec<f64>>>()?;
    let start = SeriesStart {
        date,
        averages: AcuteChronic { acute, chronic },
        fitness,
        fatigue,
        week,
    };
    let before = Before {
        date,
        first_run,
        last_race,
        run_days,
        hard_days,
    };
    Some((start, before))
}

/// Names a stored text: its length and a 64-bit FNV-1a hash of its bytes. Two different
/// texts of one length share a name only by a 1-in-2⁶⁴ chance, and then the checkpoint
/// is still only a first draw: Today is redrawn once the records are read.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{hash:016x}", text.len())
}

#[cfg(test)]
mod tests;
