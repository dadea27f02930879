use super::*;
use crate::domain::record::run::RunKind;

fn run(id: &str) -> Run {
    Run {
        id: id.into(),
        date: "2026-11-20".parse().unwrap(),
        start_time: None,
        distance_m: 5000,
        duration_s: 1500,
        kind: RunKind::Easy,
        rpe: 3,
        avg_hr: None,
        elevation_gain_m: None,
        notes: String::new(),
        soreness: Default::default(),
        race_id: None,
        updated_ms: 0,
    }
}

#[test]
fn delete_then_restore_gives_back_the_same_journal() {
    let mut journal = Journal {
        runs: vec![run("a"), run("b"), run("c")],
        ..Journal::default()
    };
    let before = journal.clone();
    let deleted = journal.delete_run("b", 10).unwrap();
    assert_eq!(journal.runs.len(), 2);
    assert!(journal.run("b").is_none());
    journal.restore(deleted.clone(), 20);
    let ids: Vec<&str> = journal.runs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"], "back in its place");
    assert_eq!(
        journal.run("b").unwrap().updated_ms,
        20,
        "saved anew by the undo"
    );
    assert!(journal.deleted.is_empty());
    journal.restore(deleted, 21);
    assert_eq!(
        journal.runs.len(),
        3,
        "a second undo must not duplicate the run"
    );
    let mut same = journal.clone();
    same.runs[1].updated_ms = 0;
    assert_eq!(same, before);
}

#[test]
fn an_undo_survives_another_tabs_copy_of_the_deletion() {
    let mut ours = Journal {
        runs: vec![saved("x", 5, 10)],
        ..Journal::default()
    };
    let deleted = ours.delete_run("x", 100).unwrap();
    // The other tab has merged the deletion; then this tab undoes it.
    let theirs = ours.clone();
    ours.restore(deleted, 150);
    assert_eq!(ids(&Journal::merged(&theirs, &ours)), ["x"]);
    assert_eq!(ids(&Journal::merged(&ours, &theirs)), ["x"]);
}

#[test]
fn undoing_a_race_delete_links_its_runs_again() {
    let mut run = saved("r", 42, 1);
    run.race_id = Some("race".into());
    let mut journal = Journal {
        runs: vec![run],
        races: vec![crate::domain::record::race::Race {
            id: "race".into(),
            name: "City".into(),
            date: "2026-11-20".parse().unwrap(),
            distance_m: 42_195,
            priority: crate::domain::record::race::Priority::A,
            goal_s: None,
            updated_ms: 1,
        }],
        ..Journal::default()
    };
    let deleted = journal.delete_race("race", 50).unwrap();
    assert_eq!(journal.runs[0].race_id, None);
    assert_eq!(deleted.restored_message(), "Race restored.");
    journal.restore(deleted, 60);
    assert_eq!(journal.runs[0].race_id.as_deref(), Some("race"));
    assert_eq!(journal.races.len(), 1);
}

#[test]
fn the_newer_settings_win_from_either_side() {
    let mut ours = Journal::default();
    ours.change_settings(200, |s| s.unit = crate::domain::record::settings::Unit::Mi);
    let mut theirs = Journal::default();
    theirs.change_settings(100, |s| {
        s.week_start = crate::domain::record::settings::WeekStart::Sunday
    });
    for merged in [
        Journal::merged(&theirs, &ours),
        Journal::merged(&ours, &theirs),
    ] {
        assert_eq!(merged.settings, ours.settings);
        assert_eq!(merged.settings_ms, 200);
    }
}

fn saved(id: &str, km: u32, at: u64) -> Run {
    let mut r = run(id);
    r.distance_m = km * 1000;
    r.updated_ms = at;
    r
}

