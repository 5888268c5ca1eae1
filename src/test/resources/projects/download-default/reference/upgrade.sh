#!/usr/bin/env bash
# ./upgrade.sh VERSION: brings the archetype's changes between the version this store was generated
# with (archetype.properties) and VERSION into this store, keeping your edits (README, "Upgrade").
#
# It generates the store twice in a scratch folder, with the properties in archetype.properties: as
# it was generated, and at VERSION. What differs between the two is the archetype's change; what
# differs between the first and this folder is yours. Each file then gets both, three ways: a file
# you never edited takes the new version, one you edited is merged, and where you and the archetype
# changed the same lines the file keeps both, marked, for you to decide. Nothing is written until
# both generations have worked.
set -euo pipefail
CR=$(printf '\r') # ends each line of a file checked out by git on Windows, before the LF

usage() {
  echo "Usage: ./upgrade.sh VERSION   (the itemshop-archetype version to upgrade to, such as 0.2.0)" >&2
  exit 2
}

# A refusal changes nothing, and exits with 2 (a conflict with 1).
refuse() {
  echo "upgrade.sh: $*" >&2
  echo "Nothing was changed." >&2
  exit 2
}

main() {
  [ $# -eq 1 ] && [ -n "$1" ] || usage
  target=$1
  store=$(cd "$(dirname "$0")" && pwd)
  cd "$store"
  [ -f archetype.properties ] || refuse "archetype.properties is missing: it records how this store was generated."

  # Each recorded property goes back to archetype:generate as it is, archetypeVersion apart.
  current="" artifact=""
  local key value
  properties=()
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%"$CR"} # a Windows checkout's line end
    case $line in '' | '#'*) continue ;; esac
    key=${line%%=*}
    value=${line#*=}
    case $key in
      archetypeVersion) current=$value ;;
      *) properties+=("-D$key=$value") ;;
    esac
    [ "$key" = artifactId ] && artifact=$value
  done < archetype.properties
  [ -n "$current" ] && [ -n "$artifact" ] || refuse "archetype.properties names no archetypeVersion or artifactId."

  if [ "$target" = "$current" ]; then
    echo "This store is already at itemshop-archetype $current: nothing to upgrade."
    exit 0
  fi

  # With git, the upgrade's changes are then all that git diff shows, and git checkout undoes them.
  if command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    if [ -n "$(git status --porcelain -- .)" ]; then
      git status --short -- . >&2
      refuse "this store has uncommitted changes (above). Commit or stash them first, so that the upgrade's own changes can be seen (git diff) and undone (git checkout -- . && git clean -fd)."
    fi
  fi

  scratch=$(mktemp -d "${TMPDIR:-/tmp}/upgrade.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  generate "$target" new
  generate "$current" old
  old=$scratch/old/$artifact
  new=$scratch/new/$artifact

  plan
  apply
  report "$current" "$target"
}

# generate VERSION FOLDER: the store at VERSION into $scratch/FOLDER/<artifactId>. Offline first, so
# that nothing is downloaded when both versions are in the local Maven repository; online otherwise.
generate() {
  local version=$1 folder=$scratch/$2
  mkdir -p "$folder"
  local args=(-B org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate -DinteractiveMode=false
    "${properties[@]}" "-DarchetypeVersion=$version")
  echo "Generating the store at itemshop-archetype $version..."
  if (cd "$folder" && "$store/mvnw" -o "${args[@]}") > "$folder.log" 2>&1; then
    return
  fi
  echo "  not all of it is in the local Maven repository: trying again online"
  rm -rf "$folder" && mkdir -p "$folder"
  if ! (cd "$folder" && "$store/mvnw" "${args[@]}") > "$folder.log" 2>&1; then
    grep -e '^\[ERROR\]' "$folder.log" | head -n 20 >&2 || true
    refuse "could not generate the store at itemshop-archetype $version (Maven's errors above): is $version a version of itemshop-archetype?"
  fi
}

# crlf FILE FOLDER: a copy of FILE with CRLF line ends, in $scratch/crlf/FOLDER; FILE when it is missing.
crlf() {
  if [ -f "$1" ]; then
    mkdir -p "$(dirname "$scratch/crlf/$2/$path")"
    sed "s/$CR*\$/$CR/" "$1" > "$scratch/crlf/$2/$path"
    echo "$scratch/crlf/$2/$path"
  else
    echo "$1"
  fi
}

is_binary() {
  [ -s "$1" ] && ! grep -qI '' "$1"
}

# merge3 YOURS OLD NEW OUT: the three-way merge of one text file into OUT, conflicts marked in it;
# sets conflicted. git merge-file exits with the number of conflicts (255 when it fails), diff3 with
# 1 for conflicts (2 when it fails): a failure stops the upgrade before anything is written.
merge3() {
  local labels=(-L yours -L "itemshop-archetype $current" -L "itemshop-archetype $target") status=0 failed=2
  if command -v git >/dev/null; then
    git merge-file -p --diff3 "${labels[@]}" "$1" "$2" "$3" > "$4" || status=$?
    failed=255
  else
    diff3 -m "${labels[@]}" "$1" "$2" "$3" > "$4" || status=$?
  fi
  [ "$status" -ne "$failed" ] || refuse "could not merge $path."
  conflicted=$status
}

