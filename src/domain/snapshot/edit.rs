//! Small edits on a parsed TOML document that keep its shape: a table of either style
//! (`[header]`, dotted or inline), keys put where the normal form has them, values replaced
//! keeping their comments, texts quoted on one line, and the file's line endings restored.

use toml_edit::{Array, InlineTable, Item, Key, Table, Value};

use super::SnapshotError;

/// A table as the file writes it: under a `[header]` (or dotted keys), or inline `{ … }`.
pub(super) enum Tab<'a> {
    /// A standard or dotted table.
    Block(&'a mut Table),
    /// An inline table.
    Inline(&'a mut InlineTable),
}

impl<'a> Tab<'a> {
    /// The table `item` holds, if it is one.
    pub(super) fn of(item: &'a mut Item) -> Option<Tab<'a>> {
        match item {
            Item::Table(table) => Some(Tab::Block(table)),
            Item::Value(Value::InlineTable(table)) => Some(Tab::Inline(table)),
            _ => None,
        }
    }

    /// True when the table holds no key.
    pub(super) fn is_empty(&self) -> bool {
        match self {
            Tab::Block(t) => t.is_empty(),
            Tab::Inline(t) => t.is_empty(),
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Tab::Block(t) => t.iter().map(|(k, _)| k.to_string()).collect(),
            Tab::Inline(t) => t.iter().map(|(k, _)| k.to_string()).collect(),
        }
    }

    /// The item under `key`, if any.
    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Item> {
        match self {
            Tab::Block(t) => t.get_mut(key),
            Tab::Inline(t) => toml_edit::TableLike::get_mut(*t, key),
        }
    }

    /// Removes `key` (and the comments written above it).
    pub(super) fn remove(&mut self, key: &str) {
        match self {
            Tab::Block(t) => drop(t.remove(key)),
            Tab::Inline(t) => {
                let closing = closing_space(t);
                drop(t.remove(key));
                tidy_inline(t, closing);
            }
        }
    }

    fn take(&mut self, key: &str) -> Option<(Key, Item)> {
        match self {
            Tab::Block(t) => t.remove_entry(key),
            Tab::Inline(t) => t.remove_entry(key).map(|(k, v)| (k, Item::Value(v))),
        }
    }

    fn put(&mut self, key: &Key, item: Item) {
        match (self, item) {
            (Tab::Block(t), item) => drop(t.insert_formatted(key, item)),
            (Tab::Inline(t), Item::Value(value)) => drop(t.insert_formatted(key, value)),
            // An inline table holds only values, and only values are ever moved into one.
            (Tab::Inline(_), _) => {}
        }
    }

    /// Sets `key` to `value`: in place, keeping the comments around it, when the key is
    /// there; otherwise added where the normal form has it — after the nearest key before it
    /// in `order`, else before the nearest one after it, else at the end.
    pub(super) fn set(&mut self, key: &str, value: Value, order: &[&str]) {
        if let Some(item) = self.get_mut(key) {
            replace(item, value);
            return;
        }
        let closing = match self {
            Tab::Inline(t) => Some(closing_space(t)),
            Tab::Block(_) => None,
        };
        let keys = self.keys();
        let rank = order.iter().position(|k| *k == key).unwrap_or(order.len());
        let (before, after) = order.split_at(rank);
        let after = after.get(1..).unwrap_or_default();
        let at = keys
            .iter()
            .rposition(|k| before.contains(&k.as_str()))
            .map(|i| i + 1)
            .or_else(|| keys.iter().position(|k| after.contains(&k.as_str())))
            .unwrap_or(keys.len());
        self.put(&Key::new(key), Item::Value(value));
        for moved in keys.get(at..).unwrap_or_default() {
            if let Some((key, item)) = self.take(moved) {
                self.put(&key, item);
            }
        }
        if let (Tab::Inline(t), Some(closing)) = (self, closing) {
            tidy_inline(t, closing);
        }
    }
}

/// The spaces before an inline table's `}` (kept in its last value's suffix).
fn closing_space(table: &InlineTable) -> String {
    let last = table.iter().last().map(|(_, value)| value);
    let suffix = last.and_then(|v| v.decor().suffix());
    suffix.and_then(|s| s.as_str()).unwrap_or(" ").to_string()
}

/// After a key was added to or taken from an inline table: no space before a comma, the
/// table's own space before `}` after its (new) last value.
fn tidy_inline(table: &mut InlineTable, closing: String) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    for (index, key) in keys.iter().enumerate() {
        let Some(value) = table.get_mut(key) else {
            continue;
        };
        let suffix = value
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .unwrap_or("");
        if suffix.trim().is_empty() {
            let last = index + 1 == keys.len();
            value
                .decor_mut()
                .set_suffix(if last { closing.as_str() } else { "" });
        }
    }
}

/// Makes `array` hold `wanted`: elements for which `fits` says no are replaced in place
/// (keeping their comments), extra ones dropped, new ones laid out like the last one (on a
/// line of their own when it is, a comment after the last one staying with it).
pub(super) fn sync_array(
    array: &mut Array,
    wanted: Vec<Value>,
    mut fits: impl FnMut(usize, &mut Value) -> bool,
) {
    while array.len() > wanted.len() {
        array.remove(array.len() - 1);
    }
    let had = array.len();
    for (index, mut new) in wanted.into_iter().enumerate() {
        if let Some(old) = array.get_mut(index) {
            if !fits(index, old) {
                *new.decor_mut() = old.decor().clone();
                *old = new;
            }
            continue;
        }
        let prefix = array
            .get(had.saturating_sub(1))
            .and_then(|last| last.decor().prefix())
            .and_then(|p| p.as_str())
            .unwrap_or(" ")
            .to_string();
        let layout = match prefix.rsplit_once('\n') {
            Some((_, indent)) => {
                let trailing = array.trailing().as_str().unwrap_or("").to_string();
                let (comment, rest) = trailing.split_once('\n').unwrap_or(("", &trailing));
                let comment = if index == had { comment } else { "" };
                if index == had && trailing.contains('\n') {
                    array.set_trailing(format!("\n{rest}"));
                }
                format!("{comment}\n{indent}")
            }
            None => " ".to_string(),
        };
        new.decor_mut().set_prefix(layout);
        new.decor_mut().set_suffix("");
        array.push_formatted(new);
    }
}

/// Replaces what `item` holds by `value`, keeping the old value's surroundings (the spaces
/// and a trailing comment) when it was a value.
pub(super) fn replace(item: &mut Item, mut value: Value) {
    if let Item::Value(old) = item {
        *value.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(value);
}

/// Parses one TOML value written by this module (never fails for the texts it builds).
pub(super) fn value(text: &str) -> Result<Value, SnapshotError> {
    text.parse()
        .map_err(|e: toml_edit::TomlError| SnapshotError {
            line: 1,
            reason: format!("could not write `{text}`: {}", e.message().trim()),
        })
}

/// A text as a one-line TOML basic string: a line break is written `\n`, so the file's line
/// endings can never leak into (or be changed inside) a value.
pub(super) fn quote_on_one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// True when the file's first line ends in CRLF: it is written back with CRLF.
pub(super) fn uses_crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|at| text[..at].ends_with('\r'))
}

