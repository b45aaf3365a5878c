//! End-to-end tests of the coaching features in a pseudo-terminal: NO_COLOR (no colour escape
//! ever reaches the terminal, yet focus and selection stay visible), editing a Next steps item
//! in $EDITOR (a fake editor script) and an editor that fails, the guide and its search, the
//! mouse, and turning a No answer into a Next steps item. Every test runs the real binary on a
//! fresh temporary data dir and waits for text on screen, never blindly.

use crate::session;

use std::path::{Path, PathBuf};

use session::{CTRL_E, CTRL_S, ESC, Session};

fn start_session(dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
    Session::start_with_env_removed(dir, cols, rows, env, &["VISUAL"])
}

/// Where `text` starts on the screen, as (row, column) of cells, 0-based; wide characters take
/// two columns. `None` when it is not on screen.
fn find(screen: &vt100::Screen, text: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    for row in 0..rows {
        let mut line = String::new();
        let mut starts = Vec::new();
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let contents = cell.contents();
            let contents = if contents.is_empty() { " " } else { contents };
            for _ in 0..contents.len() {
                starts.push(col);
            }
            line.push_str(contents);
        }
        if let Some(at) = line.find(text) {
            return Some((row, starts[at]));
        }
    }
    None
}

/// The text of one screen row.
fn row_text(screen: &vt100::Screen, row: u16) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols)
        .nth(usize::from(row))
        .unwrap_or_default()
}

/// The cells `text` covers where it is drawn: (row, column) for each column.
fn cells_of(screen: &vt100::Screen, text: &str) -> Vec<(u16, u16)> {
    let (row, col) = find(screen, text)
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", screen.contents()));
    let width = u16::try_from(unicode_width::UnicodeWidthStr::width(text)).expect("short");
    (col..col + width).map(|c| (row, c)).collect()
}

/// Whether every cell of `text` on screen passes `check`.
fn all_cells(screen: &vt100::Screen, text: &str, check: impl Fn(&vt100::Cell) -> bool) -> bool {
    cells_of(screen, text)
        .into_iter()
        .all(|(row, col)| screen.cell(row, col).is_some_and(&check))
}

/// Whether any cell of `text` on screen passes `check`.
fn any_cell(screen: &vt100::Screen, text: &str, check: impl Fn(&vt100::Cell) -> bool) -> bool {
    cells_of(screen, text)
        .into_iter()
        .any(|(row, col)| screen.cell(row, col).is_some_and(&check))
}

/// Whether a cell is drawn as the guide's current search match: bold on a background, which
/// under NO_COLOR is reverse video.
fn current_match_style(cell: &vt100::Cell, no_color: bool) -> bool {
    cell.bold()
        && if no_color {
            cell.inverse()
        } else {
            cell.bgcolor() != vt100::Color::Default
        }
}

/// Whether `word` (any case) is drawn somewhere below the title bar as the current match.
fn marked_match(screen: &vt100::Screen, word: &str, no_color: bool) -> bool {
    let (rows, cols) = screen.size();
    let word: Vec<String> = word.chars().map(|c| c.to_lowercase().collect()).collect();
    let len = u16::try_from(word.len()).expect("short");
    (1..rows).any(|row| {
        (0..cols.saturating_sub(len)).any(|start| {
            word.iter().zip(start..).all(|(letter, col)| {
                screen.cell(row, col).is_some_and(|cell| {
                    cell.contents().to_lowercase() == *letter && current_match_style(cell, no_color)
                })
            })
        })
    })
}

