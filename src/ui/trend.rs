//! The trend chart: one pair of bars per review, oldest on the left — the score coloured by its
//! band, the skills ticked beside it in shades — over guide lines at the band thresholds,
//! dates beneath, and a mark over the score of a partial review.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Widget};

use super::{text, theme};

/// One review on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// The review's date.
    pub date: NaiveDate,
    /// Number of Yes answers.
    pub score: u64,
    /// Skills ticked as practised well.
    pub practised: u64,
    /// Style of the score's band.
    pub band_style: Style,
    /// Whether this is the review selected in the list.
    pub selected: bool,
    /// Some questions are unanswered: the score bar carries [`PARTIAL_MARK`] above it.
    pub partial: bool,
}

/// Drawn above the score bar of a partial review, so a low bar from unanswered questions
/// does not pass for a low score.
pub const PARTIAL_MARK: &str = "?";
/// The skills bars are shaded, so the two series differ without colour.
const SKILLS_FILL: &str = "▒";
/// The top of a skills bar less than half a row high.
const SKILLS_FILL_LOW: &str = "░";

/// One score band as the chart shows it.
#[derive(Debug, Clone, Copy)]
pub struct BandScale<'a> {
    /// Lowest score in the band.
    pub min: u64,
    /// Highest score in the band.
    pub max: u64,
    /// The band's name.
    pub name: &'a str,
    /// The band's colour.
    pub style: Style,
}

/// The chart of `points` (oldest first), with guide lines where each band begins.
pub struct TrendChart<'a> {
    /// Reviews to draw, oldest first; only the newest that fit are drawn.
    pub points: &'a [TrendPoint],
    /// The highest possible score.
    pub out_of: u64,
    /// The score bands, highest first.
    pub bands: &'a [BandScale<'a>],
}

const BAR_WIDTH: u16 = 3;
const GROUP_GAP: u16 = 2;
const GUTTER: u16 = 3;

/// How many reviews fit across `width` cells of chart.
pub fn capacity(width: u16) -> usize {
    let per_group = 2 * BAR_WIDTH + GROUP_GAP;
    usize::from((width.saturating_sub(GUTTER) + GROUP_GAP) / per_group)
}

impl Widget for TrendChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::bordered()
            .border_style(theme::BORDER)
            .title(Line::styled(" Trend ", theme::PANE_TITLE))
            .title(
                Line::from(vec![
                    Span::styled(" █ ", theme::band("solid")),
                    Span::styled("score by band ", theme::DIM),
                    Span::styled(format!("{SKILLS_FILL} "), theme::SKILLS_BAR),
                    Span::styled("skills ticked ", theme::DIM),
                    Span::styled(format!("{PARTIAL_MARK} "), theme::PARTIAL),
                    Span::styled("partial ", theme::DIM),
                ])
                .right_aligned(),
            );
        let legend: Vec<Span> = self
            .bands
            .iter()
            .map(|b| Span::styled(format!(" {}–{} {} ", b.min, b.max, b.name), b.style))
            .collect();
        let block = block.title_bottom(Line::from(legend).centered());
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 3 || inner.width < GUTTER + 2 * BAR_WIDTH {
            return;
        }
        if self.points.is_empty() {
            let message = " No reviews yet — save one and it appears here.";
            Line::styled(message, theme::DIM).render(inner, buf);
            return;
        }
        let bar_rows = inner.height - 1;
        let max = self.out_of.max(1);
        let plot = Rect {
            x: inner.x + GUTTER,
            width: inner.width - GUTTER,
            ..inner
        };
        let top_row = |value: u64| {
            let filled = (value * u64::from(bar_rows)).div_ceil(max);
            inner.y + bar_rows - (filled as u16).min(bar_rows)
        };
        let shown = capacity(inner.width).min(self.points.len());
        let bars_width = (shown as u16 * (2 * BAR_WIDTH + GROUP_GAP)).saturating_sub(GROUP_GAP);
        let free = plot.width.saturating_sub(bars_width + 1);
        for band in self.bands.iter().filter(|b| b.min > 0) {
            let (score, name, style) = (band.min, band.name, band.style);
            let y = top_row(score);
            let rule = "┈".repeat(usize::from(plot.width));
            buf.set_string(plot.x, y, rule, theme::GUIDE);
            buf.set_string(inner.x, y, format!("{score:>2}"), style);
            let label = format!(" {name} ");
            let label_width = text::width(&label) as u16;
            if label_width <= free {
                buf.set_string(plot.right() - label_width, y, label, theme::DIM);
            }
        }
        buf.set_string(inner.x, top_row(max), format!("{max:>2}"), theme::DIM);
        buf.set_string(inner.x, inner.y + bar_rows - 1, " 0", theme::DIM);

        let points = &self.points[self.points.len() - shown..];
        let groups: Vec<BarGroup> = points.iter().map(group).collect();
        BarChart::grouped(groups)
            .bar_width(BAR_WIDTH)
            .bar_gap(0)
            .group_gap(GROUP_GAP)
            .max(max)
            .render(plot, buf);
        for (n, point) in points.iter().enumerate() {
            let x = plot.x + n as u16 * (2 * BAR_WIDTH + GROUP_GAP);
            shade_skills_bar(x + BAR_WIDTH, plot.y, bar_rows, buf);
            if point.partial {
                let y = top_row(point.score).saturating_sub(1).max(inner.y);
                let mark_x = x + BAR_WIDTH / 2;
                buf.set_string(
                    mark_x,
                    y,
                    PARTIAL_MARK,
                    theme::PARTIAL.add_modifier(ratatui::style::Modifier::BOLD),
                );
            }
        }
    }
}

/// Redraws the skills bar whose left column is `x` in shades, keeping its value.
fn shade_skills_bar(x: u16, top: u16, rows: u16, buf: &mut Buffer) {
    for column in x..x + BAR_WIDTH {
        for y in top..top + rows {
            let Some(cell) = buf.cell_mut((column, y)) else {
                continue;
            };
            let shade = match cell.symbol() {
                "█" | "▇" | "▆" | "▅" | "▄" => SKILLS_FILL,
                "▃" | "▂" | "▁" => SKILLS_FILL_LOW,
                _ => continue,
            };
            cell.set_symbol(shade);
        }
    }
}

/// One review's pair of bars and its date label.
fn group(point: &TrendPoint) -> BarGroup<'static> {
    let label_style = if point.selected {
        theme::SELECTED
    } else {
        theme::DIM
    };
    let label = point.date.format("%b'%y").to_string();
    let score = Bar::new(point.score)
        .style(point.band_style)
        .value_style(point.band_style.reversed())
        .text_value(point.score.to_string());
    let skills = Bar::new(point.practised)
        .style(theme::SKILLS_BAR)
        .value_style(theme::SKILLS_BAR.reversed())
        .text_value(point.practised.to_string());
    BarGroup::new([score, skills]).label(Line::styled(label, label_style).centered())
}
