//! The XML layer of the XLIFF formats: a writer that indents structure but never touches mixed
//! content, and a reader into a small element tree that refuses what an exchange file has no use
//! for and what could hurt: a DOCTYPE (so no entity, external or recursive, is ever defined or
//! expanded), entities other than the five predefined ones, and elements nested deeper than
//! [`MAX_DEPTH`].

use std::path::Path;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesRef, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::{Reader, Writer};

use crate::error::{Error, Result};

/// How deep elements may nest in a file that is read.
pub(super) const MAX_DEPTH: usize = 64;

/// Builds an XML document with quick-xml, indenting the structure by hand so that mixed content
/// (text with inline codes) is never touched.
pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
    error: Option<std::io::Error>,
}

impl Xml {
    pub(super) fn new() -> Xml {
        let mut xml = Xml {
            writer: Writer::new(Vec::new()),
            error: None,
        };
        xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml.indent(0);
        xml
    }

    pub(super) fn event(&mut self, event: Event) {
        if let Err(e) = self.writer.write_event(event) {
            self.error.get_or_insert(e);
        }
    }

    pub(super) fn indent(&mut self, depth: usize) {
        let text = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(text)));
    }

    pub(super) fn start(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut start = BytesStart::new(name.to_string());
        for (key, value) in attrs {
            start.push_attribute(Attribute {
                key: QName(key),
                value: escape_attribute(value).into(),
            });
        }
        start.into_owned()
    }

    pub(super) fn open(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)]) {
        self.indent(depth);
        self.event(Event::Start(Xml::start(name, attrs)));
    }

    pub(super) fn close(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        self.event(Event::End(BytesEnd::new(name.to_string())));
    }

    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(Xml::start(name, attrs)));
    }

    /// An element with text content on one line.
    pub(super) fn leaf(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.indent(depth);
        self.event(Event::Start(Xml::start(name, attrs)));
        self.text(text);
        self.event(Event::End(BytesEnd::new(name.to_string())));
    }

    /// Text, escaped; characters XML 1.0 cannot hold become `<cp hex>` (an XLIFF 2.0 element).
    pub(super) fn text(&mut self, text: &str) {
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

    pub(super) fn finish(mut self) -> Result<String> {
        self.event(Event::Text(BytesText::from_escaped("\n")));
        if let Some(e) = self.error {
            return Err(Error::Usage(format!("writing XML: {e}")));
        }
        String::from_utf8(self.writer.into_inner())
            .map_err(|e| Error::Usage(format!("writing XML: {e}")))
    }
}

pub(super) fn is_xml_char(c: char) -> bool {
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
/// An element as read: its local name, its attributes (by qualified name), what it holds, and
/// where it starts in the file.
#[derive(Debug)]
pub(super) struct Element {
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) children: Vec<Node>,
    pub(super) offset: usize,
}

#[derive(Debug)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }
}

/// Reads the XML of `text` into elements; a DOCTYPE, an entity other than the predefined ones,
/// and anything that is not well-formed are errors.
pub(super) fn read_tree(path: &Path, text: &str) -> Result<Element> {
    let at = |offset: u64, message: String| {
        Error::at_offset(path, text, usize::try_from(offset).unwrap_or(0), message)
    };
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut tree = Tree::default();
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| at(reader.error_position(), format!("not well-formed XML: {e}")))?;
        match event {
            Event::Eof => break,
            event => tree.take(event, offset).map_err(|why| at(offset, why))?,
        }
    }
    if let Some(open) = tree.stack.last() {
        return Err(at(
            text.len() as u64,
            format!("the file ends inside <{}>", open.name),
        ));
    }
    tree.root
        .ok_or_else(|| Error::at_offset(path, text, 0, "no XML root element"))
}

/// The elements read so far: those still open, innermost last, and the root once it is closed.
#[derive(Default)]
struct Tree {
    stack: Vec<Element>,
    root: Option<Element>,
}

impl Tree {
    /// Takes in the event that starts at `offset`; on error, why (the error is at `offset`).
    fn take(&mut self, event: Event, offset: u64) -> Result<(), String> {
        match event {
            Event::DocType(_) => {
                return Err(
                    "a DOCTYPE is not allowed in an exchange file (it could define entities that \
                     read other files or expand without end)"
                        .into(),
                )
            }
            Event::Start(e) => self.open(&e, offset)?,
            Event::Empty(e) => self.empty(&e, offset)?,
            Event::End(_) => self.close()?,
            Event::Text(t) => {
                let content = t.xml10_content();
                if self.stack.is_empty() {
                    if !content.trim().is_empty() {
                        return Err("text outside the root element".into());
                    }
                } else {
                    self.push_text(&content);
                }
            }
            Event::CData(t) => {
                let content = t.xml10_content().into_owned();
                self.push_text(&content);
            }
            Event::GeneralRef(r) => {
                let resolved = resolve_reference(&r)?;
                if self.stack.is_empty() {
                    return Err("text outside the root element".into());
                }
                self.push_text(&resolved);
            }
            // The end of the file is the reader's to handle.
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::Eof => {}
        }
        Ok(())
    }

