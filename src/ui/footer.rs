//! The footer: the status message when there is one, otherwise key hints for the context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{text, theme};
use crate::action::Action;
use crate::app::App;

/// The one-line bar across the bottom of the screen.
pub struct Footer<'a>(pub &'a App);

impl Footer<'_> {
    /// Rows the footer needs at `width`: two when the status message would not fit on one.
    pub fn height(&self, width: u16) -> u16 {
        let room = usize::from(width.saturating_sub(2));
        match &self.0.status {
            Some(status) if text::width(&text::fit_paths(&status.text, room, 2)) > room => 2,
            _ => 1,
        }
    }
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Some(status) = &self.0.status {
            let style = if status.is_error {
                theme::STATUS_ERROR
            } else {
                theme::STATUS_OK
            };
            let room = usize::from(area.width.saturating_sub(2));
            // A long path is shortened in its middle so the reason after it still shows.
            let message = text::fit_paths(&status.text, room, usize::from(area.height));
            let lines = text::wrap(&message, room);
            for (row, line) in lines.iter().take(usize::from(area.height)).enumerate() {
                let last = row + 1 == usize::from(area.height);
                let shown = if last && row + 1 < lines.len() {
                    text::truncate(&lines[row..].join(" "), room)
                } else {
                    line.clone()
                };
                let rect = Rect {
                    y: area.y + row as u16,
                    height: 1,
                    ..area
                };
                buf.set_style(rect, style);
                Line::styled(format!(" {shown} "), style).render(rect, buf);
            }
            return;
        }
        let hints = self.0.keys.hints_with_actions(self.0.context());
        let piece = |keys: &str, hint: &str| text::width(keys) + text::width(hint) + 3;
        let spans_of = |keys: &str, hint: &str| {
            [
                Span::styled(format!(" {keys}"), theme::KEY),
                Span::styled(format!(" {hint} "), theme::KEY_HINT),
            ]
        };
        // The help hint always shows, at the right end: it leads to every other key.
        let help = hints.iter().find(|(_, _, action)| **action == Action::Help);
        let help_width = help.map_or(0, |(keys, hint, _)| piece(keys, hint));
        let room = usize::from(area.width).saturating_sub(help_width);
        let mut spans = Vec::new();
        let mut used = 0;
        let context = self.0.context();
        for (keys, hint, action) in hints.iter().filter(|(_, _, a)| **a != Action::Help) {
            // A hint on "up" stands for scrolling both ways: "↑↓ scroll".
            let down = (**action == Action::Up)
                .then(|| self.0.keys.label_for(context, &Action::Down))
                .flatten()
                .and_then(|label| label.split(' ').next());
            let keys = match down {
                Some(down) => format!("{keys}{down}"),
                None => keys.to_string(),
            };
            if used + piece(&keys, hint) > room {
                break;
            }
            used += piece(&keys, hint);
            spans.extend(spans_of(&keys, hint));
        }
        Line::from(spans).render(area, buf);
        if let Some((keys, hint, _)) = help {
            Line::from(spans_of(keys, hint).to_vec())
                .right_aligned()
                .render(area, buf);
        }
    }
}
