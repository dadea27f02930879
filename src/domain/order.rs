//! Putting lists in order. The standard library's stable sort is fast, but each call with
//! its own comparison puts several kilobytes of code into the download (about 130 copies
//! of its parts once made 59 KB of the second part). Here the merging is written once, on
//! positions, and each call adds only a small wrapper. Stable, O(n log n) at worst, and
//! one pass for a list in order or in the opposite order, as std's is.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, keeping equal items in the order they had (as
/// `slice::sort_by` does).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    put_in_order(items, order);
}

/// Sorts `items` by the key `key` gives, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The set of `items`. Collecting into a `BTreeSet` sorts the items first, with a copy of
/// std's sort for each item type; inserting them one by one needs none.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The map of `entries`, a later entry replacing an earlier one of the same key (as
/// collecting does), without collecting's sort.
pub fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

/// The positions `0..len` in sorted order: a natural merge sort, stable because a tie
/// takes from the left run first. The runs already in order (or strictly reversed, turned
/// round) are found first, so a list in order, or in the opposite order, costs one pass:
/// the runs are stored newest first and the reminders read them oldest first. Not
/// generic, so the download holds it once.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let before = |order: &[usize], at: usize| compare(order[at], order[at - 1]).is_lt();
    // Where each run starts, and `len` last.
    let mut bounds = vec![0];
    let mut start = 0;
    while start < len {
        let mut end = start + 1;
        if end < len && before(&order, end) {
            while end < len && before(&order, end) {
                end += 1;
            }
            order[start..end].reverse();
        } else {
            while end < len && !before(&order, end) {
                end += 1;
            }
        }
        bounds.push(end);
        start = end;
    }
    let mut merged = vec![0; len];
    while bounds.len() > 2 {
        let mut next = vec![0];
        let mut at = 0;
        while at + 1 < bounds.len() {
            let (start, middle) = (bounds[at], bounds[at + 1]);
            let end = bounds.get(at + 2).copied().unwrap_or(middle);
            merge(&order, start, middle, end, &mut merged, compare);
            next.push(end);
            at += 2;
        }
        std::mem::swap(&mut order, &mut merged);
        bounds = next;
    }
    order
}

/// Merges the runs `order[start..middle]` and `order[middle..end]` into `merged[start..end]`.
fn merge(
    order: &[usize],
    start: usize,
    middle: usize,
    end: usize,
    merged: &mut [usize],
    compare: &dyn Fn(usize, usize) -> Ordering,
) {
    let (mut left, mut right) = (start, middle);
    for slot in &mut merged[start..end] {
        let from_right =
            left == middle || (right < end && compare(order[right], order[left]).is_lt());
        if from_right {
            *slot = order[right];
            right += 1;
        } else {
            *slot = order[left];
            left += 1;
        }
    }
}

/// Moves the item at `order[k]` to position `k`, following each cycle of the permutation
/// with swaps.
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for first in 0..order.len() {
        let mut at = first;
        while order[at] != first && order[at] != at {
            let next = order[at];
            items.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included: each item
        /// carries its first position, which only the comparison of keys ignores.
        #[test]
        fn sorts_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_by_key_descending(keys in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut ours: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            sort_by_key(&mut ours, |s| std::cmp::Reverse(s.parse::<i32>().unwrap_or(0)));
            let mut theirs: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            theirs.sort_by_key(|s| std::cmp::Reverse(s.parse::<i32>().unwrap_or(0)));
            prop_assert_eq!(ours, theirs);
        }
    }

    proptest! {
        #[test]
        fn sets_and_maps_hold_what_collecting_gives(entries in proptest::collection::vec((0u8..20, any::<u16>()), 0..60)) {
            prop_assert_eq!(map_of(entries.clone()), entries.iter().copied().collect::<BTreeMap<_, _>>());
            prop_assert_eq!(set_of(entries.clone()), entries.into_iter().collect::<BTreeSet<_>>());
        }
    }

    /// A list already in order, or in the opposite order, costs one pass: the full
    /// recompute sorts every run, so a sort of n log n would make it grow faster than the
    /// history.
    #[test]
    fn a_list_in_order_or_reversed_takes_one_pass() {
        for reversed in [false, true] {
            let mut items: Vec<u32> = (0..20_000).collect();
            if reversed {
                items.reverse();
            }
            let comparisons = std::cell::Cell::new(0);
            sort_by(&mut items, |a, b| {
                comparisons.set(comparisons.get() + 1);
                a.cmp(b)
            });
            assert_eq!(items, (0..20_000).collect::<Vec<_>>());
            assert!(
                comparisons.get() <= 20_000,
                "{reversed}: {}",
                comparisons.get()
            );
        }
    }

    #[test]
    fn a_reversed_list_of_a_thousand_comes_back_in_order() {
        let mut items: Vec<u32> = (0..1000).rev().collect();
        sort_by(&mut items, Ord::cmp);
        assert_eq!(items, (0..1000).collect::<Vec<_>>());
    }
}
