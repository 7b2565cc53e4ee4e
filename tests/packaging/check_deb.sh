#!/usr/bin/env bash
# Checks the .deb: lintian finds no errors (its full output is printed, so
# warnings show in the test log), the control fields are right, shared
# library dependencies were computed, and the files in /etc are conffiles.
#
# Usage: check_deb.sh PACKAGES_DIR
set -euo pipefail
deb=$(ls "$1"/limber_*.deb)
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== lintian $deb"
# --fail-on error: warnings and infos are reported but do not fail.
lintian --fail-on error --display-info --tag-display-limit 0 \
  "$deb" | tee "$1/lintian.txt"

echo "== control fields"
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == limber ]] || fail "Package is $(field Package)"
[[ $(field Section) == utils ]] || fail "Section is $(field Section)"
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
depends=$(field Depends)
echo "Depends: $depends"
# limberd links libuv, libsystemd, SQLite and toml++ dynamically.
for lib in libuv1 libsystemd0 libsqlite3-0 libtomlplusplus3 libc6; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib (shlibdeps not computed?)"
done
# GNOME shows the tray icon only with the AppIndicator extension.
[[ $(field Recommends) == *gnome-shell-extension-appindicator* ]] ||
  fail "Recommends lacks gnome-shell-extension-appindicator: $(field Recommends)"

echo "== conffiles"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --control "$deb" "$tmp/control"
cat "$tmp/control/conffiles"
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\.||' | grep '^/etc/.*[^/]$' >"$tmp/etc-files"
while read -r f; do
  grep -qx "$f" "$tmp/control/conffiles" || fail "$f is in /etc but not a conffile"
done <"$tmp/etc-files"
grep -qx /etc/limber/limber.toml "$tmp/control/conffiles" || fail "limber.toml is not a conffile"
[[ $(wc -l <"$tmp/etc-files") -ge 5 ]] || fail "expected limber.toml and the example policies in /etc"
echo "deb checks passed"
