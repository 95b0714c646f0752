#!/usr/bin/env bash
# Runs bitext's fuzz targets (cargo fuzz, on the stable toolchain through RUSTC_BOOTSTRAP=1),
# each for a while, seeded from the sample project and the test snapshots; exits non-zero on the
# first crash, which libFuzzer leaves in fuzz/artifacts/<target>/. See README.md, "Fuzzing".
#
#   fuzz/run.sh                          # every target, 30 s each
#   FUZZ_SECONDS=900 fuzz/run.sh po      # one target for 15 minutes
#   FUZZ_JOBS=2 fuzz/run.sh ftl_store    # two processes on one target
set -euo pipefail
cd "$(dirname "$0")"
ROOT=..
SECONDS_EACH="${FUZZ_SECONDS:-30}"
JOBS="${FUZZ_JOBS:-1}"
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
    TARGETS=(article ftl_store ftl_escape xliff po segment)
fi
export RUSTC_BOOTSTRAP=1

# Seeds: the files of each kind that the repository holds.
seed() {
    local target=$1 dir="corpus/$1"
    mkdir -p "$dir"
    local n=0
    copy() { cp "$1" "$dir/seed-$n-$(basename "$1")"; n=$((n + 1)); }
    case "$target" in
        article) for f in "$ROOT"/articles/*/*/*.md; do copy "$f"; done ;;
        ftl_store) for f in "$ROOT"/locales/*/*/*/*.ftl "$ROOT"/locales/*/glossary.ftl "$ROOT"/tests/snapshots/*/*.ftl; do copy "$f"; done ;;
        ftl_escape) printf '{x} "q" \\ [a] *b .c\n  two\tlines ' >"$dir/seed-text" ;;
        xliff) for f in "$ROOT"/tests/snapshots/exchange/*.xlf; do copy "$f"; done ;;
        po) for f in "$ROOT"/tests/snapshots/exchange/*.po "$ROOT"/tests/snapshots/exchange-tools/*.po; do copy "$f"; done ;;
        segment) for f in "$ROOT"/tests/snapshots/segment/*.txt; do copy "$f"; done ;;
    esac
}

dict() {
    case "$1" in
        article) echo dict/md.dict ;;
        ftl_store | ftl_escape) echo dict/ftl.dict ;;
        xliff) echo dict/xliff.dict ;;
        po) echo dict/po.dict ;;
        segment) echo dict/md.dict ;;
    esac
}

echo "== cargo fuzz build"
cargo fuzz build --release >/dev/null
status=0
for target in "${TARGETS[@]}"; do
    seed "$target"
    echo "== fuzz $target for ${SECONDS_EACH}s"
    log="$(mktemp)"
    if cargo fuzz run "$target" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict="$(dict "$target")" -jobs="$JOBS" -workers="$JOBS" -print_final_stats=1 \
        >"$log" 2>&1; then
        runs=$(grep -h 'stat::number_of_executed_units' "$log" fuzz-*.log 2>/dev/null | awk '{ s += $2 } END { print s + 0 }')
        echo "$target: $runs runs in ${SECONDS_EACH}s, no crash"
    else
        status=1
        grep -E 'panicked|ERROR|Error|SUMMARY|Test unit written' "$log" | head -20 || true
        echo "$target: CRASH (see fuzz/artifacts/$target/)"
    fi
    rm -f "$log" fuzz-*.log
done
exit "$status"
