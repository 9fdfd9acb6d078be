#!/usr/bin/env bash
# Builds SocketLab and starts the window, with its embedded local servers. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target socketlab socketlab-cli
exec build/app/gui/socketlab "$@"
