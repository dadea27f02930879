//! The full recompute over realistic histories of 1,000, 5,000 and 20,000 runs, with
//! their massages and races: `TodaySummary::of` (the older days folded, the recent ones
//! built, `Readings::gather` and `assess`) plus every reminder (`reminders::reminders`), as
//! the app recomputes them whenever a record is saved or deleted.
//!
//! Also the stored envelope's encode and decode (`storage`), what saving and starting up
//! cost on top, for 5,000 and 20,000 runs.
//!
//! Run with `cargo bench --bench metrics` (add `-- --quick` for a short run).
//!
//! The histories are generated deterministically by a small LCG, so every run of the
//! benchmark measures the same data. Criterion is a native-only dev-dependency; under
//! wasm32 this file compiles to an empty `main`, so `cargo clippy --target
//! wasm32-unknown-unknown --all-targets` still builds.

// A benchmark is a tool, not a user path: a failed expectation may stop it, and its
// generator's small numbers fit their types.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
mod native {
    use chrono::{Days, NaiveDate};
    use criterion::{BenchmarkId, Criterion, Throughput};
    use restride::domain::advice::{assess, Readings};
    use restride::domain::data::envelope;
    use restride::domain::load::daily_series;
    use restride::domain::massage::reminders;
    use restride::domain::record::journal::Journal;
    use restride::domain::record::massage::{Massage, MassageKind};
    use restride::domain::record::race::{Priority, Race};
    use restride::domain::record::region::Region;
    use restride::domain::record::run::{Run, RunKind};
    use restride::domain::record::settings::Settings;
    use restride::domain::today::TodaySummary;
    use std::collections::BTreeMap;
    use std::hint::black_box;

    pub const SIZES: [usize; 3] = [1_000, 5_000, 20_000];

