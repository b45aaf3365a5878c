//! The title bar: app name, the review's date (and whether it is today's), its save state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme;
use crate::app::{App, SaveState};

/// The one-line bar across the top of the screen.
pub struct TitleBar<'a>(pub &'a App);

impl Widget for TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        buf.set_style(area, theme::TITLE_BAR);
        let date = app.review.date;
        let when = if date == app.today { " (today)" } else { "" };
        let (state, style) = match app.save_state() {
            SaveState::New => ("new", theme::STATE_NEW),
            SaveState::Saved => ("saved", theme::STATE_SAVED),
            SaveState::Unsaved => ("unsaved changes", theme::STATE_UNSAVED),
        };
        let long_date = date.format("%a %-d %b %Y").to_string();
        let shown_date = if area.width >= 72 {
            long_date
        } else {
            date.format("%Y-%m-%d").to_string()
        };
        let left = Line::from(vec![
            Span::styled(" partnerbook ", theme::TITLE_NAME),
            Span::raw("│ Review of "),
            Span::styled(shown_date, theme::TITLE_NAME),
            Span::raw(format!("{when} ")),
            Span::styled(format!(" {state} "), style),
        ]);
        left.render(area, buf);
        if area.width >= 80 {
            Line::from(" ? help ").right_aligned().render(area, buf);
        }
    }
}
