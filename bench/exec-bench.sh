#!/usr/bin/env bash
# Issue 3's benchmark: `exec c true` latency (median ms) and `run -i` pipe throughput (MB/s, busybox
# cat of N MiB in and out), with the docker CLI against berthd and, when installed, dockerd, in one run.
# Usage: bench/exec-bench.sh [iterations (default 20)] [MiB (default 100)]
set -euo pipefail
N=${1:-20}
MIB=${2:-100}
HERE=$(cd "$(dirname "$0")/.." && pwd)
source "$HERE/scripts/lib.sh"
berth_find_java
berth_ensure_packages
berth_build_if_stale

WORK=$(mktemp -d /tmp/berth-ebench-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 3
  grep " $WORK" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
wait_socket() { for _ in $(seq 1 200); do curl -s --unix-socket "$1" http://x/_ping >/dev/null 2>&1 && return 0; sleep 0.05; done; return 1; }
median_ms() {
  local times=() i s e
  for ((i = 0; i < N; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
mbps() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); awk -v d=$((e - s)) -v m="$MIB" 'BEGIN { printf "%.1f", m / (d / 1e9) }'; }

head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/data"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${BERTHD_JVM_FLAGS[@]}" -cp "$(berth_classpath berth-daemon)" \
  dev.berth.daemon.Main --data-root "$WORK/berth" --exec-root "$WORK/berth-exec" -H "unix://$WORK/berth.sock" \
  >"$WORK/berthd.log" 2>&1 &
pids+=($!)
wait_socket "$WORK/berth.sock"
curl -s --unix-socket "$WORK/berth.sock" -XPOST "http://x/berth/images/bootstrap?name=busybox" >/dev/null

declare -A R
measure() { # name docker-cli...
  local name=$1; shift
  "$@" run -d --name eb busybox sleep 100000 >/dev/null
  R[$name,exec]=$(median_ms "$@" exec eb true)
  "$@" rm -f eb >/dev/null
  R[$name,pipe]=$(mbps sh -c "\"\$@\" run --rm -i busybox cat < '$WORK/data' > '$WORK/out-$name'" x "$@")
  cmp -s "$WORK/data" "$WORK/out-$name" || R[$name,pipe]="corrupt"
}
measure berthd docker -H "unix://$WORK/berth.sock"
engines=(berthd)
if command -v dockerd >/dev/null; then
  dockerd --data-root "$WORK/dockerd" --exec-root "$WORK/dockerd-exec" -H "unix://$WORK/dockerd.sock" \
    --pidfile "$WORK/dockerd.pid" --iptables=false --bridge=none >"$WORK/dockerd.log" 2>&1 &
  pids+=($!)
  if wait_socket "$WORK/dockerd.sock"; then
    docker -H "unix://$WORK/berth.sock" save busybox | docker -H "unix://$WORK/dockerd.sock" load >/dev/null
    measure dockerd docker -H "unix://$WORK/dockerd.sock"
    engines+=(dockerd)
  fi
fi
printf '\nexec and pipes (docker CLI against each daemon; median of %d execs; %d MiB through run -i cat)\n\n' "$N" "$MIB"
printf '%-34s' "what"; for e in "${engines[@]}"; do printf '%12s' "$e"; done; printf '\n'
printf '%-34s' "exec c true (ms)"; for e in "${engines[@]}"; do printf '%12s' "${R[$e,exec]}"; done; printf '\n'
printf '%-34s' "run -i cat throughput (MB/s)"; for e in "${engines[@]}"; do printf '%12s' "${R[$e,pipe]}"; done; printf '\n'
