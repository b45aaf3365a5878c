//! Encryption at rest through the real binary: `encrypt`, `decrypt` and `passphrase`; the
//! other commands on an encrypted data dir with the passphrase from the environment, from a
//! command, wrong, or from nowhere; plain and undecryptable files in an encrypted dir; the
//! workbook's lock; and `kill -9` in the middle of encrypting a thousand reviews.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use age::secrecy::SecretString;
use chrono::{Days, Local, NaiveDate};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::snapshot;
use partnerbook::report::plain;
use partnerbook::storage::fixtures;
use partnerbook::storage::keys::Keyring;
use partnerbook::storage::lock::{self, LockOutcome};
use partnerbook::storage::store::{Store, conflict_copy_date, is_temp_name_of};

use super::run::{command, partnerbook, partnerbook_with, stderr, stdout};

/// A word no generated review holds, written into Next steps items and the draft.
const WORD: &str = "Quetzalcoatlus";

/// The notice `list` gives a plain review in an encrypted data dir.
const PLAIN_NOTICE: &str = "  · plain text: encrypted when next saved, or by `partnerbook encrypt`";

/// The notice `list` gives a review with a second version beside it.
const TWO_VERSIONS: &str = "  · 2 versions: run `partnerbook check`";

/// How long any one command may take before the test calls it hung.
const HUNG: Duration = Duration::from_secs(30);

fn pass(passphrase: &str) -> [(&str, &str); 1] {
    [("PARTNERBOOK_PASSPHRASE", passphrase)]
}

/// The date `n` days before today.
fn days_ago(n: u64) -> NaiveDate {
    Local::now()
        .date_naive()
        .checked_sub_days(Days::new(n))
        .expect("a date")
}

fn ymd(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Writes `count` generated reviews into the plain data dir `dir`, the newest yesterday and
/// one every `every` days before it, without syncing each file (they are test input).
fn plain_history(dir: &Path, count: usize, every: u64) -> Vec<NaiveDate> {
    let store = Store::new(dir).with_writer(|path, bytes| fs::write(path, bytes));
    fixtures::write_history(&store, Workbook::embedded(), count, days_ago(1), every)
        .expect("history written")
}

/// A data dir of three reviews (yesterday, 92 and 183 days ago) encrypted with `passphrase`
/// at a tiny work factor, so the binary unlocks it in milliseconds; the dates, newest first.
fn encrypted_dir(dir: &Path, passphrase: &str) -> Vec<NaiveDate> {
    let dates = plain_history(dir, 3, 91);
    fixtures::encrypt_quickly(&Store::new(dir), passphrase).expect("encrypted");
    dates
}

/// The keys of the encrypted data dir `dir`, unlocked here in the test.
fn keys(dir: &Path, passphrase: &str) -> Keyring {
    Keyring::unlock(dir, &SecretString::from(passphrase.to_string())).expect("unlocks")
}

/// Makes `dir/.lock` exist, as any command that converts makes it, so a listing taken before
/// such a command can be compared with one taken after it.
fn make_lock_file(dir: &Path) {
    let lock = lock::acquire(dir);
    assert!(matches!(lock, LockOutcome::Acquired(_)), "{lock:?}");
}

/// The only line on stderr, which must end with a line break.
fn one_line(out: &Output) -> String {
    let text = stderr(out);
    assert!(
        text.ends_with('\n') && text.lines().count() == 1,
        "not one line on stderr: {text:?} (stdout {:?})",
        stdout(out)
    );
    text.trim_end().to_string()
}

/// Asserts that `out` failed with exit status 1, printing nothing on stdout and one line on
/// stderr, and returns that line.
fn failed_with_one_line(out: &Output) -> String {
    let line = one_line(out);
    assert_eq!(out.status.code(), Some(1), "{line}");
    assert_eq!(stdout(out), "", "{line}");
    line
}

/// Asserts success and returns stdout.
fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}: {}",
        out.status,
        stderr(out).trim_end()
    );
    stdout(out)
}

/// Runs `command` with stdout and stderr captured, failing the test if it has not finished
/// within `limit` (it would be waiting for input that never comes).
fn run_within(mut command: Command, limit: Duration) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let deadline = Instant::now() + limit;
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "still running after {limit:?}; stderr so far: {:?}",
                stderr(&out)
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().expect("output")
}

/// One file or folder under a data dir as a listing records it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// A file's bytes; `None` for a folder.
    bytes: Option<Vec<u8>>,
    modified: SystemTime,
    mode: u32,
}

