#!/usr/bin/env bash
# Installs the .deb on this machine with apt, runs the installed limberd and
# validates the installed /etc/limber/limber.toml, then purges the package
# and checks that every file it installed, /etc/limber and the per-user
# enable links are gone. Changes the real system, so it runs only as root
# (exit 77 = skipped otherwise) and refuses to run when limber is already
# installed; the package is purged even when a check fails.
#
# Usage: install_purge.sh PACKAGES_DIR
set -uo pipefail
if ((EUID != 0)); then
  echo "SKIP: installing a package needs root"
  exit 77
fi
if dpkg-query -W -f='${Status}' limber 2>/dev/null | grep -q 'installed'; then
  echo "SKIP: a limber package is already installed; not touching it"
  exit 77
fi
deb=$(ls "$1"/limber_*.deb)
tmp=$(mktemp -d)
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }
cleanup() {
  if dpkg-query -W limber >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y limber >/dev/null 2>&1 || true
  fi
  [[ -n ${daemon_pid:-} ]] && kill "$daemon_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== apt-get install $deb"
# Dependencies come from the configured apt sources; no network is needed
# when they are installed already (they are, where limberd was built).
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" ||
  { echo "FAIL: apt-get install failed" >&2; exit 1; }
dpkg -L limber | sort >"$tmp/files"
echo "$(wc -l <"$tmp/files") paths installed"

echo "== the installed programs"
version=$(/usr/bin/limberd --version) || fail "limberd --version failed"
echo "$version"
[[ $version == "limberd "* ]] || fail "unexpected version line: $version"
[[ -L /etc/systemd/user/graphical-session.target.wants/limberd.service ]] ||
  fail "postinst did not enable limberd.service for all users"

echo "== run the installed limberd (demo activity, private runtime dir)"
mkdir -m 700 "$tmp/runtime" "$tmp/home"
env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" \
  /usr/bin/limberd --foreground --demo --source demo >"$tmp/limberd.log" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do [[ -S $tmp/runtime/limber/limberd.sock ]] && break; sleep 0.1; done
[[ -S $tmp/runtime/limber/limberd.sock ]] || fail "the installed limberd did not open its socket"

echo "== validate the installed /etc/limber/limber.toml"
if [[ -x /usr/bin/limberctl ]]; then
  /usr/bin/limberctl config validate /etc/limber/limber.toml || fail "limberctl config validate failed"
  for p in /etc/limber/policy-examples/*.toml; do
    /usr/bin/limberctl config validate "$p" || fail "$p does not validate"
  done
  # The daemon found its catalogue in /usr/share/limber.
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" \
    /usr/bin/limberctl exercises list >"$tmp/exercises" || fail "limberctl exercises list failed"
  grep -q chin-tuck "$tmp/exercises" || fail "the installed daemon lists no exercises"
fi
kill "$daemon_pid"; wait "$daemon_pid"; daemon_pid=
cat "$tmp/limberd.log"
# Without limberctl this is the validation: a config problem is logged with
# the file's path.
grep -q '/etc/limber/limber.toml:' "$tmp/limberd.log" && fail "limberd reported a problem in limber.toml"

echo "== apt-get purge limber"
DEBIAN_FRONTEND=noninteractive apt-get purge -y limber || fail "apt-get purge failed"
while read -r path; do
  # Directories other packages share (/usr, /usr/share/man/man1, ...) stay.
  [[ -d $path && ! -L $path ]] && continue
  [[ -e $path || -L $path ]] && fail "left behind: $path"
done <"$tmp/files"
for dir in /etc/limber /usr/share/limber /usr/share/doc/limber; do
  [[ -e $dir ]] && fail "left behind: $dir"
done
for link in /etc/systemd/user/graphical-session.target.wants/limberd.service /etc/systemd/user/limberd.service \
            /var/lib/systemd/deb-systemd-user-helper-enabled/limberd.service.dsh-also \
            /var/lib/systemd/deb-systemd-user-helper-masked/limberd.service; do
  [[ -e $link || -L $link ]] && fail "left behind: $link"
done
dpkg-query -W limber >/dev/null 2>&1 && fail "dpkg still knows the package"
((failed == 0)) && echo "install, run, validate and purge: all checks passed"
exit "$failed"
