//! The shell integration commands of the real binary: completion scripts for every shell and
//! the manual page, each naming every subcommand.

use std::process::Command;

const SUBCOMMANDS: [&str; 9] = [
    "list",
    "show",
    "compare",
    "export",
    "path",
    "check",
    "config",
    "completions",
    "man",
];

fn run(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(args)
        .env("PARTNERBOOK_DATA_DIR", tmp.path())
        .env(
            "PARTNERBOOK_CONFIG",
            std::env::temp_dir().join("partnerbook-tests-no-config.toml"),
        )
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = run(&["completions", shell]);
        assert!(script.len() > 500, "{shell}: {} bytes", script.len());
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
}

#[test]
fn an_unknown_shell_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(["completions", "tcsh"])
        .output()
        .expect("binary runs");
    assert!(!out.status.success());
}

#[test]
fn the_man_page_is_roff_naming_every_subcommand_and_the_keys() {
    let page = run(&["man"]);
    assert!(page.contains(".TH partnerbook 1"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!(".SH \"PARTNERBOOK {}\"", sub.to_uppercase())),
            "man page lacks {sub}"
        );
    }
    assert!(page.contains(".SH KEYS") && page.contains("open the history of every review"));
}

#[test]
fn completions_man_and_config_work_while_the_config_file_is_broken() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "theme = \"purple\"\n").expect("write");
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["config", "--path"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_partnerbook"))
            .args(args)
            .env("PARTNERBOOK_DATA_DIR", tmp.path())
            .env("PARTNERBOOK_CONFIG", &config)
            .output()
            .expect("binary runs");
        assert!(out.status.success(), "{args:?}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(["path"])
        .env("PARTNERBOOK_DATA_DIR", tmp.path())
        .env("PARTNERBOOK_CONFIG", &config)
        .output()
        .expect("binary runs");
    assert!(!out.status.success(), "other commands report the bad file");
}

#[test]
fn the_man_page_names_the_config_file_and_the_environment() {
    let page = run(&["man"]);
    for expected in [
        "config.toml",
        "NO_COLOR",
        "PARTNERBOOK_CONFIG",
        "VISUAL",
        "EDITOR",
    ] {
        assert!(page.contains(expected), "man page lacks {expected}");
    }
}

#[test]
fn a_reader_that_goes_away_early_is_no_error() {
    for args in [&["completions", "bash"][..], &["man"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_partnerbook"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("binary runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("exit");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}
