//! Where in a snapshot's text a refused value is: the line of its key, found by walking the
//! parsed document's spans, so inline tables, dotted keys and array items are placed too.

use std::ops::Range;

use toml_edit::{Document, Item, Table, TableLike, Value};

/// One step from a table to what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    /// The value under a key.
    Key(String),
    /// An item of an array (or of an array of tables).
    Index(usize),
}

/// A value refused: where, relative to the value being read, and why.
pub(super) type Bad = (Vec<Step>, String);

/// A step to the value under `key`.
pub(super) fn key(key: &str) -> Step {
    Step::Key(key.to_string())
}

/// A refusal of the value being read itself.
pub(super) fn here(why: impl Into<String>) -> Bad {
    (Vec::new(), why.into())
}

/// A refusal of what `step` leads to from the value being read.
pub(super) fn inside(step: Step, (mut path, why): Bad) -> Bad {
    path.insert(0, step);
    (path, why)
}

/// 1-based line of the byte at `offset`.
pub(super) fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |head| head.matches('\n').count() + 1)
}

/// 1-based line of the last step of `path` the text has: a key's line, or an array item's;
/// 1 when not even the first is there (or the text does not parse).
pub(super) fn line_of(text: &str, path: &[Step]) -> usize {
    let Ok(doc) = Document::parse(text) else {
        return 1;
    };
    let mut node = Node::Item(doc.as_item());
    let mut found: Option<Range<usize>> = None;
    for step in path {
        let next = match step {
            Step::Key(name) => node.key(name),
            Step::Index(index) => node.index(*index),
        };
        let Some((span, next)) = next else {
            break;
        };
        found = span.or(found);
        node = next;
    }
    found.map_or(1, |span| line_at(text, span.start))
}

#[derive(Clone, Copy)]
enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a Table),
}

impl<'a> Node<'a> {
    fn table(self) -> Option<&'a dyn TableLike> {
        match self {
            Node::Item(item) => item.as_table_like(),
            Node::Value(value) => value.as_inline_table().map(|t| t as &dyn TableLike),
            Node::Table(table) => Some(table),
        }
    }

    fn key(self, name: &str) -> Option<(Option<Range<usize>>, Node<'a>)> {
        let (key, item) = self.table()?.get_key_value(name)?;
        Some((key.span(), Node::Item(item)))
    }

    fn index(self, index: usize) -> Option<(Option<Range<usize>>, Node<'a>)> {
        let array = match self {
            Node::Item(Item::ArrayOfTables(tables)) => {
                let table = tables.get(index)?;
                return Some((table.span(), Node::Table(table)));
            }
            Node::Item(item) => item.as_array(),
            Node::Value(value) => value.as_array(),
            Node::Table(_) => None,
        }?;
        let value = array.get(index)?;
        Some((value.span(), Node::Value(value)))
    }
}
