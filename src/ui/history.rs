//! The history view: every review newest first — date, score and band, skills, items — with
//! the trend chart above it (or beside it on wide terminals).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::trend::{self, BandScale, TrendChart, TrendPoint};
use super::{text, theme};
use crate::action::Action;
use crate::app::{App, FrameLayout, HistoryRow, SaveState};
use crate::domain::review::Summary;
use crate::keymap::Context;

/// Cells a date takes in the list, as in "Wed 30 Sep 2026".
const DATE_CELLS: usize = 15;

/// The history of `app`.
pub struct HistoryView<'a>(pub &'a App);

/// Width of the list when the chart sits beside it.
const LIST_WIDTH: u16 = 76;

impl HistoryView<'_> {
    /// Draws the history into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let side_by_side = crate::domain::layout::HISTORY_SIDE_BY_SIDE;
        let (list_area, chart_area) =
            if crate::domain::layout::fits(area.width, area.height, side_by_side) {
                let [list, chart] =
                    Layout::horizontal([Constraint::Length(LIST_WIDTH), Constraint::Fill(1)])
                        .areas(area);
                (list, chart)
            } else {
                // The chart keeps a readable height however many reviews pile up: the list
                // below scrolls instead.
                let chart_height = (area.height * 3 / 5).clamp(8, 18);
                let [chart, list] =
                    Layout::vertical([Constraint::Length(chart_height), Constraint::Fill(1)])
                        .areas(area);
                (list, chart)
            };
        self.render_chart(chart_area, buf);
        self.render_list(list_area, buf, laid);
    }
}

