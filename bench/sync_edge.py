#!/usr/bin/env python3
"""Times `bitext sync` on the articles that used to make it quadratic: one with 10,000 identical
sentences, and one of 2,000 sentences of which every one is then edited (each sentence both a
real-looking news sentence and, in a second article, sentences made of the same few words
shuffled, the worst case for matching edited sentences by their words).

    bench/sync_edge.py [BITEXT]      # default: target/release/bitext

Prints the seconds each sync takes (the median of 3), and fails if any takes 1 s or more.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BITEXT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/bitext")
LIMIT = 1.0

SUBJECTS = ["The minister", "Officials in Astana", "The central bank", "Seoul's mayor", "A spokesman",
            "The committee", "Exporters", "The delegation", "Analysts", "The ministry of trade"]
VERBS = ["said", "announced", "reported", "confirmed", "estimated", "warned", "expected"]
OBJECTS = ["that grain exports rose by {n}%", "a deal worth ${n} million", "that {n} jobs were added",
           "talks on a {n}-year plan", "that prices fell {n}% in May", "{n} new flights to Almaty"]
TAILS = ["on Tuesday.", "in a statement.", "after the talks.", "late on Friday.", "this week."]


def sentence(rng, i):
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
            f"{rng.choice(OBJECTS).format(n=rng.randint(2, 900))} {rng.choice(TAILS)}")


def article(title, paragraphs):
    return f'+++\ntitle = "{title}"\n+++\n\n' + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def timed(cwd, *args):
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([BITEXT, *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def sync_after(root, slug, before, after):
    """Syncs `before`, then times the sync of `after` (restoring `before` between runs)."""
    path = os.path.join(root, "articles", f"{slug}.md")
    history = os.path.join(root, "history")
    times = []
    for _ in range(3):
        shutil.rmtree(history, ignore_errors=True)
        shutil.rmtree(os.path.join(root, "locales"), ignore_errors=True)
        with open(path, "w") as f:
            f.write(before)
        subprocess.run([BITEXT, "sync", slug], cwd=root, check=True, stdout=subprocess.DEVNULL)
        with open(path, "w") as f:
            f.write(after)
        start = time.perf_counter()
        subprocess.run([BITEXT, "sync", slug], cwd=root, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    rng = random.Random(7)
    root = tempfile.mkdtemp()
    subprocess.run([BITEXT, "init", root], check=True, stdout=subprocess.DEVNULL)
    failed = False
    results = []

    same = article("Same", [["The committee met again today."] * 5 for _ in range(2000)])
    with open(os.path.join(root, "articles", "same.md"), "w") as f:
        f.write(same)
    results.append(("10,000 identical sentences, first sync", timed(root, "sync", "same")))

    news = [sentence(rng, i) for i in range(2000)]
    edited = [s.replace(" on ", " early on ", 1) if " on " in s else s.replace(".", " again.") for s in news]
    results.append(("2,000 sentences, every one edited",
                    sync_after(root, "news", article("News", [news[i:i + 4] for i in range(0, 2000, 4)]),
                               article("News", [edited[i:i + 4] for i in range(0, 2000, 4)]))))

    vocabulary = "the minister said on tuesday that trade with kazakhstan grew by four percent last year".split()
    shuffled = []
    for i in range(2000):
        rng.shuffle(vocabulary)
        shuffled.append(" ".join(vocabulary).capitalize() + f" in {1000 + i}.")
    reworded = [s.replace(" in ", " during ", 1) for s in shuffled]
    results.append(("2,000 sentences of the same words, every one edited",
                    sync_after(root, "words", article("Words", [shuffled[i:i + 4] for i in range(0, 2000, 4)]),
                               article("Words", [reworded[i:i + 4] for i in range(0, 2000, 4)]))))
    shutil.rmtree(root, ignore_errors=True)
    for name, seconds in results:
        mark = "" if seconds < LIMIT else f"  (over {LIMIT} s)"
        failed |= seconds >= LIMIT
        print(f"{name:<55} {seconds:6.3f} s{mark}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
