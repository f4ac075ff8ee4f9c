#!/usr/bin/env bash
# Startup time of the desktop app, as the app measures it: runs `mqdesk --measure-startup`
# RUNS times (default 10) and prints every run, the median and the p90 (nearest rank).
#   run-startup-bench.sh [MQDESK]        (default build/src/app/mqdesk)
# Offscreen by default; XVFB=1 runs each start under xvfb-run (a real X server) instead.
# Contract with src/app (src/gui/StartupProbe): with --measure-startup the app starts as usual,
# prints "startup: <milliseconds> ms ..." (process start to the main window's first paint) on
# stdout once the window has painted, and exits 0.
set -euo pipefail

app="${1:-build/src/app/mqdesk}"
runs="${RUNS:-10}"
[ -x "$app" ] || { echo "no mqdesk at $app" >&2; exit 2; }
launcher=()
if [ "${XVFB:-0}" = 1 ]; then
  launcher=(xvfb-run -a)
else
  export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
fi
# A throwaway home: no profiles, settings or keychain of the user's are read or written.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

times=()
for i in $(seq "$runs"); do
  if ! output="$(HOME="$home" XDG_CONFIG_HOME="$home/.config" timeout 60 "${launcher[@]}" "$app" --measure-startup 2>&1)"; then
    echo "run $i: mqdesk --measure-startup failed (does src/app support it?):" >&2
    echo "$output" | tail -5 >&2
    exit 1
  fi
  ms="$(sed -n 's/^startup:\{0,1\} \([0-9.]*\) ms.*/\1/p' <<<"$output" | head -1)"
  [ -n "$ms" ] || { echo "run $i: no 'startup N ms' line in:" >&2; echo "$output" | tail -5 >&2; exit 1; }
  echo "run $i: $ms ms"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  p90 = v[int(0.9 * NR + 0.999999)]
  printf "runs %d: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms\n", NR, median, p90, v[1], v[NR] }'
