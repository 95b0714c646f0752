#!/usr/bin/env bash
# How long `bitext import --dry-run` takes to read a PO file as the braces of a translation grow:
# nested braces, brace pairs side by side that are no placeable, and braces nested as deep as the
# store reads. Reading must be linear in the file's size. See bench/README.md, "PO import".
#
#   bench/po_import.sh                        # the release build of this checkout
#   BITEXT=/path/to/bitext bench/po_import.sh # another build, to compare
#   SIZES="1000 2000 4000" bench/po_import.sh # other sizes (default 500 … 16000)
#   TIMEOUT=120 bench/po_import.sh            # give up on one import after this many seconds
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${SIZES:-500 1000 2000 4000 8000 16000}"
TIMEOUT="${TIMEOUT:-60}"
if [[ -z "${BITEXT:-}" ]]; then
    (cd "$ROOT" && cargo build --release --quiet --bin bitext)
    BITEXT="${CARGO_TARGET_DIR:-$ROOT/target}/release/bitext"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A project with one article of one sentence, synced.
cd "$WORK"
"$BITEXT" init project >/dev/null
cd project
printf '+++\ntitle = "Title"\n+++\n\nOne sentence.\n' >articles/a.md
"$BITEXT" sync >/dev/null
ID=$(sed -n 's/^\(s-[a-z0-9]*\) = One sentence\.$/\1/p' locales/en/a.ftl)

header() {
    printf 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
}

# One entry whose msgstr is $1.
entry() {
    printf 'msgctxt "a:%s"\nmsgid "One sentence."\nmsgstr "%s"\n' "$ID" "$1"
}

repeat() { # TEXT COUNT
    (($2 > 0)) || return 0
    local format="${1//%/%%}%.0s"
    # shellcheck disable=SC2046
    printf "$format" $(seq "$2")
}

make() { # KIND N FILE
    local kind=$1 n=$2 file=$3
    case "$kind" in
        # N braces inside each other: refused now (deeper than the store reads), cubic before.
        nested) { header; entry "$(repeat '{a ' "$n")x$(repeat ' }' "$n")"; } >"$file" ;;
        # N brace pairs side by side, none a placeable: every pair was tried with every brace after it.
        side-by-side) { header; entry "$(repeat '{not one} ' "$n")"; } >"$file" ;;
        # N braces in groups nested 30 deep, within the limit.
        nested-30)
            local group
            group="$(repeat '{a ' 30)x$(repeat ' }' 30) "
            { header; entry "$(repeat "$group" $((n / 30)))"; } >"$file"
            ;;
    esac
}

printf '%-13s %8s %10s %10s  %s\n' kind n bytes seconds outcome
for kind in nested side-by-side nested-30; do
    for n in $SIZES; do
        file="$WORK/$kind-$n.po"
        make "$kind" "$n" "$file"
        bytes=$(wc -c <"$file")
        start=$(date +%s%N)
        set +e
        timeout "$TIMEOUT" "$BITEXT" import --dry-run "$file" >/dev/null 2>"$WORK/err"
        code=$?
        set -e
        end=$(date +%s%N)
        case $code in
            0) outcome="read" ;;
            124) outcome="gave up after ${TIMEOUT}s" ;;
            *) outcome="refused: $(head -1 "$WORK/err" | sed 's/^error: [^ ]*: //')" ;;
        esac
        seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
        printf '%-13s %8d %10d %10s  %s\n' "$kind" "$n" "$bytes" "$seconds" "$outcome"
        if [[ $code == 124 ]]; then
            break
        fi
    done
done
