//! The compare view: two reviews in columns headed by their dates, scrolled when it does not
//! fit; at 150 columns and more the Next steps lists move to a column of their own.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::compare_lines::{lines, next_steps_lines, question_lines, score_lines, skill_lines};
use super::{text, theme};
use crate::app::{App, CompareView, FrameLayout};
use crate::domain::compare::Comparison;

/// The compare view of `app`.
pub struct CompareScreen<'a> {
    /// The app, for its wording.
    pub app: &'a App,
    /// The comparison and its scroll.
    pub view: &'a CompareView,
}

/// From this inner width on, the Next steps lists move to a column of their own.
const WIDE: u16 = 150;

impl CompareScreen<'_> {
    /// Draws the comparison into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let cmp = &self.view.comparison;
        let (older, newer) = cmp.dates();
        let title = format!(
            " ▶ Compare — {} → {} ",
            super::text::long_date(older),
            super::text::long_date(newer)
        );
        laid.hits.add(area, crate::app::Target::Compare);
        let block = Block::bordered()
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme::FOCUSED_BORDER)
            .padding(ratatui::widgets::Padding::horizontal(1))
            .title(Line::styled(title, theme::FOCUSED_BORDER));
        let inner = block.inner(area);
        block.render(area, buf);
        let wb = self.app.workbook;
        let columns: Vec<(Rect, Vec<Line>)> = if inner.width >= WIDE {
            let [left, _, right] = Layout::horizontal([
                Constraint::Percentage(58),
                Constraint::Length(3),
                Constraint::Fill(1),
            ])
            .areas(inner);
            let mut review_lines = Vec::new();
            score_lines(cmp, wb, usize::from(left.width), &mut review_lines);
            question_lines(cmp, wb, usize::from(left.width), &mut review_lines);
            skill_lines(cmp, wb, usize::from(left.width), &mut review_lines);
            let mut step_lines = Vec::new();
            next_steps_lines(cmp, wb, usize::from(right.width), &mut step_lines);
            vec![(left, review_lines), (right, step_lines)]
        } else {
            vec![(inner, lines(cmp, wb, usize::from(inner.width)))]
        };
        let longest = columns.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
        let max_scroll = (longest as u16).saturating_sub(inner.height);
        laid.compare = Some((inner.height.saturating_sub(1).max(1), max_scroll));
        let scroll = self.view.scroll.min(max_scroll);
        for (rect, lines) in columns {
            Paragraph::new(lines).scroll((scroll, 0)).render(rect, buf);
        }
        if max_scroll > 0 {
            let more = format!(
                " {} ",
                if scroll < max_scroll {
                    "↓ more"
                } else {
                    "↑"
                }
            );
            let bottom = Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..inner
            };
            Line::styled(more, theme::DIM)
                .right_aligned()
                .render(bottom, buf);
        }
    }
}

/// Under the score line, when either review has unanswered questions: which, and how far each
/// got, so a change in score is not read as like for like. Wrapped to `width`.
pub(super) fn partial_note(cmp: &Comparison, width: usize) -> Vec<Line<'static>> {
    let partial: Vec<String> = [&cmp.older, &cmp.newer]
        .into_iter()
        .map(|review| review.summary())
        .filter(|summary| summary.is_partial())
        .map(|s| {
            let date = super::text::long_date(s.date);
            match s.answered {
                0 => format!("{date} has no answers yet"),
                n => format!("{date} has only {n} of {} answered", s.questions),
            }
        })
        .collect();
    if partial.is_empty() {
        return Vec::new();
    }
    let which = if partial.len() == 1 {
        "a partial review"
    } else {
        "two partial reviews"
    };
    let note = format!(
        "This change involves {which}: {}. Unanswered questions add nothing to a score.",
        partial.join(" and ")
    );
    text::wrap(&note, width.max(1))
        .into_iter()
        .map(|line| Line::styled(line, theme::PARTIAL))
        .collect()
}
