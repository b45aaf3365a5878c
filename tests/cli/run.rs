//! Running the real binary for the command-line tests: on a data dir, with no config file and
//! no `COLUMNS` from the test runner's terminal, capturing what it prints.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `partnerbook ARGS` on `data_dir`.
pub fn partnerbook(data_dir: &Path, args: &[&str]) -> Output {
    partnerbook_with(data_dir, args, &[])
}

/// Runs `partnerbook ARGS` on `data_dir` with `env` set too (e.g. a `PATH` without git).
pub fn partnerbook_with(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(args)
        .envs(env.iter().copied())
        .env("PARTNERBOOK_DATA_DIR", data_dir)
        .env(
            "PARTNERBOOK_CONFIG",
            std::env::temp_dir().join("partnerbook-tests-no-config.toml"),
        )
        .env_remove("COLUMNS")
        .output()
        .expect("binary runs")
}

/// What it printed on stdout.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What it printed on stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
