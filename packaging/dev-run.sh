#!/usr/bin/env bash
# Install what is missing, build Limber, and start it for a first look:
# limberd in demo mode (a micro-break falls due within 30 seconds), logging
# each event here, and the tray app, which shows the break prompt with its
# illustrated exercise. Ctrl-C stops both; the daemon saves its timers.
#
# On a desktop the demo follows your real keyboard and mouse. On a machine
# without a display (a server, a container) a pretend user types instead,
# and the tray runs on a virtual X server (Xvfb): follow it with
# `build/dev/ctl/limberctl watch` in another terminal.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

bash packaging/install-deps.sh
cmake --preset dev
cmake --build --preset dev

if [[ -z "${XDG_RUNTIME_DIR:-}" || ! -d "${XDG_RUNTIME_DIR}" ]]; then
  # No login session (root in a container, say): use a private directory.
  XDG_RUNTIME_DIR=$(mktemp -d "/tmp/limber-runtime.XXXXXX")
  export XDG_RUNTIME_DIR
  echo "dev-run: XDG_RUNTIME_DIR was not set; using $XDG_RUNTIME_DIR"
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "dev-run: starting limberd --demo (Ctrl-C stops Limber)"
build/dev/daemon/limberd --foreground --demo "$@" &
pids+=($!)
for _ in $(seq 50); do
  [[ -S "$XDG_RUNTIME_DIR/limber/limberd.sock" ]] && break
  sleep 0.1
done

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  echo "dev-run: starting limber-tray"
  build/dev/tray/limber-tray &
else
  echo "dev-run: no display here; starting limber-tray on a virtual X server (xvfb-run)"
  xvfb-run -a build/dev/tray/limber-tray &
fi
pids+=($!)
wait "${pids[0]}"
