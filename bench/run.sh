#!/usr/bin/env bash
# Benchmarks `bitext status`, an unchanged `bitext sync`, `check`, `todo` and `diff` on a generated
# corpus, against `cat` of the files that status reads. See bench/README.md.
#
#   bench/run.sh               # 10,000 articles in bench/corpus (generated once, then reused)
#   ARTICLES=1000 bench/run.sh # a smaller corpus (delete bench/corpus first to regenerate it)
#   CORPUS=/tmp/c bench/run.sh # another folder for the corpus
#   RUNS=20 bench/run.sh       # runs per command (default: hyperfine's own choice, at least 10)
#   HYPERFINE=no bench/run.sh  # time with a plain loop instead (median of 5 runs)
#   PUBLISH_ARTICLES=1000      # the corpus of the publish measurements (bench/corpus-publish),
#                              # which end with the whole site against Hugo (publish-vs-hugo.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/bench/corpus}"
ARTICLES="${ARTICLES:-10000}"
RUNS="${RUNS:-}"
HYPERFINE="${HYPERFINE:-yes}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BITEXT="$TARGET_DIR/release/bitext"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== build (release)"
(cd "$ROOT" && cargo build --release --quiet --bin bitext --example gen-corpus --example tm-bench)

if [[ ! -e "$CORPUS" ]]; then
    echo "== generate $ARTICLES articles into $CORPUS"
    "$TARGET_DIR/release/examples/gen-corpus" "$CORPUS" "$ARTICLES"
else
    echo "== reuse $CORPUS (delete it to generate a new one)"
fi
cd "$CORPUS"

# The files `bitext status` reads: the config, every history and every target file.
LIST="$WORK/status-files"
{
    printf 'bitext.toml\0'
    find history -type f -name '*.jsonl' -not -name '*.*.jsonl' -print0
    find locales/ko locales/kk locales/ru -type f -name '*.ftl' -print0
} >"$LIST"
articles=$(find articles -type f -name '*.md' | wc -l)
files=$(find . -type f | wc -l)
corpus_mb=$(du -sm --apparent-size . | cut -f1)
read_files=$(tr -cd '\0' <"$LIST" | wc -c)
read_mb=$(xargs -0 cat <"$LIST" | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
echo "corpus: $articles articles, $files files, $corpus_mb MB; status reads $read_files files, $read_mb MB"
echo "cores: $(nproc)"

if [[ "$HYPERFINE" != no ]] && ! command -v hyperfine >/dev/null && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "== install hyperfine"
    apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null || true
fi

# An article with two revisions, for `bitext diff`.
DIFF_SLUG=$(find history -name '*.jsonl' -not -name '*.*.jsonl' -print0 | xargs -0 grep -l '"revision":2' | sed -n '1{s|^history/||; s|\.jsonl$||; p}' || true)
echo "diff: $DIFF_SLUG"

# name|command, run from inside the corpus.
COMMANDS=(
    "cat (listed files)|xargs -0 cat <'$LIST' >/dev/null"
    "cat (find + cat)|{ printf 'bitext.toml\\0'; find history -type f -name '*.jsonl' -not -name '*.*.jsonl' -print0; find locales/ko locales/kk locales/ru -type f -name '*.ftl' -print0; } | xargs -0 cat >/dev/null"
    "bitext status --json|'$BITEXT' status --json >/dev/null"
    "bitext status|'$BITEXT' status >/dev/null"
    "bitext sync (unchanged)|'$BITEXT' sync >/dev/null"
    "bitext check --json|'$BITEXT' check --json >/dev/null || true"
    "bitext todo ko --json|'$BITEXT' todo ko --json >/dev/null"
    "bitext todo ko --no-memory|'$BITEXT' todo ko --json --no-memory >/dev/null"
    "bitext diff (1 article)|'$BITEXT' diff '$DIFF_SLUG' --json >/dev/null"
)

# Every file written from here on is a write by `bitext sync` (the cat and status runs write
# nothing): directories count too, since a temporary file leaves its folder's time changed.
MARKER="$WORK/marker"
touch "$MARKER"
sleep 0.05

RESULTS="$WORK/results.csv" # name,seconds,stddev,min
if [[ "$HYPERFINE" != no ]] && command -v hyperfine >/dev/null; then
    echo "== measure with $(hyperfine --version)"
    args=(--warmup 1 --style basic --export-csv "$WORK/hyperfine.csv")
    [[ -n "$RUNS" ]] && args+=(--runs "$RUNS")
    for entry in "${COMMANDS[@]}"; do
        args+=(--command-name "${entry%%|*}" "${entry#*|}")
    done
    hyperfine "${args[@]}"
    # command,mean,stddev,median,user,system,min,max
    tail -n +2 "$WORK/hyperfine.csv" | awk -F, '{ print $1 "," $2 "," $3 "," $7 }' >"$RESULTS"
    STAT="mean"
else
    echo "== measure (without hyperfine: median of ${RUNS:-5} runs, after one warm-up run)"
    : >"$RESULTS"
    for entry in "${COMMANDS[@]}"; do
        name="${entry%%|*}"
        command="${entry#*|}"
        bash -c "$command"
        times=()
        for _ in $(seq "${RUNS:-5}"); do
            start=$(date +%s.%N)
            bash -c "$command"
            end=$(date +%s.%N)
            times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
        done
        median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
        fastest=$(printf '%s\n' "${times[@]}" | sort -g | head -n 1)
        echo "  $name: ${times[*]}"
        echo "$name,$median,,$fastest" >>"$RESULTS"
    done
    STAT="median"
fi

written="$WORK/written"
find . -newer "$MARKER" -not -name .bitext.lock >"$written"

echo
echo "== results ($articles articles, $(nproc) cores)"
awk -F, -v stat="$STAT" '
    NR == 1 { base = $2 }
    { name[NR] = $1; t[NR] = $2; sd[NR] = $3; min[NR] = $4 }
    END {
        for (i = 1; i <= NR; i++) if (name[i] == "bitext status --json") status = t[i]
        printf "%-24s %10s %9s %9s %8s %9s\n", "command", stat " (s)", "sd (s)", "min (s)", "x cat", "x status"
        for (i = 1; i <= NR; i++) {
            ratio = (name[i] ~ /^bitext (status|check)/) ? sprintf("%.2f", t[i] / base) : ""
            vs = (name[i] ~ /^bitext (check|todo|diff)/ && status > 0) ? sprintf("%.2f", t[i] / status) : ""
            printf "%-24s %10.3f %9s %9.3f %8s %9s\n", name[i], t[i], (sd[i] == "" ? "" : sprintf("%.3f", sd[i])), min[i], ratio, vs
        }
    }' "$RESULTS"

echo
awk -F, 'NR == 1 { base = $2 }
    $1 ~ /^bitext status/ {
        printf "target: %s within 3x of cat: %.2fx, %s\n", $1, $2 / base, ($2 <= 3 * base) ? "met" : "MISSED"
    }' "$RESULTS"
sync_time=$(awk -F, '$1 == "bitext sync (unchanged)" { print $2 }' "$RESULTS")
awk -v t="$sync_time" -v n="$articles" 'BEGIN {
    printf "target: unchanged sync of 10,000 articles under 2 s: %.3f s for %d articles, %s\n", t, n,
        (n < 10000) ? "(corpus too small to tell)" : (t < 2) ? "met" : "MISSED" }'
