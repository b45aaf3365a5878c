//! App tests: key presses in, state and rendered screen out.

use crate::common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::action::Action;
use partnerbook::app::{Effect, Next, Pane, Popup, SaveState, Screen};

#[test]
fn seven_yes_and_three_no_score_seven() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yyyyyyynnn");
    assert_eq!(app.review.score(), 7);
    assert_eq!(app.review.answered(), 10);
    let screen = screen(&mut app, 120, 40);
    assert!(screen.contains("Score 7/10"), "{screen}");
    assert!(screen.contains("10 of 10 answered"), "{screen}");
    assert!(screen.contains("Could be more productive"), "{screen}");
}

#[test]
fn answering_moves_to_the_next_question_and_stops_at_the_last() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yn");
    assert_eq!(app.selected.question, 2);
    type_text(&mut app, "yyyyyyyyyy");
    assert_eq!(app.selected.question, 9);
    assert_eq!(app.review.answers[9], Some(true));
}

#[test]
fn backspace_clears_the_selected_answer() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "y");
    press(&mut app, &[KeyCode::Up, KeyCode::Backspace]);
    assert_eq!(app.review.answers[0], None);
    assert_eq!(app.save_state(), SaveState::New);
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Pane::Skills);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(app.focus, Pane::Assessment);
    press(&mut app, &[KeyCode::BackTab]);
    assert_eq!(app.focus, Pane::NextSteps);
}

#[test]
fn skills_toggle_rate_and_clear() {
    let (_tmp, mut app) = new_app();
    press(
        &mut app,
        &[
            KeyCode::Tab,
            KeyCode::Char(' '),
            KeyCode::Char('j'),
            KeyCode::Char(' '),
        ],
    );
    type_text(&mut app, "4");
    assert_eq!(app.review.practised(), 2);
    assert_eq!(app.review.skills[1].rating, Some(4));
    let screen = screen(&mut app, 120, 40);
    assert!(screen.contains("2/9 practised well"), "{screen}");
    assert!(screen.contains("●●●●○"), "{screen}");
    type_text(&mut app, "0");
    assert_eq!(app.review.skills[1].rating, None);
}

#[test]
fn q_typed_while_editing_is_text_not_quit() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::BackTab, KeyCode::Enter]);
    assert_eq!(type_text(&mut app, "quiet? yes, no"), None);
    assert!(app.editor.is_some());
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.editor.is_none());
    assert_eq!(app.review.next_steps[0][0], "quiet? yes, no");
    assert!(screen(&mut app, 120, 40).contains("quiet? yes, no"));
}

#[test]
fn enter_moves_on_to_the_next_item_and_wide_text_survives() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::BackTab, KeyCode::Enter]);
    type_text(&mut app, "会議の準備 🙂");
    press(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "naïve café");
    press(
        &mut app,
        &[KeyCode::Left, KeyCode::Left, KeyCode::Backspace],
    );
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(
        app.review.next_steps[0],
        [
            "会議の準備 🙂".to_string(),
            "naïve cfé".into(),
            String::new()
        ]
    );
}

#[test]
fn undo_and_word_jumps_use_the_editor() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::BackTab, KeyCode::Enter]);
    type_text(&mut app, "one two");
    app.update(Action::WordLeft);
    type_text(&mut app, "X");
    assert_eq!(app.review.item(0), "one Xtwo");
    app.handle_key(ctrl('z'));
    assert_eq!(app.review.item(0), "one two");
    app.handle_key(ctrl('y'));
    assert_eq!(app.review.item(0), "one Xtwo");
}

#[test]
fn paste_lands_in_the_item_on_one_line() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::BackTab]);
    app.update(Action::Paste("line one\nline two\n".into()));
    assert_eq!(app.review.item(0), "line one line two");
}

