//! The focus suggestions popup: the "No" answers and the weak or unticked skills of the
//! review on screen, each with the Next steps item it would become and the list it goes in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, ListItem, Paragraph, Widget};

use super::{popup_frame, render_selectable, text, theme};
use crate::action::Action;
use crate::app::{App, FrameLayout, Target};
use crate::domain::focus::{Source, Suggestion};
use crate::keymap::Context;

/// The popup, with suggestion `selected` highlighted.
pub struct FocusPopup<'a> {
    /// The app whose review is read.
    pub app: &'a App,
    /// The selected suggestion.
    pub selected: usize,
}

impl FocusPopup<'_> {
    /// Draws the popup into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let app = self.app;
        let suggestions = app.suggestions();
        let intro = if suggestions.is_empty() {
            "Nothing to suggest: no question is answered No, and every skill is ticked and \
             rated above 3. Keep building on that."
                .to_string()
        } else if app.review.summary().is_unstarted() {
            format!(
                "No question is answered yet, so these come from your skills alone; answer the \
                 questions ({}) and each No adds one. Enter makes the selected one a Next \
                 steps item that you can then rewrite in your own words.",
                app.answer_keys()
            )
        } else {
            "From your No answers and your weakest skills. Enter makes the selected one a \
             Next steps item that you can then rewrite in your own words."
                .to_string()
        };
        // As wide as the longest suggestion needs (within reason), as tall as its content.
        let widest = suggestions
            .iter()
            .map(|s| {
                let list = &app.workbook.next_steps[s.list].title;
                let why = format!("{} · goes in “{list}”", s.reason);
                let head = text::width(&s.title) + 8;
                head.max(text::width(&why) + 4)
                    .max(text::width(&s.step) + 4)
            })
            .max()
            .unwrap_or(60);
        let most = usize::from(area.width.saturating_sub(2)).min(MAX_WIDTH);
        let width = (widest + FRAME + 6).clamp(MIN_WIDTH.min(most), most) as u16;
        let room = usize::from(width).saturating_sub(FRAME + 6);
        let intro_lines = text::wrap(&intro, usize::from(width).saturating_sub(FRAME));
        let items: Vec<ListItem> = suggestions
            .iter()
            .map(|s| suggestion_item(app, s, room))
            .collect();
        let content = intro_lines.len() + 1 + items.iter().map(ListItem::height).sum::<usize>();
        let height = (content as u16 + 2).min(area.height);
        // The popup's rows are cleared across the whole screen, so no word of the panes
        // beneath is left cut off beside its frame.
        let rows = area.centered_vertically(Constraint::Length(height));
        Clear.render(rows, buf);
        let close = app.key(Context::Focus, Action::ClosePopup);
        let title = format!("Suggested focus — {close} to close");
        let inner = popup_frame(area, width, height, &title, buf);
        let [intro_area, list_area] = Layout::vertical([
            Constraint::Length(intro_lines.len() as u16 + 1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let intro: Vec<Line> = intro_lines
            .into_iter()
            .map(|line| Line::styled(line, theme::DIM))
            .collect();
        Paragraph::new(intro).render(intro_area, buf);
        let rows = render_selectable(items, self.selected, true, list_area, buf);
        for (rect, index) in rows {
            laid.hits.add(rect, Target::Suggestion(index));
        }
    }
}

/// Widest the popup grows: long lines are hard to read.
const MAX_WIDTH: usize = 100;
/// Narrowest it gets while the terminal has room.
const MIN_WIDTH: usize = 56;
/// Columns taken by the frame and its padding.
const FRAME: usize = 4;

/// One suggestion: where it comes from, why and where it goes, and the item it would become.
fn suggestion_item(app: &App, s: &Suggestion, room: usize) -> ListItem<'static> {
    let kind = match s.source {
        Source::Question(i) => format!("Q{}: ", i + 1),
        Source::Skill(_) => "Skill: ".to_string(),
    };
    let list = &app.workbook.next_steps[s.list].title;
    let head = text::truncate(&format!("{kind}{}", s.title), room);
    let indent = 4;
    let mut lines = vec![Line::styled(head, theme::HEADING)];
    let why = format!("{} · goes in “{list}”", s.reason);
    for part in text::wrap(&why, room.saturating_sub(indent)) {
        lines.push(Line::styled(format!("{:indent$}{part}", ""), theme::DIM));
    }
    for (n, part) in text::wrap(&s.step, room.saturating_sub(indent))
        .into_iter()
        .enumerate()
    {
        let lead = if n == 0 { "  + " } else { "    " };
        lines.push(Line::from(vec![
            Span::styled(lead, theme::TICKED),
            Span::raw(part),
        ]));
    }
    ListItem::new(Text::from(lines))
}
