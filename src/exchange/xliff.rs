//! XLIFF 2.0 and 1.2, written and read with quick-xml.
//!
//! One `<file>` per article (`original` is the slug), one unit per segment (its id is the segment
//! id). Fluent placeables in a translation become protected inline codes that keep their Fluent
//! source: `<ph dataRef>` pointing into `<originalData>` in 2.0, `<x equiv-text>` in 1.2. Inline
//! Markdown stays text.
//!
//! Reading refuses any DOCTYPE, so no entity (external or recursive) is ever defined or expanded;
//! only the five predefined entities and character references are read.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::{Reader, Writer};

use super::{checked_expression, normalize, Export, Format, Incoming, IncomingUnit, Unit};
use crate::error::{Error, Result};
use crate::state::State;
use crate::store::escape::{self, Piece};

/// The XLIFF 2.0 namespace.
pub const XLIFF2_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 1.2 namespace.
pub const XLIFF12_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// bitext's own namespace, for the state a unit had in the project when it was exported.
pub const BITEXT_NS: &str = "urn:bitext:xliff";

/// How deep elements may nest in a file that is read.
const MAX_DEPTH: usize = 64;

/// Builds an XML document with quick-xml, indenting the structure by hand so that mixed content
/// (text with inline codes) is never touched.
struct Xml {
    writer: Writer<Vec<u8>>,
    error: Option<std::io::Error>,
}

impl Xml {
    fn new() -> Xml {
        let mut xml = Xml {
            writer: Writer::new(Vec::new()),
            error: None,
        };
        xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml.indent(0);
        xml
    }

    fn event(&mut self, event: Event) {
        if let Err(e) = self.writer.write_event(event) {
            self.error.get_or_insert(e);
        }
    }

    fn indent(&mut self, depth: usize) {
        let text = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(text)));
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut start = BytesStart::new(name.to_string());
        for (key, value) in attrs {
            start.push_attribute(Attribute {
                key: QName(key),
                value: escape_attribute(value).into(),
            });
        }
        start.into_owned()
    }

    fn open(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)]) {
        self.indent(depth);
        self.event(Event::Start(Xml::start(name, attrs)));
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        self.event(Event::End(BytesEnd::new(name.to_string())));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(Xml::start(name, attrs)));
    }

    /// An element with text content on one line.
    fn leaf(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.indent(depth);
        self.event(Event::Start(Xml::start(name, attrs)));
        self.text(text);
        self.event(Event::End(BytesEnd::new(name.to_string())));
    }

    /// Text, escaped; characters XML 1.0 cannot hold become `<cp hex>` (an XLIFF 2.0 element).
    fn text(&mut self, text: &str) {
        let mut chunk = String::new();
        for c in text.chars() {
            if is_xml_char(c) {
                chunk.push(c);
                continue;
            }
            self.flush_text(&mut chunk);
            let hex = format!("{:04X}", c as u32);
            self.empty("cp", &[("hex", &hex)]);
        }
        self.flush_text(&mut chunk);
    }

    fn flush_text(&mut self, chunk: &mut String) {
        if !chunk.is_empty() {
            let escaped = escape_text(chunk);
            self.event(Event::Text(BytesText::from_escaped(escaped)));
            chunk.clear();
        }
    }

    fn finish(mut self) -> Result<String> {
        self.event(Event::Text(BytesText::from_escaped("\n")));
        if let Some(e) = self.error {
            return Err(Error::Usage(format!("writing XML: {e}")));
        }
        String::from_utf8(self.writer.into_inner())
            .map_err(|e| Error::Usage(format!("writing XML: {e}")))
    }
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes element text; a carriage return is written as a reference so that it survives the
/// line-end normalization of every XML reader.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value; line breaks and tabs as references, which attribute-value
/// normalization would otherwise turn into spaces.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

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

/// The state bitext had for a unit, as an XLIFF 2.0 `state` and `subState`.
fn state2(state: State) -> (&'static str, Option<&'static str>) {
    match state {
        State::Current => ("final", None),
        State::Stale {
            class: crate::change::Class::Minor,
            ..
        } => ("initial", Some("bitext:stale-minor")),
        State::Stale { .. } => ("initial", Some("bitext:stale-major")),
        State::Rejected { .. } => ("initial", Some("bitext:rejected")),
        State::Unreviewed => ("initial", Some("bitext:unreviewed")),
        State::Missing => ("initial", Some("bitext:missing")),
    }
}