#[test]
fn ctrl_s_saves_while_editing_and_the_title_says_saved() {
    let (tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::BackTab, KeyCode::Enter]);
    type_text(&mut app, "draft");
    assert_eq!(app.save_state(), SaveState::Unsaved);
    app.handle_key(ctrl('s'));
    assert_eq!(app.save_state(), SaveState::Saved);
    assert!(app.editor.is_some(), "still editing after save");
    let file = std::fs::read_to_string(tmp.path().join("snapshots/2026-11-22.toml")).expect("file");
    assert!(file.contains("\"draft\""), "{file}");
    assert!(
        file.contains("saved_at = 2026-11-22T09:30:00+01:00"),
        "{file}"
    );
    assert!(
        screen(&mut app, 120, 40)
            .lines()
            .next()
            .unwrap_or("")
            .contains("saved")
    );
}

#[test]
fn relaunching_opens_todays_saved_review() {
    let (tmp, mut app) = new_app();
    type_text(&mut app, "yyn");
    app.handle_key(ctrl('s'));
    let again = app_in(tmp.path());
    assert_eq!(again.review, app.review);
    assert_eq!(again.save_state(), SaveState::Saved);
}

#[test]
fn quit_without_changes_exits_at_once() {
    let (_tmp, mut app) = new_app();
    assert_eq!(type_text(&mut app, "q"), Some(Effect::Quit));
}

#[test]
fn quit_with_changes_asks_and_cancel_keeps_working() {
    let (_tmp, mut app) = new_app();
    assert_eq!(type_text(&mut app, "yq"), None);
    assert_eq!(app.popup, Some(Popup::Unsaved(Next::Quit)));
    assert!(screen(&mut app, 80, 24).contains("Unsaved changes"));
    assert_eq!(press(&mut app, &[KeyCode::Esc]), None);
    assert_eq!(app.popup, None);
    assert_eq!(app.review.answers[0], Some(true));
}

#[test]
fn quit_prompt_save_writes_then_exits() {
    let (tmp, mut app) = new_app();
    assert_eq!(type_text(&mut app, "yqs"), Some(Effect::Quit));
    assert!(tmp.path().join("snapshots/2026-11-22.toml").exists());
}

#[test]
fn quit_prompt_discard_exits_without_writing() {
    let (tmp, mut app) = new_app();
    assert_eq!(
        app.handle_key(ctrl('c')),
        Some(Effect::Quit),
        "nothing to lose: Ctrl-C quits at once"
    );
    let mut app = app_in(tmp.path());
    type_text(&mut app, "y");
    app.handle_key(ctrl('c'));
    assert_eq!(type_text(&mut app, "d"), Some(Effect::Quit));
    assert!(!tmp.path().join("snapshots").exists());
}

#[test]
fn a_failed_save_keeps_the_edits_and_says_why() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let blocker = tmp.path().join("data");
    let mut app = app_in(&blocker);
    std::fs::write(&blocker, "not a directory").expect("write");
    type_text(&mut app, "y");
    app.handle_key(ctrl('s'));
    assert_eq!(app.save_state(), SaveState::Unsaved);
    let status = app.status.clone().expect("status");
    assert!(
        status.is_error && status.text.contains("not a directory"),
        "{status:?}"
    );
    assert!(screen(&mut app, 120, 40).contains("Not saved"));
}

#[test]
fn help_lists_keys_of_every_pane_and_esc_closes_it() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "?");
    let mut shown = screen(&mut app, 120, 40);
    for _ in 0..3 {
        press(&mut app, &[KeyCode::PageDown]);
        shown.push_str(&screen(&mut app, 120, 40));
    }
    for expected in [
        "Self-assessment",
        "Essential skills",
        "answer Yes",
        "rate yourself",
        "edit the item",
        "read the guide",
    ] {
        assert!(shown.contains(expected), "missing {expected}:\n{shown}");
    }
    type_text(&mut app, "y");
    assert_eq!(
        app.review.answered(),
        0,
        "keys under the help overlay do nothing"
    );
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.popup, None);
}

