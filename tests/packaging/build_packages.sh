#!/usr/bin/env bash
# Packs the .deb and the .rpm from an already built tree, with `cpack -G DEB`
# and `cpack -G RPM`: the binaries the test suite has just tested are the
# ones packaged, and nothing is compiled a third time.
#
# The tree must be configured the way a packager would configure it: for
# the prefix /usr (the daemon compiles in where its data lives) and with
# Debian's hardening flags (LIMBER_HARDENING, on by default). The ci preset
# is; a tree configured otherwise is refused with a message saying so.
#
# Usage: build_packages.sh BUILD_DIR SCRATCH_DIR
# Leaves the packages in SCRATCH_DIR/packages/.
set -euo pipefail
build=$1
scratch=$2
out=$scratch/packages

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
prefix=$(cache_value CMAKE_INSTALL_PREFIX)
if [[ $prefix != /usr ]]; then
  echo "FAIL: $build is configured for the prefix '$prefix'; packages need /usr" \
    "(cmake --preset ci, or -DCMAKE_INSTALL_PREFIX=/usr)" >&2
  exit 1
fi
if [[ $(cache_value LIMBER_HARDENING) != ON || -n $(cache_value LIMBER_SANITIZE) ]]; then
  echo "FAIL: $build is not a hardened build without sanitizers (LIMBER_HARDENING=ON, LIMBER_SANITIZE empty)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
for generator in DEB RPM; do
  cpack --config "$build/CPackConfig.cmake" -G "$generator" -B "$out" >"$scratch/cpack-$generator.log" 2>&1 ||
    { cat "$scratch/cpack-$generator.log"; exit 1; }
done
rm -rf "$out/_CPack_Packages"
ls -l "$out"
debs=("$out"/limber_*.deb)
rpms=("$out"/limber-*.rpm)
[[ -f "${debs[0]}" ]] || { echo "no .deb in $out" >&2; exit 1; }
[[ -f "${rpms[0]}" ]] || { echo "no .rpm in $out" >&2; exit 1; }
