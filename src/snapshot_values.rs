//! Reading and writing the snapshot format's values: dates, timestamps, skills, item lists,
//! the follow-up section, and finding the line a key is on for error messages.

use chrono::{DateTime, FixedOffset, NaiveDate};
use toml::Value;
use toml::value::{Date, Datetime};

use super::SnapshotError;
use crate::content::ITEMS_PER_LIST;
use crate::review::{FollowUp, FollowUpItem, MAX_RATING, Progress, SkillEntry};

pub(super) fn parse_skill(id: &str, value: &Value) -> Result<SkillEntry, String> {
    let fields = value
        .as_table()
        .ok_or_else(|| format!("`{id}` must be a table like {{ practised = true }}"))?;
    let mut entry = SkillEntry::default();
    for (key, field) in fields {
        match key.as_str() {
            "practised" => {
                entry.practised = field
                    .as_bool()
                    .ok_or_else(|| format!("`{id}.practised` must be true or false"))?;
            }
            "rating" => {
                let rating = field
                    .as_integer()
                    .filter(|r| (1..=i64::from(MAX_RATING)).contains(r))
                    .ok_or_else(|| format!("`{id}.rating` must be 1 to {MAX_RATING}"))?;
                entry.rating = u8::try_from(rating).ok();
            }
            other => return Err(format!("unknown key `{other}` in skill `{id}`")),
        }
    }
    Ok(entry)
}

pub(super) fn parse_items(id: &str, value: &Value) -> Result<Vec<String>, String> {
    let items = value
        .as_array()
        .ok_or_else(|| format!("`{id}` must be a list of strings"))?;
    if items.len() > ITEMS_PER_LIST {
        return Err(format!(
            "`{id}` holds {} items; at most {ITEMS_PER_LIST}",
            items.len()
        ));
    }
    items
        .iter()
        .map(|item| item.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("`{id}` must be a list of strings"))
}

pub(super) fn parse_follow_up(
    value: &Value,
    at: impl Fn(&str, String) -> SnapshotError,
) -> Result<FollowUp, SnapshotError> {
    let table = value
        .as_table()
        .ok_or_else(|| at("follow_up", "`follow_up` must be a table".into()))?;
    let mut from = None;
    let mut items = Vec::new();
    for (key, field) in table {
        match key.as_str() {
            "from" => {
                from = Some(parse_date(field).ok_or_else(|| {
                    at(
                        "from",
                        "`follow_up.from` must be a date like 2026-08-20".into(),
                    )
                })?);
            }
            "items" => {
                let list = field
                    .as_array()
                    .ok_or_else(|| at("items", "`follow_up.items` must be a list".into()))?;
                if list.len() > ITEMS_PER_LIST {
                    let why = format!(
                        "`follow_up.items` holds {}; at most {ITEMS_PER_LIST}",
                        list.len()
                    );
                    return Err(at("items", why));
                }
                for item in list {
                    items.push(parse_follow_up_item(item).map_err(|why| at("items", why))?);
                }
            }
            other => return Err(at(other, format!("unknown key `{other}` in `follow_up`"))),
        }
    }
    let from = from.ok_or_else(|| at("follow_up", "`follow_up` lacks `from`".into()))?;
    Ok(FollowUp { from, items })
}

pub(super) fn parse_follow_up_item(value: &Value) -> Result<FollowUpItem, String> {
    const SHAPE: &str = "each follow-up item must be like { text = \"…\", status = \"done\" }";
    let fields = value.as_table().ok_or(SHAPE)?;
    let mut text = None;
    let mut status = None;
    for (key, field) in fields {
        match key.as_str() {
            "text" => text = Some(field.as_str().ok_or(SHAPE)?.to_string()),
            "status" => {
                let id = field.as_str().unwrap_or_default();
                status = Some(Progress::from_id(id).ok_or_else(|| {
                    format!(
                        "follow-up status must be \"done\", \"partly\" or \"not_yet\", not {field}"
                    )
                })?);
            }
            other => return Err(format!("unknown key `{other}` in a follow-up item")),
        }
    }
    Ok(FollowUpItem {
        text: text.ok_or(SHAPE)?,
        status,
    })
}

/// A date as a bare TOML local date (`2026-11-22`, unquoted).
pub(super) fn toml_date(date: NaiveDate) -> Datetime {
    use chrono::Datelike as _;
    let (year, month, day) = (date.year(), date.month(), date.day());
    Datetime {
        date: Some(Date {
            year: u16::try_from(year).unwrap_or_default(),
            month: u8::try_from(month).unwrap_or_default(),
            day: u8::try_from(day).unwrap_or_default(),
        }),
        time: None,
        offset: None,
    }
}

/// Accepts a TOML local date or a quoted `"YYYY-MM-DD"` string.
pub(super) fn parse_date(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Datetime(Datetime {
            date: Some(d),
            time: None,
            offset: None,
        }) => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)),
        Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        _ => None,
    }
}

/// Accepts a TOML offset date-time or the same written as a quoted string.
pub(super) fn parse_timestamp(value: &Value) -> Option<DateTime<FixedOffset>> {
    match value {
        Value::Datetime(dt) if dt.offset.is_some() && dt.time.is_some() => {
            DateTime::parse_from_rfc3339(&dt.to_string()).ok()
        }
        Value::String(s) => DateTime::parse_from_rfc3339(s.trim()).ok(),
        _ => None,
    }
}

/// 1-based line of the byte at `offset`.
pub(super) fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |head| head.matches('\n').count() + 1)
}

/// 1-based line where `key` is assigned in `section` (`None` = top level); 1 if not found.
pub(super) fn line_of_key(text: &str, section: Option<&str>, key: &str) -> usize {
    let mut current: Option<String> = None;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(header.trim().to_string());
            continue;
        }
        let assigns = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if assigns && current.as_deref() == section {
            return number + 1;
        }
        if section.is_none() && current.is_none() && line.starts_with(&format!("{key}.")) {
            return number + 1;
        }
    }
    section.map_or(1, |name| {
        text.lines()
            .position(|l| l.trim() == format!("[{name}]"))
            .map_or(1, |n| n + 1)
    })
}
