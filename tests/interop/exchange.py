#!/usr/bin/env python3
"""Reads bitext's exports with other people's tools, on a copy of the sample project.

For every target locale:
  - the PO passes gettext's `msgfmt --check`, and translate-toolkit's `pocount` counts as many
    translated, fuzzy and untranslated messages as `bitext status` has current, stale +
    unreviewed, and missing segments;
  - the XLIFF 1.2 is read by translate-toolkit's `xliff2po`, and the PO it makes counts the same;
    bitext imports that PO (named for its locale, as a translator would save it): untouched it
    changes nothing, and with its fuzzy flags cleared every translation is signed off;
  - the XLIFF 2.0 is read by the npm package `xliff` (xliff2js, tests/interop/xliff2/read.mjs)
    with every unit, its source, its target (when translated) and its state;
  - importing each file back, untouched, changes nothing in the project;
  - by default an export carries only what needs work: its PO has just those entries, and its
    XLIFF 1.2 (the rest locked as context) goes through xliff2po and back as no change;
  - a translator's note in a target file goes through xliff2po as a PO translator comment;
  - an XLIFF 1.2 export as a CAT tool writes it back (region codes `ru-RU` and `en-US`, the white
    space of every <source> changed, every target marked translated) signs every translation
    off, but the one a reviewer rejected;
  - a translator's comment added to a PO export as Poedit writes it (`# ` lines right above the
    entry's other comments) is imported into the target file, and goes out with the next export.

Usage: tests/interop/exchange.py --bitext target/debug/bitext
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# translate-toolkit's tools are run through this python (the one pip installed them into), not
# through scripts on PATH.
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def tree(root):
    """Hash of every file in the project but the lock."""
    out = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if name == ".bitext.lock" or "/exports/" in path + "/":
                continue
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
    return out


def pocount(path):
    """(translated, fuzzy, untranslated, total) messages, from pocount --csv."""
    text = run(sys.executable, "-m", "translate.tools.pocount", "--csv", path)
    rows = list(csv.DictReader(io.StringIO(text)))
    row = rows[0]
    n = lambda k: int(row[k].strip())
    return (
        n("Translated Messages"),
        n("Fuzzy Messages"),
        n("Untranslated Messages"),
        n("Total Message"),
    )


def copy_project(root, project):
    """A copy of the sample project at `project`."""
    os.mkdir(project)
    for part in ["bitext.toml", "articles", "locales", "history"]:
        src = os.path.join(root, part)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(project, part))
        else:
            shutil.copy(src, os.path.join(project, part))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bitext", required=True)
    args = parser.parse_args()
    bitext = os.path.abspath(args.bitext)
    failures = []
    checks = 0

    def check(ok, what):
        nonlocal checks
        checks += 1
        print(("ok      " if ok else "FAILED  ") + what)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "sample")
        copy_project(ROOT, project)
        exports = os.path.join(tmp, "exports")
        os.mkdir(exports)
        b = lambda *a: run(bitext, "--project", project, *a)
        # The sample's desk: who translates each locale (bitext.toml's [people]).
        translator = {"ko": "seo-jiwon", "kk": "arman-bekov", "ru": "arman-bekov"}
        status = json.loads(b("status", "--json"))
        before = tree(project)
        for locale, t in sorted(status["totals"].items()):
            expected = (
                t["current"],
                t["stale"] + t["unreviewed"],
                t["missing"],
                t["segments"],
            )
            print(f"== {locale}: bitext status: current, stale + unreviewed, missing, segments = {expected}")

            po = os.path.join(exports, f"{locale}.po")
            b("export", locale, "--all", "--format", "po", "-o", po)
            fmt = subprocess.run(
                ["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True
            )
            check(fmt.returncode == 0, f"{locale}: msgfmt --check {fmt.stderr.strip()}")
            got = pocount(po)
            check(got == expected, f"{locale}: pocount on the PO gives {got}")

            x12 = os.path.join(exports, f"{locale}-12.xlf")
            b("export", locale, "--all", "--format", "xliff12", "-o", x12)
            converted = os.path.join(exports, f"{locale}-from-xliff12.po")
            run(
                sys.executable,
                "-c",
                "import sys; from translate.convert.xliff2po import main; sys.argv[0] = 'xliff2po'; main()",
                "--progress=none",
                x12,
                converted,
            )
            got = pocount(converted)
            check(got == expected, f"{locale}: xliff2po read the XLIFF 1.2; pocount gives {got}")

            x2 = os.path.join(exports, f"{locale}.xlf")
            b("export", locale, "--all", "--format", "xliff", "-o", x2)
            read = json.loads(run("node", os.path.join(HERE, "xliff2", "read.mjs"), x2))
            units = read["units"]
            states = {}
            for u in units:
                states[u["state"]] = states.get(u["state"], 0) + 1
            check(
                read["sourceLanguage"] == status["source"] and read["targetLanguage"] == locale,
                f"{locale}: xliff2js reads srcLang {read['sourceLanguage']} trgLang {read['targetLanguage']}",
            )
            check(len(units) == t["segments"], f"{locale}: xliff2js finds {len(units)} units")
            check(
                all(isinstance(u["source"], str) and u["source"] for u in units),
                f"{locale}: every unit has its source",
            )
            translated = sum(1 for u in units if isinstance(u.get("target"), str) and u["target"])
            check(
                translated == t["segments"] - t["missing"],
                f"{locale}: {translated} units have a target",
            )
            got_states = (
                states.get("current", 0),
                # A rejected translation counts as stale (bitext:rejected is its subState).
                states.get("stale", 0) + states.get("rejected", 0) + states.get("unreviewed", 0),
                states.get("missing", 0),
                len(units),
            )
            check(got_states == expected, f"{locale}: states {states}")

            for path in (po, x12, x2):
                b("--as", translator[locale], "import", path)
            check(tree(project) == before, f"{locale}: importing the three files back changes nothing")

            # By default an export carries only what needs work: PO has just those entries (the
            # segments around them in their comments); XLIFF 1.2 has the rest locked
            # (translate="no"), which xliff2po keeps, and which comes back as no change.
            work = t["stale"] + t["unreviewed"] + t["missing"]
            po = os.path.join(exports, f"{locale}-work.po")
            b("export", locale, "--format", "po", "-o", po)
            if work == 0:
                check(not os.path.exists(po), f"{locale}: nothing needs work, and no file is written")
                continue
            fmt = subprocess.run(
                ["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True
            )
            check(fmt.returncode == 0, f"{locale}: msgfmt --check of the work {fmt.stderr.strip()}")
            got = pocount(po)
            want = (0, t["stale"] + t["unreviewed"], t["missing"], work)
            check(got == want, f"{locale}: pocount on the PO of the work gives {got}")
            x12 = os.path.join(exports, f"{locale}-work-12.xlf")
            b("export", locale, "--format", "xliff12", "-o", x12)
            # Named for its locale, as a translator saves it (xliff2po writes no Language).
            os.mkdir(os.path.join(exports, f"work-{locale}"))
            converted = os.path.join(exports, f"work-{locale}", f"{locale}.po")
            run(
                sys.executable,
                "-c",
                "import sys; from translate.convert.xliff2po import main; sys.argv[0] = 'xliff2po'; main()",
                "--progress=none",
                x12,
                converted,
            )
            for path in (po, x12, converted):
                b("--as", translator[locale], "import", path)
            check(
                tree(project) == before,
                f"{locale}: the work's PO and XLIFF 1.2, and xliff2po's PO of it, change nothing back",
            )

        # xliff2po's PO back into bitext, on a fresh copy: the entries name their segments by
        # their `#:` reference (no msgctxt), and the header has no Language.
        project = os.path.join(tmp, "sample-xliff2po")
        copy_project(ROOT, project)
        for locale, t in sorted(status["totals"].items()):
            before = tree(project)
            x12 = os.path.join(exports, f"{locale}-again-12.xlf")
            b("export", locale, "--all", "--format", "xliff12", "-o", x12)
            folder = os.path.join(exports, f"xliff2po-{locale}")
            os.mkdir(folder)
            converted = os.path.join(folder, f"{locale}.po")
            run(
                sys.executable,
                "-c",
                "import sys; from translate.convert.xliff2po import main; sys.argv[0] = 'xliff2po'; main()",
                "--progress=none",
                x12,
                converted,
            )
            b("--as", translator[locale], "import", converted)
            check(tree(project) == before, f"{locale}: importing xliff2po's PO untouched changes nothing")
            # The translator is done: every fuzzy flag but the header's goes.
            with open(converted, encoding="utf-8") as f:
                entries = f.read().split("\n\n")
            done = [entries[0]] + [e.replace("#, fuzzy\n", "") for e in entries[1:]]
            with open(converted, "w", encoding="utf-8") as f:
                f.write("\n\n".join(done))
            b("--as", translator[locale], "import", converted)
            after = json.loads(b("status", "--json", "--locale", locale))["totals"][locale]
            # A translation a reviewer rejected stays rejected until its text changes.
            translated = t["segments"] - t["missing"] - t["rejected"]
            check(
                after["current"] == translated and after["rejected"] == t["rejected"],
                f"{locale}: with the fuzzy flags cleared, all {translated} translations but the "
                f"{t['rejected']} rejected are signed off (current {after['current']})",
            )

        # The sample's Korean title has a translator's note above it: xliff2po makes the XLIFF
        # 1.2 translator note of it a PO translator comment.
        with open(os.path.join(exports, "xliff2po-ko", "ko.po"), encoding="utf-8") as f:
            converted = f.read()
        check(
            "# Korean headlines say 방한 (visit to Korea) for a visit to Seoul.\n#: "
            in converted,
            "ko: xliff2po writes the translator's note as a translator comment",
        )

        # An XLIFF 1.2 export as a CAT tool gives it back: region codes for the languages, the
        # white space of the English changed (every space doubled), every target marked done.
        project = os.path.join(tmp, "sample-cat-tool")
        copy_project(ROOT, project)
        b = lambda *a: run(bitext, "--project", project, *a)
        t = json.loads(b("status", "--json", "--locale", "ru"))["totals"]["ru"]
        x12 = os.path.join(exports, "ru-cat-tool.xlf")
        b("export", "ru", "--all", "--format", "xliff12", "-o", x12)
        with open(x12, encoding="utf-8") as f:
            text = f.read()
        text = text.replace('target-language="ru"', 'target-language="ru-RU"')
        text = text.replace('source-language="en"', 'source-language="en-US"')
        text = re.sub(
            r"<source>(.*?)</source>",
            lambda m: "<source>" + m.group(1).replace(" ", "  ") + "</source>",
            text,
            flags=re.S,
        )
        text = re.sub(r'<target state="[^"]*">', '<target state="translated">', text)
        with open(x12, "w", encoding="utf-8") as f:
            f.write(text)
        b("--as", translator["ru"], "import", x12)
        after = json.loads(b("status", "--json", "--locale", "ru"))["totals"]["ru"]
        translated = t["segments"] - t["missing"] - t["rejected"]
        check(
            after["current"] == translated and after["rejected"] == t["rejected"],
            f"ru: an XLIFF 1.2 for ru-RU from en-US, its English's spaces doubled, every target "
            f"marked translated: all {translated} translations but the {t['rejected']} rejected "
            f"are signed off (current {after['current']})",
        )

        # A translator's comment added in Poedit: `# ` lines right above the entry's other
        # comments. Imported, it is in the target file above the message; exported again, it
        # goes out as it came in.
        project = os.path.join(tmp, "sample-poedit")
        copy_project(ROOT, project)
        b = lambda *a: run(bitext, "--project", project, *a)
        po = os.path.join(exports, "ru-poedit.po")
        b("export", "ru", "2021/08/tokayev-state-visit", "--all", "--format", "po", "-o", po)
        with open(po, encoding="utf-8") as f:
            entries = f.read().split("\n\n")
        note = "Сверить с редакцией: в «Коммерсанте» пишут «Касым-Жомарт Токаев», через дефис."
        title = '\nmsgctxt "2021/08/tokayev-state-visit:title"'
        target = next(i for i, e in enumerate(entries) if title in e)
        entries[target] = f"# {note}\n" + entries[target]
        with open(po, "w", encoding="utf-8") as f:
            f.write("\n\n".join(entries))
        fmt = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True
        )
        check(
            fmt.returncode == 0,
            f"ru: the PO with Poedit's comment passes msgfmt --check {fmt.stderr.strip()}",
        )
        before = json.loads(b("status", "--json", "--locale", "ru"))["totals"]["ru"]
        b("--as", translator["ru"], "import", po)
        ftl_path = os.path.join(project, "locales", "ru", "2021", "08", "tokayev-state-visit.ftl")
        with open(ftl_path, encoding="utf-8") as f:
            ftl = f.read()
        check(
            f"# {note}\n# en: Korea and Kazakhstan widen partnership" in ftl,
            "ru: the Poedit comment is in the target file, right above the title's English",
        )
        after = json.loads(b("status", "--json", "--locale", "ru"))["totals"]["ru"]
        check(after == before, "ru: the comment changed no translation's state")
        again = b("export", "ru", "2021/08/tokayev-state-visit", "--all", "--format", "po", "-o", "-")
        check(
            f"\n# {note}\n#. bitext: current\n" in again,
            "ru: exported again, the comment goes out as a translator comment",
        )

    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
