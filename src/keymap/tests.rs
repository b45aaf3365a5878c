//! Unit tests of key resolution: priority, text while editing, and table hygiene.

use super::*;
use crate::domain::review::Progress;
use crossterm::event::{KeyCode, KeyModifiers};

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press_ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn pane_keys_come_before_global_keys() {
    assert_eq!(
        resolve(Context::Assessment, &press(KeyCode::Char('y'))),
        Some(Action::AnswerYes)
    );
    assert_eq!(
        resolve(Context::Skills, &press(KeyCode::Char('3'))),
        Some(Action::Rate(3))
    );
    assert_eq!(
        resolve(Context::Skills, &press(KeyCode::Tab)),
        Some(Action::NextPane)
    );
    assert_eq!(
        resolve(Context::NextSteps, &press(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
}

#[test]
fn every_printable_key_is_text_while_editing() {
    for c in ['q', 'y', 'n', '?', ' ', '1', 'é', '界'] {
        let event = press(KeyCode::Char(c));
        assert_eq!(
            resolve(Context::Editing, &event),
            Some(Action::EditKey(event)),
            "{c}"
        );
    }
    let shifted = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert_eq!(
        resolve(Context::Editing, &shifted),
        Some(Action::EditKey(shifted))
    );
}

#[test]
fn save_and_quit_work_while_editing() {
    assert_eq!(
        resolve(Context::Editing, &press_ctrl('s')),
        Some(Action::Save)
    );
    assert_eq!(
        resolve(Context::Editing, &press_ctrl('c')),
        Some(Action::Quit)
    );
    assert_eq!(
        resolve(Context::Editing, &press(KeyCode::Esc)),
        Some(Action::StopEditing)
    );
}

#[test]
fn popups_ignore_pane_and_global_keys() {
    assert_eq!(resolve(Context::Help, &press(KeyCode::Char('y'))), None);
    assert_eq!(resolve(Context::QuitPrompt, &press(KeyCode::Tab)), None);
    assert_eq!(
        resolve(Context::QuitPrompt, &press(KeyCode::Esc)),
        Some(Action::ClosePopup)
    );
}

#[test]
fn shift_tab_is_previous_pane() {
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        resolve(Context::Assessment, &back_tab),
        Some(Action::PrevPane)
    );
}

#[test]
fn control_is_not_ignored() {
    assert_eq!(resolve(Context::Assessment, &press_ctrl('n')), None);
    assert_eq!(
        resolve(Context::Assessment, &press_ctrl('y')),
        Some(Action::RedoChange)
    );
}

#[test]
fn history_opens_from_every_pane_but_o_is_text_while_editing() {
    let o = press(KeyCode::Char('o'));
    for context in [
        Context::Assessment,
        Context::Skills,
        Context::NextSteps,
        Context::FollowUp,
    ] {
        assert_eq!(
            resolve(context, &o),
            Some(Action::OpenHistory),
            "{context:?}"
        );
    }
    assert_eq!(resolve(Context::Editing, &o), Some(Action::EditKey(o)));
}

#[test]
fn the_draft_prompt_has_no_way_out_but_restore_or_discard() {
    let draft = |code| resolve(Context::DraftPrompt, &press(code));
    assert_eq!(draft(KeyCode::Char('r')), Some(Action::RestoreDraft));
    assert_eq!(draft(KeyCode::Char('d')), Some(Action::DiscardDraft));
    assert_eq!(draft(KeyCode::Esc), None);
    assert_eq!(draft(KeyCode::Char('q')), None);
}

#[test]
fn the_save_as_prompt_takes_text() {
    let slash = press(KeyCode::Char('/'));
    assert_eq!(
        resolve(Context::SaveAs, &slash),
        Some(Action::EditKey(slash))
    );
    assert_eq!(
        resolve(Context::SaveAs, &press(KeyCode::Enter)),
        Some(Action::ConfirmSaveCopy)
    );
}

#[test]
fn history_and_compare_keys() {
    let history = |code| resolve(Context::History, &press(code));
    assert_eq!(history(KeyCode::Enter), Some(Action::OpenSelected));
    assert_eq!(history(KeyCode::Char(' ')), Some(Action::ToggleMark));
    assert_eq!(history(KeyCode::Char('c')), Some(Action::Compare));
    assert_eq!(history(KeyCode::Char('n')), Some(Action::OpenToday));
    assert_eq!(history(KeyCode::PageDown), Some(Action::PageDown));
    assert_eq!(history(KeyCode::Esc), Some(Action::CloseView));
    assert_eq!(history(KeyCode::Tab), None, "panes are not behind history");
    assert_eq!(
        resolve(Context::Compare, &press(KeyCode::Esc)),
        Some(Action::CloseView)
    );
}

#[test]
fn follow_up_rows_take_status_keys_and_fall_back_to_global() {
    let follow_up = |c| resolve(Context::FollowUp, &press(KeyCode::Char(c)));
    assert_eq!(follow_up('d'), Some(Action::MarkProgress(Progress::Done)));
    assert_eq!(follow_up('p'), Some(Action::MarkProgress(Progress::Partly)));
    assert_eq!(follow_up('n'), Some(Action::MarkProgress(Progress::NotYet)));
    assert_eq!(follow_up('q'), Some(Action::Quit));
    assert!(hints(Context::FollowUp).contains(&("p", "partly")));
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in <Context as strum::IntoEnumIterator>::iter() {
        let chords: Vec<Chord> = table(context)
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, chord) in chords.iter().enumerate() {
            assert!(
                !chords[i + 1..].contains(chord),
                "{context:?} binds {chord:?} twice"
            );
        }
    }
}

#[test]
fn help_lists_every_labelled_binding() {
    let sections = help_sections();
    let rows: usize = sections.iter().map(|(_, rows)| rows.len()).sum();
    let labelled = <Context as strum::IntoEnumIterator>::iter()
        .flat_map(|context| table(context).iter())
        .filter(|b| !b.label.is_empty())
        .count();
    assert_eq!(rows, labelled);
    assert!(hints(Context::Assessment).contains(&("y", "yes")));
}

#[test]
fn keys_doc_matches_the_tables() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
    let generated = markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).expect("write docs/keys.md");
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/keys.md is out of date: run `UPDATE_DOCS=1 cargo test keys_doc`"
    );
}

