//! The studies behind the rules, quoted beside every piece of advice.

pub const SESSION_RPE: &str = "Foster C. et al. (2001), A new approach to monitoring exercise training, J Strength Cond Res 15(1):109–115.";
pub const ACWR: &str = "Williams S. et al. (2017), Better way to determine the acute:chronic workload ratio?, Br J Sports Med 51:209–210.";
pub const ACWR_CRITICISM: &str = "Impellizzeri F.M. et al. (2020), Acute:chronic workload ratio: conceptual issues and fundamental pitfalls, Int J Sports Physiol Perform 15(6):907–913.";
pub const FITNESS_FATIGUE: &str = "Banister E.W. et al. (1975), A systems model of training for athletic performance, Aust J Sports Med 7:57–61.";
pub const MONOTONY: &str = "Foster C. (1998), Monitoring training in athletes with reference to overtraining syndrome, Med Sci Sports Exerc 30(7):1164–1168.";
pub const PROGRESSION: &str = "Nielsen R.O. et al. (2014), Excessive progression in weekly running distance and risk of running-related injuries, J Orthop Sports Phys Ther 44(10):739–747.";
pub const MASSAGE_TIMING: &str = "Guo J. et al. (2017), Massage alleviates delayed onset muscle soreness after strenuous exercise: a systematic review and meta-analysis, Front Physiol 8:747 (largest effect at 48–72 h).";
pub const FOAM_ROLLING: &str = "Wiewelhove T. et al. (2019), A meta-analysis of the effects of foam rolling on performance and recovery, Front Physiol 10:376.";
pub const ACUTE_INJURY: &str = "Brummitt J. (2008), The role of massage in sports performance and rehabilitation, N Am J Sports Phys Ther 3(1):7–21 (acute injury and inflammation are contraindications).";
pub const POPPENDIECK: &str = "Poppendieck W. et al. (2016), Massage and performance recovery: a meta-analytical review, Sports Med 46(2):183–204.";
/// For the numbers around a race (the last deep massage 4–7 days before, nothing deep in
/// the final 48 hours): no trial sets them, so the card says so.
pub const RACE_CONVENTION: &str = "A practitioners' rule of thumb: no trial sets these days. They leave time for the tenderness deep work can cause to pass before the race.";
/// For the regular interval and the distance between massages.
pub const INTERVAL_CONVENTION: &str = "A practitioners' rule of thumb: no trial sets the interval. On massage and recovery of performance: Poppendieck W. et al. (2016), Massage and performance recovery: a meta-analytical review, Sports Med 46(2):183–204.";
pub const RECOVERY_DAYS: &str = "Bishop P.A. et al. (2008), Recovery from training: a brief review, J Strength Cond Res 22(3):1015–1024.";
