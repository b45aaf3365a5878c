//! The Next steps pane: three headed lists of three items, long items wrapped, the item
//! being edited drawn by the text editor in place.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{pane_block, text, theme};
use crate::action::Action;
use crate::app::{App, FrameLayout, Pane, Target};
use crate::domain::content::ITEMS_PER_LIST;
use crate::domain::review::Progress;
use crate::keymap::Context;

/// The Next steps pane of `app`.
pub struct NextStepsPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// Whether the pane has focus.
    pub focused: bool,
}

const PREFIX_WIDTH: u16 = 5;

/// One row group of the pane: a heading, a follow-up plan, an item, or a gap.
enum Row {
    FollowUpHeading,
    Plan(usize, Vec<String>),
    Heading(usize),
    Item(usize, Vec<String>),
    Gap,
}

impl Row {
    fn height(&self) -> u16 {
        match self {
            Row::Item(_, lines) | Row::Plan(_, lines) => lines.len() as u16,
            _ => 1,
        }
    }

    /// The pane selection index this row answers to (plans first, then items).
    fn selection(&self, plans: usize) -> Option<usize> {
        match self {
            Row::Plan(plan, _) => Some(*plan),
            Row::Item(item, _) => Some(plans + item),
            _ => None,
        }
    }
}

/// Width of a plan's status column: "not yet" plus a space.
const STATUS_WIDTH: u16 = 8;

impl NextStepsPane<'_> {
    /// Draws the pane into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let app = self.app;
        let review = &app.review;
        let extra = format!("{}/{} written", review.items_written(), review.item_slots());
        let block = pane_block("Next steps", extra, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);

        let text_width = usize::from(inner.width.saturating_sub(PREFIX_WIDTH)).max(1);
        let selected = app.selected.next_step;
        let plans = review.follow_up_len();
        let mut rows = Vec::new();
        if let Some(follow_up) = &review.follow_up {
            rows.push(Row::FollowUpHeading);
            let plan_width = usize::from(inner.width.saturating_sub(PREFIX_WIDTH + STATUS_WIDTH));
            for (plan, item) in follow_up.items.iter().enumerate() {
                let shown = text::for_screen(&item.text);
                rows.push(Row::Plan(plan, text::wrap(&shown, plan_width.max(1))));
            }
            rows.push(Row::Gap);
        }
        for list in 0..app.workbook.next_steps.len() {
            if list > 0 {
                rows.push(Row::Gap);
            }
            rows.push(Row::Heading(list));
            for slot in 0..ITEMS_PER_LIST {
                let item = list * ITEMS_PER_LIST + slot;
                let editing = app.editor.is_some() && plans + item == selected;
                let mut lines = text::wrap(&text::for_screen(review.item(item)), text_width);
                // The editor wraps in its own way and needs a cell for its cursor; it must
                // get every row it uses, or it scrolls its first line out of sight.
                if let (true, Some(editor)) = (editing, &app.editor) {
                    lines.resize(editor_rows(editor, text_width), String::new());
                }
                rows.push(Row::Item(item, lines));
            }
        }

        let scroll = scroll_to_selected(&rows, selected, plans, inner.height);
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
            if let Some(index) = row.selection(plans) {
                laid.hits.add(rect, Target::Row(Pane::NextSteps, index));
            }
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
                Row::FollowUpHeading => {
                    let heading = follow_up_heading(app);
                    Line::styled(
                        text::truncate(&heading, usize::from(inner.width)),
                        theme::HEADING,
                    )
                    .render(rect, buf);
                }
                Row::Plan(plan, lines) => self.render_plan(*plan, lines, rect, buf),
                Row::Gap => {}
            }
        }
        // "↑" / "↓" in the padding column when rows are out of sight, as the other panes do.
        let column = inner.right();
        if column < area.right() && inner.height > 1 {
            if scroll > 0 {
                buf.set_string(column, inner.top(), "↑", theme::DIM);
            }
            if y > scroll + inner.height {
                buf.set_string(column, inner.bottom() - 1, "↓", theme::DIM);
            }
        }
    }
}

