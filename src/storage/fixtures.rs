//! Generated reviews for tests and benchmarks: any number of dated snapshots with varied
//! answers, skills, ratings, Next steps and follow-ups, the same every time for the same input.

use chrono::{Days, NaiveDate};

use crate::domain::content::Workbook;
use crate::domain::review::{FollowUp, Progress, Review};
use crate::storage::store::{Store, StoreError};

/// Plans and notes the generated reviews draw their text from.
const NOTES: [&str; 8] = [
    "Send the weekly plan before Monday's one-on-one",
    "Ask which of two urgent tasks comes first",
    "Say what a yes would push back",
    "Share bad news early, with a proposal",
    "Book a monthly conversation about growth",
    "Draft the decision before asking for one",
    "Keep the shared calendar honest — 会議の準備",
    "Thank the team in the staff meeting 🙂",
];

/// A small deterministic mixer, so review `n` always looks the same.
fn mix(n: u64, salt: u64) -> u64 {
    let mut x = n
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xBF58_476D_1CE4_E5B9));
    x ^= x >> 31;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 29)
}

/// Review number `n` of a generated history, dated `date`: answers, ticks, ratings and
/// items vary with `n`; about one question in ten is left unanswered.
pub fn sample_review(workbook: &Workbook, date: NaiveDate, n: u64) -> Review {
    let mut review = Review::new(date, workbook);
    let openness = mix(n, 1) % 11;
    for question in 0..review.answers.len() {
        let roll = mix(n, 100 + question as u64) % 10;
        let answer = match roll {
            0 => None,
            r => Some(r <= openness.max(1)),
        };
        review.set_answer(question, answer);
    }
    for skill in 0..review.skills.len() {
        let roll = mix(n, 200 + skill as u64);
        if roll.is_multiple_of(2) {
            review.toggle_practised(skill);
        }
        let rating = (roll >> 8) % 6;
        review.set_rating(skill, (rating > 0).then_some(rating as u8));
    }
    let slots = review.item_slots();
    for item in 0..slots {
        let roll = mix(n, 300 + item as u64);
        if !roll.is_multiple_of(3) {
            review.set_item(item, NOTES[(roll >> 4) as usize % NOTES.len()].to_string());
        }
    }
    review
}

/// Writes `count` generated reviews into `store`, the newest dated `newest` and each one
/// `every` days before the next; from the second one on, each follows up the one before.
/// Returns the dates written, newest first.
pub fn write_history(
    store: &Store,
    workbook: &Workbook,
    count: usize,
    newest: NaiveDate,
    every: u64,
) -> Result<Vec<NaiveDate>, StoreError> {
    let dates: Vec<NaiveDate> = (0..count as u64)
        .filter_map(|i| newest.checked_sub_days(Days::new(i * every)))
        .collect();
    let mut earlier: Option<Review> = None;
    for (n, date) in dates.iter().rev().enumerate() {
        let mut review = sample_review(workbook, *date, n as u64);
        if let Some(previous) = &earlier {
            review.follow_up = FollowUp::seeded_from(previous, 1);
            if let Some(follow_up) = &mut review.follow_up {
                for (i, item) in follow_up.items.iter_mut().enumerate() {
                    item.status = Progress::ALL.get((n + i) % 4).copied();
                }
            }
        }
        store.save(&review, workbook)?;
        earlier = Some(review);
    }
    Ok(dates)
}

/// Turns encryption on in `store`'s data dir with `passphrase` — wrapped at a tiny scrypt work
/// factor, so tests unlock it in milliseconds — encrypts what is there, and returns the store
/// unlocked. The binary unlocks such a dir like any other: age reads the factor from the file.
pub fn encrypt_quickly(store: &Store, passphrase: &str) -> Result<Store, StoreError> {
    use std::sync::Arc;
    let secret = age::secrecy::SecretString::from(passphrase.to_string());
    crate::storage::store::create_private_dir(store.dir())?;
    let keys = crate::storage::keys::Keyring::create(store.dir(), &secret, 4).map_err(|e| {
        StoreError::Io {
            verb: "write",
            path: store.dir().to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        }
    })?;
    let keys = Arc::new(keys);
    let sealed = store.clone().with_keys(Arc::clone(&keys));
    let now = chrono::DateTime::UNIX_EPOCH.fixed_offset();
    crate::storage::convert::seal_all(&sealed, &keys, now)?;
    Ok(sealed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::ITEMS_PER_LIST;

    #[test]
    fn generated_reviews_vary_and_repeat() {
        let wb = Workbook::embedded();
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let scores: Vec<usize> = (0..40)
            .map(|n| sample_review(wb, date, n).score())
            .collect();
        assert!(scores.iter().any(|s| *s >= 8) && scores.iter().any(|s| *s <= 4));
        assert_eq!(sample_review(wb, date, 7), sample_review(wb, date, 7));
        assert!(sample_review(wb, date, 3).items_written() <= 3 * ITEMS_PER_LIST);
    }

    #[test]
    fn a_written_history_reads_back_with_follow_ups() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::new(tmp.path());
        let wb = Workbook::embedded();
        let newest = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let dates = write_history(&store, wb, 5, newest, 91).expect("written");
        assert_eq!(store.dates().expect("dates"), dates);
        let listed = store.list(wb).expect("list");
        assert!(listed.iter().all(|l| l.review.is_ok()));
        let oldest = listed.last().and_then(|l| l.review.as_ref().ok());
        assert!(oldest.is_some_and(|r| r.follow_up.is_none()));
    }
}
