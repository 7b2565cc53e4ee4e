#!/usr/bin/env bash
# Build and test Limber on Debian 13 (trixie) from a Debian 12 host: make a
# trixie chroot with debootstrap (once; later runs reuse it), install the
# dependencies inside with packaging/install-deps.sh, then run one workflow
# preset there with this source tree bind-mounted at the same path.
#
#   bash .ci/debian13.sh                 # cmake --workflow --preset asan
#   bash .ci/debian13.sh ci              # another workflow preset
#   bash .ci/debian13.sh -- CMD ARGS...  # any command, in the source tree
#
# Runs as root. The chroot is LIMBER_TRIXIE_ROOT (default /work/trixie); the
# mirror is the one the host's apt already uses. Everything is mounted in a
# private mount namespace, so nothing stays mounted after a run or a crash.
# The chroot builds in its own build/ tree (a directory of the chroot mounted
# over the source's build/): the host's CMake caches are never touched.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
root=${LIMBER_TRIXIE_ROOT:-/work/trixie}
suite=trixie

if ((EUID != 0)); then
  echo "debian13: must run as root (debootstrap, chroot, mounts)" >&2
  exit 1
fi

if [[ "${1:-}" == "--" ]]; then
  shift
  cmd=("$@")
else
  cmd=(cmake --workflow --preset "${1:-asan}")
fi

# The first Debian mirror in the host's apt sources (deb822 or one-line).
host_mirror() {
  local uri
  uri=$(grep -hoE '^URIs:[[:space:]]*[^[:space:]]+/debian/?$' \
          /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 |
        sed -E 's/^URIs:[[:space:]]*//') || true
  if [[ -z "$uri" ]]; then
    uri=$(grep -hoE '^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[^[:space:]]+/debian/?[[:space:]]' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
          head -n1 | awk '{print $NF}') || true
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

make_chroot() {
  local mirror security
  mirror=$(host_mirror)
  security=${mirror%/debian}/debian-security
  [[ "$security" != "$mirror" ]] || security=http://deb.debian.org/debian-security
  echo "debian13: debootstrap $suite from $mirror into $root"
  rm -rf "$root"
  command -v debootstrap >/dev/null ||
    apt-get install -y --no-install-recommends debootstrap
  debootstrap --variant=minbase "$suite" "$root" "$mirror"
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
  # A throw-away build system: dpkg need not fsync every file, and man-db
  # need not rebuild its index after each package (minutes on 2 cores).
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/limber-unsafe-io"
  echo 'man-db man-db/auto-update boolean false' | chroot "$root" debconf-set-selections
  # Inside a chroot no service may start (the .deb's tests install it).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  touch "$root/.limber-debootstrap-done"
}

[[ -e "$root/.limber-debootstrap-done" ]] || make_chroot
cp /etc/resolv.conf "$root/etc/resolv.conf"

# The chroot's build trees for this source tree (one per checkout, kept
# between runs so that a second run builds incrementally).
build="/var/lib/limber-build$src"
# Everything below runs in a private mount namespace: the mounts vanish with it.
mkdir -p "$root$build" "$src/build"
exec unshare --mount --propagation private -- bash -euo pipefail -c '
  root=$1 src=$2 build=$3; shift 3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mount -t tmpfs tmpfs "$root/tmp"
  mount -t tmpfs tmpfs "$root/run"
  mkdir -p "$root/run/user" "$root/run/lock"
  mkdir -p "$root$src"  # after the tmpfs mounts: the source may live in /tmp
  mount --bind "$src" "$root$src"
  mount --bind "$root$build" "$root$src/build"
  exec chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 bash -euo pipefail -c '\''
      cd "$1"; shift
      bash packaging/install-deps.sh
      "$@"'\'' chroot "$src" "$@"
' debian13 "$root" "$src" "$build" "${cmd[@]}"
