#!/usr/bin/env python3
"""Times two bitext binaries on the same commands, alternating run by run, so that whatever else
the machine does weighs on both alike. Prints the median of each and their ratio.

    bench/compare.py OLD_BITEXT NEW_BITEXT [--corpus DIR] [--runs N] [--publish-corpus DIR]

The corpus is made by `cargo run --release --example gen-corpus -- DIR` (see bench/README.md).
Each command runs once per binary first to warm the page cache; an unchanged sync must write
nothing, so it can be repeated.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def run(binary, args, cwd):
    start = time.perf_counter()
    subprocess.run([binary, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--corpus", default="bench/corpus")
    parser.add_argument("--publish-corpus", default=None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    old, new = os.path.abspath(args.old), os.path.abspath(args.new)
    corpus = os.path.abspath(args.corpus)
    commands = [
        ("status --json", ["status", "--json"], corpus),
        ("status", ["status"], corpus),
        ("sync (unchanged)", ["sync"], corpus),
        ("todo ko --no-memory", ["todo", "ko", "--json", "--no-memory"], corpus),
        ("todo ko", ["todo", "ko", "--json"], corpus),
    ]
    out = None
    if args.publish_corpus:
        out = tempfile.mkdtemp()
        commands.append(("publish", ["publish", "--out", out], os.path.abspath(args.publish_corpus)))
    print(f"{'command':<22} {'old (s)':>9} {'new (s)':>9} {'new/old':>8}")
    for name, argv, cwd in commands:
        run(old, argv, cwd)
        run(new, argv, cwd)
        times = {old: [], new: []}
        for i in range(args.runs):
            for binary in (old, new) if i % 2 == 0 else (new, old):
                times[binary].append(run(binary, argv, cwd))
        a, b = statistics.median(times[old]), statistics.median(times[new])
        print(f"{name:<22} {a:>9.3f} {b:>9.3f} {b / a:>8.2f}", flush=True)
    if out:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
