#!/bin/sh
# Install hyperctl from its GitHub release (or a mirror), checking the archive's SHA-256 first.
# Usage and environment: usage() below, or `sh install.sh --help`.
#
# Nothing is installed unless the archive matches its line in SHA256SUMS.
set -eu

repo=${HYPERCTL_REPO:-hyperctl/hyperctl}
version=
prefix=

# Printed from here, not read back from this file: under `curl … | sh -s -- --help` there is none.
usage() {
  cat <<'EOF'
Install hyperctl from its GitHub release (or a mirror), checking the archive's SHA-256 first.

  curl -fsSL https://raw.githubusercontent.com/hyperctl/hyperctl/main/install.sh | sh
  sh install.sh [--version V] [--prefix DIR]

  --version V   a release such as 0.2.0 or v0.2.0 (default: the latest)
  --prefix DIR  where to put hyperctl (default: ~/.local/bin)

Environment:
  HYPERCTL_DOWNLOAD_URL  a folder holding the release's archives and SHA256SUMS, used instead
                         of GitHub (a mirror, an air-gapped site): a URL, or a local path
                         (/srv/hyperctl, file:///srv/hyperctl); without --version the highest
                         release there
  HYPERCTL_REPO          the GitHub repository (default: hyperctl/hyperctl)

Nothing is installed unless the archive matches its line in SHA256SUMS.
EOF
}

usage_error() {
  echo "install.sh: error: $1 (usage: install.sh [--version V] [--prefix DIR])" >&2
  exit 2
}

die() {
  echo "install.sh: error: $1" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case $1 in
    --version=*) version=${1#*=} ;;
    --prefix=*) prefix=${1#*=} ;;
    --version | --prefix)
      [ $# -ge 2 ] || usage_error "$1 needs a value"
      if [ "$1" = --version ]; then version=$2; else prefix=$2; fi
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) usage_error "unknown argument \"$1\"" ;;
  esac
  shift
done
version=${version#v}
if [ -z "$prefix" ]; then
  [ -n "${HOME:-}" ] || usage_error "HOME is not set: give --prefix DIR"
  prefix=$HOME/.local/bin
fi
# `--prefix ~/bin/` as tab completion types it: one spelling for messages and the PATH check.
while [ "${prefix%/}" != "$prefix" ] && [ "${prefix%/}" != "" ]; do prefix=${prefix%/}; done

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) die "no hyperctl release for this system: $(uname -s)" ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) die "no hyperctl release for this processor: $(uname -m)" ;;
esac
if [ "$os" = windows ]; then ext=zip exe=.exe; else ext=tar.gz exe=; fi
if [ "$os/$arch" = windows/aarch64 ]; then die "no hyperctl release for Windows on ARM"; fi

# A mirror on this machine (a path or file://) is copied: wget has no file:// and curl no paths.
local_base=
if [ -n "${HYPERCTL_DOWNLOAD_URL:-}" ]; then
  base=${HYPERCTL_DOWNLOAD_URL%/}
  case $base in
    file://*) local_base=${base#file://} ;;
    *://*) ;;
    *) local_base=$base ;;
  esac
elif [ -n "$version" ]; then
  base=https://github.com/$repo/releases/download/v$version
else
  base=https://github.com/$repo/releases/latest/download
fi

fetch() { # URL FILE
  if [ -n "$local_base" ]; then
    cp "$local_base/${1##*/}" "$2" 2>/dev/null || die "cannot read $local_base/${1##*/}"
  elif command -v curl >/dev/null 2>&1; then
    curl -fsSL -o "$2" "$1" || die "cannot download $1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1" || die "cannot download $1"
  else
    die "curl or wget is needed to download hyperctl"
  fi
}

sha256() { # FILE
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    die "sha256sum or shasum is needed to check the download"
  fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hyperctl-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fetch "$base/SHA256SUMS" "$tmp/SHA256SUMS"
# The archive for this system: hyperctl_<version>_<os>_<arch>.<ext>. Without a version, the
# highest release (not a pre-release, as GitHub's "latest") when a mirror's SHA256SUMS lists several.
wanted=$(printf '%s' "$version" | sed 's/\./\\./g')
pattern="hyperctl_${wanted:-[0-9][0-9.]*}_${os}_${arch}\\.${ext}"
line=$(grep -E "^[0-9a-f]{64}  ${pattern}\$" "$tmp/SHA256SUMS" |
  sed 's/^\([^ ]*  hyperctl_\([^_]*\)_.*\)$/\2 \1/' |
  sort -t. -k1,1n -k2,2n -k3,3n | tail -n 1 | cut -d' ' -f2- || true)
[ -n "$line" ] || die "no hyperctl ${version:-release} for $os/$arch in $base/SHA256SUMS"
expected=${line%% *}
archive=${line##* }
version=${archive#hyperctl_}
version=${version%%_*}

echo "downloading $base/$archive" >&2
fetch "$base/$archive" "$tmp/$archive"
actual=$(sha256 "$tmp/$archive")
if [ "$actual" != "$expected" ]; then
  die "checksum mismatch for $archive: SHA256SUMS says $expected, the download is $actual; nothing was installed"
fi

mkdir "$tmp/x"
if [ "$ext" = zip ]; then
  (cd "$tmp/x" && unzip -q "../$archive") || die "cannot unpack $archive"
else
  (cd "$tmp/x" && tar -xzf "../$archive") || die "cannot unpack $archive"
fi
[ -f "$tmp/x/hyperctl$exe" ] || die "$archive holds no hyperctl$exe"

mkdir -p "$prefix" || die "cannot create $prefix"
# Copy beside the target, then rename: a running hyperctl is never overwritten in place.
for file in "hyperctl$exe" kubectl_complete-hyperctl; do
  [ -f "$tmp/x/$file" ] || continue
  cp "$tmp/x/$file" "$prefix/.$file.new" || die "cannot write to $prefix"
  chmod 755 "$prefix/.$file.new"
  mv -f "$prefix/.$file.new" "$prefix/$file" || die "cannot write $prefix/$file"
done

echo "installed hyperctl $version to $prefix/hyperctl$exe"
case ":${PATH:-}:" in
  *":$prefix:"*) ;;
  *) echo "$prefix is not on your PATH; add it:  export PATH=\"$prefix:\$PATH\"" ;;
esac
echo "shell completion:  source <(hyperctl completion bash)   (also zsh, fish)"
echo "as a kubectl plugin:  ln -s \"$prefix/hyperctl$exe\" \"$prefix/kubectl-hyperctl$exe\"  then  kubectl hyperctl vm list"
