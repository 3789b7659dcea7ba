#!/usr/bin/env bash
# Builds berth-cli/target/berth-cli.aot, the CLI's JDK 25 AOT cache (JEP 483/514): the classes a
# CLI start loads, already parsed, verified and linked, so `berth ps` starts in ~70 ms instead of
# ~350. Run after `mvn package` (berth_build_if_stale does); ./berth passes -XX:AOTCache when the
# file exists. The training run (dev.berth.cli.AotTraining) answers the API itself: no daemon.
#
# The cache is only valid for the same JDK, the same classpath (jars, their sizes and times) and
# compatible flags, so it is rebuilt with every build, with ./berth's CLI flags.
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
berth_find_java

target="$BERTH_HOME/berth-cli/target"
# picocli is compiled into berth-cli.jar now; a jar left in lib/ by an older build would shadow nothing
# but still be opened and checked against the cache.
rm -f "$target"/lib/picocli-*.jar
rm -f "$target/berth-cli.aot" "$target/berth-cli.aot.tmp"
log="$target/berth-cli.aot.log"

# Keep in step with CLI_FLAGS in ./berth: a cache is used only with the GC it was made with.
if ! "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -XX:AOTCacheOutput="$target/berth-cli.aot.tmp" \
    -cp "$(berth_classpath berth-cli)" dev.berth.cli.AotTraining >"$log" 2>&1; then
  cat "$log" >&2
  echo "berth: could not build the CLI's AOT cache; the CLI works without it, only slower" >&2
  rm -f "$target/berth-cli.aot.tmp"
  exit 0
fi
mv "$target/berth-cli.aot.tmp" "$target/berth-cli.aot"
