//! Fluent expressions in a translation: variables the English does not have (they would show
//! as errors on the page) and references to terms and messages, which must be defined.

use std::collections::BTreeSet;

use fluent_syntax::ast;

use crate::store::escape::Piece;

/// The variables, terms and messages a value refers to.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct References {
    pub variables: BTreeSet<String>,
    pub terms: BTreeSet<String>,
    pub messages: BTreeSet<String>,
}

/// The references of the expressions among `pieces`.
pub fn references(pieces: &[Piece]) -> References {
    let mut refs = References::default();
    for piece in pieces {
        if let Piece::Expr(source) = piece {
            let text = format!("x = {source}\n");
            if let Ok(resource) = fluent_syntax::parser::parse(text.as_str()) {
                for entry in &resource.body {
                    if let ast::Entry::Message(m) = entry {
                        if let Some(value) = &m.value {
                            collect_pattern(value, &mut refs);
                        }
                    }
                }
            }
        }
    }
    refs
}

fn collect_pattern(pattern: &ast::Pattern<&str>, refs: &mut References) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, refs);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, refs: &mut References) {
    match expression {
        ast::Expression::Inline(inline) => collect_inline(inline, refs),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, refs);
            for variant in variants {
                collect_pattern(&variant.value, refs);
            }
        }
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, refs: &mut References) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            refs.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            refs.terms.insert(id.name.to_string());
            if let Some(arguments) = arguments {
                collect_arguments(arguments, refs);
            }
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.messages.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            collect_arguments(arguments, refs)
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, refs),
        _ => {}
    }
}

fn collect_arguments(arguments: &ast::CallArguments<&str>, refs: &mut References) {
    for arg in &arguments.positional {
        collect_inline(arg, refs);
    }
    for arg in &arguments.named {
        collect_inline(&arg.value, refs);
    }
}

/// Variables and message references of the translation that the source does not have.
pub fn extra(source: &References, translation: &References) -> Vec<String> {
    let mut out = Vec::new();
    for v in translation.variables.difference(&source.variables) {
        out.push(format!(
            "the variable ${v} is not in the English and has no value here"
        ));
    }
    for v in source.variables.difference(&translation.variables) {
        out.push(format!("the variable ${v} of the English is missing"));
    }
    for t in source.terms.difference(&translation.terms) {
        out.push(format!("the term -{t} of the English is missing"));
    }
    for m in translation.messages.difference(&source.messages) {
        out.push(format!(
            "a reference to the message {m}, which the English does not have"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(source: &str) -> Vec<Piece> {
        let text = format!("k = {source}\n");
        let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        crate::store::escape::decode(m.value.as_ref().unwrap())
    }

    #[test]
    fn references_are_found_inside_selects_and_calls() {
        let refs = references(&pieces(
            "{ $n ->\n    [one] { -brand }\n   *[other] { NUMBER($n) } { other-msg }\n}",
        ));
        assert_eq!(refs.variables.iter().collect::<Vec<_>>(), ["n"]);
        assert_eq!(refs.terms.iter().collect::<Vec<_>>(), ["brand"]);
        assert_eq!(refs.messages.iter().collect::<Vec<_>>(), ["other-msg"]);
    }

    #[test]
    fn a_variable_the_english_lacks_is_reported_but_terms_are_welcome() {
        let en = references(&pieces("Tokayev arrived."));
        assert_eq!(
            extra(&en, &references(&pieces("{ $name } прибыл."))).len(),
            1
        );
        assert!(extra(&en, &references(&pieces("{ -tokayev } прибыл."))).is_empty());
        assert!(extra(&en, &references(&pieces("Токаев прибыл."))).is_empty());
    }
}