/// Every file and folder under `dir` (by path relative to it): contents, mtime and mode.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Entry> {
    use std::os::unix::fs::PermissionsExt as _;
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<PathBuf, Entry>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            let meta = fs::symlink_metadata(&path).expect("metadata");
            let bytes = if meta.is_dir() {
                walk(root, &path, found);
                None
            } else {
                Some(fs::read(&path).expect("read"))
            };
            let relative = path.strip_prefix(root).expect("under root").to_path_buf();
            let entry = Entry {
                bytes,
                modified: meta.modified().expect("mtime"),
                mode: meta.permissions().mode(),
            };
            found.insert(relative, entry);
        }
    }
    let mut found = BTreeMap::new();
    let meta = fs::metadata(dir).expect("data dir");
    found.insert(
        PathBuf::from("."),
        Entry {
            bytes: None,
            modified: meta.modified().expect("mtime"),
            mode: meta.permissions().mode(),
        },
    );
    walk(dir, dir, &mut found);
    found
}

/// What differs between two listings: names added, removed or changed.
fn changes(before: &BTreeMap<PathBuf, Entry>, after: &BTreeMap<PathBuf, Entry>) -> Vec<String> {
    let mut changed = Vec::new();
    for (path, entry) in before {
        match after.get(path) {
            None => changed.push(format!("removed {}", path.display())),
            Some(now) if now != entry => changed.push(format!("changed {}", path.display())),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|path| !before.contains_key(*path)) {
        changed.push(format!("added {}", path.display()));
    }
    changed
}

/// The names in `dir/snapshots`, sorted.
fn snapshot_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("snapshots"))
        .expect("snapshots")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The bytes of every file in `dir/snapshots`, by name.
fn snapshot_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot_names(dir)
        .into_iter()
        .map(|name| {
            let bytes = fs::read(dir.join("snapshots").join(&name)).expect("read");
            (name, bytes)
        })
        .collect()
}

/// Every file under `dir` whose bytes hold `word`.
fn files_holding(dir: &Path, word: &str) -> Vec<PathBuf> {
    tree(dir)
        .into_iter()
        .filter(|(_, entry)| {
            entry
                .bytes
                .as_ref()
                .is_some_and(|bytes| bytes.windows(word.len()).any(|w| w == word.as_bytes()))
        })
        .map(|(path, _)| path)
        .collect()
}

/// `list` with `env`, which must succeed.
fn list(dir: &Path, env: &[(&str, &str)]) -> String {
    ok(&partnerbook_with(dir, &["list"], env))
}

