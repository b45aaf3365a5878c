//! Running the real binary for the command-line tests: on a data dir, with no config file,
//! no `COLUMNS` from the test runner's terminal and no passphrase from its environment,
//! capturing what it prints.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The variables that give an encrypted data dir's passphrase: a test sets the ones it means.
pub const PASSPHRASE_VARS: [&str; 3] = [
    "PARTNERBOOK_PASSPHRASE_COMMAND",
    "PARTNERBOOK_PASSPHRASE",
    "PARTNERBOOK_NEW_PASSPHRASE",
];

/// `partnerbook ARGS` on `data_dir`, with `env` set and stdin empty (no terminal), not yet run.
pub fn command(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
    command
        .args(args)
        .env("PARTNERBOOK_DATA_DIR", data_dir)
        .env(
            "PARTNERBOOK_CONFIG",
            std::env::temp_dir().join("partnerbook-tests-no-config.toml"),
        )
        .env_remove("COLUMNS")
        .stdin(Stdio::null());
    for var in PASSPHRASE_VARS {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    command
}

/// Runs `partnerbook ARGS` on `data_dir`.
pub fn partnerbook(data_dir: &Path, args: &[&str]) -> Output {
    partnerbook_with(data_dir, args, &[])
}

/// Runs `partnerbook ARGS` on `data_dir` with the environment variables `env` set.
pub fn partnerbook_with(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    command(data_dir, args, env).output().expect("binary runs")
}

/// What it printed on stdout.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What it printed on stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
