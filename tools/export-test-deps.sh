#!/usr/bin/env bash
# Installs the node packages of the browser-export tests into DIR, a folder
# in the build tree (never the product):
#   puppeteer-core  drives Debian's chromium (/usr/bin/chromium); it
#                   downloads no browser of its own
#   axe-core        the WCAG 2.1 A/AA checks, run inside each page
#   scorm-again     the LMS side of SCORM 1.2 and 2004, hosting the package
# Quick when they are there already; exits non-zero when npm or the registry
# cannot be reached, so that the test fails rather than passing unchecked.
# Installed without running install scripts: nothing here needs one.
#
#   tools/export-test-deps.sh DIR
set -euo pipefail
dir=${1:?usage: export-test-deps.sh DIR}
packages=(puppeteer-core@24.43.1 axe-core@4.14.1 scorm-again@3.4.3)

installed() {  # NAME VERSION
  [ -f "$dir/node_modules/$1/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' \
      "$dir/node_modules/$1/package.json" "$2"
}

missing=0
for p in "${packages[@]}"; do installed "${p%@*}" "${p##*@}" || missing=1; done
[ "$missing" = 0 ] && exit 0

command -v node >/dev/null || { echo "export-test-deps: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "export-test-deps: npm is not installed" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{ "private": true }' >"$dir/package.json"
if ! npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --save-exact "${packages[@]}" >&2; then
  echo "export-test-deps: npm could not install ${packages[*]} (is the registry reachable?)" >&2
  exit 1
fi
