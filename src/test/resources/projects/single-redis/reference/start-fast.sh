#!/bin/sh
# Starts the store in under half the time of java -jar, the two ways Spring Boot's reference
# guide describes for the JVM:
# - ahead-of-time processing (AOT): the script builds the store with pom.xml's aot profile, into
#   target/aot, which works out the store's beans at build time; -Dspring.aot.enabled=true uses
#   that instead of evaluating the auto-configurations again at every start. Which beans exist is
#   then fixed at build time: a profile or a property that switches beans on or off
#   (spring.profiles.active, management.endpoints...) must be set when the script builds, not only
#   when you start. Plain java -jar and ./mvnw package have no AOT code and no such limit.
# - the JVM's Class Data Sharing (CDS): unpack the jar, let a training run record the classes the
#   store loads (it starts the application context and stops), then start with that archive.
# The archive belongs to this build and this Java: the script redoes it when the jar changes.
# Usage: ./start-fast.sh [--server.port=8080 ...]   (builds the AOT jar first when it is missing
# or older than a source file)
set -eu
cd "$(dirname "$0")"

aot_jar() {
  ls target/aot/*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true
}
jar=$(aot_jar)
if [ -z "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" | head -n 1)" ]; then
  ./mvnw -q -DskipTests -Paot package
  jar=$(aot_jar)
fi

app=target/aot/cds
archive=$app/store.jsa
if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app"
  # The training run starts the same way as the real one (AOT on), so it records the same classes.
  java -XX:ArchiveClassesAtExit="$archive" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar "$app/$(basename "$jar")" --logging.level.root=warn >/dev/null
fi
exec java -XX:SharedArchiveFile="$archive" -Dspring.aot.enabled=true -jar "$app/$(basename "$jar")" "$@"
