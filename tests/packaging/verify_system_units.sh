#!/usr/bin/env bash
# `systemd-analyze verify` on the fleet exporter's system units, as the
# build generates them (ExecStart pointed at the built binary, which must
# exist), plus the properties the package promises: hourly and persistent,
# sandboxed with no network, writing only the textfile directory. Any output
# from systemd-analyze fails the test (it returns 0 on unknown keys).
# Also checks the tmpfiles.d snippet makes the spool 0711 root:root.
#
# Usage: verify_system_units.sh GENERATED_SERVICE TIMER TMPFILES MAN_DIR EXPORTER_BINARY
set -euo pipefail
service=$1 timer=$2 tmpfiles=$3 man_dir=$4 exporter=$5
fail() { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/units" "$tmp/man/man1"
cp "$man_dir"/*.1 "$tmp/man/man1/"
installed_path=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$service")
sed "s|^ExecStart=[^ ]*|ExecStart=$exporter|" "$service" >"$tmp/units/limber-fleet-export.service"
cp "$timer" "$tmp/units/limber-fleet-export.timer"

[[ $installed_path == /*/limber-fleet-export ]] || fail "ExecStart=$installed_path"
for line in Type=oneshot ProtectSystem=strict PrivateNetwork=yes NoNewPrivileges=yes ProtectHome=yes \
            ReadWritePaths=-/var/lib/prometheus/node-exporter; do
  grep -qx "$line" "$service" || fail "the service lacks $line"
done
for line in OnCalendar=hourly Persistent=true WantedBy=timers.target; do
  grep -qx "$line" "$timer" || fail "the timer lacks $line"
done
grep -qx 'd /var/lib/limber/spool 0711 root root -' "$tmpfiles" || fail "the spool is not 0711 root:root"

cd "$tmp/units"
output=$(MANPATH=$tmp/man systemd-analyze verify ./limber-fleet-export.service ./limber-fleet-export.timer 2>&1) || {
  echo "$output"
  fail "systemd-analyze verify failed"
}
if [[ -n $output ]]; then
  echo "$output"
  fail "systemd-analyze verify printed warnings"
fi
echo "systemd-analyze verify: limber-fleet-export.service and .timer are clean"
