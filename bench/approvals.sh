#!/usr/bin/env bash
# Whether approvals make `bitext status` slower: status on the corpus of bench/run.sh against a
# copy of it in which a reviewer approved the Korean of every third article (about a third of the
# current Korean translations). Target: within 10%. See bench/README.md, "Status with approvals".
#
#   bench/approvals.sh                              # bench/corpus, copied to bench/corpus-approved
#   CORPUS=/tmp/c APPROVED=/tmp/c-approved bench/approvals.sh
#   BITEXT=/path/to/bitext bench/approvals.sh       # another build, to compare
#   RUNS=20 bench/approvals.sh                      # rounds (default 10)
#
# The four commands run in turn, round after round (bench/measure.sh, measure_interleaved), so
# that other work on the machine slows the two corpora alike; each gets its median and minimum.
# The copy is made once (`cp -a`, then `bitext approve`: under a minute on 10,000 articles) and
# reused while it exists; delete it after regenerating the corpus.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/bench/corpus}"
APPROVED="${APPROVED:-$ROOT/bench/corpus-approved}"
ARTICLES="${ARTICLES:-10000}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
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
fi

if [[ ! -e "$APPROVED" ]]; then
    echo "== copy $CORPUS to $APPROVED, and approve the Korean of every third article"
    cp -a "$CORPUS" "$APPROVED.partial"
    # A reviewer of Korean. The corpus's sign-offs name no translator, so that nothing is
    # anyone's own translation.
    printf '\n[people.reviewer]\nname = "Benchmark Reviewer"\nreviews = ["ko"]\n' >>"$APPROVED.partial/bitext.toml"
    (
        cd "$APPROVED.partial"
        find history -name '*.jsonl' -not -name '*.*.jsonl' | sed 's|^history/||; s|\.jsonl$||' | sort |
            awk 'NR % 3 == 1' >"$WORK/slugs"
        start=$(date +%s.%N)
        xargs -a "$WORK/slugs" env BITEXT_USER=reviewer "$BITEXT" approve ko | tail -n 1
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" -v n="$(wc -l <"$WORK/slugs")" 'BEGIN { printf "approved in %d articles in %.1f s\n", n, b - a }'
    )
    mv "$APPROVED.partial" "$APPROVED"
else
    echo "== reuse $APPROVED (delete it to make it again)"
fi

echo "bitext: $BITEXT; cores: $(nproc)"
for dir in "$CORPUS" "$APPROVED"; do
    (cd "$dir" && "$BITEXT" status --json) | python3 -c '
import json, sys
ko = json.load(sys.stdin)["totals"]["ko"]
current, approved = ko["current"], ko["approved"]
print("%s: ko %d current, %d approved (%.1f%%)" % (sys.argv[1], current, approved, 100 * approved / current))
' "$dir"
done

COMMANDS=(
    "status --json|cd '$CORPUS' && '$BITEXT' status --json >/dev/null"
    "status --json (approved)|cd '$APPROVED' && '$BITEXT' status --json >/dev/null"
    "status|cd '$CORPUS' && '$BITEXT' status >/dev/null"
    "status (approved)|cd '$APPROVED' && '$BITEXT' status >/dev/null"
)
measure_interleaved "$WORK/results" "${COMMANDS[@]}"

echo
echo "== results"
awk -F, '
    { printf "%-26s median %7.3f s  min %7.3f s\n", $1, $2, $3; name[NR] = $1; median[NR] = $2; min[NR] = $3 }
    END {
        for (i = 1; i < NR; i += 2) {
            ratio = median[i + 1] / median[i]
            printf "target: %s within 10%% with approvals: %.3fx (fastest: %.3fx), %s\n", name[i], ratio, min[i + 1] / min[i], (ratio <= 1.10) ? "met" : "MISSED"
        }
    }' "$WORK/results"
