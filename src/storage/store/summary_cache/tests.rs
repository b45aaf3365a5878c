//! The encrypted counts cache: used while a file is unchanged, bypassed once it changes,
//! rebuilt when unreadable, and never plain text.

use chrono::NaiveDate;

use super::*;
use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::storage::fixtures;

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 3, n).unwrap()
}

/// An encrypted store with reviews of 1–3 March, scoring 1, 2 and 3.
fn encrypted() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = fixtures::encrypt_quickly(&Store::new(tmp.path()), "pw").unwrap();
    for n in 1..=3 {
        let mut review = Review::new(day(n), Workbook::embedded());
        for answer in review.answers.iter_mut().take(n as usize) {
            *answer = Some(true);
        }
        store.save(&review, Workbook::embedded()).unwrap();
    }
    (tmp, store)
}

fn scores(store: &Store) -> Vec<usize> {
    store
        .list_summaries(Workbook::embedded())
        .unwrap()
        .into_iter()
        .map(|row| row.summary.unwrap().score)
        .collect()
}

#[test]
fn counts_come_from_the_cache_while_a_file_is_unchanged_and_from_the_file_once_it_changes() {
    let (tmp, store) = encrypted();
    assert_eq!(scores(&store), [3, 2, 1]);
    assert!(tmp.path().join(CACHE_FILE).exists());
    // Make the cache say 9 for 1 March: while the file is unchanged, that is what is listed.
    let name = name_of(&store.path_for(day(1)));
    let cache = SummaryCache::load(&store).unwrap();
    let mut entry = cache.entries[&name].clone();
    entry.score = 9;
    cache.fresh.lock().unwrap().push((name, entry));
    cache.save(&store);
    assert_eq!(scores(&store), [3, 2, 9], "served from the cache");
    // A real change (another size or time) is read again.
    let mut review = Review::new(day(1), Workbook::embedded());
    review.answers = vec![Some(true); review.answers.len()];
    store.save(&review, Workbook::embedded()).unwrap();
    assert_eq!(scores(&store), [3, 2, 10]);
}

#[test]
fn the_cache_is_encrypted_and_an_unreadable_one_is_rebuilt() {
    let (tmp, store) = encrypted();
    scores(&store);
    let cache = tmp.path().join(CACHE_FILE);
    let bytes = fs::read(&cache).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(!bytes.windows(5).any(|w| w == b"score"));
    fs::write(&cache, b"garbage").unwrap();
    assert_eq!(scores(&store), [3, 2, 1]);
    assert!(
        fs::read(&cache)
            .unwrap()
            .starts_with(b"age-encryption.org/v1")
    );
}

#[test]
fn a_plain_store_keeps_no_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store
        .save(
            &Review::new(day(1), Workbook::embedded()),
            Workbook::embedded(),
        )
        .unwrap();
    scores(&store);
    assert!(!tmp.path().join(CACHE_FILE).exists());
}
