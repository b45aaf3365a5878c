//! End-to-end tests of encryption at rest in a pseudo-terminal: the masked passphrase prompt
//! (three wrong tries, Esc, Ctrl-C) that leaves the data dir as it was, a whole session whose
//! words never reach the disk in plain text, the passphrase from the environment, the
//! `$EDITOR` file kept out of the data dir, and files the reference `age` tool reads and
//! writes. Every data dir is a fresh temporary one, its reviews dated relative to today; waits
//! are for text on screen or files on disk, with deadlines, never blind.

use crate::session;

use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use chrono::{Days, NaiveDate};
use partnerbook::domain::content::Workbook;
use partnerbook::storage::Store;
use partnerbook::storage::fixtures;
use partnerbook::storage::keys::Keyring;
use session::{CTRL_C, CTRL_E, CTRL_S, ESC, Session};

/// The passphrase of every encrypted data dir here.
const PASSPHRASE: &str = "correct horse battery staple";

/// Variables that hand partnerbook a passphrase or an editor: a session never inherits them
/// from the test runner, only gets them when the test sets them.
const INHERITED: [&str; 5] = [
    "PARTNERBOOK_PASSPHRASE",
    "PARTNERBOOK_PASSPHRASE_COMMAND",
    "PARTNERBOOK_NEW_PASSPHRASE",
    "VISUAL",
    "EDITOR",
];

/// How long to wait for something on disk.
const DISK_TIMEOUT: Duration = Duration::from_secs(10);

/// Starts partnerbook on `dir` with `env`, and without any of [`INHERITED`] it does not set.
fn start_session(dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
    let remove: Vec<&str> = INHERITED
        .into_iter()
        .filter(|name| env.iter().all(|(set, _)| set != name))
        .collect();
    Session::start_with_env_removed(dir, cols, rows, env, &remove)
}

/// Waits for the prompt and types `passphrase` and Enter.
fn unlock_with(s: &mut Session, passphrase: &str) {
    s.wait_for("partnerbook is locked");
    s.wait_for("Enter unlock");
    s.send(passphrase);
    s.send("\r");
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A temp dir holding the data dir `data`: `past` generated reviews, the latest 95 days ago
/// (so today's is a new one), then encrypted with [`PASSPHRASE`] wrapped at a tiny work
/// factor.
fn encrypted_dir(past: usize) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let store = Store::new(&data);
    let newest = today() - Days::new(95);
    fixtures::write_history(&store, Workbook::embedded(), past, newest, 91)
        .expect("history written");
    fixtures::encrypt_quickly(&store, PASSPHRASE).expect("encrypted");
    (tmp, data)
}

/// One entry of a folder tree as found on disk.
#[derive(Debug, PartialEq, Eq)]
enum Entry {
    /// A folder and its permission bits.
    Dir(u32),
    /// A file, its permission bits and its bytes.
    File(u32, Vec<u8>),
    /// Anything else (a symlink, a socket…).
    Other,
}

/// Every entry under `dir`, dot files included, by path relative to `dir`.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Entry>) {
        for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            let mode = meta.permissions().mode() & 0o7777;
            let name = path.strip_prefix(root).expect("inside").to_path_buf();
            if meta.is_dir() {
                out.insert(name, Entry::Dir(mode));
                walk(root, &path, out);
            } else if meta.is_file() {
                out.insert(name, Entry::File(mode, std::fs::read(&path).expect("read")));
            } else {
                out.insert(name, Entry::Other);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// What differs between two [`tree`]s, one line per path (readable, unlike the bytes).
fn differences(before: &BTreeMap<PathBuf, Entry>, after: &BTreeMap<PathBuf, Entry>) -> Vec<String> {
    let paths: std::collections::BTreeSet<&PathBuf> = before.keys().chain(after.keys()).collect();
    paths
        .into_iter()
        .filter_map(|path| match (before.get(path), after.get(path)) {
            (Some(_), None) => Some(format!("removed {}", path.display())),
            (None, Some(_)) => Some(format!("added {}", path.display())),
            (Some(old), Some(new)) if old != new => Some(format!("changed {}", path.display())),
            _ => None,
        })
        .collect()
}

/// Asserts that `dir` holds exactly what `before` recorded: the same names, modes and bytes.
fn assert_unchanged(dir: &Path, before: &BTreeMap<PathBuf, Entry>, when: &str) {
    let changes = differences(before, &tree(dir));
    assert!(
        changes.is_empty(),
        "{when}: the data dir changed: {changes:?}"
    );
}

/// The files under `dir` (recursively, dot files included) whose raw bytes hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    tree(dir)
        .into_iter()
        .filter_map(|(path, entry)| match entry {
            Entry::File(_, bytes) => bytes
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
                .then_some(path),
            _ => None,
        })
        .collect()
}

