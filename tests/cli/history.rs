//! CLI tests of looking back: `list --json`, `compare` and `export`, run as the real binary
//! on a temporary data dir holding the hand-written reviews in `tests/fixtures/history/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::{partnerbook, stderr, stdout};
use serde_json::{Value, json};

/// Runs a command that must succeed and returns its stdout.
fn ok(data_dir: &Path, args: &[&str]) -> String {
    let out = partnerbook(data_dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Runs a command that must fail with exit code 1 and one line on stderr, returned.
fn fails(data_dir: &Path, args: &[&str]) -> String {
    let out = partnerbook(data_dir, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("partnerbook: "), "{err}");
    err
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history")
}

/// A data dir holding the named fixture reviews, e.g. `["2026-08-01"]`.
fn data_dir_with(dates: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    for date in dates {
        let name = format!("{date}.toml");
        fs::copy(fixtures().join(&name), snapshots.join(&name)).expect("copy fixture");
    }
    tmp
}

/// Four reviews: February, a broken May, August (with a follow-up) and November (latest).
fn data_dir() -> tempfile::TempDir {
    data_dir_with(&["2026-02-10", "2026-05-05", "2026-08-01", "2026-11-22"])
}

/// Compares `actual` with `tests/golden/NAME`; with `UPDATE_GOLDEN=1`, rewrites the file.
fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir golden");
        fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "output differs from {}; check it, then rerun with UPDATE_GOLDEN=1 to accept it\n\
         --- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn list_json_has_every_row_newest_first_with_the_broken_one_as_an_error() {
    let tmp = data_dir();
    let rows: Value = serde_json::from_str(&ok(tmp.path(), &["list", "--json"])).expect("json");
    let rows = rows.as_array().expect("an array");
    let dates: Vec<&str> = rows.iter().filter_map(|r| r["date"].as_str()).collect();
    assert_eq!(
        dates,
        ["2026-11-22", "2026-08-01", "2026-05-05", "2026-02-10"]
    );
    assert_eq!(
        rows[1],
        json!({
            "date": "2026-08-01", "score": 8, "out_of": 10, "answered": 9,
            "band": "solid", "band_name": "Solid partnership",
            "skills_practised": 3, "skills_total": 9, "items_written": 5, "items_total": 9
        })
    );
    let error = rows[2]["error"].as_str().expect("error text");
    assert!(error.contains("2026-05-05.toml:3: "), "{error}");
    assert_eq!(rows[2].as_object().map(|o| o.len()), Some(2));
    assert_eq!(rows[3]["band"], "needs_attention");
}

#[test]
fn list_json_of_an_empty_data_dir_is_an_empty_array() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = partnerbook(&tmp.path().join("nothing-here"), &["list", "--json"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "[]\n");
}

#[test]
fn compare_previous_latest_shows_what_moved() {
    let tmp = data_dir();
    let page = ok(tmp.path(), &["compare", "previous", "latest"]);
    assert!(
        page.starts_with("Reviews of Sat 1 Aug 2026 → Sun 22 Nov 2026"),
        "{page}"
    );
    assert!(
        page.contains("\nScore  8/10 Solid partnership → 7/10 Could be more productive  −1\n"),
        "{page}"
    );
    assert!(
        page.contains("  No  → Yes  ▲ better              Does your boss trust you?\n"),
        "{page}"
    );
    assert!(
        page.contains("  Yes → No   ▼ worse               Do you both care about the goals"),
        "{page}"
    );
    assert!(
        page.contains("  Gained  Knowing yourself, Setting goals\n"),
        "{page}"
    );
    assert!(
        page.contains("  Lost    Collaboration, Being proactive\n"),
        "{page}"
    );
    assert!(page.contains("  Collaboration     3 → -\n"), "{page}");
}

#[test]
fn compare_by_dates_puts_the_older_first_and_goes_side_by_side_when_wide() {
    let tmp = data_dir();
    let page = ok(tmp.path(), &["compare", "2026-08-01", "2026-02-10"]);
    assert!(
        page.starts_with("Reviews of Tue 10 Feb 2026 → Sat 1 Aug 2026 (172 days apart)\n"),
        "{page}"
    );
    assert!(
        page.contains("\nScore  3/10 Needs attention → 8/10 Solid partnership  +5\n"),
        "{page}"
    );
    assert!(
        page.contains("  Gained  Confidence, Collaboration\n"),
        "{page}"
    );
    assert!(page.contains("  Lost    Knowing yourself\n"), "{page}");
    assert!(page.contains("  Confidence        2 → 4  +2\n"), "{page}");
    assert!(page.contains("    Tue 10 Feb 2026\n"), "{page}");

    let wide = ok(
        tmp.path(),
        &["compare", "2026-02-10", "2026-08-01", "--width", "120"],
    );
    let row = wide
        .lines()
        .find(|l| l.contains("Take up the café lunch invitation"))
        .expect("the August item");
    assert!(
        row.starts_with("    1. Ask for priorities on Mondays   "),
        "{wide}"
    );
    let narrow_from_env = Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(["compare", "2026-02-10", "2026-08-01"])
        .env("PARTNERBOOK_DATA_DIR", tmp.path())
        .env(
            "PARTNERBOOK_CONFIG",
            std::env::temp_dir().join("partnerbook-tests-no-config.toml"),
        )
        .env("COLUMNS", "120")
        .output()
        .expect("binary runs");
    assert_eq!(stdout(&narrow_from_env), wide);
}

#[test]
fn compare_refuses_an_unknown_date_a_broken_file_and_the_same_review_twice() {
    let tmp = data_dir();
    let err = fails(tmp.path(), &["compare", "2026-01-01", "latest"]);
    assert!(
        err.starts_with("partnerbook: no review dated 2026-01-01 in "),
        "{err}"
    );
    let err = fails(tmp.path(), &["compare", "2026-05-05", "latest"]);
    assert!(err.contains("2026-05-05.toml:3: "), "{err}");
    let err = fails(tmp.path(), &["compare", "latest", "2026-11-22"]);
    assert!(
        err.contains("both dates name the review of Sun 22 Nov 2026; pick two different reviews"),
        "{err}"
    );
}

#[test]
fn export_latest_is_a_markdown_page() {
    let tmp = data_dir();
    assert_golden(
        "export-2026-11-22.md",
        &ok(tmp.path(), &["export", "latest"]),
    );
}

#[test]
fn export_json_has_the_same_content() {
    let tmp = data_dir();
    let text = ok(tmp.path(), &["export", "2026-08-01", "--format", "json"]);
    let doc: Value = serde_json::from_str(&text).expect("valid json");
    assert_eq!(doc["follow_up"]["from"], "2026-02-10");
    let focus: Vec<&str> = doc["band"]["focus"]
        .as_array()
        .expect("the band's focus list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let markdown = ok(tmp.path(), &["export", "2026-08-01"]);
    assert!(
        !focus.is_empty() && markdown.contains(&format!("\nFocus on: {}.\n", focus.join(", "))),
        "{focus:?}\n{markdown}"
    );
    assert_golden("export-2026-08-01.json", &text);
}

#[test]
fn export_to_a_file_writes_it_privately_and_prints_nothing() {
    let tmp = data_dir();
    let file = tmp.path().join("for-my-one-on-one.md");
    let out = partnerbook(
        tmp.path(),
        &["export", "latest", "-o", file.to_str().expect("utf8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let note = stderr(&out);
    assert_eq!(note.lines().count(), 1, "{note}");
    assert!(note.contains("for-my-one-on-one.md"), "{note}");
    let written = fs::read_to_string(&file).expect("written");
    assert_eq!(written, ok(tmp.path(), &["export", "latest"]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn export_previous_with_a_single_review_is_one_clear_error() {
    let tmp = data_dir_with(&["2026-08-01"]);
    let err = fails(tmp.path(), &["export", "previous"]);
    assert!(
        err.contains("there is only one review, so no `previous`"),
        "{err}"
    );
    let out = partnerbook(tmp.path(), &["export", "latest", "--format", "yaml"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("`yaml` is not a valid --format: use markdown or json"),
        "{}",
        stderr(&out)
    );
}
