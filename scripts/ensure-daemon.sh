#!/usr/bin/env bash
# Starts berthd in the background on the default socket and data root unless one is
# running, and bootstraps busybox:latest the first time (there is no registry here).
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
berth_find_java

SOCKET=/run/berth.sock
EXEC_ROOT=/run/berth
DATA_ROOT=/var/lib/berth
PIDFILE=$EXEC_ROOT/berthd.pid
LOG=$DATA_ROOT/berthd.log

alive() { [ -S "$SOCKET" ] && [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

if ! alive; then
  mkdir -p "$EXEC_ROOT" "$DATA_ROOT"
  echo "berth: starting berthd (log: $LOG)" >&2
  setsid "$BERTH_HOME/berth" daemon --pidfile "$PIDFILE" >>"$LOG" 2>&1 </dev/null &
  for _ in $(seq 1 200); do
    alive && break
    sleep 0.05
  done
  alive || { echo "berth: berthd did not start; see $LOG" >&2; tail -n 20 "$LOG" >&2; exit 1; }
fi

# Images are listed in one file; a grep is cheaper than asking the daemon.
# -H names the daemon explicitly, so this inner ./berth does not come back here.
if ! grep -qs 'docker.io/library/busybox:' "$DATA_ROOT/images/repositories.json"; then
  echo "berth: creating busybox:latest from the host's busybox-static" >&2
  "$BERTH_HOME/berth" -H "unix://$SOCKET" image bootstrap busybox >/dev/null
fi
