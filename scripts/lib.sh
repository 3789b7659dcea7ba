# Shared by ./berth and ./run-tests: find JDK 25, install host packages, build when stale.
# Sourced, not run. Keep it fast: ./berth runs it before every CLI command.

BERTH_HOME=${BERTH_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# JDK 25: $JAVA_HOME when it is 25 or newer, else the usual install places. Reads the
# release file instead of running `java -version` (that costs a JVM start).
berth_find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -f "$candidate/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")
    if [ "${version:-0}" -ge 25 ]; then
      export JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "berth: JDK 25 not found; install it or set JAVA_HOME" >&2
  return 1
}

# Host packages berth needs: an OCI runtime (crun, runc as fallback), tini for --init, busybox-static for
# `image bootstrap busybox`, util-linux's setsid, iproute2 and iptables for networks, git for Git build contexts.
# Installed once with apt-get.
berth_ensure_packages() {
  local missing=()
  command -v crun >/dev/null || missing+=(crun)
  command -v runc >/dev/null || missing+=(runc)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v setsid >/dev/null || missing+=(util-linux)
  # --init binds the static tini at /sbin/docker-init, as Docker its docker-init.
  [ -x /usr/bin/tini-static ] || missing+=(tini)
  # Networks: bridges and veths with iproute2, NAT and isolation with iptables (as dockerd).
  command -v ip >/dev/null || missing+=(iproute2)
  command -v iptables >/dev/null || missing+=(iptables)
  # Git build contexts (docker build git://...#ref:subdir): berthd clones with the host's git, as dockerd.
  command -v git >/dev/null || missing+=(git)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "berth: installing ${missing[*]}" >&2
  if [ "$(id -u)" != 0 ]; then
    echo "berth: need root to install ${missing[*]}" >&2
    return 1
  fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# What only the tests need (./run-tests, never ./berth run): Debian's docker-registry, which
# the registry ITs start themselves on 127.0.0.1 (not its service), htpasswd for auth, tmux for
# the terminal tests and docker-compose 1.29 as a second compose client.
berth_ensure_test_packages() {
  local missing=()
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v tmux >/dev/null || missing+=(tmux)
  # ComposeIT drives berthd with Debian's docker-compose 1.29 (the Python client) too.
  [ -x /usr/bin/docker-compose ] || missing+=(docker-compose)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "berth: installing ${missing[*]} for the tests" >&2
  if [ "$(id -u)" != 0 ]; then
    echo "berth: need root to install ${missing[*]}" >&2
    return 1
  fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

BERTH_STAMP="$BERTH_HOME/.berth-build/stamp"

# Builds the jars when a source or pom is newer than the last build.
berth_build_if_stale() {
  if [ -f "$BERTH_STAMP" ] && [ -f "$BERTH_HOME/berth-cli/target/berth-cli.jar" ] && [ -f "$BERTH_HOME/berth-daemon/target/berth-daemon.jar" ] \
     && [ -z "$(find "$BERTH_HOME" \( -path "$BERTH_HOME/.git" -o -name target \) -prune -o \
          \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
          -newer "$BERTH_STAMP" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "berth: building (first use or sources changed)..." >&2
  mkdir -p "$BERTH_HOME/.berth-build"
  # Maven 3.8 prints bare colour resets even in batch mode: strip them.
  (set -o pipefail; cd "$BERTH_HOME" && mvn -B -q -Dstyle.color=never -DskipTests -Dmaven.test.skip=true package 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' >&2) || return 1
  "$BERTH_HOME/scripts/build-aot.sh" || return 1
  # Stamped when done: a checkout made in the same second as the build is not "newer".
  touch "$BERTH_STAMP"
}

# berthd's JVM: C1 only and a small serial heap. It is I/O-bound; measured idle RSS
# 61 MiB with these flags against 139 MiB with the JVM's defaults on this 24 GiB machine.
BERTHD_JVM_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms4m -Xmx256m)

berth_classpath() { # module
  printf '%s' "$BERTH_HOME/$1/target/$1.jar:$BERTH_HOME/$1/target/lib/*"
}
