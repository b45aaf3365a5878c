//! The root view: title bar, the three panes laid out for the terminal's size, the
//! footer, popups on top, and a plain message when the terminal is too small.

mod assessment;
mod compare;
mod compare_lines;
mod focus;
mod footer;
mod guide;
mod guide_contents;
mod help;
mod history;
mod next_steps;
mod popups;
mod quit_prompt;
mod resolve;
mod save_as;
mod skills;
pub mod theme;

pub use crate::domain::text;
mod title;
mod trend;
pub mod unlock;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::app::{App, FrameLayout, GuideView, Pane, Screen};

pub use crate::domain::layout::{MIN_HEIGHT, MIN_WIDTH};

/// A frame of the app: laid out for the frame's size first (the guide is laid out to the
/// frame's width even while hidden, so opening it at a section lands on the right line),
/// drawn by [`draw`], and what it laid out taken in for the keys and clicks that follow.
impl Widget for &mut App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.guide.lay_out(GuideView::text_width(area.width));
        let laid = draw(self, area, buf);
        self.absorb(laid);
    }
}

/// Draws `app` into `area` without changing it; returns what the frame laid out.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> FrameLayout {
    let mut laid = FrameLayout::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(app, area, buf);
    } else {
        render_screen(app, &mut laid, area, buf);
    }
    app.theme.apply(area, buf);
    laid
}

/// Title bar, the screen's body, footer and any popup.
fn render_screen(app: &App, laid: &mut FrameLayout, area: Rect, buf: &mut Buffer) {
    let [title_area, body, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(footer::Footer(app).height(area.width)),
    ])
    .areas(area);
    title::TitleBar(app).render(title_area, buf);
    let banner = match (app.write_block(), app.disk_notice()) {
        (Some(why), _) => Some((why, theme::BANNER)),
        (None, Some(notice)) => Some((notice, theme::DISK_BANNER)),
        (None, None) => None,
    };
    let body = match banner {
        Some((text, style)) => {
            let banner = Paragraph::new(text)
                .style(style)
                .block(Block::new().padding(ratatui::widgets::Padding::horizontal(1)))
                .wrap(Wrap { trim: true });
            let lines = (banner.line_count(body.width.saturating_sub(2)) as u16).clamp(1, 3);
            let [banner_area, rest] =
                Layout::vertical([Constraint::Length(lines), Constraint::Fill(1)]).areas(body);
            banner.render(banner_area, buf);
            rest
        }
        None => body,
    };
    match &app.screen {
        Screen::History => history::HistoryView(app).render(body, buf, laid),
        Screen::Guide { .. } => guide::GuideScreen(app).render(body, buf, laid),
        Screen::Compare(view) => compare::CompareScreen { app, view }.render(body, buf, laid),
        Screen::Resolve(view) => resolve::ResolveScreen { app, view }.render(body, buf, laid),
        Screen::Workbook => render_panes(app, laid, body, buf),
    }
    footer::Footer(app).render(footer_area, buf);
    popups::render_popup(app, laid, body, buf);
}

/// The three panes of the review on screen.
fn render_panes(app: &App, laid: &mut FrameLayout, body: Rect, buf: &mut Buffer) {
    for (pane, rect, expanded) in pane_areas(app.focus, body) {
        laid.hits.add(rect, crate::app::Target::Pane(pane));
        let focused = pane == app.focus;
        if !expanded {
            render_collapsed(app, pane, rect, buf);
            continue;
        }
        match pane {
            Pane::Assessment => {
                assessment::AssessmentPane { app, focused }.render(rect, buf, laid);
            }
            Pane::Skills => skills::SkillsPane { app, focused }.render(rect, buf, laid),
            Pane::NextSteps => next_steps::NextStepsPane { app, focused }.render(rect, buf, laid),
        }
    }
}

/// Where each pane goes, and whether it is drawn whole (`true`) or as a one-line summary.
///
/// Wide terminals get three columns; tall ones a left column beside two stacked panes;
/// small ones give the focused pane all the room and fold the others to one line each.
fn pane_areas(focus: Pane, body: Rect) -> Vec<(Pane, Rect, bool)> {
    if crate::domain::layout::fits(
        body.width,
        body.height,
        crate::domain::layout::THREE_COLUMNS,
    ) {
        let [a, s, n] = Layout::horizontal([
            Constraint::Percentage(36),
            Constraint::Percentage(32),
            Constraint::Percentage(32),
        ])
        .areas(body);
        return vec![
            (Pane::Assessment, a, true),
            (Pane::Skills, s, true),
            (Pane::NextSteps, n, true),
        ];
    }
    if crate::domain::layout::fits(body.width, body.height, crate::domain::layout::TWO_COLUMNS) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body);
        let skills_height = (body.height * 11 / 20).min(20);
        let [s, n] =
            Layout::vertical([Constraint::Length(skills_height), Constraint::Fill(1)]).areas(right);
        return vec![
            (Pane::Assessment, left, true),
            (Pane::Skills, s, true),
            (Pane::NextSteps, n, true),
        ];
    }
    let constraints = Pane::ALL.map(|p| {
        if p == focus {
            Constraint::Fill(1)
        } else {
            Constraint::Length(1)
        }
    });
    let rects: [Rect; 3] = Layout::vertical(constraints).areas(body);
    Pane::ALL
        .into_iter()
        .zip(rects)
        .map(|(p, r)| (p, r, p == focus))
        .collect()
}

