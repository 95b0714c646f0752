#!/usr/bin/env bash
# The whole site (article pages, front pages, sitemap, feeds) published by bitext, against Hugo
# building the same content (the `--format hugo` tree of the same corpus) with its sitemap and
# feeds. Both write into an empty folder, one after the other in turns, in one run. See
# bench/README.md.
#
#   bench/publish-vs-hugo.sh                 # 1,000 articles in bench/corpus-publish, 5 rounds
#   PUBLISH_ARTICLES=200 PUBLISH_CORPUS=/tmp/c bench/publish-vs-hugo.sh
#   RUNS=9 bench/publish-vs-hugo.sh          # rounds (each one bitext run and one Hugo run)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PUBLISH_ARTICLES="${PUBLISH_ARTICLES:-1000}"
PUBLISH_CORPUS="${PUBLISH_CORPUS:-$ROOT/bench/corpus-publish}"
RUNS="${RUNS:-5}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BITEXT="$TARGET_DIR/release/bitext"
HUGO="${HUGO:-hugo}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! command -v "$HUGO" >/dev/null; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "== install hugo"
        apt-get update -qq >/dev/null && apt-get install -y -qq hugo >/dev/null
    else
        echo "hugo is not installed (apt-get install hugo)" >&2
        exit 2
    fi
fi

echo "== build (release)"
(cd "$ROOT" && cargo build --release --quiet --bin bitext --example gen-corpus)
if [[ ! -e "$PUBLISH_CORPUS" ]]; then
    echo "== generate $PUBLISH_ARTICLES articles into $PUBLISH_CORPUS"
    "$TARGET_DIR/release/examples/gen-corpus" "$PUBLISH_CORPUS" "$PUBLISH_ARTICLES" >/dev/null
fi
cd "$PUBLISH_CORPUS"
# The site's address, without which there is no sitemap and no feed.
grep -q '^\[publish\]' bitext.toml || printf '\n[publish]\nbase_url = "https://news.example.com/"\nsite_name = "Bench News"\n' >>bitext.toml

echo "== the Hugo tree of the corpus (bitext publish --format hugo)"
"$BITEXT" publish --format hugo --out "$WORK/hugo" >/dev/null 2>&1 || true
articles=$(find articles -type f -name '*.md' | wc -l)
echo "corpus: $articles articles, 4 locales; $(nproc) cores; $("$HUGO" version | cut -d' ' -f1-2)"

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
bitext_times=()
hugo_times=()
for round in $(seq "$RUNS"); do
    rm -rf "$WORK/site"
    start=$(date +%s.%N)
    "$BITEXT" publish --out "$WORK/site" >/dev/null 2>"$WORK/bitext.err" || true
    end=$(date +%s.%N)
    bitext_times+=("$(seconds "$start" "$end")")

    rm -rf "$WORK/hugo/public"
    start=$(date +%s.%N)
    "$HUGO" --source "$WORK/hugo" --quiet >"$WORK/hugo.out" 2>&1
    end=$(date +%s.%N)
    hugo_times+=("$(seconds "$start" "$end")")
    echo "  round $round: bitext ${bitext_times[-1]} s, hugo ${hugo_times[-1]} s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
b=$(median "${bitext_times[@]}")
h=$(median "${hugo_times[@]}")
bitext_files=$(find "$WORK/site" -type f | wc -l)
bitext_pages=$(find "$WORK/site" -type f -name '*.html' | wc -l)
hugo_files=$(find "$WORK/hugo/public" -type f | wc -l)
hugo_pages=$(find "$WORK/hugo/public" -type f -name '*.html' | wc -l)
refused=$(grep -c '^refused' "$WORK/bitext.err" || true)
echo
echo "bitext: $bitext_files files ($bitext_pages HTML pages, $refused pages refused; front pages, 4 feeds, sitemap.xml)"
echo "hugo:   $hugo_files files ($hugo_pages HTML pages; its sitemaps and RSS feeds)"
awk -v b="$b" -v h="$h" 'BEGIN {
    printf "median of the rounds: bitext publish %.3f s, hugo %.3f s: bitext takes %.2fx the time of hugo, %s\n",
        b, h, b / h, (b < h) ? "faster" : "SLOWER" }'
