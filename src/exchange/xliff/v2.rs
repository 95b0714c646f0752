//! XLIFF 2.0: one `<file>` per article, one `<unit>` per segment; a Fluent placeable is a `<ph>`
//! whose `dataRef` points into the unit's `<originalData>`, a character XML cannot hold a `<cp>`.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::{BytesEnd, Event};

use super::xml::{plain_text, Element, Node, Xml};
use super::{by_article, code, collect_named, state_note, BITEXT_NS, XLIFF2_NS};
use crate::error::{Error, Result};
use crate::exchange::{normalize, Export, Format, Incoming, IncomingUnit, Unit};
use crate::state::State;
use crate::store::escape::{self, Piece};
use crate::store::target::normalize_comment;

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
            let exported = unit.exported();
            let exported_comment = unit.exported_comment();
            let mut attrs = vec![
                ("id", unit.id.as_str()),
                ("bitext:state", unit.state.name()),
                ("bitext:exported", exported.as_str()),
            ];
            if let Some(hash) = &exported_comment {
                attrs.push(("bitext:exported-comment", hash.as_str()));
            }
            if unit.context {
                attrs.push(("translate", "no"));
            }
            xml.open(2, "unit", &attrs);
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

/// The category of the note that holds the translator's own comment. XLIFF 2.0 leaves note
/// categories to the tools; translate-toolkit (which Weblate reads and writes XLIFF through)
/// writes a translator's note as `category="translator"` and reads back as the translator's only
/// the notes of that category, while Okapi keeps any category as it is. So bitext writes
/// `translator`, and reads as the comment a note of that category, of `bitext:comment`, or of
/// none, never one of bitext's own `bitext:` categories.
pub(super) const COMMENT_CATEGORY: &str = "translator";

/// Whether a note of `category` is the translator's comment (see [`COMMENT_CATEGORY`]).
fn is_comment_category(category: Option<&str>) -> bool {
    matches!(
        category,
        None | Some(COMMENT_CATEGORY) | Some("bitext:comment")
    )
}

