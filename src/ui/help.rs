//! The help overlay: every key of every context, read from the key tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{popup_frame, text, theme};
use crate::action::Action;
use crate::app::{FrameLayout, Target};
use crate::keymap::Context;
use crate::keymap::{self, Keymap};

/// Lists every key binding, scrolled by `scroll` rows.
pub struct HelpOverlay<'a> {
    /// Rows scrolled past.
    pub scroll: u16,
    /// The keys as the user has them.
    pub keys: &'a Keymap,
}

impl HelpOverlay<'_> {
    /// Draws the overlay into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let sections = self.keys.help_sections();
        let key_width = sections
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|(keys, _)| text::width(keys)))
            .max()
            .unwrap_or(0);
        let mut lines = Vec::new();
        for (title, rows) in sections {
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(title, theme::HEADING));
            for (keys, help) in rows {
                let pad = " ".repeat(key_width.saturating_sub(text::width(keys)));
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys}{pad}  "), theme::KEY),
                    Span::raw(help),
                ]));
            }
        }
        debug_assert_eq!(lines.len(), keymap::help_line_count());
        let total = lines.len() as u16;
        let height = (total + 2).min(area.height);
        let close = self
            .keys
            .label_for(Context::Help, &Action::ClosePopup)
            .map_or("Esc", keymap::first_key);
        let title = format!("Keys — {close} to close");
        let inner = popup_frame(area, 88, height, &title, buf);
        let max_scroll = total.saturating_sub(inner.height);
        let scroll = self.scroll.min(max_scroll);
        laid.hits.add(inner, Target::Help);
        Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
        if max_scroll > 0 {
            let more = match (scroll > 0, scroll < max_scroll) {
                (false, _) => " ↓ more ",
                (true, true) => " ↑↓ more ",
                (true, false) => " ↑ ",
            };
            let bottom = Rect {
                y: inner.bottom(),
                height: 1,
                ..inner
            };
            Line::styled(more, theme::POPUP_BORDER)
                .right_aligned()
                .render(bottom, buf);
        }
    }
}
