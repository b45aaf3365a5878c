//! The guide's contents, beside the text on wide terminals: every heading, the one being
//! read marked, the tips for the score starred; a click on one jumps to it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{text, theme};
use crate::app::{App, FrameLayout, Target};
use crate::domain::guide::{self, Guide, GuideLine};

/// Narrowest room the contents are drawn in; below it the text stands alone.
pub const MIN_WIDTH: u16 = 24;

/// The contents of the guide laid out as `lines`, scrolled to `scroll`.
pub struct GuideContents<'a> {
    /// The app, for the score's tips and the mouse.
    pub app: &'a App,
    /// The guide as laid out on screen.
    pub lines: &'a [GuideLine],
    /// The first line in view.
    pub scroll: usize,
    /// How many lines are in view.
    pub height: usize,
}

impl GuideContents<'_> {
    /// Draws the contents into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let guide = Guide::embedded();
        let tips: &[String] = self.app.score_band().map_or(&[], |band| &band.tips);
        let starts: Vec<usize> = guide
            .headings()
            .map(|(_, id, _)| guide::anchor_line(self.lines, id).unwrap_or(usize::MAX))
            .collect();
        // The section read is the last one begun above the top of the view; at the end of the
        // text, the last one begun anywhere in view (it cannot scroll to the top).
        let at_end = self.scroll + self.height >= self.lines.len();
        let line = if at_end {
            self.lines.len().saturating_sub(1)
        } else {
            self.scroll
        };
        let reading = starts.iter().rposition(|start| *start <= line);
        Line::styled("Contents", theme::DIM).render(area, buf);
        let room = usize::from(area.width).saturating_sub(4);
        for (index, (level, id, title)) in guide.headings().enumerate() {
            let y = area.y + 1 + index as u16;
            if y >= area.bottom() {
                break;
            }
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            let here = reading == Some(index);
            let marker = if here { "› " } else { "  " };
            let indent = if level == 1 { "" } else { "  " };
            let star = if tips.iter().any(|t| t == id) {
                " ★"
            } else {
                ""
            };
            let label =
                text::truncate(&format!("{indent}{title}"), room.saturating_sub(star.len()));
            let style = match (here, level) {
                (true, _) => theme::SELECTED_IDLE,
                (false, 1) => theme::HEADING,
                _ => theme::TEXT,
            };
            Line::from(vec![
                Span::styled(marker, style),
                Span::styled(label, style),
                Span::styled(star, theme::KEY),
            ])
            .render(row, buf);
            laid.hits.add(row, Target::GuideHeading(index));
        }
    }
}
