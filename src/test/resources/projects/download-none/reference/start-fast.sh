#!/bin/sh
# Starts the store in under half the time of java -jar, the ways Spring Boot's reference guide
# describes for the JVM:
# - ahead-of-time processing (AOT): the script builds the store with pom.xml's aot profile, into
#   target/aot, which works out the store's beans at build time; -Dspring.aot.enabled=true uses
#   that instead of evaluating the auto-configurations again at every start. Which beans exist is
#   then fixed at build time: a profile or a property that switches beans on or off
#   (spring.profiles.active, management.endpoints...) must be set when the script builds, not only
#   when you start. Plain java -jar and ./mvnw package have no AOT code and no such limit.
# - the JVM's own start-up cache: unpack the jar, let a training run start the store (it starts the
#   application context and stops), and start from what the JVM recorded. On Java 25 and later
#   that is the AOT cache (-XX:AOTCacheOutput, then -XX:AOTCache: classes loaded and linked, and
#   method profiles); on Java 17 to 24, Class Data Sharing (CDS: the classes, loaded).
# The cache belongs to this build, this Java and the Java options in JAVA_TOOL_OPTIONS and
# JDK_JAVA_OPTIONS (a cache recorded with other options, a heap size or a collector, goes unused or
# is refused): the script redoes it when any of them changes, and says what it is doing meanwhile.
# Runs the java of JAVA_HOME when set, else the one on the PATH.
# Usage: ./start-fast.sh [--server.port=8080 ...]   (builds the AOT jar first when it is missing
# or older than a source file)
set -eu
cd "$(dirname "$0")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

aot_jar() {
  ls target/aot/*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true
}
say() {
  echo "start-fast.sh: $*" >&2
}

jar=$(aot_jar)
if [ -z "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" | head -n 1)" ]; then
  say "building the store with Spring AOT (./mvnw -Paot package, into target/aot): the jar is missing or older than a source file; about a minute"
  ./mvnw -q -DskipTests -Paot package
  jar=$(aot_jar)
fi

# "25.0.3" or "17.0.15": the cache is kept per Java version, in a file named after it.
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.version = //p')
if [ "${version%%.*}" -ge 25 ]; then
  record="-XX:AOTCacheOutput" use="-XX:AOTCache" cache="target/aot/run/store-$version.aot"
else
  record="-XX:ArchiveClassesAtExit" use="-XX:SharedArchiveFile" cache="target/aot/run/store-$version.jsa"
fi

app=target/aot/run
# The Java options the cache was recorded with, kept beside it.
options="JAVA_TOOL_OPTIONS=${JAVA_TOOL_OPTIONS:-} JDK_JAVA_OPTIONS=${JDK_JAVA_OPTIONS:-}"
if [ ! -f "$cache" ]; then
  why="there is none for Java $version yet"
elif [ "$jar" -nt "$cache" ]; then
  why="the jar is newer than it"
elif [ "$(cat "$cache.options" 2>/dev/null)" != "$options" ]; then
  why="the Java options changed ($options)"
else
  why=""
fi
if [ -n "$why" ]; then
  if [ ! -f "$app/$(basename "$jar")" ] || [ "$jar" -nt "$app/$(basename "$jar")" ]; then
    rm -rf "$app"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$app"
  fi
  say "training run for the JVM's start-up cache $cache, because $why: the store starts once and stops; some seconds"
  rm -f "$cache" "$cache.options"
  # The training run starts the same way as the real one (AOT on), so it records the same classes.
  "$java" "$record=$cache" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar "$app/$(basename "$jar")" --logging.level.root=warn >/dev/null
  echo "$options" > "$cache.options"
fi
say "starting the store from $cache"
exec "$java" "$use=$cache" -Dspring.aot.enabled=true -jar "$app/$(basename "$jar")" "$@"
