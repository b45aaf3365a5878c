//! The guide view: the embedded guide laid out to the terminal, headings styled, search
//! matches marked, a scrollbar, and the search prompt or match count along the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Padding, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::{guide_contents, text, theme};
use crate::app::{App, FrameLayout, GuideView, Target};
use crate::domain::guide::{GuideLine, LineKind, Match};

/// The guide filling the body of the screen.
pub struct GuideScreen<'a>(pub &'a App);

impl GuideScreen<'_> {
    /// Draws the guide into `area`, noting in `laid` what it laid out.
    pub fn render(self, area: Rect, buf: &mut Buffer, laid: &mut FrameLayout) {
        let app = self.0;
        let view = &app.guide;
        let block = Block::bordered()
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme::FOCUSED_BORDER)
            .padding(Padding::horizontal(1))
            .title(Line::styled(" ▶ Guide ", theme::FOCUSED_BORDER));
        let inner = block.inner(area);
        block.render(area, buf);
        laid.hits.add(inner, Target::Guide);

        let [text_area, prompt_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let width = GuideView::text_width(area.width);
        laid.guide_height = Some(usize::from(text_area.height));
        let lines = view.lines();
        let matches = view.matches(&lines);
        let max_scroll = lines.len().saturating_sub(usize::from(text_area.height));
        let scroll = view.scroll().min(max_scroll);
        let left = text_area.x + text_area.width.saturating_sub(width as u16) / 2;
        let column = Rect {
            x: left,
            width: (width as u16).min(text_area.width),
            ..text_area
        };
        let margin = column.x.saturating_sub(text_area.x + 2);
        if margin >= guide_contents::MIN_WIDTH {
            let contents = Rect {
                width: margin.min(44),
                ..text_area
            };
            guide_contents::GuideContents {
                app,
                lines: &lines,
                scroll,
                height: usize::from(text_area.height),
            }
            .render(contents, buf, laid);
        }
        let current = matches.get(view.current).copied();
        let tips: &[String] = app.score_band().map_or(&[], |band| &band.tips);
        for (row, (index, line)) in lines
            .iter()
            .enumerate()
            .skip(scroll)
            .take(usize::from(text_area.height))
            .enumerate()
        {
            let rect = Rect {
                y: column.y + row as u16,
                height: 1,
                ..column
            };
            let here: Vec<Match> = matches
                .iter()
                .filter(|m| m.line == index)
                .copied()
                .collect();
            let mut shown = styled_line(line, &here, current);
            // The tips that fit the score on screen are marked where their headings start.
            let starts_heading = index == 0 || lines[index - 1].anchor != line.anchor;
            if let Some(id) = line.anchor.as_ref().filter(|_| starts_heading)
                && tips.contains(id)
            {
                shown.push_span(Span::styled("  ★ fits your score", theme::KEY));
            }
            shown.render(rect, buf);
        }
        if lines.len() > usize::from(text_area.height) {
            let mut state = ScrollbarState::new(max_scroll + 1).position(scroll);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .symbols(ratatui::symbols::scrollbar::VERTICAL)
                .style(theme::DIM)
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
        let view_rows = (scroll, usize::from(text_area.height));
        prompt_line(app, &lines, view_rows, matches.len(), prompt_area, buf);
    }
}

/// One line of the guide, with its search matches marked (the current one more strongly).
fn styled_line(line: &GuideLine, matches: &[Match], current: Option<Match>) -> Line<'static> {
    let style = match line.kind {
        LineKind::Heading1 => theme::HEADING,
        LineKind::Heading2 => theme::SUBHEADING,
        _ => theme::TEXT,
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for m in matches {
        if m.start < at || m.end > line.text.len() {
            continue;
        }
        spans.push(Span::styled(line.text[at..m.start].to_string(), style));
        let mark = if Some(*m) == current {
            theme::MATCH_CURRENT
        } else {
            theme::MATCH
        };
        spans.push(Span::styled(line.text[m.start..m.end].to_string(), mark));
        at = m.end;
    }
    spans.push(Span::styled(line.text[at..].to_string(), style));
    if line.kind == LineKind::Heading1 {
        spans.insert(0, Span::styled("§ ", style));
    }
    Line::from(spans)
}

/// The bottom line: the search being typed, the matches of the kept search, or where the
/// reader is.
fn prompt_line(
    app: &App,
    lines: &[GuideLine],
    (scroll, height): (usize, usize),
    matches: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let view = &app.guide;
    if let Some(field) = &view.search {
        let [label, input] =
            Layout::horizontal([Constraint::Length(8), Constraint::Fill(1)]).areas(area);
        Line::styled("Search: ", theme::KEY).render(label, buf);
        let mut field = field.clone();
        field.set_style(theme::EDITING);
        field.render(input, buf);
        return;
    }
    let section = lines[..=scroll.min(lines.len().saturating_sub(1))]
        .iter()
        .rev()
        .find(|l| l.kind == LineKind::Heading1)
        .map_or("Introduction", |l| l.text.as_str());
    let percent = if lines.len() <= 1 {
        100
    } else {
        let bottom = (scroll + height).min(lines.len());
        bottom * 100 / lines.len()
    };
    let mut left = vec![Span::styled(section.to_string(), theme::DIM)];
    if !view.query.is_empty() {
        let found = match matches {
            0 => format!("  ·  no match for “{}”", view.query),
            n => format!("  ·  “{}” {} of {n}", view.query, view.current + 1),
        };
        left.push(Span::styled(found, theme::KEY_HINT));
    }
    let right = format!("{percent}%");
    let room = usize::from(area.width).saturating_sub(right.len() + 1);
    let left_text: String = left.iter().map(|s| s.content.as_ref()).collect();
    if text::width(&left_text) > room {
        Line::styled(text::truncate(&left_text, room), theme::DIM).render(area, buf);
    } else {
        Line::from(left).render(area, buf);
    }
    Line::styled(right, theme::DIM)
        .right_aligned()
        .render(area, buf);
}