    /// Opens an element with a start tag.
    fn open(&mut self, e: &BytesStart, offset: u64) -> Result<(), String> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(format!("elements nest deeper than {MAX_DEPTH}"));
        }
        if self.root.is_some() {
            return Err("a second root element".into());
        }
        let element = read_element(e, offset)?;
        self.stack.push(element);
        Ok(())
    }

    /// Adds an empty element (`<x/>`) to the open one, or makes it the root.
    fn empty(&mut self, e: &BytesStart, offset: u64) -> Result<(), String> {
        let element = read_element(e, offset)?;
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None if self.root.is_none() => self.root = Some(element),
            None => return Err("a second root element".into()),
        }
        Ok(())
    }

    /// Closes the open element with an end tag: it joins its parent, or becomes the root.
    fn close(&mut self) -> Result<(), String> {
        let Some(element) = self.stack.pop() else {
            return Err("an end tag with no start".into());
        };
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => self.root = Some(element),
        }
        Ok(())
    }

    /// Adds text to the open element, joining the text just before it.
    fn push_text(&mut self, s: &str) {
        if let Some(parent) = self.stack.last_mut() {
            match parent.children.last_mut() {
                Some(Node::Text(t)) => t.push_str(s),
                _ => parent.children.push(Node::Text(s.to_string())),
            }
        }
    }
}

/// The element that a start tag at `offset` opens, with its attributes' values normalized; on
/// error, why.
fn read_element(e: &BytesStart, offset: u64) -> Result<Element, String> {
    let name = e.local_name().as_ref().to_string();
    let mut attrs = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| format!("bad attribute: {err}"))?;
        let key = attr.key.as_ref().to_string();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("attribute {key}: {err}"))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        offset: usize::try_from(offset).unwrap_or(0),
    })
}

/// The text of a character reference or of one of the five predefined entities; on error, why.
fn resolve_reference(r: &BytesRef) -> Result<String, String> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Ok(c.to_string()),
        Ok(None) => match &**r {
            "amp" => Ok("&".into()),
            "lt" => Ok("<".into()),
            "gt" => Ok(">".into()),
            "quot" => Ok("\"".into()),
            "apos" => Ok("'".into()),
            other => Err(format!(
                "unknown entity &{other}; (only the XML ones are read)"
            )),
        },
        Err(e) => Err(format!("bad character reference: {e}")),
    }
}

/// All the text inside an element.
pub(super) fn plain_text(e: &Element) -> String {
    let mut out = String::new();
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => out.push_str(&plain_text(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Result<Element> {
        read_tree(Path::new("a.xlf"), text)
    }

    #[test]
    fn text_escapes_survive_a_reader() {
        assert_eq!(escape_text("a<b&c\r\n"), "a&lt;b&amp;c&#13;\n");
        assert_eq!(escape_attribute("{ $n ->\n}"), "{ $n -&gt;&#10;}");
    }

    #[test]
    fn written_text_and_attributes_read_back_exactly() {
        let mut xml = Xml::new();
        xml.open(0, "a", &[("k", "line\nbreak\t\"q\" <&>")]);
        xml.text("x < y & \r\n\u{1}z");
        xml.close(0, "a");
        let text = xml.finish().unwrap();
        let root = tree(&text).unwrap();
        assert_eq!(root.attr("k"), Some("line\nbreak\t\"q\" <&>"));
        // The control character became a <cp>; the carriage return survived as a reference.
        assert_eq!(plain_text(&root).trim_end(), "x < y & \r\nz");
        assert_eq!(root.child("cp").and_then(|c| c.attr("hex")), Some("0001"));
    }

    #[test]
    fn mixed_content_is_not_indented() {
        let mut xml = Xml::new();
        xml.open(0, "target", &[]);
        xml.text("a ");
        xml.empty("ph", &[("id", "1")]);
        xml.text(" b");
        xml.event(Event::End(BytesEnd::new("target")));
        let text = xml.finish().unwrap();
        assert!(
            text.contains("<target>a <ph id=\"1\"/> b</target>"),
            "{text}"
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused_where_it_starts() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        let err = tree(&deep).unwrap_err().to_string();
        let column = 3 * MAX_DEPTH + 1;
        assert!(
            err.starts_with(&format!(
                "a.xlf:1:{column}: elements nest deeper than {MAX_DEPTH}"
            )),
            "{err}"
        );
        let fine = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        assert!(tree(&fine).is_ok());
    }

    #[test]
    fn what_is_not_well_formed_is_an_error() {
        for (text, message) in [
            ("<a></b>", "not well-formed XML"),
            ("<a/><b/>", "a second root element"),
            ("hello<a/>", "text outside the root element"),
            ("<a>", "the file ends inside <a>"),
            ("", "no XML root element"),
            ("<a>&#xD800;</a>", "bad character reference"),
        ] {
            let err = tree(text).unwrap_err().to_string();
            assert!(err.contains(message), "{text:?}: {err}");
        }
    }

    #[test]
    fn character_references_and_predefined_entities_are_read() {
        let root = tree("<a>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;<![CDATA[<c>]]></a>").unwrap();
        assert_eq!(plain_text(&root), "<&>\"'AB<c>");
    }
}
