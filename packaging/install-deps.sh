#!/usr/bin/env bash
# Install the Debian packages Limber needs (packaging/debian-packages.txt)
# that are not installed yet, on Debian 12 and Debian 13 alike. A line may
# list alternatives, `a | b`: it is satisfied when one of them is installed,
# and otherwise the first one the running release offers is installed (so a
# versioned name such as libclang-rt-14-dev only stands in where the
# unversioned one does not exist). Runs apt-get update first when the
# package lists are missing or older than a day. Works as root or via sudo.
set -euo pipefail

list="$(dirname "$(readlink -f "$0")")/debian-packages.txt"
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$list")

installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# The lines of which no alternative is installed.
missing_lines=()
for line in "${wanted[@]}"; do
  IFS='|' read -ra alternatives <<<"$line"
  satisfied=0
  for pkg in "${alternatives[@]}"; do
    if installed "$pkg"; then satisfied=1; break; fi
  done
  ((satisfied)) || missing_lines+=("$line")
done

if ((${#missing_lines[@]} == 0)); then
  echo "install-deps: all ${#wanted[@]} packages are installed"
  exit 0
fi

if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps: need root to install: ${missing_lines[*]}" >&2
  echo "install-deps: run this script as root or install sudo" >&2
  exit 1
fi

lists=/var/lib/apt/lists
if [[ -z "$(find "$lists" -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n1)" ]]; then
  "${as_root[@]}" apt-get update
fi

# A package the configured archives can install (a candidate version).
available() {
  local candidate
  candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  [[ -n "$candidate" && "$candidate" != "(none)" ]]
}

missing=()
for line in "${missing_lines[@]}"; do
  IFS='|' read -ra alternatives <<<"$line"
  chosen=
  for pkg in "${alternatives[@]}"; do
    if available "$pkg"; then chosen=$pkg; break; fi
  done
  if [[ -z "$chosen" ]]; then
    echo "install-deps: no package of '${line//|/ | }' ($list) exists in this release's archives" >&2
    exit 1
  fi
  missing+=("$chosen")
done

echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
