//! The title bar: app name, what is on screen (today's review, a past one, the history or a
//! comparison), the save state, and how long since the last review.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{text, theme};
use crate::app::{Access, App, SaveState, Screen};

/// The one-line bar across the top of the screen.
pub struct TitleBar<'a>(pub &'a App);

impl Widget for TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let date = app.review.date;
        let past = date != app.today;
        let bar = if past && app.screen == Screen::Workbook {
            theme::TITLE_BAR_PAST
        } else {
            theme::TITLE_BAR
        };
        buf.set_style(area, bar);
        let mut spans = vec![
            Span::styled(
                " partnerbook ",
                bar.add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::raw("│ "),
        ];
        match app.screen {
            Screen::History => spans.push(Span::raw("History ")),
            Screen::Compare(_) => spans.push(Span::raw("Compare ")),
            Screen::Resolve(_) => spans.push(Span::raw("Resolve ")),
            Screen::Guide { .. } => spans.push(Span::raw("Guide ")),
            Screen::Workbook => {
                let shown = text::long_date(date);
                let lead = if past {
                    "Past review of "
                } else {
                    "Review of "
                };
                spans.push(Span::raw(lead));
                spans.push(Span::styled(
                    shown,
                    bar.add_modifier(ratatui::style::Modifier::BOLD),
                ));
                spans.push(Span::raw(if past { " " } else { " (today) " }));
                // A review whose file could not be read is not "saved": nothing of it is shown.
                let (state, style) = match (&app.access, app.save_state()) {
                    (Access::Unreadable { .. }, _) => ("unreadable", theme::STATE_UNSAVED),
                    (_, SaveState::New) => ("new", theme::STATE_NEW),
                    (_, SaveState::Saved) => ("saved", theme::STATE_SAVED),
                    (_, SaveState::Unsaved) => ("unsaved changes", theme::STATE_UNSAVED),
                };
                spans.push(Span::styled(format!(" {state} "), style));
            }
        }
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let help = if area.width >= crate::domain::layout::TITLE_HELP_FROM {
            " ? help "
        } else {
            ""
        };
        let room = usize::from(area.width).saturating_sub(used + help.len() + 1);
        let past = past && app.screen == Screen::Workbook;
        let mut right: Vec<Span> = cadence(app, past)
            .into_iter()
            .find(|span| span.width() <= room)
            .into_iter()
            .collect();
        right.push(Span::raw(help));
        Line::from(spans).render(area, buf);
        Line::from(right).right_aligned().render(area, buf);
    }
}

/// What the title says about the review's timing, longest first: how long since the last
/// review (or, for a past review, how long ago it was), and whether a quarterly review is due.
fn cadence(app: &App, past: bool) -> Vec<Span<'static>> {
    if past {
        let days = (app.today - app.review.date).num_days();
        return vec![Span::raw(format!("{} ", ago(days)))];
    }
    let since = app.days_since_last_review();
    if app.review_due() && !app.dates.is_empty() {
        let mut badges = Vec::new();
        if let Some(days) = since {
            badges.push(format!(
                " quarterly review due · last review {} ",
                ago(days)
            ));
            badges.push(format!(" review due · last review {} ", ago(days)));
            badges.push(format!(" review due · last {} ", short_ago(days)));
            badges.push(format!(" due · last {} ", short_ago(days)));
        }
        badges.push(" quarterly review due ".to_string());
        badges.push(" review due ".to_string());
        return badges
            .into_iter()
            .map(|text| Span::styled(text, theme::DUE))
            .collect();
    }
    // Every form names what the count is: a bare "45 days ago" beside "(today)" reads wrong.
    // Once today's review is saved, the one before it is the previous review, not the last.
    let (long, short) = if app.dates.contains(&app.today) {
        ("previous review", "previous")
    } else {
        ("last review", "last")
    };
    match since {
        Some(days) => vec![
            Span::raw(format!("{long} {} ", ago(days))),
            Span::raw(format!("{long} {} ", short_ago(days))),
            Span::raw(format!("{short} {} ", short_ago(days))),
        ],
        None if app.dates.is_empty() => vec![Span::raw("first review ")],
        None => Vec::new(),
    }
}

/// [`ago`] in fewer cells, for a narrow title: "yesterday", "45d ago".
fn short_ago(days: i64) -> String {
    match days {
        d if d > 1 => format!("{d}d ago"),
        d => ago(d),
    }
}

/// "today", "yesterday", "N days ago", or "in N days" for a date ahead of today.
pub fn ago(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "yesterday".into(),
        d if d < 0 => format!("in {} days", -d),
        d => format!("{d} days ago"),
    }
}
