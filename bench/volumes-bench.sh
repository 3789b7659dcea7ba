#!/usr/bin/env bash
# Issue 5's benchmark: cp of a directory of many files into and out of a container, and a
# write into a volume vs into the container's writable layer; berthd beside dockerd when
# installed, in the same run. Prints a table (seconds).
# Usage: bench/volumes-bench.sh [total MiB (default 1024)] [files (default 10000)]
set -euo pipefail
MIB=${1:-1024}
FILES=${2:-10000}
source "$(dirname "$0")/lib.sh"
secs() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); awk -v d=$((e - s)) 'BEGIN { printf "%.2f", d / 1e9 }'; }

# The data: FILES files of MIB/FILES each, in 100 directories.
SRC=$WORK/src/data
per=$(( MIB * 1024 * 1024 / FILES ))
for d in $(seq 0 99); do mkdir -p "$SRC/d$d"; done
head -c "$per" /dev/urandom > "$WORK/blob"
for i in $(seq 0 $((FILES - 1))); do cp "$WORK/blob" "$SRC/d$((i % 100))/f$i"; done

start_berthd
bootstrap_busybox

declare -A T
run_engine() { # name docker-cli...
  local name=$1; shift
  local c="vb-$RANDOM"
  "$@" run -d --name "$c" busybox sleep 100000 >/dev/null
  T[$name,in]=$(secs "$@" cp "$SRC" "$c:/copied")
  rm -rf "$WORK/out-$name"; mkdir -p "$WORK/out-$name"
  T[$name,out]=$(secs "$@" cp "$c:/copied" "$WORK/out-$name/")
  "$@" rm -f "$c" >/dev/null
  T[$name,vol]=$(secs "$@" run --rm -v vbench:/v busybox dd if=/dev/zero of=/v/f bs=1M count="$MIB")
  T[$name,rw]=$(secs "$@" run --rm busybox dd if=/dev/zero of=/f bs=1M count="$MIB")
  "$@" volume rm vbench >/dev/null 2>&1 || true
}
run_engine berthd docker -H "unix://$WORK/berth.sock"
engines=(berthd)
if start_dockerd; then
  run_engine dockerd docker -H "unix://$WORK/dockerd.sock"
  engines+=(dockerd)
fi

printf '\nvolumes and cp: %s MiB in %s files, seconds (docker CLI against each daemon)\n\n' "$MIB" "$FILES"
printf '%-44s' "what"; for e in "${engines[@]}"; do printf '%12s' "$e"; done; printf '\n'
for k in in out vol rw; do
  case $k in
    in) label="cp dir -> container" ;; out) label="cp container -> dir" ;;
    vol) label="write ${MIB} MiB into a volume" ;; rw) label="write ${MIB} MiB into the writable layer" ;;
  esac
  printf '%-44s' "$label"; for e in "${engines[@]}"; do printf '%12s' "${T[$e,$k]}"; done; printf '\n'
done
