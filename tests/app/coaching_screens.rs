//! Screen snapshots of the guide, its search, the focus suggestions and the NO_COLOR
//! rendering at 80×24 and 120×40, and checks of the themes on buffer cells.

use crate::common;

use common::*;
use crossterm::event::KeyCode;
use partnerbook::app::App;
use partnerbook::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_each_size(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// Each row of the buffer, then under it the attributes of its cells: R reverse, B bold,
/// U underline, * more than one, blank for none. Shows what NO_COLOR users see.
fn attributes(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut text = String::new();
        let mut marks = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let m = cell.modifier;
            let found: Vec<char> = [
                (Modifier::REVERSED, 'R'),
                (Modifier::BOLD, 'B'),
                (Modifier::UNDERLINED, 'U'),
            ]
            .iter()
            .filter(|(flag, _)| m.contains(*flag))
            .map(|(_, c)| *c)
            .collect();
            marks.push(match found.as_slice() {
                [] => ' ',
                [one] => *one,
                _ => '*',
            });
        }
        out.push_str(&format!("{text}\n{}\n", marks.trim_end()));
    }
    out
}

/// Four No answers, one skill ticked and rated 2, so every kind of suggestion shows.
fn app_with_gaps() -> (tempfile::TempDir, App) {
    let (tmp, mut app) = new_app();
    type_text(&mut app, "nynyynnyyy");
    press(&mut app, &[KeyCode::Tab]);
    type_text(&mut app, " 2j 4");
    press(&mut app, &[KeyCode::Tab]);
    (tmp, app)
}

#[test]
fn guide_at_the_top() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g");
    snapshot_each_size("guide", &mut app);
    let wide = render(&mut app, 200, 60);
    insta::assert_snapshot!("guide_200x60", wide.backend());
}

#[test]
fn guide_searching() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g");
    render(&mut app, 80, 24);
    type_text(&mut app, "/priorities");
    snapshot_each_size("guide_search_typing", &mut app);
    press(&mut app, &[KeyCode::Enter]);
    snapshot_each_size("guide_search_found", &mut app);
}

#[test]
fn focus_suggestions() {
    let (_tmp, mut app) = app_with_gaps();
    type_text(&mut app, "f");
    snapshot_each_size("focus", &mut app);
}

#[test]
fn focus_suggestions_when_all_is_well() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yyyyyyyyyy");
    press(&mut app, &[KeyCode::Tab]);
    type_text(&mut app, " 4j 4j 4j 4j 4j 4j 4j 4j 4");
    type_text(&mut app, "f");
    assert!(app.suggestions().is_empty());
    assert!(screen(&mut app, 80, 24).contains("Nothing to suggest"));
}

#[test]
fn no_color_rendering_keeps_focus_and_selection_visible() {
    let (_tmp, mut app) = app_with_gaps();
    app.theme = Theme::NoColor;
    for (w, h) in SIZES {
        let terminal = render(&mut app, w, h);
        insta::assert_snapshot!(
            format!("no_color_{w}x{h}"),
            attributes(terminal.backend().buffer())
        );
    }
}

