use super::*;
use crate::domain::record::region::Region;
use crate::domain::record::run::RunKind;
use crate::domain::record::settings::WeekStart;
use chrono::Days;
use proptest::prelude::*;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Today's summary with every day of the series built from the first run: the reference
/// the folded ones must equal.
fn whole_journal(journal: &Journal, today: NaiveDate) -> Option<TodaySummary> {
    TodaySummary::after(
        None,
        &journal.runs,
        &journal.settings,
        &journal.physio_visits,
        today,
    )
}

/// What Today shows from a summary: the first screen, the charts' days and the weekly
/// distance. (The full series behind the CSV export is read from the records.)
fn shown(summary: &TodaySummary) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        summary.today,
        &summary.readings,
        &summary.assessment,
        &summary.this_week,
        &summary.weekly_distance,
        summary.chart_days(),
        summary.latest(),
        summary.baseline_days_to_go(),
    )
}

/// Runs over about 500 days ending near the checkpoint: streaks, doubles, races, hard
/// days, soreness up to red flags, and runs dated after the checkpoint's day.
fn arbitrary_journal() -> impl Strategy<Value = Journal> {
    let run = (
        0u64..520,
        1u32..200,
        1u8..=10,
        1u32..40,
        0usize..8,
        proptest::collection::vec((0usize..10, 0u8..=10), 0..3),
        any::<bool>(),
    )
        .prop_map(|(day, minutes, rpe, km, kind, sore, early)| {
            let date = d("2025-06-01") + Days::new(day);
            let mut run = Run::sample(&date.to_string(), minutes, rpe, km);
            run.id = format!("r{day}-{minutes}-{rpe}-{km}-{early}");
            run.kind = RunKind::ALL[kind];
            run.soreness = sore.into_iter().map(|(r, l)| (Region::ALL[r], l)).collect();
            run.start_time = early.then(|| "07:00".parse().unwrap());
            run
        });
    let visit = (0u64..520, 0usize..10).prop_map(|(day, region)| {
        PhysioVisit::new(
            format!("p{day}"),
            d("2025-06-01") + Days::new(day),
            &[Region::ALL[region]],
            String::new(),
        )
    });
    (
        proptest::collection::vec(run, 0..80),
        proptest::collection::vec(visit, 0..3),
        any::<bool>(),
        5u8..=10,
    )
        .prop_map(|(runs, visits, sunday, physio)| {
            let mut journal = Journal {
                runs,
                physio_visits: visits,
                ..Journal::default()
            };
            if sunday {
                journal.settings.week_start = WeekStart::Sunday;
            }
            journal.settings.reminders.physio_level = physio;
            journal
        })
}

proptest! {
    /// Drawn from the checkpoint, Today shows what the whole journal gives, on the
    /// checkpoint's day and on any later one; through its stored text too (the floats
    /// come back bit for bit).
    #[test]
    fn today_from_the_checkpoint_equals_the_full_recompute(
        mut journal in arbitrary_journal(),
        made in 300u64..560,
        later in 0u64..200,
        (streak_days, streak_back, hard) in (0u64..400, 0u64..3, any::<bool>()),
    ) {
        let day = d("2025-06-01") + Days::new(made);
        let today = day + Days::new(later);
        // A run every day up to today (or a day or two before), often from before the
        // checkpoint's cut: the streaks it carries must come out whole.
        for back in streak_back..streak_back + streak_days {
            let date = today - Days::new(back);
            let mut run = Run::sample(&date.to_string(), 40, if hard { 8 } else { 3 }, 8);
            run.id = format!("s{back}");
            journal.runs.push(run);
        }
        let checkpoint = Checkpoint::of(&journal, day, "x".into());
        let stored = Checkpoint::from_text(&checkpoint.to_text()).expect("its own text reads");
        prop_assert_eq!(&stored, &checkpoint);
        let full = whole_journal(&journal, today);
        let drawn = stored.summary(today).expect("a day on or after the checkpoint's");
        prop_assert_eq!(drawn.is_some(), full.is_some());
        // Today's own summary folds the older days the same way.
        let folded = TodaySummary::of(&journal, today);
        prop_assert_eq!(folded.is_some(), full.is_some());
        if let (Some(drawn), Some(folded), Some(full)) = (drawn, folded, full) {
            prop_assert_eq!(shown(&drawn), shown(&full));
            prop_assert_eq!(shown(&folded), shown(&full));
        }
    }
}

