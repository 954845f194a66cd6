#!/usr/bin/env bash
# The xAPI export of a real session, checked against the public statement
# schema, and its hash chain checked by lektion records verify.
#
#   xapi_schema_test.sh LEKTION RECORDS_FIXTURE COURSE_DIR WORK_DIR DEPS_SCRIPT VALIDATOR_JS [INTERACTION_TYPES]
set -euo pipefail
lektion=$1 fixture=$2 course=$3 work=$4 deps=$5 validator=$6 types=${7:-}

rm -rf "$work/data" "$work"/*.json
mkdir -p "$work"
"$fixture" "$course" "$work/data"
"$lektion" records export --format xapi --data-dir "$work/data" -o "$work/statements.json" \
  --home-page "https://training.example.org/learners"

"$deps" "$work/node"
node "$validator" "$work/node" "$work/statements.json" "$types"

out=$("$lektion" records verify "$work/statements.json")
echo "$out"
[[ $out =~ ^[0-9]+\ statements,\ chain\ intact$ ]] || { echo "FAIL: verify said: $out" >&2; exit 1; }

# One statement removed from the middle: verify must fail and name it.
node -e 'const fs = require("fs"); const s = JSON.parse(fs.readFileSync(process.argv[1]));
         s.splice(4, 1); fs.writeFileSync(process.argv[2], JSON.stringify(s, null, 2));' \
  "$work/statements.json" "$work/removed.json"
set +e
err=$("$lektion" records verify "$work/removed.json" 2>&1)
status=$?
set -e
echo "$err"
[ "$status" = 1 ] || { echo "FAIL: verify exited $status on a file with a statement removed" >&2; exit 1; }
[[ $err == *"statement 5 of"* ]] || { echo "FAIL: verify did not name statement 5" >&2; exit 1; }
echo "xAPI export valid against the schema; chain verified; removal detected"
