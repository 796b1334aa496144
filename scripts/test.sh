#!/usr/bin/env bash
# Sets everything up and runs the whole suite: lint, then every test (PostgreSQL and Qt included).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check counter_app tests
exec .venv/bin/python -m pytest "$@"
