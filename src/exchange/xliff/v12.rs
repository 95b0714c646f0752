//! XLIFF 1.2: one `<file>` per article, one `<trans-unit>` per segment; a Fluent placeable is an
//! `<x>` whose `equiv-text` is its source, and the segment's place a `sourcefile` context.

use std::path::Path;

use quick_xml::events::{BytesEnd, Event};

use super::xml::{is_xml_char, plain_text, Element, Node, Xml};
use super::{by_article, code, collect_named, state_note, BITEXT_NS, XLIFF12_NS};
use crate::error::{Error, Result};
use crate::exchange::{normalize, Export, Format, Incoming, IncomingUnit, Unit};
use crate::state::State;
use crate::store::escape::{self, Piece};
use crate::store::target::normalize_comment;

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
    check_xml_chars(export)?;
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
            write_unit12(&mut xml, unit);
        }
        xml.close(2, "body");
        xml.close(1, "file");
    }
    xml.indent(0);
    xml.event(Event::End(BytesEnd::new("xliff")));
    xml.finish()
}

/// Refuses an export with a character XML 1.0 cannot hold, which XLIFF 1.2 has no way to write.
fn check_xml_chars(export: &Export) -> Result<()> {
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
    Ok(())
}

/// Writes one segment as a `<trans-unit>`: its source, target, place, notes and alternatives.
fn write_unit12(xml: &mut Xml, unit: &Unit) {
    // translate-toolkit, Weblate and others read `approved` as "not fuzzy".
    let exported = unit.exported();
    let exported_comment = unit.exported_comment();
    let mut attrs = vec![
        ("id", unit.id.as_str()),
        ("resname", unit.id.as_str()),
        ("xml:space", "preserve"),
        ("bitext:exported", exported.as_str()),
    ];
    if let Some(hash) = &exported_comment {
        attrs.push(("bitext:exported-comment", hash.as_str()));
    }
    if unit.state == State::Current {
        attrs.push(("approved", "yes"));
    }
    if unit.context {
        attrs.push(("translate", "no"));
    }
    xml.open(3, "trans-unit", &attrs);
    xml.leaf(4, "source", &[], &unit.source);
    if let Some(pieces) = &unit.target {
        write_target12(xml, unit.state, pieces);
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
    write_notes12(xml, unit);
    write_alternatives12(xml, unit);
    xml.close(3, "trans-unit");
}

/// Writes a translation as a `<target>`, each placeable an `<x>` whose `equiv-text` is its
/// source.
fn write_target12(xml: &mut Xml, state: State, pieces: &[Piece]) {
    xml.indent(4);
    xml.event(Event::Start(Xml::start(
        "target",
        &[("state", state12(state))],
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

/// Writes a unit's notes: the translator's comment (`from="translator"`, which translate-toolkit's
/// `xliff2po` makes a PO translator comment and Okapi shows as the translator's), its state, its
/// translator and a reviewer's rejection.
fn write_notes12(xml: &mut Xml, unit: &Unit) {
    if let Some(comment) = &unit.comment {
        xml.leaf(4, "note", &[("from", COMMENT_FROM)], comment);
    }
    xml.leaf(
        4,
        "note",
        &[("from", "bitext")],
        &format!("bitext: {}", state_note(unit.state)),
    );
    if let Some(by) = &unit.translator {
        xml.leaf(
            4,
            "note",
            &[("from", by), ("annotates", "target")],
            &format!("translated by {by}"),
        );
    }
    if let Some((by, note)) = &unit.rejected {
        xml.leaf(
            4,
            "note",
            &[("from", by), ("annotates", "target"), ("priority", "1")],
            &format!("rejected by {by}: {note}"),
        );
    }
}

/// Writes a unit's `<alt-trans>`: the earlier English of a stale one with its translation, and
/// the memory matches.
fn write_alternatives12(xml: &mut Xml, unit: &Unit) {
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
}

/// The `from` of the note that holds the translator's own comment.
const COMMENT_FROM: &str = "translator";

/// Whether a `<note>` of a trans-unit is the translator's comment: `from="translator"`, or no
/// `from`, and not one of the notes bitext writes of a unit's state (`bitext: …`) and people
/// (`translated by …`, `rejected by …` about the target).
fn is_comment_note(note: &Element, text: &str) -> bool {
    let ours = text.starts_with("bitext: ")
        || (note.attr("annotates") == Some("target")
            && (text.starts_with("translated by ") || text.starts_with("rejected by ")));
    matches!(note.attr("from"), None | Some(COMMENT_FROM)) && !ours
}

pub(super) fn parse12(path: &Path, text: &str, root: &Element) -> Result<Incoming> {
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
            let comment: Vec<String> = unit
                .elements()
                .filter(|n| n.name == "note")
                .map(|n| (n, plain_text(n)))
                .filter(|(n, t)| is_comment_note(n, t))
                .map(|(_, t)| t)
                .collect();
            let comment = normalize_comment(&comment.join("\n"));
            units.push(IncomingUnit {
                slug: (slug.to_string(), file.offset),
                id: id.to_string(),
                source,
                target: has_text.then_some(target),
                done,
                offset: unit.offset,
                exported: unit.attr("bitext:exported").map(str::to_string),
                comment: (!comment.is_empty()).then_some(comment),
                exported_comment: unit.attr("bitext:exported-comment").map(str::to_string),
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
        translator: None,
        units,
    })
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
    use super::super::fixtures::{export, pieces, unit};
    use super::*;

    fn read(text: &str) -> Result<Incoming> {
        super::super::parse(Path::new("a.xlf"), text)
    }

    #[test]
    fn placeables_and_states_round_trip() {
        let text = write12(&export(vec![
            unit("s-1", Some(pieces()), State::Current),
            unit("s-2", Some(pieces()), State::Unreviewed),
            unit("s-3", None, State::Missing),
        ]))
        .unwrap();
        assert!(text.contains("equiv-text=\"{ $name }\""), "{text}");
        assert!(text.contains("<context context-type=\"sourcefile\">2021/08/a:s-1</context>"));
        let incoming = read(&text).unwrap();
        assert_eq!(incoming.format, Format::Xliff12);
        assert_eq!(incoming.target_locale.0, "ko");
        let units = &incoming.units;
        assert_eq!(units[0].target.as_ref(), Some(&pieces()));
        assert!(units[0].done);
        assert!(!units[1].done);
        assert_eq!(units[2].target, None);
    }

    #[test]
    fn the_translators_comment_is_a_note_from_the_translator_apart_from_bitexts_notes() {
        let mut commented = unit("s-1", Some(pieces()), State::Current);
        commented.comment = Some("Уточнить должность.\nВторая строка".into());
        // A person whose handle is "translator": their sign-off note is not a comment.
        commented.translator = Some("translator".into());
        let text = write12(&export(vec![commented.clone()])).unwrap();
        assert!(
            text.contains("<note from=\"translator\">Уточнить должность.\nВторая строка</note>\n        <note from=\"bitext\">bitext: current</note>\n        <note from=\"translator\" annotates=\"target\">translated by translator</note>"),
            "{text}"
        );
        let unit = &read(&text).unwrap().units[0];
        assert_eq!(
            unit.comment.as_deref(),
            Some("Уточнить должность.\nВторая строка")
        );
        assert_eq!(unit.exported_comment, commented.exported_comment());

        // A note without `from` is the comment unless it is bitext's; other people's are not.
        let file = |notes: &str| {
            format!("<xliff version=\"1.2\"><file original=\"a\" target-language=\"ru\"><body><trans-unit id=\"s-1\"><source>A.</source>{notes}</trans-unit></body></file></xliff>")
        };
        let comment = |notes: &str| read(&file(notes)).unwrap().units[0].comment.clone();
        assert_eq!(comment("<note>Свой</note>").as_deref(), Some("Свой"));
        assert_eq!(comment("<note>bitext: stale</note>"), None);
        assert_eq!(comment("<note from=\"arman\">Чужой</note>"), None);
        assert_eq!(comment("<note from=\"developer\">Dev</note>"), None);
        assert_eq!(
            comment("<note from=\"translator\">Раз</note><note>Два</note>").as_deref(),
            Some("Раз\nДва")
        );
    }

    #[test]
    fn a_character_xml_cannot_hold_is_refused_on_export() {
        let err = write12(&export(vec![unit(
            "s-1",
            Some(vec![Piece::Text("\u{1}".into())]),
            State::Current,
        )]))
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("U+0001 cannot be written in XLIFF 1.2"),
            "{err}"
        );
    }

    #[test]
    fn done_is_approved_or_a_finished_state_and_nothing_else() {
        let file = |attrs: &str| {
            format!("<xliff version=\"1.2\"><file original=\"a\" target-language=\"ko\"><body><trans-unit id=\"s-1\"{attrs}><source>A.</source><target{attrs}>가.</target></trans-unit></body></file></xliff>")
        };
        let done = |attrs: &str| read(&file(attrs)).unwrap().units[0].done;
        assert!(done(" approved=\"yes\""));
        assert!(done(" state=\"translated\""));
        assert!(done(" state=\"final\""));
        assert!(!done(" state=\"needs-review-translation\""));
        assert!(!done(""));
    }

    #[test]
    fn codes_need_their_fluent_source_and_files_their_languages() {
        let unit = |target: &str| {
            format!("<xliff version=\"1.2\"><file original=\"a\" target-language=\"ko\"><body><trans-unit id=\"s-1\"><source>A</source><target>{target}</target></trans-unit></body></file></xliff>")
        };
        let err = read(&unit("<x id=\"1\"/>")).unwrap_err();
        assert!(err.to_string().contains("<x> without equiv-text"), "{err}");
        let err = read(&unit("<g id=\"1\">a</g>")).unwrap_err();
        assert!(
            err.to_string().contains("<g> is not an inline element"),
            "{err}"
        );
        let ph = read(&unit("<ph id=\"1\">{ -brand }</ph>")).unwrap();
        assert_eq!(
            ph.units[0].target,
            Some(vec![Piece::Expr("{ -brand }".into())])
        );
        let err = read("<xliff version=\"1.2\"><file original=\"a\"/></xliff>").unwrap_err();
        assert!(err.to_string().contains("no target-language"), "{err}");
        let two = "<xliff version=\"1.2\"><file original=\"a\" target-language=\"ko\"/><file original=\"b\" target-language=\"ru\"/></xliff>";
        let err = read(two).unwrap_err();
        assert!(
            err.to_string()
                .contains("target-language ru where an earlier <file> has ko"),
            "{err}"
        );
    }
}
