//! App tests of the coaching features: the guide and its search, band tips, focus
//! suggestions turned into Next steps, the mouse, and the `$EDITOR` hand-off.

use crate::common;

use common::*;
use crossterm::event::KeyCode;
use partnerbook::action::Action;
use partnerbook::app::{Effect, Next, Pane, Popup, Screen};
use partnerbook::domain::guide::{self, Guide};
use partnerbook::keymap::Context;
use partnerbook::tui::external_editor::EditorError;

/// The text of the first item of the "do more" list.
fn do_more_first(app: &partnerbook::app::App) -> String {
    app.review.item(3).to_string()
}

#[test]
fn g_opens_the_guide_and_esc_goes_back_where_it_was() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab]);
    type_text(&mut app, "g");
    assert!(app.screen.is_guide(), "{:?}", app.screen);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Six tips for a stronger"), "{shown}");
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.screen, Screen::Workbook);
    assert_eq!(app.focus, Pane::Skills, "focus is kept");

    type_text(&mut app, "o");
    type_text(&mut app, "g");
    assert!(app.screen.is_guide(), "{:?}", app.screen);
    type_text(&mut app, "g");
    assert_eq!(
        app.screen,
        Screen::History,
        "back to the history it came from"
    );
}

#[test]
fn the_guide_scrolls_by_line_page_and_section_within_its_text() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g");
    screen(&mut app, 80, 24);
    press(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.guide.scroll(), 2);
    press(&mut app, &[KeyCode::Tab]);
    let lines = app.guide.lines();
    let tips = guide::anchor_line(&lines, "tips").expect("tips heading");
    assert_eq!(app.guide.scroll(), tips, "Tab jumps to the next section");
    press(&mut app, &[KeyCode::End]);
    let bottom = app.guide.scroll();
    press(&mut app, &[KeyCode::PageDown, KeyCode::Down]);
    assert_eq!(app.guide.scroll(), bottom, "never past the end");
    assert!(screen(&mut app, 80, 24).contains("100%"));
    press(&mut app, &[KeyCode::Home]);
    assert_eq!(app.guide.scroll(), 0);
}

#[test]
fn slash_searches_the_guide_and_n_steps_through_the_matches() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g");
    screen(&mut app, 80, 24);
    type_text(&mut app, "/");
    assert_eq!(app.context(), Context::GuideSearch);
    assert_eq!(type_text(&mut app, "q"), None, "q is text while searching");
    press(&mut app, &[KeyCode::Backspace]);
    type_text(&mut app, "boss");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::Guide);
    let lines = app.guide.lines();
    let matches = guide::find(&lines, "boss");
    assert!(matches.len() >= 2, "the guide talks about the boss");
    let status = app.status.clone().expect("status");
    assert!(
        status
            .text
            .contains(&format!("match 1 of {}", matches.len())),
        "{status:?}"
    );
    let first_line = matches[0].line;
    assert!(app.guide.scroll() <= first_line && first_line < app.guide.scroll() + 20);
    type_text(&mut app, "n");
    assert_eq!(app.guide.current, 1);
    type_text(&mut app, "N");
    type_text(&mut app, "N");
    assert_eq!(app.guide.current, matches.len() - 1, "N wraps to the last");

    type_text(&mut app, "/");
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.guide.query.is_empty(), "Esc forgets the search");
}

#[test]
fn a_search_with_no_match_says_so() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g/zebra");
    press(&mut app, &[KeyCode::Enter]);
    let status = app.status.clone().expect("status");
    assert!(status.is_error && status.text.contains("No match for “zebra”"));
    assert!(screen(&mut app, 80, 24).contains("no match for “zebra”"));
}

