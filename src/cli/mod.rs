//! The command line: clap definitions and the commands that run without the TUI.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

pub mod args;
pub mod encryption;
pub mod import;
pub mod passphrase;
pub mod shell;
pub mod sync;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::config::{self, CONFIG_ENV, Config};
use crate::domain::compare::Comparison;
use crate::domain::content::Workbook;
use crate::domain::latest;
use crate::domain::review::Review;
use crate::report::compare_report;
use crate::report::{export, json_report, plain};
use crate::storage::checkup;
use crate::storage::store::{self, DATA_DIR_ENV, Store};

/// A quarterly, keyboard-driven workbook for reviewing how well you partner with your boss.
#[derive(Debug, Parser)]
#[command(name = "partnerbook", version, about)]
pub struct Cli {
    /// Where reviews are kept [env: PARTNERBOOK_DATA_DIR] [default: the platform data dir,
    /// e.g. ~/.local/share/partnerbook]
    #[arg(long, global = true, value_name = "PATH")]
    pub data_dir: Option<PathBuf>,

    /// The config file [env: PARTNERBOOK_CONFIG] [default: the platform config dir, e.g.
    /// ~/.config/partnerbook/config.toml]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do; with none, opens today's review in the full-screen workbook.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open one date's review in the full-screen workbook, or start one for that date (a
    /// review done on paper, or on a day you missed); it is saved under that date.
    Open {
        /// YYYY-MM-DD (today or earlier), `latest` or `previous`.
        date: String,
    },
    /// One line per review, newest first: date, score, band, skills, and for a partial review
    /// how many questions are answered.
    List {
        /// Print the rows as a JSON array instead.
        #[arg(long)]
        json: bool,
    },
    /// One review as plain text, the follow-up of last review's plans included.
    Show {
        /// YYYY-MM-DD, `latest` or `previous` (the one before latest).
        date: String,
    },
    /// Two reviews, older first: score, every answer, skills and ratings, Next steps.
    Compare {
        /// One review: YYYY-MM-DD, `latest` or `previous`.
        a: String,
        /// The other review, in the same form.
        b: String,
        /// Columns to lay the page out for, up to 1000 [default: $COLUMNS, the terminal's
        /// width, or 80]
        #[arg(long, value_name = "N", value_parser = args::parse_width)]
        width: Option<usize>,
    },
    /// One review as a page to share: Markdown (the default) or JSON.
    Export {
        /// YYYY-MM-DD, `latest` or `previous`.
        date: String,
        /// What to write.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Write to FILE (readable only by you) instead of printing.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Copy in reviews from files or another data dir (an old backup, a second machine's copy).
    ///
    /// New dates are added, identical reviews skipped, and one that differs from the review
    /// here is kept beside it as a second version to resolve in the history, never written
    /// over it. Each file is read strictly: one that does not read is listed with its reason
    /// and not copied, and the exit status is 1. In a git data dir the files written are one
    /// commit.
    Import {
        /// Review files (any name; the date is read from inside), folders of them, or data
        /// dirs (their snapshots/ are read).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Say what would be done, one line per file, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the data directory.
    Path,
    /// Encrypt every review at rest (age): makes a key wrapped with a passphrase you choose
    /// the first time; run it again to finish an interrupted run.
    Encrypt,
    /// Turn encryption off: every review back to plain TOML.
    Decrypt,
    /// Change the passphrase that wraps the key (the reviews are not rewritten).
    Passphrase,
    /// Run the system git in the data dir, e.g. `partnerbook git init`, `partnerbook git push`;
    /// `git init` also writes a .gitignore for the draft, the lock and temporary files.
    #[command(disable_help_flag = true)]
    Git {
        /// What to pass to git.
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "GIT ARGS"
        )]
        args: Vec<String>,
    },
    /// Read every file (workbook, reviews, draft) and list any problems; changes nothing.
    Check,
    /// Print a shell completion script, e.g. `partnerbook completions bash`.
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        #[arg(value_enum)]
        shell: shell::Shell,
    },
    /// Print the manual page (roff), e.g. `partnerbook man > partnerbook.1`.
    Man,
    /// Print where the config file is (`--path`) or a commented default one (`--default`).
    #[command(group(
        ArgGroup::new("what").required(true).multiple(false).args(["path", "default"])
    ))]
    Config {
        /// Print the path of the config file in use (it need not exist).
        #[arg(long)]
        path: bool,
        /// Print a commented config file with every setting at its default.
        #[arg(long)]
        default: bool,
    },
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A Markdown page to take to a one-on-one.
    Markdown,
    /// Pretty-printed JSON with the same content.
    Json,
}

