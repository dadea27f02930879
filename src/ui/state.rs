//! The app's state, provided as context: the journal to read, and the commands that
//! change it. Components never write the journal themselves; each change is one command
//! here, stamped with the shell's clock, and the one save effect in `App` persists it.

use super::{clock, pages, toast};
use crate::domain::input::massage_draft::MassageDraft;
use crate::domain::massage::reminders::Reminder;
use crate::domain::record::journal::{Deleted, Journal};
use crate::domain::record::massage::Massage;
use crate::domain::record::physio_visit::PhysioVisit;
use crate::domain::record::race::Race;
use crate::domain::record::reminder_decision::ReminderDecision;
use crate::domain::record::run::Run;
use crate::domain::record::settings::Settings;
use crate::domain::today::checkpoint::Checkpoint;
use crate::store;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The records' reader: it comes with the second part's engine, and is only called
/// through it, so that its code stays out of the first download.
#[derive(Clone, Copy)]
pub struct Load {
    /// `store::start_loading`: takes the records' text from storage.
    pub start: fn(u64) -> store::Loading,
    /// `store::Loading::step`: decodes the next part of it.
    pub step: fn(&mut store::Loading) -> bool,
    /// `store::Loading::finish`: decodes the rest at once.
    pub finish: fn(store::Loading) -> store::Loaded,
}
/// Puts records that have been read in place: the journal, and Today drawn from it.
pub type Draw = Box<dyn FnOnce()>;
/// Puts records that have been decoded in place.
type Then = Box<dyn FnOnce(store::Loaded)>;
/// What start-up leaves to do right before the records are read; gives what puts them in
/// place once decoded.
type ReadLater = Box<dyn FnOnce() -> Then>;

/// Records being read, a step per task, and what puts them in place once read.
struct Reading {
    load: Load,
    loading: store::Loading,
    then: Then,
}

/// The records' steps that start-up leaves for later, and what the last one left.
#[derive(Default)]
struct RecordSteps {
    /// Starts reading the records with the engine's reader, while start-up has left that
    /// for later.
    read: Option<ReadLater>,
    /// Records being decoded, a step per task (`with_records`), so that a long history
    /// does not hold the page for one long task.
    reading: Option<Reading>,
    /// Records read but not drawn yet. `with_records` draws them a task after reading
    /// them, so the page is not held for both at once (with 20,000 runs each is tens of
    /// milliseconds on a phone); anything that needs the journal first reads what is left
    /// and draws them at once (`read_records`).
    draw: Option<Draw>,
    /// The journal just read is what storage holds: the save effect need not compare it.
    just_read: bool,
}

/// Every field is a cheap `Copy` handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The runner's journal, read-only: changes go through the commands below.
    pub journal: ReadSignal<Journal>,
    write: WriteSignal<Journal>,
    pub toast: RwSignal<Option<toast::Toast>>,
    /// Why the last write failed, shown until a write succeeds.
    pub save_problem: RwSignal<Option<String>>,
    /// What start-up found wrong with storage, shown until dismissed.
    pub startup_problem: RwSignal<Option<store::StartupProblem>>,
    /// The runner's date: the one clock of every page, moved on when the app comes back
    /// to the foreground.
    pub today: RwSignal<NaiveDate>,
    /// Every upcoming, due or snoozed reminder: one memo for the tab count, Today, the
    /// Massage page and notifications. Empty until the reminders engine has arrived with
    /// the second part of the WebAssembly, right after the first screen.
    pub reminders: Memo<Vec<Reminder>>,
    /// The engine behind `reminders` and notifications, once the second part is here
    /// (`pages::ensure_reminder_engine`).
    pub reminder_engine: RwSignal<Option<pages::ReminderEngine>>,
    /// A massage form filled in advance from a reminder, with the ids it answers: saving
    /// the massage marks them done.
    pub massage_prefill: RwSignal<Option<(MassageDraft, Vec<String>)>>,
    /// Today's checkpoint, while the records are not read yet: Today's first screen is
    /// drawn from it (`domain::today::checkpoint`), then from the records.
    pub early: RwSignal<Option<Arc<Checkpoint>>>,
    /// Records are stored, not read yet, and no checkpoint draws Today meanwhile: Today
    /// says "Loading…" until they are read (never that there are no runs).
    pub unread: RwSignal<bool>,
    /// Steps run once, not state to follow: kept outside the reactive graph.
    records: StoredValue<RecordSteps, LocalStorage>,
}

