//! Tests that a refused value is reported on the line of its key — in `[sections]`, dotted
//! keys, inline tables (one line or several) and arrays, an element on its own line.

use super::*;

fn line_of_error(body: &str) -> usize {
    let text = format!("version = 1\ndate = 2026-01-01\n{body}");
    let error = from_toml(&text, Workbook::embedded()).expect_err("must be rejected");
    error.line
}

#[test]
fn a_wrong_answer_in_an_inline_or_dotted_assessment_names_its_line() {
    let inline = "assessment = { share_information = true, trust_boss = \"yes\" }\n";
    assert_eq!(line_of_error(inline), 3);
    let dotted = "\nassessment.same_team = true\nassessment.trust_boss = \"yes\"\n";
    assert_eq!(line_of_error(dotted), 5);
}

#[test]
fn a_wrong_rating_inside_an_inline_table_names_its_line() {
    let inline = "\nskills = { confidence = { practised = true, rating = \"4\" } }\n";
    assert_eq!(line_of_error(inline), 4);
    let multi_line = "skills = {\n    confidence = { practised = true },\n    collaboration = { rating = 9 },\n}\n";
    assert_eq!(line_of_error(multi_line), 5);
    let sub_table = "[skills.confidence]\npractised = true\nrating = 0\n";
    assert_eq!(line_of_error(sub_table), 5);
}

#[test]
fn a_wrong_item_in_a_list_names_the_item_s_line() {
    let body = "\n[next_steps]\ndo_more = [\n    \"fine\",\n    2,\n]\n";
    assert_eq!(line_of_error(body), 7);
    let dotted = "next_steps.wish_boss = [\n    \"a\",\n    [\"b\"],\n]\n";
    assert_eq!(line_of_error(dotted), 5);
}

#[test]
fn a_wrong_follow_up_plan_names_the_plan_s_line() {
    let body = "\n[follow_up]\nfrom = 2026-08-20\nitems = [\n    { text = \"a\" },\n    { text = \"b\", status = \"maybe\" },\n]\n";
    assert_eq!(line_of_error(body), 8);
    let tables = "\n[follow_up]\nfrom = 2026-08-20\n\n[[follow_up.items]]\ntext = \"a\"\n\n[[follow_up.items]]\ntext = \"b\"\nstatus = 3\n";
    assert_eq!(line_of_error(tables), 12);
    let unknown =
        "[follow_up]\nfrom = 2026-08-20\nitems = [\n    { text = \"a\",\n      when = 1 },\n]\n";
    assert_eq!(line_of_error(unknown), 7);
}

#[test]
fn a_missing_from_names_the_follow_up_section() {
    assert_eq!(line_of_error("\n\n[follow_up]\nitems = []\n"), 5);
    assert_eq!(line_of_error("follow_up = { items = [] }\n"), 3);
}

#[test]
fn a_plan_refused_whole_names_its_own_header_or_item() {
    let tables = "\n[follow_up]\nfrom = 2026-08-20\n\n[[follow_up.items]]\ntext = \"a\"\n\n[[follow_up.items]]\nstatus = \"done\"\n";
    assert_eq!(line_of_error(tables), 10);
    let inline = "follow_up = { from = 2026-08-20, items = [\n    { text = \"a\" },\n    { status = \"done\" },\n] }\n";
    assert_eq!(line_of_error(inline), 5);
}
