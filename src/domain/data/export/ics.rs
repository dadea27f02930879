//! The calendar export: upcoming reminders and race massage windows as an iCalendar file
//! (RFC 5545) with an alarm on each event, so the phone's calendar alerts even when the
//! app is closed.
//!
//! A small writer rather than a crate: it needs all-day events, one alarm each, text
//! escaping (§3.3.11) and line folding (§3.1), about 100 lines.

use crate::domain::massage::reminders::{Reminder, Rule, Status};
use crate::domain::record::race::Race;
use crate::domain::rulebook::settings::ReminderSettings;
use crate::domain::rulebook::windows::{
    no_deep_hours, RaceWindows, ALARM_MINUTES_AFTER_MIDNIGHT, LAST_DEEP_DAYS_BEFORE_RACE,
};
use chrono::{Days, NaiveDate, NaiveDateTime};

/// An all-day event with one display alarm.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarEvent {
    pub uid: String,
    pub first_day: NaiveDate,
    /// Inclusive; the same as `first_day` for a one-day event.
    pub last_day: NaiveDate,
    pub summary: String,
    pub description: String,
    /// When the alarm rings, in minutes from the start of `first_day` (negative: before).
    pub alarm_minutes: i64,
}

const DAY: i64 = 24 * 60;

/// The events of the export: every upcoming or due reminder, and for each A or B race
/// ahead, its deep-massage window and its light-only days. The reminders that announce
/// those windows are left out, as the windows say the same with their dates.
/// The race windows and the booking alarm follow `rulebook::windows` and the runner's
/// settings, like the reminders.
pub fn events(
    reminders: &[Reminder],
    races: &[Race],
    settings: &ReminderSettings,
    today: NaiveDate,
) -> Vec<CalendarEvent> {
    let days_between = |from: NaiveDate, to: NaiveDate| (to - from).num_days();
    let mut list: Vec<CalendarEvent> = reminders
        .iter()
        .filter(|r| !matches!(r.status, Status::Snoozed(_)))
        .filter(|r| !matches!(r.rule, Rule::RaceBook | Rule::RaceTaper))
        .map(|r| {
            let first_day = r.due.max(today);
            CalendarEvent {
                uid: format!("{}@restride", r.id),
                first_day,
                last_day: r.until.unwrap_or(first_day).max(first_day),
                summary: r.title.clone(),
                description: format!("{}\n\nEvidence: {}", r.why, r.evidence),
                alarm_minutes: ALARM_MINUTES_AFTER_MIDNIGHT,
            }
        })
        .collect();
    for race in races
        .iter()
        .filter(|r| r.priority.plans_massage() && r.date > today)
    {
        let windows = RaceWindows::of(race.date, settings.race_book_days_before);
        let (first_day, last_day) = windows.last_deep;
        list.push(CalendarEvent {
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
            alarm_minutes: days_between(first_day, windows.book_reminder) * DAY
                + ALARM_MINUTES_AFTER_MIDNIGHT,
        });
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
            alarm_minutes: days_between(windows.no_deep_from, windows.no_deep_notice) * DAY
                + ALARM_MINUTES_AFTER_MIDNIGHT,
        });
    }
    list
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
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
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
            event.first_day.format("%Y%m%d")
        ));
        line(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        line(format!("SUMMARY:{}", escape(&event.summary)));
        line(format!("DESCRIPTION:{}", escape(&event.description)));
        line("TRANSP:TRANSPARENT".into());
        line("BEGIN:VALARM".into());
        line("ACTION:DISPLAY".into());
        line(format!("DESCRIPTION:{}", escape(&event.summary)));
        line(format!("TRIGGER:{}", duration(event.alarm_minutes)));
        line("END:VALARM".into());
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
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape(r"a,b;c\d"), r"a\,b\;c\\d");
        assert_eq!(escape("line 1\r\nline 2"), r"line 1\nline 2");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert!(parts.len() >= 2);
        assert!(parts[1..].iter().all(|p| p.starts_with(' ')));
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT"), "SHORT");
    }

    #[test]
    fn durations_match_the_rfc_grammar() {
        assert_eq!(duration(540), "PT9H");
        assert_eq!(duration(-3 * 1440 + 540), "-P2DT15H");
        assert_eq!(duration(-1440 + 540), "-PT15H");
        assert_eq!(duration(0), "PT0M");
        assert_eq!(duration(-2 * 1440), "-P2D");
        assert_eq!(duration(90), "PT1H30M");
    }

    #[test]
    fn every_event_has_its_alarm_and_an_exclusive_end() {
        let event = CalendarEvent {
            uid: "x@restride".into(),
            first_day: "2026-12-01".parse().unwrap(),
            last_day: "2026-12-04".parse().unwrap(),
            summary: "Deep massage, maybe".into(),
            description: "why".into(),
            alarm_minutes: 540,
        };
        let stamp = "2026-11-27T15:30:00".parse().unwrap();
        let text = calendar(&[event], stamp);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20261201\r\n"));
        assert!(text.contains("\r\nDTEND;VALUE=DATE:20261205\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20261127T153000Z\r\n"));
        assert!(text.contains("\r\nSUMMARY:Deep massage\\, maybe\r\n"));
        assert!(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
        assert!(text.contains("\r\nTRIGGER:PT9H\r\n"));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "bare LF in {text}"
        );
    }
}

