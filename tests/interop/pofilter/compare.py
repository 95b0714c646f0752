#!/usr/bin/env python3
"""Compare `bitext check` with translate-toolkit's `pofilter` on the same translations.

What it is for: bitext's checks (numbers, placeables, identical, whitespace, quotes) claim to know
how Korean, Kazakh and Russian journalists write numbers and quotation marks. pofilter is the
long-standing general-purpose checker. This script feeds both the same English/translation pairs
(pairs.json, each with its ground-truth problems), maps what each tool reports onto four
categories, and prints, per category, how many true problems each tool found, how many false
alarms it raised and how many problems it missed. Pairs are named #N, N being their position
in pairs.json (from 1).

Usage (from the repository root, after `cargo build` and
`pip install -r tests/interop/requirements.txt`):

    python3 tests/interop/pofilter/compare.py [--bitext PATH] [--pairs FILE] [--mozilla]
                                              [--keep] [--verbose]

Exit status: 1 if bitext misses a true problem that pofilter finds, or if bitext raises more false
number alarms than pofilter on the correct Korean pairs that write numbers with 만/억 or 여;
2 if a tool could not be run; else 0, after printing `comparison passed`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

from fluent.syntax import ast as fluent_ast
from fluent.syntax import parse as fluent_parse
from translate.storage import po

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))

CATEGORIES = ["numbers", "placeholders", "unchanged", "punctuation"]

# bitext check name -> category. Checks not listed here (markdown, mixed-script, glossary, empty,
# duplicate-id) have no counterpart among the four categories; what they report is printed as
# "other findings" and not scored.
BITEXT_CATEGORY = {
    "numbers": "numbers",
    "placeables": "placeholders",
    "identical": "unchanged",
    "quotes": "punctuation",
    "whitespace": "punctuation",
    # A placeable the file cannot resolve ({ tokayev }), or one so broken ({ $1 }) that the message
    # is junk: `set` escapes braces, so only a hand-written placeable can cause these.
    "undefined-reference": "placeholders",
    "syntax": "placeholders",
}

# pofilter test name -> category; these are the tests that are scored.
#   numbers           digits of the English that the translation must repeat (the only number test)
#   variables         variables such as $name, %1, ${x}; with the default (standard) checker it
#                     knows no variable syntax at all, with --mozilla it knows $name, &ent; and more
#   printf            %s, %d, %1$s
#   pythonbraceformat {0}, {name}: the only test that sees a Fluent placeable such as { $name }
#   unchanged         the translation is the English (ignoring case and variables)
#   doublequoting     the count of " « » “ ” must be the same in both strings
#   startwhitespace / endwhitespace   white space at the ends must match
POFILTER_CATEGORY = {
    "numbers": "numbers",
    "variables": "placeholders",
    "printf": "placeholders",
    "pythonbraceformat": "placeholders",
    "unchanged": "unchanged",
    "doublequoting": "punctuation",
    "startwhitespace": "punctuation",
    "endwhitespace": "punctuation",
}

# pofilter tests that are run and reported but not scored: they look at something else than the
# ground truth's "punctuation" (quotation marks and white space at the ends). singlequoting counts
# apostrophes (Moon's); puncspacing wants a space after each punctuation mark; endpunc wants the
# same final punctuation.
POFILTER_UNSCORED = ["singlequoting", "puncspacing", "endpunc"]

# Fluent syntax that a translation may contain on purpose: `bitext set` would store it as literal
# text, so such translations are written into the .ftl file by hand.
FLUENT_SYNTAX = re.compile(r"\{")

# A number written the Korean way: with large-number units (42억2000만, 60억, 7400만) or the
# suffix 여 for "some, about" (1400여 개, 17만2000여 명).
KOREAN_UNITS = re.compile(r"\d\s*(?:[만억조]|여\s*[개명])")

# Glossary of the temporary project, so that a translation may use the term { -tokayev }.
GLOSSARY = {
    "en": "-tokayev = Kassym-Jomart Tokayev\n    .alt1 = Tokayev\n",
    "ru": "-tokayev = Токаев\n",
}


@dataclass
class Pair:
    index: int
    locale: str
    en: str
    translation: str
    problems: set[str]
    slug: str = ""
    found: dict[str, set[str]] = field(default_factory=lambda: {"bitext": set(), "pofilter": set()})
    raw: dict[str, list[str]] = field(default_factory=lambda: {"bitext": [], "pofilter": []})

    def label(self) -> str:
        return f"#{self.index} [{self.locale}] {self.en!r} -> {self.translation!r}"

    def korean_large_numbers(self) -> bool:
        """A correct Korean translation whose numbers are written with 만/억 units or 여."""
        return (
            self.locale == "ko"
            and "numbers" not in self.problems
            and bool(KOREAN_UNITS.search(self.translation))
        )


class ToolError(Exception):
    pass


# --- the pairs ---------------------------------------------------------------------------------


def load_pairs(path: str) -> list[Pair]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    pairs = []
    for i, d in enumerate(data, 1):
        unknown = set(d["problems"]) - set(CATEGORIES)
        if unknown:
            raise SystemExit(f"{path}: pair {i}: unknown problem categories {sorted(unknown)}")
        pairs.append(Pair(i, d["locale"], d["en"], d["translation"], set(d["problems"])))
    return pairs


def assign_articles(pairs: list[Pair]) -> dict[str, list[Pair]]:
    """Puts each pair in an article of its locale, cmp-LC, or cmp-LC-2, … when an earlier article
    of that locale already has the same English (one English sentence is one segment)."""
    articles: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        n = 1
        while True:
            slug = f"cmp-{pair.locale}" if n == 1 else f"cmp-{pair.locale}-{n}"
            if all(p.en != pair.en for p in articles[slug]):
                break
            n += 1
        pair.slug = slug
        articles[slug].append(pair)
    return articles


# --- bitext ------------------------------------------------------------------------------------


def run_bitext(binary: str, project: str, *args: str, stdin: str | None = None, ok=(0,)) -> str:
    proc = subprocess.run(
        [binary, "--project", project, "--color", "never", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if proc.returncode not in ok:
        raise ToolError(f"bitext {' '.join(args)}: exit {proc.returncode}\n{proc.stderr}")
    return proc.stdout


def pattern_text(pattern: fluent_ast.Pattern) -> str:
    """The text of a Fluent pattern, string-literal placeables ({"["}) decoded."""
    out = []
    for element in pattern.elements:
        if isinstance(element, fluent_ast.TextElement):
            out.append(element.value)
        elif isinstance(element.expression, fluent_ast.StringLiteral):
            out.append(element.expression.parse()["value"])
        else:
            raise ToolError(f"unexpected placeable in the English: {element.expression!r}")
    return "".join(out)


def source_ids(path: str) -> dict[str, str]:
    """English text -> message id, from locales/en/<slug>.ftl."""
    with open(path, encoding="utf-8") as f:
        resource = fluent_parse(f.read())
    return {
        pattern_text(entry.value): entry.id.name
        for entry in resource.body
        if isinstance(entry, fluent_ast.Message) and entry.value is not None
    }


def write_by_hand(path: str, message_id: str, source: str) -> None:
    """Writes `ID = source` under the `# bitext: missing ID` comment of a target file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    marker = f"# bitext: missing {message_id}"
    if marker not in lines:
        raise ToolError(f"{path}: no line {marker!r}")
    lines.insert(lines.index(marker) + 1, f"{message_id} = {source}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def make_project(binary: str, project: str, articles: dict[str, list[Pair]]) -> dict[tuple, Pair]:
    """Creates the bitext project with the translations; returns (locale, slug, id) -> pair."""
    run_bitext(binary, project, "init", project)
    for locale, text in GLOSSARY.items():
        with open(os.path.join(project, "locales", locale, "glossary.ftl"), "w", encoding="utf-8") as f:
            f.write(text)
    for slug, members in articles.items():
        body = "\n\n".join(p.en for p in members)
        with open(os.path.join(project, "articles", f"{slug}.md"), "w", encoding="utf-8") as f:
            f.write(f'+++\ntitle = "Comparison"\n+++\n\n{body}\n')
    run_bitext(binary, project, "sync")

    by_id = {}
    by_hand = []
    for slug, members in articles.items():
        ids = source_ids(os.path.join(project, "locales", "en", f"{slug}.ftl"))
        for pair in members:
            if pair.en not in ids:
                raise ToolError(f"pair {pair.index}: the English was not kept as one segment: {pair.en!r}")
            message_id = ids[pair.en]
            by_id[(pair.locale, slug, message_id)] = pair
            if FLUENT_SYNTAX.search(pair.translation):
                by_hand.append((pair, message_id))
            else:
                text = pair.translation + "\n"  # `set -` drops one final line break
                run_bitext(binary, project, "set", pair.locale, slug, message_id, "-", stdin=text)
    for pair, message_id in by_hand:
        path = os.path.join(project, "locales", pair.locale, f"{pair.slug}.ftl")
        write_by_hand(path, message_id, pair.translation)
    return by_id


def message_on_line(path: str, line: int) -> str | None:
    """The id of the message written on `line` of a target file (for a finding without an id,
    such as a syntax error, which makes the message junk)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    m = re.match(r"([A-Za-z][\w-]*)\s*=", lines[line - 1]) if 0 < line <= len(lines) else None
    return m.group(1) if m else None


def bitext_findings(binary: str, project: str, by_id: dict[tuple, Pair]) -> list[str]:
    """Runs `bitext check --json` and records each finding on its pair; returns findings that
    belong to no pair."""
    report = json.loads(run_bitext(binary, project, "check", "--json", ok=(0, 1)))
    stray = []
    for f in report["findings"]:
        message_id = f["id"] or message_on_line(os.path.join(project, f["file"]), f["line"])
        pair = by_id.get((f["locale"], f["slug"], message_id))
        if pair is None:
            stray.append(f"{f['file']}:{f['line']}: {f['check']}: {f['message']}")
            continue
        pair.raw["bitext"].append(f"{f['check']}: {f['message']}")
        if f["check"] in BITEXT_CATEGORY:
            pair.found["bitext"].add(BITEXT_CATEGORY[f["check"]])
    return stray


# --- pofilter ----------------------------------------------------------------------------------


def write_po(path: str, pairs: list[Pair]) -> None:
    """One PO file: msgctxt pair-N (the same English may occur twice), msgid en, msgstr translation."""
    store = po.pofile()
    for pair in pairs:
        unit = store.addsourceunit(pair.en)
        unit.setcontext(f"pair-{pair.index}")
        unit.target = pair.translation
    store.savefile(path)


def run_pofilter(source: str, output: str, locale: str, mozilla: bool) -> None:
    tests = list(POFILTER_CATEGORY) + POFILTER_UNSCORED
    args = [sys.executable, "-m", "translate.filters.pofilter", "--progress=none", f"--language={locale}"]
    args += ["--mozilla"] if mozilla else []
    for test in tests:
        args += ["-t", test]
    proc = subprocess.run(args + [source, output], capture_output=True, text=True)
    if proc.returncode != 0 or not os.path.exists(output):
        raise ToolError(f"pofilter on {source}: exit {proc.returncode}\n{proc.stderr}")


NOTE = re.compile(r"^\(pofilter\) (\w+): (.*)$")


def pofilter_findings(output: str, pairs_by_index: dict[int, Pair]) -> None:
    """Reads the failing units that pofilter wrote, with their `(pofilter) test: …` notes."""
    store = po.pofile.parsefile(output)
    for unit in store.units:
        context = unit.getcontext()
        if unit.isheader() or not context.startswith("pair-"):
            continue
        pair = pairs_by_index[int(context.removeprefix("pair-"))]
        for line in unit.getnotes("translator").splitlines():
            m = NOTE.match(line.strip())
            if not m:
                continue
            test, message = m.groups()
            pair.raw["pofilter"].append(f"{test}: {message}")
            if test in POFILTER_CATEGORY:
                pair.found["pofilter"].add(POFILTER_CATEGORY[test])


# --- scoring and report ------------------------------------------------------------------------


def score(pairs: list[Pair], tool: str, category: str) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """(true positives, false alarms, missed) of one tool in one category."""
    hits = [p for p in pairs if category in p.found[tool] and category in p.problems]
    false_alarms = [p for p in pairs if category in p.found[tool] and category not in p.problems]
    missed = [p for p in pairs if category not in p.found[tool] and category in p.problems]
    return hits, false_alarms, missed


def print_table(pairs: list[Pair]) -> None:
    print(f"{'category':<13} {'problems':>8} | {'bitext':>6} {'false':>5} {'missed':>6} "
          f"| {'pofilter':>8} {'false':>5} {'missed':>6}")
    print(f"{'':<13} {'':>8} | {'true':>6} {'alarm':>5} {'':>6} | {'true':>8} {'alarm':>5} {'':>6}")
    totals = [0] * 7
    for category in CATEGORIES:
        truth = sum(category in p.problems for p in pairs)
        b = [len(x) for x in score(pairs, "bitext", category)]
        f = [len(x) for x in score(pairs, "pofilter", category)]
        row = [truth, *b, *f]
        totals = [t + r for t, r in zip(totals, row)]
        print_row(category, row)
    print_row("total", totals)


def print_row(name: str, r: list[int]) -> None:
    print(f"{name:<13} {r[0]:>8} | {r[1]:>6} {r[2]:>5} {r[3]:>6} | {r[4]:>8} {r[5]:>5} {r[6]:>6}")


def print_korean_units(pairs: list[Pair]) -> dict[str, int]:
    korean = [p for p in pairs if p.korean_large_numbers()]
    alarms = {tool: sum("numbers" in p.found[tool] for p in korean) for tool in ("bitext", "pofilter")}
    print(f"\nfalse number alarms on the {len(korean)} correct Korean pairs written with 만/억/여: "
          f"bitext {alarms['bitext']}, pofilter {alarms['pofilter']}")
    return alarms


def print_mistakes(pairs: list[Pair], tool: str) -> None:
    lines = []
    for category in CATEGORIES:
        _, false_alarms, missed = score(pairs, tool, category)
        for p in false_alarms:
            lines.append(f"  false alarm [{category}] {p.label()}\n      {'; '.join(p.raw[tool])}")
        for p in missed:
            lines.append(f"  missed [{category}] {p.label()}")
    print(f"\n{tool} got wrong ({len(lines)}):" if lines else f"\n{tool} got nothing wrong")
    for line in lines:
        print(line)


def print_unscored(pairs: list[Pair], stray: list[str]) -> None:
    lines = []
    for p in pairs:
        b = [r for r in p.raw["bitext"] if r.split(":")[0] not in BITEXT_CATEGORY]
        f = [r for r in p.raw["pofilter"] if r.split(":")[0] not in POFILTER_CATEGORY]
        for tool, found in (("bitext", b), ("pofilter", f)):
            if found:
                lines.append(f"  {tool} #{p.index} [{p.locale}]: {'; '.join(found)}")
    lines += [f"  bitext (no pair): {s}" for s in stray]
    if lines:
        print("\nother findings, not scored:")
        print("\n".join(lines))


def verdict(pairs: list[Pair], alarms: dict[str, int]) -> list[str]:
    failures = []
    for category in CATEGORIES:
        for p in score(pairs, "bitext", category)[2]:
            if category in p.found["pofilter"]:
                failures.append(f"bitext misses a {category} problem that pofilter finds: {p.label()}")
    if alarms["bitext"] > alarms["pofilter"]:
        failures.append(f"bitext raises more false number alarms on Korean 만/억/여 pairs than pofilter "
                        f"({alarms['bitext']} > {alarms['pofilter']})")
    return failures


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bitext", default=os.path.join(ROOT, "target", "debug", "bitext"),
                        help="the bitext binary (default: target/debug/bitext of the repository)")
    parser.add_argument("--pairs", default=os.path.join(HERE, "pairs.json"))
    parser.add_argument("--mozilla", action="store_true",
                        help="run pofilter with its Mozilla checker (knows $name variables), "
                        "not the standard one")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--verbose", action="store_true", help="print every finding of both tools per pair")
    args = parser.parse_args()
    if not os.access(args.bitext, os.X_OK):
        print(f"compare.py: no bitext binary at {args.bitext} (run `cargo build` first, or pass --bitext)",
              file=sys.stderr)
        return 2

    pairs = load_pairs(args.pairs)
    articles = assign_articles(pairs)
    tmp = tempfile.mkdtemp(prefix="bitext-pofilter-")
    try:
        project = os.path.join(tmp, "project")
        by_id = make_project(args.bitext, project, articles)
        stray = bitext_findings(args.bitext, project, by_id)
        by_index = {p.index: p for p in pairs}
        for locale in sorted({p.locale for p in pairs}):
            source = os.path.join(tmp, f"{locale}.po")
            output = os.path.join(tmp, f"{locale}-failed.po")
            write_po(source, [p for p in pairs if p.locale == locale])
            run_pofilter(source, output, locale, args.mozilla)
            pofilter_findings(output, by_index)
    except ToolError as e:
        print(f"compare.py: {e}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"(temporary files kept in {tmp})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    style = "mozilla" if args.mozilla else "standard"
    per_locale = ", ".join(f"{lc}: {sum(p.locale == lc for p in pairs)}" for lc in ("ko", "kk", "ru"))
    print(f"{len(pairs)} pairs ({per_locale}); pofilter with its {style} checker\n")
    print_table(pairs)
    alarms = print_korean_units(pairs)
    print_mistakes(pairs, "bitext")
    print_mistakes(pairs, "pofilter")
    print_unscored(pairs, stray)
    if args.verbose:
        print("\nevery pair:")
        for p in pairs:
            print(f"  {p.label()}\n    truth: {sorted(p.problems)}")
            print(f"    bitext: {p.raw['bitext']}\n    pofilter: {p.raw['pofilter']}")

    failures = verdict(pairs, alarms)
    print()
    for f in failures:
        print(f"FAIL: {f}")
    if failures:
        return 1
    print("comparison passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
