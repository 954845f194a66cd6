#!/usr/bin/env bash
# lektion records and lektion report as a trainer uses them, on records that
# real sessions produced (three learners, see records_fixture.cpp).
#
#   cli_records_test.sh LEKTION RECORDS_FIXTURE COURSE_DIR WORK_DIR
set -euo pipefail
lektion=$1 fixture=$2 course=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
data=$work/data
"$fixture" "$course" "$data"
fails=0
check() {  # DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what" >&2; fails=$((fails + 1)); fi
}
exits() {  # STATUS COMMAND...: runs it, keeps stderr in $work/stderr, compares the status
  local want=$1; shift
  set +e; "$@" >"$work/stdout" 2>"$work/stderr"; local got=$?; set -e
  [ "$got" = "$want" ] || { echo "  exit $got, wanted $want: $*; stderr: $(cat "$work/stderr")" >&2; return 1; }
}
one_line() { [ "$(wc -l <"$work/stderr")" = 1 ]; }

# CSV: BOM, header, CRLF, RFC 4180 quoting; with --course every lesson of every learner.
"$lektion" records export --data-dir "$data" -o "$work/all.csv"
check "CSV starts with a UTF-8 BOM" [ "$(head -c 3 "$work/all.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "CSV header" grep -q $'^\xEF\xBB\xBFlearner,course,course_version,item,item_id,title,completed,score_raw,score_max,score_percent,passed,started,completed_at,last_activity\r$' "$work/all.csv"
check "CSV lines end in CRLF" [ "$(grep -c $'\r$' "$work/all.csv")" = "$(wc -l <"$work/all.csv")" ]
check "CSV quotes a name with a comma and quotes" grep -q '^"Chloé ""CJ"", Jr.",karriereplanlaegning,' "$work/all.csv"
check "CSV output is private (0600)" [ "$(stat -c %a "$work/all.csv")" = 600 ]
"$lektion" records export --format csv --course "$course" --data-dir "$data" >"$work/course.csv"
check "CSV with --course: 3 learners x 5 lessons + 2 quiz attempts + header" [ "$(wc -l <"$work/course.csv")" = 18 ]
check "CSV shows the passed attempt" grep -q '^Åse Ørsted,karriereplanlaegning,1.0.0,quiz attempt,2,.*,yes,10,10,100.0,yes,' "$work/course.csv"

# One learner's data, found by a name in another case.
"$lektion" records export --format json --learner "ÅSE ØRSTED" --data-dir "$data" >"$work/ase.json"
check "JSON export of one learner holds her" grep -q '"name": "Åse Ørsted"' "$work/ase.json"
check "JSON export of one learner holds nobody else" bash -c "! grep -q 'Bo Berg' '$work/ase.json'"

# The report.
"$lektion" report --course "$course" --data-dir "$data" >"$work/report.txt"
check "report lists the learners" grep -q '^Åse Ørsted .*✓.*complete$' "$work/report.txt"
check "report has quiz scores" grep -q '^Åse Ørsted .*10/10 (100 %) .*2$' "$work/report.txt"
check "report has question shares" grep -q '^Quiz questions: correct first answers$' "$work/report.txt"
cat "$work/report.txt"

# Where the records live: --data-dir, then LEKTION_DATA_DIR, then XDG_DATA_HOME.
check "LEKTION_DATA_DIR is used" bash -c "LEKTION_DATA_DIR='$data' '$lektion' records list | grep -q '^Bo Berg'"
check "XDG_DATA_HOME/lektion is used" bash -c "env -u LEKTION_DATA_DIR XDG_DATA_HOME='$work/xdg' '$lektion' records list 2>&1 | grep -qF '$work/xdg/lektion/records.sqlite3: no learner records'"

# Erasure.
check "delete a learner" exits 0 "$lektion" records delete --learner "bo berg" --data-dir "$data"
check "the deleted learner is gone from the list" bash -c "! '$lektion' records list --data-dir '$data' | grep -q 'Bo Berg'"
check "the deleted learner's name is gone from the file's bytes" bash -c "! grep -aq 'Bo Berg' '$data/records.sqlite3'"
check "deleting nobody fails with one line" exits 1 "$lektion" records delete --learner "Nobody" --data-dir "$data"
check "  ... one line" one_line
check "delete without --learner is a usage error" exits 2 "$lektion" records delete --data-dir "$data"

# A database from a newer lektion: one line, and the file unchanged.
cp "$data/records.sqlite3" "$work/newer.sqlite3"
mkdir -p "$work/newer" && sqlite3 "$work/newer.sqlite3" "PRAGMA user_version = 9" && mv "$work/newer.sqlite3" "$work/newer/records.sqlite3"
sum=$(sha256sum <"$work/newer/records.sqlite3")
check "a newer database is refused" exits 1 "$lektion" records export --data-dir "$work/newer"
check "  ... in one line naming the file" grep -qF "$work/newer/records.sqlite3: written by a newer lektion (schema 9" "$work/stderr"
check "  ... one line" one_line
check "  ... and left untouched" [ "$(sha256sum <"$work/newer/records.sqlite3")" = "$sum" ]

check "verify on a file that is not JSON fails" exits 1 "$lektion" records verify "$course/course.xml"
check "verify on a missing file fails with one line" exits 1 "$lektion" records verify "$work/none.json"
check "  ... one line" one_line

[ "$fails" = 0 ] && echo "all records commands behave" || { echo "$fails checks failed" >&2; exit 1; }