/// Asserts that no file under `dir` holds any of `words` in plain text, and that every review
/// or draft there is an encrypted `.age` file.
fn assert_nothing_plain(dir: &Path, words: &[&str], when: &str) {
    for word in words {
        let found = files_holding(dir, word);
        assert!(
            found.is_empty(),
            "{when}: {word:?} in plain text in {found:?}"
        );
    }
    let names: Vec<PathBuf> = tree(dir).into_keys().collect();
    let plain: Vec<&PathBuf> = names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert!(
        plain.is_empty(),
        "{when}: plain files {plain:?} among {names:?}"
    );
}

/// Waits until `check` holds, polling; `what` names it in the failure message.
fn wait_on_disk<T>(what: &str, check: impl Fn() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(
            start.elapsed() < DISK_TIMEOUT,
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The keys of the encrypted data dir `data`, unlocked with [`PASSPHRASE`].
fn keys(data: &Path) -> Keyring {
    Keyring::unlock(data, &SecretString::from(PASSPHRASE.to_string())).expect("unlocks")
}

/// The decrypted text of the encrypted file `path`, `None` while it does not exist.
fn opened(keys: &Keyring, path: &Path) -> Option<String> {
    let sealed = std::fs::read(path).ok()?;
    let plain = keys.open(&sealed).expect("decrypts");
    Some(String::from_utf8(plain).expect("utf-8"))
}

/// Waits until the encrypted draft of `data` holds `word`, checking it is encrypted on disk.
fn wait_for_sealed_draft(data: &Path, word: &str) {
    let keys = keys(data);
    let path = data.join("draft.toml.age");
    wait_on_disk(&format!("draft.toml.age to hold {word:?}"), || {
        opened(&keys, &path).filter(|text| text.contains(word))
    });
    let bytes = std::fs::read(&path).expect("draft");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"), "an age file");
}

/// The lines of the reviews in `data` (decrypted) long enough to be telling, e.g. the plans
/// and answers the generated history holds.
fn telling_lines(data: &Path) -> Vec<String> {
    let keys = keys(data);
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(data.join("snapshots"))
        .expect("snapshots")
        .flatten()
    {
        let text = opened(&keys, &entry.path()).expect("a review");
        lines.extend(text.lines().filter(|l| l.len() >= 16).map(str::to_string));
    }
    assert!(
        lines.iter().any(|l| l.starts_with("share_information")),
        "{lines:?}"
    );
    lines
}

/// Goes to the Next steps pane and selects its first "Three things I'm doing just right" item,
/// below the two plans of the last review to follow up.
fn select_first_new_item(s: &mut Session) {
    s.send("\t\t");
    s.wait_for("▶ Next steps");
    s.wait_for("how did they go?");
    s.send("jj");
    s.wait_for("▶ 1.");
}

/// The files in `data/snapshots` by name.
fn snapshot_names(data: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.join("snapshots"))
        .expect("snapshots")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The one review file in `after` that is not in `before`.
fn new_review(before: &[String], after: &[String]) -> String {
    let new: Vec<&String> = after.iter().filter(|n| !before.contains(n)).collect();
    assert_eq!(new.len(), 1, "one new review: {before:?} → {after:?}");
    new[0].clone()
}

#[test]
fn three_wrong_passphrases_exit_and_leave_the_data_dir_as_it_was() {
    let (_tmp, data) = encrypted_dir(2);
    let before = tree(&data);
    let mut s = start_session(&data, 80, 24, &[]);
    s.wait_for("partnerbook is locked");
    s.wait_for("Passphrase:");
    s.wait_for("Enter unlock   Esc ^C quit");
    s.send("wrongfirst");
    s.wait_for("••••••••••");
    assert!(!s.contents().contains("wrongfirst"), "{}", s.contents());
    s.send("\r");
    s.wait_for("That passphrase does not open the key: 2 tries left.");
    s.wait_gone("•");
    s.send("wrongsecond\r");
    s.wait_for("That passphrase does not open the key: 1 try left.");
    assert!(!s.contents().contains("2 tries left"), "{}", s.contents());
    s.send("wrongthird\r");
    assert!(!s.wait_exit(), "three wrong passphrases exit with failure");
    s.wait_for("partnerbook: wrong passphrase 3 times: nothing was opened or written");
    let raw = String::from_utf8_lossy(&s.raw_output()).into_owned();
    for typed in ["wrongfirst", "wrongsecond", "wrongthird"] {
        assert!(!raw.contains(typed), "{typed:?} reached the terminal");
    }
    assert_unchanged(&data, &before, "after three wrong passphrases");
}

#[test]
fn esc_or_ctrl_c_on_the_prompt_exits_and_writes_nothing() {
    for (key, cols, rows) in [(ESC, 120, 40), (CTRL_C, 80, 24)] {
        let (_tmp, data) = encrypted_dir(1);
        let before = tree(&data);
        let mut s = start_session(&data, cols, rows, &[]);
        s.wait_for("partnerbook is locked");
        s.wait_for("Enter unlock");
        s.send("half a passphrase");
        s.wait_for(&"•".repeat("half a passphrase".len()));
        s.send(key);
        assert!(
            !s.wait_exit(),
            "leaving the prompt exits with failure ({key:?})"
        );
        s.wait_for("partnerbook: not unlocked: nothing was opened or written");
        assert_unchanged(&data, &before, &format!("after {key:?} on the prompt"));
    }
}

#[test]
fn sigterm_on_the_prompt_writes_nothing_and_after_it_keeps_an_encrypted_draft() {
    let (_tmp, data) = encrypted_dir(2);
    let before = tree(&data);
    let mut s = start_session(&data, 80, 24, &[]);
    s.wait_for("Enter unlock");
    s.send("half");
    s.wait_for("••••");
    s.signal("TERM");
    assert!(!s.wait_exit(), "a signal on the prompt exits with failure");
    s.wait_for("stopped before the reviews were unlocked: nothing was opened or written");
    assert_unchanged(&data, &before, "after SIGTERM on the prompt");

    // Once unlocked, the workbook's own signal handling still keeps the changes, encrypted.
    let mut s = start_session(&data, 120, 40, &[]);
    unlock_with(&mut s, PASSPHRASE);
    s.wait_for("Self-assessment");
    s.send("y");
    s.wait_for("unsaved changes");
    s.signal("TERM");
    s.wait_exit();
    let draft = opened(&keys(&data), &data.join("draft.toml.age")).expect("draft kept");
    assert!(draft.contains("share_information = true"), "{draft}");
    assert_nothing_plain(&data, &["share_information"], "after SIGTERM");
}

#[test]
fn a_whole_session_unlocked_at_the_prompt_writes_no_plain_text() {
    let (_tmp, data) = encrypted_dir(2);
    let mut telling = telling_lines(&data);
    let words = "zebracandour and quillmarrow";
    telling.extend(["zebracandour", "quillmarrow", PASSPHRASE].map(String::from));
    let telling: Vec<&str> = telling.iter().map(String::as_str).collect();
    let reviews_before = snapshot_names(&data);

    let mut s = start_session(&data, 120, 40, &[]);
    unlock_with(&mut s, PASSPHRASE);
    s.wait_for("Self-assessment");
    s.wait_gone("partnerbook is locked");
    select_first_new_item(&mut s);
    s.send("\r");
    s.wait_for("Esc done");
    s.send(words);
    s.wait_for(words);
    s.send(ESC);
    s.wait_for("Enter edit");
    wait_for_sealed_draft(&data, words);
    assert_nothing_plain(&data, &telling, "with the draft written");
    s.send(CTRL_S);
    s.wait_for("Saved");
    s.send("q");
    assert!(s.wait_exit(), "clean exit");
    let raw = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(
        !raw.contains(PASSPHRASE),
        "the passphrase reached the terminal"
    );

    assert_nothing_plain(&data, &telling, "after saving and quitting");
    let left: Vec<PathBuf> = tree(&data)
        .into_keys()
        .filter(|p| p.to_string_lossy().contains("draft"))
        .collect();
    assert!(left.is_empty(), "saving removed the draft: {left:?}");
    let saved = new_review(&reviews_before, &snapshot_names(&data));
    assert!(saved.ends_with(".toml.age"), "{saved}");
    let text = opened(&keys(&data), &data.join("snapshots").join(&saved)).expect("saved");
    let date = saved.trim_end_matches(".toml.age");
    assert!(text.contains(&format!("date = {date}")), "{text}");
    assert!(text.contains(words), "{text}");

    let mut again = start_session(&data, 80, 24, &[]);
    unlock_with(&mut again, PASSPHRASE);
    again.wait_for("Self-assessment");
    again.send("\t\t");
    again.wait_for("▶ Next steps");
    again.send("jj");
    again.wait_for("zebracandour");
    again.send("q");
    assert!(again.wait_exit(), "clean exit");
}

#[test]
fn a_passphrase_from_the_environment_opens_without_a_prompt_and_a_wrong_one_writes_nothing() {
    let (_tmp, data) = encrypted_dir(2);
    let before = tree(&data);
    let env = [("PARTNERBOOK_PASSPHRASE", "not the passphrase")];
    let mut s = start_session(&data, 120, 40, &env);
    assert!(!s.wait_exit(), "a wrong passphrase exits with failure");
    s.wait_for("partnerbook: wrong passphrase");
    let raw = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(!raw.contains("partnerbook is locked"), "no prompt");
    assert_unchanged(&data, &before, "after a wrong PARTNERBOOK_PASSPHRASE");

    let command = format!("printf '%s\\n' '{PASSPHRASE}'");
    let sources = [
        ("PARTNERBOOK_PASSPHRASE", PASSPHRASE),
        ("PARTNERBOOK_PASSPHRASE_COMMAND", command.as_str()),
    ];
    for (name, value) in sources {
        let mut s = start_session(&data, 80, 24, &[(name, value)]);
        s.wait_for("Self-assessment");
        // The last review, decrypted, beside today's questions.
        s.wait_for("your answers on");
        s.send("q");
        assert!(s.wait_exit(), "clean exit with {name}");
        let raw = String::from_utf8_lossy(&s.raw_output()).into_owned();
        assert!(!raw.contains("partnerbook is locked"), "{name}: no prompt");
        let changes = differences(&before, &tree(&data));
        assert!(
            changes.iter().all(|c| c == "added .lock"),
            "opening and quitting wrote only the lock: {changes:?}"
        );
    }
}

#[test]
fn the_editors_file_stays_out_of_the_data_dir_and_is_removed() {
    let (tmp, data) = encrypted_dir(2);
    let runtime = tempfile::tempdir().expect("runtime dir");
    std::fs::set_permissions(runtime.path(), std::fs::Permissions::from_mode(0o700))
        .expect("chmod");
    let log = tmp.path().join("editor-log.txt");
    let editor = tmp.path().join("append-editor");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\nprintf '%s\\n' 'quokkaverdict' >> \"$1\"\n",
            log.display()
        ),
    )
    .expect("write script");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let reviews_before = snapshot_names(&data);

    let env = [
        ("VISUAL", editor.to_str().expect("utf-8")),
        ("XDG_RUNTIME_DIR", runtime.path().to_str().expect("utf-8")),
    ];
    let mut s = start_session(&data, 120, 40, &env);
    unlock_with(&mut s, PASSPHRASE);
    s.wait_for("Self-assessment");
    select_first_new_item(&mut s);
    s.send("\r");
    s.wait_for("Esc done");
    s.send("firstwords");
    s.wait_for("firstwords");
    s.send(ESC);
    s.wait_for("Enter edit");
    s.send(CTRL_E);
    s.wait_for("Item updated from your editor");
    s.wait_for("firstwords quokkaverdict");

    let recorded = std::fs::read_to_string(&log).expect("the editor ran");
    let recorded = Path::new(recorded.trim());
    let uid = std::fs::metadata(runtime.path())
        .expect("runtime dir")
        .uid();
    let scratch = runtime.path().join(format!("partnerbook-{uid}"));
    assert_eq!(recorded.parent(), Some(scratch.as_path()), "{recorded:?}");
    let name = recorded.file_name().expect("a file").to_string_lossy();
    assert!(name.starts_with(".partnerbook-item-"), "{name}");
    assert!(!recorded.starts_with(&data), "{recorded:?}");
    assert!(!recorded.exists(), "the editor's file was removed");
    let mode = std::fs::metadata(&scratch)
        .expect("scratch")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "a private folder");
    let left: Vec<_> = std::fs::read_dir(&scratch)
        .expect("scratch")
        .flatten()
        .collect();
    assert!(left.is_empty(), "nothing left in {scratch:?}: {left:?}");

    wait_for_sealed_draft(&data, "firstwords quokkaverdict");
    assert_nothing_plain(&data, &["quokkaverdict", "firstwords"], "after editing");
    s.send(CTRL_S);
    s.wait_for("Saved");
    s.send("q");
    assert!(s.wait_exit(), "clean exit");
    assert_nothing_plain(&data, &["quokkaverdict", "firstwords"], "after saving");
    let saved = new_review(&reviews_before, &snapshot_names(&data));
    let text = opened(&keys(&data), &data.join("snapshots").join(&saved)).expect("saved");
    assert!(text.contains("firstwords quokkaverdict"), "{text}");
}

