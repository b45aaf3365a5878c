//! Unit tests of the `$EDITOR` hand-off, with fake editor scripts in temporary dirs.

use super::*;
use std::sync::{Mutex, MutexGuard};

/// Serialises the tests that write and run scripts: a script written while another test
/// forks can be briefly held open in the child and fail to exec ("Text file busy").
static SCRIPTS: Mutex<()> = Mutex::new(());

fn lock_scripts() -> MutexGuard<'static, ()> {
    SCRIPTS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Writes an executable `#!/bin/sh` script called `name` into `dir` and returns its path.
fn fake_editor(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    path.to_str().expect("utf-8 path").to_owned()
}

/// The temp files this module left in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("list dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with(".partnerbook-item-"))
        .collect()
}

fn os(value: &str) -> Option<OsString> {
    Some(OsString::from(value))
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|word| (*word).to_owned()).collect()
}

#[test]
fn round_trip_returns_the_edited_text_and_removes_the_file() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = fake_editor(tmp.path(), "ed.sh", r#"sed -i '1s/$/ and more/' "$1""#);
    let contents = edit_text(&[script], "Ask about Q3 goals", tmp.path()).expect("edit");
    assert_eq!(contents, "Ask about Q3 goals and more\n");
    assert_eq!(
        item_text_from_file(&contents),
        "Ask about Q3 goals and more"
    );
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}

#[test]
fn the_file_holds_the_text_and_is_passed_last() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let log = tmp.path().join("log");
    let body = format!(
        r#"printf '%s|' "$@" > '{0}'; cat "$2" >> '{0}'"#,
        log.display()
    );
    let script = fake_editor(tmp.path(), "ed.sh", &body);
    edit_text(&[script, "--wait".into()], "one item", tmp.path()).expect("edit");
    let logged = fs::read_to_string(&log).expect("log");
    let parts: Vec<&str> = logged.split('|').collect();
    assert_eq!(parts.len(), 3, "{logged:?}");
    assert_eq!(parts[0], "--wait");
    let name = Path::new(parts[1])
        .file_name()
        .expect("name")
        .to_string_lossy();
    let expected = format!(".partnerbook-item-{}-", std::process::id());
    assert!(
        name.starts_with(&expected) && name.ends_with(".txt"),
        "{name}"
    );
    assert_eq!(parts[2], "one item\n");
}

#[test]
fn several_paragraphs_keep_every_word() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let body =
        r#"printf '  First paragraph\nwraps here.\n\n\n   Second one,\t\n  too.  \n\n' > "$1""#;
    let script = fake_editor(tmp.path(), "ed.sh", body);
    let item = edit_item_with(&[script], "old", tmp.path()).expect("edit");
    assert_eq!(item, "First paragraph wraps here. Second one, too.");
}

fn edit_item_with(command: &[String], text: &str, dir: &Path) -> Result<String, EditorError> {
    edit_text(command, text, dir).map(|contents| item_text_from_file(&contents))
}

