#!/usr/bin/env bash
# lint and the XML Schema agree: every file in fixtures/schema/good is
# accepted by both `lektion lint` and `xmllint --schema`, every file in
# fixtures/schema/bad is refused by both. A fixture is one file of a course,
# named for its kind (course-*, lesson-*, quiz-*); the script puts it into a
# course folder whose other files are valid, since lint checks whole courses.
# (Lint checks more than any schema can: ids unique across files, exactly
# one correct option, files that exist. Those cases are in loader_test.)
set -uo pipefail
LEKTION=$1 SCHEMA=$2 FIXTURES=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GOOD=$FIXTURES/good
failures=0

verdict() { if "$@" >/dev/null 2>&1; then echo accepts; else echo refuses; fi; }

for expected in good bad; do
  for fixture in "$FIXTURES/$expected"/*.xml; do
    name=$(basename "$fixture")
    course=$work/$name
    mkdir -p "$course"
    case $name in
      course-*) cp "$fixture" "$course/course.xml"; cp "$GOOD/lesson-with-check.xml" "$course/l1.xml" ;;
      lesson-*) cp "$GOOD/course-minimal.xml" "$course/course.xml"; cp "$fixture" "$course/l1.xml" ;;
      quiz-*)
        sed 's|</lessons>|</lessons>\n  <quiz href="quiz.xml"/>|' "$GOOD/course-minimal.xml" > "$course/course.xml"
        cp "$GOOD/lesson-with-check.xml" "$course/l1.xml"
        cp "$fixture" "$course/quiz.xml" ;;
      *) echo "$name: fixture names start with course-, lesson- or quiz-"; failures=$((failures + 1)); continue ;;
    esac
    want=$([ "$expected" = good ] && echo accepts || echo refuses)
    lint=$(verdict "$LEKTION" lint "$course")
    xsd=$(verdict xmllint --noout --schema "$SCHEMA" "$fixture")
    if [ "$lint" != "$want" ] || [ "$xsd" != "$want" ]; then
      echo "$expected/$name: lint $lint, xmllint --schema $xsd; both should $([ "$want" = accepts ] && echo accept || echo refuse)"
      [ "$lint" != "$want" ] && "$LEKTION" lint "$course" 2>&1 | sed 's/^/    lint: /' | head -5
      [ "$xsd" != "$want" ] && xmllint --noout --schema "$SCHEMA" "$fixture" 2>&1 | sed 's/^/    xmllint: /' | head -5
      failures=$((failures + 1))
    fi
  done
done
total=$(ls "$FIXTURES"/good/*.xml "$FIXTURES"/bad/*.xml | wc -l)
echo "$((total - failures)) of $total fixtures: lint and the schema agree"
[ "$failures" -eq 0 ]
