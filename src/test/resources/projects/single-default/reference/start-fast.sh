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
# The cache belongs to this build and this Java: the script redoes it when either changes.
# Runs the java of JAVA_HOME when set, else the one on the PATH.
# Usage: ./start-fast.sh [--server.port=8080 ...]   (builds the AOT jar first when it is missing
# or older than a source file)
set -eu
cd "$(dirname "$0")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

aot_jar() {
  ls target/aot/*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true
}
jar=$(aot_jar)
if [ -z "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" | head -n 1)" ]; then
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
if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
  if [ ! -f "$app/$(basename "$jar")" ] || [ "$jar" -nt "$app/$(basename "$jar")" ]; then
    rm -rf "$app"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$app"
  fi
  # The training run starts the same way as the real one (AOT on), so it records the same classes.
  "$java" "$record=$cache" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar "$app/$(basename "$jar")" --logging.level.root=warn >/dev/null
fi
exec "$java" "$use=$cache" -Dspring.aot.enabled=true -jar "$app/$(basename "$jar")" "$@"
