//! The in-app Guide: a small Markdown subset parsed from the embedded `assets/guide.md`,
//! laid out into wrapped lines for a given width, with case-insensitive search and anchors.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::text;

/// The embedded asset, exactly as shipped.
pub const GUIDE_MD: &str = include_str!("../../assets/guide.md");

/// Narrowest width the layout honours; smaller widths are treated as this.
pub const MIN_WIDTH: usize = 10;

const BULLET: &str = "• ";
const INDENT: &str = "  ";
const BLANK: GuideLine = GuideLine {
    kind: LineKind::Blank,
    text: String::new(),
    anchor: None,
};

/// The parsed guide: its blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    /// Headings, paragraphs and bullets, in the order they appear.
    pub blocks: Vec<Block>,
}

/// One block of the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A `# ` (level 1) or `## ` (level 2) heading with its `{#id}` anchor.
    Heading {
        /// 1 or 2.
        level: u8,
        /// Unique snake_case anchor id.
        id: String,
        /// The heading's text, without the `{#id}` suffix.
        title: String,
    },
    /// A paragraph, its source lines joined with single spaces.
    Paragraph(String),
    /// A bullet item, its continuation lines joined with single spaces.
    Bullet(String),
}

/// What a laid-out line is, so the view can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line of a level-1 heading.
    Heading1,
    /// A line of a level-2 heading.
    Heading2,
    /// A line of a paragraph.
    Paragraph,
    /// The first line of a bullet, starting with "• ".
    Bullet,
    /// A following line of a bullet, indented to line up under its text.
    BulletContinuation,
    /// The empty line between blocks.
    Blank,
}

/// One laid-out line of the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideLine {
    /// What the line belongs to.
    pub kind: LineKind,
    /// The text to show, no wider than the layout width.
    pub text: String,
    /// The heading id, on every line of a heading; `None` elsewhere.
    pub anchor: Option<String>,
}

/// A search hit: the byte range `start..end` of `lines[line].text`, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index into the laid-out lines.
    pub line: usize,
    /// Byte offset where the hit starts.
    pub start: usize,
    /// Byte offset just past the hit.
    pub end: usize,
}

impl Guide {
    /// The embedded guide, parsed on first use.
    pub fn embedded() -> &'static Guide {
        static PARSED: OnceLock<Guide> = OnceLock::new();
        PARSED.get_or_init(|| {
            // The asset is compiled in and checked by `embedded_guide_is_valid`;
            // failing here is a build defect, not a runtime condition.
            #[allow(clippy::expect_used)]
            Guide::parse(GUIDE_MD).expect("assets/guide.md is valid")
        })
    }

    /// Parses the guide's Markdown subset. Errors start with `line N:` (1-based).
    pub fn parse(text: &str) -> Result<Guide, String> {
        let mut blocks = Vec::new();
        let mut pending: Option<Block> = None;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, raw) in text.lines().enumerate() {
            let number = index + 1;
            let at = move |message: String| format!("line {number}: {message}");
            let line = raw.trim_end();
            if line.is_empty() || line.starts_with('#') || line.starts_with("- ") {
                blocks.extend(pending.take());
            }
            if line.starts_with('#') {
                let (level, id, title) = parse_heading(line).map_err(at)?;
                if let Some(first) = seen.insert(id.clone(), number) {
                    return Err(at(format!(
                        "duplicate heading id `{id}` (first used on line {first})"
                    )));
                }
                blocks.push(Block::Heading { level, id, title });
            } else if !line.is_empty() {
                pending = Some(continue_block(pending.take(), line).map_err(at)?);
            }
        }
        blocks.extend(pending);
        Ok(Guide { blocks })
    }

    /// Every heading as `(level, id, title)`, in order.
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str, &str)> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Heading { level, id, title } => Some((*level, id.as_str(), title.as_str())),
            _ => None,
        })
    }

    /// The title of the heading with this id.
    pub fn heading(&self, id: &str) -> Option<&str> {
        self.headings().find(|h| h.1 == id).map(|h| h.2)
    }

    /// The level-1 headings as `(id, title)`, in order.
    pub fn sections(&self) -> Vec<(&str, &str)> {
        let top = self.headings().filter(|h| h.0 == 1);
        top.map(|(_, id, title)| (id, title)).collect()
    }

    /// Lays the guide out for `width` cells (at least [`MIN_WIDTH`]): wrapped blocks with
    /// one blank line between them. Never empty.
    pub fn lines(&self, width: usize) -> Vec<GuideLine> {
        use LineKind::*;
        let width = width.max(MIN_WIDTH);
        let mut out = Vec::new();
        let mut after_bullet = false;
        for block in &self.blocks {
            // Bullets of one list sit on consecutive lines; every other block gets a gap.
            let bullet = matches!(block, Block::Bullet(_));
            let gap = !(out.is_empty() || (bullet && after_bullet));
            if gap {
                out.push(BLANK);
            }
            after_bullet = bullet;
            let (body, first, rest, lead, anchor) = match block {
                Block::Heading {
                    level: 1,
                    id,
                    title,
                } => (title, Heading1, Heading1, "", Some(id)),
                Block::Heading { id, title, .. } => (title, Heading2, Heading2, "", Some(id)),
                Block::Paragraph(body) => (body, Paragraph, Paragraph, "", None),
                Block::Bullet(body) => (body, Bullet, BulletContinuation, BULLET, None),
            };
            let indent = " ".repeat(text::width(lead));
            let wrapped = text::wrap(body, width - indent.len());
            for (n, part) in wrapped.into_iter().enumerate() {
                let (kind, lead) = if n == 0 {
                    (first, lead)
                } else {
                    (rest, indent.as_str())
                };
                let text = format!("{lead}{part}");
                out.push(GuideLine {
                    kind,
                    text,
                    anchor: anchor.cloned(),
                });
            }
        }
        if out.is_empty() {
            out.push(BLANK);
        }
        out
    }
}

