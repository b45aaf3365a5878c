//! The real binary in a pseudo-terminal on a bad day: SIGINT from outside, SIGTERM while the
//! user's editor is open, a FIFO among the reviews and as the draft, files left by `sudo`.

use crate::session;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use session::{CTRL_E, ESC, Session};

/// Waits until `check` holds for the text of `path` (missing reads as empty).
fn wait_for_file(path: &Path, what: &str, check: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let text = fs::read_to_string(path).unwrap_or_default();
        if check(&text) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!(
        "{} never held {what}: {:?}",
        path.display(),
        fs::read_to_string(path)
    );
}

/// Whether process `pid` has ended (gone, or a zombie no one has reaped yet).
fn has_ended(pid: &str) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|s| s.trim_start().starts_with('Z'))
    })
}

/// Today's date as the binary sees it, minus `days`.
fn days_ago(days: i64) -> String {
    (chrono::Local::now().date_naive() - chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.expect("mkfifo runs").success());
}

fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    fs::create_dir(&data).expect("mkdir data");
    (tmp, data)
}

#[test]
fn sigint_restores_the_terminal_and_keeps_the_draft() {
    let (_tmp, data) = data_dir();
    let mut s = Session::start(&data, 120, 40);
    s.wait_for("Self-assessment");
    s.send("y");
    s.wait_for("unsaved changes");
    s.signal("INT");
    s.wait_exit();
    let draft = fs::read_to_string(data.join("draft.toml")).expect("draft kept");
    assert!(draft.contains("share_information = true"), "{draft}");
}

#[test]
fn sigterm_while_the_editor_is_open_ends_it_keeps_its_saved_words_and_no_temp_file() {
    let (tmp, data) = data_dir();
    let pids = tmp.path().join("pids");
    // A wrapper script, as many $EDITORs are: it saves new words to the file, then waits on
    // a child (the "real" editor) that would outlive partnerbook if only the script were ended.
    let editor = tmp.path().join("slow-editor");
    fs::write(
        &editor,
        format!(
            "#!/bin/sh\nfor file; do :; done\nprintf 'Words typed in the editor\\n' > \"$file\"\n\
             sleep 300 &\necho \"$$ $!\" > '{}'\nwait\n",
            pids.display()
        ),
    )
    .expect("write");
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).expect("chmod");
    let env = [("EDITOR", editor.to_str().expect("utf-8")), ("VISUAL", "")];
    let mut s = Session::start_with_env(&data, 80, 24, &env);
    s.wait_for("Self-assessment");
    s.send("\t\t");
    s.wait_for("▶ 1. Enter to write");
    s.send("\r");
    s.wait_for("Esc done");
    s.send("First thoughts");
    s.wait_for("First thoughts");
    s.send(ESC);
    s.wait_for("Enter edit");
    s.send(CTRL_E);
    let running = wait_for_file(&pids, "two process ids", |t| {
        t.split_whitespace().count() == 2
    });
    s.signal("TERM");
    s.wait_exit();

    for pid in running.split_whitespace() {
        let start = Instant::now();
        while !has_ended(pid) && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(has_ended(pid), "editor process {pid} was left running");
    }
    let left: Vec<_> = fs::read_dir(&data)
        .expect("data dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".partnerbook-item-"))
        .collect();
    assert!(left.is_empty(), "the editor's temp file was left: {left:?}");
    let draft = fs::read_to_string(data.join("draft.toml")).expect("draft kept");
    assert!(draft.contains("Words typed in the editor"), "{draft}");
}

#[test]
fn sigint_while_the_editor_is_open_is_left_to_the_editor() {
    let (tmp, data) = data_dir();
    let started = tmp.path().join("started");
    let go = tmp.path().join("go");
    // An editor that saves new words, then closes once the test says so.
    let editor = tmp.path().join("waiting-editor");
    fs::write(
        &editor,
        format!(
            "#!/bin/sh\nfor file; do :; done\nprintf 'Kept after Ctrl-C\\n' > \"$file\"\n\
             echo x > '{}'\nwhile [ ! -e '{}' ]; do sleep 0.05; done\n",
            started.display(),
            go.display()
        ),
    )
    .expect("write");
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).expect("chmod");
    let env = [("EDITOR", editor.to_str().expect("utf-8")), ("VISUAL", "")];
    let mut s = Session::start_with_env(&data, 80, 24, &env);
    s.wait_for("Self-assessment");
    s.send("\t\t");
    s.wait_for("▶ 1. Enter to write");
    s.send(CTRL_E);
    wait_for_file(&started, "a mark", |t| !t.is_empty());
    s.signal("INT");
    fs::write(&go, "").expect("go");
    s.wait_for("Item updated from your editor");
    s.wait_for("Kept after Ctrl-C");
    assert!(
        s.is_running(),
        "partnerbook ended on a Ctrl-C meant for the editor"
    );
    s.send(session::CTRL_S);
    s.wait_for(" saved ");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_fifo_review_and_draft_leave_the_workbook_and_history_responsive() {
    let (_tmp, data) = data_dir();
    let snapshots = data.join("snapshots");
    fs::create_dir(&snapshots).expect("mkdir");
    let good = days_ago(100);
    let text = format!("version = 1\ndate = {good}\n\n[assessment]\nsame_team = true\n");
    fs::write(snapshots.join(format!("{good}.toml")), text).expect("write");
    let fifo = snapshots.join(format!("{}.toml", days_ago(10)));
    mkfifo(&fifo);
    mkfifo(&data.join("draft.toml"));

    let mut s = Session::start(&data, 120, 40);
    s.wait_for("not a regular file (a FIFO)");
    s.wait_for("Self-assessment");
    s.send("o");
    s.wait_for("1/10  partial");
    s.wait_for("not a regular file (a F");
    s.send(ESC);
    s.wait_for("Self-assessment");
    s.send("q");
    assert!(s.wait_exit());
    let kind = fs::symlink_metadata(&fifo).expect("kept").file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
}

/// Whether this process can run a command as the unprivileged user `nobody` (it must be root).
fn can_switch_user() -> bool {
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn files_left_by_sudo_are_skipped_and_the_users_own_tightened() {
    if !can_switch_user() {
        eprintln!("skipped: cannot switch to an unprivileged user (needs root and setpriv)");
        return;
    }
    let (tmp, data) = data_dir();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let snapshots = data.join("snapshots");
    fs::create_dir(&snapshots).expect("mkdir");
    let mine = snapshots.join(format!("{}.toml", days_ago(200)));
    let roots = snapshots.join(format!("{}.toml", days_ago(100)));
    for (path, date) in [(&mine, days_ago(200)), (&roots, days_ago(100))] {
        fs::write(path, format!("version = 1\ndate = {date}\n")).expect("write");
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    for path in [&data, &snapshots, &mine] {
        std::os::unix::fs::chown(path, Some(65534), Some(65534)).expect("chown to nobody");
    }
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).expect("chmod");

    let mut s = Session::start_as_nobody(&data, 120, 40);
    s.wait_for("Made your data folder private again");
    assert!(!s.contents().contains("Could not make"), "{}", s.contents());
    s.send("q");
    assert!(s.wait_exit());
    let mode = |path: &Path| fs::metadata(path).expect("meta").permissions().mode() & 0o777;
    assert_eq!((mode(&data), mode(&mine)), (0o700, 0o600));
    assert_eq!(mode(&roots), 0o644, "root's file is not nobody's to change");
}
