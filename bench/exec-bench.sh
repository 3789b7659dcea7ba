#!/usr/bin/env bash
# Issue 3's benchmark: `exec c true` latency (median ms) and `run -i` pipe throughput (MB/s, busybox
# cat of N MiB in and out), with the docker CLI against berthd and, when installed, dockerd, in one run.
# Usage: bench/exec-bench.sh [iterations (default 20)] [MiB (default 100)]
set -euo pipefail
N=${1:-20}
MIB=${2:-100}
source "$(dirname "$0")/lib.sh"
mbps() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); awk -v d=$((e - s)) -v m="$MIB" 'BEGIN { printf "%.1f", m / (d / 1e9) }'; }

head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/payload"
start_berthd
bootstrap_busybox

declare -A R
measure() { # name docker-cli...
  local name=$1; shift
  "$@" run -d --name eb busybox sleep 100000 >/dev/null
  R[$name,exec]=$(median_ms "$@" exec eb true)
  "$@" rm -f eb >/dev/null
  R[$name,pipe]=$(mbps sh -c "\"\$@\" run --rm -i busybox cat < '$WORK/payload' > '$WORK/out-$name'" x "$@")
  cmp -s "$WORK/payload" "$WORK/out-$name" || R[$name,pipe]="corrupt"
}
measure berthd docker -H "unix://$WORK/berth.sock"
engines=(berthd)
if start_dockerd; then
  measure dockerd docker -H "unix://$WORK/dockerd.sock"
  engines+=(dockerd)
fi
printf '\nexec and pipes (docker CLI against each daemon; median of %d execs; %d MiB through run -i cat)\n\n' "$N" "$MIB"
printf '%-34s' "what"; for e in "${engines[@]}"; do printf '%12s' "$e"; done; printf '\n'
printf '%-34s' "exec c true (ms)"; for e in "${engines[@]}"; do printf '%12s' "${R[$e,exec]}"; done; printf '\n'
printf '%-34s' "run -i cat throughput (MB/s)"; for e in "${engines[@]}"; do printf '%12s' "${R[$e,pipe]}"; done; printf '\n'
