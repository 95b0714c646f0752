# Timing for the scripts of bench/ (sourced, not run): the conventions of bench/run.sh.
#
#   measure RESULTS "name|command" ...
#
# Runs each command from the current folder once to warm the page cache, then times it with
# hyperfine (installed with apt-get when missing and running as root), or, with HYPERFINE=no or
# without hyperfine, with a loop of `date +%s.%N`. RUNS sets the runs per command (hyperfine's own
# choice, at least 10, by default; 5 for the loop). RESULTS gets one line per command:
# `name,median,min,cpu`, in seconds, where cpu is the mean user and system time of a run
# (hyperfine only; empty for the loop), which other work on the machine changes less than the
# wall-clock time. Names must not hold commas.

if [[ "${HYPERFINE:-yes}" != no ]] && ! command -v hyperfine >/dev/null && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "== install hyperfine"
    apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null || true
fi

measure() {
    local results="$1"
    shift
    : >"$results"
    if [[ "${HYPERFINE:-yes}" != no ]] && command -v hyperfine >/dev/null; then
        echo "== measure with $(hyperfine --version)"
        local args=(--warmup 1 --style basic --export-csv "$results.hyperfine")
        [[ -n "${RUNS:-}" ]] && args+=(--runs "$RUNS")
        local entry
        for entry in "$@"; do
            args+=(--command-name "${entry%%|*}" "${entry#*|}")
        done
        hyperfine "${args[@]}"
        # command,mean,stddev,median,user,system,min,max
        tail -n +2 "$results.hyperfine" | awk -F, '{ print $1 "," $4 "," $7 "," $5 + $6 }' >"$results"
    else
        echo "== measure (without hyperfine: median of ${RUNS:-5} runs, after one warm-up run)"
        local entry name command times start end median fastest
        for entry in "$@"; do
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
            echo "$name,$median,$fastest," >>"$results"
        done
    fi
}

#   measure_interleaved RESULTS "name|command" ...
#
# For commands compared with each other: after one warm-up run each, RUNS rounds (10 by default)
# that run every command once, in turn, timed with `date +%s.%N`, so that other work on the
# machine falls on all of them alike (hyperfine runs all the runs of one command, then the next).
# RESULTS gets `name,median,min,` per command, in seconds.
measure_interleaved() {
    local results="$1"
    shift
    : >"$results"
    echo "== measure, interleaved: ${RUNS:-10} rounds of $# commands, after one warm-up run each"
    local entry i start end round
    local -a times
    for entry in "$@"; do
        bash -c "${entry#*|}"
    done
    for round in $(seq "${RUNS:-10}"); do
        i=0
        for entry in "$@"; do
            start=$(date +%s.%N)
            bash -c "${entry#*|}"
            end=$(date +%s.%N)
            times[i]="${times[i]:-} $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')"
            i=$((i + 1))
        done
        echo "  round $round:$(for t in "${times[@]}"; do printf ' %s' "${t##* }"; done)"
    done
    i=0
    for entry in "$@"; do
        printf '%s\n' ${times[i]} | sort -g | awk -v n="${entry%%|*}" '{ t[NR] = $1 }
            END { printf "%s,%s,%s,\n", n, (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, t[1] }' >>"$results"
        i=$((i + 1))
    done
}