#[test]
fn esc_run_together_with_ctrl_s_still_saves() {
    let merged = KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    assert_eq!(resolve(Context::Editing, &merged), Some(Action::Save));
    assert_eq!(resolve(Context::Assessment, &merged), Some(Action::Save));
}

#[test]
fn g_opens_the_guide_everywhere_but_while_typing() {
    for context in [
        Context::Assessment,
        Context::Skills,
        Context::NextSteps,
        Context::History,
        Context::Compare,
    ] {
        assert_eq!(
            resolve(context, &press(KeyCode::Char('g'))),
            Some(Action::OpenGuide),
            "{context:?}"
        );
    }
    let g = press(KeyCode::Char('g'));
    assert_eq!(resolve(Context::Editing, &g), Some(Action::EditKey(g)));
    assert_eq!(resolve(Context::GuideSearch, &g), Some(Action::EditKey(g)));
    assert_eq!(resolve(Context::Guide, &g), Some(Action::CloseView));
}

#[test]
fn a_rebind_replaces_the_keys_and_the_labels() {
    let keys = Keymap::new(vec![Rebind {
        action: Action::OpenHistory,
        keys: vec![
            parse_chord("ctrl-o").expect("chord"),
            parse_chord("F2").expect("chord"),
        ],
    }]);
    let ctrl_o = press_ctrl('o');
    assert_eq!(
        keys.resolve(Context::Assessment, &ctrl_o),
        Some(Action::OpenHistory)
    );
    assert_eq!(
        keys.resolve(Context::Skills, &press(KeyCode::F(2))),
        Some(Action::OpenHistory)
    );
    assert_eq!(
        keys.resolve(Context::Assessment, &press(KeyCode::Char('o'))),
        None
    );
    assert!(keys.hints(Context::Assessment).contains(&("^O", "history")));
    let everywhere = keys.help_sections();
    assert!(
        everywhere[0]
            .1
            .iter()
            .any(|(k, help)| *k == "^O F2" && help.contains("history"))
    );
    // The built-in tables are untouched.
    assert_eq!(
        resolve(Context::Assessment, &press(KeyCode::Char('o'))),
        Some(Action::OpenHistory)
    );
}

#[test]
fn a_rebind_to_a_letter_never_steals_text() {
    let keys = Keymap::new(vec![Rebind {
        action: Action::Save,
        keys: vec![
            parse_chord("s").expect("chord"),
            parse_chord("ctrl-s").expect("chord"),
        ],
    }]);
    let s_key = press(KeyCode::Char('s'));
    assert_eq!(
        keys.resolve(Context::Assessment, &s_key),
        Some(Action::Save)
    );
    assert_eq!(
        keys.resolve(Context::Editing, &s_key),
        Some(Action::EditKey(s_key))
    );
    assert_eq!(
        keys.resolve(Context::Editing, &press_ctrl('s')),
        Some(Action::Save)
    );
}

#[test]
fn a_rebind_onto_a_key_another_action_uses_is_a_clash() {
    let rebind = |action, key: &str| Rebind {
        action,
        keys: vec![parse_chord(key).expect("chord")],
    };
    let clashes = Keymap::new(vec![rebind(Action::OpenHistory, "n")]).clashes();
    let places: Vec<Context> = clashes.iter().map(|c| c.context).collect();
    assert_eq!(
        places,
        [Context::Assessment, Context::FollowUp],
        "{clashes:?}"
    );
    assert!(
        clashes[0]
            .to_string()
            .starts_with("n already means “answer No")
    );
    assert!(
        Keymap::new(vec![rebind(Action::OpenHistory, "F2")])
            .clashes()
            .is_empty()
    );
    assert!(
        Keymap::new(vec![rebind(Action::Save, "ctrl-s")])
            .clashes()
            .is_empty(),
        "its own key again is no clash"
    );
}
