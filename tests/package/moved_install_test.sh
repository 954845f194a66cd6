#!/usr/bin/env bash
# moved_install_test.sh BUILD_DIR SOURCE_DIR: `cmake --install` into a
# temporary prefix, the prefix moved elsewhere, the source tree hidden: the
# moved program still finds its course and catalogs (../share/lektion from
# its own executable) and works. Also checks the installed desktop files:
# the layout, desktop-file-validate, appstreamcli, the MIME type, man -l.
set -euo pipefail
build=$1 source=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lektion-moved.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$(dirname "$0")/installed_checks.sh"

cmake --install "$build" --prefix "$WORK/first" >/dev/null
mv "$WORK/first" "$WORK/moved"
root=$WORK/moved
for f in bin/lektion share/lektion/courses/karriereplanlaegning/course.xml share/lektion/locales/da.xlf \
         share/lektion/schema/lektion.xsd share/doc/lektion/README.md share/doc/lektion/FORMAT.md \
         share/doc/lektion/TRANSLATING.md share/doc/lektion/PORTING.md share/doc/lektion/copyright \
         share/doc/lektion/examples/tour/course.xml share/doc/lektion/examples/tour/translations/da/lesson1.xlf \
         share/applications/org.lektion.Lektion.desktop share/metainfo/org.lektion.Lektion.metainfo.xml \
         share/mime/packages/lektion.xml share/icons/hicolor/scalable/apps/org.lektion.Lektion.svg \
         share/icons/hicolor/48x48/apps/org.lektion.Lektion.png share/man/man1/lektion.1.gz; do
  [ -s "$root/$f" ] || fail "the install has no $f"
done
[ "$(ls "$root/share/lektion/locales" | wc -l)" -eq 24 ] || fail "not 24 interface catalogs"

desktop-file-validate "$root/share/applications/org.lektion.Lektion.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --explain "$root/share/metainfo/org.lektion.Lektion.metainfo.xml" >/dev/null ||
  fail "appstreamcli validate"
# The MIME database built from the install knows *.lektion, and the desktop entry opens it.
mkdir -p "$WORK/mime" && cp -r "$root/share/mime/packages" "$WORK/mime/"
update-mime-database "$WORK/mime" >/dev/null 2>&1  # (it notes that the folder is not in XDG_DATA_DIRS)
grep -q "application/x-lektion-course:\*\.lektion" "$WORK/mime/globs2" || fail "the MIME type has no *.lektion glob"
grep -q "^MimeType=application/x-lektion-course;$" "$root/share/applications/org.lektion.Lektion.desktop" ||
  fail "the desktop entry does not open course packages"
# The man page renders without a warning and covers every command.
warnings=$(MANWIDTH=80 man --warnings -l "$root/share/man/man1/lektion.1.gz" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man -l warns: $warnings"
page=$(MANWIDTH=200 man -l "$root/share/man/man1/lektion.1.gz" 2>/dev/null)
commands=$("$build/lektion" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "lektion --help lists no commands"
for c in $commands; do
  grep -q "lektion $c\$" <<<"$page" || fail "the man page has no section for lektion $c"
done

installed_checks "$source" "$root/bin/lektion" "$root/share/lektion/courses/karriereplanlaegning"
# The tour, installed as the example to copy from, lints clean where it was installed.
out=$("$root/bin/lektion" lint "$root/share/doc/lektion/examples/tour" 2>&1) || fail "lektion lint of the example: $out"
grep -q "; 0 errors, 0 warnings" <<<"$out" || fail "lektion lint of the example printed: $out"
