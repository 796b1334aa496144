#!/usr/bin/env bash
# Runs a command in the private mount and network namespaces that `unshare -mn` made: the card
# tests' own pcscd gets a private /run/pcscd and its own loopback, so its vpcd ports
# (35963/35964) and socket never meet another run's or the workstation's.
set -euo pipefail
mount --make-rprivate /
mkdir -p /run/pcscd
mount -t tmpfs -o mode=0755 tmpfs /run/pcscd
ip link set lo up
export COUNTER_APP_CARD_NAMESPACE=1
exec "$@"
