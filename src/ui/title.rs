//! The title bar: app name, what is on screen (today's review, a past one, the history or a
//! comparison), the save state, and how long since the last review.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme;
use crate::app::{App, SaveState, Screen};

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
        let wide = area.width >= 72;
        let mut spans = vec![
            Span::styled(
                " partnerbook ",
                bar.add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::raw("│ "),
        ];
        match app.screen {
            Screen::History => spans.push(Span::raw("History ")),
            Screen::Compare => spans.push(Span::raw("Compare ")),
            Screen::Workbook => {
                let shown = if wide {
                    date.format("%a %-d %b %Y").to_string()
                } else {
                    date.format("%Y-%m-%d").to_string()
                };
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
                let (state, style) = match app.save_state() {
                    SaveState::New => ("new", theme::STATE_NEW),
                    SaveState::Saved => ("saved", theme::STATE_SAVED),
                    SaveState::Unsaved => ("unsaved changes", theme::STATE_UNSAVED),
                };
                spans.push(Span::styled(format!(" {state} "), style));
            }
        }
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let (since, due) = cadence(app, past && app.screen == Screen::Workbook);
        let help = if area.width >= 80 { " ? help " } else { "" };
        let mut room = usize::from(area.width).saturating_sub(used + help.len() + 1);
        let mut right: Vec<Span> = Vec::new();
        for span in [since, due].into_iter().flatten() {
            if span.width() < room {
                room -= span.width() + 1;
                right.push(span);
                right.push(Span::raw(" "));
            }
        }
        right.push(Span::raw(help));
        Line::from(spans).render(area, buf);
        Line::from(right).right_aligned().render(area, buf);
    }
}

/// "last review N days ago" (or, for a past review, how long ago it was) and the due hint.
fn cadence(app: &App, past: bool) -> (Option<Span<'static>>, Option<Span<'static>>) {
    let since = if past {
        let days = (app.today - app.review.date).num_days();
        Some(ago(days))
    } else {
        match app.days_since_last_review() {
            Some(days) => Some(format!("last review {}", ago(days))),
            None if app.dates.is_empty() => Some("first review".into()),
            None => None,
        }
    };
    let due = (app.review_due() && !app.dates.is_empty())
        .then(|| Span::styled(" quarterly review due ", theme::DUE));
    (since.map(Span::raw), due)
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
