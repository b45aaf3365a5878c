//! Unit tests of the snapshot format: byte-exact round-trips and every kind of bad file.

use super::*;
use crate::domain::review::{FollowUp, FollowUpItem, Progress};
use chrono::{DateTime, NaiveDate};
use toml::Value;

fn wb() -> &'static Workbook {
    Workbook::embedded()
}

fn sample() -> Review {
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let mut review = Review::new(date, wb());
    review.saved_at = DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").ok();
    review.set_answer(0, Some(true));
    review.set_answer(3, Some(false));
    review.toggle_practised(2);
    review.set_rating(2, Some(4));
    review.set_rating(7, Some(1));
    review.set_item(0, "Weekly plan — sent \"early\" ✓".into());
    review.set_item(2, "会議の準備 🙂".into());
    review.set_item(7, "Ask for\ntwo lines".into());
    review
}

#[test]
fn a_review_round_trips_to_an_equal_review_and_identical_bytes() {
    let text = to_toml(&sample(), wb());
    let back = from_toml(&text, wb()).expect("parses");
    assert_eq!(back, sample());
    assert_eq!(to_toml(&back, wb()), text);
}

#[test]
fn the_file_starts_with_version_and_an_unquoted_date() {
    let text = to_toml(&sample(), wb());
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("version = 1"));
    assert_eq!(lines.next(), Some("date = 2026-11-22"));
    assert_eq!(lines.next(), Some("saved_at = 2026-11-22T09:30:00+01:00"));
    assert!(
        text.contains("\n[assessment]\nshare_information = true\naligned_on_approach = false\n")
    );
    assert!(text.contains("adapting_work_style = { practised = true, rating = 4 }"));
    assert!(text.contains("being_proactive = { practised = false, rating = 1 }"));
}

#[test]
fn unanswered_questions_are_absent_keys() {
    let text = to_toml(&sample(), wb());
    assert!(!text.contains("same_team"));
    let back = from_toml(&text, wb()).expect("parses");
    assert_eq!(back.answers[1], None);
}

#[test]
fn quoted_dates_and_timestamps_are_accepted() {
    let text = "version = 1\ndate = \"2026-02-01\"\nsaved_at = \"2026-02-01T08:00:00Z\"\n";
    let review = from_toml(text, wb()).expect("parses");
    assert_eq!(
        review.date,
        NaiveDate::from_ymd_opt(2026, 2, 1).expect("date")
    );
    assert_eq!(
        review.saved_at.map(|t| t.to_rfc3339()),
        Some("2026-02-01T08:00:00+00:00".into())
    );
}

#[test]
fn missing_sections_mean_an_empty_review() {
    let review = from_toml("version = 1\ndate = 2026-02-01\n", wb()).expect("parses");
    assert_eq!(
        (
            review.answered(),
            review.practised(),
            review.items_written()
        ),
        (0, 0, 0)
    );
    assert_eq!(review.saved_at, None);
}

#[test]
fn unknown_top_level_keys_are_kept_on_save() {
    let text = "version = 1\ndate = 2026-02-01\nmood = \"good\"\n\n[assessment]\ntrust_boss = true\n\n[future]\nnote = \"kept\"\n";
    let review = from_toml(text, wb()).expect("parses");
    let written = to_toml(&review, wb());
    let again = from_toml(&written, wb()).expect("parses again");
    assert_eq!(
        again.unknown.get("mood").and_then(Value::as_str),
        Some("good")
    );
    let future = again.unknown.get("future").and_then(Value::as_table);
    assert_eq!(
        future.and_then(|t| t.get("note")).and_then(Value::as_str),
        Some("kept")
    );
    assert_eq!(again.answers[7], Some(true));
}

fn error_of(text: &str) -> SnapshotError {
    from_toml(text, wb()).expect_err("must be rejected")
}

#[test]
fn an_empty_file_is_an_error_not_defaults() {
    assert!(error_of("").reason.contains("missing `version`"));
}

#[test]
fn all_zero_bytes_are_an_error() {
    assert_eq!(error_of("\0\0\0\0").line, 1);
}

#[test]
fn garbage_names_its_line() {
    let err = error_of("version = 1\ndate = 2026-01-01\n[assessment\n");
    assert_eq!(err.line, 3, "{err}");
}

#[test]
fn a_newer_version_is_refused() {
    let err = error_of("version = 2\ndate = 2026-01-01\n");
    assert!(err.reason.contains("version = 2"), "{err}");
}

#[test]
fn an_unknown_question_names_its_line() {
    let err = error_of(
        "version = 1\ndate = 2026-01-01\n\n[assessment]\ntrust_boss = true\nlikes_cats = true\n",
    );
    assert_eq!(err.line, 6);
    assert!(
        err.reason.contains("unknown question `likes_cats`"),
        "{err}"
    );
}

