#!/usr/bin/env bash
# Runs every benchmark and prints one table (`python -m bench`; --quick, --only NAME), or with a
# module's name first (`scripts/bench.sh card_read`) that module's own table. As root, inside
# private namespaces, where the card benchmarks get their own pcscd.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ $# -gt 0 ] && [[ $1 != -* ]]; then
  command=(.venv/bin/python -m "bench.$1" "${@:2}")
else
  command=(.venv/bin/python -m bench "$@")
fi
if [ "$(id -u)" -eq 0 ] && unshare -mn true 2>/dev/null; then
  exec unshare -mn -- scripts/in-card-namespace.sh "${command[@]}"
fi
echo "bench: not root (or no namespaces): the card benchmarks are left out"
exec "${command[@]}"
