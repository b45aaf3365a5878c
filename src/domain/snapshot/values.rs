//! Reading and writing the snapshot format's values: dates, timestamps, skills, item lists
//! and the follow-up section, from the parsed document's spanned values; a refusal carries
//! the byte offset of the key (or item) inside the value that is wrong.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize as _;
use serde::de::IntoDeserializer as _;
use toml::Spanned;
use toml::de::DeValue;
use toml::value::{Date, Datetime};

use crate::domain::content::ITEMS_PER_LIST;
use crate::domain::review::{FollowUp, FollowUpItem, MAX_RATING, Progress, SkillEntry};

/// A value as the file has it, with the span of its text.
pub(super) type Read<'a> = Spanned<DeValue<'a>>;

/// A value refused: the byte offset of what is wrong in the text, and why.
pub(super) type Refused = (usize, String);

/// Where a spanned key or value starts in the text.
pub(super) fn start<T>(spanned: &Spanned<T>) -> usize {
    spanned.span().start
}

/// The value as a [`toml::Value`] (as `toml::Table` reads it); `None` for one it refuses.
pub(super) fn to_value(value: &Read<'_>) -> Option<toml::Value> {
    toml::Value::deserialize(value.clone().into_deserializer()).ok()
}

/// A whole number that fits an `i64`.
pub(super) fn integer(value: &Read<'_>) -> Option<i64> {
    let int = value.get_ref().as_integer()?;
    i64::from_str_radix(int.as_str(), int.radix()).ok()
}

/// The skill entry `value` of skill `id`, whose key starts at `at`.
pub(super) fn parse_skill(id: &str, at: usize, value: &Read<'_>) -> Result<SkillEntry, Refused> {
    let shape = || format!("`{id}` must be a table like {{ practised = true }}");
    let fields = value.get_ref().as_table().ok_or_else(|| (at, shape()))?;
    let mut entry = SkillEntry::default();
    for (name, field) in fields {
        let at = |why: String| (start(name), why);
        match name.get_ref().as_ref() {
            "practised" => {
                entry.practised = field
                    .get_ref()
                    .as_bool()
                    .ok_or_else(|| at(format!("`{id}.practised` must be true or false")))?;
            }
            "rating" => {
                let rating = integer(field)
                    .filter(|r| (1..=i64::from(MAX_RATING)).contains(r))
                    .ok_or_else(|| at(format!("`{id}.rating` must be 1 to {MAX_RATING}")))?;
                entry.rating = u8::try_from(rating).ok();
            }
            other => return Err(at(format!("unknown key `{other}` in skill `{id}`"))),
        }
    }
    Ok(entry)
}

/// The items of list `id`, whose key starts at `at`.
pub(super) fn parse_items(id: &str, at: usize, value: &Read<'_>) -> Result<Vec<String>, Refused> {
    let not_strings = || format!("`{id}` must be a list of strings");
    let items = value
        .get_ref()
        .as_array()
        .ok_or_else(|| (at, not_strings()))?;
    if items.len() > ITEMS_PER_LIST {
        let why = format!(
            "`{id}` holds {} items; at most {ITEMS_PER_LIST}",
            items.len()
        );
        return Err((at, why));
    }
    let text = |item: &Read<'_>| {
        let text = item.get_ref().as_str().map(str::to_string);
        text.ok_or_else(|| (start(item), not_strings()))
    };
    items.iter().map(text).collect()
}

/// The `[follow_up]` section `value`, whose key starts at `at`.
pub(super) fn parse_follow_up(at: usize, value: &Read<'_>) -> Result<FollowUp, Refused> {
    let table = value
        .get_ref()
        .as_table()
        .ok_or_else(|| (at, "`follow_up` must be a table".into()))?;
    let mut from = None;
    let mut items = Vec::new();
    for (name, field) in table {
        let at = |why: String| (start(name), why);
        match name.get_ref().as_ref() {
            "from" => {
                let why = "`follow_up.from` must be a date like 2026-08-20";
                from = Some(parse_date(field).ok_or_else(|| at(why.into()))?);
            }
            "items" => {
                let list = field
                    .get_ref()
                    .as_array()
                    .ok_or_else(|| at("`follow_up.items` must be a list".into()))?;
                if list.len() > ITEMS_PER_LIST {
                    let why = format!(
                        "`follow_up.items` holds {}; at most {ITEMS_PER_LIST}",
                        list.len()
                    );
                    return Err(at(why));
                }
                for item in list.iter() {
                    items.push(parse_follow_up_item(item)?);
                }
            }
            other => return Err(at(format!("unknown key `{other}` in `follow_up`"))),
        }
    }
    let from = from.ok_or_else(|| (at, "`follow_up` lacks `from`".into()))?;
    Ok(FollowUp { from, items })
}

/// One follow-up plan, an item of `follow_up.items`.
pub(super) fn parse_follow_up_item(value: &Read<'_>) -> Result<FollowUpItem, Refused> {
    const SHAPE: &str = "each follow-up item must be like { text = \"…\", status = \"done\" }";
    let here = || (start(value), SHAPE.to_string());
    let fields = value.get_ref().as_table().ok_or_else(here)?;
    let mut text = None;
    let mut status = None;
    for (name, field) in fields {
        let at = |why: String| (start(name), why);
        match name.get_ref().as_ref() {
            "text" => {
                let read = field.get_ref().as_str().ok_or_else(|| at(SHAPE.into()))?;
                text = Some(read.to_string());
            }
            "status" => {
                let id = field.get_ref().as_str().unwrap_or_default();
                status = Some(Progress::from_id(id).ok_or_else(|| {
                    let written = to_value(field).map(|v| v.to_string()).unwrap_or_default();
                    at(format!(
                        "follow-up status must be \"done\", \"partly\" or \"not_yet\", not {written}"
                    ))
                })?);
            }
            other => return Err(at(format!("unknown key `{other}` in a follow-up item"))),
        }
    }
    Ok(FollowUpItem {
        text: text.ok_or_else(here)?,
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
pub(super) fn parse_date(value: &Read<'_>) -> Option<NaiveDate> {
    match value.get_ref() {
        DeValue::Datetime(Datetime {
            date: Some(d),
            time: None,
            offset: None,
        }) => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)),
        DeValue::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        _ => None,
    }
}

/// Accepts a TOML offset date-time or the same written as a quoted string.
pub(super) fn parse_timestamp(value: &Read<'_>) -> Option<DateTime<FixedOffset>> {
    match value.get_ref() {
        DeValue::Datetime(dt) if dt.offset.is_some() && dt.time.is_some() => {
            DateTime::parse_from_rfc3339(&dt.to_string()).ok()
        }
        DeValue::String(s) => DateTime::parse_from_rfc3339(s.trim()).ok(),
        _ => None,
    }
}
