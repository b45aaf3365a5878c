//! The normal form of each part of a snapshot — the sections, a skill's entry, a Next steps
//! list, a follow-up plan — shared by the writer of new files and the editor of hand-edited ones.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, SecondsFormat, Timelike as _};
use toml::Value;

use super::values::toml_date;
use crate::domain::content::Workbook;
use crate::domain::review::{FollowUp, FollowUpItem, Review, SkillEntry};

/// How a text is quoted: the normal writer's (a TOML basic or multi-line string).
pub(super) fn quote(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

/// `saved_at` as written: RFC 3339 to the whole second.
pub(super) fn stamp(saved_at: DateTime<FixedOffset>) -> String {
    saved_at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `saved_at` as it reads back after being written (sub-seconds are not kept).
pub(super) fn written_stamp(saved_at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    saved_at.with_nanosecond(0).unwrap_or(saved_at)
}

/// `[assessment]`: one key per answered question, in the workbook's order.
pub(super) fn assessment(out: &mut String, review: &Review, workbook: &Workbook) {
    out.push_str("\n[assessment]\n");
    for (question, answer) in workbook.questions.iter().zip(&review.answers) {
        if let Some(answer) = answer {
            let _ = writeln!(out, "{} = {answer}", question.id);
        }
    }
}

/// One skill's inline table: `{ practised = true, rating = 4 }`.
pub(super) fn skill_entry(entry: &SkillEntry) -> String {
    let rating = entry
        .rating
        .map(|r| format!(", rating = {r}"))
        .unwrap_or_default();
    format!("{{ practised = {}{rating} }}", entry.practised)
}

/// `[skills]`: every skill, in the workbook's order.
pub(super) fn skills(out: &mut String, review: &Review, workbook: &Workbook) {
    out.push_str("\n[skills]\n");
    for (skill, entry) in workbook.skills.iter().zip(&review.skills) {
        let _ = writeln!(out, "{} = {}", skill.id, skill_entry(entry));
    }
}

/// How many items of a Next steps list are written: empty trailing items are left out.
pub(super) fn kept_items(items: &[String]) -> usize {
    items
        .iter()
        .rposition(|i| !i.is_empty())
        .map_or(0, |last| last + 1)
}

/// A Next steps list: `[]`, or one item a line with a trailing comma.
pub(super) fn item_list(items: &[String], quote: fn(&str) -> String) -> String {
    let kept = kept_items(items);
    if kept == 0 {
        return "[]".into();
    }
    let mut out = String::from("[\n");
    for item in &items[..kept] {
        let _ = writeln!(out, "    {},", quote(item));
    }
    out.push(']');
    out
}

/// `[next_steps]`: the three lists, in the workbook's order.
pub(super) fn next_steps(
    out: &mut String,
    review: &Review,
    workbook: &Workbook,
    quote: fn(&str) -> String,
) {
    out.push_str("\n[next_steps]\n");
    for (list, items) in workbook.next_steps.iter().zip(&review.next_steps) {
        let _ = writeln!(out, "{} = {}", list.id, item_list(items, quote));
    }
}

/// One follow-up plan's inline table: `{ text = "…", status = "done" }`.
pub(super) fn follow_up_item(item: &FollowUpItem, quote: fn(&str) -> String) -> String {
    let status = item
        .status
        .map(|s| format!(", status = \"{}\"", s.id()))
        .unwrap_or_default();
    format!("{{ text = {}{status} }}", quote(&item.text))
}

/// The follow-up's plans: one a line with a trailing comma (`[\n]` when there are none).
pub(super) fn follow_up_items(items: &[FollowUpItem], quote: fn(&str) -> String) -> String {
    let mut out = String::from("[\n");
    for item in items {
        let _ = writeln!(out, "    {},", follow_up_item(item, quote));
    }
    out.push(']');
    out
}

/// `[follow_up]`: where the plans come from, then the plans.
pub(super) fn follow_up(out: &mut String, follow_up: &FollowUp, quote: fn(&str) -> String) {
    out.push_str("\n[follow_up]\n");
    let _ = writeln!(out, "from = {}", toml_date(follow_up.from));
    let _ = writeln!(out, "items = {}", follow_up_items(&follow_up.items, quote));
}