/// The parameter lists of every SGR sequence (`ESC [ params m`) in `bytes`. Other control
/// sequences (cursor moves, private modes like `ESC [ ? 1000 h`) are skipped, as are SGR-looking
/// sequences with a private prefix (`<`, `=`, `>`, `?`), which are not SGR.
fn sgr_sequences(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != 0x1b || bytes[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut end = start;
        // Parameter bytes 0x30–0x3F, then intermediate bytes 0x20–0x2F, then the final byte.
        while end < bytes.len() && (0x30..=0x3f).contains(&bytes[end]) {
            end += 1;
        }
        let params_end = end;
        while end < bytes.len() && (0x20..=0x2f).contains(&bytes[end]) {
            end += 1;
        }
        let Some(&last) = bytes.get(end) else {
            break;
        };
        let params = &bytes[start..params_end];
        let private = params.first().is_some_and(|b| b"<=>?".contains(b));
        if last == b'm' && params_end == end && !private {
            found.push(String::from_utf8_lossy(params).into_owned());
        }
        i = end + 1;
    }
    found
}

/// The colour parameters among an SGR sequence's parameters: 30–37, 39 is a reset and fine,
/// 40–47, 90–97, 100–107, and 38/48/58 (extended colours, whose arguments are skipped).
fn colour_parameters(params: &str) -> Vec<String> {
    let mut colours = Vec::new();
    let mut parts = params.split(';');
    while let Some(part) = parts.next() {
        // `38:5:1` carries its arguments after colons; `38;5;1` after semicolons.
        let main = part.split(':').next().unwrap_or("");
        let Ok(n) = main.parse::<u32>() else {
            continue;
        };
        match n {
            30..=37 | 40..=47 | 90..=97 | 100..=107 => colours.push(part.to_string()),
            38 | 48 | 58 => {
                let mut whole = part.to_string();
                if !part.contains(':') {
                    match parts.next() {
                        Some("5") => {
                            whole += ";5;";
                            whole += parts.next().unwrap_or("");
                        }
                        Some("2") => {
                            whole += ";2";
                            for _ in 0..3 {
                                whole += ";";
                                whole += parts.next().unwrap_or("");
                            }
                        }
                        Some(other) => {
                            whole += ";";
                            whole += other;
                        }
                        None => {}
                    }
                }
                colours.push(whole);
            }
            _ => {}
        }
    }
    colours
}

/// Every colour parameter the program wrote, with the sequence it came in.
fn colours_written(bytes: &[u8]) -> Vec<String> {
    sgr_sequences(bytes)
        .iter()
        .flat_map(|params| {
            colour_parameters(params)
                .into_iter()
                .map(move |c| format!("{c} in ESC[{params}m"))
        })
        .collect()
}

#[test]
fn the_sgr_scanner_finds_colours_and_ignores_the_rest() {
    let bytes = b"\x1b[1m\x1b[38;5;14mA\x1b[m\x1b[0m\x1b[?1000h\x1b[12;4H\x1b[7;31;48;2;1;2;3m\x1b[22;39;49m";
    assert_eq!(
        sgr_sequences(bytes),
        ["1", "38;5;14", "", "0", "7;31;48;2;1;2;3", "22;39;49"]
    );
    assert_eq!(
        colours_written(bytes),
        [
            "38;5;14 in ESC[38;5;14m",
            "31 in ESC[7;31;48;2;1;2;3m",
            "48;2;1;2;3 in ESC[7;31;48;2;1;2;3m",
        ]
    );
    // 38;5;1 is one colour: its arguments 5 and 1 are not read as "bold" and "blink".
    assert_eq!(colour_parameters("38;5;97"), ["38;5;97"]);
    assert_eq!(colour_parameters("58:2::1:2:3"), ["58:2::1:2:3"]);
    assert!(colours_written(b"\x1b[1;4;7;22;24;27;39;49;59m").is_empty());
}

