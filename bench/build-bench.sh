#!/usr/bin/env bash
# Issue 4's benchmark: building a Dockerfile of 10 steps (COPY of 2,000 files in two steps,
# three RUNs, metadata) three ways -- cold (--no-cache), fully cached, and after a change to
# one copied file -- with berth's CLI and the docker CLI against berthd, the docker CLI
# against dockerd (its classic builder, DOCKER_BUILDKIT=0: this host has no buildx), and
# podman build when installed, in one run. Prints a table (median of N builds, seconds).
# Usage: bench/build-bench.sh [iterations (default 3)] [files (default 2000)]
set -euo pipefail
N=${1:-3}
FILES=${2:-2000}
source "$(dirname "$0")/lib.sh"

CLI=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
[ -f "$BERTH_HOME/berth-cli/target/berth-cli.aot" ] && CLI+=(-XX:AOTCache="$BERTH_HOME/berth-cli/target/berth-cli.aot")
CLI+=(-cp "$(berth_classpath berth-cli)" dev.berth.cli.Main -H "unix://$WORK/berth.sock")

# The context: FILES small files, half under deps/ and half under src/, 100 to a directory.
CTX=$WORK/ctx
for i in $(seq 0 $((FILES - 1))); do
  half=$([ $((i % 2)) -eq 0 ] && echo deps || echo src)
  d="$CTX/$half/d$((i / 200))"
  [ -d "$d" ] || mkdir -p "$d"
  printf 'file %d %0512d\n' "$i" "$i" > "$d/f$i"
done
cat > "$CTX/Dockerfile" <<'DF'
FROM busybox
ENV APP=/app
WORKDIR /app
COPY deps/ /app/deps/
RUN find /app/deps -type f | wc -l > /deps-count
COPY src/ /app/src/
RUN cat /app/src/*/* | wc -c > /src-size
LABEL bench=build
RUN echo built > /built
CMD ["cat", "/src-size"]
DF
CHANGED=$(ls -d "$CTX"/src/d0/* | head -1)

secs() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; e=$(date +%s%N)
  awk -v d=$((e - s)) 'BEGIN { printf "%.2f", d / 1e9 }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A T
measure() { # name build-command... (the command gets the context as its last argument)
  local name=$1; shift
  local cold=() cached=() changed=() i
  "$@" "$CTX" >/dev/null 2>&1 || { T[$name,cold]=n/a; T[$name,cached]=n/a; T[$name,changed]=n/a; return; }
  for ((i = 0; i < N; i++)); do
    cold+=("$(secs "$@" --no-cache "$CTX")")
    cached+=("$(secs "$@" "$CTX")")
    echo "changed $name $i $RANDOM" >> "$CHANGED"
    changed+=("$(secs "$@" "$CTX")")
  done
  T[$name,cold]=$(median "${cold[@]}")
  T[$name,cached]=$(median "${cached[@]}")
  T[$name,changed]=$(median "${changed[@]}")
}

start_berthd
bootstrap_busybox
engines=()
measure "berth CLI>berthd" "${CLI[@]}" build -t bench:berth
engines+=("berth CLI>berthd")
DOCKER_BUILDKIT=0 measure "docker>berthd" docker -H "unix://$WORK/berth.sock" build -t bench:docker
engines+=("docker>berthd")
if start_dockerd; then
  DOCKER_BUILDKIT=0 measure "docker>dockerd" docker -H "unix://$WORK/dockerd.sock" build -t bench:dockerd
  engines+=("docker>dockerd")
fi
if command -v podman >/dev/null; then
  PODMAN=(podman --root "$WORK/podman" --runroot "$WORK/podman-run")
  if "${CLI[@]}" save busybox | "${PODMAN[@]}" load >/dev/null 2>&1; then
    measure "podman" "${PODMAN[@]}" build --pull=never --network=host -t bench:podman
    engines+=("podman")
  fi
fi

printf '\nbuild: 10 steps, %d files in the context, median of %d builds, seconds (%s cores)\n\n' "$FILES" "$N" "$(nproc)"
printf '%-34s' "what"; for e in "${engines[@]}"; do printf '%18s' "$e"; done; printf '\n'
for k in cold cached changed; do
  case $k in
    cold) label="cold build (--no-cache)" ;; cached) label="fully cached rebuild" ;;
    changed) label="rebuild after one file changed" ;;
  esac
  printf '%-34s' "$label"; for e in "${engines[@]}"; do printf '%18s' "${T[$e,$k]}"; done; printf '\n'
done
