//! The resolve view: two versions of one review side by side — the review's own file on the
//! left, the second version on the right — one block per difference, the side taken marked ●.
//! The selected difference is kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::{text, theme};
use crate::app::{App, FrameLayout, ResolveView};
use crate::domain::content::Workbook;
use crate::domain::resolve::{Part, Side};
use crate::domain::review::Review;

/// The resolve view of `app`.
pub struct ResolveScreen<'a> {
    /// The app, for its workbook's wording.
    pub app: &'a App,
    /// The two versions and the picks.
    pub view: &'a ResolveView,
}

impl ResolveScreen<'_> {
    /// Draws the two versions into `area`, noting in `laid` how many differences it showed.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let resolution = &self.view.resolution;
        let date = resolution.left.date;
        let title = format!(
            " ▶ Resolve — the review of {}: two versions ",
            text::long_date(date)
        );
        let block = Block::bordered()
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme::FOCUSED_BORDER)
            .padding(ratatui::widgets::Padding::horizontal(1))
            .title(Line::styled(title, theme::FOCUSED_BORDER));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let column = width.saturating_sub(3) / 2;
        let copy_name = self
            .view
            .copy
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut head = vec![
            two_columns(
                "Left: this review's file",
                &format!("Right: {copy_name}"),
                column,
                theme::SUBHEADING,
                theme::SUBHEADING,
            ),
            two_columns(
                &version_line(&resolution.left),
                &version_line(&resolution.right),
                column,
                theme::DIM,
                theme::DIM,
            ),
        ];
        let picks = resolution.picks();
        let result = resolution.result().summary();
        let summary = if picks.is_empty() {
            "The two versions hold the same answers, skills and lists: saving keeps one and moves the other to resolved/.".to_string()
        } else {
            format!(
                "{} difference{} · {} from the left, {} from the right · as picked: {}/{}",
                picks.len(),
                if picks.len() == 1 { "" } else { "s" },
                resolution.taken_from(Side::Left),
                resolution.taken_from(Side::Right),
                result.score,
                result.questions
            )
        };
        head.push(Line::styled(text::truncate(&summary, width), theme::TEXT));
        head.push(Line::raw(""));
        let blocks: Vec<Vec<Line>> = picks
            .iter()
            .enumerate()
            .map(|(index, (part, side))| {
                let wb = self.app.workbook;
                let mut lines = vec![label_line(wb, *part, index == self.view.selected, width)];
                let left = values(&resolution.left, *part);
                let right = values(&resolution.right, *part);
                for row in 0..left.len().max(right.len()) {
                    let cell = |values: &[String], chosen: bool| {
                        let value = values.get(row).cloned().unwrap_or_default();
                        let mark = match (row, chosen) {
                            (0, true) => "● ",
                            _ => "  ",
                        };
                        (
                            format!("{mark}{value}"),
                            if chosen { theme::TEXT } else { theme::DIM },
                        )
                    };
                    let (l, l_style) = cell(&left, *side == Side::Left);
                    let (r, r_style) = cell(&right, *side == Side::Right);
                    lines.push(two_columns(&l, &r, column, l_style, r_style));
                }
                lines
            })
            .collect();
        let room = usize::from(inner.height).saturating_sub(head.len());
        let top = first_in_view(&blocks, self.view.selected, room);
        let mut lines = head;
        let mut shown = 0;
        for block in blocks.iter().skip(top) {
            if lines.len() + block.len() > usize::from(inner.height) && shown > 0 {
                break;
            }
            lines.extend(block.iter().cloned());
            shown += 1;
        }
        laid.resolve_page = Some(shown.max(1));
        for (row, line) in lines
            .into_iter()
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + row as u16;
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
    }
}

/// The first difference to draw: the earliest from which the selected one still fits in
/// `room` rows.
fn first_in_view(blocks: &[Vec<Line>], selected: usize, room: usize) -> usize {
    let Some(last) = blocks.len().checked_sub(1) else {
        return 0;
    };
    let mut top = selected.min(last);
    let mut used = blocks[top].len();
    while top > 0 && used + blocks[top - 1].len() <= room {
        top -= 1;
        used += blocks[top].len();
    }
    top
}

/// "saved Tue 24 Nov 2026 10:15 · 7/10".
fn version_line(review: &Review) -> String {
    let saved = review.saved_at.map_or_else(
        || "never saved".to_string(),
        |at| {
            format!(
                "saved {} {}",
                text::long_date(at.date_naive()),
                at.format("%H:%M")
            )
        },
    );
    format!("{saved} · {}/{}", review.score(), review.answers.len())
}

/// The heading of one difference: what it is, in the workbook's words.
fn label_line(workbook: &Workbook, part: Part, selected: bool, width: usize) -> Line<'static> {
    let label = match part {
        Part::Answer(n) => workbook
            .questions
            .get(n)
            .map_or_else(String::new, |q| format!("Question {}: {}", n + 1, q.text)),
        Part::Skill(n) => workbook
            .skills
            .get(n)
            .map_or_else(String::new, |s| format!("Skill: {}", s.name)),
        Part::List(n) => workbook
            .next_steps
            .get(n)
            .map_or_else(String::new, |l| l.title.clone()),
        Part::FollowUp => "Last review's plans, looked back on".to_string(),
    };
    let (lead, style) = if selected {
        ("▶ ", theme::SELECTED)
    } else {
        ("  ", theme::HEADING)
    };
    Line::styled(text::truncate(&format!("{lead}{label}"), width), style)
}

/// What `part` holds in `review`, one line per row.
fn values(review: &Review, part: Part) -> Vec<String> {
    match part {
        Part::Answer(n) => vec![match review.answers.get(n).copied().flatten() {
            Some(true) => "Yes".into(),
            Some(false) => "No".into(),
            None => "— unanswered".into(),
        }],
        Part::Skill(n) => {
            let skill = review.skills.get(n).cloned().unwrap_or_default();
            let ticked = if skill.practised {
                "✓ practised well"
            } else {
                "· not ticked"
            };
            let rating = skill
                .rating
                .map_or_else(String::new, |r| format!(", rated {r}/5"));
            vec![format!("{ticked}{rating}")]
        }
        Part::List(n) => {
            let items: Vec<String> = review
                .next_steps
                .get(n)
                .map(|items| {
                    items
                        .iter()
                        .filter(|i| !i.trim().is_empty())
                        .map(|i| format!("• {i}"))
                        .collect()
                })
                .unwrap_or_default();
            if items.is_empty() {
                vec!["— nothing written".into()]
            } else {
                items
            }
        }
        Part::FollowUp => match &review.follow_up {
            None => vec!["— none".into()],
            Some(follow_up) => follow_up
                .items
                .iter()
                .map(|item| {
                    let status = item.status.map_or("not looked back on", |s| s.label());
                    format!("{}: {status}", item.text)
                })
                .collect(),
        },
    }
}

/// `left` and `right` in two columns of `column` cells, a bar between them.
fn two_columns(
    left: &str,
    right: &str,
    column: usize,
    left_style: Style,
    right_style: Style,
) -> Line<'static> {
    let left = text::truncate(left, column);
    let pad = column.saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()));
    Line::from(vec![
        Span::styled(left, left_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(" │ ", theme::BORDER),
        Span::styled(text::truncate(right, column), right_style),
    ])
}
