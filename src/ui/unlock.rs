//! The passphrase prompt of an encrypted data dir, drawn before any review: the folder, a
//! masked field, what went wrong with the last try, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use super::{popup_frame, theme};
use crate::config::Theme;

/// The prompt's state as drawn.
pub struct UnlockPrompt<'a> {
    /// The data dir being unlocked, as it reads on screen.
    pub dir: &'a str,
    /// The passphrase being typed (masked).
    pub field: &'a TextArea<'static>,
    /// What the last try found ("wrong passphrase, 2 tries left"), or "Unlocking…".
    pub message: Option<(&'a str, bool)>,
    /// The keys and what they do.
    pub keys: &'a [(&'a str, &'a str)],
    /// The theme to recolour for.
    pub theme: Theme,
}

impl Widget for UnlockPrompt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 64u16.min(area.width);
        let intro = Paragraph::new(format!(
            "Your reviews in {} are encrypted. Type the passphrase to open them.",
            self.dir
        ))
        .wrap(Wrap { trim: true });
        let intro_height = intro.line_count(width.saturating_sub(4)) as u16;
        let inner = popup_frame(area, width, intro_height + 8, "partnerbook is locked", buf);
        intro.render(inner, buf);
        // Row `y` of the box; empty when a short terminal leaves it no room, so nothing is
        // drawn over the frame or below it.
        let row = |y: u16| {
            Rect {
                y,
                height: 1,
                ..inner
            }
            .intersection(inner)
        };
        let label = row(inner.y + intro_height + 1);
        Line::styled("Passphrase:", theme::SUBHEADING).render(label, buf);
        let field_y = inner.y + intro_height + 2;
        let field = row(field_y);
        let mut editor = self.field.clone();
        editor.set_style(theme::EDITING);
        editor.render(field, buf);
        if let Some((text, is_error)) = self.message {
            let style = if is_error {
                theme::STATUS_ERROR
            } else {
                theme::DIM
            };
            Line::styled(text, style).render(row(field_y + 1), buf);
        }
        let keys: Vec<Span> = self
            .keys
            .iter()
            .flat_map(|(keys, help)| {
                [
                    Span::styled(format!("{keys} "), theme::KEY),
                    Span::raw(format!("{help}   ")),
                ]
            })
            .collect();
        Line::from(keys).render(row(field_y + 3), buf);
        self.theme.apply(area, buf);
    }
}
