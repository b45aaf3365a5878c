//! partnerbook's entry point: parse the command line, then run a command or the workbook.

use std::process::ExitCode;

use chrono::Local;
use clap::Parser as _;
use partnerbook::app::App;
use partnerbook::cli::{self, Cli};
use partnerbook::lock::{self, LockOutcome};
use partnerbook::tui;

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("partnerbook: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Cli) -> anyhow::Result<()> {
    let store = args.store()?;
    match &args.command {
        Some(command) => cli::run(command, &store),
        None => {
            let today = Local::now().date_naive();
            let lock = lock::acquire(store.dir());
            let mut app = App::open(store, today, Box::new(|| Local::now().fixed_offset()))?;
            match &lock {
                LockOutcome::Acquired(_) => app.check_on_start(),
                LockOutcome::HeldElsewhere => app.locked_elsewhere = true,
                LockOutcome::Unavailable(_) => {}
            }
            let result = tui::run(app);
            drop(lock);
            result
        }
    }
}
