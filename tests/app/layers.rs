//! The tree is the architecture: the domain does no I/O, reads no clock and knows no
//! terminal, and the app's state does not reach into the views.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every line of the files under `src/<dir>` that mentions one of `words`.
fn mentions(dir: &str, words: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let files = rust_files(&root);
    assert!(!files.is_empty(), "no files under {}", root.display());
    let mut found = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            for word in words {
                if line.contains(word) {
                    found.push(format!("{}:{}: {word}", path.display(), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn the_domain_knows_no_terminal_no_disk_and_no_clock() {
    let found = mentions(
        "domain",
        &[
            "ratatui",
            "crossterm",
            "std::fs",
            "Local::now",
            "Utc::now",
            "SystemTime::now",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_app_does_not_reach_into_the_views() {
    let found = mentions("app", &["crate::ui", "use ui", "super::ui"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_app_does_not_reach_into_the_terminal_edge_or_the_cli() {
    let found = mentions("app", &["crate::tui", "crate::cli", "crossterm::terminal"]);
    assert!(found.is_empty(), "{found:#?}");
}
