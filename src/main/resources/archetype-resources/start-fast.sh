#!/bin/sh
# Starts the store about twice as fast, with the JVM's Class Data Sharing (CDS), as Spring Boot's
# reference guide describes: unpack the jar, let a training run record the classes the store loads
# (it starts the application context and stops), then start with that archive.
# The archive belongs to this build and this Java: the script redoes it when the jar changes.
# Usage: ./start-fast.sh [--server.port=8080 ...]   (builds the jar first if there is none)
set -eu
cd "$(dirname "$0")"

jar=$(ls target/*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -DskipTests package
  jar=$(ls target/*.jar | grep -v -- '-plain.jar' | head -n 1)
fi

app=target/cds
archive=$app/store.jsa
if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app"
  java -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh -jar "$app/$(basename "$jar")" \
    --logging.level.root=warn >/dev/null
fi
exec java -XX:SharedArchiveFile="$archive" -jar "$app/$(basename "$jar")" "$@"
