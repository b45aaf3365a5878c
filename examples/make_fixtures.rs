//! Writes N generated reviews into a data dir, for benchmarks and trying partnerbook out:
//! `cargo run --release --features fixtures --example make_fixtures -- DIR N [EVERY_DAYS]
//! [--encrypt-quickly=PASSPHRASE]`. With `--encrypt-quickly` the dir is then encrypted with
//! its key wrapped at a tiny scrypt work factor (`fixtures::encrypt_quickly`), so timing a
//! command on it leaves out the one slow unlock; `partnerbook encrypt` wraps it at the real one.

use std::process::ExitCode;

use chrono::NaiveDate;
use partnerbook::domain::content::Workbook;
use partnerbook::storage::fixtures::{encrypt_quickly, write_history};
use partnerbook::storage::store::Store;

fn main() -> ExitCode {
    let (flags, args): (Vec<String>, Vec<String>) =
        std::env::args().skip(1).partition(|a| a.starts_with("--"));
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: make_fixtures DIR N [EVERY_DAYS] [--encrypt-quickly=PASSPHRASE]");
        return ExitCode::FAILURE;
    };
    let every = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let passphrase = flags
        .iter()
        .find_map(|f| f.strip_prefix("--encrypt-quickly="));
    let newest = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let store = Store::new(dir).with_writer(|path, bytes| std::fs::write(path, bytes));
    let written =
        write_history(&store, Workbook::embedded(), count, newest, every).and_then(|dates| {
            match passphrase {
                Some(passphrase) => encrypt_quickly(&store, passphrase).map(|_| dates),
                None => Ok(dates),
            }
        });
    match written {
        Ok(dates) => {
            let how = if passphrase.is_some() {
                " (encrypted)"
            } else {
                ""
            };
            println!("wrote {} reviews{how} to {dir}", dates.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("make_fixtures: {error}");
            ExitCode::FAILURE
        }
    }
}
