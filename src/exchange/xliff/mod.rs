//! XLIFF 2.0 and 1.2, written and read with quick-xml.
//!
//! One `<file>` per article (`original` is the slug), one unit per segment (its id is the segment
//! id). Fluent placeables in a translation become protected inline codes that keep their Fluent
//! source: `<ph dataRef>` pointing into `<originalData>` in 2.0, `<x equiv-text>` in 1.2. Inline
//! Markdown stays text. The translator's own comment is a translator note
//! (`<note category="translator">` in 2.0, `<note from="translator">` in 1.2).
//!
//! `xml.rs` is the XML layer (writing, and reading into a tree that refuses any DOCTYPE, so no
//! entity, external or recursive, is ever defined or expanded); `v2.rs` and `v12.rs` are the two
//! versions; this module holds what they share and tells them apart when reading.

mod v12;
mod v2;
mod xml;

use std::path::Path;

use super::{checked_expression, Export, Incoming, Unit};
use crate::error::{Error, Result};
use crate::state::State;
use crate::store::escape::Piece;
use crate::store::nesting::{too_deep, MAX_NESTING};
use xml::{read_tree, Element};

pub use v12::write12;
pub use v2::write2;

/// The XLIFF 2.0 namespace.
pub const XLIFF2_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 1.2 namespace.
pub const XLIFF12_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// bitext's own namespace, for the state a unit had in the project when it was exported.
pub const BITEXT_NS: &str = "urn:bitext:xliff";

/// The articles of an export in order, each with its units.
fn by_article(export: &Export) -> Vec<(&str, Vec<&Unit>)> {
    let mut out: Vec<(&str, Vec<&Unit>)> = Vec::new();
    for unit in &export.units {
        match out.last_mut() {
            Some((slug, units)) if *slug == unit.slug => units.push(unit),
            _ => out.push((&unit.slug, vec![unit])),
        }
    }
    out
}

fn state_note(state: State) -> String {
    match state {
        State::Stale { class, signed } => format!("stale ({}) since r{signed}", class.name()),
        State::Rejected { signed } => format!("rejected since r{signed}"),
        other => other.name().to_string(),
    }
}

/// Reads an XLIFF 2.0 or 1.2 file; `path` is used in errors.
pub fn parse(path: &Path, text: &str) -> Result<Incoming> {
    let at = |offset: usize, message: String| Error::at_offset(path, text, offset, message);
    let root = read_tree(path, text)?;
    if root.name != "xliff" {
        return Err(at(
            root.offset,
            format!("the root element is <{}>, not <xliff>", root.name),
        ));
    }
    match root.attr("version") {
        Some(v) if v.starts_with("2.") => v2::parse2(path, text, &root),
        Some("1.2") | Some("1.1") => v12::parse12(path, text, &root),
        Some(v) => Err(at(
            root.offset,
            format!("XLIFF version {v:?}: bitext reads 2.x and 1.2"),
        )),
        None => Err(at(root.offset, "<xliff> has no version".into())),
    }
}

/// The elements named `name` under `parent` (through groups and bodies), in document order; not
/// inside the units themselves.
fn collect_named<'e>(parent: &'e Element, name: &str, out: &mut Vec<&'e Element>) {
    for e in parent.elements() {
        if e.name == name {
            out.push(e);
        } else if matches!(e.name.as_str(), "group" | "body") {
            collect_named(e, name, out);
        }
    }
}

/// An inline code's Fluent source, checked: one placeable, and nested no deeper than the store
/// reads, so that no import writes a translation that a later command cannot read.
fn code(path: &Path, text: &str, offset: usize, source: &str) -> Result<Piece> {
    if too_deep(source, MAX_NESTING).is_some() {
        return Err(Error::at_offset(
            path,
            text,
            offset,
            format!("the inline code nests placeables deeper than {MAX_NESTING} levels"),
        ));
    }
    checked_expression(source).map(Piece::Expr).ok_or_else(|| {
        Error::at_offset(
            path,
            text,
            offset,
            format!("the inline code {source:?} is not a Fluent placeable"),
        )
    })
}

