#!/usr/bin/env bash
# Installs the node packages of the xAPI schema test into DIR, a folder in the
# build tree (never the product): the public xAPI statement schema
# (tin-can-json-schema, draft-04) and ajv to check statements against it.
# Quick when they are there already; exits non-zero when npm or the registry
# cannot be reached, so that the test fails rather than passing unchecked.
#
#   tools/records-test-deps.sh DIR
set -euo pipefail
dir=${1:?usage: records-test-deps.sh DIR}
packages=(tin-can-json-schema@2.0.0 ajv@8.20.0 ajv-draft-04@1.0.0)

installed() {  # NAME VERSION
  [ -f "$dir/node_modules/$1/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' \
      "$dir/node_modules/$1/package.json" "$2"
}

missing=0
for p in "${packages[@]}"; do installed "${p%@*}" "${p##*@}" || missing=1; done
[ "$missing" = 0 ] && exit 0

command -v node >/dev/null || { echo "records-test-deps: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "records-test-deps: npm is not installed" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{ "private": true }' >"$dir/package.json"
if ! npm install --prefix "$dir" --no-audit --no-fund --save-exact "${packages[@]}" >&2; then
  echo "records-test-deps: npm could not install ${packages[*]} (is the registry reachable?)" >&2
  exit 1
fi