#[test]
fn a_failing_editor_names_its_exit_status_and_leaves_no_file() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = fake_editor(tmp.path(), "bad-ed", "echo changed > \"$1\"; exit 3");
    let error = edit_text(&[script], "keep me", tmp.path()).expect_err("exit 3");
    assert!(
        matches!(error, EditorError::Failed { code: 3, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("exited with status 3"), "{message}");
    assert!(message.contains("bad-ed"), "{message}");
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn an_editor_killed_by_a_signal_is_reported() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = fake_editor(tmp.path(), "doomed-ed", "kill -9 $$");
    let error = edit_text(&[script], "x", tmp.path()).expect_err("killed");
    assert!(
        matches!(
            error,
            EditorError::Killed {
                signal: Some(9),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("was killed by signal 9"),
        "{error}"
    );
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}

#[test]
fn a_missing_program_cannot_start() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let command = words(&["/nonexistent/partnerbook-no-such-editor", "-x"]);
    let error = edit_text(&command, "x", tmp.path()).expect_err("missing");
    assert!(
        matches!(error, EditorError::CannotStart { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("cannot start the editor `/nonexistent/partnerbook-no-such-editor`"),
        "{message}"
    );
    assert!(message.contains("no such program was found"), "{message}");
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}

#[test]
fn an_unwritable_dir_is_a_temp_file_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("gone");
    let error = edit_text(&words(&["true"]), "x", &missing).expect_err("no dir");
    assert!(
        matches!(
            error,
            EditorError::TempFile {
                action: "write",
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("cannot write the temporary file"),
        "{message}"
    );
    assert!(message.contains("for the editor `true`"), "{message}");
}

#[test]
fn an_empty_command_is_not_set() {
    let tmp = tempfile::tempdir().expect("tempdir");
    assert!(matches!(
        edit_text(&[], "x", tmp.path()),
        Err(EditorError::NotSet)
    ));
}

#[cfg(unix)]
#[test]
fn the_temp_file_is_private_while_the_editor_runs() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mode = tmp.path().join("mode");
    let body = format!(r#"stat -c %a "$1" > '{}'"#, mode.display());
    let script = fake_editor(tmp.path(), "ed.sh", &body);
    edit_text(&[script], "secret", tmp.path()).expect("edit");
    assert_eq!(fs::read_to_string(&mode).expect("mode").trim(), "600");
}

#[test]
fn an_editor_path_with_spaces_runs_when_quoted() {
    let _guard = lock_scripts();
    let tmp = tempfile::tempdir().expect("tempdir");
    let bin = tmp.path().join("my editor");
    fs::create_dir(&bin).expect("mkdir");
    let script = fake_editor(
        &bin,
        "ed",
        r#"[ "$1" = -x ] || exit 9; touch "$2.seen"; printf 'new text' > "$2""#,
    );
    let command = editor_command(os(&format!("\"{script}\" -x")), None).expect("command");
    assert_eq!(command, vec![script, "-x".to_owned()]);
    assert_eq!(
        edit_item_with(&command, "old", tmp.path()).expect("edit"),
        "new text"
    );
    // The script left a marker next to the temp file; the temp file itself is gone.
    let markers: Vec<String> = leftovers(tmp.path());
    assert_eq!(markers.len(), 1, "{markers:?}");
    assert!(markers[0].ends_with(".txt.seen"), "{markers:?}");
}

#[test]
fn visual_wins_over_editor() {
    let command = editor_command(os("vi"), os("nano")).expect("command");
    assert_eq!(command, words(&["vi"]));
}

#[test]
fn empty_visual_falls_back_to_editor() {
    assert_eq!(
        editor_command(os(""), os("nano")).expect("cmd"),
        words(&["nano"])
    );
    assert_eq!(
        editor_command(os("  \t "), os("code --wait")).expect("cmd"),
        words(&["code", "--wait"])
    );
    assert_eq!(
        editor_command(None, os(" hx ")).expect("cmd"),
        words(&["hx"])
    );
}

#[test]
fn neither_set_is_not_set_with_a_hint() {
    for (visual, editor) in [(None, None), (os(""), os("   ")), (None, os("\"\""))] {
        let error = editor_command(visual, editor).expect_err("not set");
        assert!(matches!(error, EditorError::NotSet), "{error:?}");
    }
    let message = EditorError::NotSet.to_string();
    assert!(
        message.contains("$VISUAL") && message.contains("$EDITOR"),
        "{message}"
    );
    assert!(message.contains("export EDITOR=nano"), "{message}");
}

#[test]
fn quoting_splits_like_a_shell() {
    let split = |line: &str| editor_command(os(line), None).expect("command");
    assert_eq!(split("code --wait"), words(&["code", "--wait"]));
    assert_eq!(
        split(r#""/opt/my editor/bin/ed" -x"#),
        words(&["/opt/my editor/bin/ed", "-x"])
    );
    assert_eq!(
        split("'it''s here' a\"b c\"d"),
        words(&["its here", "ab cd"])
    );
    assert_eq!(split(r"my\ ed --arg=''"), words(&["my ed", "--arg="]));
    assert_eq!(split("emacs -nw ''"), words(&["emacs", "-nw", ""]));
    assert_eq!(split("  vim  "), words(&["vim"]));
}

#[test]
fn item_text_joins_lines_and_strips_a_bom() {
    assert_eq!(
        item_text_from_file("\u{feff}  one\r\n\r\n two \n"),
        "one two"
    );
    assert_eq!(item_text_from_file("a  b\n\n\nc"), "a  b c");
    assert_eq!(item_text_from_file("\n \n\t\n"), "");
    assert_eq!(item_text_from_file(""), "");
}
