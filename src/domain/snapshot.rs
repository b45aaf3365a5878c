//! The snapshot file format: one review as human-readable TOML, written in a stable
//! order and read back strictly (see docs/file-format.md).

use std::fmt::Write as _;

use toml::Value;

use crate::domain::content::Workbook;
use crate::domain::review::Review;

/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: i64 = 1;

/// Why a snapshot could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct SnapshotError {
    /// 1-based line the problem is on (1 when the whole file is at fault).
    pub line: usize,
    /// What is wrong, in words.
    pub reason: String,
}

/// Writes `review` as TOML in the normal form: fixed key order, every section present (but
/// `[follow_up]`, written only when the review looks back on one). Reading the result back
/// gives an equal review (`saved_at` to the whole second), and writing that again gives
/// identical bytes. For a file that already exists — perhaps edited by hand — use
/// [`update_text`], which keeps its shape.
pub fn to_toml(review: &Review, workbook: &Workbook) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "version = {FORMAT_VERSION}");
    let _ = writeln!(out, "date = {}", toml_date(review.date));
    if let Some(saved_at) = review.saved_at {
        let _ = writeln!(out, "saved_at = {}", write::stamp(saved_at));
    }
    let (unknown_tables, unknown_values): (toml::Table, toml::Table) = review
        .unknown
        .clone()
        .into_iter()
        .partition(|(_, value)| value.is_table());
    out.push_str(&toml::to_string(&unknown_values).unwrap_or_default());
    write::assessment(&mut out, review, workbook);
    write::skills(&mut out, review, workbook);
    write::next_steps(&mut out, review, workbook, write::quote);
    if let Some(follow_up) = &review.follow_up {
        write::follow_up(&mut out, follow_up, write::quote);
    }
    if !unknown_tables.is_empty() {
        out.push('\n');
        out.push_str(&toml::to_string(&unknown_tables).unwrap_or_default());
    }
    out
}

/// Reads a snapshot strictly: any syntax error, wrong type, unknown id, out-of-range
/// rating or newer version is an error naming its line; nothing defaults silently.
pub fn from_toml(text: &str, workbook: &Workbook) -> Result<Review, SnapshotError> {
    if let Some(line) = merge_marker_line(text) {
        return Err(SnapshotError {
            line,
            reason: MERGE_MARKERS_REASON.into(),
        });
    }
    let mut table: toml::Table = text.parse().map_err(|e: toml::de::Error| SnapshotError {
        line: e.span().map_or(1, |span| line_at(text, span.start)),
        reason: e.message().trim().to_string(),
    })?;
    let at = |section: Option<&str>, key: &str, reason: String| SnapshotError {
        line: line_of(text, &path(section, key, &[])),
        reason,
    };
    let at_bad = |section: &str, key: &str, (inner, reason): Bad| SnapshotError {
        line: line_of(text, &path(Some(section), key, &inner)),
        reason,
    };

    let version = match table.remove("version") {
        None => return Err(at(None, "version", "missing `version`".into())),
        Some(Value::Integer(v)) => v,
        Some(_) => {
            return Err(at(
                None,
                "version",
                "`version` must be a whole number".into(),
            ));
        }
    };
    if version > FORMAT_VERSION || version < 1 {
        let why = format!("unsupported `version = {version}` (this build reads {FORMAT_VERSION})");
        return Err(at(None, "version", why));
    }
    let date = match table.remove("date") {
        None => return Err(at(None, "date", "missing `date`".into())),
        Some(value) => parse_date(&value)
            .ok_or_else(|| at(None, "date", "`date` must be a date like 2026-11-22".into()))?,
    };
    let saved_at = match table.remove("saved_at") {
        None => None,
        Some(value) => Some(parse_timestamp(&value).ok_or_else(|| {
            let why = "`saved_at` must be a date and time with offset".to_string();
            at(None, "saved_at", why)
        })?),
    };
    let mut review = Review::new(date, workbook);
    review.saved_at = saved_at;

    for (id, value) in take_section(&mut table, "assessment", text)? {
        let index = workbook
            .question_index(&id)
            .ok_or_else(|| at(Some("assessment"), &id, format!("unknown question `{id}`")))?;
        let answer = value.as_bool().ok_or_else(|| {
            at(
                Some("assessment"),
                &id,
                format!("`{id}` must be true or false"),
            )
        })?;
        review.answers[index] = Some(answer);
    }

    for (id, value) in take_section(&mut table, "skills", text)? {
        let index = workbook
            .skill_index(&id)
            .ok_or_else(|| at(Some("skills"), &id, format!("unknown skill `{id}`")))?;
        review.skills[index] =
            parse_skill(&id, &value).map_err(|bad| at_bad("skills", &id, bad))?;
    }

    for (id, value) in take_section(&mut table, "next_steps", text)? {
        let index = workbook
            .list_index(&id)
            .ok_or_else(|| at(Some("next_steps"), &id, format!("unknown list `{id}`")))?;
        let items = parse_items(&id, &value).map_err(|bad| at_bad("next_steps", &id, bad))?;
        for (slot, item) in review.next_steps[index].iter_mut().zip(items) {
            *slot = item;
        }
    }

    if let Some(value) = table.remove("follow_up") {
        let follow_up = parse_follow_up(&value).map_err(|(inner, reason)| SnapshotError {
            line: line_of(text, &path(None, "follow_up", &inner)),
            reason,
        })?;
        review.follow_up = Some(follow_up);
    }

    review.unknown = table;
    Ok(review)
}

fn take_section(
    table: &mut toml::Table,
    name: &str,
    text: &str,
) -> Result<toml::Table, SnapshotError> {
    match table.remove(name) {
        None => Ok(toml::Table::new()),
        Some(Value::Table(section)) => Ok(section),
        Some(_) => Err(SnapshotError {
            line: line_of(text, &path(None, name, &[])),
            reason: format!("`{name}` must be a table"),
        }),
    }
}

/// The steps to `key` (in `section`, if any), then `inner` below it.
fn path(section: Option<&str>, key: &str, inner: &[Step]) -> Vec<Step> {
    let mut steps: Vec<Step> = section.into_iter().map(lines::key).collect();
    steps.push(lines::key(key));
    steps.extend_from_slice(inner);
    steps
}

mod edit;
mod lines;
mod markers;
mod sections;
mod update;
mod values;
mod write;

pub use markers::{MERGE_MARKERS_REASON, merge_marker_line, split_merge_markers};
pub use update::update_text;

/// 1-based line of the top-level `key` in a snapshot's `text` (1 when it has none), found the
/// way every refused value's line is: from the parsed document's spans.
pub fn key_line(text: &str, key: &str) -> usize {
    lines::line_of(text, &[lines::key(key)])
}

use lines::{Bad, Step, line_at, line_of};
use values::{parse_date, parse_follow_up, parse_items, parse_skill, parse_timestamp, toml_date};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod line_tests;