#[cfg(test)]
mod race_window_tests {
    use super::*;
    use crate::domain::record::race::Priority;

    #[test]
    fn an_a_race_gets_its_deep_massage_window_and_light_days() {
        let race = Race {
            id: "r1".into(),
            name: "City Marathon".into(),
            date: "2026-12-06".parse().unwrap(),
            distance_m: 42_195,
            priority: Priority::A,
            goal_s: None,
            updated_ms: 0,
        };
        let today = "2026-11-27".parse().unwrap();
        let list = events(
            &[],
            std::slice::from_ref(&race),
            &ReminderSettings::default(),
            today,
        );
        assert_eq!(list.len(), 2);
        // 6 Dec − 7 = 29 Nov … 6 Dec − 4 = 2 Dec; the alarm 3 days before it opens, at 09:00.
        assert_eq!(list[0].first_day, "2026-11-29".parse().unwrap());
        assert_eq!(list[0].last_day, "2026-12-02".parse().unwrap());
        assert_eq!(duration(list[0].alarm_minutes), "-P2DT15H");
        assert_eq!(list[1].first_day, "2026-12-04".parse().unwrap());
        assert_eq!(list[1].last_day, "2026-12-05".parse().unwrap());
        let c = Race {
            priority: Priority::C,
            ..race
        };
        assert!(events(&[], &[c], &ReminderSettings::default(), today).is_empty());
    }

    #[test]
    fn the_booking_alarm_follows_the_runners_remind_to_book_setting() {
        let race = Race {
            id: "r1".into(),
            name: "City Marathon".into(),
            date: "2026-12-20".parse().unwrap(),
            distance_m: 42_195,
            priority: Priority::B,
            goal_s: None,
            updated_ms: 0,
        };
        let settings = ReminderSettings {
            race_book_days_before: 21,
            ..ReminderSettings::default()
        };
        let list = events(&[], &[race], &settings, "2026-11-27".parse().unwrap());
        // The window opens on 13 Dec (race − 7); the booking reminder is race − 21 = 29 Nov,
        // 14 days before it opens, at 09:00: −14 days + 9 hours = −13 days 15 hours.
        assert_eq!(list[0].first_day, "2026-12-13".parse().unwrap());
        assert_eq!(duration(list[0].alarm_minutes), "-P13DT15H");
        // The light-only days (18–19 Dec) are announced the day before, at 09:00.
        assert_eq!(list[1].first_day, "2026-12-18".parse().unwrap());
        assert_eq!(duration(list[1].alarm_minutes), "-PT15H");
    }
}
