//! Writes N generated reviews into a data dir, for benchmarks and trying partnerbook out:
//! `cargo run --release --example make_fixtures -- DIR N [EVERY_DAYS]`.

use std::process::ExitCode;

use chrono::NaiveDate;
use partnerbook::domain::content::Workbook;
use partnerbook::storage::fixtures::write_history;
use partnerbook::storage::store::Store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: make_fixtures DIR N [EVERY_DAYS]");
        return ExitCode::FAILURE;
    };
    let every = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let newest = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let store = Store::new(dir).with_writer(|path, bytes| std::fs::write(path, bytes));
    match write_history(&store, Workbook::embedded(), count, newest, every) {
        Ok(dates) => {
            println!("wrote {} reviews to {dir}", dates.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("make_fixtures: {error}");
            ExitCode::FAILURE
        }
    }
}
