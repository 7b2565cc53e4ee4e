#!/usr/bin/env bash
# Checks the .rpm: its requirements were computed from the binaries
# (autoreq, by soname), it recommends the GNOME AppIndicator extension and
# names the Fedora release it targets, the files in /etc are
# %config(noreplace), and it does not claim directories that belong to
# other packages.
#
# Usage: check_rpm.sh PACKAGES_DIR
set -euo pipefail
rpm_file=$(ls "$1"/limber-*.rpm)
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { rpm -qp --nosignature "$@" "$rpm_file" 2>/dev/null; }

echo "== requires"
q --requires | tee "$1/rpm-requires.txt"
for lib in libuv.so.1 libsystemd.so.0 libsqlite3.so.0; do
  grep -q "^$lib" "$1/rpm-requires.txt" || fail "requires lacks $lib (autoreq off?)"
done
# Weak and scriptlet dependencies, and the Fedora release it says it targets.
q --recommends | grep -qx gnome-shell-extension-appindicator || fail "does not recommend the AppIndicator extension"
q --requires | grep -qx systemd || fail "no Requires(post) on systemd for its scriptlets"
q --info | grep -q "This package targets Fedora [0-9]* and later" || fail "does not say which Fedora it targets"

echo "== config files"
q --configfiles | tee "$1/rpm-config.txt"
grep -qx /etc/limber/limber.toml "$1/rpm-config.txt" || fail "limber.toml is not %config"
q --qf '[%{FILENAMES} %{FILEFLAGS:fflags}\n]' | grep '^/etc/limber/limber.toml ' | grep -q n ||
  fail "limber.toml is not %config(noreplace)"

echo "== files"
q --list | tee "$1/rpm-files.txt"
for f in /usr/bin/limberd /usr/lib/systemd/user/limberd.service /usr/share/limber/exercises.toml \
         /usr/share/man/man1/limberd.1.gz /usr/share/icons/hicolor/scalable/apps/io.github.limber.svg; do
  grep -qx "$f" "$1/rpm-files.txt" || fail "$f missing"
done
for d in /usr /usr/bin /usr/share /usr/share/icons /usr/share/icons/hicolor /usr/lib/systemd/user \
         /usr/share/man/man1 /etc; do
  if grep -qx "$d" "$1/rpm-files.txt"; then fail "claims $d, which other packages own"; fi
done
echo "== scripts"
q --scripts | grep -q 'systemctl --global enable limberd.service' || fail "no %post enabling the unit"
echo "rpm checks passed"