/// Adds a non-blank, non-heading line to the `pending` paragraph or bullet, or starts a
/// new block (a `- ` line always starts one; the caller has closed `pending` for it).
fn continue_block(pending: Option<Block>, line: &str) -> Result<Block, String> {
    if let Some(item) = line.strip_prefix("- ") {
        return Ok(Block::Bullet(item.trim().to_string()));
    }
    if line == "-" {
        return Err("empty bullet".into());
    }
    if line.starts_with("* ") || line.starts_with("+ ") {
        return Err("unsupported bullet marker; start bullets with `- `".into());
    }
    let indented = line.starts_with(char::is_whitespace);
    match pending {
        Some(Block::Bullet(item)) if line.starts_with(INDENT) => {
            Ok(Block::Bullet(format!("{item} {}", line.trim())))
        }
        _ if indented => {
            Err("indented line outside a bullet (continuations use two spaces)".into())
        }
        Some(Block::Bullet(_)) => {
            Err("text right after a bullet; indent it by two spaces or add a blank line".into())
        }
        Some(Block::Paragraph(text)) => Ok(Block::Paragraph(format!("{text} {line}"))),
        _ => Ok(Block::Paragraph(line.to_string())),
    }
}

/// Parses `# Title {#id}` or `## Title {#id}` into (level, id, title); the message has
/// no line number yet.
fn parse_heading(line: &str) -> Result<(u8, String, String), String> {
    let (level, rest) = if let Some(rest) = line.strip_prefix("# ") {
        (1, rest)
    } else if let Some(rest) = line.strip_prefix("## ") {
        (2, rest)
    } else {
        let marker: String = line.chars().take_while(|c| *c == '#').collect();
        return Err(format!(
            "unsupported heading `{marker}`; use `# ` or `## ` followed by a space"
        ));
    };
    let Some((title, id)) = rest
        .strip_suffix('}')
        .and_then(|body| body.rsplit_once(" {#"))
    else {
        return Err("heading must end with ` {#id}`".into());
    };
    let title = title.trim();
    if title.is_empty() {
        return Err("heading has no title".into());
    }
    let snake = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !snake {
        return Err(format!("heading id `{id}` is not snake_case"));
    }
    Ok((level, id.to_string(), title.to_string()))
}

/// Case-insensitive, non-overlapping matches of `query` within each line (a hit never
/// spans two lines). Letters are compared by their single-char lowercase; a whitespace-only
/// query matches nothing.
pub fn find(lines: &[GuideLine], query: &str) -> Vec<Match> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let needle: Vec<char> = query.chars().map(fold).collect();
    let mut matches = Vec::new();
    for (index, guide_line) in lines.iter().enumerate() {
        let text = &guide_line.text;
        let hay: Vec<(usize, char)> = text.char_indices().map(|(at, c)| (at, fold(c))).collect();
        let mut at = 0;
        while at + needle.len() <= hay.len() {
            let window = &hay[at..at + needle.len()];
            if window.iter().map(|(_, c)| *c).eq(needle.iter().copied()) {
                let start = hay[at].0;
                let end = hay.get(at + needle.len()).map_or(text.len(), |(b, _)| *b);
                matches.push(Match {
                    line: index,
                    start,
                    end,
                });
                at += needle.len();
            } else {
                at += 1;
            }
        }
    }
    matches
}

/// The char compared in searches: its lowercase when that is a single char, else itself.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// Index of the first line of the heading with this id.
pub fn anchor_line(lines: &[GuideLine], id: &str) -> Option<usize> {
    lines
        .iter()
        .position(|guide_line| guide_line.anchor.as_deref() == Some(id))
}

#[cfg(test)]
mod tests;
