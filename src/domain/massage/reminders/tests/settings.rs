//! One test per setting: changing it changes Today and the Massage tab alike, never one
//! without the other.

use super::*;
use crate::domain::advice::Readiness;
use crate::domain::today::TodaySummary;

/// Today's reason lines and the reminders' ids on `day`.
fn both(j: &Journal, day: &str) -> (Vec<String>, Vec<String>) {
    let today = TodaySummary::of(j, d(day)).map_or_else(Vec::new, |s| {
        s.assessment
            .reasons
            .iter()
            .filter(|r| r.level != Readiness::Green)
            .map(|r| r.text.clone())
            .collect()
    });
    let massage = reminders(j, d(day)).into_iter().map(|r| r.id).collect();
    (today, massage)
}

fn has(list: &[String], start: &str) -> bool {
    list.iter().any(|line| line.starts_with(start))
}

#[test]
fn the_sore_level_decides_sore_on_today_and_the_routine_card_alike() {
    // Calves at 5 in the last two runs.
    let j = journal(vec![
        sore(Run::sample("2026-11-18", 40, 4, 8), &[(Region::Calves, 5)]),
        sore(Run::sample("2026-11-19", 40, 4, 8), &[(Region::Calves, 5)]),
    ]);
    let (today, massage) = both(&j, "2026-11-20");
    assert!(has(&today, "Sore: Calves 5/10"), "{today:?}");
    assert!(
        massage.iter().any(|id| id.starts_with("sore:calves:")),
        "{massage:?}"
    );
    let mut higher = j.clone();
    higher.settings.reminders.sore_level = 6;
    let (today, massage) = both(&higher, "2026-11-20");
    assert!(!has(&today, "Sore:"), "{today:?}");
    assert!(
        !massage.iter().any(|id| id.starts_with("sore:")),
        "{massage:?}"
    );
}

#[test]
fn the_physio_level_decides_the_red_flag_on_today_and_the_physio_card_alike() {
    let j = journal(vec![sore(
        Run::sample("2026-11-19", 40, 4, 8),
        &[(Region::Knees, 8)],
    )]);
    let (today, massage) = both(&j, "2026-11-20");
    assert!(has(&today, "Pain red flag: Knees 8/10"), "{today:?}");
    assert!(
        massage.iter().any(|id| id.starts_with("physio:knees:")),
        "{massage:?}"
    );
    let mut higher = j.clone();
    higher.settings.reminders.physio_level = 9;
    let (today, massage) = both(&higher, "2026-11-20");
    assert!(!has(&today, "Pain red flag"), "{today:?}");
    assert!(
        !massage.iter().any(|id| id.starts_with("physio:")),
        "{massage:?}"
    );
}

/// Five weeks of 60-minute runs every other day, then a week of daily 90-minute runs:
/// the 7-day load is well above the 28-day load.
fn spiking() -> Journal {
    let mut runs: Vec<Run> = (0..18)
        .map(|i| {
            Run::sample(
                &(d("2026-10-10") + chrono::Days::new(2 * i)).to_string(),
                60,
                4,
                10,
            )
        })
        .collect();
    runs.extend((0..6).map(|i| {
        Run::sample(
            &(d("2026-11-14") + chrono::Days::new(i)).to_string(),
            90,
            5,
            15,
        )
    }));
    journal(runs)
}

#[test]
fn the_spike_level_decides_the_load_spike_on_today_and_the_spike_card_alike() {
    let j = spiking();
    let acwr = TodaySummary::of(&j, d("2026-11-19"))
        .unwrap()
        .readings
        .acwr()
        .unwrap();
    assert!(acwr > 1.5 && acwr < 3.0, "{acwr}");
    let (today, massage) = both(&j, "2026-11-19");
    assert!(has(&today, "Load spike:"), "{today:?}");
    assert!(
        massage.iter().any(|id| id.starts_with("spike:")),
        "{massage:?}"
    );
    let mut higher = j.clone();
    higher.settings.reminders.spike_acwr_tenths = 30;
    higher.settings.reminders.spike_jump_percent = 200;
    let (today, massage) = both(&higher, "2026-11-19");
    assert!(!has(&today, "Load spike:"), "{today:?}");
    assert!(
        !massage.iter().any(|id| id.starts_with("spike:")),
        "{massage:?}"
    );
}