/// The XLIFF 2.0 text of `export`.
pub fn write2(export: &Export) -> Result<String> {
    let mut xml = Xml::new();
    xml.event(Event::Start(Xml::start(
        "xliff",
        &[
            ("xmlns", XLIFF2_NS),
            ("xmlns:bitext", BITEXT_NS),
            ("version", "2.0"),
            ("srcLang", &export.source_locale),
            ("trgLang", &export.target_locale),
        ],
    )));
    for (n, (slug, units)) in by_article(export).into_iter().enumerate() {
        let file_id = format!("f{}", n + 1);
        xml.open(1, "file", &[("id", &file_id), ("original", slug)]);
        for unit in units {
            xml.open(
                2,
                "unit",
                &[
                    ("id", &unit.id),
                    ("bitext:state", unit.state.name()),
                    ("bitext:exported", &unit.exported()),
                ],
            );
            let notes = note_texts(unit, &export.source_locale, &export.target_locale);
            if !notes.is_empty() {
                xml.open(3, "notes", &[]);
                for (category, text) in &notes {
                    xml.leaf(4, "note", &[("category", category)], text);
                }
                xml.close(3, "notes");
            }
            let codes: Vec<&str> = unit
                .target
                .iter()
                .flatten()
                .filter_map(|p| match p {
                    Piece::Expr(e) => Some(e.as_str()),
                    Piece::Text(_) => None,
                })
                .collect();
            if !codes.is_empty() {
                xml.open(3, "originalData", &[]);
                for (i, code) in codes.iter().enumerate() {
                    xml.leaf(4, "data", &[("id", &format!("d{}", i + 1))], code);
                }
                xml.close(3, "originalData");
            }
            let (state, sub_state) = state2(unit.state);
            let mut attrs = vec![("state", state)];
            if let Some(sub) = sub_state {
                attrs.push(("subState", sub));
            }
            xml.open(3, "segment", &attrs);
            xml.leaf(4, "source", &[], &unit.source);
            if let Some(pieces) = &unit.target {
                xml.indent(4);
                xml.event(Event::Start(Xml::start("target", &[])));
                let mut code = 0;
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => xml.text(t),
                        Piece::Expr(e) => {
                            code += 1;
                            let id = code.to_string();
                            let data = format!("d{code}");
                            xml.empty(
                                "ph",
                                &[("id", &id), ("dataRef", &data), ("disp", e.as_str())],
                            );
                        }
                    }
                }
                xml.event(Event::End(BytesEnd::new("target")));
            }
            xml.close(3, "segment");
            xml.close(2, "unit");
        }
        xml.close(1, "file");
    }
    xml.indent(0);
    xml.event(Event::End(BytesEnd::new("xliff")));
    xml.finish()
}

/// The notes of a unit: its state, the earlier English of a stale one, and memory matches.
fn note_texts(unit: &Unit, source_locale: &str, target_locale: &str) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    if unit.state.is_stale() || unit.state == State::Unreviewed {
        notes.push((
            "bitext:state".to_string(),
            format!("bitext: {}", state_note(unit.state)),
        ));
    }
    if let Some(previous) = &unit.previous {
        notes.push(("bitext:previous-source".to_string(), previous.clone()));
    }
    for m in &unit.matches {
        notes.push((
            "bitext:tm".to_string(),
            format!(
                "{}% {} {} ({})\n{source_locale}: {}\n{target_locale}: {}",
                m.score, m.slug, m.id, m.state, m.source, m.translation
            ),
        ));
    }
    notes
}

/// The state bitext had for a unit, as an XLIFF 1.2 target `state`.
fn state12(state: State) -> &'static str {
    match state {
        State::Current => "final",
        State::Stale { .. } | State::Rejected { .. } | State::Unreviewed => {
            "needs-review-translation"
        }
        State::Missing => "needs-translation",
    }
}

