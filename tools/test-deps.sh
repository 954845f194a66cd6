#!/usr/bin/env bash
# Installs the node packages of a test into DIR, a folder in the build tree
# (never the product):
#   schema (the default)  the public xAPI statement schema (tin-can-json-schema,
#                         draft-04) and ajv to check statements against it
#   lrs                   Learning Locker's statement service (xapi-statements),
#                         the real LRS the push tests send to
#   browser               the browser-export tests: puppeteer-core drives
#                         Debian's chromium (/usr/bin/chromium) and downloads no
#                         browser of its own; axe-core, the WCAG 2.1 A/AA checks
#                         run inside each page; scorm-again, the LMS side of
#                         SCORM 1.2 and 2004 that hosts the package
# Quick when they are there already; exits non-zero when npm or the registry
# cannot be reached, so that the test fails rather than passing unchecked.
# Packages are installed without running their install scripts: nothing here
# needs a native build.
#
#   tools/test-deps.sh DIR [schema|lrs|browser]
set -euo pipefail
dir=${1:?usage: test-deps.sh DIR [schema|lrs|browser]}
case ${2:-schema} in
  schema) packages=(tin-can-json-schema@2.0.0 ajv@8.20.0 ajv-draft-04@1.0.0) ;;
  lrs) packages=(xapi-statements@5.0.1) ;;
  # puppeteer-core 25 needs Node.js 22.
  browser) packages=(puppeteer-core@24.43.1 axe-core@4.14.1 scorm-again@3.4.3) ;;
  *) echo "usage: test-deps.sh DIR [schema|lrs|browser]" >&2; exit 2 ;;
esac

installed() {  # NAME VERSION
  [ -f "$dir/node_modules/$1/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' \
      "$dir/node_modules/$1/package.json" "$2"
}

missing=0
for p in "${packages[@]}"; do installed "${p%@*}" "${p##*@}" || missing=1; done
[ "$missing" = 0 ] && exit 0

command -v node >/dev/null || { echo "test-deps: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "test-deps: npm is not installed" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{ "private": true }' >"$dir/package.json"
if ! npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --save-exact "${packages[@]}" >&2; then
  echo "test-deps: npm could not install ${packages[*]} (is the registry reachable?)" >&2
  exit 1
fi
