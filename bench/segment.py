#!/usr/bin/env python3
"""Throughput of `bitext segment` against pySBD (and sentencex) on the same news text.

The text is the paragraphs of news articles, repeated until it reaches --mb megabytes: for
English the articles under --articles (the sample project's by default; a generated corpus,
bench/corpus/articles, gives more varied prose), for ko, kk and ru the translations in the
matching locales folder. Paragraphs are separated by blank lines.

bitext reads the whole text on stdin in one process (its start-up included) and prints a
sentence a line; pySBD and sentencex segment the same paragraphs one by one in this process
(their import not included). Each is timed --runs times and the fastest run counts. pySBD has
no Korean rules: for ko it is run with its English rules, as in tests/interop/segmenters.py.

Usage (see bench/README.md):
  cargo build --release && python3 bench/segment.py --bitext target/release/bitext
  python3 bench/segment.py --lang ru --mb 0.5
"""

import argparse
import glob
import importlib.metadata
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def article_paragraphs(folder):
    """The prose paragraphs of the Markdown articles under `folder`, markup stripped."""
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.md"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        body = re.sub(r"\A\+\+\+\n.*?\n\+\+\+\n", "", text, flags=re.S)
        for block in re.split(r"\n\s*\n", body):
            block = block.strip()
            if not block or block.startswith(("#", "!", "- ", "* ", "|", "```")):
                continue
            block = re.sub(r"^> ?", "", block, flags=re.M)
            block = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)
            block = block.replace("**", "").replace("*", "")
            out.append(" ".join(block.split()))
    return out


def translation_paragraphs(folder):
    """Paragraphs of four translated segments each, from the Fluent files under `folder`."""
    sentences = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.ftl"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                match = re.match(r"^s-[0-9a-z]+ = (.+)$", line.rstrip("\n"))
                if match:
                    sentences.append(match.group(1))
    return [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]


def corpus(paragraphs, megabytes):
    """The paragraphs repeated until their UTF-8 size reaches `megabytes`."""
    if not paragraphs:
        sys.exit("error: no text to segment")
    out, size, i = [], 0, 0
    while size < megabytes * 1e6:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        size += len(p.encode("utf-8")) + 2
        i += 1
    return out


def fastest(runs, work):
    """(seconds, result) of the fastest of `runs` calls of `work`."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        elapsed = time.perf_counter() - start
        if best is None or elapsed < best[0]:
            best = (elapsed, result)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitext", default=os.path.join(ROOT, "target", "release", "bitext"))
    parser.add_argument("--lang", default="en", choices=["en", "ko", "kk", "ru"])
    parser.add_argument("--articles", default=os.path.join(ROOT, "articles"))
    parser.add_argument("--mb", type=float, default=1.0, help="size of the text (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--no-sentencex", action="store_true")
    args = parser.parse_args()

    if args.lang == "en":
        paragraphs = article_paragraphs(args.articles)
    else:
        paragraphs = translation_paragraphs(os.path.join(ROOT, "locales", args.lang))
    paragraphs = corpus(paragraphs, args.mb)
    text = "\n\n".join(paragraphs) + "\n"
    data = text.encode("utf-8")
    megabytes = len(data) / 1e6
    print(f"text: {len(paragraphs):,} paragraphs, {megabytes:.2f} MB, language {args.lang}")

    def run_bitext():
        done = subprocess.run(
            [args.bitext, "segment", "--lang", args.lang],
            input=data,
            capture_output=True,
            check=True,
        )
        return done.stdout.decode("utf-8").count("\n")

    rows = [("bitext", args.lang, *fastest(args.runs, run_bitext))]

    import pysbd

    rules = "en" if args.lang == "ko" else args.lang
    segmenter = pysbd.Segmenter(language=rules, clean=False)
    rows.append(
        (
            f"pySBD {importlib.metadata.version('pysbd')}",
            rules,
            *fastest(args.runs, lambda: sum(len(segmenter.segment(p)) for p in paragraphs)),
        )
    )
    if not args.no_sentencex:
        import sentencex

        rules = "en" if args.lang == "ko" else args.lang
        rows.append(
            (
                f"sentencex {importlib.metadata.version('sentencex')}",
                rules,
                *fastest(
                    args.runs,
                    lambda: sum(len(sentencex.segment(rules, p)) for p in paragraphs),
                ),
            )
        )

    base = rows[0][2]
    print(f"fastest of {args.runs} runs each")
    print(f"{'segmenter':<18} {'rules':<6} {'seconds':>9} {'segments':>10} {'segments/s':>12} {'MB/s':>8} {'x bitext':>9}")
    for name, rules, seconds, segments in rows:
        print(
            f"{name:<18} {rules:<6} {seconds:>9.3f} {segments:>10,} {segments / seconds:>12,.0f}"
            f" {megabytes / seconds:>8.2f} {seconds / base:>9.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
