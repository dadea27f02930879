//! Numbers with a fixed count of decimals, written by hand: std's float formatting (Grisu
//! with a Dragon fallback) adds about 10 KB to the first download, and Today writes only
//! numbers of a few decimals. `fixed(x, 2)` writes what `format!("{x:.2}")` writes: the
//! exact binary value rounded half to even, and a minus sign on any negative value,
//! even one that rounds to 0 ("-0.0"). Property-tested against std.

use std::fmt;

/// The most decimals written; more are written as this many. (Keeps the arithmetic within
/// 128 bits.)
pub const MAX_PLACES: u8 = 6;

/// A number as text with `places` decimals (see `fixed`, `signed`).
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    value: f64,
    places: u8,
    /// A "+" before a number that is not negative, as `{:+.N}`.
    plus: bool,
}

/// `value` with `places` decimals, as `format!("{value:.places$}")`.
pub fn fixed(value: f64, places: u8) -> Decimal {
    Decimal {
        value,
        places,
        plus: false,
    }
}

/// With its sign always written, as `format!("{value:+.places$}")`: "+3", "-2", "+0".
pub fn signed(value: f64, places: u8) -> Decimal {
    Decimal {
        plus: true,
        ..fixed(value, places)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.value.is_sign_negative() && !self.value.is_nan() {
            "-"
        } else if self.plus {
            "+"
        } else {
            ""
        };
        if self.value.is_nan() {
            return f.write_str("NaN");
        }
        if self.value.is_infinite() {
            return write!(f, "{sign}inf");
        }
        let places = self.places.min(MAX_PLACES);
        let mut digits = scaled_digits(self.value.abs(), places);
        let places = usize::from(places);
        // At least one digit before the point.
        if digits.len() <= places {
            let zeros = places + 1 - digits.len();
            digits.splice(0..0, std::iter::repeat_n(b'0', zeros));
        }
        let point = digits.len() - places;
        let (whole, fraction) = digits.split_at(point);
        let text = |bytes: &[u8]| bytes.iter().map(|&b| char::from(b)).collect::<String>();
        f.write_str(sign)?;
        f.write_str(&text(whole))?;
        if !fraction.is_empty() {
            f.write_str(".")?;
            f.write_str(&text(fraction))?;
        }
        Ok(())
    }
}

/// The decimal digits of `magnitude` × 10^`places`, rounded half to even to a whole
/// number (most significant first, no leading zeros, "0" for zero). `magnitude` is finite
/// and not negative.
fn scaled_digits(magnitude: f64, places: u8) -> Vec<u8> {
    let bits = magnitude.to_bits();
    let exponent_bits = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    // magnitude = mantissa × 2^exponent, exactly.
    let (mantissa, exponent) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent_bits - 1075)
    };
    let scale = 10u128.pow(u32::from(places));
    if exponent >= 0 {
        // A whole number: mantissa × 10^places, doubled `exponent` times, in decimal.
        let mut digits = decimal_digits(u128::from(mantissa) * scale);
        for _ in 0..exponent {
            double(&mut digits);
        }
        return digits;
    }
    let shift = exponent.unsigned_abs();
    // mantissa × 10^places < 2^53 × 2^20 = 2^73 (places ≤ MAX_PLACES), so a shift of 128
    // or more leaves less than a half: 0.
    let scaled = u128::from(mantissa) * scale;
    if shift >= 128 {
        return vec![b'0'];
    }
    let quotient = scaled >> shift;
    let remainder = scaled & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let round_up = remainder > half || (remainder == half && quotient % 2 == 1);
    decimal_digits(quotient + u128::from(round_up))
}

/// The decimal digits of `n`, most significant first.
fn decimal_digits(mut n: u128) -> Vec<u8> {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + u8::try_from(n % 10).unwrap_or(0));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    digits
}

/// Doubles the decimal number `digits` in place.
fn double(digits: &mut Vec<u8>) {
    let mut carry = 0;
    for digit in digits.iter_mut().rev() {
        let twice = (*digit - b'0') * 2 + carry;
        *digit = b'0' + twice % 10;
        carry = twice / 10;
    }
    if carry > 0 {
        digits.insert(0, b'0' + carry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any finite or infinite double, any sign, 0 to 6 decimals: the same text as std.
        #[test]
        fn writes_what_std_writes(bits in any::<u64>(), places in 0u8..=6) {
            let value = f64::from_bits(bits);
            let p = usize::from(places);
            prop_assert_eq!(fixed(value, places).to_string(), format!("{value:.p$}"));
            prop_assert_eq!(signed(value, places).to_string(), format!("{value:+.p$}"));
        }

        /// Numbers of everyday size, where ties and carries happen: 0.125, 9.995, -0.04.
        #[test]
        fn everyday_numbers_and_ties(thousandths in -10_000_000i64..10_000_000, places in 0u8..=3) {
            #[allow(clippy::cast_precision_loss)]
            let value = thousandths as f64 / 1000.0;
            let p = usize::from(places);
            prop_assert_eq!(fixed(value, places).to_string(), format!("{value:.p$}"));
            prop_assert_eq!(signed(value, places).to_string(), format!("{value:+.p$}"));
        }
    }

    #[test]
    fn examples_worked_out_by_hand() {
        assert_eq!(fixed(0.125, 2).to_string(), "0.12"); // a tie: to the even 2
        assert_eq!(fixed(0.375, 2).to_string(), "0.38"); // a tie: to the even 8
        assert_eq!(fixed(2.5, 0).to_string(), "2");
        assert_eq!(fixed(9.996, 2).to_string(), "10.00");
        assert_eq!(fixed(-0.04, 1).to_string(), "-0.0");
        assert_eq!(signed(0.0, 0).to_string(), "+0");
        assert_eq!(signed(-12.6, 0).to_string(), "-13");
        assert_eq!(fixed(1e22, 1).to_string(), "10000000000000000000000.0");
        assert_eq!(fixed(f64::NAN, 2).to_string(), "NaN");
        assert_eq!(signed(f64::INFINITY, 1).to_string(), "+inf");
    }
}
