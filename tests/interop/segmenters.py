#!/usr/bin/env python3
"""Scores bitext's sentence rules against pySBD and sentencex on the same cases.

The cases are tests/interop/segmenters/<lc>.txt, one file per language (en, ru, kk, ko), in the
format described at the top of each file: blocks separated by blank lines, each the input text,
a line `---`, then the expected sentences one per line.

Every segmenter gets the same input and the same scorer:
  - a case passes when its list of sentences is exactly the expected one (white space inside a
    sentence compared as single spaces, since `bitext segment` prints a sentence on one line);
  - boundaries are the positions between sentences, counted in characters of the input without
    its white space, so that segmenters that keep or trim spaces compare alike; precision,
    recall and F1 are micro-averaged over all the cases of a language.

bitext runs through its real binary, `bitext segment --lang LC`, once per case. pySBD
(clean=False, the default) and sentencex run in this process. pySBD has no Korean rules and
refuses `ko`, and sentencex has none either (it falls back to its English rules): for Korean both
are run with their English rules, and the table says so.

The exit status is 1 when bitext passes fewer cases, or has a lower boundary F1, than either peer
on any language; 2 for bad usage or a malformed case file.

Usage:
  tests/interop/segmenters.py --bitext target/debug/bitext
  tests/interop/segmenters.py --bitext target/debug/bitext --failures bitext --lang ru
  tests/interop/segmenters.py --cases DIR   # other case files in the same format
"""

import argparse
import importlib.metadata
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LANGUAGES = ["en", "ru", "kk", "ko"]


class CaseError(Exception):
    pass


def parse_cases(path):
    """The (line number, input, expected sentences) of a case file.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write("# a comment\\n\\nOne. Two.\\n---\\nOne.\\nTwo.\\n\\nA\\nB\\n---\\nA B\\n")
    >>> parse_cases(f.name)
    [(3, 'One. Two.', ['One.', 'Two.']), (8, 'A\\nB', ['A B'])]
    """
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    cases = []
    block, start = [], 0
    for number, line in enumerate(lines + [""], 1):
        if line.strip():
            if not block and line.startswith("#"):
                continue
            if not block:
                start = number
            block.append(line)
            continue
        if not block:
            continue
        if block.count("---") != 1:
            raise CaseError(f"{path}:{start}: a case needs exactly one line '---'")
        cut = block.index("---")
        text, expected = "\n".join(block[:cut]), block[cut + 1 :]
        if not text.strip() or not expected:
            raise CaseError(f"{path}:{start}: a case needs an input and expected sentences")
        cases.append((start, text, expected))
        block = []
    return cases


def squeeze(sentence):
    """A sentence with its white space runs as single spaces."""
    return " ".join(sentence.split())


def boundaries(sentences):
    """The positions between sentences, in characters without white space.

    >>> sorted(boundaries(["One. ", "Two three.", " Four"]))
    [4, 13]
    """
    out, at = set(), 0
    for sentence in sentences[:-1]:
        at += len("".join(sentence.split()))
        out.add(at)
    return out


class Score:
    def __init__(self):
        self.cases = self.passed = 0
        self.true = self.predicted = self.expected = 0
        self.failures = []

    def add(self, line, text, expected, got):
        got = [squeeze(s) for s in got if s.strip()]
        want = [squeeze(s) for s in expected]
        self.cases += 1
        if got == want:
            self.passed += 1
        else:
            self.failures.append((line, text, want, got))
        if "".join("".join(got).split()) != "".join(text.split()):
            # A segmenter that changed the text cannot be aligned: no boundary of it counts.
            self.predicted += max(len(got) - 1, 0)
            self.expected += len(want) - 1
            return
        found, gold = boundaries(got), boundaries(want)
        self.true += len(found & gold)
        self.predicted += len(found)
        self.expected += len(gold)

    def precision(self):
        return self.true / self.predicted if self.predicted else 1.0

    def recall(self):
        return self.true / self.expected if self.expected else 1.0

    def f1(self):
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


def bitext_segmenter(command):
    def segment(lang, text):
        done = subprocess.run(
            [*command, "segment", "--lang", lang],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.splitlines()

    return segment


def pysbd_segmenter():
    import pysbd

    made = {}

    def segment(lang, text):
        if lang not in made:
            made[lang] = pysbd.Segmenter(language=lang, clean=False)
        return made[lang].segment(text)

    return segment


def sentencex_segmenter():
    import sentencex

    return lambda lang, text: list(sentencex.segment(lang, text))


def version(package):
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitext", default=os.path.join(ROOT, "target", "debug", "bitext"))
    parser.add_argument("--cases", default=os.path.join(HERE, "segmenters"))
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only this language")
    parser.add_argument(
        "--failures",
        action="append",
        default=[],
        choices=["bitext", "pysbd", "sentencex"],
        help="print the cases this segmenter gets wrong",
    )
    args = parser.parse_args()

    # name, label, segmenter, the rules it is run with per language (None: the language's own)
    peers = [
        ("bitext", "bitext", bitext_segmenter(args.bitext.split()), {}),
        ("pysbd", f"pySBD {version('pysbd')}", pysbd_segmenter(), {"ko": "en"}),
        ("sentencex", f"sentencex {version('sentencex')}", sentencex_segmenter(), {"ko": "en"}),
    ]
    behind = []
    for lang in args.lang or LANGUAGES:
        path = os.path.join(args.cases, f"{lang}.txt")
        if not os.path.exists(path):
            continue
        try:
            cases = parse_cases(path)
        except CaseError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        scores = {}
        for name, _, segment, rules in peers:
            score = scores[name] = Score()
            for line, text, expected in cases:
                score.add(line, text, expected, segment(rules.get(lang, lang), text))
        gold = sum(len(expected) - 1 for _, _, expected in cases)
        print(f"\n{lang}: {len(cases)} cases, {gold} boundaries ({os.path.relpath(path, ROOT)})")
        print(f"  {'segmenter':<18} {'rules':<6} {'cases passed':>14} {'P':>6} {'R':>6} {'F1':>6}")
        for name, label, _, rules in peers:
            s = scores[name]
            passed = f"{s.passed}/{s.cases}"
            print(
                f"  {label:<18} {rules.get(lang, lang):<6} {passed:>14}"
                f" {s.precision():>6.3f} {s.recall():>6.3f} {s.f1():>6.3f}"
            )
        ours = scores["bitext"]
        for name, label, _, _ in peers[1:]:
            theirs = scores[name]
            if ours.passed < theirs.passed or ours.f1() < theirs.f1():
                behind.append(f"{lang}: bitext is behind {label}")
        for name in args.failures:
            for line, text, want, got in scores[name].failures:
                print(f"\n  {name} fails {os.path.relpath(path, ROOT)}:{line}")
                print("    input:    " + text.replace("\n", "\n              "))
                print("    expected: " + "\n              ".join(want))
                print("    got:      " + "\n              ".join(got))
    print()
    for line in behind:
        print(f"FAIL {line}")
    if behind:
        return 1
    print("bitext is at least as good as pySBD and sentencex on every language")
    return 0


if __name__ == "__main__":
    sys.exit(main())
