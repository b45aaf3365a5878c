//! The Essential skills pane: each skill ticked or not, its description, and a
//! small 1–5 rating gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, Widget};

use super::{pane_block, render_selectable, text, theme};
use crate::app::{App, FrameLayout, Pane, Target};
use crate::domain::review::{MAX_RATING, SkillEntry};

/// The Essential skills pane of `app`.
pub struct SkillsPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// Whether the pane has focus.
    pub focused: bool,
}

const GAUGE_WIDTH: usize = MAX_RATING as usize;

/// A rating as five marks: filled for the rating, hollow after; dots when unrated.
pub fn gauge(rating: Option<u8>) -> String {
    match rating {
        Some(r) => (1..=MAX_RATING)
            .map(|i| if i <= r { '●' } else { '○' })
            .collect(),
        None => "·".repeat(GAUGE_WIDTH),
    }
}

impl SkillsPane<'_> {
    /// Draws the pane into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let app = self.app;
        let review = &app.review;
        let extra = format!(
            "{}/{} practised well",
            review.practised(),
            review.skills.len()
        );
        let block = pane_block("Essential skills", extra, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);

        let row_width = usize::from(inner.width).saturating_sub(2);
        let wrapped_rows: usize = app
            .workbook
            .skills
            .iter()
            .map(|s| 1 + text::wrap(&s.description, row_width.saturating_sub(4)).len())
            .sum();
        let wrap_all = wrapped_rows <= usize::from(inner.height);
        let items: Vec<ListItem> = app
            .workbook
            .skills
            .iter()
            .zip(&review.skills)
            .enumerate()
            .map(|(index, (skill, entry))| {
                // The skill selected in the focused pane is always read whole, whatever the room.
                let wrap = wrap_all || (self.focused && index == app.selected.skill);
                skill_item(&skill.name, &skill.description, *entry, row_width, wrap)
            })
            .collect();
        let rows = render_selectable(items, app.selected.skill, self.focused, inner, buf);
        for (rect, index) in rows {
            laid.hits.add(rect, Target::Row(Pane::Skills, index));
        }
    }
}

/// A skill's row: tick, name and gauge, then its description wrapped, or cut to one line
/// when `wrap` is false (not enough room for every skill's whole description, and this one
/// is not selected).
fn skill_item(
    name: &str,
    description: &str,
    entry: SkillEntry,
    width: usize,
    wrap: bool,
) -> ListItem<'static> {
    let (tick, tick_style) = if entry.practised {
        ("[x] ", theme::TICKED)
    } else {
        ("[ ] ", theme::DIM)
    };
    let gauge_style = if entry.rating.is_some() {
        theme::RATING
    } else {
        theme::DIM
    };
    let name_room = width.saturating_sub(4 + GAUGE_WIDTH + 1);
    let name = text::truncate(name, name_room);
    let pad = " ".repeat(name_room.saturating_sub(text::width(&name)) + 1);
    let first = Line::from(vec![
        Span::styled(tick, tick_style),
        Span::styled(name, theme::TEXT),
        Span::raw(pad),
        Span::styled(gauge(entry.rating), gauge_style),
    ]);
    let mut lines = vec![first];
    let room = width.saturating_sub(4);
    let described = if wrap {
        text::wrap(description, room)
    } else {
        vec![text::truncate(description, room)]
    };
    for line in described {
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(line, theme::DIM),
        ]));
    }
    ListItem::new(Text::from(lines))
}
