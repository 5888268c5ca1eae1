#!/usr/bin/env bash
# Refreshes the reference/ trees that archetype:integration-test compares the generated stores with,
# one case per variant, and the download store with no feature and with all of them: builds the archetype and has archetype:integration-test generate each case
# from its own archetype.properties (with no goal, into a scratch folder), then replaces
# src/test/resources/projects/<case>/reference/ with what it generated. Run it after every change to
# the archetype; the references' `git diff` is what changes for users. Extra arguments go to Maven
# (e.g. -o -Dmaven.repo.local=...). Takes about ten seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=src/test/resources/projects
cases="single-default multi-default download-default download-none download-redis-hostile-name-jpy single-redis"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for case in $cases; do
  mkdir -p "$work/$case"
  cp "$projects/$case/archetype.properties" "$work/$case/"
  : > "$work/$case/goal.txt"   # no goal: generate only
done
# clean: target/test-classes must not keep reference files that are gone.
mvn -B -q clean verify -Dmaven.test.skip -Dinvoker.skip -Darchetype.test.projectsDirectory="$work" "$@"

for case in $cases; do
  rm -rf "$projects/$case/reference"
  # The case's one generated project, in project/<artifactId>/.
  cp -R "$work/$case/project/"*/ "$projects/$case/reference"
done

# The comparison counts folders too, and the store's own .gitignore applies to its reference:
# git must be able to keep every file and folder of the trees.
empty=$(find "$projects"/*/reference -type d -empty)
ignored=$(git ls-files --others --ignored --exclude-standard -- "$projects"/*/reference)
if [ -n "$empty$ignored" ]; then
  echo "git would not keep these, so the comparison would fail on a fresh clone:" $empty $ignored >&2
  exit 1
fi
git status --short -- "$projects"/*/reference
