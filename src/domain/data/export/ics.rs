//! The calendar export: upcoming reminders and race massage windows as an iCalendar file
//! (RFC 5545) with an alarm on each event that still lies ahead when the file is saved, so
//! the phone's calendar alerts even when the app is closed.
//!
//! A small writer rather than a crate: it needs all-day events, one alarm each, text
//! escaping (§3.3.11) and line folding (§3.1), about 100 lines.

use crate::domain::massage::reminders::{race_book_id, Reminder, Rule, Status};
use crate::domain::record::race::Race;
use crate::domain::record::reminder_settings::ReminderSettings;
use crate::domain::rulebook::windows::{
    no_deep_hours, RaceWindows, ALARM_MINUTES_AFTER_MIDNIGHT, LAST_DEEP_DAYS_BEFORE_RACE,
};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

/// An all-day event with one display alarm.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarEvent {
    pub uid: String,
    pub first_day: NaiveDate,
    /// Inclusive; the same as `first_day` for a one-day event.
    pub last_day: NaiveDate,
    pub summary: String,
    pub description: String,
    /// When the alarm rings, in minutes from the start of `first_day` (negative: before);
    /// none when no moment ahead is left for it (the description then says so).
    pub alarm_minutes: Option<i64>,
}

const DAY: i64 = 24 * 60;
/// An alarm moved to "later today" rings this many minutes after the file is saved, on a
/// five-minute mark.
const SOON_MINUTES: i64 = 15;

/// The events of the export: every upcoming, due or snoozed reminder (a snoozed one on
/// the day it comes back), and for each A or B race ahead its last deep-massage window
/// and its light-only days. The reminders that announce those windows are left out, as
/// the windows say the same with their dates; a window is left out too once a booking or
/// the plan card asks for that appointment. The windows and the booking alarm follow
/// `rulebook::windows` and the runner's settings, like the reminders.
///
/// `now` is the local time the file is saved: no alarm rings before it. An event whose
/// planned alarm has passed gets one later today, or tomorrow at the usual hour if it is
/// still open then, or none, and its description says why.
pub fn events(
    reminders: &[Reminder],
    races: &[Race],
    settings: &ReminderSettings,
    now: NaiveDateTime,
) -> Vec<CalendarEvent> {
    let today = now.date();
    let days_between = |from: NaiveDate, to: NaiveDate| (to - from).num_days();
    let mut list: Vec<CalendarEvent> = reminders
        .iter()
        // The windows say what the booking and light-day reminders say; a question is
        // answered in the app, not on a calendar.
        .filter(|r| {
            !matches!(
                r.rule,
                Rule::RaceBook | Rule::RaceTaper | Rule::AskLastMassage
            )
        })
        .map(|r| {
            let first_day = match r.status {
                Status::Snoozed(until) => until,
                _ => r.due.max(today),
            };
            CalendarEvent {
                uid: format!("{}@restride", r.id),
                first_day,
                last_day: r.until.unwrap_or(first_day).max(first_day),
                summary: r.title.clone(),
                description: format!("{}\n\nEvidence: {}", r.why, r.evidence),
                // A booked massage is announced the day before; the rest on their day.
                alarm_minutes: Some(if r.rule == Rule::Booked {
                    ALARM_MINUTES_AFTER_MIDNIGHT - DAY
                } else {
                    ALARM_MINUTES_AFTER_MIDNIGHT
                }),
            }
        })
        .collect();
    // A booking before a race's window closes, or the plan card that asks for the
    // appointment, already answers the window: a second event would ask twice.
    let booked_on = reminders
        .iter()
        .filter(|r| r.rule == Rule::Booked)
        .map(|r| r.due)
        .min();
    let planned = |race: &Race| {
        let asks = race_book_id(race);
        reminders
            .iter()
            .any(|r| r.rule == Rule::SportsMassage && r.covers.contains(&asks))
    };
    for race in races
        .iter()
        .filter(|r| r.priority.plans_massage() && r.date > today)
    {
        let windows = RaceWindows::of(race.date, settings.race_book_days_before);
        let (first_day, last_day) = windows.last_deep;
        let window = CalendarEvent {
            uid: format!("race-window:{}@restride", race.id),
            first_day,
            last_day,
            summary: format!("Last deep massage window before {}", race.name),
            description: format!(
                "Book your last deep massage for one of these days: {} before {} on {}. Deep work leaves muscles tender for a day or two.",
                LAST_DEEP_DAYS_BEFORE_RACE.days_words(),
                race.name,
                race.date
            ),
            // When the booking reminder is due: the runner's "Remind to book" setting.
            alarm_minutes: Some(
                days_between(first_day, windows.book_reminder) * DAY + ALARM_MINUTES_AFTER_MIDNIGHT,
            ),
        };
        if !(booked_on.is_some_and(|day| day <= last_day) || planned(race)) {
            list.push(window);
        }
        list.push(CalendarEvent {
            uid: format!("race-light:{}@restride", race.id),
            first_day: windows.no_deep_from,
            last_day: windows
                .no_deep_from
                .max(windows.race.pred_opt().unwrap_or(windows.race)),
            summary: format!("No deep massage before {} — light flush only", race.name),
            description: format!(
                "{} is on {}: no deep massage in the {} hours before it.",
                race.name,
                race.date,
                no_deep_hours()
            ),
            // The day before the light-only days begin.
            alarm_minutes: Some(
                days_between(windows.no_deep_from, windows.no_deep_notice) * DAY
                    + ALARM_MINUTES_AFTER_MIDNIGHT,
            ),
        });
    }
    list.retain(|e| e.last_day >= today);
    for event in &mut list {
        event.alarm_minutes = event
            .alarm_minutes
            .and_then(|planned| alarm_ahead(event.first_day, event.last_day, planned, now));
        if event.alarm_minutes.is_none() {
            event.description.push_str(
                "\n\nNo alarm: this was already due when the file was saved, too late in the day for one.",
            );
        }
    }
    list
}

