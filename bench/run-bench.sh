#!/usr/bin/env bash
# Measures berth's core paths and prints a table (median of N runs, milliseconds):
#   run --rm busybox true      end to end, with the berth CLI and with the docker CLI
#   daemon part of run --rm    the same API calls with curl (create, wait, start, wait's answer, delete)
#   create+start+wait          docker CLI: create, then start -a
#   ps -a with 100 containers  berth CLI and docker CLI
#   CLI start-up               berth --version (no daemon), berth ps (one request)
# beside the raw runtime (crun run of /bin/true on a prepared bundle: the floor) and, when
# installed, dockerd and podman on private sockets and roots, with ratios to berthd.
# Usage: bench/run-bench.sh [iterations]   (as root; never touches /var/lib/berth)
set -euo pipefail
N=${1:-20}
source "$(dirname "$0")/lib.sh"

SOCK=$WORK/berth.sock
CLI=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
[ -f "$BERTH_HOME/berth-cli/target/berth-cli.aot" ] && CLI+=(-XX:AOTCache="$BERTH_HOME/berth-cli/target/berth-cli.aot")
CLI+=(-cp "$(berth_classpath berth-cli)" dev.berth.cli.Main -H "unix://$SOCK")
DOCKER=(docker -H "unix://$SOCK")

