//! Files that other tools made of bitext's exports import: translate-toolkit's `xliff2po` output
//! of an XLIFF 1.2 export keeps `SLUG:ID` as each entry's `#:` reference and writes no
//! `Language` header (tests/interop/exchange.py runs the real tool in CI).

mod common;

use common::{Fixture, ARTICLE};

/// The project that `snapshots/exchange-tools/ko-xliff2po.po` was made from: the summit article,
/// three Korean translations signed off, one written by hand (unreviewed), two missing.
fn project() -> Fixture {
    let f = Fixture::init();
    f.write("articles/summit.md", ARTICLE);
    f.bitext(&["sync"]).assert().success();
    f.translate("summit", "ko", &["title", "By Jane Doe", "welcomed"]);
    let trade = f.id_of("summit", "Trade reached");
    let ko = f.read("locales/ko/summit.ftl");
    f.write(
        "locales/ko/summit.ftl",
        format!("{ko}\n{trade} = 2019년 교역액은 42억2000만 달러에 달했다.\n"),
    );
    f
}

/// The file xliff2po wrote for the project's XLIFF 1.2 export, as `ko.po`.
const XLIFF2PO: &str = include_str!("snapshots/exchange-tools/ko-xliff2po.po");

#[test]
fn xliff2po_output_imports_by_its_references_and_its_name() {
    let f = project();
    let status = f.stdout(&["status", "--locale", "ko", "--json"]);
    // As xliff2po wrote it: nothing changes (the draft stays a draft).
    f.write("ko.po", XLIFF2PO);
    f.bitext(&["import", "ko.po"]).assert().success();
    assert_eq!(f.stdout(&["status", "--locale", "ko", "--json"]), status);

    // The translator fills in the two missing segments and clears the fuzzy flag: every
    // translation is signed off.
    let done = XLIFF2PO
        .replace("#: summit:s-4pe8u9\n#, fuzzy\n", "#: summit:s-4pe8u9\n")
        .replace(
            "msgid \"The two leaders met at Cheong Wa Dae.\"\nmsgstr \"\"",
            "msgid \"The two leaders met at Cheong Wa Dae.\"\nmsgstr \"두 정상은 청와대에서 만났다.\"",
        )
        .replace(
            "msgid \"They agreed to cooperate on space.\"\nmsgstr \"\"",
            "msgid \"They agreed to cooperate on space.\"\nmsgstr \"양국은 우주 분야 협력에 합의했다.\"",
        );
    f.write("ko.po", done);
    f.bitext(&["import", "ko.po"]).assert().success();
    let status = f.stdout(&["status", "--locale", "ko"]);
    assert!(
        status.contains("ko    current 6  100.00% current, 100.00% translated"),
        "{status}"
    );
}

#[test]
fn a_po_file_without_language_and_a_name_that_is_no_locale_is_refused() {
    let f = project();
    f.write("from-xliff.po", XLIFF2PO);
    let before = f.tree();
    f.bitext(&["import", "from-xliff.po"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file![
            "snapshots/exchange-tools/no-language.stderr"
        ]);
    assert!(before == f.tree());
}

#[test]
fn an_entry_with_neither_msgctxt_nor_one_reference_is_refused_at_its_line() {
    let f = project();
    f.write(
        "ko.po",
        XLIFF2PO.replace("#: summit:byline\n", "#: summit:byline summit:title\n"),
    );
    f.bitext(&["import", "ko.po"])
        .assert()
        .code(2)
        .stderr_eq(snapbox::file![
            "snapshots/exchange-tools/two-references.stderr"
        ]);
}
