#!/usr/bin/env bash
# Sets everything up and opens the counter's window: the database is brought up to date, an empty
# one gets the demo outlet (its sign-ins are printed), and without a display a virtual one is used.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# The PC/SC service, with the virtual reader that the built-in simulator plugs into.
if ! pgrep -x pcscd >/dev/null; then
  setsid pcscd || echo "start: could not start pcscd; card reading will say so"
fi

.venv/bin/counter-app db upgrade
.venv/bin/counter-app demo seed --if-empty

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/counter-app "$@"
fi
exec .venv/bin/counter-app "$@"