#[test]
fn t_opens_the_guide_at_the_first_tip_for_the_band() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yyyyyyyyyy");
    let band = app.workbook.band_for(app.review.score()).clone();
    assert_eq!(band.id, "solid");
    let first_tip = Guide::embedded().heading(&band.tips[0]).expect("tip");
    let roomy = screen(&mut app, 120, 40);
    assert!(
        roomy.contains(first_tip),
        "a roomy pane names the tips:\n{roomy}"
    );
    let small = screen(&mut app, 80, 24);
    assert!(small.contains("— press t"), "{small}");
    type_text(&mut app, "t");
    let status = app.status.clone().expect("status");
    assert!(status.text.contains(first_tip), "{status:?}");
    assert!(app.screen.is_guide(), "{:?}", app.screen);
    let shown = screen(&mut app, 120, 40);
    let top = shown.lines().nth(2).expect("first text row");
    assert!(top.contains(first_tip), "{top}");
    assert!(top.contains("★ fits your score"), "{top}");
}

#[test]
fn enter_in_the_focus_popup_turns_a_no_into_an_item_open_for_editing() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "ny");
    type_text(&mut app, "f");
    assert_eq!(app.popup, Some(Popup::Focus { selected: 0 }));
    let first = app.suggestions()[0].clone();
    assert!(first.reason.contains("No"));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.popup, None);
    assert_eq!(app.focus, Pane::NextSteps);
    assert_eq!(app.context(), Context::Editing, "ready to edit");
    assert_eq!(do_more_first(&app), first.step);
    press(&mut app, &[KeyCode::Esc]);
    assert!(
        app.suggestions().iter().all(|s| s.source != first.source),
        "a suggestion taken up does not come back"
    );
    type_text(&mut app, "f");
    press(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, " on Fridays");
    press(&mut app, &[KeyCode::Esc]);
    let second = app.review.item(4);
    assert!(
        second.ends_with(" on Fridays"),
        "the next one goes to the next free item"
    );
}

#[test]
fn a_on_a_no_question_makes_it_a_next_step_in_one_key() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "n");
    press(&mut app, &[KeyCode::Up]);
    type_text(&mut app, "a");
    let step = &app.workbook.questions[0].step;
    assert_eq!(do_more_first(&app), *step);
    assert_eq!(app.context(), Context::Editing);
}

#[test]
fn a_on_a_yes_question_explains_instead() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "y");
    press(&mut app, &[KeyCode::Up]);
    type_text(&mut app, "a");
    assert_eq!(app.review.items_written(), 0);
    let status = app.status.clone().expect("status");
    assert!(status.text.contains("Yes"), "{status:?}");
}

#[test]
fn a_full_list_refuses_a_suggestion_and_changes_nothing() {
    let (_tmp, mut app) = new_app();
    for item in 3..6 {
        app.review.set_item(item, format!("plan {item}"));
    }
    type_text(&mut app, "n");
    press(&mut app, &[KeyCode::Up]);
    let before = app.review.clone();
    type_text(&mut app, "a");
    assert_eq!(app.review, before);
    let status = app.status.clone().expect("status");
    assert!(
        status.is_error && status.text.contains("is full"),
        "{status:?}"
    );
}

#[test]
fn a_click_focuses_a_pane_and_selects_the_row_under_it() {
    let (_tmp, mut app) = new_app();
    let shown = screen(&mut app, 120, 40);
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Confidence"))
        .expect("Confidence row");
    let column = line.find("Confidence").expect("column");
    let column = line[..column].chars().count() as u16;
    app.update(Action::Click(column, row as u16));
    assert_eq!(app.focus, Pane::Skills);
    let confidence = app
        .workbook
        .skills
        .iter()
        .position(|s| s.name == "Confidence")
        .expect("skill");
    assert_eq!(app.selected.skill, confidence);

    app.update(Action::Scroll(column, row as u16, 1));
    assert_eq!(
        app.selected.skill,
        confidence + 1,
        "the wheel moves the selection"
    );
}

