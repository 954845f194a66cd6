#!/usr/bin/env bash
# deb_package_test.sh BUILD_DIR SOURCE_DIR: CPack makes a .deb of this build
# (dpkg-shlibdeps for Depends), then deb_test.sh checks it unpacked.
set -euo pipefail
build=$1 source=$2
out=$(mktemp -d "${TMPDIR:-/tmp}/lektion-cpack.XXXXXX")
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log" >&2; exit 1; }
deb=$(ls "$out"/lektion_*.deb)
bash "$(dirname "$0")/deb_test.sh" "$deb" "$source"
