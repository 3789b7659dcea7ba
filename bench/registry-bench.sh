#!/usr/bin/env bash
# Issue 7's benchmark: pull and push of a ~100 MB image of 5 layers from/to Debian's
# docker-registry on 127.0.0.1, cold and with 4 of the 5 layers already there, berthd beside
# dockerd and podman when installed (private sockets, roots and registry storage). Each
# engine is driven by its own CLI: the docker CLI for berthd and dockerd, podman for podman.
# Prints a table of medians (seconds).
# Usage: N=5 bench/registry-bench.sh [MiB per layer (default 20)]
set -euo pipefail
MIB=${1:-20}
N=${N:-5}
source "$(dirname "$0")/lib.sh"
command -v docker-registry >/dev/null || apt-get install -y -qq docker-registry >/dev/null

# --- the images: A = L1..L5, B = L1..L4 + L5b, as docker-archive tars ---------------------
# Each layer: MIB/2 of the JDK's modules file (compresses like binaries do) and MIB/2 random.
MODULES="$JAVA_HOME/lib/modules"
layer() { # index name -> $WORK/layers/name.tar
  local d="$WORK/layers/$2"
  mkdir -p "$d/data$1"
  dd if="$MODULES" of="$d/data$1/bin" bs=1M skip=$(( $1 * MIB / 2 )) count=$(( MIB / 2 )) status=none
  head -c $(( MIB * 1024 * 1024 / 2 )) /dev/urandom > "$d/data$1/random"
  tar -C "$d" --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$WORK/layers/$2.tar" "data$1"
  rm -rf "$d"
}
archive() { # tag layer-names... -> $WORK/<tag>.tar
  local tag=$1; shift
  local dir="$WORK/archive-$tag" diffs="" names="" n
  mkdir -p "$dir"
  for n in "$@"; do
    local hex; hex=$(sha256sum "$WORK/layers/$n.tar" | cut -d' ' -f1)
    mkdir -p "$dir/$hex"; ln "$WORK/layers/$n.tar" "$dir/$hex/layer.tar"
    diffs+="${diffs:+,}\"sha256:$hex\""; names+="${names:+,}\"$hex/layer.tar\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$diffs" > "$dir/config.json"
  printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":[%s]}]' "bench/img:$tag" "$names" > "$dir/manifest.json"
  tar -C "$dir" -chf "$WORK/$tag.tar" .
  rm -rf "$dir"
}
mkdir -p "$WORK/layers"
for i in 1 2 3 4 5; do layer "$i" "l$i"; done
layer 6 l5b
archive a l1 l2 l3 l4 l5
archive b l1 l2 l3 l4 l5b

# --- the registry: one process, its storage wiped between measurements ----------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
REG=127.0.0.1:$PORT
cat > "$WORK/registry.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $WORK/registry
  delete:
    enabled: true
http:
  addr: $REG
EOF
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
bench_pids+=($!)
for _ in $(seq 1 100); do curl -s "http://$REG/v2/" >/dev/null && break; sleep 0.1; done
wipe_registry() { rm -rf "$WORK/registry"; }