#[test]
fn a_tiny_terminal_shows_what_size_is_needed() {
    let (_tmp, mut app) = new_app();
    let shown = screen(&mut app, 40, 10);
    assert!(shown.contains("too small"), "{shown}");
    assert!(shown.contains("60×16"), "{shown}");
    for (w, h) in [(1, 1), (2, 1), (59, 16), (60, 15), (60, 16), (300, 100)] {
        render(&mut app, w, h);
    }
}

#[test]
fn help_scrolls_within_its_text() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "?");
    for _ in 0..500 {
        press(&mut app, &[KeyCode::Down]);
    }
    let Some(Popup::Help { scroll }) = app.popup else {
        panic!("help open")
    };
    assert_eq!(
        usize::from(scroll),
        partnerbook::keymap::help_line_count() - 1
    );
    let at_end = screen(&mut app, 80, 24);
    assert!(
        at_end.contains("close help"),
        "the end of the help is in view"
    );
    // ↑ at the end moves the text at once: no presses are spent below the last screenful.
    press(&mut app, &[KeyCode::Up]);
    assert_ne!(screen(&mut app, 80, 24), at_end);
    assert!(!screen(&mut app, 80, 24).contains("close help"));
}

#[test]
fn esc_run_together_with_a_letter_counts_as_both_presses() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "plan");
    let alt = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
    app.handle_key(alt('j'));
    assert!(app.editor.is_none(), "Esc ended the edit");
    assert_eq!(app.selected.next_step, 1, "then j moved down");
    assert_eq!(app.review.item(0), "plan");
    app.handle_key(alt('q'));
    assert_eq!(app.popup, Some(Popup::Unsaved(Next::Quit)));
}

#[test]
fn status_messages_fade_errors_last_longer() {
    use std::time::Duration;
    let (_tmp, mut app) = new_app();
    app.handle_key(ctrl('s'));
    assert!(app.status.as_ref().is_some_and(|s| !s.is_error));
    assert!(!app.fade_status(Duration::from_secs(3)));
    assert!(app.fade_status(Duration::from_secs(4)));
    assert!(app.status.is_none());
    assert!(!app.fade_status(Duration::from_secs(60)), "nothing to fade");

    app.set_locked_elsewhere();
    app.handle_key(key(KeyCode::Char('y')));
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
    assert!(!app.fade_status(Duration::from_secs(5)));
    assert!(app.fade_status(Duration::from_secs(10)));
}

#[test]
fn while_the_terminal_is_too_small_only_quitting_does_anything() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "Keep me");
    press(
        &mut app,
        &[KeyCode::Esc, KeyCode::BackTab, KeyCode::BackTab],
    );
    let before = app.review.clone();
    app.set_viewport(50, 12);
    assert!(screen(&mut app, 50, 12).contains("Terminal too small"));
    for c in ['y', 'n', 'o', 'g', '?', ' ', 'u'] {
        assert_eq!(app.handle_key(key(KeyCode::Char(c))), None, "{c}");
    }
    press(&mut app, &[KeyCode::Delete, KeyCode::Tab, KeyCode::Enter]);
    app.update(Action::Paste("pasted".into()));
    app.update(Action::Click(3, 3));
    assert_eq!(app.review, before, "the hidden review is unchanged");
    assert_eq!(
        (app.screen.clone(), app.popup.clone()),
        (Screen::Workbook, None)
    );
    assert_eq!(app.focus, Pane::Assessment);
    assert!(screen(&mut app, 50, 12).contains("kept and offered next time"));
    assert_eq!(
        app.handle_key(key(KeyCode::Char('q'))),
        Some(Effect::Quit),
        "q quits at once: no prompt can be seen"
    );
    assert!(
        app.draft_text().is_some(),
        "the unsaved item goes to the draft"
    );

    app.set_viewport(80, 24);
    assert_eq!(app.handle_key(key(KeyCode::Char('y'))), None);
    assert_eq!(
        app.review.answers[0],
        Some(true),
        "keys work again once it fits"
    );
}

