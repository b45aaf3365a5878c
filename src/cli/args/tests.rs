//! Unit tests of reading dates and of the short argument errors, made from clap's own errors
//! for real command lines.

use super::*;
use crate::cli::Cli;
use clap::Parser as _;

fn error(args: &[&str]) -> clap::Error {
    let argv = std::iter::once("partnerbook").chain(args.iter().copied());
    match Cli::try_parse_from(argv) {
        Ok(cli) => panic!("{args:?} parsed: {cli:?}"),
        Err(error) => error,
    }
}

#[test]
fn dates_are_read_or_refused_in_one_line() {
    let date = parse_date("2026-08-30").expect("a date");
    assert_eq!(date, NaiveDate::from_ymd_opt(2026, 8, 30).expect("date"));
    let bad = |text: &str| parse_date(text).map_or_else(|e| format!("{e:#}"), |d| d.to_string());
    assert_eq!(
        bad("2026-13-45"),
        "`2026-13-45` is not a real date: name a review as YYYY-MM-DD, `latest` or `previous`"
    );
    assert_eq!(
        bad("2026-02-30"),
        "`2026-02-30` is not a real date: name a review as YYYY-MM-DD, `latest` or `previous`"
    );
    assert_eq!(
        bad("yesterday"),
        "`yesterday` is not a date: name a review as YYYY-MM-DD, `latest` or `previous`"
    );
}

#[test]
fn a_missing_review_says_how_to_name_one_and_shows_the_usage() {
    assert_eq!(
        short(&error(&["show"])),
        "partnerbook: missing <DATE>: name a review as YYYY-MM-DD, `latest` or `previous`\n\
         Usage: partnerbook show <DATE>\n"
    );
    assert_eq!(
        short(&error(&["compare", "latest"])),
        "partnerbook: missing <B>: name a review as YYYY-MM-DD, `latest` or `previous`\n\
         Usage: partnerbook compare <A> <B>\n"
    );
    assert!(
        short(&error(&["compare"])).starts_with("partnerbook: missing <A> and <B>: name a review")
    );
    assert_eq!(
        short(&error(&["config"])),
        "partnerbook: missing --path or --default\nUsage: partnerbook config <--path|--default>\n"
    );
}

#[test]
fn a_wrong_value_names_the_right_ones() {
    assert_eq!(
        short(&error(&["export", "x", "--format", "pdf"])),
        "partnerbook: `pdf` is not a valid --format: use markdown or json\n"
    );
    assert_eq!(
        short(&error(&["completions", "tcsh"])),
        "partnerbook: `tcsh` is not a valid <SHELL>: use bash, elvish, fish, powershell or zsh\n"
    );
    assert_eq!(
        short(&error(&["compare", "a", "b", "--width", "wide"])),
        "partnerbook: `wide` is not a valid --width: use a number of columns from 1 to 1000\n"
    );
    assert_eq!(
        short(&error(&["compare", "a", "b", "--width", "99999999999"])),
        "partnerbook: `99999999999` is not a valid --width: use a number of columns from 1 to 1000\n"
    );
    assert_eq!(
        short(&error(&["export", "latest", "-o"])),
        "partnerbook: --output <FILE> needs a value\n"
    );
}

#[test]
fn unknown_words_get_a_suggestion_when_there_is_one() {
    assert_eq!(
        short(&error(&["lst"])),
        "partnerbook: `lst` is not a command; did you mean `list`?\n\
         Usage: partnerbook [OPTIONS] [COMMAND]\n"
    );
    assert!(
        short(&error(&["frobnicate"]))
            .starts_with("partnerbook: `frobnicate` is not a command; see `partnerbook --help`\n")
    );
    assert_eq!(
        short(&error(&["list", "--jsn"])),
        "partnerbook: unexpected argument `--jsn`; did you mean `--json`?\n\
         Usage: partnerbook list --json\n"
    );
}

#[test]
fn other_errors_keep_the_first_line_of_clap_s_message() {
    let text = short(&error(&["config", "--path", "--default"]));
    assert!(
        text.starts_with("partnerbook: the argument '--path' cannot be used with '--default'\n"),
        "{text}"
    );
    assert!(text.lines().count() <= 2, "{text}");
}