#[test]
fn an_unknown_skill_is_refused() {
    let err =
        error_of("version = 1\ndate = 2026-01-01\n[skills]\njuggling = { practised = true }\n");
    assert_eq!(err.line, 4);
    assert!(err.reason.contains("unknown skill"), "{err}");
}

#[test]
fn a_rating_out_of_range_is_refused() {
    for bad in ["0", "6", "\"4\""] {
        let err = error_of(&format!(
            "version = 1\ndate = 2026-01-01\n[skills]\nconfidence = {{ practised = true, rating = {bad} }}\n"
        ));
        assert!(
            err.reason.contains("rating` must be 1 to 5"),
            "{bad}: {err}"
        );
        assert_eq!(err.line, 4);
    }
}

#[test]
fn wrong_types_are_refused() {
    let cases = [
        ("version = \"1\"\ndate = 2026-01-01\n", "whole number"),
        ("version = 1\ndate = 12\n", "`date` must be a date"),
        (
            "version = 1\ndate = 2026-01-01\nsaved_at = 3\n",
            "`saved_at`",
        ),
        (
            "version = 1\ndate = 2026-01-01\n[assessment]\ntrust_boss = \"yes\"\n",
            "true or false",
        ),
        (
            "version = 1\ndate = 2026-01-01\nassessment = 1\n",
            "must be a table",
        ),
        (
            "version = 1\ndate = 2026-01-01\n[next_steps]\ndo_more = [1]\n",
            "list of strings",
        ),
    ];
    for (text, expected) in cases {
        let err = error_of(text);
        assert!(err.reason.contains(expected), "{text:?} gave {err}");
    }
}

#[test]
fn more_than_three_items_are_refused() {
    let err = error_of(
        "version = 1\ndate = 2026-01-01\n[next_steps]\ndo_more = [\"a\", \"b\", \"c\", \"d\"]\n",
    );
    assert!(err.reason.contains("at most 3"), "{err}");
}

fn with_follow_up() -> Review {
    let mut review = sample();
    review.follow_up = Some(FollowUp {
        from: NaiveDate::from_ymd_opt(2026, 8, 20).expect("date"),
        items: vec![
            FollowUpItem {
                text: "Ask for priorities on Mondays".into(),
                status: Some(Progress::Done),
            },
            FollowUpItem {
                text: "Say \"what would a yes delay?\"".into(),
                status: Some(Progress::NotYet),
            },
            FollowUpItem {
                text: "Share the plan early".into(),
                status: None,
            },
        ],
    });
    review
}

#[test]
fn a_follow_up_round_trips_to_identical_bytes() {
    let text = to_toml(&with_follow_up(), wb());
    assert!(
        text.contains("\n[follow_up]\nfrom = 2026-08-20\nitems = [\n"),
        "{text}"
    );
    assert!(
        text.contains("    { text = \"Ask for priorities on Mondays\", status = \"done\" },\n"),
        "{text}"
    );
    assert!(
        text.contains("    { text = \"Share the plan early\" },\n"),
        "{text}"
    );
    let back = from_toml(&text, wb()).expect("parses");
    assert_eq!(back, with_follow_up());
    assert_eq!(to_toml(&back, wb()), text);
}

#[test]
fn a_review_without_follow_up_writes_no_section() {
    assert!(!to_toml(&sample(), wb()).contains("follow_up"));
}

#[test]
fn bad_follow_ups_are_refused_with_their_line() {
    let head = "version = 1\ndate = 2026-11-22\n\n[follow_up]\n";
    let cases = [
        ("items = []\n", "lacks `from`", 4),
        ("from = \"soon\"\nitems = []\n", "follow_up.from", 5),
        (
            "from = 2026-08-20\nitems = [{ text = \"x\", status = \"maybe\" }]\n",
            "not_yet",
            6,
        ),
        (
            "from = 2026-08-20\nitems = [{ status = \"done\" }]\n",
            "like { text",
            6,
        ),
        ("from = 2026-08-20\nitems = \"x\"\n", "must be a list", 6),
        ("from = 2026-08-20\nextra = 1\n", "unknown key `extra`", 6),
        (
            "from = 2026-08-20\nitems = [{ text = \"a\" }, { text = \"b\" }, { text = \"c\" }, { text = \"d\" }]\n",
            "at most 3",
            6,
        ),
    ];
    for (body, reason, line) in cases {
        let err = error_of(&format!("{head}{body}"));
        assert!(err.reason.contains(reason), "{body}: {err}");
        assert_eq!(err.line, line, "{body}: {err}");
    }
}
