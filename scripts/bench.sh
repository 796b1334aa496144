#!/usr/bin/env bash
# Runs a benchmark (default: all in bench/) inside private namespaces with its own pcscd.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
module=${1:-card_read}
exec unshare -mn -- scripts/in-card-namespace.sh .venv/bin/python -m "bench.$module"
