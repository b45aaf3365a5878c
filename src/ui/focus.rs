//! The focus suggestions popup: the "No" answers and the weak or unticked skills of the
//! review on screen, each with the Next steps item it would become and the list it goes in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::{popup_frame, render_selectable, text, theme};
use crate::app::{App, Target};
use crate::focus::Source;

/// The popup, with suggestion `selected` highlighted.
pub struct FocusPopup<'a> {
    /// The app whose review is read.
    pub app: &'a App,
    /// The selected suggestion.
    pub selected: usize,
}

impl Widget for FocusPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let suggestions = app.suggestions();
        let width = area.width.saturating_sub(4).min(96);
        let height = area.height.saturating_sub(2);
        let inner = popup_frame(area, width, height, "Suggested focus — Esc to close", buf);
        let [intro_area, list_area] =
            Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(inner);
        let intro = if suggestions.is_empty() {
            "Nothing to suggest: no question is answered No, and every skill is ticked and \
             rated above 3. Keep building on that."
        } else {
            "From your No answers and your weakest skills. Enter makes the selected one a \
             Next steps item that you can then rewrite in your own words."
        };
        Paragraph::new(intro)
            .style(theme::DIM)
            .wrap(Wrap { trim: true })
            .render(intro_area, buf);

        let room = usize::from(list_area.width).saturating_sub(6);
        let items: Vec<ListItem> = suggestions
            .iter()
            .map(|s| {
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
            })
            .collect();
        let rows = render_selectable(items, self.selected, true, list_area, buf);
        for (rect, index) in rows {
            app.hits.add(rect, Target::Suggestion(index));
        }
    }
}
