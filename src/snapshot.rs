//! The snapshot file format: one review as human-readable TOML, written in a stable
//! order and read back strictly (see docs/file-format.md).

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use toml::Value;
use toml::value::{Date, Datetime};

use crate::content::{ITEMS_PER_LIST, Workbook};
use crate::review::{FollowUp, FollowUpItem, MAX_RATING, Progress, Review, SkillEntry};

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

/// Writes `review` as TOML. Reading the result back gives an equal review, and
/// writing that again gives identical bytes.
pub fn to_toml(review: &Review, workbook: &Workbook) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "version = {FORMAT_VERSION}");
    let _ = writeln!(out, "date = {}", toml_date(review.date));
    if let Some(saved_at) = review.saved_at {
        let stamp = saved_at.to_rfc3339_opts(SecondsFormat::Secs, true);
        let _ = writeln!(out, "saved_at = {stamp}");
    }
    let (unknown_tables, unknown_values): (toml::Table, toml::Table) = review
        .unknown
        .clone()
        .into_iter()
        .partition(|(_, value)| value.is_table());
    out.push_str(&toml::to_string(&unknown_values).unwrap_or_default());

    out.push_str("\n[assessment]\n");
    for (question, answer) in workbook.questions.iter().zip(&review.answers) {
        if let Some(answer) = answer {
            let _ = writeln!(out, "{} = {answer}", question.id);
        }
    }

    out.push_str("\n[skills]\n");
    for (skill, entry) in workbook.skills.iter().zip(&review.skills) {
        let rating = entry
            .rating
            .map(|r| format!(", rating = {r}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} = {{ practised = {}{rating} }}",
            skill.id, entry.practised
        );
    }

    out.push_str("\n[next_steps]\n");
    for (list, items) in workbook.next_steps.iter().zip(&review.next_steps) {
        let kept = items
            .iter()
            .rposition(|i| !i.is_empty())
            .map_or(0, |last| last + 1);
        if kept == 0 {
            let _ = writeln!(out, "{} = []", list.id);
            continue;
        }
        let _ = writeln!(out, "{} = [", list.id);
        for item in &items[..kept] {
            let _ = writeln!(out, "    {},", Value::String(item.clone()));
        }
        out.push_str("]\n");
    }
    if let Some(follow_up) = &review.follow_up {
        out.push_str("\n[follow_up]\n");
        let _ = writeln!(out, "from = {}", toml_date(follow_up.from));
        out.push_str("items = [\n");
        for item in &follow_up.items {
            let status = item
                .status
                .map(|s| format!(", status = \"{}\"", s.id()))
                .unwrap_or_default();
            let text = Value::String(item.text.clone());
            let _ = writeln!(out, "    {{ text = {text}{status} }},");
        }
        out.push_str("]\n");
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
    let mut table: toml::Table = text.parse().map_err(|e: toml::de::Error| SnapshotError {
        line: e.span().map_or(1, |span| line_at(text, span.start)),
        reason: e.message().trim().to_string(),
    })?;
    let at = |section: Option<&str>, key: &str, reason: String| SnapshotError {
        line: line_of_key(text, section, key),
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
            parse_skill(&id, &value).map_err(|why| at(Some("skills"), &id, why))?;
    }

    for (id, value) in take_section(&mut table, "next_steps", text)? {
        let index = workbook
            .list_index(&id)
            .ok_or_else(|| at(Some("next_steps"), &id, format!("unknown list `{id}`")))?;
        let items = parse_items(&id, &value).map_err(|why| at(Some("next_steps"), &id, why))?;
        for (slot, item) in review.next_steps[index].iter_mut().zip(items) {
            *slot = item;
        }
    }

    if let Some(value) = table.remove("follow_up") {
        let at_follow_up = |key: &str, why: String| at(Some("follow_up"), key, why);
        review.follow_up = Some(parse_follow_up(&value, at_follow_up)?);
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
            line: line_of_key(text, None, name),
            reason: format!("`{name}` must be a table"),
        }),
    }
}

fn parse_skill(id: &str, value: &Value) -> Result<SkillEntry, String> {
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

fn parse_items(id: &str, value: &Value) -> Result<Vec<String>, String> {
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

fn parse_follow_up(
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

fn parse_follow_up_item(value: &Value) -> Result<FollowUpItem, String> {
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
fn toml_date(date: NaiveDate) -> Datetime {
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
fn parse_date(value: &Value) -> Option<NaiveDate> {
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
fn parse_timestamp(value: &Value) -> Option<DateTime<FixedOffset>> {
    match value {
        Value::Datetime(dt) if dt.offset.is_some() && dt.time.is_some() => {
            DateTime::parse_from_rfc3339(&dt.to_string()).ok()
        }
        Value::String(s) => DateTime::parse_from_rfc3339(s.trim()).ok(),
        _ => None,
    }
}

/// 1-based line of the byte at `offset`.
fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |head| head.matches('\n').count() + 1)
}

/// 1-based line where `key` is assigned in `section` (`None` = top level); 1 if not found.
fn line_of_key(text: &str, section: Option<&str>, key: &str) -> usize {
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

#[cfg(test)]
#[path = "snapshot_tests.rs"]
mod tests;
