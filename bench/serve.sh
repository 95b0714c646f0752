#!/usr/bin/env bash
# bitext serve on the benchmark corpus: start, dashboard, workspace, and CLIENTS people saving at
# once for SECONDS; then every acknowledged save is looked for in the files. The corpus is copied
# first (the saves write to it). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${CORPUS:-bench/corpus}
CLIENTS=${CLIENTS:-20}
SECONDS_=${SECONDS_:-30}
ARTICLES=${ARTICLES:-10000}

cargo build --release --quiet --bin bitext --example gen-corpus --example serve-bench
if [ ! -d "$CORPUS" ]; then
  target/release/examples/gen-corpus "$CORPUS" "$ARTICLES"
fi
copy=$(mktemp -d "${TMPDIR:-/tmp}/bitext-serve-bench.XXXXXX")
trap 'rm -rf "$copy"' EXIT
cp -a "$CORPUS/." "$copy/"
# Warm the page cache, as the other benchmarks do.
find "$copy" -type f -print0 | xargs -0 cat > /dev/null
target/release/examples/serve-bench "$copy" "$CLIENTS" "$SECONDS_"