/// Units, an export and a translation that the tests of both versions write and read.
#[cfg(test)]
mod fixtures {
    use super::{Export, Piece, State, Unit};

    pub fn unit(id: &str, target: Option<Vec<Piece>>, state: State) -> Unit {
        Unit {
            slug: "2021/08/a".into(),
            id: id.into(),
            source: "Hello, world.".into(),
            target,
            state,
            previous: None,
            matches: Vec::new(),
            translator: None,
            rejected: None,
            comment: None,
            context: false,
        }
    }

    pub fn export(units: Vec<Unit>) -> Export {
        Export {
            source_locale: "en".into(),
            target_locale: "ko".into(),
            date: "2021-08-17T00:00:00Z".into(),
            units,
            last_translator: None,
        }
    }

    pub fn pieces() -> Vec<Piece> {
        vec![
            Piece::Text("안녕 ".into()),
            Piece::Expr("{ $name }".into()),
            Piece::Text(" <&> {x}".into()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(Path::new("a.xlf"), text).unwrap_err().to_string()
    }

    #[test]
    fn a_doctype_is_refused_before_any_entity_is_read() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"2.0\">&e;</xliff>";
        let err = error(text);
        assert!(
            err.starts_with("a.xlf:2:1: a DOCTYPE is not allowed"),
            "{err}"
        );
    }

    #[test]
    fn an_undefined_entity_is_an_error() {
        let err = error("<xliff version=\"2.0\" trgLang=\"ko\">&lol;</xliff>");
        assert!(err.contains("unknown entity &lol;"), "{err}");
    }

    #[test]
    fn the_version_attribute_chooses_the_reader() {
        let v2 = "<xliff version=\"2.0\" trgLang=\"ko\"><file original=\"a\"><unit id=\"s-1\"><segment><source>Hi</source></segment></unit></file></xliff>";
        let v12 = "<xliff version=\"1.2\"><file original=\"a\" target-language=\"ko\"><body><trans-unit id=\"s-1\"><source>Hi</source></trans-unit></body></file></xliff>";
        let read = |t: &str| parse(Path::new("a.xlf"), t).unwrap().format;
        assert_eq!(read(v2), crate::exchange::Format::Xliff2);
        assert_eq!(read(v12), crate::exchange::Format::Xliff12);
        assert!(error("<xliff version=\"3.0\"/>").contains("XLIFF version \"3.0\""));
        assert!(error("<xliff/>").contains("<xliff> has no version"));
        assert!(error("<html/>").contains("the root element is <html>, not <xliff>"));
    }

    #[test]
    fn units_are_found_inside_groups_but_not_inside_units() {
        let text = "<xliff version=\"2.0\" trgLang=\"ko\"><file original=\"a\"><group id=\"g\"><unit id=\"s-1\"><segment><source>Hi</source></segment></unit></group></file></xliff>";
        let incoming = parse(Path::new("a.xlf"), text).unwrap();
        let ids: Vec<_> = incoming.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["s-1"]);
    }

    #[test]
    fn an_inline_code_nested_too_deeply_is_refused_before_it_is_parsed() {
        let deep = format!("{}$x{}", "{ ".repeat(10_000), " }".repeat(10_000));
        let err = code(Path::new("a.xlf"), "<ph/>", 0, &deep).unwrap_err();
        assert_eq!(
            err.to_string().lines().next().unwrap(),
            "a.xlf:1:1: the inline code nests placeables deeper than 32 levels"
        );
    }

    #[test]
    fn an_inline_code_that_is_not_one_placeable_names_its_place() {
        let err = code(Path::new("a.xlf"), "x\n  <ph/>", 4, "{ $n } and text").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "a.xlf:2:3: the inline code \"{ $n } and text\" is not a Fluent placeable"
            ),
            "{err}"
        );
    }
}