impl AppState {
    pub fn new(
        journal: Journal,
        startup_problem: Option<store::StartupProblem>,
        early: Option<Checkpoint>,
    ) -> AppState {
        let (journal, write) = signal(journal);
        let today = RwSignal::new(clock::today());
        let reminder_engine = RwSignal::new(None::<pages::ReminderEngine>);
        AppState {
            journal,
            write,
            toast: RwSignal::new(None),
            save_problem: RwSignal::new(None),
            startup_problem: RwSignal::new(startup_problem),
            today,
            reminders: Memo::new(move |_| {
                reminder_engine.get().map_or_else(Vec::new, |engine| {
                    journal.with(|j| (engine.work_out)(j, today.get()))
                })
            }),
            reminder_engine,
            massage_prefill: RwSignal::new(None),
            early: RwSignal::new(early.map(Arc::new)),
            unread: RwSignal::new(false),
            records: StoredValue::new_local(RecordSteps::default()),
        }
    }

    /// Leaves reading the records for later: once the second part is here, start-up (or a
    /// page, a command, another tab's save) runs `read` right before it reads them, and
    /// what `read` returns once they are decoded.
    pub fn read_records_later(
        &self,
        read: impl FnOnce() -> Box<dyn FnOnce(store::Loaded)> + 'static,
    ) {
        self.records
            .update_value(|steps| steps.read = Some(Box::new(read)));
    }

    /// Whether the journal's last change was reading the records (and nothing since);
    /// asking clears it.
    pub fn just_read(&self) -> bool {
        self.records
            .try_update_value(|steps| std::mem::take(&mut steps.just_read))
            .unwrap_or(false)
    }

    /// Whether start-up has left the records to be read, or they are being decoded.
    fn records_left(&self) -> bool {
        self.records
            .try_with_value(|steps| steps.read.is_some() || steps.reading.is_some())
            .unwrap_or(false)
    }

    /// Puts the second part's engine in place and reads the records if start-up left them
    /// for later, without holding the page for all of it at once: the part is fetched and
    /// started, the browser brings the records into the page in a task of its own, their
    /// text is taken in a later one and decoded in the tasks after that, a step each
    /// (about a megabyte of text), and they are drawn in the task after the last. The
    /// engine is put in place in that last task, right before the drawing: nothing (the
    /// app badge, the reminders) is worked out from a journal not read yet. For start-up's
    /// own read and the views from the second part; a command reads and draws at once
    /// (`change`).
    pub async fn with_records(&self) {
        if self.records_left() {
            let engine = pages::fetch_second_part().await;
            store::bring_into_page();
            pages::next_task().await;
            if let Some(engine) = engine {
                self.start_reading(engine.read_records);
                // Whichever call started the reading, each decodes a step per task while
                // any is left (start-up and a Today section may both be here).
                let mut decoded = false;
                while self.decoding() {
                    pages::next_task().await;
                    self.decode_a_step();
                    decoded = true;
                }
                if decoded {
                    pages::next_task().await;
                }
            }
        }
        pages::ensure_reminder_engine(self.reminder_engine).await;
        self.read_records();
    }

    /// Starts reading the records with `load` if start-up left them for later.
    fn start_reading(&self, load: Load) {
        // Taken out before it runs: reading reaches back into this state.
        let Some(read) = self
            .records
            .try_update_value(|steps| steps.read.take())
            .flatten()
        else {
            return;
        };
        let then = read();
        let reading = Reading {
            load,
            loading: (load.start)(clock::now_ms()),
            then,
        };
        self.records
            .update_value(|steps| steps.reading = Some(reading));
    }

    /// Whether records are being read, some not decoded yet.
    fn decoding(&self) -> bool {
        self.records
            .try_with_value(|steps| steps.reading.is_some())
            .unwrap_or(false)
    }

    /// Decodes the next part of the records being read; once they are all decoded, leaves
    /// them to be drawn.
    fn decode_a_step(&self) {
        let Some(mut reading) = self
            .records
            .try_update_value(|steps| steps.reading.take())
            .flatten()
        else {
            return;
        };
        let done = (reading.load.step)(&mut reading.loading);
        clock::mark("restride:records-decoded-part");
        if done {
            self.leave_to_draw(reading);
        } else {
            self.records
                .update_value(|steps| steps.reading = Some(reading));
        }
    }

    /// Decodes what is left of the records being read at once, leaving them to be drawn.
    fn decode_the_rest(&self) {
        if let Some(reading) = self
            .records
            .try_update_value(|steps| steps.reading.take())
            .flatten()
        {
            self.leave_to_draw(reading);
        }
    }

    fn leave_to_draw(&self, reading: Reading) {
        let loaded = (reading.load.finish)(reading.loading);
        let then = reading.then;
        self.records
            .update_value(|steps| steps.draw = Some(Box::new(move || then(loaded))));
    }

    /// Reads and draws the records now if start-up left them for later and the second part
    /// (with their reader) is here, decoding at once what is left; otherwise does nothing.
    /// Whether the journal holds the records afterwards (false only while they wait for
    /// the second part).
    pub fn read_records(&self) -> bool {
        if let Some(engine) = self.reminder_engine.get_untracked() {
            self.start_reading(engine.read_records);
        }
        self.decode_the_rest();
        if let Some(draw) = self
            .records
            .try_update_value(|steps| steps.draw.take())
            .flatten()
        {
            draw();
        }
        !self.records_left()
    }

