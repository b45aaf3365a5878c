//! The domain: the workbook's wording, one review and what is worked out from it, the
//! snapshot file format as text, comparisons, focus suggestions, the guide, and text layout.
//!
//! Nothing here does I/O, reads the clock or knows the terminal: `today` and the time of a save
//! are passed in. A test (`tests/app/layers.rs`) fails if a file here names a terminal crate,
//! the file system or a clock.

pub mod compare;
pub mod content;
pub mod focus;
pub mod follow_up;
pub mod guide;
pub mod latest;
pub mod layout;
pub mod resolve;
pub mod review;
pub mod snapshot;
pub mod text;
pub mod verdict;
