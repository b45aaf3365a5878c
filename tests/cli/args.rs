//! CLI tests of argument errors, run as the real binary: each is one line saying what is wrong
//! (plus at most clap's usage line) on stderr, nothing on stdout, and a non-zero exit.

use super::run::partnerbook;

/// A data dir holding one review, so `latest` names something.
fn data_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    std::fs::write(
        snapshots.join("2026-08-01.toml"),
        "version = 1\ndate = 2026-08-01\n",
    )
    .expect("write");
    tmp
}

/// Runs `args`, which must fail briefly; returns stderr's lines.
fn short_error(args: &[&str]) -> Vec<String> {
    let tmp = data_dir();
    let out = partnerbook(tmp.path(), args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{args:?} succeeded: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    let lines: Vec<String> = err.lines().map(String::from).collect();
    assert!(
        (1..=2).contains(&lines.len()),
        "{args:?}: more than one line and a usage line:\n{err}"
    );
    assert!(lines[0].starts_with("partnerbook: "), "{args:?}: {err}");
    if let Some(usage) = lines.get(1) {
        assert!(usage.starts_with("Usage: partnerbook"), "{args:?}: {err}");
    }
    lines
}

#[test]
fn an_impossible_date_is_one_line() {
    let lines = short_error(&["show", "2026-13-45"]);
    assert_eq!(
        lines,
        [
            "partnerbook: `2026-13-45` is not a real date: name a review as YYYY-MM-DD, `latest` or `previous`"
        ]
    );
}

#[test]
fn show_without_a_date_says_what_is_missing() {
    let lines = short_error(&["show"]);
    assert_eq!(
        lines,
        [
            "partnerbook: missing <DATE>: name a review as YYYY-MM-DD, `latest` or `previous`",
            "Usage: partnerbook show <DATE>"
        ]
    );
}

#[test]
fn compare_with_one_review_says_what_is_missing() {
    let lines = short_error(&["compare", "latest"]);
    assert_eq!(
        lines,
        [
            "partnerbook: missing <B>: name a review as YYYY-MM-DD, `latest` or `previous`",
            "Usage: partnerbook compare <A> <B>"
        ]
    );
}

#[test]
fn an_unknown_export_format_names_the_known_ones() {
    let lines = short_error(&["export", "x", "--format", "pdf"]);
    assert_eq!(
        lines,
        ["partnerbook: `pdf` is not a valid --format: use markdown or json"]
    );
}

#[test]
fn an_unknown_command_is_short_too() {
    let lines = short_error(&["lst"]);
    assert_eq!(
        lines[0],
        "partnerbook: `lst` is not a command; did you mean `list`?"
    );
}

#[test]
fn help_and_version_still_print_in_full_and_succeed() {
    let tmp = data_dir();
    for args in [&["--help"][..], &["show", "--help"], &["--version"]] {
        let out = partnerbook(tmp.path(), args);
        assert!(out.status.success(), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let help = partnerbook(tmp.path(), &["show", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: partnerbook show"));
}

#[test]
fn open_refuses_a_date_after_today_in_one_line() {
    let ahead = chrono::Local::now().date_naive() + chrono::Days::new(2);
    let ahead = ahead.format("%Y-%m-%d").to_string();
    let lines = short_error(&["open", &ahead]);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("after today"), "{lines:?}");
}

#[test]
fn open_without_a_terminal_says_so_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missed = chrono::Local::now().date_naive() - chrono::Days::new(20);
    let out = partnerbook(
        tmp.path(),
        &["open", &missed.format("%Y-%m-%d").to_string()],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("interactive terminal"), "{err}");
    assert!(!tmp.path().join("snapshots").exists(), "nothing written");
}