/// Whether `program` runs.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// The binary as a plain command on `data`, no passphrase source but those the caller adds.
fn partnerbook(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
    command
        .env("PARTNERBOOK_DATA_DIR", data)
        .env(
            "PARTNERBOOK_CONFIG",
            std::env::temp_dir().join("partnerbook-tests-no-config.toml"),
        )
        .stdin(Stdio::null());
    for name in INHERITED {
        command.env_remove(name);
    }
    command
}

/// Runs `command` and returns its output, failing the test unless it succeeds.
fn run_ok(command: &mut Command) -> std::process::Output {
    let output = command.output().expect("runs");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn the_reference_age_tool_opens_the_key_and_the_reviews_and_writes_one_partnerbook_reads() {
    if !installed("age") {
        eprintln!("skipped: the reference `age` tool is not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let workbook = Workbook::embedded();
    let date = today() - Days::new(30);
    let mut review = fixtures::sample_review(workbook, date, 5);
    review.set_item(0, "pangolinrhapsody, agreed with my boss".to_string());
    let plain_path = Store::new(&data).save(&review, workbook).expect("saved");
    let plain = std::fs::read(&plain_path).expect("plain review");

    // Encrypted by the real binary, the key wrapped at the real work factor.
    let output = run_ok(
        partnerbook(&data)
            .arg("encrypt")
            .env("PARTNERBOOK_PASSPHRASE", PASSPHRASE),
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("are encrypted"), "{said}");
    let sealed = data
        .join("snapshots")
        .join(format!("{}.toml.age", iso(date)));
    assert!(
        sealed.exists() && !plain_path.exists(),
        "{:?}",
        tree(&data).keys()
    );
    assert_nothing_plain(&data, &["pangolinrhapsody"], "after partnerbook encrypt");

    // `age -d identity.age` asks for the passphrase on the terminal only.
    let key = tmp.path().join("key.txt");
    let key_arg = key.to_str().expect("utf-8");
    let args = ["-d", "-o", key_arg, "identity.age"];
    let mut age = Session::start_program("age", &args, &data, 80, 24);
    age.wait_for("Enter passphrase");
    age.send(PASSPHRASE);
    age.send("\r");
    // Unwrapping at the real work factor takes about a second, more on a loaded machine.
    let unwrapped = age.wait_exit_within(Duration::from_secs(60));
    assert!(unwrapped, "age -d identity.age:\n{}", age.contents());
    let key_text = std::fs::read_to_string(&key).expect("the key");
    assert!(key_text.contains("AGE-SECRET-KEY-1"), "an age identity");

    let output = run_ok(Command::new("age").args(["-d", "-i", key_arg]).arg(&sealed));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&plain),
        "age decrypts the review to the file partnerbook had written"
    );
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains(&format!("date = {}", iso(date))), "{text}");
    assert!(
        text.contains("pangolinrhapsody, agreed with my boss"),
        "{text}"
    );

    // A review encrypted by `age` to recipients.txt is one partnerbook reads.
    let earlier = date - Days::new(91);
    let outside = tmp.path().join("written-by-age.toml");
    std::fs::write(
        &outside,
        format!(
            "version = 1\ndate = {}\n\n[next_steps]\ndo_more = [\"wombatlantern\"]\n",
            iso(earlier)
        ),
    )
    .expect("write");
    let theirs = data
        .join("snapshots")
        .join(format!("{}.toml.age", iso(earlier)));
    run_ok(
        Command::new("age")
            .arg("-R")
            .arg(data.join("recipients.txt"))
            .arg("-o")
            .arg(&theirs)
            .arg(&outside),
    );
    let output = run_ok(
        partnerbook(&data)
            .args(["show", &iso(earlier)])
            .env("PARTNERBOOK_PASSPHRASE", PASSPHRASE),
    );
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("wombatlantern"), "{shown}");
}

