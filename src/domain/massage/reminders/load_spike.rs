//! A load spike (the runner's ACWR and distance-jump levels): self-massage the calves,
//! feet and shins and keep the next days easy.

use super::{capitalise, region_words, reminder, without_red_flags, Facts, Reminder, Rule};
use crate::domain::history::week_start_of;
use crate::domain::load::{
    self, Progression, ACUTE_DAYS, CHRONIC_DAYS, PROGRESSION_DAYS, WEEK_DAYS,
};
use crate::domain::record::run::RunKind;
use crate::domain::rulebook::regions::DURING_A_LOAD_SPIKE;
use crate::domain::rulebook::sources;
use crate::domain::rulebook::windows::shift;
use crate::domain::text::dates;
use crate::domain::text::decimal::fixed;
use crate::domain::text::units::format_distance_whole;

pub(super) fn load_spike(facts: &Facts, list: &mut Vec<Reminder>) {
    let s = facts.settings;
    let runs = facts.all_runs;
    let history_days = facts
        .runs
        .first()
        .map_or(0, |first| (facts.today - first.date).num_days() + 1);
    let acwr = (history_days >= load::BASELINE_DAYS)
        .then(|| load::acwr_on(runs, facts.today))
        .flatten();
    let two_weeks: Progression = load::two_week_progression(runs, facts.today);
    let limit = s.spike_acwr();
    let jump = two_weeks.is_jump(s.spike_jump_percent);
    let mut why = Vec::new();
    if let Some(acwr) = acwr.filter(|a| *a > limit) {
        why.push(format!(
            "your {}-day load is {}× your {}-day load (above {})",
            fixed(ACUTE_DAYS, 0),
            fixed(acwr, 2),
            fixed(CHRONIC_DAYS, 0),
            fixed(limit, 1)
        ));
    }
    if jump {
        why.push(format!(
            "you ran {} in the last {PROGRESSION_DAYS} days against {} in the {PROGRESSION_DAYS} before (more than +{} %)",
            format_distance_whole(two_weeks.recent_m, facts.unit),
            format_distance_whole(two_weeks.earlier_m, facts.unit),
            s.spike_jump_percent
        ));
    }
    if why.is_empty() {
        return;
    }
    let regions = without_red_flags(facts, &DURING_A_LOAD_SPIKE);
    if regions.is_empty() {
        return;
    }
    // A race in the last week is load by design: say so rather than leave it unexplained.
    let raced =
        facts.runs.iter().rev().find(|r| {
            r.kind == RunKind::Race && r.date > shift(facts.today, -i64::from(WEEK_DAYS))
        });
    let race_note = raced.map_or_else(String::new, |race| {
        format!(
            " Your race on {} is part of it: a spike after racing is expected, and easy days are the answer.",
            dates::short_day_near(race.date, facts.today)
        )
    });
    let week = week_start_of(facts.today, facts.week_start);
    let mut r = reminder(
        Rule::LoadSpike,
        format!("spike:{week}"),
        facts.today,
        format!(
            "Load spike: self-massage your {} and keep the next days easy",
            region_words(&regions)
        ),
        format!("{}.{race_note}", capitalise(&why.join("; "))),
        // The study behind the first cause named.
        if acwr.is_some_and(|a| a > limit) {
            sources::ACWR
        } else {
            sources::PROGRESSION
        },
    );
    r.until = Some(facts.today);
    r.regions = regions;
    list.push(r);
}
