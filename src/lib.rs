//! partnerbook: a quarterly, keyboard-driven workbook for reviewing how well you partner
//! with your boss. The domain (`content`, `review`, `snapshot`, `store`) knows nothing of
//! the terminal; `app`, `keymap` and `ui` are the TUI on top of it.

pub mod content;
pub mod review;
pub mod snapshot;
pub mod store;