#[test]
fn encrypt_then_decrypt_keeps_every_review_and_leaves_no_plain_word_on_disk() {
    let wb = Workbook::embedded();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let store = Store::new(&dir);
    let dates = fixtures::write_history(&store, wb, 4, days_ago(2), 91).expect("history");
    for (date, item) in [(dates[0], 0), (dates[3], 4)] {
        let mut review = store.load(date, wb).expect("load").expect("review");
        review.set_item(item, format!("Show the {WORD} plan to the team"));
        store.save(&review, wb).expect("save");
    }
    let mut draft = fixtures::sample_review(wb, days_ago(1), 99);
    draft.set_item(1, format!("Draft: the {WORD} budget"));
    store
        .write_draft(&snapshot::to_toml(&draft, wb))
        .expect("draft");
    let original_reviews = snapshot_files(&dir);
    let original_draft = fs::read(dir.join("draft.toml")).expect("draft");
    let mut holding: Vec<PathBuf> = [dates[0], dates[3]]
        .iter()
        .map(|date| Path::new("snapshots").join(ymd(*date) + ".toml"))
        .chain([PathBuf::from("draft.toml")])
        .collect();
    holding.sort();
    assert_eq!(files_holding(&dir, WORD), holding, "the word is on disk");
    assert_eq!(files_holding(&dir, "[next_steps]").len(), 5);

    let newest = ymd(dates[0]);
    let list_before = list(&dir, &[]);
    assert_eq!(list_before.lines().count(), 4, "{list_before}");
    let show_before = ok(&partnerbook(&dir, &["show", &newest]));
    assert!(show_before.contains(WORD), "{show_before}");
    let export_before = ok(&partnerbook(&dir, &["export", &newest]));
    assert!(export_before.contains(WORD), "{export_before}");

    let passphrase = "a long passphrase for the tests";
    let started = Instant::now();
    let out = partnerbook_with(&dir, &["encrypt"], &pass(passphrase));
    let said = ok(&out);
    eprintln!("encrypt (work factor 18) took {:?}", started.elapsed());
    assert_eq!(stderr(&out), "");
    assert!(said.contains("Made a key"), "{said}");
    assert!(said.lines().any(|l| l == "Encrypted 5 files."), "{said}");

    let mut sealed_names: Vec<String> = dates.iter().map(|d| ymd(*d) + ".toml.age").collect();
    sealed_names.sort();
    assert_eq!(snapshot_names(&dir), sealed_names);
    assert!(dir.join("draft.toml.age").is_file());
    assert!(!dir.join("draft.toml").exists());
    assert!(dir.join("identity.age").is_file() && dir.join("recipients.txt").is_file());
    assert_eq!(files_holding(&dir, WORD), Vec::<PathBuf>::new());
    assert_eq!(files_holding(&dir, "[next_steps]"), Vec::<PathBuf>::new());
    for (path, entry) in tree(&dir) {
        if entry.bytes.is_some() && path != Path::new(".lock") {
            assert_eq!(entry.mode & 0o777, 0o600, "{}", path.display());
        }
    }

    // The files are the age tool's own: the passphrase opens identity.age, its key the reviews.
    let mut unwrapper = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    unwrapper.set_max_work_factor(22);
    let key_file = age::decrypt(
        &unwrapper,
        &fs::read(dir.join("identity.age")).expect("identity"),
    )
    .expect("the passphrase opens identity.age");
    let key_file = String::from_utf8(key_file).expect("text");
    let identity: age::x25519::Identity = key_file
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("a key line")
        .parse()
        .expect("an age key");
    let recipients = fs::read_to_string(dir.join("recipients.txt")).expect("recipients");
    assert!(
        recipients.contains(&identity.to_public().to_string()),
        "{recipients}"
    );
    for (name, plain) in &original_reviews {
        let sealed = fs::read(dir.join("snapshots").join(format!("{name}.age"))).expect("read");
        assert_eq!(
            &age::decrypt(&identity, &sealed).expect("decrypts"),
            plain,
            "{name}"
        );
    }

    let env = pass(passphrase);
    assert_eq!(list(&dir, &env), list_before);
    assert_eq!(
        ok(&partnerbook_with(&dir, &["show", &newest], &env)),
        show_before
    );
    assert_eq!(
        ok(&partnerbook_with(&dir, &["export", &newest], &env)),
        export_before
    );
    let page = tmp.path().join("out").join("review.md");
    fs::create_dir(tmp.path().join("out")).expect("mkdir");
    let out = partnerbook_with(
        &dir,
        &["export", &newest, "-o", page.to_str().expect("utf-8")],
        &env,
    );
    assert_eq!(ok(&out), "");
    assert!(
        stderr(&out).starts_with("Wrote the review of "),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&page).expect("page"), export_before);
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(&page).expect("page").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(
        ok(&partnerbook_with(&dir, &["check"], &env)),
        "checked 6 files: all good\n"
    );

    let out = partnerbook_with(&dir, &["decrypt"], &env);
    let said = ok(&out);
    assert!(said.lines().any(|l| l == "Decrypted 5 files."), "{said}");
    assert_eq!(snapshot_files(&dir), original_reviews);
    assert_eq!(
        fs::read(dir.join("draft.toml")).expect("draft"),
        original_draft
    );
    assert!(!dir.join("draft.toml.age").exists());
    assert!(!dir.join("identity.age").exists());
    assert!(
        !dir.join("recipients.txt").exists(),
        "only its own key was in it"
    );
    let retired: Vec<String> = fs::read_dir(&dir)
        .expect("data dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("retired-identity-"))
        .collect();
    assert_eq!(retired.len(), 1, "{retired:?}");
    let stamp = retired[0]
        .strip_prefix("retired-identity-")
        .and_then(|rest| rest.strip_suffix(".age"))
        .expect("retired-identity-STAMP.age");
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").is_ok(),
        "{stamp}"
    );
    assert_eq!(list(&dir, &[]), list_before);
}

