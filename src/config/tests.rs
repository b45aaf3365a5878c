//! Tests of the config file: the shape it accepts, its one-line errors, and the default file.

use super::*;
use crossterm::event::{KeyCode, KeyModifiers};

fn path() -> PathBuf {
    PathBuf::from("/home/me/.config/partnerbook/config.toml")
}

fn parsed(text: &str) -> Config {
    parse(text, &path()).unwrap_or_else(|e| panic!("{e}"))
}

/// The error message for `text`, checked to be one line naming the file and `line`.
fn error(text: &str, line: usize) -> String {
    let message = parse(text, &path()).expect_err("an error").to_string();
    assert!(!message.contains('\n'), "{message}");
    let prefix = format!("{}: line {line}: ", path().display());
    assert!(message.starts_with(&prefix), "{message}");
    message
}

#[test]
fn every_action_without_data_can_be_rebound_and_those_with_data_cannot() {
    use strum::IntoEnumIterator as _;
    let names: Vec<&str> = crate::action::ActionName::iter()
        .map(<&str>::from)
        .collect();
    let rebindable = Action::rebindable_names();
    assert!(rebindable.contains(&"open_history") && rebindable.contains(&"undo_change"));
    for name in &names {
        let bindable = Action::from_name(name).is_some();
        assert_eq!(bindable, rebindable.contains(name), "{name}");
        assert_eq!(Action::carries_data(name), !bindable, "{name}");
    }
    for name in [
        "rate",
        "edit_key",
        "paste",
        "mark_progress",
        "click",
        "scroll",
        "files_changed",
    ] {
        assert!(Action::carries_data(name), "{name}");
    }
    assert!(!Action::carries_data("no_such_action"));
}

#[test]
fn the_default_file_parses_to_the_defaults_and_names_every_action() {
    let text = default_file();
    assert_eq!(parsed(&text), Config::default());
    for name in Action::rebindable_names() {
        assert!(
            text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|word| word == name),
            "{name}"
        );
    }
    assert!(
        text.lines().all(|line| line.chars().count() <= 100),
        "{text}"
    );
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parsed(""), Config::default());
    assert_eq!(parsed("[keys]\n"), Config::default());
    assert_eq!(Config::default().theme, ThemeName::Dark);
}

#[test]
fn a_full_file_parses_in_file_order() {
    let config = parsed(
        "theme = \"light\"\ndata_dir = \"/srv/reviews\"\n\n[keys]\nsave = \"ctrl-w\"\nopen_history = [\"o\", \"ctrl-o\"]\nhelp = [\n  \"?\",\n  \"F1\",\n]\n",
    );
    assert_eq!(config.theme, ThemeName::Light);
    assert_eq!(config.data_dir, Some(PathBuf::from("/srv/reviews")));
    let keys: Vec<(&str, usize)> = config
        .keys
        .iter()
        .map(|k| (k.name.as_str(), k.line))
        .collect();
    assert_eq!(keys, [("save", 5), ("open_history", 6), ("help", 7)]);
    assert_eq!(config.keys[0].action, Action::Save);
    assert_eq!(
        config.keys[0].chords,
        [Chord {
            code: KeyCode::Char('w'),
            mods: KeyModifiers::CONTROL
        }]
    );
    assert_eq!(config.keys[1].action, Action::OpenHistory);
    assert_eq!(config.keys[1].chords.len(), 2);
    assert_eq!(config.keys[2].chords[1].code, KeyCode::F(1));
}

#[test]
fn a_leading_tilde_is_the_home_directory() {
    let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()) else {
        return;
    };
    let config = parsed("data_dir = \"~/reviews\"\n");
    assert_eq!(config.data_dir, Some(home.join("reviews")));
    assert_eq!(parsed("data_dir = \"~\"").data_dir, Some(home));
}

#[test]
fn syntax_errors_are_one_line_with_the_line_number() {
    let message = error("theme = \"dark\"\n\n[keys\nsave = \"ctrl-s\"\n", 3);
    assert!(!message.contains("TOML parse error"), "{message}");
    error("theme = \"dark\"\ntheme = \"light\"\n", 2);
    error("theme = dark\n", 1);
}

#[test]
fn unknown_settings_and_bad_values_name_their_line() {
    let message = error("theme = \"dark\"\ncolour = \"red\"\n", 2);
    assert!(message.contains("colour"), "{message}");
    let message = error("# a comment\ntheme = \"purple\"\n", 2);
    assert!(
        message.contains("purple") && message.contains("light"),
        "{message}"
    );
    error("\n\n\ntheme = 3\n", 4);
    let message = error("data_dir = \"reviews\"\n", 1);
    assert!(message.contains("relative"), "{message}");
    let message = error("theme = \"dark\"\ndata_dir = \"\"\n", 2);
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn bad_key_entries_name_their_line() {
    assert_eq!(
        error("[keys]\nsave = \"ctrl-s\"\nopen_histroy = \"o\"\n", 3),
        "/home/me/.config/partnerbook/config.toml: line 3: unknown action \"open_histroy\" \
         under [keys] (see partnerbook config --default)"
    );
    let message = error("[keys]\nrate = \"r\"\n", 2);
    assert!(message.contains("carries data"), "{message}");
    let message = error("[keys]\nsave = \"hyper-s\"\n", 2);
    assert!(message.contains("hyper"), "{message}");
    let message = error("[keys]\nhelp = [\n  \"?\",\n  \"ab\",\n]\n", 4);
    assert!(message.contains("\"ab\""), "{message}");
    let message = error("[keys]\nquit = []\n", 2);
    assert!(message.contains("at least one"), "{message}");
    error("[keys]\n\nquit = 3\n", 3);
    error("[keys.quit]\nkey = \"q\"\n", 1);
}

#[test]
fn load_treats_a_missing_file_as_the_defaults_and_names_an_unreadable_one() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("nope.toml");
    assert_eq!(load(&missing).expect("defaults"), Config::default());
    let message = load(tmp.path()).expect_err("a directory").to_string();
    assert!(message.starts_with("cannot read "), "{message}");
    assert!(
        message.contains(&tmp.path().display().to_string()),
        "{message}"
    );
    let file = tmp.path().join("config.toml");
    std::fs::write(&file, "theme = \"light\"\n").expect("write");
    assert_eq!(load(&file).expect("loads").theme, ThemeName::Light);
}

#[test]
fn the_default_path_is_config_toml_in_a_partnerbook_dir() {
    if let Ok(path) = default_path() {
        assert!(
            path.ends_with("partnerbook/config.toml"),
            "{}",
            path.display()
        );
    }
}
