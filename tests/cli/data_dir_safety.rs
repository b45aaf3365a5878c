//! The data dir as the real binary sees it after a stray FIFO, a symlink, a `sudo` mistake or a
//! bad `data_dir`: special files are reported and never opened, writes go through symlinks
//! but never over devices, start-up touches only partnerbook's own files, and without a
//! terminal nothing is touched at all.

use std::fs;
use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary with `data_dir`, no config file, stdin empty; `env` added. Fails the test when it
/// runs longer than ten seconds (a read blocked on a FIFO), killing it first.
fn run(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
    command
        .args(args)
        .env("PARTNERBOOK_DATA_DIR", data_dir)
        .env("PARTNERBOOK_CONFIG", data_dir.join("no-config.toml"))
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    finish(command, args)
}

fn finish(mut command: Command, args: &[&str]) -> Output {
    let mut child = command.spawn().expect("binary runs");
    let start = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`partnerbook {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .expect("meta")
        .permissions()
        .mode()
        & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status();
    assert!(
        made.expect("mkfifo runs").success(),
        "mkfifo {}",
        path.display()
    );
}

/// A data dir holding one good review, dated 2026-08-01, and returns its path.
fn with_review(dir: &Path) -> PathBuf {
    let snapshots = dir.join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    let path = snapshots.join("2026-08-01.toml");
    let text = "version = 1\ndate = 2026-08-01\n\n[assessment]\nshare_information = true\n\n[next_steps]\ndo_more = [\"Ask for priorities\"]\n";
    fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_fifo_named_like_a_review_or_as_the_draft_is_reported_and_nothing_hangs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    with_review(tmp.path());
    let fifo = tmp.path().join("snapshots/2026-09-01.toml");
    mkfifo(&fifo);
    mkfifo(&tmp.path().join("draft.toml"));

    let out = run(tmp.path(), &["list"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("2026-09-01  unreadable: cannot read")
            && text.contains("not a regular file (a FIFO)"),
        "{text}"
    );
    assert!(text.contains("2026-08-01"), "{text}");

    let out = run(tmp.path(), &["check"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("2026-09-01.toml: cannot read it: not a regular file (a FIFO)"),
        "{text}"
    );
    assert!(
        text.contains("draft.toml: cannot read it: not a regular file (a FIFO)"),
        "{text}"
    );

    for args in [
        &["show", "2026-09-01"][..],
        &["show", "latest"],
        &["export", "latest"],
    ] {
        let out = run(tmp.path(), args, &[]);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("not a regular file (a FIFO)"), "{err}");
    }
    let out = run(tmp.path(), &["list", "--json"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("not a regular file (a FIFO)"),
        "{}",
        stdout(&out)
    );
    let kind = fs::symlink_metadata(&fifo).expect("kept").file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
}

#[test]
fn export_refuses_a_fifo_or_a_device_and_writes_through_a_symlink() {
    let tmp = tempfile::tempdir().expect("tempdir");
    with_review(tmp.path());
    let fifo = tmp.path().join("pipe.md");
    mkfifo(&fifo);
    let out = run(
        tmp.path(),
        &["export", "latest", "-o", &fifo.to_string_lossy()],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a regular file (a FIFO)"),
        "{}",
        stderr(&out)
    );

    // A device node like /dev/full: only root may make one.
    let device = tmp.path().join("full");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "7"])
        .output();
    if made.is_ok_and(|m| m.status.success()) {
        let out = run(
            tmp.path(),
            &["export", "latest", "-o", &device.to_string_lossy()],
            &[],
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file (a device)"),
            "{}",
            stderr(&out)
        );
        let kind = fs::symlink_metadata(&device)
            .expect("still there")
            .file_type();
        assert!(
            std::os::unix::fs::FileTypeExt::is_char_device(&kind),
            "the device was replaced"
        );
    } else {
        eprintln!("device part skipped: mknod needs root");
    }

    let real = tmp.path().join("shared/review.md");
    fs::create_dir_all(real.parent().expect("parent")).expect("mkdir");
    fs::write(&real, "old page").expect("write");
    let link = tmp.path().join("review.md");
    symlink("shared/review.md", &link).expect("symlink");
    let out = run(
        tmp.path(),
        &["export", "latest", "-o", &link.to_string_lossy()],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .expect("target")
            .contains("Ask for priorities")
    );
    let names: Vec<_> = fs::read_dir(tmp.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.to_string_lossy().starts_with(".review.md")),
        "{names:?}"
    );
}

#[test]
fn a_failed_export_leaves_no_temporary_file_behind() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let review = with_review(tmp.path());
    let long = "word ".repeat(4_000);
    let text = fs::read_to_string(&review)
        .expect("read")
        .replace("Ask for priorities", &long);
    fs::write(&review, text).expect("write");
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).expect("mkdir");
    // A file-size limit of 1 block makes the write fail (SIGXFSZ ignored, so it is EFBIG).
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' export latest -o '{}'",
        env!("CARGO_BIN_EXE_partnerbook"),
        out_dir.join("page.md").display()
    );
    let mut command = Command::new("sh");
    command
        .args(["-c", &script])
        .env("PARTNERBOOK_DATA_DIR", tmp.path())
        .env("PARTNERBOOK_CONFIG", tmp.path().join("no-config.toml"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = finish(command, &["export", "(file size limited)"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    let left: Vec<_> = fs::read_dir(&out_dir).expect("dir").flatten().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn without_a_terminal_nothing_is_created_chmodded_or_deleted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("not-yet");
    let out = run(&missing, &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("needs an interactive terminal"),
        "{}",
        stderr(&out)
    );
    assert!(!missing.exists(), "the data dir was created");

    let review = with_review(tmp.path());
    let snapshots = tmp.path().join("snapshots");
    let leftover = snapshots.join(".2026-08-01.toml.Xy12ab");
    fs::write(&leftover, "half").expect("write");
    chmod(&review, 0o644);
    chmod(&snapshots, 0o755);
    let out = run(tmp.path(), &[], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("needs an interactive terminal"),
        "{}",
        stderr(&out)
    );
    assert!(leftover.exists(), "a start-up duty ran");
    assert_eq!((mode(&review), mode(&snapshots)), (0o644, 0o755));
    assert!(!tmp.path().join(".lock").exists(), "the lock was made");
}

#[test]
fn the_home_directory_or_the_root_as_data_dir_is_one_clear_error_and_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("home");
    fs::create_dir(&home).expect("mkdir");
    chmod(&home, 0o755);
    let bashrc = home.join(".bashrc");
    fs::write(&bashrc, "alias ll='ls -l'\n").expect("write");
    chmod(&bashrc, 0o644);
    let config = tmp.path().join("config.toml");
    fs::write(&config, "data_dir = \"~\"\n").expect("write");
    let home_env = [("HOME", home.to_str().expect("utf-8"))];
    for args in [&["list"][..], &["check"], &[]] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
        command
            .args(args)
            .env_remove("PARTNERBOOK_DATA_DIR")
            .env("PARTNERBOOK_CONFIG", &config)
            .envs(home_env)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = finish(command, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("is your home directory"), "{err}");
    }
    assert_eq!((mode(&home), mode(&bashrc)), (0o755, 0o644));
    let out = run(Path::new("/"), &["list"], &home_env);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("data dir / is the root of the file system"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn compare_widths_are_bounded() {
    let tmp = tempfile::tempdir().expect("tempdir");
    with_review(tmp.path());
    let other = tmp.path().join("snapshots/2026-05-01.toml");
    fs::write(&other, "version = 1\ndate = 2026-05-01\n").expect("write");
    let out = run(
        tmp.path(),
        &[
            "compare",
            "previous",
            "latest",
            "--width",
            "18446744073709551615",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--width"), "{}", stderr(&out));
    let columns = [("COLUMNS", "999999999999")];
    let out = run(tmp.path(), &["compare", "previous", "latest"], &columns);
    assert!(out.status.success(), "{}", stderr(&out));
    let widest = stdout(&out)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest <= 1000, "a line {widest} columns wide");
}