#[test]
fn a_new_passphrase_opens_the_key_the_old_one_no_longer_does_and_no_review_is_rewritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    encrypted_dir(&dir, "old words");
    let list_before = list(&dir, &pass("old words"));
    assert_eq!(list_before.lines().count(), 3, "{list_before}");
    let before = tree(&dir);

    // Without a new passphrase from anywhere, nothing is changed.
    let out = run_within(command(&dir, &["passphrase"], &pass("old words")), HUNG);
    let line = failed_with_one_line(&out);
    assert!(line.contains("PARTNERBOOK_NEW_PASSPHRASE"), "{line}");
    assert_eq!(changes(&before, &tree(&dir)), Vec::<String>::new());

    let out = partnerbook_with(
        &dir,
        &["passphrase"],
        &[
            ("PARTNERBOOK_PASSPHRASE", "old words"),
            ("PARTNERBOOK_NEW_PASSPHRASE", "new words"),
        ],
    );
    assert!(ok(&out).starts_with("Changed the passphrase of "));
    let after = tree(&dir);
    let files = |t: &BTreeMap<PathBuf, Entry>| -> BTreeMap<PathBuf, Entry> {
        t.iter()
            .filter(|(path, entry)| entry.bytes.is_some() && *path != Path::new("identity.age"))
            .map(|(path, entry)| (path.clone(), entry.clone()))
            .collect()
    };
    assert_eq!(
        changes(&files(&before), &files(&after)),
        Vec::<String>::new()
    );
    assert_ne!(
        before[Path::new("identity.age")].bytes,
        after[Path::new("identity.age")].bytes
    );
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );

    let line = failed_with_one_line(&partnerbook_with(&dir, &["list"], &pass("old words")));
    assert!(line.starts_with("partnerbook: wrong passphrase"), "{line}");
    assert_eq!(list(&dir, &pass("new words")), list_before);
}

#[test]
fn a_wrong_passphrase_is_one_line_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dates = encrypted_dir(&dir, "right");
    make_lock_file(&dir);
    let before = tree(&dir);
    let newest = ymd(dates[0]);
    let commands: [&[&str]; 9] = [
        &["list"],
        &["list", "--json"],
        &["show", &newest],
        &["export", "latest"],
        &["compare", "latest", "previous"],
        &["check"],
        &["encrypt"],
        &["decrypt"],
        &["passphrase"],
    ];
    let env = [
        ("PARTNERBOOK_PASSPHRASE", "wrong"),
        ("PARTNERBOOK_NEW_PASSPHRASE", "other"),
    ];
    let identity = dir.join("identity.age");
    for args in commands {
        let out = run_within(command(&dir, args, &env), HUNG);
        let line = failed_with_one_line(&out);
        assert_eq!(
            line,
            format!(
                "partnerbook: wrong passphrase: it does not open {}",
                identity.display()
            ),
            "{args:?}"
        );
        assert_eq!(
            changes(&before, &tree(&dir)),
            Vec::<String>::new(),
            "{args:?}"
        );
    }
}

#[test]
fn with_no_terminal_and_no_passphrase_it_says_where_to_give_one_and_returns() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    encrypted_dir(&dir, "right");
    make_lock_file(&dir);
    let before = tree(&dir);
    let commands: [&[&str]; 6] = [
        &["list"],
        &["show", "latest"],
        &["check"],
        &["encrypt"],
        &["decrypt"],
        &["passphrase"],
    ];
    // Empty values count as unset.
    let empty = [
        ("PARTNERBOOK_PASSPHRASE", ""),
        ("PARTNERBOOK_PASSPHRASE_COMMAND", ""),
    ];
    for env in [&[][..], &empty[..]] {
        for args in commands {
            let out = run_within(command(&dir, args, env), HUNG);
            let line = failed_with_one_line(&out);
            assert!(
                line.starts_with("partnerbook: ")
                    && line.contains("no terminal")
                    && line.contains("PARTNERBOOK_PASSPHRASE_COMMAND")
                    && line.contains(&dir.display().to_string()),
                "{args:?}: {line}"
            );
            assert_eq!(
                changes(&before, &tree(&dir)),
                Vec::<String>::new(),
                "{args:?}"
            );
        }
    }

    // The first `encrypt` needs a new passphrase, and says where it can come from.
    let plain = tmp.path().join("plain");
    plain_history(&plain, 2, 30);
    make_lock_file(&plain);
    let before = tree(&plain);
    let out = run_within(command(&plain, &["encrypt"], &[]), HUNG);
    assert_eq!(
        failed_with_one_line(&out),
        format!(
            "partnerbook: a new passphrase is needed and there is no terminal to ask it on: set PARTNERBOOK_PASSPHRASE_COMMAND (a command that prints it) or PARTNERBOOK_PASSPHRASE (for {})",
            plain.display()
        )
    );
    assert_eq!(changes(&before, &tree(&plain)), Vec::<String>::new());
    assert!(!plain.join("identity.age").exists());

    // Nor is a data dir that does not exist yet created, lock and all.
    let missing = tmp.path().join("not-yet");
    let out = run_within(command(&missing, &["encrypt"], &[]), HUNG);
    assert!(failed_with_one_line(&out).contains("a new passphrase is needed"));
    assert!(!missing.exists());
}

