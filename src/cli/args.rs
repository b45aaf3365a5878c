//! Reading the command line kindly: a review's date as typed, and argument errors kept short,
//! as the README promises — clap's message cut down to one line saying what is wrong, then
//! clap's usage line; no blank lines, lists or tips.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::anyhow;
use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// How a review is named on the command line.
pub const REVIEW_FORMS: &str = "YYYY-MM-DD, `latest` or `previous`";

/// A date typed as `YYYY-MM-DD`; an error of one line when it is not one, or is no real
/// date (`2026-13-45`).
pub fn parse_date(text: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        let shaped = text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        let what = if shaped {
            "is not a real date"
        } else {
            "is not a date"
        };
        anyhow!("`{text}` {what}: name a review as {REVIEW_FORMS}")
    })
}

/// A `--width` as typed: a number of columns from 1 to [`crate::report::compare_report::MAX_WIDTH`].
pub fn parse_width(text: &str) -> Result<usize, String> {
    let max = crate::report::compare_report::MAX_WIDTH;
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| format!("use a number of columns from 1 to {max}"))
}

/// Prints `error` on stderr and returns the exit status: `--help` and `--version` as clap
/// prints them (status 0), anything else as [`short`] (status 2, clap's usage-error code).
pub fn report(error: &clap::Error) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return match error.print() {
            Ok(()) => ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2)),
            // The reader went away (`partnerbook --help | head`): nothing more to say.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    }
    eprint!("{}", short(error));
    ExitCode::from(2)
}

/// `partnerbook: <what is wrong>` and, when clap has one, its `Usage: …` line; each line ends
/// in a newline.
pub fn short(error: &clap::Error) -> String {
    let mut out = format!("partnerbook: {}\n", message(error));
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        // Plain text: StyledStr's Display leaves the styling out.
        if let Some(line) = usage.to_string().lines().find(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "{}", line.trim());
        }
    }
    out
}

/// The one line saying what is wrong.
fn message(error: &clap::Error) -> String {
    let arg = || string(error, ContextKind::InvalidArg).map(|a| option_name(&a));
    let value = string(error, ContextKind::InvalidValue);
    match error.kind() {
        ErrorKind::InvalidValue if value.as_deref().is_none_or(str::is_empty) => {
            let arg = string(error, ContextKind::InvalidArg).unwrap_or_default();
            format!("{arg} needs a value")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let (arg, value) = (arg().unwrap_or_default(), value.unwrap_or_default());
            let mut line = format!("`{value}` is not a valid {arg}");
            if let Some(valid) = strings(error, ContextKind::ValidValue) {
                let _ = write!(line, ": use {}", one_of(&valid, "or"));
            } else if let Some(why) = std::error::Error::source(error) {
                let _ = write!(line, ": {why}");
            }
            line
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg).unwrap_or_default();
            let names: Vec<String> = missing.iter().map(|a| group_name(a)).collect();
            let mut line = format!("missing {}", one_of(&names, "and"));
            if missing.iter().any(|a| is_review_arg(a)) {
                let _ = write!(line, ": name a review as {REVIEW_FORMS}");
            }
            line
        }
        ErrorKind::InvalidSubcommand => {
            let name = string(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = strings(error, ContextKind::SuggestedSubcommand)
                .and_then(|s| s.into_iter().next())
                .map_or("see `partnerbook --help`".to_string(), |s| {
                    format!("did you mean `{s}`?")
                });
            format!("`{name}` is not a command; {hint}")
        }
        ErrorKind::UnknownArgument => {
            let hint = strings(error, ContextKind::SuggestedArg)
                .and_then(|s| s.into_iter().next())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!("unexpected argument `{}`{hint}", arg().unwrap_or_default())
        }
        _ => first_line(error),
    }
}

/// clap's own message, first line, without its `error: ` prefix.
fn first_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let line = text.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

/// `--format <FORMAT>` → `--format`; positionals (`<SHELL>`) stay as they are.
fn option_name(arg: &str) -> String {
    match arg.split_once(' ') {
        Some((name, _)) if name.starts_with('-') => name.to_string(),
        _ => arg.to_string(),
    }
}

/// `<--path|--default>` → `--path or --default`; other names stay as they are.
fn group_name(arg: &str) -> String {
    match arg.strip_prefix('<').and_then(|a| a.strip_suffix('>')) {
        Some(inner) if inner.starts_with('-') => inner.replace('|', " or "),
        _ => arg.to_string(),
    }
}

/// The positionals that name a review: `show DATE`, `export DATE`, `compare A B`.
fn is_review_arg(arg: &str) -> bool {
    matches!(arg, "<DATE>" | "<A>" | "<B>")
}

/// `a`, `a or b`, `a, b or c`.
fn one_of(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., end] => format!("{} {last} {end}", rest.join(", ")),
    }
}

fn string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => s.first().cloned(),
        _ => None,
    }
}

fn strings(error: &clap::Error, kind: ContextKind) -> Option<Vec<String>> {
    match error.get(kind)? {
        ContextValue::Strings(s) => Some(s.clone()),
        ContextValue::String(s) => Some(vec![s.clone()]),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
