#!/usr/bin/env bash
# hostile_test.sh LEKTION COURSE_DIR: course packages as they arrive by mail.
# A good one packs, installs, lists and plays; each hostile kind (made by
# make_hostile.py from the good one) is refused by install and by play with
# one line, and leaves nothing behind: no course, no temporary folder, no
# file where its names point. A newer installed version is kept unless --force.
set -euo pipefail
lektion=$1 course=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lektion-hostile.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export LEKTION_DATA_DIR=$WORK/home/data TMPDIR=$WORK/tmp
mkdir -p "$TMPDIR"
fail() { echo "FAIL: $*" >&2; exit 1; }

# one_line STATUS OUTPUT: exit 1 and one line of output.
one_line() {
  [ "$1" -eq 1 ] || fail "exit status $1, expected 1: $2"
  [ "$(printf '%s\n' "$2" | wc -l)" -eq 1 ] || fail "expected one line, got: $2"
}

"$lektion" pack "$course" -o "$WORK/good.lektion" >/dev/null 2>&1 || fail "pack of the bundled course"
python3 "$(dirname "$0")/make_hostile.py" "$WORK/good.lektion" "$WORK/hostile"

declare -A expect=(
  [dotdot]="climbs out of its folder"
  [absolute]="is an absolute path"
  [symlink]="is a symbolic link"
  [ratio]="compressed more than 100:1"
  [entries]="more than 4096 entries"
  [duplicate]="appears twice"
  [checksum]="does not match its checksum"
  [outside]="is outside course/"
)
for kind in "${!expect[@]}"; do
  file=$WORK/hostile/$kind.lektion
  [ -f "$file" ] || fail "no fixture $kind"
  for command in install play; do
    args=("$command" "$file")
    [ "$command" = play ] && args+=(--text --learner Mallory)
    set +e
    out=$("$lektion" "${args[@]}" 2>&1 </dev/null)
    status=$?
    set -e
    one_line "$status" "$out"
    grep -q -- "${expect[$kind]}" <<<"$out" || fail "$command $kind: expected '${expect[$kind]}', got: $out"
    grep -q "^lektion: $file: " <<<"$out" || fail "$command $kind: the line does not name the file: $out"
  done
  # Nothing installed, nothing left in the courses folder or in $TMPDIR,
  # nothing where the names point.
  [ -z "$(ls -A "$LEKTION_DATA_DIR/courses" 2>/dev/null)" ] || fail "$kind left: $(ls -A "$LEKTION_DATA_DIR/courses")"
  [ -z "$(ls -A "$TMPDIR")" ] || fail "$kind left in TMPDIR: $(ls -A "$TMPDIR")"
  for evil in "$WORK"/evil-* "$WORK"/home/evil-* "$WORK"/hostile/evil-*; do
    [ -e "$evil" ] && fail "$kind wrote $evil"
  done
  echo "refused $kind: $out"
done

# Not a zip at all, and a truncated one.
printf 'no zip' >"$WORK/junk.lektion"
head -c 2000 "$WORK/good.lektion" >"$WORK/cut.lektion"
for f in junk cut; do
  set +e
  out=$("$lektion" install "$WORK/$f.lektion" 2>&1)
  status=$?
  set -e
  one_line "$status" "$out"
  grep -q "not a course package" <<<"$out" || fail "$f: $out"
done

# The good package: installs, is listed, plays without installing.
out=$("$lektion" install "$WORK/good.lektion" 2>&1) || fail "install: $out"
grep -q "installed 'karriereplanlaegning' version 1.0.0 in $LEKTION_DATA_DIR/courses/karriereplanlaegning$" <<<"$out" ||
  fail "install said: $out"
diff -r "$course" "$LEKTION_DATA_DIR/courses/karriereplanlaegning" || fail "the installed course differs from the packed one"
"$lektion" courses | grep -q "^karriereplanlaegning  1.0.0  .*(installed by you, $LEKTION_DATA_DIR/courses/karriereplanlaegning)$" ||
  fail "courses: $("$lektion" courses)"
out=$("$lektion" play "$WORK/good.lektion" --text --learner Ane --lang da 2>&1 </dev/null) || fail "play FILE: $out"
grep -q "playing $WORK/good.lektion from a temporary copy in $TMPDIR/lektion-play-" <<<"$out" || fail "play FILE said: $out"
grep -q "Karriereplanlægning og trivsel" <<<"$out" || fail "play FILE did not show the course: $out"
[ -z "$(ls -A "$TMPDIR")" ] || fail "play FILE left $(ls -A "$TMPDIR")"

# Versions: 2.0.0 installed; 1.0.0 is refused (and 2.0.0 kept) until --force.
cp -r "$course" "$WORK/v2"
sed -i 's/version="1.0.0"/version="2.0.0"/' "$WORK/v2/course.xml"
"$lektion" pack "$WORK/v2" -o "$WORK/v2.lektion" >/dev/null 2>&1 || fail "pack v2"
out=$("$lektion" install "$WORK/v2.lektion" 2>&1) || fail "install v2: $out"
grep -q "version 2.0.0 (replacing version 1.0.0)" <<<"$out" || fail "install v2 said: $out"
set +e
out=$("$lektion" install "$WORK/good.lektion" 2>&1)
status=$?
set -e
one_line "$status" "$out"
grep -q "version 2.0.0 of 'karriereplanlaegning' is installed, newer than this package's 1.0.0; --force replaces it" <<<"$out" ||
  fail "older over newer: $out"
grep -q 'version="2.0.0"' "$LEKTION_DATA_DIR/courses/karriereplanlaegning/course.xml" || fail "the newer version is gone"
out=$("$lektion" install --force "$WORK/good.lektion" 2>&1) || fail "install --force: $out"
grep -q 'version="1.0.0"' "$LEKTION_DATA_DIR/courses/karriereplanlaegning/course.xml" || fail "--force did not replace"
[ "$(ls -A "$LEKTION_DATA_DIR/courses")" = karriereplanlaegning ] || fail "leftovers: $(ls -A "$LEKTION_DATA_DIR/courses")"

# pack: a course with errors is refused, and so is -o into the course itself.
cp -r "$course" "$WORK/broken"
sed -i 's/<title id="course.title">/<title id="course.title"><nonsense\/>/' "$WORK/broken/course.xml"
set +e
out=$("$lektion" pack "$WORK/broken" -o "$WORK/broken.lektion" 2>&1)
status=$?
set -e
[ "$status" -eq 1 ] || fail "pack of a broken course: status $status"
grep -q "has errors; nothing packed" <<<"$out" || fail "pack of a broken course said: $out"
[ ! -e "$WORK/broken.lektion" ] || fail "pack wrote a package of a broken course"
set +e
out=$("$lektion" pack "$course" -o "$course/x.lektion" 2>&1)
status=$?
set -e
[ "$status" -eq 2 ] && [ ! -e "$course/x.lektion" ] || fail "pack into the course folder: $status $out"
echo "hostile_test: all refused, nothing written outside"