/// Walks through screens that draw every kind of coloured thing — the title bar and its badge,
/// focused and idle panes, Yes/No answers, ticks and ratings, the guide with search matches —
/// checking on the way that focus and selection are visible, and returns the session.
fn colourful_walk(no_color: bool) -> (tempfile::TempDir, Session) {
    let env: &[(&str, &str)] = if no_color { &[("NO_COLOR", "1")] } else { &[] };
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = start_session(tmp.path(), 80, 24, env);
    s.wait_for("▶ Self-assessment");
    s.wait_for("Do you and your boss swap news");

    s.with_screen(|screen| {
        let text = screen.contents();
        assert!(
            all_cells(screen, "▶ Self-assessment", vt100::Cell::bold),
            "the focused pane's title is bold:\n{text}"
        );
        assert!(
            all_cells(
                screen,
                "Do you and your boss swap news",
                vt100::Cell::inverse
            ),
            "the selected question is in reverse video:\n{text}"
        );
        assert!(
            all_cells(screen, "▶  1.", vt100::Cell::inverse),
            "the selected question's marker is in reverse video:\n{text}"
        );
        assert!(
            !any_cell(screen, "Does it feel as if", vt100::Cell::inverse),
            "only the selected question is in reverse video:\n{text}"
        );
    });

    s.send("\t");
    s.wait_for("▶ Essential skills");
    s.wait_for("▶ [ ] Knowing yourself");
    s.with_screen(|screen| {
        let text = screen.contents();
        assert!(
            all_cells(screen, "▶ Essential skills", vt100::Cell::bold),
            "the focus moved: the skills title is bold:\n{text}"
        );
        assert!(
            all_cells(screen, "▶ [ ] Knowing yourself", vt100::Cell::inverse),
            "the selected skill is in reverse video:\n{text}"
        );
        assert!(
            !any_cell(screen, "Setting goals", vt100::Cell::inverse),
            "only the selected skill is in reverse video:\n{text}"
        );
        assert!(
            find(screen, "▶ Self-assessment").is_none(),
            "the marker left the Self-assessment pane:\n{text}"
        );
        assert!(
            !any_cell(screen, "Self-assessment", vt100::Cell::inverse),
            "the folded Self-assessment pane is not in reverse video:\n{text}"
        );
    });

    // Colours galore: a tick and a rating, then Yes and No answers, then the guide's matches.
    s.send(" 4");
    s.wait_for("1/9 practised well");
    s.send("\x1b[Z");
    s.wait_for("▶ Self-assessment");
    s.send("yn");
    s.wait_for("Score 1/10");
    s.send("g");
    s.wait_for("Six tips");
    s.send("/trust\r");
    s.wait_for("match 1 of");
    s.with_screen(|screen| {
        assert!(
            marked_match(screen, "trust", no_color),
            "the current match stands out:\n{}",
            screen.contents()
        );
    });
    s.send(ESC);
    s.wait_for("▶ Self-assessment");
    (tmp, s)
}

#[test]
fn no_color_sends_no_colour_escapes_yet_focus_and_selection_stay_visible() {
    let (_tmp, mut s) = colourful_walk(true);
    s.send("q");
    s.wait_for("Unsaved changes");
    s.send("d");
    assert!(s.wait_exit());

    let raw = s.raw_output();
    assert!(
        sgr_sequences(&raw).len() > 20,
        "the scanner saw the app's styles: {:?}",
        sgr_sequences(&raw)
    );
    let colours = colours_written(&raw);
    assert!(
        colours.is_empty(),
        "NO_COLOR is set, yet the app wrote colours: {colours:?}"
    );
}

#[test]
fn without_no_color_the_same_screens_are_in_colour() {
    let (_tmp, mut s) = colourful_walk(false);
    s.send("q");
    s.wait_for("Unsaved changes");
    s.send("d");
    assert!(s.wait_exit());

    let colours = colours_written(&s.raw_output());
    let extended = colours
        .iter()
        .filter(|c| c.starts_with("38;") || c.starts_with("48;"))
        .count();
    assert!(
        extended > 10,
        "without NO_COLOR the screens are drawn in colour: {colours:?}"
    );
}

/// Today's snapshot file in data dir `dir`.
fn todays_snapshot(dir: &Path) -> String {
    let today = chrono::Local::now().date_naive();
    let path = dir
        .join("snapshots")
        .join(format!("{}.toml", today.format("%Y-%m-%d")));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The editor temp files left in `dir`.
fn editor_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("data dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".partnerbook-item-"))
        .collect()
}

/// Writes an executable shell script.
fn script(path: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path.to_path_buf()
}

/// A temporary dir holding an empty data dir `data` and the scripts beside it.
fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).expect("mkdir data");
    (tmp, data)
}