    /// Every change of the journal: on the records, read first if start-up left them.
    fn change(&self, change: impl FnOnce(&mut Journal)) {
        self.read_records();
        self.records.update_value(|steps| steps.just_read = false);
        self.write.update(change);
    }

    /// The records read after the first screen: the journal, and Today drawn from it. A
    /// change made before they could be read (only the second part's pages make changes,
    /// and they wait for it, so this is a safeguard) is merged in, record by record, as
    /// another tab's save would be: neither is lost.
    pub fn records_read(
        &self,
        journal: Journal,
        problem: Option<store::StartupProblem>,
        as_stored: bool,
    ) {
        let engine = self.reminder_engine.get_untracked();
        let meanwhile = self.journal.with_untracked(|j| *j != Journal::default());
        let journal = match engine.filter(|_| meanwhile) {
            Some(engine) => self
                .journal
                .with_untracked(|ours| (engine.merged)(&journal, ours)),
            None => journal,
        };
        self.records
            .update_value(|steps| steps.just_read = as_stored && !meanwhile);
        self.write.set(journal);
        self.startup_problem.set(problem);
        self.early.set(None);
        self.unread.set(false);
    }

    pub fn say(&self, message: impl Into<String>, undo: Option<Deleted>) {
        toast::show(self.toast, message.into(), undo, false);
    }

    /// "Run saved." — unless the write fails, when the toast says it was not saved.
    pub fn say_saved(&self, message: impl Into<String>) {
        toast::show(self.toast, message.into(), None, true);
    }

    pub fn save_run(&self, run: Run) {
        self.change(|j| j.save_run(run, clock::now_ms()));
    }

    pub fn save_race(&self, race: Race) {
        self.change(|j| j.save_race(race, clock::now_ms()));
    }

    /// Saves a massage; one logged from a reminder's "Done — log it" marks done every
    /// reminder that card answers.
    pub fn save_massage(&self, massage: Massage, answers: &[String]) {
        let on = massage.date;
        self.change(|j| {
            j.save_massage(massage, clock::now_ms());
            for id in answers {
                j.set_reminder_state(id, ReminderDecision::Done { on });
            }
        });
    }

    pub fn delete_run(&self, id: &str) {
        self.delete("Run deleted.", |j, now| j.delete_run(id, now));
    }

    pub fn delete_massage(&self, id: &str) {
        self.delete("Massage deleted.", |j, now| j.delete_massage(id, now));
    }

    pub fn delete_race(&self, id: &str) {
        self.delete("Race deleted.", |j, now| j.delete_race(id, now));
    }

    /// Removes a record with `remove` and says `message` with Undo.
    fn delete(&self, message: &str, remove: impl FnOnce(&mut Journal, u64) -> Option<Deleted>) {
        let mut deleted = None;
        self.change(|j| deleted = remove(j, clock::now_ms()));
        if let Some(deleted) = deleted {
            self.say(message, Some(deleted));
        }
    }

    /// Undo of a deletion: the record comes back where it was.
    pub fn restore(&self, deleted: Deleted) {
        self.change(|j| j.restore(deleted, clock::now_ms()));
    }

    /// What the runner did with a reminder card: snoozed, done or dismissed, for every
    /// reminder the card answers (`Reminder::answered_ids`).
    pub fn decide(&self, reminder_ids: &[String], decision: ReminderDecision) {
        self.change(|j| {
            for id in reminder_ids {
                j.set_reminder_state(id, decision);
            }
        });
    }

    /// Books a sports massage (or moves the booking); it answers the plan until its day.
    pub fn book(&self, date: NaiveDate, time: Option<chrono::NaiveTime>, deep: bool) {
        self.change(|j| j.book(date, time, deep, clock::now_ms()));
    }

    pub fn cancel_booking(&self) {
        self.change(|j| j.cancel_booking(clock::now_ms()));
    }

    /// A physiotherapist has seen these regions: their red flags clear until a new high score.
    pub fn save_physio_visit(&self, visit: PhysioVisit) {
        self.change(|j| j.save_physio_visit(visit, clock::now_ms()));
    }

    /// Changes the settings, noting when (two tabs keep the newer settings).
    pub fn change_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.change(|j| j.change_settings(clock::now_ms(), change));
    }

    /// Applies an import: `imported` makes the new journal from the current one at `now`
    /// (generic, so the import code stays in the pages' part of the WebAssembly).
    pub fn import(&self, imported: impl FnOnce(&Journal, u64) -> Journal) {
        let now = clock::now_ms();
        self.change(|j| *j = imported(j, now));
    }

    /// Another tab saved: its journal is merged with ours record by record.
    pub fn merge_from_other_tab(&self, theirs: &Journal) {
        self.change(|ours| *ours = Journal::merged(theirs, ours));
    }
}