/// Whether the prompt's frame has a whole bottom edge (`╚═…═╝`, nothing drawn over it).
fn bottom_edge_whole(screen: &vt100::Screen) -> bool {
    let (_, cols) = screen.size();
    screen.rows(0, cols).any(|row| {
        let row = row.trim();
        row.len() > 2
            && row.starts_with('╚')
            && row.ends_with('╝')
            && row
                .chars()
                .skip(1)
                .take(row.chars().count() - 2)
                .all(|c| c == '═')
    })
}

#[test]
fn a_short_terminal_keeps_the_prompt_inside_its_frame() {
    let (_tmp, data) = encrypted_dir(1);
    let mut s = start_session(&data, 40, 10, &[]);
    s.wait_for("partnerbook is locked");
    s.wait_for("Passphrase:");
    s.send("abc");
    s.wait_for("•••");
    s.wait_until("the frame's bottom edge whole at 40x10", bottom_edge_whole);
    for (cols, rows) in [(20, 5), (10, 3)] {
        s.resize(cols, rows);
        s.wait_until(&format!("a whole frame at {cols}x{rows}"), |screen| {
            screen.size() == (rows, cols) && bottom_edge_whole(screen)
        });
        assert!(s.is_running(), "still asking at {cols}x{rows}");
    }
    s.resize(80, 24);
    s.wait_for("Enter unlock   Esc ^C quit");
    s.wait_for("•••");
    s.send(ESC);
    assert!(!s.wait_exit(), "Esc leaves");
    s.wait_for("not unlocked: nothing was opened or written");
}