impl Cli {
    /// The config file in use: --config, then $PARTNERBOOK_CONFIG, then the platform default.
    pub fn config_path(&self) -> anyhow::Result<PathBuf> {
        match given(self.config.as_ref(), CONFIG_ENV) {
            Some(path) => Ok(path),
            None => Ok(config::default_path()?),
        }
    }

    /// The settings of the config file in use; a missing file gives the defaults.
    pub fn config(&self) -> anyhow::Result<Config> {
        Ok(config::load(&self.config_path()?)?)
    }

    /// The store the options point at: --data-dir, then $PARTNERBOOK_DATA_DIR, then the
    /// config file's `data_dir`, then the platform default.
    pub fn store(&self, config: &Config) -> anyhow::Result<Store> {
        let dir = match (
            given(self.data_dir.as_ref(), DATA_DIR_ENV),
            &config.data_dir,
        ) {
            (Some(dir), _) => dir,
            (None, Some(dir)) => dir.clone(),
            (None, None) => Store::default_dir()?,
        };
        let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
        store::refuse_shared_dir(&dir, home.as_deref())?;
        Ok(Store::new(dir))
    }

    /// Runs the commands that need neither the config's settings nor the store, so they work
    /// while the config file is broken: `config`, `completions` and `man`. `None` for the others.
    pub fn run_standalone(&self) -> Option<anyhow::Result<()>> {
        let mut out = std::io::stdout().lock();
        let result = match self.command.as_ref()? {
            Command::Config { default: true, .. } => {
                write!(out, "{}", config::default_file()).map_err(Into::into)
            }
            Command::Config { .. } => self
                .config_path()
                .and_then(|path| Ok(writeln!(out, "{}", path.display())?)),
            Command::Completions { shell } => {
                shell::completions(*shell, &mut out).map_err(Into::into)
            }
            Command::Man => shell::man(&mut out).map_err(Into::into),
            _ => return None,
        };
        Some(result)
    }
}

/// A path given by an option, else by the environment variable `env`; empty values count as
/// not given (so `PARTNERBOOK_DATA_DIR= partnerbook` uses the next choice down).
fn given(option: Option<&PathBuf>, env: &str) -> Option<PathBuf> {
    let from_env = || std::env::var_os(env).map(PathBuf::from);
    option
        .cloned()
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| from_env().filter(|p| !p.as_os_str().is_empty()))
}

