//! Storage: everything that touches the data dir. Where it is, listing, loading and atomically
//! saving reviews (0600), encryption at rest, the one-writer lock, taking away group and other
//! permission bits, the debounced draft writer, commits through the system `git`,
//! importing reviews from elsewhere, and `partnerbook check`. This layer does the I/O; the file
//! format itself is `domain::snapshot`.

pub mod checkup;
pub mod convert;
pub mod draft_writer;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod git;
pub mod import;
pub mod keys;
pub mod lock;
pub mod privacy;
pub mod store;

pub use store::{Store, StoreError};
