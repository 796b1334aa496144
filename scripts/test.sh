#!/usr/bin/env bash
# Sets everything up and runs the whole suite: lint, then every test (PostgreSQL, PC/SC and Qt).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check counter_app tests bench
pytest=(.venv/bin/python -m pytest "$@")
if [ "$(id -u)" -eq 0 ] && unshare -mn true 2>/dev/null; then
  # The card tests start their own pcscd; namespaces keep it apart from everything else.
  exec unshare -mn -- scripts/in-card-namespace.sh "${pytest[@]}"
fi
echo "test: not root (or no namespaces): PC/SC tests will skip; they need scripts/test.sh as root"
exec "${pytest[@]}"