/// `text` (valid TOML) with every line break outside a string written CRLF. Line breaks
/// inside multi-line strings are part of the value and stay as they are.
pub(super) fn with_crlf(text: &str) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Code,
        Comment,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut state = In::Code;
    let mut start = 0;
    let mut i = 0;
    let run = |at: usize, quote: u8| bytes[at..].iter().take_while(|b| **b == quote).count();
    while i < bytes.len() {
        let b = bytes[i];
        let mut step = 1;
        match (state, b) {
            (In::Code | In::Comment, b'\n') => {
                if i == 0 || bytes[i - 1] != b'\r' {
                    out.push_str(&text[start..i]);
                    out.push('\r');
                    start = i;
                }
                state = In::Code;
            }
            (In::Code, b'#') => state = In::Comment,
            (In::Code, b'"' | b'\'') => {
                let triple = run(i, b) >= 3;
                state = match (b, triple) {
                    (b'"', true) => In::MultiBasic,
                    (b'"', false) => In::Basic,
                    (_, true) => In::MultiLiteral,
                    (_, false) => In::Literal,
                };
                step = if triple { 3 } else { 1 };
            }
            (In::Basic | In::MultiBasic, b'\\') => step = 2,
            (In::Basic, b'"') | (In::Literal, b'\'') => state = In::Code,
            (In::MultiBasic, b'"') | (In::MultiLiteral, b'\'') => {
                let quotes = run(i, b);
                if quotes >= 3 {
                    state = In::Code;
                }
                step = quotes;
            }
            _ => {}
        }
        i += step;
    }
    out.push_str(&text[start..]);
    out
}
