//! Tests of saving into a hand-edited file: comments, order, inline tables, unknown tables and
//! line endings survive, and the result always reads back as the review (a proptest).

use chrono::{DateTime, NaiveDate};

use super::update_text;
use crate::domain::content::Workbook;
use crate::domain::review::{FollowUp, FollowUpItem, Progress, Review};
use crate::domain::snapshot::{from_toml, to_toml};

pub(super) fn wb() -> &'static Workbook {
    Workbook::embedded()
}

/// Comments on every kind of line, an unknown key and an unknown table.
const COMMENTED: &str = r#"# My review, kept by hand
version = 1   # the format
date = 2026-11-22
saved_at = 2026-11-22T09:30:00+01:00
mood = "good" # not the app's

# How it went
[assessment]
# the first question
share_information = true  # yes!
trust_boss = false

[skills]
knowing_yourself = { practised = true, rating = 4 } # proud of this one
confidence = { rating = 2 }

[next_steps]
doing_right = [
    # the big one
    "Send the weekly plan",
    "Book the monthly talk", # second
]
do_more = []

[follow_up]
from = 2026-08-20
items = [
    { text = "Ask for priorities", status = "done" }, # went well
    { text = "Say what a yes delays" },
]

# Not the app's: must stay
[extra]
note = "kept" # keep me
"#;

/// Sections and keys in an order of the user's choosing, a quoted date.
const REORDERED: &str = r#"date = "2026-11-22"
version = 1

[next_steps]
wish_boss = ["More context"]
doing_right = []

[skills]
setting_goals = { practised = true }
knowing_yourself = { rating = 3, practised = false }

[extra]
note = "kept"

[assessment]
trust_boss = true
share_information = false
"#;

/// Inline, dotted and sub-tables, and the plans as an array of tables.
const INLINE: &str = r#"version = 1
date = 2026-11-22
assessment = { share_information = true, same_team = false }
skills = { confidence = { practised = true } }
next_steps.do_more = ["Ask early"]

[skills_notes]
why = "unknown table between known ones"

[[follow_up.items]]
text = "Ask for priorities"
status = "partly"

[follow_up]
from = 2026-08-20
"#;

/// TOML 1.1: an inline table over several lines with comments; a multi-line string.
const MULTILINE: &str = r#"version = 1
date = 2026-11-22
story = """
It went "well"
mostly ''' \""" """
skills = {
    confidence = { practised = true }, # since spring
    # ask again
    collaboration = { rating = 2 },
}
"#;

const BARE: &str = "version = 1\ndate = 2026-11-22\n";

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

pub(super) fn originals() -> Vec<String> {
    vec![
        COMMENTED.into(),
        REORDERED.into(),
        INLINE.into(),
        MULTILINE.into(),
        BARE.into(),
        crlf(COMMENTED),
        crlf(INLINE),
        crlf(MULTILINE),
    ]
}

pub(super) fn read(text: &str) -> Review {
    from_toml(text, wb()).expect("reads")
}

fn saved(original: &str, review: &Review) -> String {
    let text = update_text(original, review, wb()).expect("updates");
    assert_eq!(&read(&text), review, "{text}");
    text
}

#[test]
fn an_unchanged_review_leaves_every_byte_as_it_was() {
    for original in originals() {
        assert_eq!(saved(&original, &read(&original)), original);
    }
}

