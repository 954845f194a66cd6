#!/usr/bin/env bash
# The browser-export tests, one mode each (see CMakeLists.txt):
#   export_test.sh MODE LEKTION DRIVER COURSE FIXTURE WORK DEPS TESTS
set -euo pipefail
mode=$1 lektion=$2 driver=$3 course=$4 fixture=$5 work=$6/$1 deps=$7 tests=$8
node_dir=$6/node
tour=$(dirname "$course")/tour  # the course of every question type (content/tour)
rm -rf "$work"
mkdir -p "$work"
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*" >&2; exit 1; }

browser_deps() {
  [ -x /usr/bin/chromium ] || fail "chromium is not installed (tools/setup.sh installs it)"
  "$deps" "$node_dir" browser || fail "the node packages could not be installed"
}

case $mode in
cli)
  # An export writes a folder; twice into the same folder is fine.
  "$lektion" export html "$fixture" -o "$work/site" 2>"$work/out"
  grep -q 'pages' "$work/out" || fail "no summary line: $(cat "$work/out")"
  "$lektion" export html "$fixture" -o "$work/site" 2>/dev/null || fail "a second export into the same folder"
  [ -f "$work/site/index.html" ] && [ -f "$work/site/.lektion-export" ] || fail "no index.html or marker"
  # Refusals: one line, exit 2, nothing written.
  refuse() {  # DESCRIPTION COMMAND...
    local what=$1; shift
    set +e; "$@" >"$work/refused" 2>&1; local rc=$?; set -e
    [ "$rc" = 2 ] || fail "$what: exit $rc, not 2: $(cat "$work/refused")"
    [ "$(wc -l <"$work/refused")" = 1 ] || fail "$what: not one line: $(cat "$work/refused")"
  }
  cp -r "$fixture" "$work/course"
  refuse "into the course folder" "$lektion" export html "$work/course" -o "$work/course/site"
  [ ! -e "$work/course/site" ] || fail "wrote into the course"
  refuse "onto the course folder" "$lektion" export html "$work/course" -o "$work/course"
  mkdir -p "$work/own" && echo mine >"$work/own/notes.txt"
  refuse "into a folder of other files" "$lektion" export html "$fixture" -o "$work/own"
  [ ! -e "$work/own/index.html" ] || fail "wrote among someone's files"
  echo x >"$work/file"
  refuse "onto a file" "$lektion" export html "$fixture" -o "$work/file"
  refuse "scorm without --version" "$lektion" export scorm "$fixture" -o "$work/p.zip" --version 3
  refuse "a language the course lacks" "$lektion" export html "$fixture" --lang fr -o "$work/fr"
  refuse "a scorm zip in the course" "$lektion" export scorm "$work/course" --version 1.2 -o "$work/course/p.zip"
  mkdir -p "$work/data" && sqlite3 "$work/data/records.db" 'create table t(x)'
  refuse "over a database" "$lektion" export scorm "$fixture" --version 1.2 -o "$work/data/records.db"
  # The bundled course in both languages: figures for the report.
  for lang in da en; do
    "$lektion" export html "$course" --lang $lang -o "$work/bundled-$lang" 2>&1 | tail -1
  done
  du -sh "$work/bundled-da" | cut -f1 | sed 's/^/size of the Danish export: /'
  # A unit left untranslated: shown in Danish on the English page, with its own lang and the note.
  cp -r "$course" "$work/partial"
  sed -i '12d' "$work/partial/translations/en/lektion1.xlf"  # the target of the first section's heading
  "$lektion" export html "$work/partial" --lang en -o "$work/partial-en" 2>/dev/null
  grep -q '<h1 lang="da" class="untranslated">Introduktion</h1>' "$work/partial-en/lesson-1-1.html" ||
    fail "the untranslated heading is not marked with lang=\"da\""
  grep -q 'class="note-untranslated"' "$work/partial-en/lesson-1-1.html" || fail "no note on a page with untranslated text"
  grep -q '<html lang="en">' "$work/partial-en/lesson-1-1.html" || fail "the page is not in English"
  # Nothing in any file names anything outside the export.
  if grep -rlE '(https?:)?//[a-z0-9]' "$work/bundled-da" --include='*.html' --include='*.js' --include='*.css' |
     xargs -r grep -nE 'src="(https?:)?//|href="(https?:)?//|url\((https?:)?//|import .*//' ; then
    fail "a reference outside the export"
  fi
  ;;