#[test]
fn a_second_click_on_a_next_steps_item_edits_it() {
    let (_tmp, mut app) = new_app();
    screen(&mut app, 120, 40);
    let shown = screen(&mut app, 120, 40);
    let (row, line) = shown
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("1. …"))
        .nth(1)
        .expect("first item of the second list");
    let column = line[..line.find("1. …").expect("item")].chars().count() as u16 + 3;
    app.update(Action::Click(column, row as u16));
    assert_eq!(app.focus, Pane::NextSteps);
    assert_eq!(app.selected_item(), Some(3));
    assert_eq!(app.context(), Context::NextSteps);
    screen(&mut app, 120, 40);
    app.update(Action::Click(column, row as u16));
    assert_eq!(app.context(), Context::Editing);
}

#[test]
fn clicks_outside_an_open_popup_do_nothing() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "?");
    screen(&mut app, 120, 40);
    app.update(Action::Click(1, 1));
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    assert_eq!(app.focus, Pane::Assessment);
}

#[test]
fn ctrl_e_hands_the_item_to_the_editor_and_takes_its_text_back() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "Plan the week");
    press(&mut app, &[KeyCode::Esc]);
    let effect = app.handle_key(ctrl('e'));
    let Some(Effect::EditOutside { item, text }) = effect else {
        panic!("an edit is asked for: {effect:?}");
    };
    assert_eq!((item, text.as_str()), (0, "Plan the week"));
    app.finish_external_edit(
        item,
        Ok::<String, String>("Plan the week with my boss".into()),
    );
    assert_eq!(app.review.item(0), "Plan the week with my boss");
}

/// An app whose first item, "Keep this", was handed to an editor that is not set.
fn after_a_missing_editor() -> (tempfile::TempDir, partnerbook::app::App) {
    let (tmp, mut app) = new_app();
    app.review.set_item(0, "Keep this".into());
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    let Some(Effect::EditOutside { item, .. }) = app.handle_key(ctrl('e')) else {
        panic!("an edit is asked for");
    };
    app.finish_external_edit(item, Err(EditorError::NotSet));
    (tmp, app)
}

#[test]
fn a_failing_editor_leaves_the_item_as_it_was() {
    let (_tmp, app) = after_a_missing_editor();
    assert_eq!(app.review.item(0), "Keep this");
    let status = app.status.clone().expect("status");
    assert!(status.is_error && status.text.starts_with("No text editor is set"));
    assert!(status.text.contains("keeps its text"));
}

#[test]
fn slow_actions_say_what_they_are_doing() {
    for action in [Action::OpenHistory, Action::Save, Action::Compare] {
        assert!(action.working_label().is_some(), "{action:?}");
    }
    assert_eq!(Action::Up.working_label(), None);
    let (_tmp, mut app) = new_app();
    app.show_working("Reading your reviews…");
    assert!(screen(&mut app, 80, 24).contains("Reading your reviews…"));
}

#[test]
fn a_long_status_message_wraps_onto_a_second_footer_line_instead_of_losing_its_end() {
    let (_tmp, mut app) = after_a_missing_editor();
    let shown = screen(&mut app, 80, 24);
    let bottom: Vec<&str> = shown.lines().rev().take(2).collect();
    assert!(bottom[0].contains("keeps its text."), "{shown}");
    assert!(bottom[1].contains("No text editor is set"), "{shown}");
}

#[test]
fn typing_into_an_item_never_scrolls_its_first_words_out_of_sight() {
    for (width, height) in [(80, 24), (120, 40), (61, 16)] {
        let (_tmp, mut app) = new_app();
        press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
        let words = "Start every week with a short call about priorities and the \
                     risks we see coming so nothing lands on my desk as a surprise";
        for (typed, c) in words.chars().enumerate() {
            type_text(&mut app, &c.to_string());
            let shown = screen(&mut app, width, height);
            let row = shown
                .lines()
                .find(|l| l.contains("▶ 1."))
                .expect("the item row");
            let start = &words[..(typed + 1).min(5)];
            assert!(row.contains(start), "{width}x{height}:\n{shown}");
        }
    }
}

