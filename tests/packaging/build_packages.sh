#!/usr/bin/env bash
# Builds the .deb and the .rpm the way a packager would: a separate build
# tree configured for /usr (the daemon compiles in where its data lives),
# without the test suite, then `cpack -G DEB` and `cpack -G RPM`.
#
# Usage: build_packages.sh SOURCE_DIR SCRATCH_DIR
# Leaves the packages in SCRATCH_DIR/packages/. The scratch build directory
# is kept between runs, so a rerun only rebuilds what changed.
set -euo pipefail
src=$1
scratch=$2
build=$scratch/build
out=$scratch/packages

# Debian's hardening flags (fortify, stack protector, relro, bindnow), as a
# Debian build of the package would use them.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)

mkdir -p "$build"
cmake -S "$src" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_CXX_FLAGS="$cflags" -DCMAKE_C_FLAGS="$cflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
  -DLIMBER_BUILD_TESTS=OFF -DLIMBER_BUILD_BENCH=OFF >"$scratch/configure.log" ||
  { cat "$scratch/configure.log"; exit 1; }
cmake --build "$build" -j2 >"$scratch/build.log" 2>&1 || { tail -n 60 "$scratch/build.log"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
for generator in DEB RPM; do
  (cd "$build" && cpack -G "$generator" -B "$out") >"$scratch/cpack-$generator.log" 2>&1 ||
    { cat "$scratch/cpack-$generator.log"; exit 1; }
done
rm -rf "$out/_CPack_Packages"
ls -l "$out"
debs=("$out"/limber_*.deb)
rpms=("$out"/limber-*.rpm)
[[ -f "${debs[0]}" ]] || { echo "no .deb in $out" >&2; exit 1; }
[[ -f "${rpms[0]}" ]] || { echo "no .rpm in $out" >&2; exit 1; }
