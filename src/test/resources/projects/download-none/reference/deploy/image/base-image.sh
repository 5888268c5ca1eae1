#!/bin/sh
# Makes a base image for Jib without Docker and without a container registry: a Java runtime cut
# from this machine's JDK by jlink, the few system libraries it links to, and an unprivileged user,
# written as a docker-save tar that Jib reads with from.image=tar://... (see "The container image"
# in the README). Needs a JDK with jlink and a Linux machine of the image's architecture.
# Usage: deploy/image/base-image.sh [target/base-image.tar]
set -eu
out=${1:-target/base-image.tar}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/etc" "$root/tmp" "$root/opt"
chmod 1777 "$root/tmp"

# The runtime: every module of the JDK but the incubating ones, without debug symbols and man pages.
modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -v '^jdk\.incubator' | paste -sd, -)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$root/opt/java"

# The system libraries the runtime links to (the C library, libz...), each at the path it has here.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | grep -o '/[^ ]*' | sort -u | while read -r lib; do
    [ -e "$lib" ] || continue
    case $lib in "$root"*) continue ;; esac
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done

# The user the store runs as: not root.
printf 'root:x:0:0:root:/root:/sbin/nologin\nstore:x:10001:10001:store:/home/store:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nstore:x:10001:\n' >"$root/etc/group"
mkdir -p "$root/home/store" && chown 10001:10001 "$root/home/store" 2>/dev/null || true

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
case $(uname -m) in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat >"$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["store-base:local"],"Layers":["layer.tar"]}]\n' >"$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1))"
