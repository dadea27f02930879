//! Older formats: which versions this build reads, and how a journal is built from any of
//! them. Version 1 had only `settings` and `runs`; version 2 added massages, races and
//! reminder decisions; version 3 the booked sports massage (`booking`) and physiotherapist visits
//! (`physio_visits`). Every later field
//! has a default, so migrating an older text is reading it and writing the current
//! version. The caller
//! keeps a copy of the older text before the first write (`Decoded::is_migration`).
//! A new version adds its step here, with a fixture of the version before it.

use super::{Decoded, Envelope, SetAside, CURRENT_VERSION};
use crate::domain::record::journal::Journal;
use crate::domain::record::massage::Massage;
use crate::domain::record::race::Race;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;

pub(super) fn is_readable_version(version: u32) -> bool {
    (1..=CURRENT_VERSION).contains(&version)
}

impl<R, M, C> Envelope<R, M, C> {
    /// The same envelope with each record replaced by `run`, `massage` or `race` of it.
    pub(super) fn map_records<R2, M2, C2>(
        self,
        run: impl Fn(R) -> R2,
        massage: impl Fn(M) -> M2,
        race: impl Fn(C) -> C2,
    ) -> Envelope<R2, M2, C2> {
        Envelope {
            version: self.version,
            settings: self.settings,
            runs: self.runs.into_iter().map(run).collect(),
            massages: self.massages.into_iter().map(massage).collect(),
            races: self.races.into_iter().map(race).collect(),
            reminders: self.reminders,
            deleted: self.deleted,
            settings_updated_ms: self.settings_updated_ms,
            booking: self.booking,
            physio_visits: self.physio_visits,
        }
    }

    pub(super) fn into_decoded(
        self,
        runs: Vec<Run>,
        massages: Vec<Massage>,
        races: Vec<Race>,
        set_aside: Vec<SetAside>,
    ) -> Decoded {
        Decoded {
            from_version: self.version,
            journal: Journal {
                settings: Settings {
                    reminders: self.settings.reminders.sanitized(),
                    ..self.settings
                },
                runs,
                massages,
                races,
                reminder_states: self.reminders,
                deleted: self.deleted,
                settings_ms: self.settings_updated_ms,
                booking: self.booking,
                physio_visits: self.physio_visits,
            },
            set_aside,
        }
    }
}

impl Decoded {
    /// An older format: the stored text must be copied aside before it is rewritten.
    pub fn is_migration(&self) -> bool {
        self.from_version < CURRENT_VERSION
    }
}
