#!/usr/bin/env bash
# Builds SocketLab and runs every test: once normally, once under AddressSanitizer and
# UndefinedBehaviorSanitizer, then the fuzz targets for a short while. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

jobs=$(nproc)
# Sanitized runs must not hide a leak or a wrong read behind a passing test.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen

echo "== build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
echo "== tests"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== build with ASan+UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSOCKETLAB_SANITIZE=ON -DSOCKETLAB_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$jobs"
echo "== tests under ASan+UBSan"
ctest --test-dir build-asan --output-on-failure -j "$jobs"
