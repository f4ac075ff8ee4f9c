#!/bin/sh
# Runs every libFuzzer target (or the named ones) one after another, since the machine's cores
# are shared, on its seed corpus plus corpus/<target>; prints executions, exec/s and the result.
#   tests/fuzz/run_fuzzers.sh [--fresh] [SECONDS_PER_TARGET] [TARGET...]
# Exit status: 0 all ran clean, 1 a target crashed or violated an invariant (its input and the
# tail of its log are printed), 2 no usable fuzz build.
# MQDESK_FUZZ_BUILD: the fuzz build tree (default build-fuzz in the source tree, `cmake --preset
#   fuzz`); it is brought up to date first so a stale build never fuzzes old code.
# MQDESK_FUZZ_OUT: where work/<target> (the growing corpora), logs/ and crashes/ go (default
#   <fuzz build>/tests/fuzz); --fresh empties it first, so only the seeds are the start (CTest).
set -u
here=$(cd "$(dirname "$0")" && pwd)
fresh=
[ "${1:-}" = --fresh ] && { fresh=1; shift; }
root=${MQDESK_FUZZ_BUILD:-$here/../../build-fuzz}
build=$root/tests/fuzz
out=${MQDESK_FUZZ_OUT:-$build}
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-$(grep -v '^#' "$here/FuzzTargets.cmake" | tr -s ' \n' ' ' | sed 's/.*MQDESK_FUZZ_TARGETS *//; s/).*//')}
build_cmd='cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_all'

if [ ! -f "$root/CMakeCache.txt" ]; then
    echo "run_fuzzers: no fuzz build in $root; build it from the source tree with:" >&2
    echo "    $build_cmd" >&2
    exit 2
fi
if ! "${CMAKE:-cmake}" --build "$root" --target fuzz_all >"$root/fuzz_all.log" 2>&1; then
    tail -n 30 "$root/fuzz_all.log" >&2
    echo "run_fuzzers: building fuzz_all in $root failed (log above); build it with: $build_cmd" >&2
    exit 2
fi

[ -n "$fresh" ] && rm -rf "$out/work" "$out/logs" "$out/crashes"
mkdir -p "$out/work" "$out/crashes" "$out/logs"

# LeakSanitizer stops the process's threads with ptrace; where a container forbids that it dies
# with a fatal error on every run. Then fuzz without leak checks rather than report nothing.
probe="$out/logs/leak-probe"
: >"$probe.input"
first=$(echo $targets | cut -d' ' -f1)
"$build/fuzz_$first" "$probe.input" >"$probe.log" 2>&1
if grep -q 'LeakSanitizer has encountered a fatal error\|LeakSanitizer does not work under ptrace' "$probe.log"; then
    echo "run_fuzzers: LeakSanitizer cannot run here (ptrace refused); fuzzing with detect_leaks=0" >&2
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
    export ASAN_OPTIONS
fi
printf '%-16s %12s %10s %s\n' target executions exec/s result
failed=
for t in $targets; do
    mkdir -p "$out/work/$t"
    extra=
    [ -d "$here/corpus/$t" ] && extra="$here/corpus/$t"
    log="$out/logs/$t.log"
    # New inputs go to the first directory (work/), never into the seeds or the committed corpus.
    (cd "$out/crashes" && exec "$build/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/crashes/$t-" \
        "$out/work/$t" "$build/seeds/$t" $extra) >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    result=ok
    if [ $rc -ne 0 ] || grep -q -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error:|FUZZ INVARIANT' "$log"; then
        result="CRASH (exit $rc)"
    elif [ -z "$runs" ]; then
        result="FAILED: reported no executions"
    fi
    printf '%-16s %12s %10s %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result"
    [ "$result" = ok ] && continue
    failed="$failed $t"
    input=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
    echo "---- fuzz_$t: last 40 lines of $log"
    tail -n 40 "$log"
    echo "---- fuzz_$t: crashing input: ${input:-none written}"
    [ -n "$input" ] && echo "---- reproduce: $build/fuzz_$t $input"
done
[ -z "$failed" ] && exit 0
echo "run_fuzzers: FAILED:$failed (logs in $out/logs, inputs in $out/crashes)" >&2
exit 1