#[test]
fn the_passphrase_can_come_from_a_command() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    encrypted_dir(&dir, "pw");
    let expected = list(&dir, &pass("pw"));
    assert_eq!(expected.lines().count(), 3, "{expected}");
    let by_command = [("PARTNERBOOK_PASSPHRASE_COMMAND", "printf 'pw\\n'")];
    assert_eq!(list(&dir, &by_command), expected);
    // The command comes first: a stale PARTNERBOOK_PASSPHRASE beside it is not used.
    let both = [
        ("PARTNERBOOK_PASSPHRASE_COMMAND", "printf 'pw\\n'"),
        ("PARTNERBOOK_PASSPHRASE", "stale"),
    ];
    assert_eq!(list(&dir, &both), expected);

    let before = tree(&dir);
    for (command_text, says) in [
        ("exit 3", "failed"),
        ("true", "printed no passphrase"),
        ("printf 'wrong\\n'", "wrong passphrase"),
    ] {
        let env = [("PARTNERBOOK_PASSPHRASE_COMMAND", command_text)];
        let out = run_within(command(&dir, &["list"], &env), HUNG);
        let line = failed_with_one_line(&out);
        assert!(line.starts_with("partnerbook: "), "{line}");
        assert!(line.contains(says), "{command_text}: {line}");
        if says != "wrong passphrase" {
            assert!(
                line.contains("PARTNERBOOK_PASSPHRASE_COMMAND") && line.contains(command_text),
                "{line}"
            );
        }
    }
    assert_eq!(changes(&before, &tree(&dir)), Vec::<String>::new());
}

#[test]
fn the_first_encrypt_takes_the_passphrase_from_where_unlocking_will() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    plain_history(&dir, 2, 30);
    let expected = list(&dir, &[]);
    let both = [
        (
            "PARTNERBOOK_PASSPHRASE_COMMAND",
            "printf 'from the command\\n'",
        ),
        ("PARTNERBOOK_PASSPHRASE", "from the environment"),
    ];
    ok(&partnerbook_with(&dir, &["encrypt"], &both));
    let by_command = [(
        "PARTNERBOOK_PASSPHRASE_COMMAND",
        "printf 'from the command\\n'",
    )];
    assert_eq!(list(&dir, &by_command), expected);
    assert_eq!(list(&dir, &both), expected);
}