/// The XLIFF 1.2 text of `export`. A character XML cannot hold makes it an error.
pub fn write12(export: &Export) -> Result<String> {
    for unit in &export.units {
        let texts = std::iter::once(unit.source.as_str()).chain(unit.target.iter().flatten().map(
            |p| match p {
                Piece::Text(t) | Piece::Expr(t) => t.as_str(),
            },
        ));
        for text in texts {
            if let Some(c) = text.chars().find(|&c| !is_xml_char(c)) {
                return Err(Error::Usage(format!(
                    "{} {}: the character U+{:04X} cannot be written in XLIFF 1.2 (use XLIFF 2.0 \
                     or PO)",
                    unit.slug, unit.id, c as u32
                )));
            }
        }
    }
    let mut xml = Xml::new();
    xml.event(Event::Start(Xml::start(
        "xliff",
        &[
            ("xmlns", XLIFF12_NS),
            ("xmlns:bitext", BITEXT_NS),
            ("version", "1.2"),
        ],
    )));
    for (slug, units) in by_article(export) {
        xml.open(
            1,
            "file",
            &[
                ("original", slug),
                ("source-language", &export.source_locale),
                ("target-language", &export.target_locale),
                ("datatype", "plaintext"),
            ],
        );
        xml.open(2, "body", &[]);
        for unit in units {
            // translate-toolkit, Weblate and others read `approved` as "not fuzzy".
            let exported = unit.exported();
            let mut attrs = vec![
                ("id", unit.id.as_str()),
                ("resname", unit.id.as_str()),
                ("xml:space", "preserve"),
                ("bitext:exported", exported.as_str()),
            ];
            if unit.state == State::Current {
                attrs.push(("approved", "yes"));
            }
            xml.open(3, "trans-unit", &attrs);
            xml.leaf(4, "source", &[], &unit.source);
            if let Some(pieces) = &unit.target {
                xml.indent(4);
                xml.event(Event::Start(Xml::start(
                    "target",
                    &[("state", state12(unit.state))],
                )));
                let mut code = 0;
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => xml.text(t),
                        Piece::Expr(e) => {
                            code += 1;
                            xml.empty(
                                "x",
                                &[
                                    ("id", &code.to_string()),
                                    ("ctype", "x-fluent-placeable"),
                                    ("equiv-text", e.as_str()),
                                ],
                            );
                        }
                    }
                }
                xml.event(Event::End(BytesEnd::new("target")));
            }
            // The segment's place, which tools show as its location.
            xml.open(
                4,
                "context-group",
                &[("name", "bitext"), ("purpose", "location")],
            );
            xml.leaf(
                5,
                "context",
                &[("context-type", "sourcefile")],
                &format!("{}:{}", unit.slug, unit.id),
            );
            xml.close(4, "context-group");
            xml.leaf(
                4,
                "note",
                &[("from", "bitext")],
                &format!("bitext: {}", state_note(unit.state)),
            );
            if let (Some(previous), Some(pieces)) = (&unit.previous, &unit.target) {
                xml.open(4, "alt-trans", &[("alttranstype", "previous-version")]);
                xml.leaf(5, "source", &[], previous);
                xml.leaf(5, "target", &[], &escape::display(pieces));
                xml.close(4, "alt-trans");
            }
            for m in &unit.matches {
                let quality = m.score.to_string();
                let origin = format!("bitext-tm {} {} ({})", m.slug, m.id, m.state);
                xml.open(
                    4,
                    "alt-trans",
                    &[("match-quality", &quality), ("origin", &origin)],
                );
                xml.leaf(5, "source", &[], &m.source);
                xml.leaf(5, "target", &[], &m.translation);
                xml.close(4, "alt-trans");
            }
            xml.close(3, "trans-unit");
        }
        xml.close(2, "body");
        xml.close(1, "file");
    }
    xml.indent(0);
    xml.event(Event::End(BytesEnd::new("xliff")));
    xml.finish()
}

/// An element as read: its local name, its attributes (by qualified name), what it holds, and
/// where it starts in the file.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    offset: usize,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }
}

