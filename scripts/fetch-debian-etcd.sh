#!/usr/bin/env bash
# Fetches Debian's etcd 3.5 binaries (a second real etcd line for the tests) into a cache folder
# outside the repository, with apt-get download from the mirror this machine's Debian sources use.
# Usage: scripts/fetch-debian-etcd.sh [suite]   (trixie: 3.5.16, the default; sid: 3.5.30)
# Prints the folder holding usr/bin/etcd and usr/bin/etcdctl. Nothing is installed system-wide.
set -euo pipefail

suite="${1:-trixie}"
cache="${ETCD_DESK_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/etcd-desk-test}"
target="$cache/debian-$suite"

if [ -x "$target/usr/bin/etcd" ] && [ -x "$target/usr/bin/etcdctl" ]; then
  echo "$target"
  exit 0
fi

# The mirror is read from the machine's own Debian sources at run time (deb822 or one-line form),
# never written into the repository.
mirror="$(
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
    grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}'
  } | grep -v -- '-security' | head -n 1
)" || true
if [ -z "$mirror" ]; then
  echo "fetch-debian-etcd: no Debian mirror found in /etc/apt/sources.list*" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" >"$work/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=-"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache::Archives=$work/archives"
  -o "Dir::Cache::pkgcache="
  -o "Dir::Cache::srcpkgcache="
  -o "APT::Get::List-Cleanup=0"
  # Why: the work folder is private to this run; apt's _apt user cannot read it.
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_opts[@]}" update -qq >&2
(cd "$work/debs" && apt-get "${apt_opts[@]}" download etcd-server etcd-client >&2)

mkdir -p "$target.partial"
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$target.partial"; done
rm -rf "$target"
mv "$target.partial" "$target"
"$target/usr/bin/etcd" --version >&2
echo "$target"
