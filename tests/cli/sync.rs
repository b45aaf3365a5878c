//! Two machines sharing one history through a bare git repository on the local disk, by way
//! of `partnerbook git`: saves commit, pushes and pulls carry reviews across, and a review both
//! machines changed ends up as two versions to resolve — plain, and encrypted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{Local, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::app::App;
use partnerbook::domain::content::Workbook;
use partnerbook::storage::keys::Keyring;
use partnerbook::storage::store::Store;

/// `partnerbook ARGS` on `dir`, as someone with a git identity, with `env` set.
fn pb(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
    command
        .args(args)
        .env("PARTNERBOOK_DATA_DIR", dir)
        .env("PARTNERBOOK_CONFIG", dir.with_extension("no-config.toml"))
        .env_remove("PARTNERBOOK_PASSPHRASE")
        .env_remove("PARTNERBOOK_PASSPHRASE_COMMAND")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env_remove("COLUMNS");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

/// Runs `partnerbook ARGS` and fails the test, showing stderr, unless it succeeds.
fn ok(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = pb(dir, args, env);
    assert!(
        out.status.success(),
        "partnerbook {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn day(days_ago: u64) -> NaiveDate {
    Local::now().date_naive() - chrono::Days::new(days_ago)
}

/// Answers question `question` on `date`'s review in the workbook and saves (which commits),
/// as a user would with the keys.
fn answer_and_save(store: Store, date: NaiveDate, question: usize, yes: bool) -> App {
    let clock = Box::new(|| Local::now().fixed_offset());
    let mut app = App::open_on(store, Local::now().date_naive(), date, clock).unwrap();
    app.selected.question = question;
    let key = if yes { 'y' } else { 'n' };
    app.handle_key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let status = app.status.clone().map(|s| s.text).unwrap_or_default();
    assert!(
        status.starts_with("Saved") && !status.contains("commits are off"),
        "{status}"
    );
    app
}

fn git_status(dir: &Path) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["status", "--porcelain"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A bare repository and two data dirs: A pushed its first review there, B cloned it.
fn two_machines(env: &[(&str, &str)], encrypt: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, a, b) = (
        tmp.path().join("remote.git"),
        tmp.path().join("a"),
        tmp.path().join("b"),
    );
    let made = Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&bare)
        .status()
        .unwrap();
    assert!(made.success());
    ok(&a, &["git", "init", "-q"], env);
    if encrypt {
        ok(&a, &["encrypt"], env);
    }
    answer_and_save(store_of(&a, encrypt), day(3), 0, true);
    assert_eq!(git_status(&a), "", "the work tree is clean after a save");
    ok(
        &a,
        &["git", "remote", "add", "origin", bare.to_str().unwrap()],
        env,
    );
    ok(&a, &["git", "push", "-q", "-u", "origin", "HEAD"], env);
    ok(
        &b,
        &["git", "clone", "-q", bare.to_str().unwrap(), "."],
        env,
    );
    (tmp, a, b)
}

fn store_of(dir: &Path, encrypt: bool) -> Store {
    if !encrypt {
        return Store::new(dir);
    }
    let pass = age::secrecy::SecretString::from("pw".to_string());
    let keys = Keyring::unlock(dir, &pass).unwrap();
    Store::new(dir).with_keys(std::sync::Arc::new(keys))
}

fn round_trip(encrypt: bool) {
    let env: &[(&str, &str)] = if encrypt {
        &[("PARTNERBOOK_PASSPHRASE", "pw")]
    } else {
        &[]
    };
    let (_tmp, a, b) = two_machines(env, encrypt);
    let date = day(3).to_string();
    // B lists what A saved.
    let listed = ok(&b, &["list"], env);
    assert!(listed.starts_with(&format!("{date}   1/10")), "{listed}");
    // An edit on B reaches A.
    answer_and_save(store_of(&b, encrypt), day(3), 1, true);
    ok(&b, &["git", "push", "-q"], env);
    ok(&a, &["git", "pull", "-q", "--no-rebase"], env);
    let listed = ok(&a, &["list"], env);
    assert!(listed.starts_with(&format!("{date}   2/10")), "{listed}");
    assert_eq!(git_status(&a), "");

    // Both change the same review: A pushes first, B's pull keeps both versions.
    answer_and_save(store_of(&a, encrypt), day(3), 2, true);
    ok(&a, &["git", "push", "-q"], env);
    answer_and_save(store_of(&b, encrypt), day(3), 2, false);
    let pulled = pb(&b, &["git", "pull", "-q", "--no-rebase"], env);
    let said = String::from_utf8_lossy(&pulled.stderr);
    assert!(pulled.status.success(), "{said}");
    assert!(said.contains("was changed on both machines"), "{said}");
    assert_eq!(git_status(&b), "", "the merge is concluded");
    let listed = ok(&b, &["list"], env);
    assert!(listed.contains("2 versions"), "{listed}");
    let checked = pb(&b, &["check"], env);
    assert!(!checked.status.success());
    assert!(String::from_utf8_lossy(&checked.stdout).contains("a conflict"));
    if encrypt {
        for entry in std::fs::read_dir(b.join("snapshots")).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(name.ends_with(".age"), "{name}");
        }
    }
    let _ = Workbook::embedded();
}

#[test]
fn two_machines_share_reviews_through_a_bare_repository_and_a_clash_keeps_both() {
    round_trip(false);
}

#[test]
fn the_same_round_trip_with_encryption_only_ever_shows_git_ciphertext() {
    round_trip(true);
}

#[test]
fn with_git_failing_a_save_still_succeeds_and_says_commits_are_off() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    ok(&dir, &["git", "init", "-q"], &[]);
    // A broken repository: the save must not depend on it.
    std::fs::write(dir.join(".git/HEAD"), "garbage").unwrap();
    let clock = Box::new(|| Local::now().fixed_offset());
    let mut app = App::open(Store::new(&dir), Local::now().date_naive(), clock).unwrap();
    app.handle_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let status = app.status.clone().unwrap().text;
    assert!(
        status.starts_with("Saved") && status.contains("commits are off: git"),
        "{status}"
    );
    assert!(
        Store::new(&dir)
            .load(Local::now().date_naive(), Workbook::embedded())
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_merge_stopped_by_plain_git_is_reported_by_check_and_settled_by_any_partnerbook_git() {
    let env: &[(&str, &str)] = &[("PARTNERBOOK_PASSPHRASE", "pw")];
    let (_tmp, a, b) = two_machines(env, true);
    answer_and_save(store_of(&a, true), day(3), 2, true);
    ok(&a, &["git", "push", "-q"], env);
    answer_and_save(store_of(&b, true), day(3), 2, false);
    // Plain git cannot merge two encrypted versions: it stops, leaving the file unmerged.
    let pulled = Command::new("git")
        .arg("-C")
        .arg(&b)
        .args(["pull", "-q", "--no-rebase"])
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .unwrap();
    assert!(!pulled.status.success());
    let checked = pb(&b, &["check"], env);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(!checked.status.success());
    assert!(
        said.contains("a git merge stopped on this review"),
        "{said}"
    );
    let settled = pb(&b, &["git", "status", "--short"], env);
    assert!(
        settled.status.success(),
        "{}",
        String::from_utf8_lossy(&settled.stderr)
    );
    assert_eq!(git_status(&b), "");
    assert!(ok(&b, &["list"], env).contains("2 versions"));
}