#[test]
fn the_jump_percentage_decides_the_distance_jump_on_today_and_the_spike_card_alike() {
    // 20 km in the 14 days before, 30 km in the last 14: +50 %.
    let runs = vec![
        Run::sample("2026-10-30", 60, 4, 10),
        Run::sample("2026-11-05", 60, 4, 10),
        Run::sample("2026-11-15", 60, 4, 15),
        Run::sample("2026-11-19", 60, 4, 15),
    ];
    let mut j = journal(runs);
    j.settings.reminders.spike_acwr_tenths = 30;
    let (today, massage) = both(&j, "2026-11-20");
    assert!(has(&today, "Distance jump:"), "{today:?}");
    assert!(
        massage.iter().any(|id| id.starts_with("spike:")),
        "{massage:?}"
    );
    j.settings.reminders.spike_jump_percent = 60;
    let (today, massage) = both(&j, "2026-11-20");
    assert!(!has(&today, "Distance jump:"), "{today:?}");
    assert!(
        !massage.iter().any(|id| id.starts_with("spike:")),
        "{massage:?}"
    );
}

#[test]
fn every_massage_setting_moves_its_card() {
    // Each of the Massage tab's numbers, changed once, changes what its rule says or when.
    let long = {
        let mut run = Run::sample("2026-11-19", 80, 4, 14);
        run.kind = RunKind::Long;
        run
    };
    // 5 Nov's run sets the 28-day average session load (160) for the 80-minute run (320).
    let mut j = journal(vec![
        Run::sample("2026-10-01", 40, 4, 8),
        Run::sample("2026-11-05", 40, 4, 8),
        long,
    ]);
    j.races.push(valencia("2026-12-06", Priority::A));
    let ids_on = |j: &Journal| ids(&reminders(j, d("2026-11-20"))).join(" ").to_string();
    let base = ids_on(&j);
    // Each setting with only its own rule on, so no other cause stands in for it.
    type Setting = fn(&mut ReminderSettings);
    let changes: [(&str, Setting, Setting); 5] = [
        (
            "professional_every_days",
            |s| s.professional_on = true,
            |s| s.professional_every_days = 90,
        ),
        (
            "distance_every_km",
            |s| s.distance_on = true,
            |s| s.distance_every_km = 10,
        ),
        (
            "long_run_minutes",
            |s| s.hard_effort_on = true,
            |s| s.long_run_minutes = 75,
        ),
        (
            "race_book_days_before",
            |s| s.race_before_on = true,
            |s| s.race_book_days_before = 30,
        ),
        (
            "big_session_tenths",
            |s| s.hard_effort_on = true,
            |s| s.big_session_tenths = 50,
        ),
    ];
    for (name, rule, change) in changes {
        let mut before = j.clone();
        only(&mut before, rule);
        let mut changed = before.clone();
        change(&mut changed.settings.reminders);
        assert!(
            reminders(&changed, d("2026-11-20")) != reminders(&before, d("2026-11-20")),
            "{name} changed nothing: {} / {}",
            ids_on(&before),
            ids_on(&changed)
        );
    }
    assert!(!base.is_empty());
    // A runner in miles: the distance rule counts in miles, so its own number decides.
    let mut before = j.clone();
    before.settings.unit = crate::domain::record::settings::Unit::Mi;
    only(&mut before, |s| s.distance_on = true);
    let mut changed = before.clone();
    changed.settings.reminders.distance_every_mi = 6;
    assert!(
        reminders(&changed, d("2026-11-20")) != reminders(&before, d("2026-11-20")),
        "distance_every_mi changed nothing: {}",
        ids_on(&before)
    );
    // …and the kilometre number no longer does.
    let mut km_only = before.clone();
    km_only.settings.reminders.distance_every_km = 10;
    assert_eq!(
        reminders(&km_only, d("2026-11-20")),
        reminders(&before, d("2026-11-20"))
    );
}
