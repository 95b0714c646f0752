#!/usr/bin/env python3
"""Checks the published sample with the tools of the web, on a copy of the sample project.

  - the W3C Nu validator (vnu.jar, from tests/interop/site/node_modules) reports no error on any
    published HTML page, nor on `bitext status --format html`;
  - every Atom feed (<lc>/feed.xml) parses with feedparser without error, in its language, with
    every entry's link absolute and every entry titled;
  - sitemap.xml parses as XML, every <loc> and alternate is absolute, and the alternates are
    reciprocal: every page a URL names as its language version lists the same versions, and
    every page of the site is in the sitemap;
  - every page's own hreflang links agree with the sitemap.

Usage: tests/interop/site.py --bitext target/debug/bitext
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlparse

import feedparser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VNU = os.path.join(HERE, "site", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
LOCALES = ["en", "ko", "kk", "ru"]
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def absolute(url):
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class Links(HTMLParser):
    """The hreflang links of a page's head."""

    def __init__(self):
        super().__init__()
        self.hreflang = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.hreflang[a["hreflang"]] = a["href"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bitext", required=True)
    args = parser.parse_args()
    bitext = os.path.abspath(args.bitext)
    work = tempfile.mkdtemp(prefix="bitext-site-")
    try:
        project = os.path.join(work, "sample")
        os.mkdir(project)
        for part in ["bitext.toml", "articles", "locales", "history"]:
            src = os.path.join(ROOT, part)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(project, part))
        env = dict(os.environ, SOURCE_DATE_EPOCH="1629158400")
        subprocess.run([bitext, "publish", "--out", "site"], cwd=project, env=env, check=True,
                       capture_output=True)
        report = os.path.join(work, "status.html")
        with open(report, "w") as f:
            subprocess.run([bitext, "status", "--format", "html"], cwd=project, env=env,
                           check=True, stdout=f)
        site = os.path.join(project, "site")
        pages = sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))
        check_vnu(pages + [report])
        check_feeds(site)
        check_sitemap(site, pages)
    finally:
        shutil.rmtree(work)
    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)
    print("site: vnu, feeds and sitemap passed")


def check_vnu(pages):
    result = subprocess.run(["java", "-jar", VNU, "--errors-only", "--also-check-css"] + pages,
                            capture_output=True, text=True)
    errors = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or errors:
        fail("vnu reports errors:\n" + errors)
    else:
        print(f"vnu: no error on {len(pages)} pages")


def check_feeds(site):
    for lc in LOCALES:
        path = os.path.join(site, lc, "feed.xml")
        feed = feedparser.parse(path)
        if feed.bozo:
            fail(f"{lc}/feed.xml: {feed.bozo_exception}")
            continue
        if feed.version != "atom10":
            fail(f"{lc}/feed.xml: read as {feed.version}, not Atom 1.0")
        if feed.feed.get("language") != lc:
            fail(f"{lc}/feed.xml: language {feed.feed.get('language')!r}")
        if not feed.entries:
            fail(f"{lc}/feed.xml: no entry")
        for entry in feed.entries:
            if not entry.get("title") or not absolute(entry.get("link", "")):
                fail(f"{lc}/feed.xml: entry {entry.get('id')}: title {entry.get('title')!r}, "
                     f"link {entry.get('link')!r}")
            if not entry.get("updated_parsed"):
                fail(f"{lc}/feed.xml: entry {entry.get('id')} has no updated time")
        print(f"feedparser: {lc}/feed.xml, {len(feed.entries)} entries")


def check_sitemap(site, pages):
    tree = ET.parse(os.path.join(site, "sitemap.xml"))
    urls = {}
    for url in tree.getroot().findall(SM + "url"):
        loc = url.findtext(SM + "loc")
        alternates = {l.get("hreflang"): l.get("href") for l in url.findall(XHTML + "link")}
        for address in [loc] + list(alternates.values()):
            if not absolute(address):
                fail(f"sitemap: {address!r} is not absolute")
        if not url.findtext(SM + "lastmod"):
            fail(f"sitemap: {loc} has no lastmod")
        urls[loc] = alternates
    for loc, alternates in urls.items():
        if loc not in alternates.values():
            fail(f"sitemap: {loc} is not among its own alternates")
        for lang, href in alternates.items():
            if href not in urls:
                fail(f"sitemap: {loc} names {href} ({lang}), which is not in the sitemap")
            elif urls[href] != alternates:
                fail(f"sitemap: {loc} and its {lang} version {href} list different versions")
    base = "https://news.example.com/"
    published = {base + os.path.relpath(p, site).replace(os.sep, "/") for p in pages}
    if set(urls) != published:
        fail(f"sitemap: missing {sorted(published - set(urls))}, extra {sorted(set(urls) - published)}")
    for page in pages:
        url = base + os.path.relpath(page, site).replace(os.sep, "/")
        links = Links()
        with open(page, encoding="utf-8") as f:
            links.feed(f.read())
        if url in urls and links.hreflang != urls[url]:
            fail(f"{url}: its hreflang links {links.hreflang} differ from the sitemap's {urls[url]}")
    print(f"sitemap: {len(urls)} URLs, every loc absolute, every alternate reciprocal")


if __name__ == "__main__":
    main()
