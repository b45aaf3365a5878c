//! The config file, `<config dir>/config.toml`: theme, data directory and key rebinds.
//! Pure parsing, no terminal; every error is one line naming the file and the line.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use crate::action::Action;
use crate::keymap::{Chord, parse_chord};

/// Environment variable naming a config file that replaces the default location.
pub const CONFIG_ENV: &str = "PARTNERBOOK_CONFIG";

/// The colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
}

/// The palette the screen is drawn in: the config's theme, unless `NO_COLOR` says otherwise.
/// The views recolour each frame for it (`ui::theme`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light text on a dark terminal (the styles as written).
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// No colour at all (`NO_COLOR` is set): bold, reverse video and glyphs only.
    NoColor,
}

impl Theme {
    /// The theme to draw in: `NO_COLOR` (set and not empty, per no-color.org) beats the
    /// configured one.
    pub fn choose(no_color: Option<&std::ffi::OsStr>, light: bool) -> Theme {
        match (no_color, light) {
            (Some(value), _) if !value.is_empty() => Theme::NoColor,
            (_, true) => Theme::Light,
            _ => Theme::Dark,
        }
    }
}

/// The settings of the config file; [`Config::default`] when there is no file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The colour theme (`NO_COLOR` in the environment wins over it).
    pub theme: ThemeName,
    /// Where reviews are kept, with `~/` expanded; `--data-dir` and the env var win over it.
    pub data_dir: Option<PathBuf>,
    /// The `[keys]` rebinds, in the order of the file.
    pub keys: Vec<KeyOverride>,
}

/// One `[keys]` entry: an action and the keys that replace its own wherever it is bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The action rebound.
    pub action: Action,
    /// Its name as written in the file, e.g. `open_history`.
    pub name: String,
    /// The new keys, at least one.
    pub chords: Vec<Chord>,
    /// The 1-based line of the entry in the file.
    pub line: usize,
}

/// What is wrong with the config file, or why it cannot be found or read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The platform has no config directory (no home directory).
    #[error("cannot find a config directory; pass --config or set {CONFIG_ENV}")]
    NoConfigDir,
    /// The file exists but cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The file does not parse, or a setting in it is wrong.
    #[error("{}: line {line}: {reason}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The 1-based line of the problem.
        line: usize,
        /// What is wrong, on one line.
        reason: String,
    },
}

/// The file as written, before names are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    data_dir: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyNames>>,
}

/// The value of a `[keys]` entry: one key name or a list of them.
enum KeyNames {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for KeyNames {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NamesVisitor;
        impl<'de> Visitor<'de> for NamesVisitor {
            type Value = KeyNames;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key name or a list of key names")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<KeyNames, E> {
                Ok(KeyNames::One(name.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyNames, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<Spanned<String>>()? {
                    names.push(name);
                }
                Ok(KeyNames::Many(names))
            }
        }
        deserializer.deserialize_any(NamesVisitor)
    }
}

/// The default config file: `<platform config dir>/partnerbook/config.toml`, e.g.
/// `~/.config/partnerbook/config.toml` on Linux.
pub fn default_path() -> Result<PathBuf, ConfigError> {
    directories::ProjectDirs::from("", "", "partnerbook")
        .map(|dirs| dirs.config_dir().join("config.toml"))
        .ok_or(ConfigError::NoConfigDir)
}

/// Reads the config file at `path`: a missing file is [`Config::default`].
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Parses the text of a config file; `path` is only for the error messages.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let on_line = |line: usize, reason: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let invalid = |offset: usize, reason: String| on_line(line_of(text, offset), reason);
    let raw: RawConfig = toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        invalid(offset, one_line(error.message()))
    })?;
    let theme = match raw.theme {
        None => ThemeName::default(),
        Some(theme) if theme.get_ref() == "dark" => ThemeName::Dark,
        Some(theme) if theme.get_ref() == "light" => ThemeName::Light,
        Some(theme) => {
            let reason = format!(
                "theme must be \"dark\" or \"light\", not {:?}",
                theme.get_ref()
            );
            return Err(invalid(theme.span().start, reason));
        }
    };
    let data_dir = match raw.data_dir {
        Some(dir) => Some(expand_dir(dir.get_ref()).map_err(|why| invalid(dir.span().start, why))?),
        None => None,
    };
    let mut keys = Vec::new();
    for (name, names) in raw.keys {
        let line = line_of(text, name.span().start);
        let name = name.into_inner();
        let Some(action) = Action::from_name(&name) else {
            let reason = match Action::carries_data(&name) {
                true => format!("action {name:?} carries data and cannot be rebound"),
                false => format!("unknown action {name:?} under [keys]"),
            };
            let see = "(see partnerbook config --default)";
            return Err(on_line(line, format!("{reason} {see}")));
        };
        let names = match names.get_ref() {
            KeyNames::One(one) => vec![Spanned::new(names.span(), one.clone())],
            KeyNames::Many(many) => many.clone(),
        };
        if names.is_empty() {
            let reason = format!("no keys for {name:?}; list at least one");
            return Err(on_line(line, reason));
        }
        let chords = names
            .iter()
            .map(|key| parse_chord(key.get_ref()).map_err(|r| invalid(key.span().start, r)))
            .collect::<Result<Vec<_>, _>>()?;
        keys.push(KeyOverride {
            action,
            name,
            chords,
            line,
        });
    }
    keys.sort_by_key(|key| key.line);
    Ok(Config {
        theme,
        data_dir,
        keys,
    })
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.bytes().take(offset).filter(|b| *b == b'\n').count() + 1
}

