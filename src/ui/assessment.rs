//! The Self-assessment pane: the ten questions with their answers, the live score,
//! the band and its advice.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, ListItem, Paragraph, Widget, Wrap};

use super::{pane_block, render_selectable, text, theme};
use crate::action::Action;
use crate::app::{App, FrameLayout, Pane, Target};
use crate::domain::review::Summary;
use crate::keymap::Context;

/// The Self-assessment pane of `app`.
pub struct AssessmentPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// Whether the pane has focus.
    pub focused: bool,
}

const ANSWER_WIDTH: usize = 4;
const HINT_WIDTH: usize = 5;

/// The previous review's answer, dim, or highlighted and marked when today's differs from it.
/// `None` = there is no previous review; `Some(None)` = it left the question unanswered.
fn previous_hint(before: Option<Option<bool>>, now: Option<bool>) -> Span<'static> {
    let Some(before) = before else {
        return Span::raw("");
    };
    let label = match before {
        Some(true) => "(Y)",
        Some(false) => "(N)",
        None => "( )",
    };
    // The mark says it without colour too (NO_COLOR, colour-blind readers).
    let changed = now.is_some() && before.is_some() && now != before;
    let (mark, style) = if changed {
        (CHANGED, theme::PREVIOUS_CHANGED)
    } else {
        (" ", theme::PREVIOUS)
    };
    Span::styled(format!("{label}{mark} "), style)
}

/// Beside a previous answer that differs from today's.
const CHANGED: &str = "*";

impl AssessmentPane<'_> {
    /// Draws the pane into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let app = self.app;
        let review = &app.review;
        let extra = score_label(&review.summary());
        let block = pane_block("Self-assessment", extra, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);

        // The tips are named when the summary still fits in half the pane, else counted.
        let mut summary = summary(app, true);
        if summary.line_count(inner.width) as u16 + 1 > inner.height / 2 {
            summary = self::summary(app, false);
        }
        let wanted = summary.line_count(inner.width) as u16 + 1;
        let summary_height = wanted.min(inner.height / 2);
        let [list_area, summary_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(summary_height)])
                .areas(inner);

        let number_width = 4;
        let previous = app.previous.as_ref();
        let hint_width = if previous.is_some() { HINT_WIDTH } else { 0 };
        let text_width = usize::from(list_area.width)
            .saturating_sub(2 + number_width + ANSWER_WIDTH + 1 + hint_width);
        let items: Vec<ListItem> = app
            .workbook
            .questions
            .iter()
            .zip(&review.answers)
            .enumerate()
            .map(|(i, (question, answer))| {
                let (label, style) = match answer {
                    Some(true) => ("Yes", theme::YES),
                    Some(false) => ("No", theme::NO),
                    None => ("·", theme::DIM),
                };
                let lines = text::wrap(&question.text, text_width);
                let before = previous.map(|p| p.answers.get(i).copied().flatten());
                let mut rows = Vec::with_capacity(lines.len());
                for (n, line) in lines.into_iter().enumerate() {
                    let (number, answer, hint) = if n == 0 {
                        (
                            format!("{:>2}. ", i + 1),
                            Span::styled(format!("{label:<ANSWER_WIDTH$} "), style),
                            previous_hint(before, *answer),
                        )
                    } else {
                        let blank = " ".repeat(hint_width);
                        let answer = Span::raw(" ".repeat(ANSWER_WIDTH + 1));
                        ("    ".to_string(), answer, Span::raw(blank))
                    };
                    rows.push(Line::from(vec![
                        Span::styled(number, theme::DIM),
                        answer,
                        hint,
                        Span::raw(line),
                    ]));
                }
                ListItem::new(Text::from(rows))
            })
            .collect();
        let rows = render_selectable(items, app.selected.question, self.focused, list_area, buf);
        for (rect, index) in rows {
            laid.hits.add(rect, Target::Row(Pane::Assessment, index));
        }

        let rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::BORDER);
        let summary_inner = rule.inner(summary_area);
        rule.render(summary_area, buf);
        summary.render(summary_inner, buf);
    }
}

/// The guide's tips that fit the band, named or counted, and the key that opens the guide
/// at them.
fn tips_line(app: &App, band: &crate::domain::content::Band, named: bool) -> Line<'static> {
    let guide = crate::domain::guide::Guide::embedded();
    let names: Vec<&str> = band
        .tips
        .iter()
        .filter_map(|id| guide.heading(id))
        .collect();
    let key = app
        .keys
        .label_for(Context::Global, &Action::OpenBandTips)
        .unwrap_or_default()
        .to_string();
    if named {
        return Line::from(vec![
            Span::styled("Tips: ", theme::DIM),
            Span::raw(names.join(" · ")),
            Span::styled(" — press ", theme::DIM),
            Span::styled(key, theme::KEY),
        ]);
    }
    Line::from(vec![
        Span::styled(
            format!("{} tips for this score — press ", names.len()),
            theme::DIM,
        ),
        Span::styled(key, theme::KEY),
    ])
}

/// A score as a pane title shows it: "7/10" when every question is answered, the answered
/// count beside it while some are not ("4/10 · 9 of 10 answered"), "no answers yet" before any.
pub(super) fn score_label(summary: &Summary) -> String {
    let (score, total, answered) = (summary.score, summary.questions, summary.answered);
    if summary.is_unstarted() {
        "no answers yet".into()
    } else if summary.is_partial() {
        format!("{score}/{total} · {answered} of {total} answered")
    } else {
        format!("{score}/{total}")
    }
}

/// Score, answered count, band and advice, wrapped to the pane; before the first answer, a
/// line that says how to begin instead of a verdict.
fn summary(app: &App, name_tips: bool) -> Paragraph<'static> {
    let review = &app.review;
    let answered = review.answered();
    let total = review.answers.len();
    let mut lines = match app.score_band() {
        None => vec![
            Line::styled("No score yet", theme::HEADING),
            Line::from(format!(
                "Answer the first question ({}) and your score, its band and the tips for it \
                 appear here.",
                app.answer_keys()
            )),
        ],
        Some(band) => {
            let so_far = if answered < total { " (so far)" } else { "" };
            vec![
                Line::from(vec![
                    Span::styled(format!("Score {}/{total}", review.score()), theme::HEADING),
                    Span::styled(format!("  ·  {answered} of {total} answered"), theme::DIM),
                ]),
                Line::from(vec![
                    Span::styled(band.name.clone(), theme::band(&band.id)),
                    Span::styled(so_far, theme::DIM),
                ]),
                Line::from(band.advice.clone()),
                Line::from(vec![
                    Span::styled("Focus on: ", theme::DIM),
                    Span::raw(band.focus.join(" · ")),
                ]),
                tips_line(app, band, name_tips),
            ]
        }
    };
    if let Some(previous) = &app.previous {
        // The mark is explained only when one is on screen.
        let changed = previous
            .answers
            .iter()
            .zip(&app.review.answers)
            .any(|(before, now)| before.is_some() && now.is_some() && before != now);
        let mark = if changed {
            format!(" · {CHANGED} changed since")
        } else {
            String::new()
        };
        let legend = format!(
            "(Y)/(N): your answers on {} — {}/{}{mark}",
            super::text::long_date(previous.date),
            previous.score(),
            previous.answers.len()
        );
        lines.push(Line::styled(legend, theme::DIM));
    }
    Paragraph::new(lines).wrap(Wrap { trim: true })
}