/// Minutes from the start of `first_day` to an alarm that rings after `now`: the planned
/// one if it lies ahead; else later today; else at the usual hour the next day, while the
/// event is still open.
fn alarm_ahead(
    first_day: NaiveDate,
    last_day: NaiveDate,
    planned: i64,
    now: NaiveDateTime,
) -> Option<i64> {
    let start = first_day.and_time(NaiveTime::MIN);
    let at = |minutes: i64| start + TimeDelta::minutes(minutes);
    if at(planned) > now {
        return Some(planned);
    }
    let since_start = (now - start).num_minutes();
    let soon = (since_start + SOON_MINUTES).div_euclid(5) * 5 + 5;
    if at(soon).date() == now.date() && at(soon).date() <= last_day {
        return Some(soon);
    }
    let tomorrow = now.date().succ_opt()?;
    let next_morning = (tomorrow - first_day).num_days() * DAY + ALARM_MINUTES_AFTER_MIDNIGHT;
    (tomorrow <= last_day).then_some(next_morning)
}

/// A date in iCalendar's basic form, "20261127" (written by hand: chrono's strftime would
/// bring its format-string parser into the WebAssembly for this alone).
fn basic_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The whole file. `stamp` is the export time in UTC (DTSTAMP).
pub fn calendar(events: &[CalendarEvent], stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&fold(&text));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Restride//Massage reminders//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line("X-WR-CALNAME:Restride".into());
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(stamp.date()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    for event in events {
        let end = event
            .last_day
            .checked_add_days(Days::new(1))
            .unwrap_or(event.last_day);
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&event.uid)));
        line(format!("DTSTAMP:{stamp}"));
        line(format!(
            "DTSTART;VALUE=DATE:{}",
            basic_date(event.first_day)
        ));
        line(format!("DTEND;VALUE=DATE:{}", basic_date(end)));
        line(format!("SUMMARY:{}", escape(&event.summary)));
        line(format!("DESCRIPTION:{}", escape(&event.description)));
        line("TRANSP:TRANSPARENT".into());
        if let Some(alarm) = event.alarm_minutes {
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line(format!("DESCRIPTION:{}", escape(&event.summary)));
            line(format!("TRIGGER:{}", duration(alarm)));
            line("END:VALARM".into());
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Folds a content line so no line is longer than 75 octets; continuation lines start
/// with a space (RFC 5545 §3.1). Never splits a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

/// A DURATION value (RFC 5545 §3.3.6) for an alarm trigger.
pub fn duration(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let total = minutes.unsigned_abs();
    let (days, hours, mins) = (total / 1440, total % 1440 / 60, total % 60);
    let mut out = format!("{sign}P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    if hours > 0 || mins > 0 || days == 0 {
        out.push('T');
        if hours > 0 {
            out.push_str(&format!("{hours}H"));
        }
        if mins > 0 || hours == 0 {
            out.push_str(&format!("{mins}M"));
        }
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod race_window_tests;