#[test]
fn u_undoes_answers_ticks_ratings_and_an_emptied_item_and_ctrl_r_redoes() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yn");
    press(&mut app, &[KeyCode::Tab]);
    type_text(&mut app, " 4");
    press(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "Ask for the priorities");
    press(&mut app, &[KeyCode::Esc, KeyCode::Delete]);
    let status = app.status.clone().expect("status").text;
    assert!(
        status.contains("Emptied item 1") && status.contains("u brings it back"),
        "{status}"
    );
    assert_eq!(app.review.item(0), "");

    type_text(&mut app, "u");
    assert_eq!(app.review.item(0), "Ask for the priorities");
    assert!(
        app.status
            .clone()
            .expect("s")
            .text
            .starts_with("Undid emptying item 1")
    );
    type_text(&mut app, "u");
    assert_eq!(app.review.item(0), "", "the typing was one step");
    type_text(&mut app, "u");
    assert_eq!(app.review.skills[0].rating, None);
    let status = app.status.clone().expect("status").text;
    assert!(
        status.contains("the rating of") && status.contains("^R redoes"),
        "{status}"
    );
    app.handle_key(ctrl('z'));
    assert!(!app.review.skills[0].practised);
    type_text(&mut app, "uu");
    assert_eq!(app.review.answers[..2], [None, None]);
    type_text(&mut app, "u");
    assert_eq!(app.status.clone().expect("s").text, "Nothing to undo.");

    app.handle_key(ctrl('r'));
    assert_eq!(app.review.answers[0], Some(true));
    app.handle_key(ctrl('y'));
    assert_eq!(app.review.answers[1], Some(false));
    assert!(
        app.status
            .clone()
            .expect("s")
            .text
            .contains("the No to question 2")
    );
    assert_eq!(app.undo.redo_len(), 4);
    press(&mut app, &[KeyCode::BackTab, KeyCode::BackTab]);
    type_text(&mut app, "y");
    assert_eq!(
        app.undo.redo_len(),
        0,
        "a new change forgets what was undone"
    );
}

#[test]
fn a_hundred_and_fifty_changes_are_all_undone_in_order() {
    let (_tmp, mut app) = new_app();
    let mut seen = vec![app.review.clone()];
    for i in 0..150 {
        let code = if i % 3 == 0 { 'n' } else { 'y' };
        press(&mut app, &[KeyCode::Char(code)]);
        if i % 10 == 9 {
            press(&mut app, &[KeyCode::Home]);
        }
        if seen.last() != Some(&app.review) {
            seen.push(app.review.clone());
        }
    }
    assert!(seen.len() > 100, "{} distinct states", seen.len());
    while seen.len() > 1 {
        seen.pop();
        type_text(&mut app, "u");
        assert_eq!(Some(&app.review), seen.last());
    }
    assert_eq!(app.save_state(), SaveState::New);
}

#[test]
fn taking_up_a_suggestion_and_a_plans_status_are_undone() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "n");
    press(&mut app, &[KeyCode::Up]);
    type_text(&mut app, "a");
    assert!(app.editor.is_some(), "the suggestion opens for editing");
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.review.items_written(), 1);
    type_text(&mut app, "u");
    assert_eq!(app.review.items_written(), 0);
    assert!(
        app.status
            .clone()
            .expect("s")
            .text
            .contains("taking up a suggestion")
    );
    assert_eq!(app.review.answers[0], Some(false), "the answer stays");
}

