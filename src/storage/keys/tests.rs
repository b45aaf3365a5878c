//! Creating, unlocking, rewrapping the identity, and sealing and opening bytes.

use super::*;

/// A work factor small enough for tests to run quickly.
const QUICK: u8 = 4;

fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_string())
}

#[test]
fn a_created_identity_unlocks_with_its_passphrase_and_opens_what_it_sealed() {
    let tmp = tempfile::tempdir().unwrap();
    let made = Keyring::create(tmp.path(), &secret("correct horse"), QUICK).unwrap();
    assert!(is_encrypted(tmp.path()));
    let sealed = made.seal(b"version = 1\n").unwrap();
    assert!(!sealed.windows(7).any(|w| w == b"version"));
    let unlocked = Keyring::unlock(tmp.path(), &secret("correct horse")).unwrap();
    assert_eq!(unlocked.open(&sealed).unwrap(), b"version = 1\n");
}

#[test]
fn a_wrong_passphrase_is_named_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    Keyring::create(tmp.path(), &secret("right"), QUICK).unwrap();
    let error = Keyring::unlock(tmp.path(), &secret("wrong")).unwrap_err();
    assert!(matches!(error, KeyError::WrongPassphrase(_)), "{error}");
    assert!(error.to_string().starts_with("wrong passphrase"), "{error}");
}

#[test]
fn rewrapping_changes_the_passphrase_but_not_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = Keyring::create(tmp.path(), &secret("old"), QUICK).unwrap();
    let sealed = keys.seal(b"kept").unwrap();
    keys.wrap(tmp.path(), &secret("new"), QUICK).unwrap();
    assert!(Keyring::unlock(tmp.path(), &secret("old")).is_err());
    let again = Keyring::unlock(tmp.path(), &secret("new")).unwrap();
    assert_eq!(again.open(&sealed).unwrap(), b"kept");
}

#[test]
fn every_listed_recipient_can_open_a_sealed_file_and_the_users_lines_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let backup = x25519::Identity::generate();
    let listed = format!("# my backup key\n{}\n", backup.to_public());
    std::fs::write(tmp.path().join(RECIPIENTS_FILE), &listed).unwrap();
    let keys = Keyring::create(tmp.path(), &secret("pw"), QUICK).unwrap();
    assert_eq!(keys.recipient_count(), 2);
    let file = std::fs::read_to_string(tmp.path().join(RECIPIENTS_FILE)).unwrap();
    assert!(file.contains("# my backup key") && file.contains(&backup.to_public().to_string()));
    let sealed = keys.seal(b"for both").unwrap();
    assert_eq!(age::decrypt(&backup, &sealed).unwrap(), b"for both");
}

#[test]
fn a_recipients_line_that_is_not_a_key_is_reported_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    Keyring::create(tmp.path(), &secret("pw"), QUICK).unwrap();
    let path = tmp.path().join(RECIPIENTS_FILE);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("not-a-key\n");
    std::fs::write(&path, text).unwrap();
    let error = Keyring::unlock(tmp.path(), &secret("pw")).unwrap_err();
    assert!(
        error.to_string().contains("line 3: not an age public key"),
        "{error}"
    );
}

#[test]
fn damaged_or_foreign_files_do_not_open_and_say_why() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = Keyring::create(tmp.path(), &secret("pw"), QUICK).unwrap();
    let not_age = keys.open(b"version = 1\n").unwrap_err();
    assert!(not_age.to_string().contains("not an age file"), "{not_age}");
    let stranger = x25519::Identity::generate().to_public();
    let foreign = age::encrypt(&stranger, b"x").unwrap();
    let error = keys.open(&foreign).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not encrypted to this data dir's key"),
        "{error}"
    );
    let mut cut = keys.seal(&[b'a'; 200_000]).unwrap();
    cut.truncate(cut.len() / 2);
    assert!(keys.open(&cut).is_err());
}

#[test]
fn an_identity_file_that_is_not_wrapped_by_a_passphrase_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(IDENTITY_FILE), "hello").unwrap();
    let error = Keyring::unlock(tmp.path(), &secret("pw")).unwrap_err();
    assert!(matches!(error, KeyError::Bad { .. }), "{error}");
}
