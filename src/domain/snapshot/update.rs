//! Saving a review into the file it came from without undoing hand edits: every value the
//! app owns is set to the review's, through `toml_edit`, and nothing else moves.

use toml::de::DeTable;
use toml_edit::{DocumentMut, Item, Table, Value};

use super::edit::{Tab, replace, uses_crlf, value, with_crlf};
use super::sections::{SECTIONS, assessment, follow_up, last_position, next_steps, skills};
use super::values::{integer, parse_date, parse_timestamp, to_value};
use super::{FORMAT_VERSION, SnapshotError, from_toml, line_at, write};
use crate::domain::content::Workbook;
use crate::domain::review::Review;

const TOP: [&str; 3] = ["version", "date", "saved_at"];

/// The text of a review's file after saving `review` into it: `original` (the file as it is
/// on disk now) with every value the app owns — `version`, `date`, `saved_at`, the answers,
/// skills and ratings, Next steps, the follow-up and the unknown top-level keys carried in
/// `review.unknown` — set to the review's, and nothing else changed.
///
/// Comments, blank lines, key order, the style of each table (`[header]`, dotted or inline
/// `{ … }`), quoting and line endings (LF or CRLF) are kept; a value is rewritten only when
/// what it reads as differs from the review, keeping the comments beside it. A key the file
/// lacks is added where [`to_toml`](super::to_toml) puts it (a whole section in that
/// section's normal form); a value the review cleared is removed as `to_toml` leaves it
/// out (an unanswered question, a cleared rating, `[follow_up]` when there is none; a list
/// emptied becomes `[]`). A text is written on one line, a line break as `\n`.
///
/// The result is checked: it reads back with [`from_toml`] to exactly `review`
/// (`saved_at` to the whole second, as `to_toml` writes it).
///
/// How to call it when saving: read the file's current text; if it exists and is readable,
/// write `update_text(&text, &review, workbook)?` in its place; when there is no file yet,
/// write [`to_toml`](super::to_toml). An `Err` means `original` is not a readable review (not
/// TOML, or something in the app's sections the reader refuses), its line in `original`:
/// such a file must not be written over (see docs/reliability.md). Pure: no I/O, no clock.
pub fn update_text(
    original: &str,
    review: &Review,
    workbook: &Workbook,
) -> Result<String, SnapshotError> {
    let mut doc: DocumentMut =
        original
            .parse()
            .map_err(|e: toml_edit::TomlError| SnapshotError {
                line: e.span().map_or(1, |span| line_at(original, span.start)),
                reason: e.message().trim().to_string(),
            })?;
    let read = DeTable::parse(original)
        .map_err(|e| SnapshotError {
            line: e.span().map_or(1, |span| line_at(original, span.start)),
            reason: e.message().trim().to_string(),
        })?
        .into_inner();
    let mut want = review.clone();
    want.saved_at = review.saved_at.map(write::written_stamp);
    let root = doc.as_table_mut();
    top_level(root, &read, &want)?;
    assessment(root, &read, &want, workbook)?;
    skills(root, &read, &want, workbook)?;
    next_steps(root, &read, &want, workbook)?;
    follow_up(root, &read, want.follow_up.as_ref())?;
    unknown(root, &read, &want)?;

    let text = doc.to_string();
    let text = if uses_crlf(original) {
        with_crlf(&text)
    } else {
        text
    };
    match from_toml(&text, workbook) {
        Ok(back) if back == want => Ok(text),
        Ok(_) => Err(SnapshotError {
            line: 1,
            reason: "the file could not be updated in place".into(),
        }),
        Err(e) => Err(from_toml(original, workbook).err().unwrap_or(e)),
    }
}

fn top_level(root: &mut Table, read: &DeTable<'_>, review: &Review) -> Result<(), SnapshotError> {
    let mut tab = Tab::Block(root);
    if read.get("version").and_then(integer) != Some(FORMAT_VERSION) {
        tab.set("version", Value::from(FORMAT_VERSION), &TOP);
    }
    if read.get("date").and_then(parse_date) != Some(review.date) {
        let date = value(&super::toml_date(review.date).to_string())?;
        tab.set("date", date, &TOP);
    }
    let saved_at = read.get("saved_at").and_then(parse_timestamp);
    if saved_at != review.saved_at {
        match review.saved_at {
            None => tab.remove("saved_at"),
            Some(at) => tab.set("saved_at", value(&write::stamp(at))?, &TOP),
        }
    }
    Ok(())
}

/// Top-level keys the app does not know: kept as they are when the review still carries
/// them unchanged, rewritten when it carries another value, dropped when it does not.
fn unknown(root: &mut Table, read: &DeTable<'_>, review: &Review) -> Result<(), SnapshotError> {
    let owned = |key: &str| TOP.contains(&key) || SECTIONS.contains(&key);
    let present: Vec<String> = root
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !owned(k))
        .collect();
    for key in &present {
        if !review.unknown.contains_key(key) {
            root.remove(key);
        }
    }
    for (key, wanted) in &review.unknown {
        if owned(key) || read.get(key.as_str()).and_then(to_value).as_ref() == Some(wanted) {
            continue;
        }
        let mut one = toml::Table::new();
        one.insert(key.clone(), wanted.clone());
        let text = toml::to_string(&one).map_err(|e| SnapshotError {
            line: 1,
            reason: format!("could not write `{key}`: {e}"),
        })?;
        let mut doc: DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| SnapshotError {
                    line: 1,
                    reason: format!("could not write `{key}`: {}", e.message().trim()),
                })?;
        let Some((_, mut item)) = doc.as_table_mut().remove_entry(key) else {
            continue;
        };
        match (root.get_mut(key), item) {
            (Some(old), Item::Value(new)) => replace(old, new),
            (Some(old), new) => *old = new,
            (None, Item::Value(new)) => {
                let last_value = root
                    .iter()
                    .filter(|(_, i)| i.is_value())
                    .map(|(k, _)| k.to_string())
                    .last();
                let order: Vec<&str> = last_value
                    .iter()
                    .map(String::as_str)
                    .chain([key.as_str()])
                    .collect();
                Tab::Block(root).set(key, new, &order);
            }
            (None, new) => {
                item = new;
                if let Item::Table(table) = &mut item {
                    let last = root.iter().filter_map(|(_, i)| last_position(i)).max();
                    table.set_position(last);
                    table.decor_mut().set_prefix("\n");
                }
                root.insert(key, item);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
