#!/usr/bin/env bash
# Builds the integration-test API server (tests/apiserver, Go) if needed and prints the binary path.
#
# The binary is cached at .cache/apiserver-<hash>, the hash covering go.mod, go.sum, *.go, the
# Go version and the version stamp, so a rebuild with unchanged sources is instant.
# Progress goes to stderr; stdout carries only the path. Env: HYPERCTL_APISERVER_K8S_VERSION
# overrides the version stamp (must match the pinned k8s.io/* v0.36.x line).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/tests/apiserver"
cache="$root/.cache"

if ! command -v go >/dev/null 2>&1; then
  echo "apiserver_build: go not found on PATH (needed to build tests/apiserver)" >&2
  exit 127
fi

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly
# Stamp /version with the Kubernetes line the k8s.io/* modules come from (v0.36.N -> v1.36.N).
mod_version="$(sed -n 's#^[[:space:]]*k8s.io/apiextensions-apiserver v0\.\([0-9]*\)\.\([0-9]*\)$#\1.\2#p' "$src/go.mod")"
k8s_version="${HYPERCTL_APISERVER_K8S_VERSION:-v1.${mod_version}}"
minor="${k8s_version#v1.}"
minor="${minor%%.*}"

hash="$(
  {
    cat "$src/go.mod" "$src/go.sum" "$src"/*.go
    go version
    echo "$k8s_version"
  } | sha256sum | cut -c1-16
)"
bin="$cache/apiserver-$hash"

mkdir -p "$cache"
# Test files running in parallel may all ask at once: one builds, the others wait for it.
exec 9>"$cache/apiserver.build.lock"
flock 9
if [ ! -x "$bin" ]; then
  echo "apiserver_build: building $bin ($k8s_version)" >&2
  start=$(date +%s)
  (
    cd "$src"
    go build -trimpath \
      -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=$k8s_version -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean" \
      -o "$bin.tmp.$$" .
  )
  mv "$bin.tmp.$$" "$bin"
  echo "apiserver_build: built in $(($(date +%s) - start))s" >&2
  # Keep the three newest builds (~80 MB each); running servers keep their deleted inode.
  # shellcheck disable=SC2012 # the names are fixed-length hex hashes, so ls -t is safe here
  ls -t "$cache"/apiserver-???????????????? 2>/dev/null | tail -n +4 | xargs -r rm -f
fi
echo "$bin"