#[test]
fn editor_round_trip_with_a_fake_editor() {
    let (tmp, data) = data_dir();
    let side = tmp.path().join("mode.txt");
    let copy = tmp.path().join("copy.txt");
    // Appends to the first line of the file named by the last argument, through a copy kept
    // outside the data dir, and notes the file's permissions.
    let editor = script(
        &tmp.path().join("fake-editor"),
        &format!(
            r#"for file; do :; done
stat -c %a "$file" > '{side}'
first=$(head -n 1 "$file")
{{ printf '%s%s\n' "$first" " — agreed with my boss"; tail -n +2 "$file"; }} > '{copy}'
cat '{copy}' > "$file"
"#,
            side = side.display(),
            copy = copy.display(),
        ),
    );
    let editor = editor.to_str().expect("utf-8 path");
    let mut s = start_session(&data, 80, 24, &[("EDITOR", editor)]);
    s.wait_for("Self-assessment");
    s.send("\t\t");
    s.wait_for("▶ Next steps");
    s.wait_for("▶ 1. Enter to write");
    s.send("\r");
    s.wait_for("Esc done");
    s.send("Ask for priorities");
    s.wait_for("Ask for priorities");
    s.send(ESC);
    s.wait_for("Enter edit");
    s.send(CTRL_E);
    s.wait_for("Ask for priorities — agreed with my boss");
    s.wait_for("Item updated from your editor");
    s.wait_for("▶ Next steps");
    s.send(CTRL_S);
    s.wait_for(" saved ");
    s.send("q");
    assert!(s.wait_exit(), "clean exit");

    let saved = todays_snapshot(&data);
    assert!(
        saved.contains("\"Ask for priorities — agreed with my boss\""),
        "{saved}"
    );
    let mode = std::fs::read_to_string(&side).expect("the editor ran");
    assert_eq!(mode.trim(), "600", "the temp file is private");
    assert_eq!(editor_leftovers(&data), Vec::<String>::new());
}

#[test]
fn a_failing_editor_keeps_the_text() {
    let (tmp, data) = data_dir();
    let ran = tmp.path().join("ran.txt");
    let editor = script(
        &tmp.path().join("ed"),
        &format!(
            "for file; do :; done\ncat \"$file\" > '{}'\necho 'changed' > \"$file\"\nexit 3\n",
            ran.display()
        ),
    );
    let editor = editor.to_str().expect("utf-8 path");
    let mut s = start_session(&data, 120, 40, &[("EDITOR", editor)]);
    s.wait_for("Self-assessment");
    s.send("\t\t");
    s.wait_for("▶ Next steps");
    s.send("\r");
    s.wait_for("Esc done");
    s.send("Keep my words");
    s.send(ESC);
    s.wait_for("Enter edit");
    s.send(CTRL_E);
    s.wait_for("exited with status 3");
    s.wait_for("the item keeps its text");
    s.wait_for("▶ 1. Keep my words");
    assert!(!s.contents().contains("changed"), "{}", s.contents());
    assert_eq!(
        std::fs::read_to_string(&ran).expect("the editor ran"),
        "Keep my words\n"
    );
    assert_eq!(editor_leftovers(&data), Vec::<String>::new());

    // Still running and listening: the next key moves the selection, and saving works.
    assert!(s.is_running());
    s.send("j");
    s.wait_for("▶ 2.");
    s.send(CTRL_S);
    s.wait_for(" saved ");
    s.send("q");
    assert!(s.wait_exit(), "clean exit");
    let saved = todays_snapshot(&data);
    assert!(saved.contains("\"Keep my words\""), "{saved}");
}