impl HistoryView<'_> {
    fn render_chart(&self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let history = &app.history;
        let capacity = trend::capacity(area.width.saturating_sub(2)).max(1);
        let from = history.selected.saturating_sub(capacity - 1);
        let to = (from + capacity).min(history.rows.len());
        let points: Vec<TrendPoint> = history.rows[from..to]
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(i, row)| {
                let summary = row.summary.as_ref()?.as_ref().ok()?;
                let band = app.workbook.band_for(summary.score);
                Some(TrendPoint {
                    date: row.date,
                    score: summary.score as u64,
                    practised: summary.practised as u64,
                    band_style: theme::band(&band.id),
                    selected: from + i == history.selected,
                    partial: summary.is_partial(),
                })
            })
            .collect();
        let mut bands: Vec<BandScale> = app
            .workbook
            .bands
            .iter()
            .map(|band| BandScale {
                min: band.min as u64,
                max: band.max as u64,
                name: band.name.as_str(),
                style: theme::band(&band.id),
            })
            .collect();
        bands.sort_by_key(|band| std::cmp::Reverse(band.min));
        TrendChart {
            points: &points,
            out_of: app.workbook.questions.len() as u64,
            bands: &bands,
        }
        .render(area, buf);
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let app = self.0;
        let history = &app.history;
        let count = history.rows.len();
        let noun = if count == 1 { "review" } else { "reviews" };
        let marked = match history.marked.len() {
            0 => String::new(),
            n => format!(" {n} marked to compare "),
        };
        let block = Block::bordered()
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme::FOCUSED_BORDER)
            .title(Line::styled(
                format!(" ▶ History — {count} {noun} "),
                theme::FOCUSED_BORDER,
            ))
            .title(Line::styled(marked, theme::MARKED).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        if count == 0 {
            let message = format!(
                "No reviews saved yet. Press {} to start today's review, or {} to go back.",
                app.key(Context::History, Action::OpenToday),
                app.key(Context::History, Action::CloseView)
            );
            Paragraph::new(message)
                .style(theme::DIM)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        if inner.height < 2 {
            return;
        }
        let width = usize::from(inner.width);
        let header = format!(
            "    {:<DATE_CELLS$}  {:>5}  {:<24}  {:>6}  {:>5}",
            "date", "score", "band", "skills", "items"
        );
        Line::styled(text::truncate(&header, width), theme::DIM).render(inner, buf);

        let visible = usize::from(inner.height - 1);
        let offset = history.offset.clamp(
            (history.selected + 1).saturating_sub(visible),
            history.selected,
        );
        laid.history = Some((visible, offset));
        for (n, row) in history.rows.iter().skip(offset).take(visible).enumerate() {
            let index = offset + n;
            let rect = Rect {
                y: inner.y + 1 + n as u16,
                height: 1,
                ..inner
            };
            laid.hits.add(rect, crate::app::Target::HistoryRow(index));
            self.row_line(row, index == history.selected, width)
                .render(rect, buf);
        }
        if count > visible {
            let position = format!(" {}/{count} ", history.selected + 1);
            let bottom = Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..inner
            };
            Line::styled(position, theme::DIM)
                .right_aligned()
                .render(bottom, buf);
        }
    }

    /// One history row: selection and mark, date, then its counts or its error.
    fn row_line(&self, row: &HistoryRow, selected: bool, width: usize) -> Line<'static> {
        let app = self.0;
        let pointer = if selected { "▶" } else { " " };
        let mark = if app.history.marked.contains(&row.date) {
            Span::styled("● ", theme::MARKED)
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![
            Span::styled(format!("{pointer} "), theme::FOCUSED_BORDER),
            mark,
            Span::styled(
                text::pad(&text::long_date(row.date), DATE_CELLS),
                theme::TEXT,
            ),
            Span::raw("  "),
        ];
        let used: usize = spans.iter().map(Span::width).sum();
        let room = width.saturating_sub(used);
        match &row.summary {
            Some(Ok(summary)) => spans.extend(self.summary_spans(summary, row.versions, room)),
            Some(Err(error)) => spans.push(Span::styled(
                text::truncate(&format!("unreadable — {error}"), room),
                theme::UNREADABLE,
            )),
            None => spans.push(Span::styled("…", theme::DIM)),
        }
        let line = Line::from(spans);
        if selected {
            line.style(theme::SELECTED)
        } else {
            line
        }
    }

    fn summary_spans(&self, summary: &Summary, versions: usize, room: usize) -> Vec<Span<'static>> {
        let app = self.0;
        let band = app.workbook.band_for(summary.score);
        let score = format!("{}/{}", summary.score, summary.questions);
        // A partial review's band would judge questions not yet answered: say how far it got.
        // A date with two versions says so first: which one counts is the user's to decide.
        let verdict = if versions > 1 {
            let key = app
                .keys
                .label_for(
                    crate::keymap::Context::History,
                    &crate::action::Action::Resolve,
                )
                .unwrap_or("r");
            let text = format!("{versions} versions: {key} resolves");
            Span::styled(format!("{text:<24}"), theme::UNREADABLE)
        } else if summary.is_unstarted() {
            Span::styled(format!("{:<24}", "not started: no answers"), theme::DIM)
        } else if summary.is_partial() {
            let answered = format!(
                "partial: {}/{} answered",
                summary.answered, summary.questions
            );
            Span::styled(format!("{answered:<24}"), theme::PARTIAL)
        } else {
            Span::styled(format!("{:<24}", band.name), theme::band(&band.id))
        };
        let mut spans = vec![
            Span::styled(format!("{score:>5}  "), theme::HEADING),
            verdict,
            Span::raw(format!(
                "  {:>6}  {:>5}",
                format!("{}/{}", summary.practised, summary.skills),
                format!("{}/{}", summary.items_written, summary.item_slots)
            )),
        ];
        let mut notes = Vec::new();
        if summary.date == app.today {
            notes.push("today");
        }
        if summary.date == app.review.date && app.save_state() == SaveState::Unsaved {
            notes.push("unsaved changes");
        }
        if !notes.is_empty() && room > 60 {
            spans.push(Span::styled(format!("  {}", notes.join(", ")), theme::DIM));
        }
        spans
    }
}