/// Reads the XML of `text` into elements; a DOCTYPE, an entity other than the predefined ones,
/// and anything that is not well-formed are errors.
fn read_tree(path: &Path, text: &str) -> Result<Element> {
    let at = |offset: u64, message: String| {
        Error::at_offset(path, text, usize::try_from(offset).unwrap_or(0), message)
    };
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| at(reader.error_position(), format!("not well-formed XML: {e}")))?;
        let start = |e: &BytesStart| -> Result<Element> {
            let name = e.local_name().as_ref().to_string();
            let mut attrs = Vec::new();
            for attr in e.attributes() {
                let attr = attr.map_err(|err| at(offset, format!("bad attribute: {err}")))?;
                let key = attr.key.as_ref().to_string();
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|err| at(offset, format!("attribute {key}: {err}")))?
                    .into_owned();
                attrs.push((key, value));
            }
            Ok(Element {
                name,
                attrs,
                children: Vec::new(),
                offset: usize::try_from(offset).unwrap_or(0),
            })
        };
        let push_text = |stack: &mut Vec<Element>, s: &str| {
            if let Some(parent) = stack.last_mut() {
                match parent.children.last_mut() {
                    Some(Node::Text(t)) => t.push_str(s),
                    _ => parent.children.push(Node::Text(s.to_string())),
                }
            }
        };
        match event {
            Event::DocType(_) => {
                return Err(at(
                    offset,
                    "a DOCTYPE is not allowed in an exchange file (it could define entities that \
                     read other files or expand without end)"
                        .into(),
                ))
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(at(offset, format!("elements nest deeper than {MAX_DEPTH}")));
                }
                if root.is_some() {
                    return Err(at(offset, "a second root element".into()));
                }
                let element = start(&e)?;
                stack.push(element);
            }
            Event::Empty(e) => {
                let element = start(&e)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None if root.is_none() => root = Some(element),
                    None => return Err(at(offset, "a second root element".into())),
                }
            }
            Event::End(_) => {
                let Some(element) = stack.pop() else {
                    return Err(at(offset, "an end tag with no start".into()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content();
                if stack.is_empty() {
                    if !content.trim().is_empty() {
                        return Err(at(offset, "text outside the root element".into()));
                    }
                } else {
                    push_text(&mut stack, &content);
                }
            }
            Event::CData(t) => {
                let content = t.xml10_content().into_owned();
                push_text(&mut stack, &content);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => {
                            return Err(at(
                                offset,
                                format!("unknown entity &{other}; (only the XML ones are read)"),
                            ))
                        }
                    },
                    Err(e) => return Err(at(offset, format!("bad character reference: {e}"))),
                };
                if stack.is_empty() {
                    return Err(at(offset, "text outside the root element".into()));
                }
                push_text(&mut stack, &resolved);
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(at(
            text.len() as u64,
            format!("the file ends inside <{}>", open.name),
        ));
    }
    root.ok_or_else(|| Error::at_offset(path, text, 0, "no XML root element"))
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
        Some(v) if v.starts_with("2.") => parse2(path, text, &root),
        Some("1.2") | Some("1.1") => parse12(path, text, &root),
        Some(v) => Err(at(
            root.offset,
            format!("XLIFF version {v:?}: bitext reads 2.x and 1.2"),
        )),
        None => Err(at(root.offset, "<xliff> has no version".into())),
    }
}

