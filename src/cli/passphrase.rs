//! Where the passphrase of an encrypted data dir comes from: a command that prints it
//! (`PARTNERBOOK_PASSPHRASE_COMMAND`, like borg's BORG_PASSCOMMAND), the environment
//! (`PARTNERBOOK_PASSPHRASE`, for scripts), or the terminal, asked without echo. It is held as
//! a `SecretString`, zeroised when dropped, and never written anywhere.

use std::io::IsTerminal as _;
use std::process::{Command, Stdio};
use std::sync::Arc;

use age::secrecy::{ExposeSecret as _, SecretString};
use anyhow::{Context as _, anyhow, bail};
use zeroize::Zeroizing;

use crate::storage::Store;
use crate::storage::keys::{KeyError, Keyring};

/// A command (run by `sh -c`) whose output is the passphrase.
pub const COMMAND_ENV: &str = "PARTNERBOOK_PASSPHRASE_COMMAND";

/// The passphrase itself (weaker: other processes of the user may read the environment).
pub const PASSPHRASE_ENV: &str = "PARTNERBOOK_PASSPHRASE";

/// The new passphrase for `partnerbook passphrase`, for scripts.
pub const NEW_PASSPHRASE_ENV: &str = "PARTNERBOOK_NEW_PASSPHRASE";

/// How many times the terminal asks before giving up.
pub const TRIES: usize = 3;

/// The passphrase from the command or the environment, when either is set.
pub fn from_environment() -> anyhow::Result<Option<SecretString>> {
    if let Some(command) = std::env::var_os(COMMAND_ENV).filter(|c| !c.is_empty()) {
        return run_command(&command.to_string_lossy()).map(Some);
    }
    match std::env::var(PASSPHRASE_ENV) {
        Ok(text) if !text.is_empty() => Ok(Some(SecretString::from(text))),
        _ => Ok(None),
    }
}

/// Runs `command` with `sh -c`, its stdin and stderr the user's; the passphrase is its output
/// up to the first line break.
fn run_command(command: &str) -> anyhow::Result<SecretString> {
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {COMMAND_ENV} ({command})"))?;
    let stdout = Zeroizing::new(output.stdout);
    if !output.status.success() {
        bail!("{COMMAND_ENV} ({command}) failed: {}", output.status);
    }
    let text = std::str::from_utf8(&stdout)
        .map_err(|_| anyhow!("{COMMAND_ENV} ({command}) printed something that is not text"))?;
    let first = text.lines().next().unwrap_or_default();
    if first.is_empty() {
        bail!("{COMMAND_ENV} ({command}) printed no passphrase");
    }
    Ok(SecretString::from(first.to_string()))
}

/// Whether there is a terminal to ask on.
fn can_ask() -> bool {
    std::io::stdin().is_terminal()
}

/// The error when the passphrase is needed and nothing can give it.
fn no_source(dir: &std::path::Path) -> anyhow::Error {
    anyhow!(
        "the reviews in {} are encrypted and there is no terminal to ask the passphrase on: set {COMMAND_ENV} (a command that prints it) or {PASSPHRASE_ENV}",
        dir.display()
    )
}

/// Asks for a passphrase on the terminal, without echo.
fn ask(prompt: &str) -> anyhow::Result<SecretString> {
    let text = Zeroizing::new(
        rpassword::prompt_password(prompt)
            .context("cannot read the passphrase from the terminal")?,
    );
    Ok(SecretString::from(text.as_str().to_string()))
}

/// `store` unlocked when its data dir is encrypted (asking the passphrase once), else as it is.
pub fn unlock(store: Store) -> anyhow::Result<Store> {
    if !store.is_encrypted() || store.keys().is_some() {
        return Ok(store);
    }
    let keys = unlock_keys(&store)?;
    Ok(store.with_keys(Arc::new(keys)))
}

/// The keys of `store`'s data dir: from the command or environment (one try), else asked on
/// the terminal up to [`TRIES`] times.
pub fn unlock_keys(store: &Store) -> anyhow::Result<Keyring> {
    if let Some(passphrase) = from_environment()? {
        return Ok(Keyring::unlock(store.dir(), &passphrase)?);
    }
    if !can_ask() {
        return Err(no_source(store.dir()));
    }
    for left in (0..TRIES).rev() {
        let passphrase = ask("Passphrase for your partnerbook reviews: ")?;
        match Keyring::unlock(store.dir(), &passphrase) {
            Ok(keys) => return Ok(keys),
            Err(KeyError::WrongPassphrase(_)) if left > 0 => {
                eprintln!(
                    "That passphrase does not open the key; {left} more {}.",
                    tries(left)
                );
            }
            Err(error) => return Err(error.into()),
        }
    }
    Err(no_source(store.dir()))
}

fn tries(n: usize) -> &'static str {
    if n == 1 { "try" } else { "tries" }
}

/// A new passphrase: from `env` (for a first one, from where unlocking takes it: the command,
/// then the environment), else typed twice on the terminal.
pub fn new_passphrase(env: &str, dir: &std::path::Path) -> anyhow::Result<SecretString> {
    let first = env == PASSPHRASE_ENV;
    let given = if first {
        from_environment()?
    } else {
        std::env::var(env)
            .ok()
            .filter(|text| !text.is_empty())
            .map(SecretString::from)
    };
    if let Some(passphrase) = given {
        return Ok(passphrase);
    }
    if !can_ask() {
        let set = if first {
            format!("{COMMAND_ENV} (a command that prints it) or {PASSPHRASE_ENV}")
        } else {
            env.to_string()
        };
        bail!(
            "a new passphrase is needed and there is no terminal to ask it on: set {set} (for {})",
            dir.display()
        );
    }
    let first = ask("New passphrase: ")?;
    if first.expose_secret().is_empty() {
        bail!("a passphrase cannot be empty: nothing was changed");
    }
    let again = ask("The same passphrase again: ")?;
    if first.expose_secret() != again.expose_secret() {
        bail!("the two passphrases differ: nothing was changed");
    }
    Ok(first)
}
