//! The unsaved-changes prompt shown before quitting or opening another review: save,
//! discard or cancel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{popup_frame, theme};
use crate::keymap::Binding;

/// Asks what to do with unsaved changes; its rows come from the prompt's key table.
pub struct UnsavedPrompt {
    /// What the prompt says first.
    pub question: String,
    /// The prompt's key table.
    pub keys: &'static [Binding],
}

impl Widget for UnsavedPrompt {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines = vec![Line::from(self.question), Line::from("")];
        for binding in self.keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<5}", binding.label), theme::KEY),
                Span::raw(binding.help),
            ]));
        }
        let width = 60u16.min(area.width);
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let height = paragraph.line_count(width.saturating_sub(4)) as u16 + 2;
        let inner = popup_frame(area, width, height, "Unsaved changes", buf);
        paragraph.render(inner, buf);
    }
}
