//! The unsaved-changes prompt shown before quitting: save, discard or cancel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{popup_frame, theme};
use crate::keymap;

/// Asks what to do with unsaved changes; its rows come from the prompt's key table.
pub struct QuitPrompt;

impl Widget for QuitPrompt {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines = vec![
            Line::from("This review has changes that are not saved."),
            Line::from(""),
        ];
        for binding in keymap::QUIT_PROMPT {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<5}", binding.label), theme::KEY),
                Span::raw(binding.help),
            ]));
        }
        let height = lines.len() as u16 + 2;
        let inner = popup_frame(area, 50, height, "Unsaved changes", buf);
        Paragraph::new(lines).render(inner, buf);
    }
}
