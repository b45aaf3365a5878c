//! Key names as the config file writes them (`ctrl-s`, `G`, `pagedown`) and chord labels as
//! the help overlay shows them (`^S`, `G`, `PgDn`).

use crossterm::event::{KeyCode, KeyModifiers};

use super::chord::Chord;

/// Named keys: every name (lower case) the config file accepts for a key, with its code.
/// The first name of each key is the one `partnerbook config --default` documents.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
];

/// Modifier prefixes (lower case) and the modifier each one adds.
const PREFIXES: &[(&str, KeyModifiers)] = &[
    ("ctrl-", KeyModifiers::CONTROL),
    ("c-", KeyModifiers::CONTROL),
    ("alt-", KeyModifiers::ALT),
    ("a-", KeyModifiers::ALT),
];

/// Parses a key name such as `q`, `G`, `?`, `space`, `ctrl-s`, `alt-left` or `f2`.
///
/// Named keys and the `ctrl-` / `alt-` (or `c-` / `a-`) prefixes ignore case; a single
/// character does not (`G` is Shift-g). Under Ctrl a letter is taken in lower case, since
/// terminals send Ctrl-S and Ctrl-s alike. The error is a short reason, without the name's
/// position.
pub fn parse_chord(text: &str) -> Result<Chord, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    'prefixes: loop {
        for (prefix, modifier) in PREFIXES {
            let Some(head) = rest.get(..prefix.len()) else {
                continue;
            };
            if head.eq_ignore_ascii_case(prefix) {
                rest = &rest[prefix.len()..];
                if rest.is_empty() {
                    return Err(format!("key name {text:?} has no key after {head:?}"));
                }
                mods |= *modifier;
                continue 'prefixes;
            }
        }
        break;
    }
    let code = key_code(rest).ok_or_else(|| unknown(text, rest))?;
    let code = match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        code => code,
    };
    Ok(Chord { code, mods })
}

/// The key code a name without prefixes stands for.
fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(named, _)| *named == lower) {
        return Some(*code);
    }
    let number = lower.strip_prefix('f')?.parse::<u8>().ok()?;
    (1..=12).contains(&number).then_some(KeyCode::F(number))
}

/// The error for a name that is no key: an unknown modifier, or an unknown key.
fn unknown(text: &str, rest: &str) -> String {
    match rest.split_once('-') {
        Some((modifier, key)) if !modifier.is_empty() && !key.is_empty() => {
            format!("key name {text:?} has an unknown modifier {modifier:?} (use ctrl- or alt-)")
        }
        _ => format!(
            "unknown key name {text:?} (use one character, or space, enter, esc, tab, backtab, \
             backspace, delete, insert, up, down, left, right, home, end, pageup, pagedown, f1–f12)"
        ),
    }
}

