//! The config file through the real binary: `config --path` / `--default`, one-line errors,
//! and `data_dir` between the command line and the platform default. Every run points
//! PARTNERBOOK_CONFIG or XDG_CONFIG_HOME at a temporary dir, so no real config is read.

use std::path::Path;
use std::process::{Command, Output};

/// The binary with `args`, no data dir or config file from the environment, and
/// XDG_CONFIG_HOME / XDG_DATA_HOME inside `tmp`.
fn partnerbook(tmp: &Path, envs: &[(&str, &Path)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
    command
        .args(args)
        .env_remove("PARTNERBOOK_DATA_DIR")
        .env_remove("PARTNERBOOK_CONFIG")
        .env("XDG_CONFIG_HOME", tmp.join("xdg-config"))
        .env("XDG_DATA_HOME", tmp.join("xdg-data"));
    for (name, value) in envs {
        command.env(name, value);
    }
    command.output().expect("binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn config_path_prints_the_file_named_by_the_environment() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("my-config.toml");
    let out = partnerbook(
        tmp.path(),
        &[("PARTNERBOOK_CONFIG", &file)],
        &["config", "--path"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{}\n", file.display()));
}

#[test]
fn config_path_defaults_to_the_xdg_config_dir_and_the_option_wins_over_the_env() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = partnerbook(tmp.path(), &[], &["config", "--path"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = tmp.path().join("xdg-config/partnerbook/config.toml");
    assert_eq!(stdout(&out), format!("{}\n", expected.display()));

    let option = tmp.path().join("option.toml");
    let env = tmp.path().join("env.toml");
    let option_arg = option.to_str().expect("utf-8 path");
    let out = partnerbook(
        tmp.path(),
        &[("PARTNERBOOK_CONFIG", &env)],
        &["--config", option_arg, "config", "--path"],
    );
    assert_eq!(stdout(&out), format!("{}\n", option.display()));
}

#[test]
fn config_needs_exactly_one_of_path_and_default() {
    let tmp = tempfile::tempdir().expect("tempdir");
    assert!(!partnerbook(tmp.path(), &[], &["config"]).status.success());
    let both = partnerbook(tmp.path(), &[], &["config", "--path", "--default"]);
    assert!(!both.status.success());
}

#[test]
fn the_default_file_is_a_valid_config() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = partnerbook(tmp.path(), &[], &["config", "--default"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("theme = \"dark\"") && text.contains("open_history"),
        "{text}"
    );
    let file = tmp.path().join("config.toml");
    std::fs::write(&file, &text).expect("write");
    let out = partnerbook(tmp.path(), &[("PARTNERBOOK_CONFIG", &file)], &["path"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let default_data = tmp.path().join("xdg-data/partnerbook");
    assert_eq!(stdout(&out), format!("{}\n", default_data.display()));
}

#[test]
fn a_bad_file_is_one_line_on_stderr_naming_the_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("config.toml");
    std::fs::write(&file, "# colours\ntheme = \"purple\"\n").expect("write");
    let out = partnerbook(tmp.path(), &[("PARTNERBOOK_CONFIG", &file)], &["path"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains(&file.display().to_string()), "{err}");

    std::fs::write(&file, "[keys]\nsave = \"ctrl-s\"\nopen_histroy = \"o\"\n").expect("write");
    let out = partnerbook(tmp.path(), &[("PARTNERBOOK_CONFIG", &file)], &["list"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("line 3: unknown action \"open_histroy\""),
        "{err}"
    );

    std::fs::write(&file, "theme = \"dark\"\n[keys\n").expect("write");
    let out = partnerbook(tmp.path(), &[("PARTNERBOOK_CONFIG", &file)], &["path"]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("line 2"), "{err}");

    // `config --path` still works, so the broken file can be found and fixed.
    let out = partnerbook(
        tmp.path(),
        &[("PARTNERBOOK_CONFIG", &file)],
        &["config", "--path"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn data_dir_in_the_config_is_used_and_the_option_and_env_win_over_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("xdg-config/partnerbook/config.toml");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    let from_config = tmp.path().join("x");
    std::fs::write(
        &file,
        format!("data_dir = {:?}\n", from_config.display().to_string()),
    )
    .expect("write");

    let out = partnerbook(tmp.path(), &[], &["path"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{}\n", from_config.display()));

    let option = tmp.path().join("from-option");
    let option_arg = option.to_str().expect("utf-8 path");
    let out = partnerbook(tmp.path(), &[], &["--data-dir", option_arg, "path"]);
    assert_eq!(stdout(&out), format!("{}\n", option.display()));

    let env = tmp.path().join("from-env");
    let out = partnerbook(tmp.path(), &[("PARTNERBOOK_DATA_DIR", &env)], &["path"]);
    assert_eq!(stdout(&out), format!("{}\n", env.display()));
}

#[test]
fn a_missing_config_file_is_the_defaults() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("nowhere/config.toml");
    let out = partnerbook(tmp.path(), &[("PARTNERBOOK_CONFIG", &missing)], &["path"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let default_data = tmp.path().join("xdg-data/partnerbook");
    assert_eq!(stdout(&out), format!("{}\n", default_data.display()));
}

#[test]
fn empty_environment_variables_count_as_unset() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .arg("path")
        .env("PARTNERBOOK_DATA_DIR", "")
        .env("PARTNERBOOK_CONFIG", "")
        .env("XDG_CONFIG_HOME", tmp.path().join("config"))
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.starts_with(&tmp.path().join("data").display().to_string()),
        "{printed}"
    );
}

#[test]
fn a_rebind_that_clashes_with_another_key_is_one_error_naming_its_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "theme = \"dark\"\n[keys]\nopen_history = \"n\"\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .env("PARTNERBOOK_DATA_DIR", tmp.path())
        .env("PARTNERBOOK_CONFIG", &config)
        .output()
        .expect("binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("line 3: n already means"), "{err}");
}
