#!/usr/bin/env bash
# Benchmarks the look-ups a translator makes in the whole archive: `bitext search` of a common word,
# a name and a regular expression, `bitext tm LC WORD` and `bitext blame LC SLUG`, on the corpus of
# bench/run.sh, against their targets. See bench/README.md, "Look-ups".
#
#   bench/lookups.sh                         # 10,000 articles in bench/corpus (generated if absent)
#   CORPUS=/tmp/corpus bench/lookups.sh      # another corpus (made by gen-corpus)
#   BITEXT=/path/to/bitext bench/lookups.sh  # another build, to compare
#   RUNS=10 bench/lookups.sh                 # runs per command (default: hyperfine's choice)
#   HYPERFINE=no bench/lookups.sh            # a plain loop instead: median of 5 runs
#   WORD=said NAME=Gazprom REGEX='\$[0-9.]+ billion' RARE_REGEX='Gazprom|Halyk' \
#       TM_LOCALE=ko TM_WORD=Gazprom bench/lookups.sh       # what is looked up (these by default)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/bench/corpus}"
ARTICLES="${ARTICLES:-10000}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WORD="${WORD:-said}"
NAME="${NAME:-Gazprom}"
DEFAULT_REGEX='\$[0-9.]+ billion'
REGEX="${REGEX:-$DEFAULT_REGEX}"
RARE_REGEX="${RARE_REGEX:-Gazprom|Halyk}"
TM_LOCALE="${TM_LOCALE:-ko}"
TM_WORD="${TM_WORD:-Gazprom}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/measure.sh
source "$ROOT/bench/measure.sh"

# The same build as bench/run.sh's, so that one script after the other builds nothing.
if [[ -z "${BITEXT:-}" || ! -e "$CORPUS" ]]; then
    echo "== build (release)"
    (cd "$ROOT" && cargo build --release --quiet --bin bitext --example gen-corpus --example tm-bench)
fi
BITEXT="${BITEXT:-$TARGET_DIR/release/bitext}"
if [[ ! -e "$CORPUS" ]]; then
    echo "== generate $ARTICLES articles into $CORPUS"
    "$TARGET_DIR/release/examples/gen-corpus" "$CORPUS" "$ARTICLES"
else
    echo "== reuse $CORPUS"
fi
cd "$CORPUS"

# An article with two revisions, as for `bitext diff` in run.sh.
SLUG=$(find history -name '*.jsonl' -not -name '*.*.jsonl' -print0 | xargs -0 grep -l '"revision":2' | sed -n '1{s|^history/||; s|\.jsonl$||; p}' || true)
articles=$(find articles -type f -name '*.md' | wc -l)
echo "corpus: $articles articles; cores: $(nproc); bitext: $BITEXT"
q() { printf '%q' "$1"; }
for query in "$WORD" "$NAME"; do
    echo "search $query: $("$BITEXT" search "$query" | tail -n 1)"
done
for query in "$REGEX" "$RARE_REGEX"; do
    echo "search --regex $query: $("$BITEXT" search --regex "$query" | tail -n 1)"
done
echo "tm $TM_LOCALE $TM_WORD: $("$BITEXT" tm "$TM_LOCALE" "$TM_WORD" --json --limit 1000 | grep -c '"score"') matches (of --limit 1000)"
echo "blame $TM_LOCALE $SLUG: $("$BITEXT" blame "$TM_LOCALE" "$SLUG" --json | grep -c '"source"') segments"

# name|command|target in seconds
COMMANDS=(
    "search (common word)|'$BITEXT' search $(q "$WORD") >/dev/null|1"
    "search (name)|'$BITEXT' search $(q "$NAME") >/dev/null|1"
    "search --regex|'$BITEXT' search --regex $(q "$REGEX") >/dev/null|1"
    "search --regex (rare)|'$BITEXT' search --regex $(q "$RARE_REGEX") >/dev/null|1"
    "search --json (name)|'$BITEXT' search $(q "$NAME") --json >/dev/null|1"
    "tm (one word)|'$BITEXT' tm $TM_LOCALE $(q "$TM_WORD") >/dev/null|0.05"
    "tm --json (one word)|'$BITEXT' tm $TM_LOCALE $(q "$TM_WORD") --json >/dev/null|0.05"
    "blame (1 article)|'$BITEXT' blame $TM_LOCALE '$SLUG' >/dev/null|0.05"
    "blame --json (1 article)|'$BITEXT' blame $TM_LOCALE '$SLUG' --json >/dev/null|0.05"
)
entries=()
for c in "${COMMANDS[@]}"; do
    entries+=("${c%|*}")
done
measure "$WORK/results" "${entries[@]}"

echo
echo "== results ($articles articles, $(nproc) cores)"
printf '%-26s %10s %9s %9s %9s  %s\n' command "median (s)" "min (s)" "cpu (s)" "target" ""
i=0
while IFS=, read -r name median fastest cpu; do
    target="${COMMANDS[$i]##*|}"
    awk -v n="$name" -v m="$median" -v f="$fastest" -v c="$cpu" -v t="$target" 'BEGIN {
        printf "%-26s %10.3f %9.3f %9s %9s  %s\n", n, m, f, (c == "") ? "" : sprintf("%.3f", c), "< " t, (m < t) ? "met" : "MISSED" }'
    i=$((i + 1))
done <"$WORK/results"
