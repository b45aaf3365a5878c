//! The snapshot file format: one review as human-readable TOML, written in a stable
//! order and read back strictly (see docs/file-format.md).

use std::fmt::Write as _;

use toml::de::{DeTable, DeValue};

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
///
/// The text is read twice: into a [`toml::Table`] (its errors, and the unknown keys kept
/// as they are) and into toml's spanned document, whose keys and values each carry their
/// span, so a refusal's line is that of the key or item refused.
pub fn from_toml(text: &str, workbook: &Workbook) -> Result<Review, SnapshotError> {
    if let Some(line) = merge_marker_line(text) {
        return Err(SnapshotError {
            line,
            reason: MERGE_MARKERS_REASON.into(),
        });
    }
    let syntax = |e: toml::de::Error| SnapshotError {
        line: e.span().map_or(1, |span| line_at(text, span.start)),
        reason: e.message().trim().to_string(),
    };
    let mut unknown: toml::Table = text.parse().map_err(syntax)?;
    let doc = DeTable::parse(text).map_err(syntax)?.into_inner();
    let mut review = read(doc, workbook).map_err(|(at, reason)| SnapshotError {
        line: line_at(text, at),
        reason,
    })?;
    for key in KNOWN {
        unknown.remove(key);
    }
    review.unknown = unknown;
    Ok(review)
}

/// The keys the app reads; every other top-level key is kept as it is.
const KNOWN: [&str; 7] = [
    "version",
    "date",
    "saved_at",
    "assessment",
    "skills",
    "next_steps",
    "follow_up",
];

/// The review `doc` holds, checked in the order its keys are written (version first), so the
/// first refusal is that of the earliest key; `unknown` is left for the caller.
fn read(mut doc: DeTable<'_>, workbook: &Workbook) -> Result<Review, Refused> {
    let version = match take(&mut doc, "version") {
        None => return Err((0, "missing `version`".into())),
        Some((at, value)) => {
            let why = || (at, "`version` must be a whole number".to_string());
            (at, integer(&value).ok_or_else(why)?)
        }
    };
    if let (at, version) = version
        && !(1..=FORMAT_VERSION).contains(&version)
    {
        let why = format!("unsupported `version = {version}` (this build reads {FORMAT_VERSION})");
        return Err((at, why));
    }
    let date = match take(&mut doc, "date") {
        None => return Err((0, "missing `date`".into())),
        Some((at, value)) => parse_date(&value)
            .ok_or_else(|| (at, "`date` must be a date like 2026-11-22".to_string()))?,
    };
    let saved_at = match take(&mut doc, "saved_at") {
        None => None,
        Some((at, value)) => Some(parse_timestamp(&value).ok_or_else(|| {
            (
                at,
                "`saved_at` must be a date and time with offset".to_string(),
            )
        })?),
    };
    let mut review = Review::new(date, workbook);
    review.saved_at = saved_at;

    for (key, value) in section(&mut doc, "assessment")? {
        let (at, id) = (start(&key), key.get_ref());
        let index = workbook
            .question_index(id)
            .ok_or_else(|| (at, format!("unknown question `{id}`")))?;
        let answer = value
            .get_ref()
            .as_bool()
            .ok_or_else(|| (at, format!("`{id}` must be true or false")))?;
        review.answers[index] = Some(answer);
    }

    for (key, value) in section(&mut doc, "skills")? {
        let (at, id) = (start(&key), key.get_ref());
        let index = workbook
            .skill_index(id)
            .ok_or_else(|| (at, format!("unknown skill `{id}`")))?;
        review.skills[index] = parse_skill(id, at, &value)?;
    }

    for (key, value) in section(&mut doc, "next_steps")? {
        let (at, id) = (start(&key), key.get_ref());
        let index = workbook
            .list_index(id)
            .ok_or_else(|| (at, format!("unknown list `{id}`")))?;
        let items = parse_items(id, at, &value)?;
        for (slot, item) in review.next_steps[index].iter_mut().zip(items) {
            *slot = item;
        }
    }

    if let Some((at, value)) = take(&mut doc, "follow_up") {
        review.follow_up = Some(parse_follow_up(at, &value)?);
    }

    Ok(review)
}

/// The key `name` of `table`, taken out: where the key starts, and its value.
fn take<'a>(table: &mut DeTable<'a>, name: &str) -> Option<(usize, Read<'a>)> {
    table
        .remove_entry(name)
        .map(|(key, value)| (start(&key), value))
}

/// The section `name` taken out of `doc`: empty when absent, refused when not a table.
fn section<'a>(doc: &mut DeTable<'a>, name: &str) -> Result<DeTable<'a>, Refused> {
    match take(doc, name) {
        None => Ok(DeTable::new()),
        Some((at, value)) => match value.into_inner() {
            DeValue::Table(section) => Ok(section),
            _ => Err((at, format!("`{name}` must be a table"))),
        },
    }
}

/// 1-based line of the byte at `offset` in `text`: the one place a line number is found.
fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |head| head.matches('\n').count() + 1)
}

mod edit;
mod markers;
mod sections;
mod update;
mod values;
mod write;

pub use markers::{MERGE_MARKERS_REASON, merge_marker_line, split_merge_markers};
pub use update::update_text;

/// 1-based line of the top-level `key` in a snapshot's `text` (1 when it has none), found the
/// way every refused value's line is: from the spans of the parsed document.
pub fn key_line(text: &str, key: &str) -> usize {
    let doc = DeTable::parse(text).ok();
    let key = doc
        .as_ref()
        .and_then(|doc| doc.get_ref().get_key_value(key));
    key.map_or(1, |(key, _)| line_at(text, start(key)))
}

use values::{
    Read, Refused, integer, parse_date, parse_follow_up, parse_items, parse_skill, parse_timestamp,
    start, toml_date,
};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod line_tests;