#[test]
fn plain_reviews_in_an_encrypted_dir_are_listed_checked_and_encrypted_by_a_rerun() {
    let wb = Workbook::embedded();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dates = encrypted_dir(&dir, "pw");
    let keys = keys(&dir, "pw");
    let snapshots = dir.join("snapshots");
    let sealed_path = |date: NaiveDate| snapshots.join(ymd(date) + ".toml.age");
    let plain_path = |date: NaiveDate| snapshots.join(ymd(date) + ".toml");

    // A review from a restored backup, for a date with no encrypted one.
    let restored = fixtures::sample_review(wb, days_ago(30), 7);
    let restored_text = snapshot::to_toml(&restored, wb);
    fs::write(plain_path(restored.date), &restored_text).expect("write");
    // A plain copy of dates[1] that differs from the encrypted one.
    let differing = snapshot::to_toml(&fixtures::sample_review(wb, dates[1], 42), wb);
    let sealed_1 = fs::read(sealed_path(dates[1])).expect("read");
    assert_ne!(keys.open(&sealed_1).expect("opens"), differing.as_bytes());
    fs::write(plain_path(dates[1]), &differing).expect("write");
    // A plain copy of dates[2] equal to the encrypted one (an interrupted encrypt).
    let sealed_2 = fs::read(sealed_path(dates[2])).expect("read");
    fs::write(plain_path(dates[2]), keys.open(&sealed_2).expect("opens")).expect("write");
    let sealed_0 = fs::read(sealed_path(dates[0])).expect("read");
    // The temporary file of a `decrypt` killed while writing: plain text, gone after encrypt.
    let leftover = snapshots.join(format!(".{}.toml.Xq7pZ2", ymd(dates[0])));
    fs::write(&leftover, &restored_text).expect("write");

    let env = pass("pw");
    let listed = list(&dir, &env);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 4, "{listed}");
    let restored_row = plain::summary_row(&restored.summary(), wb);
    assert!(restored_row.contains(&format!(" {}/10 ", restored.score())));
    assert_eq!(
        lines[1],
        format!("{restored_row}{PLAIN_NOTICE}"),
        "{listed}"
    );
    assert!(lines[2].starts_with(&ymd(dates[1])) && lines[2].ends_with(TWO_VERSIONS));
    assert!(lines[3].starts_with(&ymd(dates[2])) && lines[3].ends_with(TWO_VERSIONS));

    let out = partnerbook_with(&dir, &["check"], &env);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "partnerbook: 3 problems found\n");
    let report = stdout(&out);
    for date in [dates[2], dates[1], restored.date] {
        let line = format!(
            "{}: plain text in an encrypted data dir",
            plain_path(date).display()
        );
        assert!(
            report.lines().any(|l| l.starts_with(&line)),
            "{line}\n{report}"
        );
    }

    let out = partnerbook_with(&dir, &["encrypt"], &env);
    let said = ok(&out);
    assert!(
        said.lines()
            .any(|l| l == "Encrypted 2 files (and finished 1 left by an interrupted run)."),
        "{said}"
    );
    let kept = format!(
        "{} differed from the version already there; kept as ",
        plain_path(dates[1]).display()
    );
    assert!(said.lines().any(|l| l.starts_with(&kept)), "{said}");

    assert!(!leftover.exists());
    let names = snapshot_names(&dir);
    assert!(names.iter().all(|n| n.ends_with(".toml.age")), "{names:?}");
    assert_eq!(names.len(), 5, "{names:?}");
    let copies: Vec<&String> = names.iter().filter(|n| n.contains(".conflict-")).collect();
    assert_eq!(copies.len(), 1, "{names:?}");
    assert_eq!(conflict_copy_date(copies[0]), Some(dates[1]));
    let copy = fs::read(snapshots.join(copies[0])).expect("read");
    assert_eq!(keys.open(&copy).expect("opens"), differing.as_bytes());
    for (date, bytes) in [
        (dates[0], &sealed_0),
        (dates[1], &sealed_1),
        (dates[2], &sealed_2),
    ] {
        assert_eq!(&fs::read(sealed_path(date)).expect("read"), bytes, "{date}");
    }
    let restored_sealed = fs::read(sealed_path(restored.date)).expect("read");
    assert_eq!(
        keys.open(&restored_sealed).expect("opens"),
        restored_text.as_bytes()
    );

    let listed = list(&dir, &env);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 4, "{listed}");
    assert_eq!(lines[1], restored_row, "{listed}");
    assert!(lines[2].starts_with(&ymd(dates[1])) && lines[2].ends_with(TWO_VERSIONS));
    assert!(!listed.contains("plain text") && lines[3].matches("  · ").count() <= 1);
    assert!(!lines[3].ends_with(TWO_VERSIONS), "{listed}");

    let out = partnerbook_with(&dir, &["check"], &env);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 2, "{report}");
    let copy_path = format!("{}: ", snapshots.join(copies[0]).display());
    let second = format!("a second version of the review of {}", ymd(dates[1]));
    assert!(
        lines[0].starts_with(&copy_path) && lines[0].contains(&second),
        "{report}"
    );
    assert_eq!(lines[1], "checked 6 files: 1 problem");
}

