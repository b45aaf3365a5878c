//! CLI integration tests: the real binary on temporary data dirs.

use super::run::{partnerbook, stderr, stdout};

/// A data dir holding three hand-written reviews, one of them broken.
fn data_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    std::fs::write(
        snapshots.join("2026-02-10.toml"),
        "version = 1\ndate = 2026-02-10\n\n[assessment]\nshare_information = true\nsame_team = false\n\n[skills]\nconfidence = { practised = true, rating = 2 }\n",
    )
    .expect("write");
    std::fs::write(
        snapshots.join("2026-08-01.toml"),
        "version = 1\ndate = \"2026-08-01\"\n\n[assessment]\nshare_information = true\nsame_team = true\njoint_interest = true\naligned_on_approach = true\nat_ease_informally = true\nknow_where_you_stand = true\nwork_well_together = true\ntrust_boss = true\n\n[next_steps]\ndo_more = [\"Ask for priorities\"]\n",
    )
    .expect("write");
    std::fs::write(
        snapshots.join("2026-05-05.toml"),
        "version = 1\ndate = 2026-05-05\n[assessment\n",
    )
    .expect("write");
    tmp
}

#[test]
fn list_shows_every_review_newest_first_and_marks_the_broken_one() {
    let tmp = data_dir();
    let out = partnerbook(tmp.path(), &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[0], "2026-08-01   8/10  Solid partnership         skills 0/9  · 8 of 10 answered",
        "{text}"
    );
    assert!(
        lines[1].starts_with("2026-05-05  unreadable:") && lines[1].contains("2026-05-05.toml:3:"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("2026-02-10   1/10  Needs attention")
            && lines[2].ends_with("skills 1/9  · 2 of 10 answered"),
        "{text}"
    );
}

#[test]
fn list_of_an_empty_data_dir_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = partnerbook(&tmp.path().join("nothing-here"), &["list"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("no reviews yet"));
}

#[test]
fn show_prints_one_review() {
    let tmp = data_dir();
    let out = partnerbook(tmp.path(), &["show", "2026-02-10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Review of Tue 10 Feb 2026"), "{text}");
    assert!(
        text.contains("1/10 — Needs attention (partial: 2 of 10 answered)"),
        "{text}"
    );
    assert!(text.contains("[x] Confidence  rated 2/5"), "{text}");
}

#[test]
fn show_latest_and_previous() {
    let tmp = data_dir();
    let latest = stdout(&partnerbook(tmp.path(), &["show", "latest"]));
    assert!(latest.starts_with("Review of Sat 1 Aug 2026"), "{latest}");
    let previous = partnerbook(tmp.path(), &["show", "previous"]);
    assert!(!previous.status.success(), "previous is the broken file");
    assert!(
        stderr(&previous).contains("2026-05-05.toml:3:"),
        "{}",
        stderr(&previous)
    );
}

#[test]
fn show_of_a_missing_date_is_one_clear_error() {
    let tmp = data_dir();
    let out = partnerbook(tmp.path(), &["show", "2026-03-03"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("partnerbook: no review dated 2026-03-03"),
        "{err}"
    );
    let bad = partnerbook(tmp.path(), &["show", "yesterday-ish"]);
    assert!(stderr(&bad).contains("is not a date"), "{}", stderr(&bad));
}

#[test]
fn path_prints_the_data_dir_and_the_flag_beats_the_environment() {
    let tmp = data_dir();
    assert_eq!(
        stdout(&partnerbook(tmp.path(), &["path"])).trim(),
        tmp.path().to_string_lossy()
    );
    let other = tmp.path().join("other");
    let out = partnerbook(
        tmp.path(),
        &["--data-dir", other.to_str().expect("utf8"), "path"],
    );
    assert_eq!(stdout(&out).trim(), other.to_string_lossy());
}

#[test]
fn a_data_dir_that_is_a_file_is_one_clear_error() {
    // The workbook itself opens anyway and says so in its status line (tests/safety.rs).
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").expect("write");
    for args in [&["list"][..], &["show", "latest"]] {
        let out = partnerbook(&file, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("is not a directory"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn without_a_terminal_the_workbook_refuses_in_one_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = partnerbook(tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("needs an interactive terminal"), "{err}");
}
