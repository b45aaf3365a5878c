//! Reading and writing the snapshot format's values: dates, timestamps, skills, item lists
//! and the follow-up section; a refusal says which key (or item) inside the value is wrong.

use chrono::{DateTime, FixedOffset, NaiveDate};
use toml::Value;
use toml::value::{Date, Datetime};

use super::lines::{Bad, Step, here, inside, key};
use crate::domain::content::ITEMS_PER_LIST;
use crate::domain::review::{FollowUp, FollowUpItem, MAX_RATING, Progress, SkillEntry};

pub(super) fn parse_skill(id: &str, value: &Value) -> Result<SkillEntry, Bad> {
    let fields = value.as_table().ok_or_else(|| {
        here(format!(
            "`{id}` must be a table like {{ practised = true }}"
        ))
    })?;
    let mut entry = SkillEntry::default();
    for (name, field) in fields {
        let at = |why: String| (vec![key(name)], why);
        match name.as_str() {
            "practised" => {
                entry.practised = field
                    .as_bool()
                    .ok_or_else(|| at(format!("`{id}.practised` must be true or false")))?;
            }
            "rating" => {
                let rating = field
                    .as_integer()
                    .filter(|r| (1..=i64::from(MAX_RATING)).contains(r))
                    .ok_or_else(|| at(format!("`{id}.rating` must be 1 to {MAX_RATING}")))?;
                entry.rating = u8::try_from(rating).ok();
            }
            other => return Err(at(format!("unknown key `{other}` in skill `{id}`"))),
        }
    }
    Ok(entry)
}

pub(super) fn parse_items(id: &str, value: &Value) -> Result<Vec<String>, Bad> {
    let items = value
        .as_array()
        .ok_or_else(|| here(format!("`{id}` must be a list of strings")))?;
    if items.len() > ITEMS_PER_LIST {
        let why = format!(
            "`{id}` holds {} items; at most {ITEMS_PER_LIST}",
            items.len()
        );
        return Err(here(why));
    }
    let text = |(index, item): (usize, &Value)| {
        let why = || {
            (
                vec![Step::Index(index)],
                format!("`{id}` must be a list of strings"),
            )
        };
        item.as_str().map(str::to_string).ok_or_else(why)
    };
    items.iter().enumerate().map(text).collect()
}

pub(super) fn parse_follow_up(value: &Value) -> Result<FollowUp, Bad> {
    let table = value
        .as_table()
        .ok_or_else(|| here("`follow_up` must be a table"))?;
    let mut from = None;
    let mut items = Vec::new();
    for (name, field) in table {
        let at = |why: String| (vec![key(name)], why);
        match name.as_str() {
            "from" => {
                let why = "`follow_up.from` must be a date like 2026-08-20";
                from = Some(parse_date(field).ok_or_else(|| at(why.into()))?);
            }
            "items" => {
                let list = field
                    .as_array()
                    .ok_or_else(|| at("`follow_up.items` must be a list".into()))?;
                if list.len() > ITEMS_PER_LIST {
                    let why = format!(
                        "`follow_up.items` holds {}; at most {ITEMS_PER_LIST}",
                        list.len()
                    );
                    return Err(at(why));
                }
                for (index, item) in list.iter().enumerate() {
                    let item = parse_follow_up_item(item)
                        .map_err(|bad| inside(key(name), inside(Step::Index(index), bad)))?;
                    items.push(item);
                }
            }
            other => return Err(at(format!("unknown key `{other}` in `follow_up`"))),
        }
    }
    let from = from.ok_or_else(|| here("`follow_up` lacks `from`"))?;
    Ok(FollowUp { from, items })
}

pub(super) fn parse_follow_up_item(value: &Value) -> Result<FollowUpItem, Bad> {
    const SHAPE: &str = "each follow-up item must be like { text = \"…\", status = \"done\" }";
    let fields = value.as_table().ok_or_else(|| here(SHAPE))?;
    let mut text = None;
    let mut status = None;
    for (name, field) in fields {
        let at = |why: String| (vec![key(name)], why);
        match name.as_str() {
            "text" => text = Some(field.as_str().ok_or_else(|| at(SHAPE.into()))?.to_string()),
            "status" => {
                let id = field.as_str().unwrap_or_default();
                status = Some(Progress::from_id(id).ok_or_else(|| {
                    at(format!(
                        "follow-up status must be \"done\", \"partly\" or \"not_yet\", not {field}"
                    ))
                })?);
            }
            other => return Err(at(format!("unknown key `{other}` in a follow-up item"))),
        }
    }
    Ok(FollowUpItem {
        text: text.ok_or_else(|| here(SHAPE))?,
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
