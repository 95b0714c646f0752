#!/usr/bin/env python3
"""Builds the sample's `--format hugo` tree with Hugo, as it is, and checks the site it makes.

For every article and locale, Hugo's page public/<lc>/<slug>.html must have:
  - `<html lang>` of its locale and the article's title in that language (from bitext's front
    matter) in its <title> and <h1>;
  - hreflang links to exactly the article's four language versions, absolute, each a page Hugo
    built;
  - every image at a file Hugo published, with its width and height;
and Hugo must have written its sitemap and a feed per language.

Usage: tests/interop/hugo.py --bitext target/debug/bitext [--hugo hugo]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LOCALES = ["en", "ko", "kk", "ru"]
SLUGS = ["2021/08/hong-beom-do-homecoming", "2021/08/tokayev-state-visit"]
BASE = "https://news.example.com/"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.hreflang = {}
        self.images = []
        self.title = ""
        self.h1 = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.hreflang[a["hreflang"]] = a["href"]
        elif tag == "img":
            self.images.append(a)
        elif tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bitext", required=True)
    parser.add_argument("--hugo", default="hugo")
    args = parser.parse_args()
    bitext = os.path.abspath(args.bitext)
    work = tempfile.mkdtemp(prefix="bitext-hugo-")
    try:
        project = os.path.join(work, "sample")
        os.mkdir(project)
        for part in ["bitext.toml", "articles", "locales", "history"]:
            src = os.path.join(ROOT, part)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(project, part))
        subprocess.run([bitext, "publish", "--format", "hugo", "--out", "hugo"], cwd=project,
                       check=True, capture_output=True)
        tree = os.path.join(project, "hugo")
        build = subprocess.run([args.hugo, "--source", tree, "--quiet"], capture_output=True,
                               text=True)
        if build.returncode != 0 or "ERROR" in build.stderr:
            fail("hugo failed:\n" + build.stdout + build.stderr)
        else:
            check(tree)
    finally:
        shutil.rmtree(work)
    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)
    print("hugo: the --format hugo tree builds into the right pages")


def check(tree):
    public = os.path.join(tree, "public")
    for slug in SLUGS:
        versions = {lc: f"{BASE}{lc}/{slug}.html" for lc in LOCALES}
        for lc in LOCALES:
            rel = f"{lc}/{slug}.html"
            path = os.path.join(public, rel)
            if not os.path.isfile(path):
                fail(f"hugo made no {rel}")
                continue
            with open(os.path.join(tree, "content", lc, slug + ".md"), encoding="utf-8") as f:
                front = tomllib.loads(f.read().split("+++\n")[1])
            page = Page()
            with open(path, encoding="utf-8") as f:
                page.feed(f.read())
            if page.lang != lc:
                fail(f"{rel}: lang {page.lang!r}")
            if page.h1.strip() != front["title"] or not page.title.startswith(front["title"]):
                fail(f"{rel}: title {page.title!r}, h1 {page.h1!r}, expected {front['title']!r}")
            if page.hreflang != versions:
                fail(f"{rel}: hreflang {page.hreflang}")
            for href in page.hreflang.values():
                if not os.path.isfile(os.path.join(public, href[len(BASE):])):
                    fail(f"{rel}: hreflang {href} is no page")
            if not page.images:
                fail(f"{rel}: no image")
            for img in page.images:
                src = img.get("src", "")
                if not src.startswith("/") or not os.path.isfile(os.path.join(public, src[1:])):
                    fail(f"{rel}: image {src!r} is not a published file")
                if not img.get("width") or not img.get("height"):
                    fail(f"{rel}: image {src!r} has no width and height")
        print(f"hugo: {slug} in {', '.join(LOCALES)}")
    for extra in ["sitemap.xml"] + [f"{lc}/index.xml" for lc in LOCALES]:
        if not os.path.isfile(os.path.join(public, extra)):
            fail(f"hugo made no {extra}")


if __name__ == "__main__":
    main()
