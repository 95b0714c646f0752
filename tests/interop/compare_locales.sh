#!/usr/bin/env bash
# Run compare-locales (Mozilla's l10n checker) on locales/ against en; fail only on its errors.
#
# Usage: tests/interop/compare_locales.sh [PROJECT_DIR] [LOCALE ...]   (default: repo root, ko kk ru)
# compare-locales exits 1 when it reports any ERROR (duplicate or unparsable message,
# obsolete attribute, ...), 2 on a bad command line or config, and 0 otherwise:
# missing/obsolete strings and files, and warnings (including junk in the en reference,
# which check_ftl.py catches instead), do not fail. -qq keeps per-string missing lists
# out of the log; errors, warnings and per-locale counts are still printed.
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"
shift || true
locales=("$@")
[ ${#locales[@]} -gt 0 ] || locales=(ko kk ru)
if ! compgen -G "locales/en/*" >/dev/null; then
  echo "compare-locales: no reference files under $(pwd)/locales/en; nothing to compare"
fi
status=0
# Called through python3 (the one pip installed into), not a `compare-locales` script on PATH.
python3 -c 'import sys; sys.argv[0] = "compare-locales"
from compare_locales.commands import CompareLocales; sys.exit(CompareLocales.call())' \
  -qq l10n.toml . "${locales[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  echo "compare-locales: FAILED (exit $status) for ${locales[*]}"
  exit 1
fi
echo "compare-locales: no errors for ${locales[*]}"