#[test]
fn the_next_steps_pane_never_scrolls_into_blank_space() {
    let (_tmp, mut app) = new_app();
    for item in 0..9 {
        app.review.set_item(
            item,
            format!(
                "A plan long enough to wrap onto a second line at eighty columns, number {item}"
            ),
        );
    }
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::End]);
    let shown = screen(&mut app, 80, 24);
    let pane: Vec<&str> = shown.lines().skip(4).take(18).collect();
    let blank = pane
        .iter()
        .filter(|l| l.trim_matches(|c| c == '┃' || c == ' ').is_empty())
        .count();
    assert!(blank <= 2, "{shown}");
    assert!(shown.contains("▶ 3."), "the last item is in view:\n{shown}");
}

#[test]
fn a_scrolled_next_steps_pane_starts_with_a_whole_row_and_marks_what_is_hidden() {
    for (width, height) in [(100, 32), (120, 40), (80, 24)] {
        let (_tmp, mut app) = new_app();
        for item in 0..9 {
            let text = format!(
                "A plan long enough to wrap onto two or even three lines in a narrow pane, number {item}"
            );
            app.review.set_item(item, text);
        }
        press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::End]);
        let shown = screen(&mut app, width, height);
        let lines: Vec<Vec<char>> = shown.lines().map(|l| l.chars().collect()).collect();
        let title = lines
            .iter()
            .position(|l| l.iter().collect::<String>().contains("▶ Next steps"))
            .expect("pane title");
        let left = lines[title].iter().position(|c| *c == '┏').expect("corner");
        let first: String = lines[title + 1][left + 1..].iter().take(30).collect();
        assert!(
            !first.trim().is_empty(),
            "{width}x{height}: blank first row\n{shown}"
        );
        let right = lines[title]
            .iter()
            .rposition(|c| *c == '┓')
            .expect("corner");
        assert_eq!(
            lines[title + 1][right - 1],
            '↑',
            "{width}x{height}\n{shown}"
        );
    }
}

#[test]
fn a_wide_guide_lists_its_contents_and_a_click_jumps_to_a_section() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g");
    assert!(
        !screen(&mut app, 120, 40).contains("Contents"),
        "no room beside the text"
    );
    let shown = screen(&mut app, 200, 60);
    assert!(shown.contains("Contents"), "{shown}");
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("The roles you take on"))
        .expect("the last section is listed");
    let column = line[..line.find("The roles").expect("title")]
        .chars()
        .count() as u16;
    app.update(Action::Click(column, row as u16));
    let lines = app.guide.lines();
    let roles = guide::anchor_line(&lines, "roles").expect("roles heading");
    let max = lines.len().saturating_sub(app.guide.height);
    assert_eq!(app.guide.scroll(), roles.min(max));
    assert!(screen(&mut app, 200, 60).contains("› The roles you take on"));
}

#[test]
fn a_paste_goes_where_text_is_typed_and_nowhere_else() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut app, "y");
    app.review.set_item(0, "changed".into());
    type_text(&mut app, "q");
    assert_eq!(app.popup, Some(Popup::Unsaved(Next::Quit)));
    app.update(Action::Paste("pasted".into()));
    assert!(app.editor.is_none(), "no edit starts under a prompt");
    assert_eq!(app.review.items_written(), 1);
    press(&mut app, &[KeyCode::Esc]);

    type_text(&mut app, "g/");
    app.update(Action::Paste("overload\n".into()));
    assert_eq!(app.guide.query, "overload");
    press(&mut app, &[KeyCode::Enter, KeyCode::Esc]);

    app.update(Action::Paste("in the item".into()));
    assert_eq!(
        app.review.item(0),
        "changedin the item",
        "pasted at the end of the item"
    );
}

#[test]
fn the_wheel_over_a_prompt_moves_nothing_beneath_it() {
    let (_tmp, mut app) = new_app();
    app.review.set_item(0, "changed".into());
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Down]);
    type_text(&mut app, "q");
    app.update(Action::Scroll(10, 10, -1));
    assert_eq!(app.selected.next_step, 1);
}