#[test]
fn no_color_leaves_no_colour_in_any_cell_of_any_screen() {
    let (_tmp, mut app) = app_with_gaps();
    app.theme = Theme::NoColor;
    let mut screens = Vec::new();
    for keys in ["", "f", "\x1b?", "\x1bg", "/trust\n", "\x1bo", "\x1b\t"] {
        for c in keys.chars() {
            let code = match c {
                '\x1b' => KeyCode::Esc,
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            press(&mut app, &[code]);
        }
        screens.push(render(&mut app, 120, 40));
    }
    press(&mut app, &[KeyCode::Enter]);
    screens.push(render(&mut app, 80, 24));
    for terminal in &screens {
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg, cell.underline_color),
                (Color::Reset, Color::Reset, Color::Reset),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn no_color_marks_the_selected_row_with_reverse_and_a_glyph() {
    let (_tmp, mut app) = new_app();
    app.theme = Theme::NoColor;
    let terminal = render(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let shown = screen(&mut app, 80, 24);
    let row = shown
        .lines()
        .position(|l| l.contains("▶  1."))
        .expect("the selected question has a marker") as u16;
    assert!(buffer[(10, row)].modifier.contains(Modifier::REVERSED));
    assert!(shown.contains("▶ Self-assessment"));
    assert!(
        buffer[(3, 1)].modifier.contains(Modifier::BOLD),
        "focused title"
    );
}

#[test]
fn the_light_theme_swaps_colours_that_fade_on_white() {
    let (_tmp, mut app) = app_with_gaps();
    let dark = render(&mut app, 120, 40);
    app.theme = Theme::Light;
    let light = render(&mut app, 120, 40);
    let colours = |t: &ratatui::Terminal<ratatui::backend::TestBackend>| {
        t.backend()
            .buffer()
            .content()
            .iter()
            .map(|c| (c.fg, c.bg))
            .collect::<Vec<_>>()
    };
    let (dark, light) = (colours(&dark), colours(&light));
    assert!(
        dark.iter()
            .any(|(fg, bg)| *fg == Color::Cyan && *bg == Color::Reset)
    );
    assert!(
        !light.iter().any(
            |(fg, bg)| matches!(fg, Color::Cyan | Color::Gray | Color::White)
                && *bg == Color::Reset
        ),
        "no pale text on the terminal's own background"
    );
}

#[test]
fn no_color_is_chosen_by_a_non_empty_variable_and_beats_the_config() {
    use std::ffi::OsStr;
    assert_eq!(Theme::choose(Some(OsStr::new("1")), true), Theme::NoColor);
    assert_eq!(Theme::choose(Some(OsStr::new("")), true), Theme::Light);
    assert_eq!(Theme::choose(None, false), Theme::Dark);
}

#[test]
fn no_color_underlines_the_text_being_edited_so_it_differs_from_a_selected_row() {
    let (_tmp, mut app) = new_app();
    app.theme = Theme::NoColor;
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "abc");
    let terminal = render(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let shown = screen(&mut app, 80, 24);
    let row = shown
        .lines()
        .position(|l| l.contains("1. abc"))
        .expect("row") as u16;
    let column = shown
        .lines()
        .nth(row as usize)
        .and_then(|l| l.find("abc"))
        .expect("abc");
    let column = shown
        .lines()
        .nth(row as usize)
        .map(|l| l[..column].chars().count())
        .unwrap_or(0) as u16;
    let letter = buffer[(column, row)].modifier;
    assert!(letter.contains(Modifier::UNDERLINED), "{letter:?}");
    assert!(!letter.contains(Modifier::REVERSED), "{letter:?}");
    let cursor = buffer[(column + 3, row)].modifier;
    assert!(
        cursor.contains(Modifier::REVERSED),
        "the cursor shows: {cursor:?}"
    );
}

#[test]
fn light_theme_colours_of_every_cell() {
    let (_tmp, mut app) = app_with_gaps();
    app.theme = Theme::Light;
    let terminal = render(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let row: Vec<String> = (0..buffer.area.width)
            .map(|x| {
                let cell = &buffer[(x, y)];
                format!("{:?}/{:?}", cell.fg, cell.bg)
            })
            .collect();
        // Runs of the same colours, so the snapshot reads as the screen's regions.
        let mut runs: Vec<(String, usize)> = Vec::new();
        for colour in row {
            match runs.last_mut() {
                Some((last, n)) if *last == colour => *n += 1,
                _ => runs.push((colour, 1)),
            }
        }
        let line: Vec<String> = runs.iter().map(|(c, n)| format!("{n}×{c}")).collect();
        out.push_str(&format!("{y:2}: {}\n", line.join(" ")));
    }
    insta::assert_snapshot!("light_theme_colours_80x24", out);
}
