//! The footer: the status message when there is one, otherwise key hints for the context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{text, theme};
use crate::app::App;
use crate::keymap;

/// The one-line bar across the bottom of the screen.
pub struct Footer<'a>(pub &'a App);

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Some(status) = &self.0.status {
            let style = if status.is_error {
                theme::STATUS_ERROR
            } else {
                theme::STATUS_OK
            };
            let shown = text::truncate(&status.text, usize::from(area.width.saturating_sub(2)));
            Line::styled(format!(" {shown} "), style).render(area, buf);
            return;
        }
        let mut spans = Vec::new();
        let mut used = 0;
        for (keys, hint) in keymap::hints(self.0.context()) {
            let piece = text::width(keys) + text::width(hint) + 3;
            if used + piece > usize::from(area.width) {
                break;
            }
            used += piece;
            spans.push(Span::styled(format!(" {keys}"), theme::KEY));
            spans.push(Span::styled(format!(" {hint} "), theme::KEY_HINT));
        }
        Line::from(spans).render(area, buf);
    }
}
