//! partnerbook's entry point: parse the command line, then run a command or the workbook.

use std::process::ExitCode;

use chrono::Local;
use clap::Parser as _;
use partnerbook::app::App;
use partnerbook::cli::{self, Cli};
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
            let app = App::open(store, today, Box::new(|| Local::now().fixed_offset()))?;
            tui::run(app)
        }
    }
}