equivalence)
  browser_deps
  # The gated fixture: many short sequences (ordered lessons, draw, attempts);
  # the bundled course: fewer long ones, long enough to reach its quiz; the
  # tour: every question type, partial credit, in both its languages, with
  # the typed answers (fill-in comparisons, numbers in several languages).
  "$driver" --typed >"$work/typed.json"
  for run in "$fixture 40 250 -" "$course 6 1000 -" "$tour 20 300 da" "$tour 8 300 en"; do
    set -- $run
    name=$(basename "$1")-$4
    lang=(); [ "$4" = - ] || lang=(--lang "$4")
    typed=(); [ "$4" = da ] && typed=("$work/typed.json")
    "$lektion" export html "$1" "${lang[@]}" -o "$work/$name" 2>/dev/null
    "$driver" "$1" 20260 "$2" "$3" "${lang[@]:1}" >"$work/$name.json"
    node "$tests/equivalence_test.js" "$node_dir" "$work/$name" "$work/$name.json" "${typed[@]}"
  done
  ;;
axe)
  browser_deps
  for lang in da en; do
    "$lektion" export html "$course" --lang $lang -o "$work/$lang" 2>/dev/null
    "$lektion" export html "$tour" --lang $lang -o "$work/tour-$lang" 2>/dev/null
  done
  "$lektion" export html "$fixture" -o "$work/gated" 2>/dev/null
  node "$tests/axe_test.js" "$node_dir" "$work"
  # The browser's progress file joins the records: imported, then in the trainer's list.
  "$lektion" records import "$work/browser-records.json" --data-dir "$work/data"
  "$lektion" records list --data-dir "$work/data" >"$work/list"
  grep -q 'Ann' "$work/list" || fail "the browser's learner is not in the records: $(cat "$work/list")"
  "$lektion" report --course "$fixture" --data-dir "$work/data" >"$work/report"
  grep -qE '^Ann +✓ +✓ +✓' "$work/report" || fail "the report does not show Ann's three lessons complete: $(cat "$work/report")"
  grep -qE '^Ann .* 1 of 3' "$work/report" || fail "the report does not show Ann's quiz attempt: $(cat "$work/report")"
  ;;
scorm)
  browser_deps
  for v in 1.2 2004; do
    "$lektion" export scorm "$fixture" --version $v -o "$work/gated-$v.zip"
    "$lektion" export scorm "$course" --lang en --version $v -o "$work/bundled-$v.zip"
    mkdir -p "$work/gated-$v" && (cd "$work/gated-$v" && python3 -m zipfile -e "../gated-$v.zip" .)
    python3 "$tests/check_manifest.py" "$v" "$work/gated-$v.zip"
    python3 "$tests/check_manifest.py" "$v" "$work/bundled-$v.zip"
    "$lektion" export scorm "$tour" --lang da --version $v -o "$work/tour-$v.zip"
    python3 "$tests/check_manifest.py" "$v" "$work/tour-$v.zip"
    mkdir -p "$work/tour-$v" && (cd "$work/tour-$v" && python3 -m zipfile -e "../tour-$v.zip" .)
  done
  node "$tests/scorm_test.js" "$node_dir" "$work"
  ;;
pdf)
  [ -x /usr/bin/chromium ] || fail "chromium is not installed (tools/setup.sh installs it)"
  "$lektion" export pdf "$course" --lang en -o "$work/workbook.pdf"
  head -c 4 "$work/workbook.pdf" | grep -q '%PDF' || fail "not a PDF"
  pages=$(pdfinfo "$work/workbook.pdf" | awk '/^Pages:/ {print $2}')
  echo "workbook: $pages pages, $(du -k "$work/workbook.pdf" | cut -f1) KiB"
  [ "$pages" -ge 6 ] || fail "the workbook has $pages pages; each of the 5 lessons starts a new one"
  # Every lesson's attention check and every quiz question is in it, with no navigation chrome.
  pdftotext "$work/workbook.pdf" "$work/workbook.txt"
  [ "$(grep -c 'Attention check$' "$work/workbook.txt")" = 5 ] || fail "not 5 attention checks in the workbook"
  ! grep -qE 'Skip to content|Next →|← Previous' "$work/workbook.txt" || fail "navigation printed in the workbook"
  # Lessons 2 to 5 each from a new page: the title is a page's first line.
  for n in 2 3 4 5; do
    awk -v RS='\f' -v n="$n" '{split($0, a, "\n"); if (index(a[1], "Lesson " n ":") == 1) found = 1} END {exit !found}' \
      "$work/workbook.txt" || fail "lesson $n does not start a page"
  done
  # A page to look at (the first attention check's).
  page=$(awk -v RS='\f' '/Attention check/ {print NR; exit}' "$work/workbook.txt")
  pdftoppm -r 60 -f "$page" -l "$page" -png "$work/workbook.pdf" "$work/workbook-page"
  # Without chromium: one line saying how.
  set +e; LEKTION_CHROMIUM= PATH=/nonexistent "$lektion" export pdf "$course" -o "$work/none.pdf" >"$work/no-chromium" 2>&1; rc=$?; set -e
  [ "$rc" = 2 ] && grep -q 'apt install chromium' "$work/no-chromium" || fail "without chromium: $(cat "$work/no-chromium")"
  ;;
*) fail "unknown mode $mode" ;;
esac
echo "export $mode: passed"