#[test]
fn drawing_reads_the_app_and_hides_no_state_behind_it() {
    // Views draw from `&App`; what a frame laid out comes back as a value. Interior
    // mutability in the app or the views would let a draw change state unseen.
    for dir in ["src/app", "src/ui"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&path).expect("source dir").flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("source");
            for word in ["RefCell", "Cell<", "Cell::new", "OnceCell", "Mutex"] {
                assert!(
                    !text.contains(word),
                    "{} uses {word}",
                    entry.path().display()
                );
            }
        }
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = partnerbook::storage::store::Store::new(tmp.path());
    let wb = partnerbook::domain::content::Workbook::embedded();
    partnerbook::storage::fixtures::write_history(&store, wb, 30, today(), 30).expect("fixtures");
    let mut app = app_in(tmp.path());
    type_text(&mut app, "o");
    let before = app.history.page;
    let laid = partnerbook::ui::draw(&app, ratatui::layout::Rect::new(0, 0, 80, 24), &mut {
        ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24))
    });
    assert_eq!(app.history.page, before, "a draw alone changes nothing");
    app.absorb(laid.clone());
    let (page, _) = laid.history.expect("the list was drawn");
    assert_ne!(page, before, "80×24 shows fewer rows than the default page");
    assert_eq!(app.history.page, page);
}

/// The keymap with `save`, `save_copy`, `open_history`, `undo_change` and the history and guide
/// keys moved to function keys, so no default label may appear in a message.
fn rebound_keys() -> partnerbook::keymap::Keymap {
    use partnerbook::keymap::{Keymap, Rebind, parse_chord};
    let moved = [
        (Action::Save, "f2"),
        (Action::SaveCopy, "f3"),
        (Action::OpenHistory, "f4"),
        (Action::UndoChange, "f5"),
        (Action::RedoChange, "f6"),
        (Action::ToggleMark, "f7"),
        (Action::Compare, "f8"),
        (Action::StartEditing, "f9"),
        (Action::StopEditing, "f10"),
    ];
    Keymap::new(
        moved
            .into_iter()
            .map(|(action, key)| Rebind {
                action,
                keys: vec![parse_chord(key).expect("key name")],
            })
            .collect(),
    )
}

#[test]
fn messages_name_the_keys_as_the_user_has_rebound_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, "x").expect("write");
    let mut app = app_in(&file);
    app.set_keys(rebound_keys());
    let mut said = vec![app.status.clone().expect("the data dir problem").text];
    app.update(Action::AnswerYes);
    app.update(Action::Save);
    said.push(app.status.clone().expect("not saved").text);

    let (_tmp, mut app) = new_app();
    app.set_keys(rebound_keys());
    app.update(Action::NextPane);
    app.update(Action::NextPane);
    said.push(screen(&mut app, 120, 40));
    app.update(Action::StartEditing);
    app.update(Action::Paste("Plan".into()));
    app.update(Action::StopEditing);
    app.update(Action::ClearItem);
    said.push(app.status.clone().expect("emptied").text);
    app.update(Action::UndoChange);
    said.push(app.status.clone().expect("undone").text);
    app.update(Action::OpenHistory);
    app.update(Action::Compare);
    said.push(app.status.clone().expect("nothing to compare").text);
    said.push(screen(&mut app, 80, 24));
    let all = said.join("\n");
    for default in [
        "^S",
        "Ctrl-S",
        "^W",
        "Ctrl-W",
        "u brings",
        "^R",
        "press c",
        "Space",
        "Enter to write",
    ] {
        assert!(!all.contains(default), "{default:?} is named in:\n{all}");
    }
    for rebound in ["F2", "F3", "F5", "F6", "F9"] {
        assert!(all.contains(rebound), "{rebound} is named in:\n{all}");
    }
}

#[test]
fn esc_then_del_typed_quickly_stops_editing_then_empties_the_item() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "Ask for feedback");
    // The terminal merged the two presses into one: Delete with Alt held.
    app.handle_key(KeyEvent::new(KeyCode::Delete, KeyModifiers::ALT));
    assert!(app.editor.is_none(), "Esc stopped editing");
    assert_eq!(app.review.item(0), "", "Del emptied the item");
    type_text(&mut app, "u");
    assert_eq!(app.review.item(0), "Ask for feedback");
}
