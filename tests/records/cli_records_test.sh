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
# What this PC exports for the trainer's, before the erasure below changes it.
"$lektion" records export --format json --data-dir "$data" -o "$work/pc1.json"
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

# Usage errors: exit 2 and one line, never a silent default.
check "--data-dir \"\" is a usage error" exits 2 "$lektion" records list --data-dir ""
check "  ... one line" one_line
check "export --data-dir \"\" is a usage error" exits 2 "$lektion" records export --data-dir ""
check "report --data-dir \"\" is a usage error" exits 2 "$lektion" report --course "$course" --data-dir ""
check "export --learner \"\" is a usage error" exits 2 "$lektion" records export --learner "" --data-dir "$data"
check "  ... one line" one_line
check "delete --learner \"\" is a usage error" exits 2 "$lektion" records delete --learner "" --data-dir "$data"
check "a learner name with an escape sequence is refused as a usage error" \
  exits 2 "$lektion" records export --learner $'Eve\e[2J' --data-dir "$data"
check "  ... one line" one_line
check "  ... naming the character" grep -qF 'U+001B' "$work/stderr"
check "  ... and not echoing it to the terminal" bash -c "! grep -q $'\e' '$work/stderr'"
check "a name with a right-to-left override is refused as a usage error" \
  exits 2 "$lektion" records delete --learner $'Eve\xe2\x80\xaegnp.exe' --data-dir "$data"

# Every failure is one line that starts with "lektion: ", once.
check "a failure names the program once" exits 1 "$lektion" records delete --learner "Nobody" --data-dir "$data"
check "  ... at the start" grep -q '^lektion: ' "$work/stderr"
check "  ... not twice" bash -c "! grep -q 'lektion: lektion:' '$work/stderr'"
check "no home folder: one line, the prefix once" \
  exits 1 env -u LEKTION_DATA_DIR -u XDG_DATA_HOME -u HOME "$lektion" records list
check "  ... not twice" bash -c "grep -q '^lektion: ' '$work/stderr' && ! grep -q 'lektion: lektion:' '$work/stderr'"

# export -o never writes over the records, their log, a device, a FIFO or a folder.
sum=$(sha256sum <"$data/records.sqlite3")
check "export -o the records database is refused" \
  exits 2 "$lektion" records export --data-dir "$data" -o "$data/records.sqlite3"
check "  ... one line" one_line
check "  ... and the database is intact" [ "$(sha256sum <"$data/records.sqlite3")" = "$sum" ]
check "export -o the records' write-ahead log is refused" \
  exits 2 "$lektion" records export --data-dir "$data" -o "$data/records.sqlite3-wal"
check "  ... and none is created" [ ! -e "$data/records.sqlite3-wal" ]
check "export -o the records' -shm is refused" \
  exits 2 "$lektion" records export --data-dir "$data" -o "$data/records.sqlite3-shm"
mkfifo "$work/fifo"
check "export -o a FIFO is refused, without waiting for a reader" \
  exits 2 timeout 10 "$lektion" records export --data-dir "$data" -o "$work/fifo"
check "export -o a folder is refused" exits 2 "$lektion" records export --data-dir "$data" -o "$work"
check "  ... one line" one_line
check "export -o - writes to standard output" \
  bash -c "'$lektion' records export --data-dir '$data' -o - | head -c 3 | od -An -tx1 | tr -d ' ' | grep -qx efbbbf"
check "  ... and the database is still intact" [ "$(sha256sum <"$data/records.sqlite3")" = "$sum" ]

# verify reads a bounded regular file and says where JSON is broken.
"$lektion" records export --format xapi --data-dir "$data" -o "$work/all.xapi.json"
check "verify an export" exits 0 "$lektion" records verify "$work/all.xapi.json"
check "  ... chain intact" grep -q 'statements, chain intact$' "$work/stdout"
check "verify /dev/zero ends at once with one line" exits 1 timeout 10 "$lektion" records verify /dev/zero
check "  ... one line" one_line
check "  ... saying it is not a regular file" grep -qF '/dev/zero: not a regular file' "$work/stderr"
check "verify a FIFO ends at once with one line" exits 1 timeout 10 "$lektion" records verify "$work/fifo"
check "  ... one line" one_line
check "verify a folder fails with one line" exits 1 "$lektion" records verify "$work"
check "  ... one line" one_line
truncate -s 300M "$work/huge.json"
check "verify a file over the limit ends at once with one line" exits 1 timeout 10 "$lektion" records verify "$work/huge.json"
check "  ... saying why" grep -q 'larger than' "$work/stderr"
rm -f "$work/huge.json"
printf '[\n  {"id": 1},\n  {"id": tru}\n]\n' >"$work/bad.json"
check "verify malformed JSON fails" exits 1 "$lektion" records verify "$work/bad.json"
check "  ... as FILE:LINE:COLUMN" grep -qF "$work/bad.json:3:13: not valid JSON" "$work/stderr"
check "  ... one line" one_line
printf '[]\n' >"$work/empty.json"
check "verify an empty array fails" exits 1 "$lektion" records verify "$work/empty.json"
check "  ... no statements" grep -qF "$work/empty.json: no statements" "$work/stderr"