#[test]
fn guide_opens_and_search_finds_a_word() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = start_session(tmp.path(), 80, 24, &[]);
    s.wait_for("Self-assessment");
    s.send("g");
    s.wait_for("Guide");
    s.wait_for("Six tips");
    // "breathing" is in the overload section, far below the first screen.
    assert!(!s.contents().contains("breathing"), "{}", s.contents());
    s.send("/");
    s.wait_for("Search:");
    s.send("breathing\r");
    s.wait_for("match 1 of 1");
    s.wait_for("breathing space");
    s.wait_gone("Six tips for a stronger");
    s.with_screen(|screen| {
        assert!(
            marked_match(screen, "breathing", false),
            "the current match is marked:\n{}",
            screen.contents()
        );
        assert!(
            !marked_match(screen, "space", false),
            "only the word found is marked:\n{}",
            screen.contents()
        );
    });
    s.send(ESC);
    s.wait_for("▶ Self-assessment");
    s.send("q");
    assert!(s.wait_exit(), "clean exit");
}

/// An SGR mouse event at 0-based screen cell (`row`, `col`): `button` 0 is the left button,
/// 65 the wheel down; `press` false sends the release.
fn mouse(button: u8, row: u16, col: u16, press: bool) -> String {
    let end = if press { 'M' } else { 'm' };
    format!("\x1b[<{button};{};{}{end}", col + 1, row + 1)
}

#[test]
fn a_mouse_click_focuses_a_pane_and_selects_a_row() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = start_session(tmp.path(), 120, 40, &[]);
    s.wait_for("▶ Self-assessment");
    s.wait_for("[ ] Confidence");
    let (row, col) = s.with_screen(|screen| find(screen, "Confidence").expect("on screen"));
    s.send(&mouse(0, row, col + 2, true));
    s.send(&mouse(0, row, col + 2, false));
    s.wait_for("▶ Essential skills");
    s.wait_for("▶ [ ] Confidence");
    s.with_screen(|screen| {
        let text = screen.contents();
        assert!(find(screen, "▶ Self-assessment").is_none(), "{text}");
        assert!(find(screen, "▶ [ ] Knowing yourself").is_none(), "{text}");
        assert!(
            row_text(screen, row).contains("▶ [ ] Confidence"),
            "the clicked row itself is selected:\n{text}"
        );
    });

    s.send(&mouse(65, row, col + 2, true));
    s.wait_for("▶ [ ] Collaboration");
    assert!(
        !s.contents().contains("▶ [ ] Confidence"),
        "{}",
        s.contents()
    );
    assert!(s.contents().contains("▶ Essential skills"));

    s.send("q");
    assert!(s.wait_exit(), "clean exit");
}

#[test]
fn turning_a_no_into_a_next_step_with_one_key() {
    let step = "Share news and work in progress with my boss every week";
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = start_session(tmp.path(), 80, 24, &[]);
    s.wait_for("▶ Self-assessment");
    s.send("n");
    s.wait_for("1 of 10 answered");
    s.wait_for("▶  2.");
    s.send("k");
    s.wait_for("▶  1.");
    s.send("a");
    s.wait_for("▶ Next steps");
    // The status line says where it went (and hides the footer's "Esc done" for a while).
    s.wait_for("Added to “Three things to do more of or begin”");
    s.wait_for(&format!("▶ 1. {step}"));
    // Ready to edit, with the cursor at the end: what is typed goes after the step.
    s.send(" by Friday");
    s.wait_for(&format!("{step} by Friday"));
    s.send(ESC);
    s.wait_for("Enter edit");
    s.send(CTRL_S);
    s.wait_for(" saved ");
    s.send("q");
    assert!(s.wait_exit(), "clean exit");

    let saved = todays_snapshot(tmp.path());
    let table: toml::Table = saved.parse().expect("valid TOML");
    assert_eq!(
        table["assessment"]["share_information"].as_bool(),
        Some(false),
        "{saved}"
    );
    let do_more = table["next_steps"]["do_more"].as_array().expect("do_more");
    assert_eq!(
        do_more,
        &vec![toml::Value::from(format!("{step} by Friday"))],
        "the step went into the do-more list:\n{saved}"
    );
}
