#!/usr/bin/env bash
# Measures networking and prints a table, berthd beside dockerd (when installed), both driven by
# the docker CLI on private sockets and roots:
#   start-up      run --rm busybox true on the default bridge, on a user network and with
#                 --network none (median of N, ms): what a network adds to a container's start
#   host -> port  10,000 short HTTP requests (ab, 4 at a time) to busybox httpd behind a published
#                 127.0.0.1 port (requests/s), and a 256 MiB download through it (curl, MB/s)
#   c2c           container to container on a user network: the same download by busybox wget
#                 from a second container (MB/s, an empty exec's time taken out) and ping RTT (ms)
# Usage: bench/network-bench.sh [iterations]   (as root; never touches /var/lib/berth)
set -euo pipefail
N=${1:-20}
source "$(dirname "$0")/lib.sh"
command -v ab >/dev/null || apt-get install -y -qq apache2-utils >/dev/null

BIG_MB=256
SERVE="mkdir -p /www && echo hello > /www/index.html && dd if=/dev/zero of=/www/big bs=1M count=$BIG_MB 2>/dev/null && exec httpd -f -p 8080 -h /www"

start_berthd
bootstrap_busybox

# dockerd on a bridge of the bench's own (-b: dockerd uses an existing bridge, whose address is
# its --bip), no iptables: ports go through docker-proxy, as berth's through its userland proxy,
# and the host is left as it was.
DK_BRIDGE="bd${WORK##*-}"
HAVE_DOCKERD=no
if command -v dockerd >/dev/null; then
  ip link add name "$DK_BRIDGE" type bridge && ip addr add 10.198.0.1/24 dev "$DK_BRIDGE" && ip link set "$DK_BRIDGE" up
  dockerd --data-root "$WORK/dockerd" --exec-root "$WORK/dockerd-exec" -H "unix://$WORK/dockerd.sock" \
    --pidfile "$WORK/dockerd.pid" --iptables=false -b "$DK_BRIDGE" >"$WORK/dockerd.log" 2>&1 &
  bench_pids+=($!)
  if wait_socket "$WORK/dockerd.sock"; then
    docker -H "unix://$WORK/berth.sock" save busybox | docker -H "unix://$WORK/dockerd.sock" load >/dev/null
    HAVE_DOCKERD=yes
  fi
fi
network_cleanup() {
  if [ "$HAVE_DOCKERD" = yes ]; then # dockerd leaves its networks' bridges behind: remove them first
    docker -H "unix://$WORK/dockerd.sock" rm -f srv cli >/dev/null 2>&1 || true
    docker -H "unix://$WORK/dockerd.sock" network rm benchnet >/dev/null 2>&1 || true
  fi
  bench_cleanup
  ip link del "$DK_BRIDGE" 2>/dev/null || true
}
trap network_cleanup EXIT

# median_of CMD...: runs CMD (which prints one number) 5 times, prints the median.
median_of() {
  local i
  for i in 1 2 3 4 5; do "$@"; echo; done | sort -n | sed -n 3p
}

declare -A R
measure() { # engine socket
  local e=$1 D=(docker -H "unix://$2") port ip base
  "${D[@]}" network create --subnet "10.197.$3.0/24" benchnet >/dev/null || exit 1
  "${D[@]}" run --rm busybox true >/dev/null # warm-up
  R[$e,bridge]=$(median_ms "${D[@]}" run --rm busybox true)
  R[$e,user]=$(median_ms "${D[@]}" run --rm --network benchnet busybox true)
  R[$e,none]=$(median_ms "${D[@]}" run --rm --network none busybox true)

  "${D[@]}" run -d --name srv --network benchnet -p 127.0.0.1::8080 busybox sh -c "$SERVE" >/dev/null
  "${D[@]}" run -d --name cli --network benchnet busybox sleep 600 >/dev/null
  port=$("${D[@]}" port srv 8080 | head -1 | sed 's/.*://')
  ip=$("${D[@]}" inspect -f '{{(index .NetworkSettings.Networks "benchnet").IPAddress}}' srv)
  for _ in $(seq 1 300); do
    [ "$(curl -s -m 10 -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/big")" = $((BIG_MB << 20)) ] && break
    sleep 0.1
  done
  R[$e,rps]=$(ab -q -n 10000 -c 4 "http://127.0.0.1:$port/index.html" 2>/dev/null \
    | awk '/Requests per second/ {printf "%.0f", $4}')
  R[$e,pub_mbs]=$(median_of sh -c "curl -s -m 60 -o /dev/null -w '%{speed_download}' http://127.0.0.1:$port/big \
    | awk '{printf \"%.0f\", \$1 / 1048576}'")
  base=$(N=5 median_ms "${D[@]}" exec cli true)
  local dl
  dl=$(N=5 median_ms "${D[@]}" exec cli wget -q -O /dev/null "http://$ip:8080/big")
  R[$e,c2c_mbs]=$(awk -v t="$dl" -v b="$base" -v m="$BIG_MB" 'BEGIN { printf "%.0f", m / ((t - b) / 1000) }')
  R[$e,rtt]=$("${D[@]}" exec cli ping -c 20 -i 0.2 -q "$ip" | awk -F/ '/round-trip|rtt/ {print $4}')
  "${D[@]}" rm -f srv cli >/dev/null
  "${D[@]}" network rm benchnet >/dev/null
}

measure berth "$WORK/berth.sock" 1
[ "$HAVE_DOCKERD" = yes ] && measure dockerd "$WORK/dockerd.sock" 2

row() { # label key unit
  local b=${R[berth,$2]:-} d=${R[dockerd,$2]:--}
  printf '%-46s %10s %10s  %s\n' "$1" "$b" "$d" "$3"
}
printf '%-46s %10s %10s\n' "" berthd dockerd
row "run --rm busybox true, default bridge" bridge ms
row "run --rm busybox true, user network" user ms
row "run --rm busybox true, --network none" none ms
row "host -> published port: 10,000 requests, c=4" rps req/s
row "host -> published port: ${BIG_MB} MiB download" pub_mbs MB/s
row "container -> container: ${BIG_MB} MiB download" c2c_mbs MB/s
row "container -> container: ping RTT" rtt ms
echo "(median of $N for start-up, of 5 for downloads; dockerd: --iptables=false, docker-proxy for ports)"

