//! partnerbook's entry point: parse the command line, then run a command or the workbook.

use std::process::ExitCode;

use chrono::Local;
use clap::Parser as _;
use partnerbook::app::App;
use partnerbook::cli::{self, Cli};
use partnerbook::config::ThemeName;
use partnerbook::keymap::{Keymap, Rebind};
use partnerbook::lock::{self, LockOutcome};
use partnerbook::tui;
use partnerbook::ui::theme::Theme;

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`partnerbook man | head`): nothing more to say.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("partnerbook: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether the error is a write to a pipe whose reader has closed.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(args: &Cli) -> anyhow::Result<()> {
    if let Some(result) = args.run_standalone() {
        return result;
    }
    let config = args.config()?;
    let store = args.store(&config)?;
    match &args.command {
        Some(command) => cli::run(command, &store),
        None => {
            let today = Local::now().date_naive();
            let lock = lock::acquire(store.dir());
            let mut app = App::open(store, today, Box::new(|| Local::now().fixed_offset()))?;
            let no_color = std::env::var_os("NO_COLOR");
            app.theme = Theme::choose(no_color.as_deref(), config.theme == ThemeName::Light);
            app.keys = Keymap::new(
                config
                    .keys
                    .into_iter()
                    .map(|o| Rebind {
                        action: o.action,
                        keys: o.chords,
                    })
                    .collect(),
            );
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