# plan: decides each file of the old and new stores, into $scratch/out (what to write) and lists.
plan() {
  out=$scratch/out
  mkdir -p "$out"
  : > "$scratch/writes"; : > "$scratch/removals"; : > "$scratch/log"; : > "$scratch/conflicts"
  : > "$scratch/empty"
  (cd "$old" && find . -type f; cd "$new" && find . -type f) | sed 's|^\./||' | sort -u > "$scratch/paths"
  local path mine was now
  while IFS= read -r path; do
    mine=$store/$path was=$old/$path now=$new/$path
    # Git on Windows (core.autocrlf) checks files out with CRLF where the archetype writes LF: such a
    # file is compared and merged with CRLF copies of the archetype's two versions.
    if [ -f "$mine" ] && grep -q "$CR\$" "$mine" && ! is_binary "$mine"; then
      was=$(crlf "$was" old) now=$(crlf "$now" new)
    fi
    if [ ! -f "$now" ]; then
      # Gone from the archetype: removed, unless you changed it or removed it already.
      if [ ! -f "$mine" ]; then :
      elif cmp -s "$mine" "$was"; then
        echo "$path" >> "$scratch/removals"; note removed "$path"
      else
        conflict "$path" "the archetype no longer has this file, and you had changed it: it is kept. Delete it if nothing of yours uses it."
      fi
    elif [ -f "$was" ] && cmp -s "$was" "$now"; then
      : # the archetype did not change it: yours stays as it is
    elif [ ! -f "$mine" ]; then
      if [ -f "$was" ]; then
        note "not restored" "$path (you had deleted it; the archetype changed it)"
      else
        write "$path" "$now"; note added "$path"
      fi
    elif cmp -s "$mine" "$now"; then
      : # already as the archetype has it now
    elif [ -f "$was" ] && cmp -s "$mine" "$was"; then
      write "$path" "$now"; note updated "$path"
    elif is_binary "$mine" || is_binary "$now" || { [ -f "$was" ] && is_binary "$was"; }; then
      write "$path.new" "$now"
      conflict "$path" "a binary file that you and the archetype both changed: yours is kept, the archetype's new one is beside it as $path.new. Keep one, delete the other."
    else
      # Edited by you and changed by the archetype: merged. A file new in both merges against nothing.
      local base=$was
      [ -f "$was" ] || base=$scratch/empty
      mkdir -p "$(dirname "$out/$path")"
      merge3 "$mine" "$base" "$now" "$out/$path"
      echo "$path" >> "$scratch/writes"
      if [ "$conflicted" -ne 0 ]; then
        conflict "$path" ""
      else
        note merged "$path"
      fi
    fi
  done < "$scratch/paths"
}

write() {
  mkdir -p "$(dirname "$out/$1")"
  cp -p "$2" "$out/$1"
  echo "$1" >> "$scratch/writes"
}

note() {
  printf '  %-13s %s\n' "$1" "$2" >> "$scratch/log"
}

conflict() {
  note CONFLICT "$1"
  printf '%s\t%s\n' "$1" "$2" >> "$scratch/conflicts"
}

# apply: every decision at once, once all of them are made.
apply() {
  local path
  while IFS= read -r path; do
    if [ -f "$store/$path" ]; then
      cat "$out/$path" > "$store/$path" # keeps the file's permissions
    else
      mkdir -p "$(dirname "$store/$path")"
      cp -p "$out/$path" "$store/$path"
    fi
  done < "$scratch/writes"
  while IFS= read -r path; do
    rm -f "$store/$path"
    rmdir -p "$(dirname "$store/$path")" 2>/dev/null || true
  done < "$scratch/removals"
}

report() {
  if [ -s "$scratch/log" ]; then
    cat "$scratch/log"
  else
    echo "  no file of this store changes"
  fi
  echo "Upgraded from itemshop-archetype $1 to $2 (recorded in archetype.properties)."
  [ -s "$scratch/conflicts" ] || exit 0
  echo
  echo "CONFLICTS: the archetype changed what you had changed too, in these files. Nothing of yours was overwritten."
  local path why
  while IFS="$(printf '\t')" read -r path why; do
    echo "  $path"
    [ -z "$why" ] || echo "      $why"
  done < "$scratch/conflicts"
  cat <<EOF
In a file with conflict markers, each place that needs you reads
  <<<<<<< yours
  your lines
  ||||||| itemshop-archetype $1
  the archetype's lines before
  =======
  the archetype's lines now
  >>>>>>> itemshop-archetype $2
Edit each into the lines you want (usually yours, with what the archetype changed), delete the four
marker lines, then run ./mvnw verify. The archetype's CHANGELOG.md says what $2 changes and why.
EOF
  exit 1
}

# All of the script is read before it runs: the upgrade may rewrite this very file.
main "$@"; exit
