//! The popups drawn over the screen: help, the unsaved-changes prompts, save a copy and the
//! focus suggestions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::{focus, help, quit_prompt, save_as};
use crate::app::{App, FrameLayout, Next, Popup};
use crate::keymap;

/// The popup open in `app`, if any, over `body`.
pub(super) fn render_popup(app: &App, laid: &mut FrameLayout, body: Rect, buf: &mut Buffer) {
    match &app.popup {
        Some(Popup::Help { scroll }) => help::HelpOverlay {
            scroll: *scroll,
            keys: &app.keys,
        }
        .render(body, buf, laid),
        Some(Popup::Unsaved(Next::Quit)) => quit_prompt::UnsavedPrompt {
            question: format!(
                "The review of {} has changes that are not saved.",
                date_text(app.review.date)
            ),
            table: keymap::QUIT_PROMPT,
            keys: &app.keys,
        }
        .render(body, buf),
        Some(Popup::Unsaved(Next::Open(other))) => quit_prompt::UnsavedPrompt {
            question: format!(
                "The review of {} has changes that are not saved. Save them before opening {}?",
                date_text(app.review.date),
                date_text(*other)
            ),
            table: keymap::SWITCH_PROMPT,
            keys: &app.keys,
        }
        .render(body, buf),
        Some(Popup::Draft(draft)) => quit_prompt::UnsavedPrompt {
            question: format!(
                "Last time partnerbook closed with unsaved changes to the review of {}. Bring them back?",
                date_text(draft.date)
            ),
            table: keymap::DRAFT_PROMPT,
            keys: &app.keys,
        }
        .render(body, buf),
        Some(Popup::SaveAs(field)) => save_as::SaveAsPrompt { app, field }.render(body, buf),
        Some(Popup::Focus { selected }) => focus::FocusPopup {
            app,
            selected: *selected,
        }
        .render(body, buf, laid),
        None => {}
    }
}

/// A date as the prompts write it: "Sun 22 Nov 2026".
fn date_text(date: chrono::NaiveDate) -> String {
    super::text::long_date(date)
}
