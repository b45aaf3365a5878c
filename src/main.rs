//! partnerbook's entry point: parse the command line, then run a command or the workbook.

use std::process::ExitCode;

use chrono::Local;
use clap::Parser as _;
use partnerbook::app::App;
use partnerbook::cli::{self, Cli, Command};
use partnerbook::config::{Config, Theme, ThemeName};
use partnerbook::keymap::{Keymap, Rebind};
use partnerbook::storage::lock::{self, LockOutcome};
use partnerbook::tui;

fn main() -> ExitCode {
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(error) => return cli::args::report(&error),
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`partnerbook man | head`): nothing more to say.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "partnerbook: {}",
                partnerbook::domain::text::error_line(error.chain())
            );
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

/// The key tables with the config's rebinds; a rebound key another action already answers
/// to is an error naming the config line, since one of the two would never run.
fn user_keys(config: &Config, path: &std::path::Path) -> anyhow::Result<Keymap> {
    let rebinds = config.keys.iter().map(|o| Rebind {
        action: o.action.clone(),
        keys: o.chords.clone(),
    });
    let keys = Keymap::new(rebinds.collect());
    if let Some(clash) = keys.clashes().first() {
        let line = config
            .keys
            .iter()
            .find(|o| o.action == clash.action)
            .map_or(0, |o| o.line);
        anyhow::bail!("{}: line {line}: {clash}", path.display());
    }
    Ok(keys)
}

fn run(args: &Cli) -> anyhow::Result<()> {
    if let Some(result) = args.run_standalone() {
        return result;
    }
    let config = args.config()?;
    let store = args.store(&config)?;
    let today = Local::now().date_naive();
    let date = match &args.command {
        Some(Command::Open { date }) => cli::date_to_open(&store, date, today)?,
        Some(command) => return cli::run(command, &store),
        None => today,
    };
    let keys = user_keys(&config, &args.config_path()?)?;
    tui::check_terminal()?;
    let no_color = std::env::var_os("NO_COLOR");
    let theme = Theme::choose(no_color.as_deref(), config.theme == ThemeName::Light);
    // An encrypted data dir is unlocked before anything is read, locked or written.
    let store = if store.is_encrypted() {
        match cli::passphrase::from_environment()? {
            Some(passphrase) => {
                let keys = partnerbook::storage::keys::Keyring::unlock(store.dir(), &passphrase)?;
                store.with_keys(std::sync::Arc::new(keys))
            }
            None => tui::unlock::prompt(store, theme)?,
        }
    } else {
        store
    };
    let lock = lock::acquire(store.dir());
    let clock = Box::new(|| Local::now().fixed_offset());
    let mut app = App::open_on(store, today, date, clock)?;
    app.theme = theme;
    app.set_keys(keys);
    match &lock {
        LockOutcome::Acquired(_) => app.check_on_start(),
        LockOutcome::HeldElsewhere => app.set_locked_elsewhere(),
        LockOutcome::Unavailable(why) => app.set_lock_unavailable(why.to_string()),
    }
    let result = tui::run(app);
    drop(lock);
    result
}
