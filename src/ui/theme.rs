//! Every colour and text style the workbook draws with, in one place, and the themes.
//!
//! Views draw with the styles below, which are the dark theme. Once a frame is drawn,
//! [`Theme::apply`] recolours the whole buffer for the theme in use: the light theme swaps the
//! colours that are hard to read on a light background, and `NO_COLOR` strips every colour,
//! turning backgrounds into reverse video and the text being edited into underlined text.
//! Doing it on the finished buffer means no widget, ours or a library's, can leak a colour
//! escape past `NO_COLOR`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

pub use crate::config::Theme;

/// How each theme recolours a frame drawn in the dark theme's styles.
impl Theme {
    /// Recolours every cell of `area` drawn in the dark theme's styles for this theme.
    pub fn apply(self, area: Rect, buf: &mut Buffer) {
        if self == Theme::Dark {
            return;
        }
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    match self {
                        Theme::NoColor => {
                            if cell.bg == EDITING_BG {
                                // The text being edited is underlined, so it never looks like
                                // a selected row; its cursor stays in reverse video.
                                cell.modifier.insert(Modifier::UNDERLINED);
                            } else if cell.bg != Color::Reset {
                                cell.modifier.toggle(Modifier::REVERSED);
                            }
                            cell.fg = Color::Reset;
                            cell.bg = Color::Reset;
                            cell.underline_color = Color::Reset;
                        }
                        Theme::Light => {
                            cell.fg = light_foreground(cell.fg, cell.bg);
                            cell.bg = light_background(cell.bg);
                        }
                        Theme::Dark => {}
                    }
                }
            }
        }
    }
}

/// The light theme's text colour: colours that fade on white get darker ones. Text on a
/// coloured background (title bar, badges) keeps its colour.
fn light_foreground(fg: Color, bg: Color) -> Color {
    if bg == EDITING_BG {
        return Color::Black;
    }
    if bg != Color::Reset {
        return fg;
    }
    match fg {
        Color::White => Color::Black,
        Color::Gray => Color::DarkGray,
        Color::Cyan => Color::Blue,
        Color::Yellow => Color::Indexed(130),
        Color::Green => Color::Indexed(28),
        other => other,
    }
}

/// The light theme's background colour: the editing field turns pale.
fn light_background(bg: Color) -> Color {
    if bg == EDITING_BG {
        Color::Rgb(226, 230, 238)
    } else {
        bg
    }
}

/// The title bar across the top.
pub const TITLE_BAR: Style = Style::new().fg(Color::White).bg(Color::Blue);
/// The app name in the title bar.
pub const TITLE_NAME: Style = TITLE_BAR.add_modifier(Modifier::BOLD);
/// Review state "new".
pub const STATE_NEW: Style = Style::new().fg(Color::Black).bg(Color::Cyan);
/// Review state "saved".
pub const STATE_SAVED: Style = Style::new().fg(Color::Black).bg(Color::Green);
/// Review state "unsaved changes".
pub const STATE_UNSAVED: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);

/// Border and title of the pane with focus.
pub const FOCUSED_BORDER: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// Border and title of the other panes.
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
/// Pane title text when not focused.
pub const PANE_TITLE: Style = Style::new().fg(Color::Gray);
/// The selected row in the focused pane.
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// The selected row in a pane without focus.
pub const SELECTED_IDLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// Secondary text: descriptions, hints, placeholders.
pub const DIM: Style = Style::new().fg(Color::DarkGray);
/// Ordinary text.
pub const TEXT: Style = Style::new();
/// Headings inside panes.
pub const HEADING: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);

/// Sub-headings (the guide's tips).
pub const SUBHEADING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// A search match in the guide.
pub const MATCH: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
/// The current search match in the guide.
pub const MATCH_CURRENT: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Magenta)
    .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));

/// A Yes answer.
pub const YES: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
/// A No answer.
pub const NO: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
/// A ticked skill and filled rating marks.
pub const TICKED: Style = Style::new().fg(Color::Green);
/// Rating marks.
pub const RATING: Style = Style::new().fg(Color::Yellow);

/// Style of a score band by its id.
pub fn band(id: &str) -> Style {
    let color = match id {
        "solid" => Color::Green,
        "more_productive" => Color::Yellow,
        _ => Color::Red,
    };
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}

/// Keys in the footer and help.
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// What a key does, in the footer.
pub const KEY_HINT: Style = Style::new().fg(Color::Gray);
/// A status message reporting success.
pub const STATUS_OK: Style = Style::new().fg(Color::Green);
/// A status message reporting a failure.
pub const STATUS_ERROR: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
/// Popup frames.
pub const POPUP_BORDER: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// The text being edited.
pub const EDITING: Style = Style::new().fg(Color::White).bg(EDITING_BG);
/// The background of the text being edited.
const EDITING_BG: Color = Color::Rgb(40, 44, 52);

/// The title bar while a past review is open: a different colour, so it is clearly not today's.
pub const TITLE_BAR_PAST: Style = Style::new().fg(Color::Black).bg(Color::Magenta);
/// The "quarterly review due" hint in the title bar.
pub const DUE: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// The skills bars of the trend chart.
pub const SKILLS_BAR: Style = Style::new().fg(Color::Blue);
/// Guide lines at the band thresholds of the trend chart.
pub const GUIDE: Style = Style::new().fg(Color::DarkGray);
/// The mark on a history row chosen for comparing.
pub const MARKED: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
/// An unreadable file's row.
pub const UNREADABLE: Style = Style::new().fg(Color::Red);
/// The previous review's answer beside a question.
pub const PREVIOUS: Style = Style::new().fg(Color::DarkGray);
/// A previous answer that differs from the one given now.
pub const PREVIOUS_CHANGED: Style = Style::new().fg(Color::Yellow);
/// A change for the better in the compare view.
pub const BETTER: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
/// A change for the worse in the compare view.
pub const WORSE: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
/// The read-only banner under the title bar.
pub const BANNER: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
/// The banner under the title bar while the review on screen changed on disk meanwhile.
pub const DISK_BANNER: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// A partial review's mark: in the history list and on the trend chart.
pub const PARTIAL: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::ITALIC);
