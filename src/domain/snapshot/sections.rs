//! The app's sections of a hand-edited file — `[assessment]`, `[skills]`, `[next_steps]` and
//! `[follow_up]` — brought to a review's values key by key, in whatever style the file uses.

use toml::de::DeTable;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::edit::{Tab, quote_on_one_line as quote, sync_array, value};
use super::values::{parse_date, parse_follow_up_item, parse_items, parse_skill};
use super::{SnapshotError, write};
use crate::domain::content::{ITEMS_PER_LIST, Workbook};
use crate::domain::review::{FollowUp, FollowUpItem, Review};

/// The sections the app owns, in the order the normal writer puts them.
pub(super) const SECTIONS: [&str; 4] = ["assessment", "skills", "next_steps", "follow_up"];

/// The table a section of the file is, after checking what it holds: `None` when absent.
fn section<'a, 'i>(read: &'a DeTable<'i>, name: &str) -> Option<&'a DeTable<'i>> {
    read.get(name).and_then(|value| value.get_ref().as_table())
}

/// Adds section `name`, written by `write` in its normal form, where `to_toml` puts it: just
/// after the sections before it, else before every other table.
fn add_section(
    root: &mut Table,
    name: &str,
    write: impl FnOnce(&mut String),
) -> Result<(), SnapshotError> {
    let mut text = String::new();
    write(&mut text);
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| SnapshotError {
            line: 1,
            reason: format!("could not write `[{name}]`: {}", e.message().trim()),
        })?;
    let Some(Item::Table(mut table)) = doc.as_table_mut().remove(name) else {
        return Ok(());
    };
    let rank = SECTIONS
        .iter()
        .position(|s| *s == name)
        .unwrap_or(SECTIONS.len());
    let earlier = SECTIONS[..rank]
        .iter()
        .filter_map(|s| root.get(s))
        .filter_map(last_position)
        .max();
    let position = earlier.or_else(|| {
        let first = root
            .iter()
            .filter_map(|(_, item)| first_position(item))
            .min();
        first.map(|p| p - 1)
    });
    table.set_position(position);
    root.insert(name, Item::Table(table));
    Ok(())
}

/// The largest position of the tables written for `item` (itself and those inside it).
pub(super) fn last_position(item: &Item) -> Option<isize> {
    positions(item).into_iter().max()
}

fn first_position(item: &Item) -> Option<isize> {
    positions(item).into_iter().min()
}

fn positions(item: &Item) -> Vec<isize> {
    let tables: Vec<&Table> = match item {
        Item::Table(t) => vec![t],
        Item::ArrayOfTables(a) => a.iter().collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for table in tables {
        out.extend(table.position().filter(|_| !table.is_dotted()));
        for (_, inner) in table.iter() {
            out.extend(positions(inner));
        }
    }
    out
}

/// The section `name` of the file; `None` when absent (or not a table, then dropped to be
/// written anew in its normal form).
fn open_section<'a>(root: &'a mut Table, name: &str) -> Option<Tab<'a>> {
    if root.get(name).is_some_and(|item| !item.is_table_like()) {
        root.remove(name);
    }
    root.get_mut(name).and_then(Tab::of)
}

pub(super) fn assessment(
    root: &mut Table,
    read: &DeTable<'_>,
    review: &Review,
    workbook: &Workbook,
) -> Result<(), SnapshotError> {
    let ids: Vec<&str> = workbook.questions.iter().map(|q| q.id.as_str()).collect();
    let file = section(read, "assessment");
    let Some(mut tab) = open_section(root, "assessment") else {
        if review.answers.iter().any(Option::is_some) {
            add_section(root, "assessment", |out| {
                write::assessment(out, review, workbook)
            })?;
        }
        return Ok(());
    };
    for (id, answer) in ids.iter().zip(&review.answers) {
        let now = file
            .and_then(|t| t.get(*id))
            .and_then(|value| value.get_ref().as_bool());
        match answer {
            _ if now == *answer => {}
            None => tab.remove(id),
            Some(yes) => tab.set(id, Value::from(*yes), &ids),
        }
    }
    Ok(())
}

pub(super) fn skills(
    root: &mut Table,
    read: &DeTable<'_>,
    review: &Review,
    workbook: &Workbook,
) -> Result<(), SnapshotError> {
    let ids: Vec<&str> = workbook.skills.iter().map(|s| s.id.as_str()).collect();
    let file = section(read, "skills");
    let Some(mut tab) = open_section(root, "skills") else {
        if review.skills.iter().any(|s| *s != Default::default()) {
            add_section(root, "skills", |out| write::skills(out, review, workbook))?;
        }
        return Ok(());
    };
    for (id, entry) in ids.iter().zip(&review.skills) {
        let now = file.and_then(|t| t.get(*id));
        let now_entry = now.map_or(Ok(Default::default()), |v| parse_skill(id, 0, v));
        if now_entry.as_ref() == Ok(entry) {
            continue;
        }
        let fields = tab.get_mut(id).and_then(Tab::of);
        let (Ok(now_entry), Some(mut fields)) = (now_entry, fields) else {
            tab.set(id, value(&write::skill_entry(entry))?, &ids);
            continue;
        };
        const FIELDS: [&str; 2] = ["practised", "rating"];
        if now_entry.practised != entry.practised {
            fields.set("practised", Value::from(entry.practised), &FIELDS);
        }
        match entry.rating {
            r if r == now_entry.rating => {}
            None => fields.remove("rating"),
            Some(r) => fields.set("rating", Value::from(i64::from(r)), &FIELDS),
        }
        if fields.is_empty() {
            fields.set("practised", Value::from(false), &FIELDS);
        }
    }
    Ok(())
}

