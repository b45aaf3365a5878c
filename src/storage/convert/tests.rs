//! Encrypting and decrypting a data dir file by file, interrupted runs finished, differing
//! versions kept apart.

use std::sync::Arc;

use age::secrecy::SecretString;
use chrono::{FixedOffset, TimeZone as _};

use super::*;
use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::storage::keys::Keyring;

fn now() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2030, 1, 2, 3, 4, 5)
        .unwrap()
}

fn day(n: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2030, 1, n).unwrap()
}

/// A plain store holding reviews of 1–3 Jan with distinct words, and a draft.
fn plain_dir() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    let workbook = Workbook::embedded();
    for n in 1..=3 {
        let mut review = Review::new(day(n), Workbook::embedded());
        review.next_steps[0][0] = format!("secret-word-{n}");
        store.save(&review, workbook).unwrap();
    }
    store.write_draft("version = 1\n# draft-word\n").unwrap();
    (tmp, store)
}

/// Writes `review` as plain text, as a sync tool or a restored backup would.
fn write_plain(store: &Store, review: &Review) {
    let text = crate::domain::snapshot::to_toml(review, Workbook::embedded());
    fs::write(
        Store::new(store.dir())
            .snapshots_dir()
            .join(format!("{}.toml", review.date)),
        text,
    )
    .unwrap();
}

fn keyed(store: &Store) -> (Store, Arc<Keyring>) {
    let pass = SecretString::from("pw".to_string());
    let keys = Arc::new(Keyring::create(store.dir(), &pass, 4).unwrap());
    (store.clone().with_keys(Arc::clone(&keys)), keys)
}

/// Every file under `dir`, with whether its bytes hold `word`.
fn files_holding(dir: &Path, word: &str) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            hits.extend(files_holding(&path, word));
        } else if fs::read(&path)
            .unwrap()
            .windows(word.len())
            .any(|w| w == word.as_bytes())
        {
            hits.push(path);
        }
    }
    hits
}

#[test]
fn sealing_leaves_no_plain_word_and_opening_brings_every_review_back() {
    let (tmp, store) = plain_dir();
    let (sealed, keys) = keyed(&store);
    let done = seal_all(&sealed, &keys, now()).unwrap();
    assert_eq!(done.files, 4, "{done:?}");
    assert!(files_holding(tmp.path(), "secret-word").is_empty());
    assert!(files_holding(tmp.path(), "draft-word").is_empty());
    let workbook = Workbook::embedded();
    let review = sealed.load(day(2), workbook).unwrap().unwrap();
    assert_eq!(review.next_steps[0][0], "secret-word-2");
    assert!(sealed.path_for(day(2)).ends_with("2030-01-02.toml.age"));

    let done = open_all(&sealed, &keys, now()).unwrap();
    assert_eq!(done.files, 4);
    retire_keys(&sealed, &keys, now()).unwrap();
    let plain = Store::new(tmp.path());
    assert!(!plain.is_encrypted());
    assert_eq!(plain.dates().unwrap(), [day(3), day(2), day(1)]);
    assert_eq!(files_holding(tmp.path(), "secret-word").len(), 3);
    assert!(!tmp.path().join(keys::RECIPIENTS_FILE).exists());
}

#[test]
fn an_interrupted_run_leaves_both_forms_and_a_second_run_finishes() {
    let (tmp, store) = plain_dir();
    let (sealed, keys) = keyed(&store);
    // As if killed after writing one encrypted file but before removing the plain one.
    let plain_path = store.path_for(day(1));
    let bytes = fs::read(&plain_path).unwrap();
    sealed
        .write_file(&twin_of(&plain_path), &keys.seal(&bytes).unwrap())
        .unwrap();
    assert_eq!(sealed.dates().unwrap().len(), 3, "one review, two forms");
    let done = seal_all(&sealed, &keys, now()).unwrap();
    assert_eq!((done.files, done.finished), (3, 1), "{done:?}");
    assert!(done.kept_apart.is_empty());
    assert!(files_holding(tmp.path(), "secret-word").is_empty());
}

#[test]
fn a_plain_file_differing_from_its_encrypted_twin_is_kept_as_a_conflict_copy() {
    let (tmp, store) = plain_dir();
    let (sealed, keys) = keyed(&store);
    seal_all(&sealed, &keys, now()).unwrap();
    // An old backup of 1 Jan restored as plain text beside its encrypted review.
    let workbook = Workbook::embedded();
    let mut old = Review::new(day(1), Workbook::embedded());
    old.next_steps[0][0] = "restored-word".into();
    write_plain(&store, &old);
    assert_eq!(sealed.versions().get(&day(1)), Some(&2));
    let done = seal_all(&sealed, &keys, now()).unwrap();
    assert_eq!(done.kept_apart.len(), 1, "{done:?}");
    assert!(files_holding(tmp.path(), "restored-word").is_empty());
    let copies = sealed.conflict_copies().unwrap();
    assert_eq!(copies.len(), 1);
    let copy = sealed.read_plain(&copies[0].1).unwrap().unwrap();
    assert!(String::from_utf8(copy).unwrap().contains("restored-word"));
    let kept = sealed.load(day(1), workbook).unwrap().unwrap();
    assert_eq!(kept.next_steps[0][0], "secret-word-1");
}

#[test]
fn a_file_that_does_not_decrypt_stops_decrypting_with_its_reason() {
    let (_tmp, store) = plain_dir();
    let (sealed, keys) = keyed(&store);
    seal_all(&sealed, &keys, now()).unwrap();
    fs::write(sealed.path_for(day(2)), b"garbage").unwrap();
    let error = open_all(&sealed, &keys, now()).unwrap_err();
    assert!(error.to_string().contains("2030-01-02.toml.age"), "{error}");
    assert!(sealed.path_for(day(2)).exists(), "left as it was");
}

#[test]
fn a_plain_review_in_an_encrypted_dir_is_read_and_encrypted_when_next_saved() {
    let (_tmp, store) = plain_dir();
    let (sealed, keys) = keyed(&store);
    seal_all(&sealed, &keys, now()).unwrap();
    let workbook = Workbook::embedded();
    let mut arrived = Review::new(day(5), Workbook::embedded());
    arrived.next_steps[1][0] = "synced".into();
    write_plain(&store, &arrived);
    let read = sealed.load(day(5), workbook).unwrap().unwrap();
    assert_eq!(read.next_steps[1][0], "synced");
    sealed.save(&read, workbook).unwrap();
    assert!(!store.path_for(day(5)).exists(), "the plain file is gone");
    assert!(sealed.path_for(day(5)).exists());
}

#[test]
fn a_locked_encrypted_dir_refuses_to_write_plain_text() {
    let (_tmp, store) = plain_dir();
    keyed(&store);
    let locked = Store::new(store.dir());
    let error = locked.write_draft("x").unwrap_err();
    assert!(error.to_string().contains("not unlocked"), "{error}");
    let error = locked
        .save(
            &Review::new(day(9), Workbook::embedded()),
            Workbook::embedded(),
        )
        .unwrap_err();
    assert!(error.to_string().contains("not unlocked"), "{error}");
}
