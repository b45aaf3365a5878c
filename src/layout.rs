//! Sizes the app and its views agree on: the smallest terminal the workbook can be used in.

/// Smallest terminal width the workbook draws into.
pub const MIN_WIDTH: u16 = 60;
/// Smallest terminal height the workbook draws into.
pub const MIN_HEIGHT: u16 = 16;