impl NextStepsPane<'_> {
    fn render_plan(&self, plan: usize, lines: &[String], rect: Rect, buf: &mut Buffer) {
        let app = self.app;
        let selected = app.selected_plan() == Some(plan);
        let marker = match (selected, self.focused) {
            (true, true) => "▶ ",
            (true, false) => "› ",
            _ => "  ",
        };
        Line::styled(format!("{marker}•"), theme::DIM).render(rect, buf);
        let status = app
            .review
            .follow_up
            .as_ref()
            .and_then(|f| f.items.get(plan))
            .and_then(|item| item.status);
        let (label, style) = match status {
            Some(Progress::Done) => ("done", theme::YES),
            Some(Progress::Partly) => ("partly", theme::RATING),
            Some(Progress::NotYet) => ("not yet", theme::NO),
            None => ("?", theme::DIM),
        };
        let status_area = Rect {
            x: rect.x + PREFIX_WIDTH,
            width: STATUS_WIDTH.min(rect.width.saturating_sub(PREFIX_WIDTH)),
            height: 1,
            ..rect
        };
        Line::styled(label, style).render(status_area, buf);
        let body = Rect {
            x: status_area.right(),
            width: rect.width.saturating_sub(PREFIX_WIDTH + STATUS_WIDTH),
            ..rect
        };
        let text_style = if selected && self.focused {
            theme::SELECTED
        } else {
            theme::TEXT
        };
        let lines: Vec<Line> = lines
            .iter()
            .map(|l| Line::styled(l.clone(), text_style))
            .collect();
        Paragraph::new(lines).render(body, buf);
    }

    fn render_item(&self, item: usize, lines: &[String], rect: Rect, buf: &mut Buffer) {
        let app = self.app;
        let selected = app.selected_item() == Some(item);
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
            // The app keeps the editor's text; its look is the view's.
            let mut editor = editor.clone();
            editor.set_style(theme::EDITING);
            editor.render(body, buf);
            return;
        }
        let text = app.review.item(item);
        if text.trim().is_empty() {
            let hint = &app.workbook.next_steps[item / ITEMS_PER_LIST].hint;
            let placeholder = if selected && self.focused {
                let write = app.key(Context::NextSteps, Action::StartEditing);
                format!("{write} to write — {hint}")
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

/// "How did last time's plans go? (from 20 Aug 2026)": the follow-up section's heading.
fn follow_up_heading(app: &App) -> String {
    let Some(follow_up) = &app.review.follow_up else {
        return String::new();
    };
    format!(
        "Plans from {} — how did they go? ({}/{})",
        super::text::long_date(follow_up.from),
        follow_up.reviewed(),
        follow_up.items.len()
    )
}

/// Rows to scroll past so the selected row (and, if room, its heading) is in view.
fn scroll_to_selected(rows: &[Row], selected: usize, plans: usize, height: u16) -> u16 {
    // Never scrolled past the end: the last rows fill the pane rather than blank space. Rows
    // are drawn whole, so the top of the view is always the start of a row.
    let total: u16 = rows.iter().map(Row::height).sum();
    let wanted = scroll_for(rows, selected, plans, height).min(total.saturating_sub(height));
    let mut start = 0;
    for row in rows {
        // A gap between lists is no row to start the view with; the selected row is never
        // scrolled past, however tall it is.
        let here = start >= wanted && !matches!(row, Row::Gap);
        if here || row.selection(plans) == Some(selected) {
            break;
        }
        start += row.height();
    }
    start
}

/// How far to scroll so the selected row, with its list's heading when it fits, is in view.
fn scroll_for(rows: &[Row], selected: usize, plans: usize, height: u16) -> u16 {
    let mut y = 0u16;
    let mut heading_y = 0u16;
    for row in rows {
        match row {
            Row::Heading(_) | Row::FollowUpHeading => heading_y = y,
            row if row.selection(plans) == Some(selected) => {
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

/// Rows the editor needs to show all its text and its cursor at `width`, found by drawing a
/// fresh copy of it (same text, wrap mode and cursor, no undo history) into a scratch buffer.
fn editor_rows(editor: &ratatui_textarea::TextArea<'static>, width: usize) -> usize {
    use ratatui::style::Modifier;
    let mut copy = ratatui_textarea::TextArea::new(editor.lines().to_vec());
    copy.set_wrap_mode(editor.wrap_mode());
    let ratatui_textarea::DataCursor(row, col) = editor.cursor();
    copy.move_cursor(ratatui_textarea::CursorMove::Jump(row as u16, col as u16));
    let chars: usize = editor.lines().iter().map(|l| text::width(l) + 1).sum();
    let height = (chars / width.max(1) + editor.lines().len() + 2).min(200) as u16;
    let area = Rect::new(0, 0, width.max(1) as u16, height);
    let mut scratch = Buffer::empty(area);
    copy.render(area, &mut scratch);
    (0..height)
        .rev()
        .find(|y| {
            (0..area.width).any(|x| {
                let cell = &scratch[(x, *y)];
                cell.symbol() != " " || cell.modifier.contains(Modifier::REVERSED)
            })
        })
        .map_or(1, |y| usize::from(y) + 1)
}