#[test]
fn a_file_that_does_not_decrypt_is_listed_as_unreadable_and_reported() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dates = encrypted_dir(&dir, "pw");
    let keys = keys(&dir, "pw");
    let snapshots = dir.join("snapshots");
    let wb = Workbook::embedded();
    let review_text = |date| snapshot::to_toml(&fixtures::sample_review(wb, date, 5), wb);

    let garbage = days_ago(10);
    fs::write(
        snapshots.join(ymd(garbage) + ".toml.age"),
        b"\x00\x9f not an age file at all \xff",
    )
    .expect("write");
    let stranger = days_ago(20);
    let their_key = age::x25519::Identity::generate().to_public();
    let theirs = age::encrypt(&their_key, review_text(stranger).as_bytes()).expect("encrypt");
    fs::write(snapshots.join(ymd(stranger) + ".toml.age"), theirs).expect("write");
    let cut = days_ago(40);
    let whole = keys.seal(review_text(cut).as_bytes()).expect("seal");
    fs::write(
        snapshots.join(ymd(cut) + ".toml.age"),
        &whole[..whole.len() - 20],
    )
    .expect("write");
    let not_toml = days_ago(50);
    fs::write(
        snapshots.join(ymd(not_toml) + ".toml.age"),
        keys.seal(b"version = 1\n[assessment\n").expect("seal"),
    )
    .expect("write");

    let bad = [
        (garbage, "not an age file, or a damaged one"),
        (stranger, "not encrypted to this data dir's key"),
        (cut, "damaged or cut short"),
        (not_toml, ":2: "),
    ];
    let env = pass("pw");
    let listed = list(&dir, &env);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 7, "{listed}");
    for (date, reason) in bad {
        let path = snapshots.join(ymd(date) + ".toml.age");
        let row = lines
            .iter()
            .find(|l| l.starts_with(&ymd(date)))
            .expect("a row");
        assert!(
            row.starts_with(&format!("{}  unreadable: ", ymd(date)))
                && row.contains(&path.display().to_string())
                && row.contains(reason),
            "{row}"
        );
    }
    for date in &dates {
        let row = lines
            .iter()
            .find(|l| l.starts_with(&ymd(*date)))
            .expect("a row");
        assert!(!row.contains("unreadable"), "{row}");
    }

    let out = partnerbook_with(&dir, &["check"], &env);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "partnerbook: 4 problems found\n");
    let report = stdout(&out);
    for (date, reason) in bad {
        let path = snapshots.join(ymd(date) + ".toml.age");
        assert!(
            report
                .lines()
                .any(|l| l.starts_with(&path.display().to_string()) && l.contains(reason)),
            "{path:?}\n{report}"
        );
    }
    assert!(
        report.ends_with("checked 8 files: 4 problems\n"),
        "{report}"
    );

    // `decrypt` stops at a file it cannot open; every review stays readable.
    let out = partnerbook_with(&dir, &["decrypt"], &env);
    let line = failed_with_one_line(&out);
    assert!(line.starts_with("partnerbook: cannot decrypt "), "{line}");
    assert!(dir.join("identity.age").exists());
    let listed = list(&dir, &env);
    for date in &dates {
        let row = listed
            .lines()
            .find(|l| l.starts_with(&ymd(*date)))
            .expect("a row");
        assert!(!row.contains("unreadable"), "{listed}");
    }
}

#[test]
fn encrypt_and_decrypt_refuse_while_the_workbook_is_open_elsewhere() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let plain = tmp.path().join("plain");
    plain_history(&plain, 3, 30);
    let encrypted = tmp.path().join("encrypted");
    encrypted_dir(&encrypted, "pw");
    for (dir, args) in [(&plain, "encrypt"), (&encrypted, "decrypt")] {
        let held = lock::acquire(dir);
        assert!(matches!(held, LockOutcome::Acquired(_)), "{held:?}");
        let before = tree(dir);
        let out = run_within(command(dir, &[args], &pass("pw")), HUNG);
        let line = failed_with_one_line(&out);
        assert_eq!(
            line,
            format!(
                "partnerbook: partnerbook is open on {} in another terminal; close it, then run this again",
                dir.display()
            )
        );
        assert_eq!(changes(&before, &tree(dir)), Vec::<String>::new(), "{args}");
        drop(held);
        ok(&partnerbook_with(dir, &[args], &pass("pw")));
    }
    assert!(
        snapshot_names(&plain)
            .iter()
            .all(|n| n.ends_with(".toml.age"))
    );
    assert!(
        snapshot_names(&encrypted)
            .iter()
            .all(|n| n.ends_with(".toml"))
    );
}

/// When the kill lands during `encrypt`.
#[derive(Debug, Clone, Copy)]
enum KillWhen {
    /// As soon as the wrapped key is on disk.
    KeyWritten,
    /// Once this many reviews are encrypted.
    Sealed(usize),
}

/// How many reviews in `dir/snapshots` are encrypted (temporary files not counted).
fn sealed_count(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir.join("snapshots")) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name.ends_with(".toml.age")
        })
        .count()
}

/// `list` output without the notices a half-converted dir adds to its rows.
fn without_notices(listed: &str) -> String {
    listed
        .lines()
        .map(|l| {
            let l = l.strip_suffix(PLAIN_NOTICE).unwrap_or(l);
            let l = l.strip_suffix(TWO_VERSIONS).unwrap_or(l);
            format!("{l}\n")
        })
        .collect()
}

/// A temporary folder in memory (`/dev/shm`) when there is one: a `kill -9` leaves the same
/// files there as on a disk (what a process wrote outlives it in the page cache either way),
/// and the thousands of syncs the conversions make cost nothing on a busy disk.
fn in_memory_tempdir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    shm.is_dir()
        .then(|| tempfile::tempdir_in(shm).ok())
        .flatten()
        .unwrap_or_else(|| tempfile::tempdir().expect("tempdir"))
}