    /// Knuth's MMIX linear congruential generator; the high bits are the usable ones.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u32 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as u32
        }

        /// Uniform enough in `low..=high` for test data.
        fn between(&mut self, low: u32, high: u32) -> u32 {
            low + self.next() % (high - low + 1)
        }

        /// True with probability `percent` / 100.
        fn chance(&mut self, percent: u32) -> bool {
            self.next() % 100 < percent
        }
    }

    /// `count` runs, 5–7 a week, ending on the returned "today" (which has a run). Most
    /// runs are easy 25–60 minutes at RPE 2–5; one a week is long (90–150 minutes); about
    /// one in five is a harder tempo or interval session at RPE 6–9; about one in 40 is a
    /// race; about one in six logs soreness in one or two regions, now and then 7 or more.
    /// 1,000 runs span about 3 years and 20,000 about 64.
    pub fn history(count: usize, seed: u64) -> (Vec<Run>, NaiveDate) {
        let mut lcg = Lcg(seed);
        let start = NaiveDate::from_ymd_opt(1960, 1, 4).expect("a valid date"); // a Monday
        let mut runs = Vec::with_capacity(count);
        let mut week = 0u64;
        while runs.len() < count {
            let run_days = lcg.between(5, 7);
            // Rest days at random; the long run on the last run day of the week.
            let mut days: Vec<u64> = (0..7).collect();
            while days.len() > run_days as usize {
                let drop = lcg.next() as usize % days.len();
                days.remove(drop);
            }
            let long_day = *days.last().expect("5 to 7 days");
            for day in days {
                if runs.len() == count {
                    break;
                }
                let date = start
                    .checked_add_days(Days::new(week * 7 + day))
                    .expect("within chrono's range");
                let (kind, minutes, rpe) = if lcg.chance(2) {
                    (RunKind::Race, lcg.between(25, 150), lcg.between(8, 9))
                } else if day == long_day {
                    (RunKind::Long, lcg.between(90, 150), lcg.between(4, 7))
                } else if lcg.chance(20) {
                    let kind = if lcg.chance(50) {
                        RunKind::Tempo
                    } else {
                        RunKind::Intervals
                    };
                    (kind, lcg.between(30, 75), lcg.between(6, 9))
                } else {
                    (RunKind::Easy, lcg.between(25, 60), lcg.between(2, 5))
                };
                // Pace 4:30 to 6:30 per km.
                let pace_s_per_km = lcg.between(270, 390);
                let duration_s = minutes * 60 + lcg.between(0, 59);
                let mut soreness = BTreeMap::new();
                if lcg.chance(16) {
                    for _ in 0..lcg.between(1, 2) {
                        let region = Region::ALL[lcg.next() as usize % Region::ALL.len()];
                        // Mostly mild; one in ten of these a pain red flag (7–8).
                        let level = if lcg.chance(10) {
                            lcg.between(7, 8)
                        } else {
                            lcg.between(1, 6)
                        };
                        soreness.insert(region, level as u8);
                    }
                }
                runs.push(Run {
                    id: format!("{date}-{}", runs.len()),
                    date,
                    start_time: None,
                    distance_m: duration_s * 1000 / pace_s_per_km,
                    duration_s,
                    kind,
                    rpe: rpe as u8,
                    avg_hr: None,
                    elevation_gain_m: None,
                    notes: String::new(),
                    soreness,
                    race_id: None,
                    updated_ms: 0,
                });
            }
            week += 1;
        }
        let today = runs.last().map(|r| r.date).unwrap_or(start);
        (runs, today)
    }

    /// The runs with what a runner who massages logs around them: foam rolling the day
    /// after each long run, a sports massage every 3 weeks, every race run on the race
    /// list (linked), and an A race three weeks ahead.
    pub fn journal(mut runs: Vec<Run>, today: NaiveDate) -> Journal {
        let mut massages = Vec::new();
        let mut races = Vec::new();
        for run in &mut runs {
            let next_day = run.date.checked_add_days(Days::new(1)).unwrap_or(run.date);
            if run.kind == RunKind::Long && next_day <= today {
                massages.push(Massage {
                    id: format!("roll-{}", run.id),
                    date: next_day,
                    kind: MassageKind::FoamRolling,
                    minutes: 10,
                    deep: false,
                    regions: [Region::Calves, Region::Quads].into_iter().collect(),
                    notes: String::new(),
                    cost_cents: None,
                    updated_ms: 0,
                });
            }
            if run.kind == RunKind::Race {
                let id = format!("race-{}", run.id);
                run.race_id = Some(id.clone());
                races.push(Race {
                    id,
                    name: "Club race".into(),
                    date: run.date,
                    distance_m: run.distance_m,
                    priority: Priority::B,
                    goal_s: None,
                    updated_ms: 0,
                });
            }
        }
        let first = runs.first().map_or(today, |r| r.date);
        let mut day = first;
        while day <= today {
            massages.push(Massage {
                id: format!("pro-{day}"),
                date: day,
                kind: MassageKind::Professional,
                minutes: 60,
                deep: true,
                regions: Default::default(),
                notes: String::new(),
                cost_cents: Some(6500),
                updated_ms: 0,
            });
            day = day.checked_add_days(Days::new(21)).unwrap_or(today);
            if day == today {
                break;
            }
        }
        races.push(Race {
            id: "goal".into(),
            name: "Goal marathon".into(),
            date: today.checked_add_days(Days::new(21)).unwrap_or(today),
            distance_m: 42_195,
            priority: Priority::A,
            goal_s: Some(3 * 3600 + 30 * 60),
            updated_ms: 0,
        });
        Journal {
            runs,
            massages,
            races,
            ..Journal::default()
        }
    }

    /// What the app recomputes after a change: Today's summary (metrics and advice) and
    /// the reminders, through the same calls as the app.
    fn recompute(journal: &Journal, today: NaiveDate) -> usize {
        let summary = TodaySummary::of(journal, today);
        let reminders = reminders::reminders(journal, today);
        summary.map_or(0, |s| s.series.len() + s.assessment.recommendations.len()) + reminders.len()
    }

    pub fn today_recompute(c: &mut Criterion) {
        let mut group = c.benchmark_group("today_recompute");
        for size in SIZES {
            let (runs, today) = history(size, 0x5eed + size as u64);
            let journal = journal(runs, today);
            group.throughput(Throughput::Elements(size as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &journal, |b, journal| {
                b.iter(|| recompute(black_box(journal), black_box(today)))
            });
        }
        group.finish();
    }

    /// The two halves separately, to see where the time goes.
    pub fn parts(c: &mut Criterion) {
        let mut group = c.benchmark_group("parts");
        for size in SIZES {
            let (runs, today) = history(size, 0x5eed + size as u64);
            let series = daily_series(&runs, today);
            group.bench_with_input(BenchmarkId::new("daily_series", size), &runs, |b, runs| {
                b.iter(|| daily_series(black_box(runs), black_box(today)))
            });
            let full = journal(runs.clone(), today);
            group.bench_with_input(BenchmarkId::new("reminders", size), &full, |b, full| {
                b.iter(|| reminders::reminders(black_box(full), black_box(today)))
            });
            group.bench_with_input(
                BenchmarkId::new("gather_and_assess", size),
                &runs,
                |b, runs| {
                    b.iter(|| {
                        let signals = Readings::gather(
                            None,
                            black_box(runs),
                            &series,
                            black_box(today),
                            &Settings::default(),
                            &Default::default(),
                        );
                        assess(&signals)
                    })
                },
            );
        }
        group.finish();
    }

    /// Encoding and decoding the stored envelope: the Rust half of a save and of start-up.
    pub fn storage(c: &mut Criterion) {
        let mut group = c.benchmark_group("storage");
        for size in [5_000, 20_000] {
            let (runs, _) = history(size, 0x5eed + size as u64);
            let journal = Journal {
                runs,
                ..Journal::default()
            };
            let text = envelope::encode(&journal);
            group.throughput(Throughput::Elements(size as u64));
            group.bench_with_input(BenchmarkId::new("encode", size), &journal, |b, journal| {
                b.iter(|| envelope::encode(black_box(journal)))
            });
            group.bench_with_input(BenchmarkId::new("decode", size), &text, |b, text| {
                b.iter(|| envelope::decode(black_box(text)))
            });
            // As start-up reads: a step per task (the copy of the text is part of it).
            group.bench_with_input(
                BenchmarkId::new("decode_in_steps", size),
                &text,
                |b, text| {
                    b.iter(|| {
                        let mut decoding = envelope::Decoding::new(black_box(text).clone());
                        while !decoding.step() {}
                        decoding.finish()
                    })
                },
            );
        }
        group.finish();
    }

    criterion::criterion_group!(benches, today_recompute, parts, storage);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
