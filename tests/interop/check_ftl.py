#!/usr/bin/env python3
"""Check that every .ftl file parses with fluent.syntax (the reference Python parser) without Junk.

Usage: check_ftl.py [DIR_OR_FILE ...]   (default: locales tests, under the repository root)

Skipped while walking: any `target/` directory, and deliberately broken test
fixtures, i.e. anything under a directory named `bad`, and any file or directory
whose name contains `invalid`.
Exit status: 0 if no file has junk, 1 if some file has junk or cannot be read,
2 if a directory given on the command line does not exist.
"""
import os
import sys

from fluent.syntax import ast, parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def skipped(name, is_dir):
    name = name.lower()
    return "invalid" in name or (is_dir and name in ("bad", "target"))


def ftl_files(top):
    if os.path.isfile(top):
        yield top
        return
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not skipped(d, True))
        for f in sorted(filenames):
            if f.endswith(".ftl") and not skipped(f, False):
                yield os.path.join(dirpath, f)


def line_col(source, offset):
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def check(path):
    """Return a list of 'path:line:col: message' strings, one per junk annotation."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            source = fh.read()
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}: cannot read as UTF-8: {e}"]
    problems = []
    for entry in parse(source).body:
        if not isinstance(entry, ast.Junk):
            continue
        for ann in entry.annotations or [None]:
            span = ann.span if ann and ann.span else entry.span
            line, col = line_col(source, span.start)
            msg = f"{ann.code}: {ann.message}" if ann else "junk"
            start = line_col(source, entry.span.start)[0]
            first = (entry.content.splitlines() or [""])[0]
            problems.append(f"{path}:{line}:{col}: {msg}  (junk from line {start}: {first!r})")
    return problems


def main(args):
    if args:
        tops = args
        missing = [t for t in tops if not os.path.exists(t)]
        if missing:
            print(f"check_ftl: no such file or directory: {', '.join(missing)}")
            return 2
    else:
        tops = [os.path.join(ROOT, d) for d in ("locales", "tests")]
        for t in tops:
            if not os.path.isdir(t):
                print(f"note: {os.path.relpath(t)}/ does not exist (yet), skipped")
        tops = [t for t in tops if os.path.isdir(t)]
    files = [f for top in tops for f in ftl_files(top)]
    if not files:
        where = ", ".join(os.path.relpath(t) for t in tops) or "-"
        print(f"no .ftl files found under {where}: nothing to check")
    bad = 0
    for f in files:
        problems = check(os.path.relpath(f))
        bad += bool(problems)
        for p in problems:
            print(p)
    print(f"checked {len(files)} files, {bad} with junk")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
