//! The Next steps pane: three headed lists of three items, long items wrapped, the item
//! being edited drawn by the text editor in place.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{pane_block, text, theme};
use crate::app::App;
use crate::content::ITEMS_PER_LIST;

/// The Next steps pane of `app`.
pub struct NextStepsPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// Whether the pane has focus.
    pub focused: bool,
}

const PREFIX_WIDTH: u16 = 5;

/// One row group of the pane: a list heading, an item, or a gap.
enum Row {
    Heading(usize),
    Item(usize, Vec<String>),
    Gap,
}

impl Row {
    fn height(&self) -> u16 {
        match self {
            Row::Item(_, lines) => lines.len() as u16,
            _ => 1,
        }
    }
}

impl Widget for NextStepsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let review = &app.review;
        let extra = format!("{}/{} written", review.items_written(), review.item_slots());
        let block = pane_block("Next steps", extra, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);

        let text_width = usize::from(inner.width.saturating_sub(PREFIX_WIDTH)).max(1);
        let selected = app.selected[2];
        let mut rows = Vec::new();
        for list in 0..app.workbook.next_steps.len() {
            if list > 0 {
                rows.push(Row::Gap);
            }
            rows.push(Row::Heading(list));
            for slot in 0..ITEMS_PER_LIST {
                let item = list * ITEMS_PER_LIST + slot;
                let editing = app.editor.is_some() && item == selected;
                let shown = if editing {
                    format!("{} ", review.item(item))
                } else {
                    review.item(item).to_string()
                };
                rows.push(Row::Item(item, text::wrap(&shown, text_width)));
            }
        }

        let scroll = scroll_to_selected(&rows, selected, inner.height);
        let mut y = 0u16;
        for row in &rows {
            let top = y.saturating_sub(scroll);
            let visible = y >= scroll && top < inner.height;
            let height = row.height().min(inner.height.saturating_sub(top));
            y += row.height();
            if !visible {
                continue;
            }
            let rect = Rect {
                y: inner.y + top,
                height,
                ..inner
            };
            match row {
                Row::Heading(list) => {
                    let title = &app.workbook.next_steps[*list].title;
                    Line::styled(
                        text::truncate(title, usize::from(inner.width)),
                        theme::HEADING,
                    )
                    .render(rect, buf);
                }
                Row::Item(item, lines) => self.render_item(*item, lines, rect, buf),
                Row::Gap => {}
            }
        }
    }
}

impl NextStepsPane<'_> {
    fn render_item(&self, item: usize, lines: &[String], rect: Rect, buf: &mut Buffer) {
        let app = self.app;
        let selected = item == app.selected[2];
        let marker = match (selected, self.focused) {
            (true, true) => "▶ ",
            (true, false) => "› ",
            _ => "  ",
        };
        let number = format!("{marker}{}. ", item % ITEMS_PER_LIST + 1);
        let prefix_style = if selected && self.focused {
            theme::FOCUSED_BORDER
        } else {
            theme::DIM
        };
        Line::styled(number, prefix_style).render(rect, buf);
        let body = Rect {
            x: rect.x + PREFIX_WIDTH,
            width: rect.width.saturating_sub(PREFIX_WIDTH),
            ..rect
        };
        if let (true, Some(editor)) = (selected, &app.editor) {
            editor.render(body, buf);
            return;
        }
        let text = app.review.item(item);
        if text.trim().is_empty() {
            let hint = &app.workbook.next_steps[item / ITEMS_PER_LIST].hint;
            let placeholder = if selected && self.focused {
                format!("Enter to write — {hint}")
            } else {
                "…".to_string()
            };
            Line::styled(
                text::truncate(&placeholder, usize::from(body.width)),
                theme::DIM,
            )
            .render(body, buf);
            return;
        }
        let style = if selected && self.focused {
            theme::SELECTED
        } else {
            theme::TEXT
        };
        let lines: Vec<Line> = lines
            .iter()
            .map(|l| Line::from(Span::styled(l.clone(), style)))
            .collect();
        Paragraph::new(lines).render(body, buf);
    }
}

/// Rows to scroll past so the selected item (and, if room, its list heading) is in view.
fn scroll_to_selected(rows: &[Row], selected: usize, height: u16) -> u16 {
    let mut y = 0u16;
    let mut heading_y = 0u16;
    for row in rows {
        match row {
            Row::Heading(_) => heading_y = y,
            Row::Item(item, _) if *item == selected => {
                let bottom = y + row.height();
                if bottom <= height {
                    return 0;
                }
                let from_heading = bottom.saturating_sub(heading_y);
                return if from_heading <= height {
                    heading_y
                } else {
                    bottom - height
                };
            }
            _ => {}
        }
        y += row.height();
    }
    0
}