/// A (possibly multi-line) parser message as one line.
fn one_line(message: &str) -> String {
    let parts = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty());
    parts.collect::<Vec<_>>().join("; ")
}

/// `data_dir` as a path: `~` or a leading `~/` is the home directory; it must be absolute.
fn expand_dir(text: &str) -> Result<PathBuf, String> {
    let home = || {
        directories::BaseDirs::new()
            .map(|dirs| dirs.home_dir().to_path_buf())
            .ok_or_else(|| format!("cannot expand {text:?}: no home directory"))
    };
    let path = if text.is_empty() {
        return Err("data_dir is empty; leave it out to use the default".to_string());
    } else if text == "~" {
        home()?
    } else if let Some(rest) = text.strip_prefix("~/") {
        home()?.join(rest)
    } else {
        PathBuf::from(text)
    };
    if path.is_absolute() {
        Ok(path)
    } else {
        Err(format!(
            "data_dir {text:?} is relative; give an absolute path or start it with ~/"
        ))
    }
}

/// A commented config file: every setting at its default or commented out, each explained,
/// and every action `[keys]` can rebind. It parses to [`Config::default`].
pub fn default_file() -> String {
    let mut out = String::from(
        "# partnerbook's config file. Every setting is optional; the values shown are the defaults.\n\
         # `partnerbook config --path` prints where it is read from (--config or $PARTNERBOOK_CONFIG\n\
         # name another file).\n\
         \n\
         # Colours: \"dark\" or \"light\". NO_COLOR in the environment always wins.\n\
         theme = \"dark\"\n\
         \n\
         # Where reviews are kept. --data-dir and $PARTNERBOOK_DATA_DIR win over it; a leading ~/\n\
         # is the home directory. Default: the platform data dir, e.g. ~/.local/share/partnerbook.\n\
         # data_dir = \"~/partnerbook\"\n\
         \n\
         # New keys for an action, replacing its keys everywhere it is bound: one key name or a list.\n\
         # Key names: one character (q, G, ?), space, enter, esc, tab, backtab, backspace, delete,\n\
         # insert, up, down, left, right, home, end, pageup, pagedown, f1-f12; put ctrl- or alt- in\n\
         # front for a chord (ctrl-s, alt-x). Single characters keep their case: G is Shift-g.\n\
         [keys]\n\
         # open_history = [\"o\", \"ctrl-o\"]\n\
         # save = \"ctrl-s\"\n\
         #\n\
         # The actions that can be rebound:\n",
    );
    for names in Action::rebindable_names().chunks(5) {
        out.push_str(&format!("#   {}\n", names.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests;