fn parse2(path: &Path, text: &str, root: &Element) -> Result<Incoming> {
    let at = |offset: usize, message: String| Error::at_offset(path, text, offset, message);
    let Some(target_locale) = root.attr("trgLang") else {
        return Err(at(
            root.offset,
            "<xliff> has no trgLang: which locale is this?".into(),
        ));
    };
    let mut units = Vec::new();
    for file in root.elements().filter(|e| e.name == "file") {
        let Some(slug) = file.attr("original") else {
            return Err(at(
                file.offset,
                "<file> has no original (the article)".into(),
            ));
        };
        let mut found = Vec::new();
        collect_named(file, "unit", &mut found);
        for unit in found {
            let Some(id) = unit.attr("id") else {
                return Err(at(unit.offset, "<unit> has no id".into()));
            };
            let data: HashMap<&str, String> = unit
                .child("originalData")
                .into_iter()
                .flat_map(|d| d.elements())
                .filter(|d| d.name == "data")
                .filter_map(|d| Some((d.attr("id")?, plain_text(d))))
                .collect();
            let mut source = Vec::new();
            let mut target = Vec::new();
            let mut done = true;
            let mut segments = 0;
            for part in unit
                .elements()
                .filter(|e| e.name == "segment" || e.name == "ignorable")
            {
                if part.name == "segment" {
                    segments += 1;
                    let state = part.attr("state").unwrap_or("initial");
                    done &= matches!(state, "translated" | "reviewed" | "final");
                }
                if let Some(s) = part.child("source") {
                    source.extend(inline2(path, text, s, &data)?);
                }
                match part.child("target") {
                    Some(t) => target.extend(inline2(path, text, t, &data)?),
                    None if part.name == "ignorable" => {
                        if let Some(s) = part.child("source") {
                            target.extend(inline2(path, text, s, &data)?);
                        }
                    }
                    None => {}
                }
            }
            if segments == 0 {
                return Err(at(unit.offset, format!("unit {id} has no <segment>")));
            }
            let target = normalize(target);
            let has_text = target.iter().any(|p| match p {
                Piece::Text(t) => !t.trim().is_empty(),
                Piece::Expr(_) => true,
            });
            units.push(IncomingUnit {
                slug: (slug.to_string(), file.offset),
                id: id.to_string(),
                source: escape::display(&source),
                target: has_text.then_some(target),
                done,
                offset: unit.offset,
                exported: unit.attr("bitext:exported").map(str::to_string),
            });
        }
    }
    Ok(Incoming {
        format: Format::Xliff2,
        source_locale: root.attr("srcLang").map(|l| (l.to_string(), root.offset)),
        target_locale: (target_locale.to_string(), root.offset),
        units,
    })
}

fn parse12(path: &Path, text: &str, root: &Element) -> Result<Incoming> {
    let at = |offset: usize, message: String| Error::at_offset(path, text, offset, message);
    let mut target_locale: Option<(String, usize)> = None;
    let mut source_locale = None;
    let mut units = Vec::new();
    for file in root.elements().filter(|e| e.name == "file") {
        let Some(slug) = file.attr("original") else {
            return Err(at(
                file.offset,
                "<file> has no original (the article)".into(),
            ));
        };
        let Some(locale) = file.attr("target-language") else {
            return Err(at(
                file.offset,
                "<file> has no target-language: which locale is this?".into(),
            ));
        };
        match &target_locale {
            Some((first, _)) if first != locale => {
                return Err(at(
                    file.offset,
                    format!("target-language {locale} where an earlier <file> has {first}"),
                ))
            }
            Some(_) => {}
            None => target_locale = Some((locale.to_string(), file.offset)),
        }
        if source_locale.is_none() {
            source_locale = file
                .attr("source-language")
                .map(|l| (l.to_string(), file.offset));
        }
        let mut found = Vec::new();
        collect_named(file, "trans-unit", &mut found);
        for unit in found {
            let Some(id) = unit.attr("id") else {
                return Err(at(unit.offset, "<trans-unit> has no id".into()));
            };
            let Some(source) = unit.child("source") else {
                return Err(at(unit.offset, format!("trans-unit {id} has no <source>")));
            };
            let source = escape::display(&inline12(path, text, source)?);
            let (target, done) = match unit.child("target") {
                Some(t) => {
                    let pieces = normalize(inline12(path, text, t)?);
                    let done = match (t.attr("state"), unit.attr("approved")) {
                        (_, Some("yes")) => true,
                        (Some(s), _) => matches!(s, "translated" | "signed-off" | "final"),
                        // No state: nothing says the translator is done with it, and a stale
                        // translation passed through untouched must not be signed off.
                        (None, _) => false,
                    };
                    (pieces, done)
                }
                None => (Vec::new(), false),
            };
            let has_text = target.iter().any(|p| match p {
                Piece::Text(t) => !t.trim().is_empty(),
                Piece::Expr(_) => true,
            });
            units.push(IncomingUnit {
                slug: (slug.to_string(), file.offset),
                id: id.to_string(),
                source,
                target: has_text.then_some(target),
                done,
                offset: unit.offset,
                exported: unit.attr("bitext:exported").map(str::to_string),
            });
        }
    }
    let Some(target_locale) = target_locale else {
        return Err(at(root.offset, "no <file> in the XLIFF".into()));
    };
    Ok(Incoming {
        format: Format::Xliff12,
        source_locale,
        target_locale,
        units,
    })
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

/// All the text inside an element.
fn plain_text(e: &Element) -> String {
    let mut out = String::new();
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => out.push_str(&plain_text(c)),
        }
    }
    out
}

