#!/bin/sh
# Runs every libFuzzer target one after another (the machine's cores are shared) and prints
# executions, exec/s and whether it crashed.
#   tests/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]
# Needs: cmake --preset fuzz && cmake --build build-fuzz --target fuzz_all
# Working corpora grow in build-fuzz/tests/fuzz/work/<target>; crashes land in .../crashes/.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${MQDESK_FUZZ_BUILD:-$here/../../build-fuzz}/tests/fuzz
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-$(grep -v '^#' "$here/FuzzTargets.cmake" | tr -s ' \n' ' ' | sed 's/.*MQDESK_FUZZ_TARGETS *//; s/).*//')}
mkdir -p "$build/work" "$build/crashes" "$build/logs"
printf '%-16s %12s %10s %s\n' target executions exec/s result
for t in $targets; do
    mkdir -p "$build/work/$t"
    extra=
    [ -d "$here/corpus/$t" ] && extra="$here/corpus/$t"
    log="$build/logs/$t.log"
    ( cd "$build/crashes" && "$build/fuzz_$t" -max_total_time="$seconds" -jobs=1 -workers=1 \
        -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$build/crashes/$t-" \
        "$build/work/$t" "$build/seeds/$t" $extra >/dev/null 2>&1; \
      cat fuzz-0.log > "$log"; rm -f fuzz-0.log )
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if grep -q -E 'ERROR: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer)|runtime error:|FUZZ INVARIANT' "$log"; then
        result="CRASH: see $log"
    else
        result=ok
    fi
    printf '%-16s %12s %10s %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result"
done