# Names an older lektion let in reach the terminal escaped, never as control sequences.
mkdir -p "$work/old" && cp "$data/records.sqlite3" "$work/old/"
sqlite3 "$work/old/records.sqlite3" "INSERT INTO learners (name, name_key, language, created_at)
  VALUES ('Eve' || char(27) || '[2J' || char(10) || 'x' || char(8238) || 'y',
          'eve' || char(27) || '[2j' || char(10) || 'x' || char(8238) || 'y', 'da', '2024-01-01T00:00:00.000Z')"
check "list escapes control characters" exits 0 "$lektion" records list --data-dir "$work/old"
check "  ... shown as code points" grep -qF 'Eve<U+001B>[2J<U+000A>x<U+202E>y' "$work/stdout"
check "  ... none reach the terminal" bash -c "! grep -q $'\e' '$work/stdout' && ! grep -q $'\xe2\x80\xae' '$work/stdout'"
check "report escapes control characters" exits 0 "$lektion" report --course "$course" --data-dir "$work/old"
check "  ... shown as code points (cut to the column)" grep -qF 'Eve<U+001B>[2J<U+000A>x…' "$work/stdout"
check "  ... none reach the terminal" bash -c "! grep -q $'\e' '$work/stdout'"
check "delete escapes the name it prints" exits 0 "$lektion" records delete --learner $'Eve\e[2J\nx\xe2\x80\xaey' --data-dir "$work/old"
check "  ... shown as code points" grep -qF 'Eve<U+001B>[2J<U+000A>x<U+202E>y' "$work/stdout"

# records import: the trainer's PC collects exports; each file reports new, present and refused.
check "import into an empty data folder" exits 0 "$lektion" records import "$work/pc1.json" --data-dir "$work/trainer"
check "  ... reports the events new" grep -qE "^$work/pc1.json: [0-9]+ events new, 0 already here, 0 refused; from PC" "$work/stdout"
check "import the same file twice: nothing new the second time" \
  exits 0 "$lektion" records import "$work/pc1.json" "$work/pc1.json" --data-dir "$work/trainer"
check "  ... both times" [ "$(grep -c ': 0 events new, [0-9]* already here, 0 refused' "$work/stdout")" = 2 ]
check "the report on the trainer's PC shows the imported learners" \
  bash -c "'$lektion' report --course '$course' --data-dir '$work/trainer' | grep -q '^Åse Ørsted .*complete\$'"
check "  ... and which PC their work came from" \
  bash -c "'$lektion' report --course '$course' --data-dir '$work/trainer' | grep -q '^Where the work was recorded'"
sum=$(sha256sum <"$work/trainer/records.sqlite3")
sed 's/"Åse Ørsted"/"Åse Örsted"/' "$work/pc1.json" >"$work/edited.json"
head -c 2000 "$work/pc1.json" >"$work/truncated.json"
"$lektion" records export --format xapi --data-dir "$data" -o "$work/statements.json"
for f in edited truncated statements; do
  check "an import of the $f file is refused" exits 1 "$lektion" records import "$work/$f.json" --data-dir "$work/trainer"
  check "  ... in one line naming the file" bash -c "[ \$(wc -l <'$work/stderr') = 1 ] && grep -qF 'lektion: $work/$f.json: ' '$work/stderr'"
done
check "  ... and the database is unchanged" [ "$(sha256sum <"$work/trainer/records.sqlite3")" = "$sum" ]
check "a refused file does not stop the others" \
  exits 1 "$lektion" records import "$work/edited.json" "$work/pc1.json" --data-dir "$work/trainer"
