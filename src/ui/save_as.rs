//! The save-a-copy prompt: where to write a copy of the review when its data dir cannot be
//! written.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{popup_frame, theme};
use ratatui_textarea::TextArea;

use crate::app::App;
use crate::keymap;

/// The prompt, with the path being typed.
pub struct SaveAsPrompt<'a> {
    /// The app, for its key table.
    pub app: &'a App,
    /// The path being typed.
    pub field: &'a TextArea<'static>,
}

impl Widget for SaveAsPrompt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 72u16.min(area.width);
        let intro = Paragraph::new(
            "Write a copy of this review (a snapshot file only you can read) to this folder or file:",
        )
        .wrap(Wrap { trim: true });
        let intro_height = intro.line_count(width.saturating_sub(4)) as u16;
        let inner = popup_frame(area, width, intro_height + 6, "Save a copy elsewhere", buf);
        intro.render(inner, buf);
        let field = Rect {
            y: inner.y + intro_height + 1,
            height: 1,
            ..inner
        };
        let mut editor = self.field.clone();
        editor.set_style(theme::EDITING);
        editor.render(field, buf);
        let keys: Vec<Span> = self
            .app
            .keys
            .rows(keymap::SAVE_AS)
            .into_iter()
            .flat_map(|(keys, help)| {
                [
                    Span::styled(format!("{keys} "), theme::KEY),
                    Span::raw(format!("{help}   ")),
                ]
            })
            .collect();
        let hint = Rect {
            y: field.y + 2,
            height: 1,
            ..inner
        };
        Line::from(keys).render(hint, buf);
    }
}
