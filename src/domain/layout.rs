//! Sizes the app and its views agree on: the smallest terminal the workbook can be used in,
//! and the sizes from which the views change their layout.

/// Smallest terminal width the workbook draws into.
pub const MIN_WIDTH: u16 = 60;
/// Smallest terminal height the workbook draws into.
pub const MIN_HEIGHT: u16 = 16;

/// From this body size on (columns, rows), the three panes sit side by side.
pub const THREE_COLUMNS: (u16, u16) = (160, 26);
/// From this body size on, Self-assessment takes the left half beside the other two.
pub const TWO_COLUMNS: (u16, u16) = (100, 30);
/// From this size on, the history's trend chart sits beside the list instead of above it.
pub const HISTORY_SIDE_BY_SIDE: (u16, u16) = (140, 30);
/// From this width on, the title bar has room for "? help".
pub const TITLE_HELP_FROM: u16 = 100;

/// Whether an area `width`×`height` is at least `breakpoint` (columns, rows).
pub fn fits(width: u16, height: u16, breakpoint: (u16, u16)) -> bool {
    width >= breakpoint.0 && height >= breakpoint.1
}