#[test]
fn kill_9_during_encrypt_leaves_every_review_readable_and_a_rerun_finishes() {
    const REVIEWS: usize = 1000;
    const PASSPHRASE: &str = "kill me softly";
    let started = Instant::now();
    let tmp = in_memory_tempdir();
    let template = tmp.path().join("template");
    let dates = plain_history(&template, REVIEWS, 1);
    assert_eq!(dates.len(), REVIEWS);
    let originals = snapshot_files(&template);
    assert_eq!(originals.len(), REVIEWS);
    let list_before = list(&template, &[]);
    assert_eq!(list_before.lines().count(), REVIEWS);
    let env = pass(PASSPHRASE);

    let mut interrupted = Vec::new();
    for (round, when) in [
        KillWhen::KeyWritten,
        KillWhen::Sealed(1),
        KillWhen::Sealed(300),
        KillWhen::Sealed(700),
    ]
    .into_iter()
    .enumerate()
    {
        let round_started = Instant::now();
        let dir = tmp.path().join(format!("round-{round}"));
        fs::create_dir_all(dir.join("snapshots")).expect("mkdir");
        for name in originals.keys() {
            fs::copy(
                template.join("snapshots").join(name),
                dir.join("snapshots").join(name),
            )
            .expect("copy");
        }

        let mut child = command(&dir, &["encrypt"], &env)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        let deadline = Instant::now() + Duration::from_secs(60);
        let reached = || match when {
            KillWhen::KeyWritten => dir.join("identity.age").exists(),
            KillWhen::Sealed(k) => sealed_count(&dir) >= k,
        };
        let mut exited: Option<ExitStatus> = None;
        while !reached() {
            exited = child.try_wait().expect("wait");
            if exited.is_some() {
                break;
            }
            assert!(Instant::now() < deadline, "{when:?} not reached in 60 s");
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().expect("kill -9");
        let out = child.wait_with_output().expect("wait");
        {
            use std::os::unix::process::ExitStatusExt as _;
            match exited {
                Some(status) => assert!(status.success(), "{status}: {}", stderr(&out)),
                None if out.status.signal() == Some(libc::SIGKILL) => {
                    interrupted.push(when);
                }
                None => assert!(out.status.success(), "{}: {}", out.status, stderr(&out)),
            }
        }
        let sealed_at_kill = sealed_count(&dir);

        // Every review is in one form or both, never neither, and reads back.
        let names = snapshot_names(&dir);
        for name in originals.keys() {
            assert!(
                names.contains(name) || names.contains(&format!("{name}.age")),
                "{when:?}: {name} is gone"
            );
        }
        let listed = list(&dir, &env);
        assert!(!listed.contains("unreadable"), "{when:?}");
        assert_eq!(without_notices(&listed), list_before, "{when:?}");

        let out = partnerbook_with(&dir, &["encrypt"], &env);
        let said = ok(&out);
        assert!(said.contains("are encrypted"), "{said}");
        let mut files = snapshot_files(&dir);
        let keys = keys(&dir, PASSPHRASE);
        for (name, plain) in &originals {
            let sealed = files
                .remove(&format!("{name}.age"))
                .unwrap_or_else(|| panic!("{when:?}: {name}.age is missing"));
            assert_eq!(
                &keys.open(&sealed).expect("opens"),
                plain,
                "{when:?}: {name}"
            );
        }
        // Left over: only a killed write's temporary file that partnerbook does not take for
        // its own (six lower-case letters, see `is_temp_name_of`), holding encrypted bytes.
        for (name, bytes) in &files {
            let ours = originals
                .keys()
                .any(|file| is_temp_name_of(name, &format!("{file}.age")));
            let header: &[u8] = b"age-encryption.org/v1\n";
            let sealed = bytes.starts_with(header) || header.starts_with(bytes);
            assert!(
                name.starts_with('.') && !ours && sealed,
                "{when:?}: {name} is left in snapshots/"
            );
        }
        assert_eq!(list(&dir, &env), list_before, "{when:?}");
        if matches!(when, KillWhen::Sealed(700)) {
            // (Once: the comparison above has opened every file already.)
            assert_eq!(
                ok(&partnerbook_with(&dir, &["check"], &env)),
                format!("checked {} files: all good\n", REVIEWS + 1),
                "{when:?}"
            );
        }
        eprintln!(
            "{when:?}: killed with {sealed_at_kill} of {REVIEWS} encrypted; round took {:?}",
            round_started.elapsed()
        );
    }
    eprintln!(
        "interrupted: {interrupted:?}; the test took {:?}",
        started.elapsed()
    );
    // The early kills cannot miss: hundreds of reviews were still plain.
    assert!(
        interrupted.len() >= 2,
        "too few runs were interrupted: {interrupted:?}"
    );
}
