//! Random input: long sequences of key presses, pastes and resizes driven through the app
//! and rendered, asserting no panic and that the review's invariants hold throughout.

use crate::common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::action::Action;
use partnerbook::app::{App, Effect, Popup};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Paste(String),
    Draw(u16, u16),
    Click(u16, u16),
    Wheel(u16, u16, bool),
}

fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => proptest::sample::select(vec!['?', 'q', 'y', 'n', ' ', '0', '5', 'j', 'k', 'G', 'g', 'é', 'o', 'c', 'd', 'p', 's', 'f', 't', 'a', '/', 'n', 'N', ']', '[']),
        1 => proptest::sample::select(vec!['会', '議', '🙂', '\u{301}', '\u{200d}', 'ß', '👩']),
        1 => any::<char>(),
    ]
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let special = proptest::sample::select(vec![
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    prop_oneof![
        6 => text_char().prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        3 => special.prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE)),
        1 => proptest::sample::select(vec!['s', 'z', 'y', 'a', 'e', 'w', 'k', 'u']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => proptest::sample::select(vec![KeyCode::Left, KeyCode::Right]).prop_map(|code| KeyEvent::new(code, KeyModifiers::CONTROL)),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        20 => key().prop_map(Input::Key),
        1 => proptest::collection::vec(text_char(), 0..40).prop_map(|cs| Input::Paste(cs.into_iter().collect())),
        2 => (1u16..300, 1u16..100).prop_map(|(w, h)| Input::Draw(w, h)),
        2 => (0u16..200, 0u16..60).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (0u16..200, 0u16..60, any::<bool>()).prop_map(|(x, y, down)| Input::Wheel(x, y, down)),
    ]
}

fn check_invariants(app: &App) {
    let review = &app.review;
    let yes = review.answers.iter().filter(|a| **a == Some(true)).count();
    assert_eq!(review.score(), yes);
    assert!(review.score() <= review.answered() && review.answered() <= 10);
    assert!(review.practised() <= 9 && review.rated() <= 9);
    assert!(
        review
            .skills
            .iter()
            .all(|s| s.rating.is_none_or(|r| (1..=5).contains(&r)))
    );
    assert!(app.selected.question < 10 && app.selected.skill < 9);
    assert!(app.selected.next_step < app.next_steps_rows());
    assert!(app.history.selected < app.history.rows.len().max(1));
    if let Some(Popup::Focus { selected }) = app.popup {
        assert!(selected < app.suggestions().len().max(1));
    }
    assert!(app.guide.scroll() < app.guide.lines().len());
    if let Some(editor) = &app.editor {
        let item = app.selected_item().expect("editing an item, not a plan");
        assert_eq!(
            review.item(item),
            editor.lines().join("\n"),
            "typed text reached the review"
        );
    }
}

/// A data dir holding three generated reviews, made once and never written to (the app's
/// store writes nowhere), so every session starts from the same history.
fn fixture_dir() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = partnerbook::storage::store::Store::new(tmp.path());
        let newest = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
        let wb = partnerbook::domain::content::Workbook::embedded();
        partnerbook::storage::fixtures::write_history(&store, wb, 3, newest, 91).expect("fixtures");
        tmp
    })
    .path()
}

fn discard_writes(_: &std::path::Path, _: &[u8]) -> std::io::Result<()> {
    Ok(())
}

fn run_session(inputs: Vec<Input>) {
    let mut app = app_in(fixture_dir());
    app.store = partnerbook::storage::store::Store::new(fixture_dir()).with_writer(discard_writes);
    for input in inputs {
        let effect = match input {
            Input::Key(key) => app.handle_key(key),
            Input::Paste(text) => app.update(Action::Paste(text)),
            Input::Draw(w, h) => {
                app.set_viewport(w, h);
                render(&mut app, w, h);
                None
            }
            Input::Click(x, y) => app.update(Action::Click(x, y)),
            Input::Wheel(x, y, down) => app.update(Action::Scroll(x, y, if down { 1 } else { -1 })),
        };
        check_invariants(&app);
        match effect {
            Some(Effect::Quit) => break,
            // The terminal's edge would run the editor here; an editor that adds words stands in.
            Some(Effect::EditOutside { item, text }) => {
                app.finish_external_edit(item, Ok::<String, String>(format!("{text} and more")));
                check_invariants(&app);
            }
            None => {}
        }
    }
    render(&mut app, 80, 24);
}

proptest! {
    // A few hundred sessions in the default run; set PARTNERBOOK_PROPTEST_CASES for more.
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn random_sessions_never_panic_and_keep_invariants(inputs in proptest::collection::vec(input(), 1..300)) {
        run_session(inputs);
    }
}

proptest! {
    // The long run: 100,000 sessions (`cargo test --release --test random_input -- --ignored`).
    #![proptest_config(ProptestConfig::with_cases(cases(100_000)))]

    #[test]
    #[ignore = "long run: 100,000 random sessions"]
    fn a_hundred_thousand_random_sessions(inputs in proptest::collection::vec(input(), 1..300)) {
        run_session(inputs);
    }
}