/// A folded pane: its name and a one-line summary on a rule.
fn render_collapsed(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    let review = &app.review;
    let (name, summary) = match pane {
        Pane::Assessment => (
            "Self-assessment",
            format!(
                "{}/{total} · {} of {total} answered",
                review.score(),
                review.answered(),
                total = review.answers.len()
            ),
        ),
        Pane::Skills => (
            "Essential skills",
            format!(
                "{}/{} practised well · {} rated",
                review.practised(),
                review.skills.len(),
                review.rated()
            ),
        ),
        Pane::NextSteps => {
            let plans = review
                .follow_up
                .as_ref()
                .map(|f| format!(" · {}/{} plans followed up", f.reviewed(), f.items.len()))
                .unwrap_or_default();
            let written = format!("{}/{} written", review.items_written(), review.item_slots());
            ("Next steps", format!("{written}{plans}"))
        }
    };
    Block::new()
        .borders(Borders::TOP)
        .border_style(theme::BORDER)
        .title(Line::styled(format!(" {name} "), theme::PANE_TITLE))
        .title(Line::styled(format!(" {summary} "), theme::DIM).right_aligned())
        .render(area, buf);
}

/// The bordered frame of an expanded pane, highlighted when it has focus.
pub(crate) fn pane_block(title: &str, extra: String, focused: bool) -> Block<'static> {
    let (border, title_style, marker) = if focused {
        (theme::FOCUSED_BORDER, theme::FOCUSED_BORDER, "▶ ")
    } else {
        (theme::BORDER, theme::PANE_TITLE, "")
    };
    let block = Block::bordered()
        .border_type(if focused {
            ratatui::widgets::BorderType::Thick
        } else {
            ratatui::widgets::BorderType::Plain
        })
        .border_style(border)
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(Line::styled(format!(" {marker}{title} "), title_style));
    if extra.is_empty() {
        block
    } else {
        block.title(Line::styled(format!(" {extra} "), title_style).right_aligned())
    }
}

/// A list whose selected row is marked "▶" and reversed when its pane has focus, "›" and
/// bold otherwise; it scrolls to keep the selection in view, with "↑" / "↓" in the column
/// just right of `area` (the pane's padding) when rows are out of sight. Returns where each
/// visible item was drawn, with its index.
pub(crate) fn render_selectable(
    items: Vec<ratatui::widgets::ListItem<'static>>,
    selected: usize,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<(Rect, usize)> {
    use ratatui::widgets::{HighlightSpacing, List, ListState, StatefulWidget};
    let (symbol, highlight) = if focused {
        ("▶ ", theme::SELECTED)
    } else {
        ("› ", theme::SELECTED_IDLE)
    };
    let heights: Vec<u16> = items.iter().map(|item| item.height() as u16).collect();
    let list = List::new(items)
        .highlight_symbol(symbol)
        .highlight_style(highlight)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(list, area, buf, &mut state);
    let mut drawn = Vec::new();
    let mut y = area.y;
    for (index, &height) in heights.iter().enumerate().skip(state.offset()) {
        if y >= area.bottom() {
            break;
        }
        let height = height.min(area.bottom() - y);
        drawn.push((Rect { y, height, ..area }, index));
        y += height;
    }
    let hidden_above = state.offset() > 0;
    let hidden_below = drawn
        .last()
        .is_some_and(|(rect, index)| *index + 1 < heights.len() || rect.height < heights[*index]);
    let column = area.right();
    if column < buf.area.right() && area.height > 1 {
        if hidden_above {
            buf.set_string(column, area.top(), "↑", theme::DIM);
        }
        if hidden_below {
            buf.set_string(column, area.bottom() - 1, "↓", theme::DIM);
        }
    }
    drawn
}

/// A box of `width`×`height` centred in `area`, cleared, with a titled frame; returns its inside.
pub(crate) fn popup_frame(
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    buf: &mut Buffer,
) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(ratatui::widgets::BorderType::Double)
        .border_style(theme::POPUP_BORDER)
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(Line::styled(format!(" {title} "), theme::POPUP_BORDER));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let quit = app
        .keys
        .label_for(crate::keymap::Context::Global, &crate::action::Action::Quit)
        .unwrap_or("q")
        .split(' ')
        .collect::<Vec<_>>()
        .join(" or ");
    let kept = if app.save_state() == crate::app::SaveState::Unsaved {
        " Unsaved changes are kept and offered next time."
    } else {
        ""
    };
    let message = format!(
        "Terminal too small — need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}. Enlarge the window, or press {quit} to quit.{kept}",
        area.width, area.height
    );
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(message)
        .style(theme::TEXT)
        .centered()
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}
