use super::*;
use crate::domain::record::run::Run;

const DAY: u64 = DAY_MS;

fn journal(saved_days: &[u64]) -> Journal {
    Journal {
        runs: saved_days
            .iter()
            .enumerate()
            .map(|(i, d)| Run {
                id: format!("r{i}"),
                updated_ms: d * DAY,
                ..Run::sample("2026-11-01", 30, 4, 5)
            })
            .collect(),
        ..Journal::default()
    }
}

#[test]
fn a_change_fourteen_days_old_without_a_backup_brings_the_nudge() {
    let j = journal(&[100, 110]);
    // Day 113: the oldest change is 13 days old.
    assert_eq!(backup_nudge(&j, false, None, None, 113 * DAY), None);
    assert_eq!(
        backup_nudge(&j, false, None, None, 114 * DAY),
        Some(BackupNudge {
            changed: 2,
            last_backup_ms: None
        })
    );
    // Persistent storage: no nudge.
    assert_eq!(backup_nudge(&j, true, None, None, 200 * DAY), None);
    // An empty journal has nothing to lose.
    assert_eq!(
        backup_nudge(&Journal::default(), false, None, None, 200 * DAY),
        None
    );
}

#[test]
fn only_changes_since_the_last_backup_count() {
    let j = journal(&[100, 110, 120]);
    // Backed up on day 115: only the day-120 change is new, 14 days old on day 134.
    let backup = Some(115 * DAY);
    assert_eq!(backup_nudge(&j, false, backup, None, 133 * DAY), None);
    assert_eq!(
        backup_nudge(&j, false, backup, None, 134 * DAY),
        Some(BackupNudge {
            changed: 1,
            last_backup_ms: backup
        })
    );
    // Backed up after every change: nothing to nudge about.
    assert_eq!(
        backup_nudge(&j, false, Some(121 * DAY), None, 300 * DAY),
        None
    );
}

#[test]
fn the_card_says_how_many_changed_and_since_when() {
    let one = BackupNudge {
        changed: 1,
        last_backup_ms: None,
    };
    assert!(one
        .words(None)
        .starts_with("1 run, massage or race has changed and no backup has been saved"));
    let two = BackupNudge {
        changed: 2,
        last_backup_ms: Some(1),
    };
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    assert!(two.words(Some(date)).starts_with(
        "2 runs, massages and races have changed since your last backup on Sun 1 Nov 2026."
    ));
}

#[test]
fn dismissing_waits_fourteen_days() {
    let j = journal(&[100]);
    assert_eq!(
        backup_nudge(&j, false, None, Some(120 * DAY), 133 * DAY),
        None
    );
    assert!(backup_nudge(&j, false, None, Some(120 * DAY), 134 * DAY).is_some());
}

#[test]
fn a_kept_copy_says_what_was_left_out() {
    let text = r#"{"version":3,"runs":[{"id":"a","date":"2026-11-20","distance_m":5000,"duration_s":1500,"type":"easy","rpe":3},{"id":"b"},{"id":"c"}]}"#;
    let left_out = LeftOut::of(text);
    let LeftOut::Records(records) = &left_out else {
        panic!("{left_out:?}");
    };
    assert_eq!(records.len(), 2);
    assert!(records[0].starts_with("saved run number 2"), "{records:?}");
    assert_eq!(
        left_out.words(),
        "2 saved records could not be read and were left out"
    );
    assert_eq!(
        LeftOut::Records(vec!["x".into()]).words(),
        "1 saved record could not be read and was left out"
    );
    assert!(matches!(LeftOut::of("{not json"), LeftOut::Everything(_)));
    let whole = LeftOut::of(r#"{"version":3,"runs":[]}"#);
    assert!(whole.is_empty());
    assert!(!left_out.is_empty());
}