fn code(path: &Path, text: &str, offset: usize, source: &str) -> Result<Piece> {
    checked_expression(source).map(Piece::Expr).ok_or_else(|| {
        Error::at_offset(
            path,
            text,
            offset,
            format!("the inline code {source:?} is not a Fluent placeable"),
        )
    })
}

/// The content of an XLIFF 2.0 source or target: text, `<ph>` codes (their Fluent source in
/// `originalData`), `<cp>` characters, and the content of `<mrk>` annotations.
fn inline2(
    path: &Path,
    text: &str,
    e: &Element,
    data: &HashMap<&str, String>,
) -> Result<Vec<Piece>> {
    let mut out = Vec::new();
    for n in &e.children {
        match n {
            Node::Text(t) => out.push(Piece::Text(t.clone())),
            Node::Element(c) => match c.name.as_str() {
                "ph" => {
                    let Some(source) = c.attr("dataRef").and_then(|r| data.get(r)) else {
                        return Err(Error::at_offset(
                            path,
                            text,
                            c.offset,
                            "<ph> without original data (a dataRef into <originalData>)",
                        ));
                    };
                    out.push(code(path, text, c.offset, source)?);
                }
                "cp" => {
                    let c = c
                        .attr("hex")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .ok_or_else(|| {
                            Error::at_offset(path, text, c.offset, "<cp> with a bad hex")
                        })?;
                    out.push(Piece::Text(c.to_string()));
                }
                "mrk" => out.extend(inline2(path, text, c, data)?),
                other => {
                    return Err(Error::at_offset(
                        path,
                        text,
                        c.offset,
                        format!("<{other}> is not an inline element bitext reads (ph, cp, mrk)"),
                    ))
                }
            },
        }
    }
    Ok(out)
}

/// The content of an XLIFF 1.2 source or target: text, `<x>` codes (their Fluent source in
/// `equiv-text`), `<ph>` codes (their Fluent source as content), and the content of `<mrk>`.
fn inline12(path: &Path, text: &str, e: &Element) -> Result<Vec<Piece>> {
    let mut out = Vec::new();
    for n in &e.children {
        match n {
            Node::Text(t) => out.push(Piece::Text(t.clone())),
            Node::Element(c) => match c.name.as_str() {
                "x" => {
                    let Some(source) = c.attr("equiv-text") else {
                        return Err(Error::at_offset(
                            path,
                            text,
                            c.offset,
                            "<x> without equiv-text (the Fluent placeable)",
                        ));
                    };
                    out.push(code(path, text, c.offset, source)?);
                }
                "ph" => out.push(code(path, text, c.offset, &plain_text(c))?),
                "mrk" => out.extend(inline12(path, text, c)?),
                other => {
                    return Err(Error::at_offset(
                        path,
                        text,
                        c.offset,
                        format!("<{other}> is not an inline element bitext reads (x, ph, mrk)"),
                    ))
                }
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doctype_is_refused_before_any_entity_is_read() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"2.0\">&e;</xliff>";
        let err = parse(Path::new("a.xlf"), text).unwrap_err().to_string();
        assert!(
            err.starts_with("a.xlf:2:1: a DOCTYPE is not allowed"),
            "{err}"
        );
    }

    #[test]
    fn an_undefined_entity_is_an_error() {
        let text = "<xliff version=\"2.0\" trgLang=\"ko\">&lol;</xliff>";
        let err = parse(Path::new("a.xlf"), text).unwrap_err().to_string();
        assert!(err.contains("unknown entity &lol;"), "{err}");
    }

    #[test]
    fn text_escapes_survive_a_reader() {
        assert_eq!(escape_text("a<b&c\r\n"), "a&lt;b&amp;c&#13;\n");
        assert_eq!(escape_attribute("{ $n ->\n}"), "{ $n -&gt;&#10;}");
    }
}
