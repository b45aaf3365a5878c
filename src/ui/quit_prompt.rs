//! The unsaved-changes prompt shown before quitting or opening another review: save,
//! discard or cancel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{popup_frame, theme};
use crate::keymap::{Binding, Keymap};

/// Asks what to do with unsaved changes; its rows come from the prompt's key table.
pub struct UnsavedPrompt<'a> {
    /// What the prompt says first.
    pub question: String,
    /// The prompt's key table.
    pub table: &'static [Binding],
    /// The keys as the user has them.
    pub keys: &'a Keymap,
}

impl Widget for UnsavedPrompt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines = vec![Line::from(self.question), Line::from("")];
        for (keys, help) in self.keys.rows(self.table) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<5}"), theme::KEY),
                Span::raw(help),
            ]));
        }
        let width = 60u16.min(area.width);
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let height = paragraph.line_count(width.saturating_sub(4)) as u16 + 2;
        let inner = popup_frame(area, width, height, "Unsaved changes", buf);
        paragraph.render(inner, buf);
    }
}
