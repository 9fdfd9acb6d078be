#!/usr/bin/env bash
# Runs a test in a network namespace of its own with only the loopback interface up, so nothing a
# test does (a DNS query for an unknown name included) can leave the machine.
set -euo pipefail
if [ "${SOCKETLAB_IN_NETNS:-}" != 1 ]; then
    export SOCKETLAB_IN_NETNS=1
    if unshare -n true 2>/dev/null; then
        exec unshare -n "$0" "$@"
    elif unshare -rn true 2>/dev/null; then
        exec unshare -rn "$0" "$@"
    fi
    echo "offline.sh: cannot create a network namespace (unshare -n needs root or user namespaces)" >&2
    exit 1
fi
ip link set lo up
exec "$@"