#[test]
fn a_comment_above_an_answer_survives_an_answer_change() {
    let mut review = read(COMMENTED);
    review.set_answer(0, Some(false));
    let text = saved(COMMENTED, &review);
    assert!(
        text.contains("# the first question\nshare_information = false  # yes!\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), COMMENTED.lines().count());
}

#[test]
fn an_inline_assessment_table_stays_inline() {
    let mut review = read(INLINE);
    review.set_answer(1, Some(true));
    review.set_answer(7, Some(true));
    review.set_answer(0, None);
    let text = saved(INLINE, &review);
    assert!(
        text.contains("assessment = { same_team = true, trust_boss = true }\n"),
        "{text}"
    );
    assert!(!text.contains("[assessment]"), "{text}");
}

#[test]
fn the_file_s_key_and_section_order_is_kept() {
    let mut review = read(REORDERED);
    review.set_answer(7, Some(false));
    review.set_answer(0, Some(true));
    review.set_rating(0, Some(5));
    let text = saved(REORDERED, &review);
    let order = |key: &str| text.find(key).unwrap_or(usize::MAX);
    assert!(order("date =") < order("version ="), "{text}");
    assert!(order("[next_steps]") < order("[skills]"), "{text}");
    assert!(order("[extra]") < order("[assessment]"), "{text}");
    assert!(
        order("trust_boss = false") < order("share_information = true"),
        "{text}"
    );
    assert!(
        text.contains("knowing_yourself = { rating = 5, practised = false }"),
        "{text}"
    );
    assert!(text.starts_with("date = \"2026-11-22\"\n"), "{text}");
}

#[test]
fn an_unknown_table_and_key_are_kept_with_their_comments() {
    let mut review = read(COMMENTED);
    review.set_item(0, "Send the plan on Friday".into());
    review.follow_up = None;
    let text = saved(COMMENTED, &review);
    assert!(
        text.ends_with("\n# Not the app's: must stay\n[extra]\nnote = \"kept\" # keep me\n"),
        "{text}"
    );
    assert!(text.contains("mood = \"good\" # not the app's\n"), "{text}");
    assert!(!text.contains("[follow_up]"), "{text}");
}

#[test]
fn missing_keys_are_added_where_the_normal_writer_puts_them() {
    let mut review = read(REORDERED);
    review.saved_at = DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").ok();
    review.set_answer(1, Some(true));
    review.set_progress(0, Some(Progress::Done));
    review.follow_up = Some(FollowUp {
        from: NaiveDate::from_ymd_opt(2026, 8, 20).expect("date"),
        items: vec![FollowUpItem {
            text: "Line one\nline two".into(),
            status: Some(Progress::NotYet),
        }],
    });
    let text = saved(REORDERED, &review);
    assert!(
        text.starts_with("date = \"2026-11-22\"\nversion = 1\nsaved_at = 2026-11-22T10:00:00Z\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "[assessment]\ntrust_boss = true\nshare_information = false\nsame_team = true\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "\n[follow_up]\nfrom = 2026-08-20\nitems = [\n    { text = \"Line one\\nline two\", status = \"not_yet\" },\n]\n"
        ),
        "{text}"
    );
}

#[test]
fn a_new_section_goes_before_unknown_tables() {
    let original = "version = 1\ndate = 2026-11-22\n\n[extra]\nnote = 1\n";
    let mut review = read(original);
    review.set_answer(2, Some(true));
    let text = saved(original, &review);
    assert_eq!(
        text,
        "version = 1\ndate = 2026-11-22\n\n[assessment]\njoint_interest = true\n\n[extra]\nnote = 1\n"
    );
}

#[test]
fn cleared_values_are_removed_as_the_normal_writer_leaves_them_out() {
    let mut review = read(COMMENTED);
    review.set_answer(7, None);
    review.set_rating(0, None);
    review.saved_at = None;
    review.next_steps[0] = Default::default();
    review.set_progress(0, None);
    let text = saved(COMMENTED, &review);
    assert!(
        !text.contains("trust_boss") && !text.contains("saved_at"),
        "{text}"
    );
    assert!(
        text.contains("knowing_yourself = { practised = true } # proud of this one\n"),
        "{text}"
    );
    assert!(text.contains("doing_right = []\n"), "{text}");
    assert!(
        text.contains("    { text = \"Ask for priorities\" }, # went well\n"),
        "{text}"
    );
}

#[test]
fn crlf_line_endings_are_kept() {
    let original = crlf(COMMENTED);
    let mut review = read(&original);
    review.set_item(2, "A third\nwith a break".into());
    review.set_answer(5, Some(true));
    let text = saved(&original, &review);
    assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
    assert!(
        text.contains("    \"A third\\nwith a break\",\r\n"),
        "{text:?}"
    );
}

#[test]
fn an_unreadable_original_is_an_error_naming_its_line() {
    let review = read(BARE);
    let err = update_text(
        "version = 1\ndate = 2026-11-22\n[assessment\n",
        &review,
        wb(),
    )
    .expect_err("not TOML");
    assert_eq!(err.line, 3, "{err}");
    let err = update_text(
        "version = 1\ndate = 2026-11-22\n\n[skills]\njuggling = 1\n",
        &review,
        wb(),
    )
    .expect_err("not a review");
    assert_eq!(err.line, 5, "{err}");
}

#[test]
fn the_normal_form_updates_to_what_the_normal_writer_writes() {
    let mut review = read(COMMENTED);
    let original = to_toml(&review, wb());
    review.set_answer(3, Some(true));
    review.toggle_practised(4);
    review.set_item(8, "Ask for a quarterly chat".into());
    assert_eq!(saved(&original, &review), to_toml(&review, wb()));
}

#[test]
fn comments_inside_a_multi_line_inline_table_survive() {
    let mut review = read(MULTILINE);
    review.set_rating(6, Some(4));
    review.set_rating(5, Some(1));
    let text = saved(MULTILINE, &review);
    assert!(
        text.contains("    confidence = { practised = true, rating = 1 }, # since spring\n    # ask again\n    collaboration = { rating = 4 },\n}"),
        "{text}"
    );
    assert!(text.contains("mostly ''' \\\"\"\" \"\"\"\n"), "{text}");
}

mod props;
