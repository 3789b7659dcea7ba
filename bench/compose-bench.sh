#!/usr/bin/env bash
# Compose benchmark (issue 9): `up -d` and `down -v` of a 10-service project (busybox services
# with healthchecks, 2 networks, 3 volumes), median of N rounds, milliseconds, side by side:
#   berth compose       -> berthd
#   docker-compose 1.29 -> berthd    (Debian's Python client: the daemon's part compared alike)
#   docker-compose 1.29 -> dockerd   (when docker.io and docker-compose are installed)
#   docker compose v2   -> dockerd   (when the plugin is installed)
# Every daemon runs on a private socket and root. Usage: bench/compose-bench.sh [rounds]
set -euo pipefail
N=${1:-5}
source "$(dirname "$0")/lib.sh"

SOCK=$WORK/berth.sock
BERTH=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
[ -f "$BERTH_HOME/berth-cli/target/berth-cli.aot" ] && BERTH+=(-XX:AOTCache="$BERTH_HOME/berth-cli/target/berth-cli.aot")
BERTH+=(-cp "$(berth_classpath berth-cli)" dev.berth.cli.Main)

# The project: ten services, each with a healthcheck and a shell that exits on SIGTERM (so
# down measures the engine, not a 10 s stop timeout); s1-s5 on "front", s6-s10 on "back",
# s1 and s6 also on the other; three volumes shared round-robin.
mkdir -p "$WORK/proj"
{
  echo 'services:'
  for i in $(seq 1 10); do
    net=front other=back; [ "$i" -gt 5 ] && net=back other=front
    echo "  s$i:"
    echo "    image: busybox"
    echo "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]"
    echo "    healthcheck: {test: [\"CMD\", \"true\"], interval: 2s}"
    echo "    volumes: [\"v$(( (i - 1) % 3 + 1 )):/data\"]"
    if [ "$i" = 1 ] || [ "$i" = 6 ]; then echo "    networks: [$net, $other]"; else echo "    networks: [$net]"; fi
  done
  echo 'networks: {front: {}, back: {}}'
  echo 'volumes: {v1: {}, v2: {}, v3: {}}'
} >"$WORK/proj/docker-compose.yml"

# round TOOL-COMMAND...: one `up -d` then one `down -v`, appending each time (ms) to the
# tool's arrays; the command is given the verb and its flags.
declare -A UP DOWN
round() {
  local key=$1 s e; shift
  s=$(date +%s%N); (cd "$WORK/proj" && "$@" up -d) >"$WORK/$key.up.log" 2>&1 || { echo "$key: up failed" >&2; cat "$WORK/$key.up.log" >&2; return 1; }
  e=$(date +%s%N); UP[$key]+="$(( (e - s) / 1000000 )) "
  s=$(date +%s%N)
  if ! (cd "$WORK/proj" && "$@" down -v) >"$WORK/$key.down.log" 2>&1; then
    # dockerd 20.10 now and then refuses a network removal ("has active endpoints") right after
    # its containers went: counted, reported, and the project taken down again for the next round
    echo "$key: down failed once: $(grep -i error "$WORK/$key.down.log" | head -1)" >&2
    (cd "$WORK/proj" && "$@" down -v) >/dev/null 2>&1 || { echo "$key: down failed" >&2; return 1; }
  fi
  e=$(date +%s%N); DOWN[$key]+="$(( (e - s) / 1000000 )) "
}
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print a[int((NR+1)/2)]}'; }

start_berthd
bootstrap_busybox
tools=(berth v1-berthd)
run_tool() {
  case $1 in
    berth) round berth "${BERTH[@]}" -H "unix://$SOCK" compose -p bench --progress=plain ;;
    v1-berthd) round v1-berthd docker-compose -H "unix://$SOCK" -p bench ;;
    v1-dockerd) round v1-dockerd docker-compose -H "unix://$WORK/dockerd.sock" -p bench ;;
    v2-dockerd) round v2-dockerd docker -H "unix://$WORK/dockerd.sock" compose -p bench ;;
  esac
}
command -v docker-compose >/dev/null || tools=(berth)
if start_dockerd; then
  command -v docker-compose >/dev/null && tools+=(v1-dockerd)
  docker compose version >/dev/null 2>&1 && tools+=(v2-dockerd)
fi

for t in "${tools[@]}"; do run_tool "$t"; done   # warm-up round, not counted
for t in "${tools[@]}"; do UP[$t]=""; DOWN[$t]=""; done
for ((r = 0; r < N; r++)); do
  for t in "${tools[@]}"; do run_tool "$t"; done
done

printf '\ncompose benchmark: 10 services, 2 networks, 3 volumes; median of %d rounds, ms (%s cores)\n\n' "$N" "$(nproc)"
printf '%-32s %10s %10s\n' "client -> daemon" "up -d" "down -v"
printf '%-32s %10s %10s\n' "----------------" "-----" "-------"
label() {
  case $1 in
    berth) echo "berth compose -> berthd" ;;
    v1-berthd) echo "docker-compose 1.29 -> berthd" ;;
    v1-dockerd) echo "docker-compose 1.29 -> dockerd" ;;
    v2-dockerd) echo "docker compose v2 -> dockerd" ;;
  esac
}
for t in "${tools[@]}"; do
  printf '%-32s %10s %10s\n' "$(label "$t")" "$(median "${UP[$t]}")" "$(median "${DOWN[$t]}")"
done