pub(super) fn next_steps(
    root: &mut Table,
    read: &DeTable<'_>,
    review: &Review,
    workbook: &Workbook,
) -> Result<(), SnapshotError> {
    let ids: Vec<&str> = workbook.next_steps.iter().map(|l| l.id.as_str()).collect();
    let file = section(read, "next_steps");
    let Some(mut tab) = open_section(root, "next_steps") else {
        if review.next_steps.iter().flatten().any(|i| !i.is_empty()) {
            add_section(root, "next_steps", |out| {
                write::next_steps(out, review, workbook, quote)
            })?;
        }
        return Ok(());
    };
    for (id, items) in ids.iter().zip(&review.next_steps) {
        let now = file
            .and_then(|t| t.get(*id))
            .map_or(Ok(Vec::new()), |v| parse_items(id, 0, v))
            .map(|mut now| {
                now.resize(ITEMS_PER_LIST, String::new());
                now
            });
        if now.as_deref() == Ok(items.as_slice()) {
            continue;
        }
        let kept = write::kept_items(items);
        let wanted: Vec<Value> = items[..kept]
            .iter()
            .map(|i| value(&quote(i)))
            .collect::<Result<_, _>>()?;
        let array = tab.get_mut(id).and_then(Item::as_array_mut);
        match array {
            Some(array) if kept > 0 && !array.is_empty() => {
                sync_array(array, wanted, |i, old| {
                    old.as_str() == Some(items[i].as_str())
                });
            }
            _ => tab.set(id, value(&write::item_list(items, quote))?, &ids),
        }
    }
    Ok(())
}

pub(super) fn follow_up(
    root: &mut Table,
    read: &DeTable<'_>,
    follow_up: Option<&FollowUp>,
) -> Result<(), SnapshotError> {
    const FIELDS: [&str; 2] = ["from", "items"];
    let Some(follow_up) = follow_up else {
        root.remove("follow_up");
        return Ok(());
    };
    let file = section(read, "follow_up");
    let Some(mut tab) = open_section(root, "follow_up") else {
        return add_section(root, "follow_up", |out| {
            write::follow_up(out, follow_up, quote)
        });
    };
    if file.and_then(|t| t.get("from")).and_then(parse_date) != Some(follow_up.from) {
        let from = value(&super::toml_date(follow_up.from).to_string())?;
        tab.set("from", from, &FIELDS);
    }
    let now: Option<Vec<FollowUpItem>> = match file.and_then(|t| t.get("items")) {
        None => Some(Vec::new()),
        Some(items) => items
            .get_ref()
            .as_array()
            .and_then(|list| list.iter().map(|i| parse_follow_up_item(i).ok()).collect()),
    };
    if now.as_ref() == Some(&follow_up.items) {
        return Ok(());
    }
    let wanted = &follow_up.items;
    match tab.get_mut("items") {
        Some(Item::Value(Value::Array(array))) if !array.is_empty() && !wanted.is_empty() => {
            let values = wanted
                .iter()
                .map(|item| value(&write::follow_up_item(item, quote)))
                .collect::<Result<_, _>>()?;
            sync_array(array, values, |i, old| match old {
                Value::InlineTable(table) => sync_plan(&mut Tab::Inline(table), &wanted[i]).is_ok(),
                _ => false,
            });
        }
        Some(Item::ArrayOfTables(tables)) => sync_tables(tables, wanted)?,
        _ => {
            let items = value(&write::follow_up_items(wanted, quote))?;
            tab.set("items", items, &FIELDS);
        }
    }
    Ok(())
}

/// Makes one follow-up plan's table read as `item`, changing only the fields that differ.
fn sync_plan(tab: &mut Tab<'_>, item: &FollowUpItem) -> Result<(), SnapshotError> {
    const FIELDS: [&str; 2] = ["text", "status"];
    let text = tab
        .get_mut("text")
        .and_then(|i| i.as_str())
        .map(str::to_string);
    if text.as_deref() != Some(item.text.as_str()) {
        tab.set("text", value(&quote(&item.text))?, &FIELDS);
    }
    let status = tab
        .get_mut("status")
        .and_then(|i| i.as_str())
        .map(str::to_string);
    match item.status {
        None if status.is_none() => {}
        None => tab.remove("status"),
        Some(s) if status.as_deref() == Some(s.id()) => {}
        Some(s) => tab.set("status", Value::from(s.id()), &FIELDS),
    }
    Ok(())
}

/// The plans written as `[[follow_up.items]]` tables: each table updated in place, extra
/// ones dropped, new ones added after the last.
fn sync_tables(tables: &mut ArrayOfTables, wanted: &[FollowUpItem]) -> Result<(), SnapshotError> {
    while tables.len() > wanted.len() {
        tables.remove(tables.len() - 1);
    }
    for (index, item) in wanted.iter().enumerate() {
        if let Some(table) = tables.get_mut(index) {
            sync_plan(&mut Tab::Block(table), item)?;
        } else {
            let mut table = Table::new();
            sync_plan(&mut Tab::Block(&mut table), item)?;
            tables.push(table);
        }
    }
    Ok(())
}
