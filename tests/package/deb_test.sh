#!/usr/bin/env bash
# deb_test.sh DEB_FILE SOURCE_DIR: unpacks a .deb with dpkg-deb -x into a
# temporary root and runs the program installed there, with the source tree
# hidden: info, lint, courses, the text player through the whole course, the
# screenshot tour. Run by the CTest suite on a .deb that CPack makes from the
# test build (deb_package_test.sh), and by tools/package on the release .deb.
set -euo pipefail
deb=$1 source=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lektion-deb.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$(dirname "$0")/installed_checks.sh"

dpkg-deb -x "$deb" "$WORK/root"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libsqlite3 libzip4 libglfw3 libicu; do
  grep -q "$lib" <<<"$depends" || fail "Depends has no $lib (dpkg-shlibdeps): $depends"
done
installed_checks "$source" "$WORK/root/usr/bin/lektion" "$WORK/root/usr/share/lektion/courses/karriereplanlaegning"
