//! Monotony of the last seven daily loads (Foster 1998).

use super::MONOTONY_CAP;

/// Monotony of up to seven daily loads; days before the first run count as rest (0).
pub fn monotony(week: &[f64]) -> Option<f64> {
    let n = 7.0;
    let sum: f64 = week.iter().sum();
    if sum <= 0.0 {
        return None;
    }
    let mean = sum / n;
    let rest_days = n - week.len() as f64;
    let squares: f64 =
        week.iter().map(|l| (l - mean).powi(2)).sum::<f64>() + rest_days * mean * mean;
    let deviation = (squares / n).sqrt();
    Some(if deviation == 0.0 {
        MONOTONY_CAP
    } else {
        (mean / deviation).min(MONOTONY_CAP)
    })
}