fn ids(journal: &Journal) -> Vec<&str> {
    journal.runs.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn two_tabs_adding_different_runs_both_keep_both() {
    let base = Journal {
        runs: vec![saved("a", 5, 1)],
        ..Journal::default()
    };
    let mut one = base.clone();
    one.save_run(run("b"), 20);
    let mut two = base.clone();
    two.save_run(run("c"), 30);
    assert_eq!(ids(&Journal::merged(&one, &two)), ["a", "b", "c"]);
    assert_eq!(
        Journal::merged(&two, &one),
        Journal::merged(&one, &two),
        "the same whichever tab merges"
    );
}

#[test]
fn the_newer_save_of_the_same_run_wins() {
    let theirs = Journal {
        runs: vec![saved("a", 9, 50)],
        ..Journal::default()
    };
    let ours = Journal {
        runs: vec![saved("a", 7, 60)],
        ..Journal::default()
    };
    assert_eq!(Journal::merged(&theirs, &ours).runs[0].distance_m, 7000);
    assert_eq!(Journal::merged(&ours, &theirs).runs[0].distance_m, 7000);
}

#[test]
fn a_deletion_wins_over_older_saves_only() {
    let mut theirs = Journal {
        runs: vec![saved("a", 5, 10), saved("b", 5, 10)],
        ..Journal::default()
    };
    let ours = theirs.clone();
    theirs.delete_run("a", 100);
    // Ours still has "a" from before the deletion: it stays deleted.
    let merged = Journal::merged(&theirs, &ours);
    assert_eq!(ids(&merged), ["b"]);
    assert_eq!(merged.deleted.get("run:a"), Some(&100));
    // Edited again after the deletion in the other tab: the newer save is kept.
    let mut edited = ours.clone();
    edited.save_run(saved("a", 6, 0), 150);
    assert_eq!(ids(&Journal::merged(&theirs, &edited)), ["a", "b"]);
}

#[test]
fn undo_lifts_the_tombstone_and_old_tombstones_are_dropped() {
    let mut journal = Journal {
        runs: vec![saved("a", 5, 1), saved("b", 5, 1)],
        ..Journal::default()
    };
    let deleted = journal.delete_run("a", 1_000).unwrap();
    assert!(journal.deleted.contains_key("run:a"));
    journal.restore(deleted, 1_500);
    assert!(journal.deleted.is_empty());
    journal.delete_run("a", 1_000);
    journal.delete_run("b", 1_000 + TOMBSTONE_MS);
    assert_eq!(
        journal.deleted.keys().collect::<Vec<_>>(),
        ["run:b"],
        "a tombstone older than 90 days is compacted away"
    );
}

proptest::proptest! {
    #[test]
    fn merging_keeps_every_record_of_either_side_unless_deleted_later(
        theirs_at in proptest::collection::vec((0u8..8, 1u64..100), 0..8),
        ours_at in proptest::collection::vec((0u8..8, 1u64..100), 0..8),
        deletions in proptest::collection::vec((0u8..8, 1u64..100), 0..4),
    ) {
        let side = |list: &[(u8, u64)]| {
            let mut j = Journal::default();
            for (id, at) in list {
                j.save_run(run(&format!("r{id}")), *at);
            }
            j
        };
        let theirs = side(&theirs_at);
        let mut ours = side(&ours_at);
        for (id, at) in &deletions {
            ours.delete_run(&format!("r{id}"), *at);
        }
        let merged = Journal::merged(&theirs, &ours);
        proptest::prop_assert_eq!(&Journal::merged(&merged, &merged), &merged);
        // Whichever tab merges, the result is the same: no back-and-forth writes.
        proptest::prop_assert_eq!(&Journal::merged(&ours, &theirs), &merged);
        for r in theirs.runs.iter().chain(&ours.runs) {
            let newest = merged.run(&r.id).map(|m| m.updated_ms);
            let deleted_at = merged.deleted.get(&format!("run:{}", r.id)).copied();
            match (newest, deleted_at) {
                (Some(kept), Some(at)) => proptest::prop_assert!(at < kept),
                (Some(kept), None) => proptest::prop_assert!(kept >= r.updated_ms),
                (None, Some(at)) => proptest::prop_assert!(at >= r.updated_ms),
                (None, None) => proptest::prop_assert!(false, "run {} lost", r.id),
            }
        }
    }
}

#[test]
fn deleting_an_unknown_run_changes_nothing() {
    let mut journal = Journal {
        runs: vec![run("a")],
        ..Journal::default()
    };
    assert_eq!(journal.delete_run("zzz", 10), None);
    assert_eq!(journal.runs.len(), 1);
}

#[test]
fn save_replaces_by_id_or_adds() {
    let mut journal = Journal {
        runs: vec![run("a"), run("b")],
        ..Journal::default()
    };
    let mut edited = run("b");
    edited.distance_m = 7000;
    journal.save_run(edited.clone(), 10);
    journal.save_run(edited, 11);
    assert_eq!(
        journal.runs.len(),
        2,
        "saving the same id twice must not duplicate it"
    );
    assert_eq!(journal.run("b").unwrap().distance_m, 7000);
    assert_eq!(journal.run("a").unwrap().distance_m, 5000);
    journal.save_run(run("c"), 12);
    assert_eq!(journal.runs.len(), 3);
}

#[test]
fn the_later_booking_or_cancellation_wins_from_either_side() {
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let mut ours = Journal::default();
    ours.book(day("2026-12-02"), None, true, 10);
    let mut theirs = ours.clone();
    // The other tab moves it later; ours then cancels, later still.
    theirs.book(day("2026-12-03"), "10:30".parse().ok(), false, 20);
    assert_eq!(Journal::merged(&theirs, &ours).booking, theirs.booking);
    assert_eq!(Journal::merged(&ours, &theirs).booking, theirs.booking);
    ours.cancel_booking(30);
    let merged = Journal::merged(&theirs, &ours);
    assert!(merged.booking.is_some_and(|b| b.cancelled));
    assert_eq!(merged, Journal::merged(&ours, &theirs));
    // A booking made in one tab only is kept.
    assert_eq!(
        Journal::merged(&Journal::default(), &theirs).booking,
        theirs.booking
    );
}