/// Runs a non-TUI command, writing to stdout.
pub fn run(command: &Command, store: &Store) -> anyhow::Result<()> {
    let workbook = Workbook::embedded();
    let mut out = std::io::stdout().lock();
    let now = chrono::Local::now().fixed_offset();
    let unlocked;
    let store = match command {
        Command::Path
        | Command::Encrypt
        | Command::Decrypt
        | Command::Passphrase
        | Command::Git { .. } => store,
        _ => {
            unlocked = passphrase::unlock(store.clone())?;
            &unlocked
        }
    };
    match command {
        Command::Path => writeln!(out, "{}", store.dir().display())?,
        Command::Import { paths, dry_run } => {
            import::run(store, paths, *dry_run, workbook, now, &mut out)?
        }
        Command::Encrypt => encryption::encrypt(store, now, &mut out)?,
        Command::Decrypt => encryption::decrypt(store, now, &mut out)?,
        Command::Passphrase => encryption::change(store, &mut out)?,
        Command::Git { args } => sync::run_git(store, args, now)?,
        Command::Open { .. } => bail!("`open` runs the workbook: it is started by main"),
        Command::Config { .. } | Command::Completions { .. } | Command::Man => {
            bail!("internal: this command runs before the store is opened (Cli::run_standalone)")
        }
        Command::Check => {
            let report = checkup::check(store);
            for problem in &report.problems {
                writeln!(out, "{problem}")?;
            }
            writeln!(out, "{}", report.summary())?;
            if !report.is_clean() {
                return Err(checkup::ProblemsFound(report.problems.len()).into());
            }
        }
        Command::List { json: true } => {
            write!(
                out,
                "{}",
                json_report::list(&store.list_summaries(workbook)?, workbook)?
            )?;
        }
        Command::List { json: false } => {
            let listed = store.list_summaries(workbook)?;
            if listed.is_empty() {
                eprintln!("no reviews yet in {}", store.dir().display());
            }
            let versions = store.versions();
            let plain = store.plain_in_encrypted_dir();
            for entry in listed {
                let versions = match versions.get(&entry.date) {
                    Some(n) => format!("  · {n} versions: run `partnerbook check`"),
                    None if plain.contains(&entry.date) => {
                        "  · plain text: encrypted when next saved, or by `partnerbook encrypt`"
                            .to_string()
                    }
                    None => String::new(),
                };
                match entry.summary {
                    Ok(summary) => {
                        writeln!(out, "{}{versions}", plain::summary_row(&summary, workbook))?
                    }
                    Err(error) => writeln!(
                        out,
                        "{}  unreadable: {error}",
                        entry.date.format("%Y-%m-%d")
                    )?,
                }
            }
        }
        Command::Show { date } => {
            let review = load(store, date, workbook)?;
            write!(out, "{}", plain::show(&review, workbook))?;
        }
        Command::Compare { a, b, width } => {
            let (a, b) = (load(store, a, workbook)?, load(store, b, workbook)?);
            if a.date == b.date {
                bail!(
                    "both dates name the review of {}; pick two different reviews",
                    compare_report::long_date(a.date)
                );
            }
            let comparison = Comparison::new(&a, &b);
            let cols = width.unwrap_or_else(output_width);
            write!(
                out,
                "{}",
                compare_report::compare(&comparison, workbook, cols)
            )?;
        }
        Command::Export {
            date,
            format,
            output,
        } => {
            let review = load(store, date, workbook)?;
            let text = match format {
                Format::Markdown => export::markdown(&review, workbook),
                Format::Json => json_report::review(&review, workbook)?,
            };
            match output {
                None => write!(out, "{text}")?,
                Some(path) => {
                    store::write_private(path, text.as_bytes())
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    eprintln!(
                        "Wrote the review of {} to {}",
                        compare_report::long_date(review.date),
                        path.display()
                    );
                }
            }
        }
    }
    Ok(())
}

/// The review a `YYYY-MM-DD`, `latest` or `previous` argument names; an error when there is none.
fn load(store: &Store, text: &str, workbook: &Workbook) -> anyhow::Result<Review> {
    let date = resolve_date(store, text, chrono::Local::now().date_naive())?;
    store
        .load(date, workbook)?
        .with_context(|| format!("no review dated {date} in {}", store.dir().display()))
}

/// Columns to lay text out for: `$COLUMNS` when numeric, else the terminal's width, else 80;
/// at most [`compare_report::MAX_WIDTH`].
fn output_width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    let from_terminal = || {
        std::io::stdout()
            .is_terminal()
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(cols, _)| usize::from(cols))
            .filter(|c| *c > 0)
    };
    from_env
        .or_else(from_terminal)
        .unwrap_or(80)
        .min(compare_report::MAX_WIDTH)
}

/// The date `partnerbook open DATE` opens: any date up to `today`, or `latest` / `previous`.
pub fn date_to_open(store: &Store, text: &str, today: NaiveDate) -> anyhow::Result<NaiveDate> {
    let date = resolve_date(store, text, today)?;
    if date > today {
        bail!(
            "{} is after today ({}): a review looks back, so it cannot be dated ahead",
            date.format("%Y-%m-%d"),
            today.format("%Y-%m-%d")
        );
    }
    Ok(date)
}

/// Turns `YYYY-MM-DD`, `latest` or `previous` into a date. Reviews dated after `today` are
/// never `latest` or `previous` (the workbook's rule too, see `latest`); one passed over is
/// named in a note on stderr.
pub fn resolve_date(store: &Store, text: &str, today: NaiveDate) -> anyhow::Result<NaiveDate> {
    let nth = match text {
        "latest" => 0,
        "previous" => 1,
        _ => return args::parse_date(text),
    };
    let all = store.dates()?;
    if let Some(notice) = latest::ahead_notice(&all, today) {
        eprintln!("{notice}");
    }
    let dates = latest::counted(&all, today);
    match dates.get(nth) {
        Some(date) => Ok(*date),
        None if dates.is_empty() => bail!("no reviews yet in {}", store.dir().display()),
        None => bail!("there is only one review, so no `previous`"),
    }
}