if [[ -s "$written" ]]; then
    echo "WRITES: the unchanged sync changed $(wc -l <"$written") paths, for example:"
    head -n 10 "$written" | sed 's/^/  /'
else
    echo "writes: none (nothing in the corpus is newer than the start of the measurements)"
fi

echo
echo "== translation memory: 1,000 new sentences looked up in the ko memory (bench/tm_bench.rs)"
"$TARGET_DIR/release/examples/tm-bench" "$CORPUS" ko 1000

# Publishing: every article into HTML pages in four locales, on its own corpus of
# PUBLISH_ARTICLES articles (1,000 by default), since pages are much more work per article.
PUBLISH_ARTICLES="${PUBLISH_ARTICLES:-1000}"
PUBLISH_CORPUS="${PUBLISH_CORPUS:-$ROOT/bench/corpus-publish}"
if [[ ! -e "$PUBLISH_CORPUS" ]]; then
    echo
    echo "== generate $PUBLISH_ARTICLES articles into $PUBLISH_CORPUS"
    "$TARGET_DIR/release/examples/gen-corpus" "$PUBLISH_CORPUS" "$PUBLISH_ARTICLES" >/dev/null
fi
cd "$PUBLISH_CORPUS"
echo
echo "== publish ($(find articles -type f -name '*.md' | wc -l) articles, 4 locales, median of ${RUNS:-5} runs into an empty folder)"
times=()
for _ in $(seq "${RUNS:-5}"); do
    rm -rf "$WORK/public"
    start=$(date +%s.%N)
    "$BITEXT" publish --out "$WORK/public" >/dev/null 2>"$WORK/publish.err" || true
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
done
pages=$(find "$WORK/public" -name '*.html' -not -path "$WORK/public/index.html" | wc -l)
refused=$(grep -c '^refused' "$WORK/publish.err" || true)
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
start=$(date +%s.%N)
"$BITEXT" publish --out "$WORK/public" >/dev/null 2>&1 || true
end=$(date +%s.%N)
again=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
echo "  runs: ${times[*]}"
awk -v t="$median" -v p="$pages" -v r="$refused" -v again="$again" 'BEGIN {
    printf "publish: %d pages (%d refused) in %.3f s: %.0f pages/s; again, nothing to write: %s s\n", p, r, t, p / t, again }'

echo
echo "== the whole site against Hugo on the same content (bench/publish-vs-hugo.sh)"
PUBLISH_CORPUS="$PUBLISH_CORPUS" RUNS="${RUNS:-5}" bash "$ROOT/bench/publish-vs-hugo.sh"
