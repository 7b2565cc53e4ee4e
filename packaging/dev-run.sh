#!/usr/bin/env bash
# Install what is missing, build Limber, and start it for a first look:
# limberd in demo mode (a micro-break falls due within 30 seconds) in the
# foreground, logging each event. Ctrl-C stops it; its timers are saved.
#
# On a desktop the demo follows your real keyboard and mouse. On a machine
# without a display (a server, a container) a pretend user types instead.
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

echo "dev-run: starting limberd --demo (Ctrl-C to stop)"
exec build/dev/daemon/limberd --foreground --demo "$@"