check "  ... which are imported" grep -q "^$work/pc1.json: 0 events new" "$work/stdout"
check "import /dev/zero ends at once with one line" exits 1 timeout 10 "$lektion" records import /dev/zero --data-dir "$work/trainer"
check "  ... one line" one_line
check "import without a file is a usage error" exits 2 "$lektion" records import --data-dir "$work/trainer"
"$lektion" records delete --learner "Bo Berg" --data-dir "$work/trainer" >/dev/null
check "an erased learner is not brought back by the old export" \
  exits 0 "$lektion" records import "$work/pc1.json" --data-dir "$work/trainer"
check "  ... which says why" grep -q '^  Bo Berg: [0-9]* events refused: the learner was erased here on .*--allow-deleted' "$work/stdout"
check "  ... and Bo stays erased" bash -c "! '$lektion' records list --data-dir '$work/trainer' 2>/dev/null | grep -q 'Bo Berg'"
check "--allow-deleted brings them back" \
  exits 0 "$lektion" records import --allow-deleted "$work/pc1.json" --data-dir "$work/trainer"
check "  ... Bo is back" bash -c "'$lektion' records list --data-dir '$work/trainer' 2>/dev/null | grep -q '^Bo Berg'"

# The trainer passphrase and learner PINs, from a script (standard input is not a terminal).
check "set the trainer passphrase" \
  exits 0 bash -c "printf 'Sommerfugl i Vejle\nSommerfugl i Vejle\n' | '$lektion' records passphrase --data-dir '$work/trainer'"
check "  ... kept only as a hash" bash -c "! grep -aq Sommerfugl '$work/trainer/records.sqlite3'"
check "changing it needs the current one" \
  exits 1 bash -c "printf 'gættet forkert\nNy kodesætning\nNy kodesætning\n' | '$lektion' records passphrase --data-dir '$work/trainer'"
check "  ... a wrong one is refused with a delay" grep -q 'wrong passphrase; the next try is heard in 1 s' "$work/stderr"
# A 1 s delay can pass while a loaded machine starts the next try: make it
# the sixth failure in a row (32 s), then let the time pass by ageing it.
sqlite3 "$work/trainer/records.sqlite3" "UPDATE trainer_passphrase SET failures = 6"
check "  ... and the next try soon after must wait" \
  exits 1 bash -c "printf 'Sommerfugl i Vejle\nNy kodesætning\nNy kodesætning\n' | '$lektion' records passphrase --data-dir '$work/trainer'"
check "  ... saying so" grep -Eq 'try again in (3[0-2]|[12][0-9]) s' "$work/stderr"
sqlite3 "$work/trainer/records.sqlite3" "UPDATE trainer_passphrase SET failed_at = failed_at - 40000"
check "  ... then the right one changes it" \
  exits 0 bash -c "printf 'Sommerfugl i Vejle\nNy kodesætning\nNy kodesætning\n' | '$lektion' records passphrase --data-dir '$work/trainer'"
check "two different new passphrases change nothing" \
  exits 1 bash -c "printf 'Ny kodesætning\nen\nto\n' | '$lektion' records passphrase --data-dir '$work/trainer'"
check "a forgotten passphrase is reset" exits 0 "$lektion" records passphrase --reset --data-dir "$work/trainer"
check "  ... and a new one set without the old" \
  exits 0 bash -c "printf 'Tredje kodesætning\nTredje kodesætning\n' | '$lektion' records passphrase --data-dir '$work/trainer'"
check "learner PINs are off by default" exits 0 "$lektion" records pins --data-dir "$work/trainer"
check "  ... says so" grep -qx 'learner PINs are off' "$work/stdout"
check "switch learner PINs on" exits 0 "$lektion" records pins on --data-dir "$work/trainer"
check "set a learner's PIN" exits 0 bash -c "printf '4711\n4711\n' | '$lektion' records pin --learner 'bo berg' --data-dir '$work/trainer'"
check "a PIN of letters is refused" exits 1 bash -c "printf 'abcd\nabcd\n' | '$lektion' records pin --learner 'Bo Berg' --data-dir '$work/trainer'"
check "  ... in one line" one_line
check "clear a learner's PIN" exits 0 "$lektion" records pin --learner "Bo Berg" --clear --data-dir "$work/trainer"
check "pins maybe is a usage error" exits 2 "$lektion" records pins maybe --data-dir "$work/trainer"

[ "$fails" = 0 ] && echo "all records commands behave" || { echo "$fails checks failed" >&2; exit 1; }
