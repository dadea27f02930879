//! How much of the browser's storage Restride uses, and when to warn about it.
//!
//! Browsers do not say how full `localStorage` is, so the store counts the keys and values
//! of Restride's own entries and this module compares them with an assumed quota.
//!
//! Convention: each key and each value counts as the strictest engine counts it. Safari
//! (WebKit) counts a string 1 byte per character when all its characters are Latin-1
//! (U+0000–U+00FF) and 2 bytes per UTF-16 unit otherwise, against 5 MiB; Chromium counts
//! UTF-16 units against 5 MiB of them (measured: 5,242,880 characters, whichever they
//! are), as does Firefox. The quota is taken as 5,000,000, under all three, so the warning
//! comes early rather than after a save has failed. Megabytes here are 10⁶ bytes.

use crate::domain::text::decimal::fixed;

/// The quota assumed for one site's `localStorage`.
pub const QUOTA_BYTES: u64 = 5_000_000;

/// The share of the quota at which the Settings page warns.
pub const WARN_AT_PERCENT: u32 = 80;

/// Bytes counted for a key or value once stored: its UTF-16 length (the JavaScript
/// length), twice when any character is beyond Latin-1.
pub fn bytes_for_text(text: &str) -> u64 {
    let units = text.encode_utf16().count() as u64;
    if text.chars().all(|c| u32::from(c) <= 0xFF) {
        units
    } else {
        units.saturating_mul(2)
    }
}

/// Stored bytes against the assumed quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    pub used_bytes: u64,
    pub quota_bytes: u64,
}

impl StorageUse {
    pub fn of(used_bytes: u64) -> StorageUse {
        StorageUse {
            used_bytes,
            quota_bytes: QUOTA_BYTES,
        }
    }

    /// Whole percent of the quota used, rounded down (so 79.9 % never reads as 80 %).
    pub fn percent(&self) -> u32 {
        if self.quota_bytes == 0 {
            return 100;
        }
        u32::try_from(self.used_bytes.saturating_mul(100) / self.quota_bytes).unwrap_or(u32::MAX)
    }

    pub fn should_warn(&self) -> bool {
        self.percent() >= WARN_AT_PERCENT
    }

    /// "Storage: 1.2 MB of about 5 MB used on this device".
    pub fn summary(&self) -> String {
        format!(
            "Storage: {} of about {} used on this device",
            format_bytes(self.used_bytes),
            format_bytes(self.quota_bytes)
        )
    }

    /// The warning shown from `WARN_AT_PERCENT` on; `None` below it.
    pub fn warning(&self) -> Option<String> {
        const ADVICE: &str = "When it is full, new runs and changes can't be saved on this device. Deleting old runs in History frees space.";
        let quota = format_bytes(self.quota_bytes);
        match self.percent() {
            p if p < WARN_AT_PERCENT => None,
            p if p < 100 => Some(format!(
                "Storage is nearly full: {p} % of about {quota} used. {ADVICE}"
            )),
            // This browser allows more than assumed, but it may be close to its own limit.
            _ => Some(format!(
                "Storage is at or over the usual limit of about {quota}. {ADVICE}"
            )),
        }
    }
}

/// "5 MB", "1.2 MB", "34 kB", "under 1 kB" (1 MB = 1,000,000 bytes).
pub fn format_bytes(bytes: u64) -> String {
    const KB: u64 = 1_000;
    const MB: u64 = 1_000_000;
    if bytes == 0 {
        "0 kB".into()
    } else if bytes < KB {
        "under 1 kB".into()
    } else if bytes < MB {
        // Rounded to whole kB, but never shown as "1000 kB".
        format!("{} kB", ((bytes + KB / 2) / KB).min(999))
    } else if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} MB", fixed(bytes as f64 / MB as f64, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_text_counts_one_byte_per_character_and_other_text_two_per_utf16_unit() {
        assert_eq!(bytes_for_text(""), 0);
        assert_eq!(bytes_for_text("restride.data"), 13);
        // "é" and "ÿ" are Latin-1; "€" and "—" are not, and make the whole text count double;
        // "🏃" is two UTF-16 units.
        assert_eq!(bytes_for_text("Café au lait, ÿ"), 15);
        assert_eq!(bytes_for_text("10 €"), 8);
        assert_eq!(bytes_for_text("Easy run — calves tight"), 46);
        assert_eq!(bytes_for_text("🏃"), 4);
    }

    #[test]
    fn percent_rounds_down_and_warns_from_80() {
        assert_eq!(StorageUse::of(0).percent(), 0);
        assert_eq!(StorageUse::of(1_200_000).percent(), 24);
        assert!(!StorageUse::of(1_200_000).should_warn());
        // 79.99 % is not yet 80 %.
        assert_eq!(StorageUse::of(3_999_999).percent(), 79);
        assert!(!StorageUse::of(3_999_999).should_warn());
        assert_eq!(StorageUse::of(4_000_000).percent(), 80);
        assert!(StorageUse::of(4_000_000).should_warn());
        assert_eq!(StorageUse::of(6_000_000).percent(), 120);
        assert!(StorageUse::of(6_000_000).should_warn());
        let no_quota = StorageUse {
            used_bytes: 1,
            quota_bytes: 0,
        };
        assert_eq!(no_quota.percent(), 100);
    }

    #[test]
    fn summary_reads_as_the_settings_page_shows_it() {
        assert_eq!(
            StorageUse::of(1_234_567).summary(),
            "Storage: 1.2 MB of about 5 MB used on this device"
        );
        assert_eq!(
            StorageUse::of(0).summary(),
            "Storage: 0 kB of about 5 MB used on this device"
        );
    }

    #[test]
    fn bytes_read_in_the_nearest_unit() {
        assert_eq!(format_bytes(0), "0 kB");
        assert_eq!(format_bytes(140), "under 1 kB");
        assert_eq!(format_bytes(1_000), "1 kB");
        assert_eq!(format_bytes(34_400), "34 kB");
        assert_eq!(format_bytes(999_700), "999 kB");
        assert_eq!(format_bytes(1_000_000), "1 MB");
        assert_eq!(format_bytes(1_420_000), "1.4 MB");
        assert_eq!(format_bytes(5_000_000), "5 MB");
    }

    #[test]
    fn the_warning_appears_only_from_the_threshold() {
        assert_eq!(StorageUse::of(3_999_999).warning(), None);
        let warning = StorageUse::of(4_200_000).warning().unwrap();
        assert!(warning.starts_with("Storage is nearly full: 84 % of about 5 MB used."));
        let almost = StorageUse::of(4_999_999).warning().unwrap();
        assert!(almost.contains("99 % of about 5 MB used"), "{almost}");
        // Over the assumed quota this browser evidently allows more; no "112 %".
        for used in [5_000_000, 5_600_000] {
            let over = StorageUse::of(used).warning().unwrap();
            assert!(
                over.starts_with("Storage is at or over the usual limit of about 5 MB."),
                "{over}"
            );
        }
    }
}
