#!/usr/bin/env bash
# Issue 8's benchmark: the engine's cost of looking after running containers.
#   C containers (default 50) running `sleep` with a healthcheck every second (`true`):
#   the daemon's CPU (% of one core) and RSS over a window of W seconds (default 30), alone and
#   with its helpers (for dockerd: containerd and the shims; probes' runtime processes are
#   counted through their parents' reaped-children times), and `stats --no-stream` latency
#   over all C containers (median of N runs, default 5).
# berthd and, when installed, dockerd (private sockets and roots, --network none for both),
# one engine at a time so they do not compete for the CPU. Prints a table.
# Usage: bench/lifecycle-bench.sh [containers] [window-seconds] [stats-runs]   (as root)
set -euo pipefail
C=${1:-50}
W=${2:-30}
N=${3:-5}
source "$(dirname "$0")/lib.sh"
CLK=$(getconf CLK_TCK)

# The pids of the daemon, its descendants, and every process whose command line names $WORK
# (containerd's shims reparent to init but name their socket under dockerd's exec root).
engine_pids() {
  local root=$1 all=" $1 " changed=1 p
  while [ $changed = 1 ]; do
    changed=0
    for p in $(ps -e -o pid=,ppid= | awk -v set="$all" 'index(set, " " $2 " ") && !index(set, " " $1 " ") {print $1}'); do
      all="$all$p "; changed=1
    done
  done
  for p in $(pgrep -f "$WORK" || true); do case "$all" in *" $p "*) ;; *) all="$all$p " ;; esac; done
  echo "$all"
}
# utime+stime+cutime+cstime in clock ticks, summed over the given pids (gone ones count 0)
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14+$15+$16+$17}' /proc/"$p"/stat 2>/dev/null || echo 0))); done; echo $t; }
rss_mib() { local k=0 p; for p in "$@"; do k=$((k + $(awk '/VmRSS/ {print $2}' /proc/"$p"/status 2>/dev/null || echo 0))); done; echo $((k / 1024)); }

declare -A R
measure() { # name daemon-pid docker-cli...
  local name=$1 pid=$2; shift 2
  local i
  for i in $(seq 1 "$C"); do
    "$@" run -d --network none --name "hc$i" --health-cmd true --health-interval 1s --health-timeout 5s \
      busybox sleep 100000 >/dev/null
  done
  local deadline=$((SECONDS + 120))
  until [ "$("$@" ps --filter health=healthy -q | wc -l)" -ge "$C" ]; do
    [ $SECONDS -lt $deadline ] || { echo "$name: not all $C containers healthy" >&2; break; }
    sleep 1
  done
  sleep 3 # let the start-up settle
  local pids; pids=$(engine_pids "$pid")
  local d0 a0 s e d1 a1
  d0=$(ticks "$pid"); a0=$(ticks $pids); s=$(date +%s%N)
  sleep "$W"
  d1=$(ticks "$pid"); a1=$(ticks $(engine_pids "$pid")); e=$(date +%s%N)
  local secs; secs=$(awk -v d=$((e - s)) 'BEGIN { print d / 1e9 }')
  R[$name,cpu]=$(awk -v t=$((d1 - d0)) -v c="$CLK" -v s="$secs" 'BEGIN { printf "%.1f", 100 * t / c / s }')
  R[$name,cpuall]=$(awk -v t=$((a1 - a0)) -v c="$CLK" -v s="$secs" 'BEGIN { printf "%.1f", 100 * t / c / s }')
  R[$name,rss]=$(rss_mib "$pid")
  R[$name,rssall]=$(rss_mib $(engine_pids "$pid"))
  R[$name,probes]=$("$@" inspect -f '{{len .State.Health.Log}}' hc1)
  R[$name,stats]=$(median_ms "$@" stats --no-stream)
  R[$name,rows]=$(( $("$@" stats --no-stream | wc -l) - 1 ))
  "$@" rm -f $(seq -f 'hc%g' 1 "$C") >/dev/null
}

start_berthd
bootstrap_busybox
BERTH=(docker -H "unix://$WORK/berth.sock")
RUNTIME=$(curl -s --unix-socket "$WORK/berth.sock" http://x/info | sed -n 's/.*"DefaultRuntime":"\([a-z]*\)".*/\1/p')
measure berthd "$BERTHD" "${BERTH[@]}"
CLI=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
[ -f "$BERTH_HOME/berth-cli/target/berth-cli.aot" ] && CLI+=(-XX:AOTCache="$BERTH_HOME/berth-cli/target/berth-cli.aot")
CLI+=(-cp "$(berth_classpath berth-cli)" dev.berth.cli.Main -H "unix://$WORK/berth.sock")
engines=(berthd)
if start_dockerd; then
  measure dockerd "$(cat "$WORK/dockerd.pid")" docker -H "unix://$WORK/dockerd.sock"
  engines+=(dockerd)
fi
# the berth CLI's stats over the same number of containers, on berthd again
for i in $(seq 1 "$C"); do "${BERTH[@]}" run -d --network none --name "st$i" busybox sleep 100000 >/dev/null; done
BERTH_CLI_STATS=$(median_ms "${CLI[@]}" stats --no-stream)
"${BERTH[@]}" rm -f $(seq -f 'st%g' 1 "$C") >/dev/null

printf '\nlifecycle: %d containers, healthcheck `true` every 1 s, %d s window, %s cores (berthd runtime: %s)\n\n' \
  "$C" "$W" "$(nproc)" "$RUNTIME"
printf '%-52s' "what"; for e in "${engines[@]}"; do printf '%12s' "$e"; done; printf '\n'
row() { local label=$1 key=$2 e; printf '%-52s' "$label"; for e in "${engines[@]}"; do printf '%12s' "${R[$e,$key]}"; done; printf '\n'; }
row "daemon CPU (% of one core)" cpu
row "daemon + helpers CPU (% of one core)" cpuall
row "daemon RSS (MiB)" rss
row "daemon + helpers RSS (MiB)" rssall
row "probe results kept for one container" probes
row "stats --no-stream, docker CLI, median ms" stats
row "  rows printed" rows
printf '%-52s%12s\n' "stats --no-stream, berth CLI -> berthd, median ms" "$BERTH_CLI_STATS"
