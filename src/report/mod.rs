//! Reports: what the command line prints, as pure functions from reviews to text. `plain`
//! (the `list` row and the `show` page), `compare_report` (the `compare` page), `export`
//! (Markdown) and `json_report` (`--json` and `--format json`).

pub mod compare_report;
pub mod export;
pub mod json_report;
pub mod plain;
