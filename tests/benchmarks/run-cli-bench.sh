#!/usr/bin/env bash
# `mqdesk-cli bench produce` and `bench consume` against a `mqdesk-cli sandbox` started here,
# once with the store in memory and once with a data directory. Prints one JSON line per run
# (each with a "label" and the sandbox process's CPU seconds during the run).
#   run-cli-bench.sh [MQDESK_CLI]        (default build/src/cli/mqdesk-cli)
#   COUNT=100000 SIZES="128 1024" INFLIGHT=32 BATCH=32 STORES="memory disk" run-cli-bench.sh ...
# Against a real cluster, run the two commands yourself (see README.md); this script only
# exists to give the sandbox numbers a repeatable recipe.
set -euo pipefail

cli="${1:-build/src/cli/mqdesk-cli}"
count="${COUNT:-100000}"
sizes="${SIZES:-128 1024}"
inflight="${INFLIGHT:-32}"
batch="${BATCH:-32}"
stores="${STORES:-memory disk}"
[ -x "$cli" ] || { echo "no mqdesk-cli at $cli" >&2; exit 2; }

work="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then kill -TERM "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# CPU seconds (user + system) a process has used so far, from /proc/PID/stat.
cpu_of() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"
}

start_sandbox() { # start_sandbox LOGNAME [sandbox options]
  local log="$work/$1.log"; shift
  "$cli" sandbox --namesrv-port 0 --broker-port 0 "$@" >"$log" 2>&1 &
  sandbox_pid=$!
  for _ in $(seq 100); do
    grep -q '^running' "$log" && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  namesrv="$(sed -n 's/^name server //p' "$log")"
  [ -n "$namesrv" ] || { echo "sandbox did not start:" >&2; cat "$log" >&2; exit 1; }
}

stop_sandbox() {
  kill -TERM "$sandbox_pid"
  wait "$sandbox_pid" || true
  sandbox_pid=""
}

run() { # run LABEL mqdesk-cli-args...: the bench's JSON line with the label and sandbox CPU added
  local label="$1"; shift
  local before after line
  before="$(cpu_of "$sandbox_pid")"
  line="$("$cli" "$@" --namesrv "$namesrv" --json)" || true
  after="$(cpu_of "$sandbox_pid")"
  echo "{\"label\":\"$label\",\"sandboxCpuSeconds\":$(awk -v a="$after" -v b="$before" 'BEGIN{printf "%.2f", a-b}'),${line#\{}"
}

echo "# $(date -Is) $(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for store in $stores; do
  if [ "$store" = disk ]; then
    start_sandbox "$store" --data "$work/data"
  else
    start_sandbox "$store"
  fi
  for size in $sizes; do
    topic="Bench${size}"
    run "$store produce ${size}B inflight $inflight" bench produce --topic "$topic" --size "$size" \
      --count "$count" --inflight "$inflight"
    run "$store produce ${size}B inflight 1" bench produce --topic "$topic" --size "$size" \
      --count "$((count / 10))" --inflight 1
    run "$store produce ${size}B batch $batch" bench produce --topic "$topic" --size "$size" \
      --count "$count" --inflight 4 --batch "$batch"
    # Drain what is stored (warm-up messages included, so there is always enough).
    run "$store consume ${size}B backlog" bench consume --topic "$topic" --group "drain-$size" --count "$count"
  done
  # Live: a consumer waiting at the end of the topic while a producer sends; born->handled is
  # then the end-to-end latency.
  live_topic="BenchLive"
  # One message creates the topic; consuming it commits the group's offset past it, so the live
  # consumer below starts at the end with nothing old to deliver.
  "$cli" bench produce --namesrv "$namesrv" --topic "$live_topic" --count 1 --warmup 0 --json >/dev/null
  "$cli" bench consume --namesrv "$namesrv" --topic "$live_topic" --group live --count 1 --json >/dev/null
  "$cli" bench consume --namesrv "$namesrv" --topic "$live_topic" --group live \
    --count "$((count / 2))" --json >"$work/live.json" &
  consumer_pid=$!
  sleep 3 # the consumer's rebalance; a fixed pause is fine in a benchmark script
  run "$store produce 128B live (consumer running)" bench produce --topic "$live_topic" --size 128 \
    --count "$((count / 2))" --inflight 8 --warmup 0
  wait "$consumer_pid" || true
  echo "{\"label\":\"$store consume 128B live\",$(sed 's/^{//' "$work/live.json")"
  stop_sandbox
done
