//! The popups drawn over the screen: help, the unsaved-changes prompts, save a copy and the
//! focus suggestions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::{focus, help, quit_prompt, save_as};
use crate::app::{App, Popup};
use crate::keymap;

/// The popup open in `app`, if any, over `body`.
pub(super) fn render_popup(app: &App, body: Rect, buf: &mut Buffer) {
    match app.popup {
        Some(Popup::Help { scroll }) => help::HelpOverlay {
            scroll,
            keys: &app.keys,
            hits: &app.hits,
        }
        .render(body, buf),
        Some(Popup::QuitPrompt) => quit_prompt::UnsavedPrompt {
            question: format!(
                "The review of {} has changes that are not saved.",
                date_text(app.review.date)
            ),
            table: keymap::QUIT_PROMPT,
            keys: &app.keys,
        }
        .render(body, buf),
        Some(Popup::SwitchPrompt(other)) => quit_prompt::UnsavedPrompt {
            question: format!(
                "The review of {} has changes that are not saved. Save them before opening {}?",
                date_text(app.review.date),
                date_text(other)
            ),
            table: keymap::SWITCH_PROMPT,
            keys: &app.keys,
        }
        .render(body, buf),
        Some(Popup::DraftPrompt(date)) => quit_prompt::UnsavedPrompt {
            question: format!(
                "Last time partnerbook closed with unsaved changes to the review of {}. Bring them back?",
                date_text(date)
            ),
            table: keymap::DRAFT_PROMPT,
            keys: &app.keys,
        }
        .render(body, buf),
        Some(Popup::SaveAs) => save_as::SaveAsPrompt(app).render(body, buf),
        Some(Popup::Focus { selected }) => focus::FocusPopup { app, selected }.render(body, buf),
        None => {}
    }
}

/// A date as the prompts write it: "Sun 22 Nov 2026".
fn date_text(date: chrono::NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}