/// A chord written the way the help overlay writes keys: `^S`, `Alt-x`, `Space`, `⇧Tab`, `PgDn`…
pub fn chord_label(chord: &Chord) -> String {
    let mut label = String::new();
    let ctrl = chord.mods.contains(KeyModifiers::CONTROL);
    if ctrl {
        label.push('^');
    }
    if chord.mods.contains(KeyModifiers::ALT) {
        label.push_str("Alt-");
    }
    let key = match chord.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if ctrl => c.to_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "⇧Tab".to_string(),
        KeyCode::Backspace => "⌫".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::Insert => "Ins".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    label.push_str(&key);
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(code: KeyCode, mods: KeyModifiers) -> Chord {
        Chord { code, mods }
    }

    #[test]
    fn every_named_key_parses_and_labels_like_the_help() {
        let cases = [
            ("q", "q"),
            ("G", "G"),
            ("?", "?"),
            ("space", "Space"),
            ("enter", "Enter"),
            ("esc", "Esc"),
            ("tab", "Tab"),
            ("backtab", "⇧Tab"),
            ("shift-tab", "⇧Tab"),
            ("backspace", "⌫"),
            ("delete", "Del"),
            ("del", "Del"),
            ("insert", "Ins"),
            ("up", "↑"),
            ("down", "↓"),
            ("left", "←"),
            ("right", "→"),
            ("home", "Home"),
            ("end", "End"),
            ("pageup", "PgUp"),
            ("pagedown", "PgDn"),
            ("f1", "F1"),
            ("f2", "F2"),
            ("f12", "F12"),
            ("ctrl-s", "^S"),
            ("ctrl-left", "^←"),
            ("alt-x", "Alt-x"),
            ("alt-left", "Alt-←"),
            ("ctrl-alt-s", "^Alt-S"),
            ("ctrl-space", "^Space"),
        ];
        for (name, label) in cases {
            let parsed = parse_chord(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(chord_label(&parsed), label, "{name}");
        }
    }

    #[test]
    fn named_keys_and_prefixes_ignore_case_but_single_characters_do_not() {
        assert_eq!(parse_chord("PageDown"), parse_chord("pagedown"));
        assert_eq!(
            parse_chord("ESC"),
            Ok(chord(KeyCode::Esc, KeyModifiers::NONE))
        );
        assert_eq!(
            parse_chord("Ctrl-S"),
            Ok(chord(KeyCode::Char('s'), KeyModifiers::CONTROL))
        );
        assert_eq!(parse_chord("c-s"), parse_chord("ctrl-s"));
        assert_eq!(
            parse_chord("A-x"),
            Ok(chord(KeyCode::Char('x'), KeyModifiers::ALT))
        );
        assert_eq!(
            parse_chord("F5"),
            Ok(chord(KeyCode::F(5), KeyModifiers::NONE))
        );
        assert_eq!(
            parse_chord("G"),
            Ok(chord(KeyCode::Char('G'), KeyModifiers::NONE))
        );
        assert_ne!(parse_chord("G"), parse_chord("g"));
        assert_eq!(
            parse_chord("alt-G"),
            Ok(chord(KeyCode::Char('G'), KeyModifiers::ALT))
        );
    }

    #[test]
    fn a_dash_and_a_letter_that_looks_like_a_prefix_are_keys() {
        let minus = chord(KeyCode::Char('-'), KeyModifiers::NONE);
        assert_eq!(parse_chord("-"), Ok(minus));
        assert_eq!(
            parse_chord("ctrl--"),
            Ok(chord(KeyCode::Char('-'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse_chord("c"),
            Ok(chord(KeyCode::Char('c'), KeyModifiers::NONE))
        );
        assert_eq!(
            parse_chord("a"),
            Ok(chord(KeyCode::Char('a'), KeyModifiers::NONE))
        );
    }

    #[test]
    fn the_labels_of_the_global_table_come_out_of_its_chords() {
        use crate::action::Action;
        for (action, label) in [
            (Action::Help, "?"),
            (Action::PrevPane, "⇧Tab"),
            (Action::Save, "^S"),
        ] {
            let binding = super::super::GLOBAL
                .iter()
                .find(|binding| binding.action == action)
                .expect("bound globally");
            assert_eq!(chord_label(&binding.keys[0]), label, "{action:?}");
        }
    }

    #[test]
    fn names_that_are_no_key_are_refused_with_a_reason() {
        for (name, reason) in [
            ("ctrl-", "no key after"),
            ("alt-", "no key after"),
            ("hyper-x", "unknown modifier \"hyper\""),
            ("ab", "unknown key name \"ab\""),
            ("", "unknown key name \"\""),
            ("f0", "unknown key name"),
            ("f13", "unknown key name"),
            ("ctrl-pagedownn", "unknown key name"),
        ] {
            let error = parse_chord(name).expect_err(name);
            assert!(error.contains(reason), "{name}: {error}");
            assert!(!error.contains('\n'), "{name}: {error}");
        }
    }
}
