#!/usr/bin/env bash
# Installs the Debian 12 packages SocketLab needs to build, run and test, when any is missing.
# Shared by scripts/run.sh and scripts/test.sh. Needs root or sudo.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
    libssl-dev zlib1g-dev libbrotli-dev libpsl-dev openssl ca-certificates curl
    python3 socat xxd nginx-light iproute2 procps util-linux tshark
    clang libclang-rt-14-dev
    xvfb xauth xdotool x11-apps fonts-dejavu-core
    dpkg-dev lintian
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