start_berthd
sleep 1
RSS_IDLE_KB=$(awk '/VmRSS/ {print $2}' /proc/$BERTHD/status)
bootstrap_busybox
"${DOCKER[@]}" run --rm busybox true >/dev/null   # warm-up
RUNTIME=$(curl -s --unix-socket "$SOCK" http://x/info | sed -n 's/.*"DefaultRuntime":"\([a-z]*\)".*/\1/p')

# The raw runtime on a prepared bundle: the floor for any engine.
mkdir -p "$WORK/bundle/rootfs/bin" && cp /bin/busybox "$WORK/bundle/rootfs/bin/" && ln -s busybox "$WORK/bundle/rootfs/bin/true"
(cd "$WORK/bundle" && crun spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"\/bin\/true"/' config.json)
raw_run() { crun --root "$WORK/crun-state" run --bundle "$WORK/bundle" "bench$RANDOM$RANDOM"; }
# The same, with the config.json berthd generates (Docker's seccomp profile, capabilities,
# masked paths, a cgroup): what the runtime alone costs for berth's spec.
cid=$("${DOCKER[@]}" create busybox true)
"${DOCKER[@]}" start "$cid" >/dev/null
mkdir -p "$WORK/bundle-berth"
python3 - "$WORK/exec/containers/$cid/config.json" "$WORK/bundle-berth/config.json" "$WORK/bundle/rootfs" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["root"] = {"path": sys.argv[3], "readonly": False}
c["mounts"] = [m for m in c["mounts"] if not m["destination"].startswith("/etc/")]
c["process"]["args"] = ["/bin/true"]
# The container's network namespace is gone with it: the raw run gets a fresh one.
for ns in c["linux"]["namespaces"]:
    ns.pop("path", None)
json.dump(c, open(sys.argv[2], "w"))
PY
"${DOCKER[@]}" rm "$cid" >/dev/null
raw_berth_spec() { crun --root "$WORK/crun-state" run --bundle "$WORK/bundle-berth" "bench$RANDOM$RANDOM"; }

api_run() { # the daemon's own part of run --rm: the docker CLI's API calls, with curl
  local id
  id=$(curl -s --unix-socket "$SOCK" -XPOST -H 'Content-Type: application/json' \
    -d '{"Image":"busybox","Cmd":["true"],"HostConfig":{"AutoRemove":true,"NetworkMode":"none"}}' http://x/v1.50/containers/create \
    | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
  curl -s --unix-socket "$SOCK" -XPOST "http://x/v1.50/containers/$id/wait?condition=removed" >/dev/null &
  local waiter=$!
  curl -s --unix-socket "$SOCK" -XPOST "http://x/v1.50/containers/$id/start" >/dev/null
  wait $waiter
}

create_start_wait() { local id; id=$("${DOCKER[@]}" create busybox true); "${DOCKER[@]}" start -a "$id"; "${DOCKER[@]}" rm "$id"; }

declare -A R
R[raw]=$(median_ms raw_run)
R[raw_spec]=$(median_ms raw_berth_spec)
R[berth_cli_run]=$(median_ms "${CLI[@]}" run --rm busybox true)
R[docker_cli_run]=$(median_ms "${DOCKER[@]}" run --rm busybox true)
R[docker_cli_run_nonet]=$(median_ms "${DOCKER[@]}" run --rm --network none busybox true)
R[api_run]=$(median_ms api_run)
R[curl_ping]=$(median_ms curl -s --unix-socket "$SOCK" http://x/_ping)
# create, start and wait's answer are three curl processes in a row: take their cost out.
R[api_net]=$(awk -v a="${R[api_run]}" -v p="${R[curl_ping]}" 'BEGIN { printf "%.1f", a - 3 * p }')
R[create_start_wait]=$(median_ms create_start_wait)
R[berth_version]=$(median_ms "${CLI[@]:0:${#CLI[@]}-2}" --version)
R[berth_ps_empty]=$(median_ms "${CLI[@]}" ps)
R[docker_ps_empty]=$(median_ms "${DOCKER[@]}" ps)
for i in $(seq 1 100); do "${DOCKER[@]}" create busybox true >/dev/null; done
R[berth_ps100]=$(median_ms "${CLI[@]}" ps -a)
R[docker_ps100]=$(median_ms "${DOCKER[@]}" ps -a)
RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/$BERTHD/status)

# Reference engines, when installed: the same work on a private socket and data root.
ref_run() { # name socket-cli...
  local name=$1; shift
  "$@" run --rm busybox true >/dev/null 2>&1 || { echo "n/a"; return; }
  median_ms "$@" run --rm busybox true
}
DOCKERD_RUN=n/a PODMAN_RUN=n/a
if start_dockerd; then
  DOCKERD_RUN=$(ref_run dockerd docker -H "unix://$WORK/dockerd.sock")
fi
if command -v podman >/dev/null; then
  PODMAN=(podman --root "$WORK/podman" --runroot "$WORK/podman-run")
  "${CLI[@]}" save busybox | "${PODMAN[@]}" load >/dev/null 2>&1 || true
  PODMAN_RUN=$(ref_run podman "${PODMAN[@]}")
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "n/a" || a == "n/a" || a == 0) print "n/a"; else printf "%.2fx", b / a }'; }
printf '\nberth benchmark: median of %d runs, ms (runtime: %s, %s)\n\n' "$N" "$RUNTIME" "$(nproc) cores"
printf '%-46s %10s %14s\n' "what" "ms" "vs berthd"
printf '%-46s %10s %14s\n' "----" "--" "---------"
printf '%-46s %10s %14s\n' "raw crun run /bin/true, crun spec's config" "${R[raw]}" ""
printf '%-46s %10s %14s\n' "raw crun run /bin/true, berthd's config.json" "${R[raw_spec]}" ""
printf '%-46s %10s %14s\n' "run --rm busybox true, berth CLI" "${R[berth_cli_run]}" ""
printf '%-46s %10s %14s\n' "run --rm busybox true, docker CLI -> berthd" "${R[docker_cli_run]}" ""
printf '%-46s %10s %14s\n' "  the same with --network none" "${R[docker_cli_run_nonet]}" ""
printf '%-46s %10s %14s\n' "  its API calls with curl (--network none)" "${R[api_run]}" ""
printf '%-46s %10s %14s\n' "  curl's own cost (GET /_ping)" "${R[curl_ping]}" ""
printf '%-46s %10s %14s\n' "  daemon part (minus 3 curl processes)" "${R[api_net]}" "$(ratio "${R[raw_spec]}" "${R[api_net]}") of raw"
printf '%-46s %10s %14s\n' "create + start -a + rm, docker CLI -> berthd" "${R[create_start_wait]}" ""
printf '%-46s %10s %14s\n' "ps -a, 100 containers, berth CLI" "${R[berth_ps100]}" ""
printf '%-46s %10s %14s\n' "ps -a, 100 containers, docker CLI -> berthd" "${R[docker_ps100]}" ""
printf '%-46s %10s %14s\n' "berth --version (CLI start-up alone)" "${R[berth_version]}" ""
printf '%-46s %10s %14s\n' "berth ps, no containers (start-up + 1 request)" "${R[berth_ps_empty]}" ""
printf '%-46s %10s %14s\n' "docker ps, no containers" "${R[docker_ps_empty]}" ""
# dockerd runs with --bridge=none here (no network of its own): compare with berth's --network none.
printf '%-46s %10s %14s\n' "run --rm busybox true, docker CLI -> dockerd" "$DOCKERD_RUN" "$(ratio "${R[docker_cli_run_nonet]}" "$DOCKERD_RUN")"
printf '%-46s %10s %14s\n' "run --rm busybox true, podman" "$PODMAN_RUN" "$(ratio "${R[docker_cli_run_nonet]}" "$PODMAN_RUN")"
printf '%-46s %10s %14s\n' "berthd RSS idle after start (MiB)" "$((RSS_IDLE_KB / 1024))" ""
printf '%-46s %10s %14s\n' "berthd RSS after the runs (MiB)" "$((RSS_KB / 1024))" ""
