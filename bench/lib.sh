# Shared by the bench/ scripts (sourced): set-up, a private berthd, dockerd when installed,
# and a median timer. Sets WORK (a temp dir removed on exit) and N (iterations, default 20).
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/lib.sh"
berth_find_java
berth_ensure_packages
berth_build_if_stale
command -v curl >/dev/null || apt-get install -y -qq curl >/dev/null

N=${N:-20}
WORK=$(mktemp -d /tmp/berth-bench-XXXXXX)
bench_pids=()

bench_cleanup() {
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # berthd stops its containers (up to their stop timeout) before it lets go of their mounts
  for p in "${bench_pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  done
  grep " $WORK" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$WORK"
}
trap bench_cleanup EXIT

wait_socket() { for _ in $(seq 1 200); do curl -s --unix-socket "$1" http://x/_ping >/dev/null 2>&1 && return 0; sleep 0.05; done; return 1; }

# median_ms CMD...: runs CMD N times, prints the median wall time in ms.
median_ms() {
  local times=() i s e
  for ((i = 0; i < N; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

# Starts berthd on $WORK/berth.sock with its own roots and busybox bootstrapped; sets BERTHD (pid).
start_berthd() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${BERTHD_JVM_FLAGS[@]}" \
    -cp "$(berth_classpath berth-daemon)" dev.berth.daemon.Main --data-root "$WORK/data" \
    --exec-root "$WORK/exec" -H "unix://$WORK/berth.sock" --bridge "bb${WORK##*-}" >"$WORK/berthd.log" 2>&1 &
  BERTHD=$!
  bench_pids+=("$BERTHD")
  wait_socket "$WORK/berth.sock" || { cat "$WORK/berthd.log"; exit 1; }
}

bootstrap_busybox() {
  curl -s --unix-socket "$WORK/berth.sock" -XPOST "http://x/berth/images/bootstrap?name=busybox" >/dev/null
}

# Starts dockerd on $WORK/dockerd.sock (no iptables, no bridge) with berthd's busybox loaded;
# returns non-zero when dockerd is not installed or does not come up.
start_dockerd() {
  command -v dockerd >/dev/null || return 1
  dockerd --data-root "$WORK/dockerd" --exec-root "$WORK/dockerd-exec" -H "unix://$WORK/dockerd.sock" \
    --pidfile "$WORK/dockerd.pid" --iptables=false --bridge=none >"$WORK/dockerd.log" 2>&1 &
  bench_pids+=($!)
  wait_socket "$WORK/dockerd.sock" || return 1
  docker -H "unix://$WORK/berth.sock" save busybox | docker -H "unix://$WORK/dockerd.sock" load >/dev/null
}
