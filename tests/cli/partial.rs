//! CLI tests of partial and unstarted reviews wherever a score shows — `list`, `list --json`,
//! `show`, `export` and `compare` — and of `show` printing the whole review. The real binary
//! runs on a temporary data dir holding the fixtures of `tests/fixtures/history/` (all
//! partial: 5, 9 and 8 of 10 answered) plus reviews written here.

use std::fs;
use std::path::Path;

use super::run::partnerbook;
use serde_json::{Value, json};

/// Runs a command that must succeed and returns its stdout.
fn ok(data_dir: &Path, args: &[&str]) -> String {
    let out = partnerbook(data_dir, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every question of the embedded workbook, in order, as snapshot keys.
const QUESTIONS: [&str; 10] = [
    "share_information",
    "same_team",
    "joint_interest",
    "aligned_on_approach",
    "at_ease_informally",
    "know_where_you_stand",
    "work_well_together",
    "trust_boss",
    "boss_trusts_you",
    "partnering_now",
];

/// The history fixtures, an unstarted review of 2026-09-15 and a complete one of 2026-10-20
/// (six Yes, four No).
fn data_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history");
    for date in ["2026-02-10", "2026-08-01", "2026-11-22"] {
        let name = format!("{date}.toml");
        fs::copy(fixtures.join(&name), snapshots.join(&name)).expect("copy fixture");
    }
    fs::write(
        snapshots.join("2026-09-15.toml"),
        "version = 1\ndate = 2026-09-15\n",
    )
    .expect("write");
    let answers: String = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, id)| format!("{id} = {}\n", i < 6))
        .collect();
    fs::write(
        snapshots.join("2026-10-20.toml"),
        format!("version = 1\ndate = 2026-10-20\n\n[assessment]\n{answers}"),
    )
    .expect("write");
    tmp
}

#[test]
fn list_marks_partial_reviews_and_gives_no_band_before_the_first_answer() {
    let tmp = data_dir();
    let text = ok(tmp.path(), &["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-11-22   7/10  Could be more productive  skills 3/9  · 8 of 10 answered",
            "2026-10-20   6/10  Could be more productive  skills 0/9",
            "2026-09-15   0/10  Not started               skills 0/9  · 0 of 10 answered",
            "2026-08-01   8/10  Solid partnership         skills 3/9  · 9 of 10 answered",
            "2026-02-10   3/10  Needs attention           skills 2/9  · 5 of 10 answered",
        ],
        "{text}"
    );
}

#[test]
fn list_json_counts_the_answers_of_every_row() {
    let tmp = data_dir();
    let rows: Value = serde_json::from_str(&ok(tmp.path(), &["list", "--json"])).expect("json");
    let answered: Vec<&Value> = rows
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| &r["answered"])
        .collect();
    assert_eq!(
        answered,
        [&json!(8), &json!(10), &json!(0), &json!(9), &json!(5)]
    );
    assert_eq!(rows[2]["band"], Value::Null);
    assert_eq!(rows[2]["band_name"], Value::Null);
    assert_eq!(rows[1]["band"], "more_productive");
}

#[test]
fn show_and_export_mark_a_partial_review() {
    let tmp = data_dir();
    let page = ok(tmp.path(), &["show", "2026-08-01"]);
    assert!(
        page.contains("\nSelf-assessment: 8/10 — Solid partnership (partial: 9 of 10 answered)\n"),
        "{page}"
    );
    let whole = ok(tmp.path(), &["show", "2026-10-20"]);
    assert!(
        whole.contains("\nSelf-assessment: 6/10 — Could be more productive (10 of 10 answered)\n"),
        "{whole}"
    );
    let markdown = ok(tmp.path(), &["export", "2026-08-01"]);
    assert!(
        markdown.contains("\n**Score 8/10 — Solid partnership (partial: 9 of 10 answered).** "),
        "{markdown}"
    );
    let doc: Value = serde_json::from_str(&ok(
        tmp.path(),
        &["export", "2026-08-01", "--format", "json"],
    ))
    .expect("json");
    assert_eq!((&doc["answered"], &doc["out_of"]), (&json!(9), &json!(10)));
}

#[test]
fn an_unstarted_review_gets_a_neutral_line_and_no_verdict() {
    let tmp = data_dir();
    let needs_attention = "Needs attention";
    let page = ok(tmp.path(), &["show", "2026-09-15"]);
    assert!(
        page.contains("\nSelf-assessment: not started — no questions answered yet\n"),
        "{page}"
    );
    assert!(
        !page.contains(needs_attention) && !page.contains("Focus on"),
        "{page}"
    );
    let markdown = ok(tmp.path(), &["export", "2026-09-15"]);
    assert!(
        markdown.contains("\n**Not started — no questions answered yet.**\n"),
        "{markdown}"
    );
    assert!(!markdown.contains(needs_attention), "{markdown}");
    let doc: Value = serde_json::from_str(&ok(
        tmp.path(),
        &["export", "2026-09-15", "--format", "json"],
    ))
    .expect("json");
    assert_eq!((&doc["answered"], &doc["band"]), (&json!(0), &Value::Null));
}

#[test]
fn compare_says_which_review_is_partial() {
    let tmp = data_dir();
    let args = ["compare", "2026-08-01", "2026-10-20", "--width", "120"];
    let page = ok(tmp.path(), &args);
    assert!(
        page.contains(
            "\nScore  8/10 Solid partnership → 6/10 Could be more productive  −2 \
             (the older review is partial: 9 of 10 answered)\n"
        ),
        "{page}"
    );
    let page = ok(tmp.path(), &["compare", "2026-10-20", "latest"]);
    assert!(
        page.contains(
            "\nScore  6/10 Could be more productive → 7/10 Could be more productive  +1\n       \
             (the newer review is partial: 8 of 10 answered)\n"
        ),
        "{page}"
    );
    let page = ok(tmp.path(), &["compare", "2026-09-15", "2026-10-20"]);
    assert!(
        page.contains(
            "\nScore  0/10 Not started → 6/10 Could be more productive  +6\n       \
             (the older review is not started: 0 of 10 answered)\n"
        ),
        "{page}"
    );
}

#[test]
fn show_prints_the_whole_review_follow_up_included() {
    let tmp = data_dir();
    let page = ok(tmp.path(), &["show", "latest"]);
    assert!(
        page.starts_with("Review of Sun 22 Nov 2026 (saved Sun 22 Nov 2026 09:30 +01:00)\n"),
        "{page}"
    );
    assert!(
        page.contains("    1. Say no to side projects, kindly and early\n"),
        "{page}"
    );
    assert!(
        page.ends_with(
            "\nFollow-up of the plans from Sat 1 Aug 2026: 2 of 2 marked\n  \
             done     Take up the café lunch invitation\n  \
             partly   Ask for feedback after each launch\n"
        ),
        "{page}"
    );
}