#[test]
fn a_checkpoint_keeps_only_the_recent_runs_and_is_not_used_for_an_earlier_day() {
    // A run every day for 400 days: only the last KEPT_DAYS before the day are kept, and
    // the streak of 400 run days survives the fold.
    let day = d("2026-11-30");
    let runs: Vec<Run> = (0..400)
        .map(|back| {
            let date = day - Days::new(back);
            let mut run = Run::sample(&date.to_string(), 30, 4, 5);
            run.id = format!("r{back}");
            run
        })
        .collect();
    let journal = Journal {
        runs,
        ..Journal::default()
    };
    let checkpoint = Checkpoint::of(&journal, day, "x".into());
    assert_eq!(checkpoint.runs.len(), usize::try_from(KEPT_DAYS).unwrap());
    let (_, before) = checkpoint.earlier.as_ref().unwrap();
    assert_eq!(before.run_days, 400 - u32::try_from(KEPT_DAYS).unwrap());
    let summary = checkpoint.summary(day).unwrap().unwrap();
    assert_eq!(summary.readings.run_days_in_a_row, 400);
    assert_eq!(summary.readings.history_days, 400);
    // The clock went back a day: the checkpoint says nothing, the records must be read.
    assert_eq!(checkpoint.summary(day - Days::new(1)), None);
}

#[test]
fn no_runs_no_summary_and_a_stored_text_of_version_1_reads() {
    let empty = Checkpoint::of(
        &Journal::default(),
        d("2026-11-30"),
        "0-cbf29ce484222325".into(),
    );
    assert_eq!(empty.summary(d("2026-12-01")), Some(None));
    // The format as version 1 writes it: one run kept, and the earlier runs folded into a
    // fitness of exactly 1.5 (0x3ff8000000000000) and a week of one load of 120.
    let text = "restride-today 1 42-00000000000000ff 2026-11-30 2026-08-31,2026-01-01,-,3,0,0,0,3ff8000000000000,0,405e000000000000\n{\"version\":3,\"runs\":[{\"id\":\"a\",\"date\":\"2026-11-29\",\"distance_m\":5000,\"duration_s\":1800,\"type\":\"easy\",\"rpe\":4}],\"settings\":{\"unit\":\"mi\"}}";
    let read = Checkpoint::from_text(text).expect("a version 1 text");
    assert_eq!(read.records, "42-00000000000000ff");
    assert_eq!(read.day, d("2026-11-30"));
    assert_eq!(read.runs.len(), 1);
    assert_eq!(
        read.settings.unit,
        crate::domain::record::settings::Unit::Mi
    );
    let (start, before) = read.earlier.as_ref().unwrap();
    assert_eq!(
        (before.first_run, before.last_race, before.run_days),
        (d("2026-01-01"), None, 3)
    );
    assert_eq!(start.fitness, 1.5);
    assert_eq!(start.week, vec![120.0]);
    // Its own text reads back the same; anything else is not a checkpoint.
    assert_eq!(Checkpoint::from_text(&read.to_text()), Some(read.clone()));
    for broken in [
        "",
        "restride-today 2 x 2026-11-30\n{\"version\":3}",
        "restride-today 1 x 2026-11-31\n{\"version\":3}",
        "restride-today 1 x 2026-11-30 2026-08-31,oops\n{\"version\":3}",
        "restride-today 1 x 2026-11-30\nnot json",
    ] {
        assert_eq!(Checkpoint::from_text(broken), None, "{broken}");
    }
}

#[test]
fn the_fingerprint_names_length_and_content() {
    // FNV-1a 64 of the empty text is its offset basis; of "a", the published test vector.
    assert_eq!(fingerprint(""), "0-cbf29ce484222325");
    assert_eq!(fingerprint("a"), "1-af63dc4c8601ec8c");
    assert_ne!(fingerprint("ab"), fingerprint("ba"));
}