# secs CMD...: wall seconds, and the CPU seconds of CMD plus the daemon ($DPID, if set) into $LAST_CPU.
# CPU time does not depend on what else the machine runs; wall time does.
ticks() { [[ -n ${DPID:-} ]] && awk '{print $14 + $15}' "/proc/$DPID/stat" || echo 0; }
secs() {
  local s e d0 d1 c
  d0=$(ticks); s=$(date +%s%N)
  /usr/bin/time -o "$WORK/time" -f '%U %S' "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; return 1; }
  c=$(tail -1 "$WORK/time")
  e=$(date +%s%N); d1=$(ticks)
  LAST_CPU=$(awk -v c="$c" -v t=$((d1 - d0)) -v hz="$(getconf CLK_TCK)" 'BEGIN { split(c, a, " "); printf "%.2f", a[1] + a[2] + t / hz }')
  awk -v d=$((e - s)) 'BEGIN { printf "%.3f", d / 1e9 }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure ENGINE CLI...: the four medians into R[engine,*]. The CLI takes docker's verbs.
declare -A R
measure() {
  local e=$1; shift
  local cli=("$@") pc=() ppush=() i t
  if [[ $e == podman ]]; then pc=(--tls-verify=false); fi
  local img=$REG/bench/img
  local pull_cold=() pull_warm=() push_cold=() push_warm=() cpu_pull=() cpu_push=()
  "${cli[@]}" load -i "$WORK/a.tar" >/dev/null
  "${cli[@]}" load -i "$WORK/b.tar" >/dev/null
  "${cli[@]}" tag bench/img:a "$img:a"; "${cli[@]}" tag bench/img:b "$img:b"
  for ((i = 0; i < N; i++)); do
    # push, cold: an empty registry, the image freshly loaded (nothing compressed yet)
    wipe_registry
    "${cli[@]}" rmi -f "$img:a" bench/img:a "$img:b" bench/img:b >/dev/null 2>&1 || true
    "${cli[@]}" load -i "$WORK/a.tar" >/dev/null; "${cli[@]}" tag bench/img:a "$img:a"
    secs "${cli[@]}" push "${pc[@]}" "$img:a" >"$WORK/t"; push_cold+=("$(<"$WORK/t")"); cpu_push+=("$LAST_CPU")
    # push, 4 of 5 there: the registry has B (L1..L4 + L5b), A adds L5
    wipe_registry
    "${cli[@]}" load -i "$WORK/b.tar" >/dev/null; "${cli[@]}" tag bench/img:b "$img:b"
    "${cli[@]}" push "${pc[@]}" "$img:b" >/dev/null 2>&1
    t=$(secs "${cli[@]}" push "${pc[@]}" "$img:a"); push_warm+=("$t")
    # pull, cold: nothing of A here (A and B removed)
    "${cli[@]}" rmi -f "$img:a" bench/img:a "$img:b" bench/img:b >/dev/null 2>&1 || true
    secs "${cli[@]}" pull "${pc[@]}" "$img:a" >"$WORK/t"; pull_cold+=("$(<"$WORK/t")"); cpu_pull+=("$LAST_CPU")
    # pull, 4 of 5 there: B's layers L1..L4 are here, L5 comes down
    "${cli[@]}" rmi -f "$img:a" >/dev/null 2>&1 || true
    "${cli[@]}" pull "${pc[@]}" "$img:b" >/dev/null 2>&1
    t=$(secs "${cli[@]}" pull "${pc[@]}" "$img:a"); pull_warm+=("$t")
    "${cli[@]}" rmi -f "$img:b" >/dev/null 2>&1 || true
  done
  R[$e,pull_cold]=$(median "${pull_cold[@]}"); R[$e,pull_warm]=$(median "${pull_warm[@]}")
  R[$e,push_cold]=$(median "${push_cold[@]}"); R[$e,push_warm]=$(median "${push_warm[@]}")
  R[$e,cpu_pull]=$(median "${cpu_pull[@]}"); R[$e,cpu_push]=$(median "${cpu_push[@]}")
  echo "$e: pull ${pull_cold[*]} | ${pull_warm[*]}; push ${push_cold[*]} | ${push_warm[*]}; cpu pull ${cpu_pull[*]} push ${cpu_push[*]}" >&2
}

ENGINES=(berth)
start_berthd
DPID=$BERTHD measure berth docker -H "unix://$WORK/berth.sock"
if command -v dockerd >/dev/null; then
  dockerd --data-root "$WORK/dockerd" --exec-root "$WORK/dockerd-exec" -H "unix://$WORK/dockerd.sock" \
    --pidfile "$WORK/dockerd.pid" --iptables=false --bridge=none >"$WORK/dockerd.log" 2>&1 &
  bench_pids+=($!)
  if wait_socket "$WORK/dockerd.sock"; then
    DPID=$(cat "$WORK/dockerd.pid") measure dockerd docker -H "unix://$WORK/dockerd.sock"; ENGINES+=(dockerd)
  fi
fi
if command -v podman >/dev/null; then
  measure podman podman --root "$WORK/podman" --runroot "$WORK/podman-run" --storage-driver overlay
  ENGINES+=(podman)
fi

size=$(du -cb "$WORK"/layers/l[1-5].tar | tail -1 | cut -f1)
printf '\nregistry benchmark: %d layers, %d MB, median of %d runs, seconds (%s cores, load %s)\n\n' 5 \
  $((size / 1000000)) "$N" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s' "what"; for e in "${ENGINES[@]}"; do printf '%10s' "$e"; done; echo
for k in pull_cold pull_warm push_cold push_warm cpu_pull cpu_push; do
  case $k in
    pull_cold) label="pull, cold";; pull_warm) label="pull, 4 of 5 layers here";;
    push_cold) label="push, cold";; push_warm) label="push, 4 of 5 in registry";;
    cpu_pull) label="CPU s, pull cold (all procs)";; cpu_push) label="CPU s, push cold (all procs)";;
  esac
  printf '%-28s' "$label"; for e in "${ENGINES[@]}"; do printf '%10s' "${R[$e,$k]}"; done; echo
done
