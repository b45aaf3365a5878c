//! The counts of each review in an encrypted data dir, kept in `summaries.age`, itself
//! encrypted: `list` and the history would otherwise decrypt every file — one X25519 key
//! agreement each, the floor of reading an age file — only to count answers. An entry is used
//! only while its file has the same size, modification time and inode it had when counted;
//! anything else and the file is read again. A cache that is missing, stale or does not decrypt
//! is simply rebuilt; it never decides what a review says.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::Store;
use crate::domain::review::Summary;

/// The cache's file in the data dir.
pub const CACHE_FILE: &str = "summaries.age";

/// What identifies one version of a file: size, modification time (ns) and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    len: u64,
    modified: u128,
    inode: u64,
}

impl Key {
    /// The key of `path` as it is now.
    pub fn of(path: &Path) -> Option<Key> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Key {
            len: meta.len(),
            modified,
            inode,
        })
    }
}

/// One review's counts as cached (the date comes from the name).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    key: Key,
    score: usize,
    questions: usize,
    answered: usize,
    practised: usize,
    skills: usize,
    items_written: usize,
    item_slots: usize,
}

/// The cache as read, and what was counted afresh since.
#[derive(Debug, Default)]
pub struct SummaryCache {
    entries: HashMap<String, Entry>,
    fresh: Mutex<Vec<(String, Entry)>>,
}

impl SummaryCache {
    /// The cache of an unlocked encrypted store (empty when missing or unreadable); `None` for
    /// a plain store, which reads its files directly.
    pub fn load(store: &Store) -> Option<SummaryCache> {
        let keys = store.keys()?;
        let entries = super::read_regular(&store.dir().join(CACHE_FILE))
            .ok()
            .and_then(|sealed| keys.open(&sealed).ok())
            .and_then(|plain| serde_json::from_slice(&plain).ok())
            .unwrap_or_default();
        Some(SummaryCache {
            entries,
            fresh: Mutex::default(),
        })
    }

    /// The counts of the review in `path`, when the cache holds them for the file as it is.
    pub fn get(&self, path: &Path, date: chrono::NaiveDate) -> Option<Summary> {
        let entry = self.entries.get(&name_of(path))?;
        (Some(entry.key) == Key::of(path)).then_some(Summary {
            date,
            score: entry.score,
            questions: entry.questions,
            answered: entry.answered,
            practised: entry.practised,
            skills: entry.skills,
            items_written: entry.items_written,
            item_slots: entry.item_slots,
        })
    }

    /// Notes the counts just read from `path`, whose key was `before` when reading began;
    /// a file that changed meanwhile is not cached.
    pub fn put(&self, path: &Path, before: Option<Key>, summary: &Summary) {
        let Some(key) = before.filter(|key| Some(*key) == Key::of(path)) else {
            return;
        };
        let entry = Entry {
            key,
            score: summary.score,
            questions: summary.questions,
            answered: summary.answered,
            practised: summary.practised,
            skills: summary.skills,
            items_written: summary.items_written,
            item_slots: summary.item_slots,
        };
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.push((name_of(path), entry));
        }
    }

    /// Writes the cache back, encrypted, when something was counted afresh. Failing to write
    /// it costs only speed next time, so errors are dropped.
    pub fn save(self, store: &Store) {
        let Some(keys) = store.keys() else {
            return;
        };
        let fresh = self.fresh.into_inner().unwrap_or_default();
        if fresh.is_empty() || !store.dir().is_dir() {
            return;
        }
        let mut entries = self.entries;
        entries.extend(fresh);
        let Ok(plain) = serde_json::to_vec(&entries) else {
            return;
        };
        if let Ok(sealed) = keys.seal(&plain) {
            let _ = store.write_file(&store.dir().join(CACHE_FILE), &sealed);
        }
    }
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