/// The notes of a unit: the translator's comment, its state, the earlier English of a stale one,
/// its translator, a reviewer's rejection and memory matches.
fn note_texts(unit: &Unit, source_locale: &str, target_locale: &str) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    if let Some(comment) = &unit.comment {
        notes.push((COMMENT_CATEGORY.to_string(), comment.clone()));
    }
    if unit.state.is_stale() || unit.state == State::Unreviewed {
        notes.push((
            "bitext:state".to_string(),
            format!("bitext: {}", state_note(unit.state)),
        ));
    }
    if let Some(previous) = &unit.previous {
        notes.push(("bitext:previous-source".to_string(), previous.clone()));
    }
    if let Some(by) = &unit.translator {
        notes.push((
            "bitext:translator".to_string(),
            format!("translated by {by}"),
        ));
    }
    if let Some((by, note)) = &unit.rejected {
        notes.push((
            "bitext:review".to_string(),
            format!("rejected by {by}: {note}"),
        ));
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

pub(super) fn parse2(path: &Path, text: &str, root: &Element) -> Result<Incoming> {
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
            let comment: Vec<String> = unit
                .child("notes")
                .into_iter()
                .flat_map(|n| n.elements())
                .filter(|n| n.name == "note" && is_comment_category(n.attr("category")))
                .map(plain_text)
                .collect();
            let comment = normalize_comment(&comment.join("\n"));
            units.push(IncomingUnit {
                slug: (slug.to_string(), file.offset),
                id: id.to_string(),
                source: escape::display(&source),
                target: has_text.then_some(target),
                done,
                offset: unit.offset,
                exported: unit.attr("bitext:exported").map(str::to_string),
                comment: (!comment.is_empty()).then_some(comment),
                exported_comment: unit.attr("bitext:exported-comment").map(str::to_string),
            });
        }
    }
    Ok(Incoming {
        format: Format::Xliff2,
        source_locale: root.attr("srcLang").map(|l| (l.to_string(), root.offset)),
        target_locale: (target_locale.to_string(), root.offset),
        translator: None,
        units,
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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{export, pieces, unit};
    use super::*;

    fn read(text: &str) -> Result<Incoming> {
        super::super::parse(Path::new("a.xlf"), text)
    }

    #[test]
    fn placeables_and_states_round_trip() {
        let mut with_cp = pieces();
        if let Some(Piece::Text(t)) = with_cp.last_mut() {
            t.push('\u{1}');
        }
        let text = write2(&export(vec![
            unit("s-1", Some(with_cp.clone()), State::Current),
            unit("s-2", Some(pieces()), State::Unreviewed),
            unit("s-3", None, State::Missing),
        ]))
        .unwrap();
        assert!(text.contains("<data id=\"d1\">{ $name }</data>"), "{text}");
        assert!(text.contains("<cp hex=\"0001\"/>"), "{text}");
        let incoming = read(&text).unwrap();
        assert_eq!(incoming.format, Format::Xliff2);
        assert_eq!(incoming.target_locale.0, "ko");
        assert_eq!(incoming.source_locale.as_ref().unwrap().0, "en");
        let units = &incoming.units;
        assert_eq!(units.len(), 3);
        assert_eq!(units[0].slug.0, "2021/08/a");
        assert_eq!(units[0].source, "Hello, world.");
        assert_eq!(units[0].target.as_ref(), Some(&with_cp));
        assert!(units[0].done);
        assert!(!units[1].done);
        assert_eq!(units[2].target, None);
        assert_eq!(
            units[2].exported.as_deref(),
            Some(crate::exchange::NO_TARGET)
        );
    }

    #[test]
    fn the_translators_comment_is_a_translator_note_apart_from_bitexts_notes() {
        let mut commented = unit("s-1", Some(pieces()), State::Unreviewed);
        commented.comment = Some("직함 확인.\n둘째 줄 <&>".into());
        commented.translator = Some("seo-jiwon".into());
        let text = write2(&export(vec![commented.clone()])).unwrap();
        assert!(
            text.contains(
                "<notes>\n        <note category=\"translator\">직함 확인.\n둘째 줄 &lt;&amp;&gt;</note>\n        <note category=\"bitext:state\">"
            ),
            "{text}"
        );
        let hash = commented.exported_comment().unwrap();
        assert!(
            text.contains(&format!(" bitext:exported-comment=\"{hash}\">")),
            "{text}"
        );
        let unit = &read(&text).unwrap().units[0];
        assert_eq!(unit.comment.as_deref(), Some("직함 확인.\n둘째 줄 <&>"));
        assert_eq!(unit.exported_comment.as_deref(), Some(hash.as_str()));

        // Notes of other tools: with no category or bitext:comment they are the comment too;
        // bitext's own notes and another tool's categories are not.
        let notes = "<notes><note category=\"bitext:translator\">translated by x</note><note>첫째</note><note category=\"x-qa\">QA</note><note category=\"bitext:comment\">둘째</note><note category=\"bitext:state\">bitext: unreviewed</note></notes>";
        let text = format!("<xliff version=\"2.0\" trgLang=\"ko\"><file original=\"a\"><unit id=\"s-1\">{notes}<segment><source>Hi</source></segment></unit><unit id=\"s-2\"><notes><note category=\"bitext:tm\">90%</note></notes><segment><source>Hi</source></segment></unit></file></xliff>");
        let units = read(&text).unwrap().units;
        assert_eq!(units[0].comment.as_deref(), Some("첫째\n둘째"));
        assert_eq!(units[1].comment, None);
    }

    #[test]
    fn a_ph_without_original_data_is_refused_at_its_place() {
        let text = "<xliff version=\"2.0\" trgLang=\"ko\"><file original=\"a\"><unit id=\"s-1\"><segment>\n<source>Hi</source><target>x <ph id=\"1\" dataRef=\"d9\"/></target></segment></unit></file></xliff>";
        let err = read(text).unwrap_err().to_string();
        assert!(
            err.starts_with("a.xlf:2:30: <ph> without original data"),
            "{err}"
        );
    }

    #[test]
    fn a_unit_needs_an_id_and_a_segment() {
        let head = "<xliff version=\"2.0\" trgLang=\"ko\"><file original=\"a\">";
        let err = read(&format!("{head}<unit><segment/></unit></file></xliff>")).unwrap_err();
        assert!(err.to_string().contains("<unit> has no id"), "{err}");
        let err = read(&format!("{head}<unit id=\"s-1\"/></file></xliff>")).unwrap_err();
        assert!(
            err.to_string().contains("unit s-1 has no <segment>"),
            "{err}"
        );
        let err = read("<xliff version=\"2.0\"/>").unwrap_err();
        assert!(err.to_string().contains("no trgLang"), "{err}");
    }

    #[test]
    fn an_ignorable_without_target_keeps_its_source_and_mrk_is_read_through() {
        let text = "<xliff version=\"2.0\" trgLang=\"ko\"><file original=\"a\"><unit id=\"s-1\"><segment state=\"translated\"><source>A.</source><target><mrk id=\"m\">가.</mrk></target></segment><ignorable><source> </source></ignorable><segment state=\"final\"><source>B.</source><target>나.</target></segment></unit></file></xliff>";
        let unit = &read(text).unwrap().units[0];
        assert_eq!(unit.source, "A. B.");
        assert_eq!(unit.target, Some(vec![Piece::Text("가. 나.".into())]));
        assert!(unit.done);
    }
}
