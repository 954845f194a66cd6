#!/usr/bin/env bash
# What lektion exports, checked with the tools translation software is built
# on: XLIFF against the OASIS XLIFF 1.2 strict schema (xmllint), PO files with
# msgfmt --check and pofilter -t xmltags. Each check is also shown to fail on
# a broken file, so that a pass means something. Fails, never skips, when a
# tool or the schema is missing.
#
#   standard_tools_test.sh LEKTION COURSE_DIR LOCALES_DIR WORK_DIR
set -euo pipefail
lektion=$1 course_src=$2 locales_src=$3 work=$4

fail() { echo "standard_tools_test: $*" >&2; exit 1; }
for tool in xmllint msgfmt pofilter dpkg-deb; do
  command -v "$tool" >/dev/null ||
    fail "$tool is not installed (Debian packages: libxml2-utils gettext translate-toolkit)"
done
mkdir -p "$work"

# The schema as Debian ships it in php-symfony-translation, taken from the
# package file without installing it (PHP is not needed).
schemas=$work/symfony/usr/share/php/Symfony/Component/Translation/Resources/schemas
if [ ! -f "$schemas/xliff-core-1.2-strict.xsd" ]; then
  deb=$(ls /var/cache/apt/archives/php-symfony-translation_*.deb "$work"/php-symfony-translation_*.deb 2>/dev/null |
        head -n1 || true)
  if [ -z "$deb" ]; then
    (cd "$work" && apt-get download php-symfony-translation >&2) ||
      fail "cannot get php-symfony-translation (apt-get download); it holds the XLIFF 1.2 schema"
    deb=$(ls "$work"/php-symfony-translation_*.deb | head -n1)
  fi
  dpkg-deb -x "$deb" "$work/symfony"
fi
[ -f "$schemas/xliff-core-1.2-strict.xsd" ] && [ -f "$schemas/xml.xsd" ] ||
  fail "php-symfony-translation has no xliff-core-1.2-strict.xsd and xml.xsd"
# The schema imports http://www.w3.org/2001/xml.xsd: resolve it to the copy beside it.
cat >"$work/catalog.xml" <<CATALOG
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://$schemas/xml.xsd"/>
  <uri name="http://www.w3.org/2001/xml.xsd" uri="file://$schemas/xml.xsd"/>
</catalog>
CATALOG
export XML_CATALOG_FILES=$work/catalog.xml
validate() { xmllint --nonet --noout --schema "$schemas/xliff-core-1.2-strict.xsd" "$@"; }

run=$work/run
rm -rf "$run"
mkdir -p "$run"
cp -r "$course_src" "$run/course"
cp -r "$locales_src" "$run/locales"
export SOURCE_DATE_EPOCH=1700000000
# One stale unit, so that needs-review-translation, fuzzy and #| are in the files too.
sed -i 's/Som sagt er/Som nævnt er/' "$run/course/lektion1.xml"

for lang in en pl el; do
  "$lektion" xliff export "$run/course" --lang "$lang" -o "$run/course-$lang.xlf" 2>/dev/null
  "$lektion" po export "$run/course" --lang "$lang" -o "$run/course-$lang.po" 2>/dev/null
done
for lang in pl ga is; do
  "$lektion" xliff export --ui --locales "$run/locales" --lang "$lang" -o "$run/ui-$lang.xlf" 2>/dev/null
  "$lektion" po export --ui --locales "$run/locales" --lang "$lang" -o "$run/ui-$lang.po" 2>/dev/null
done
grep -q 'state="needs-review-translation"' "$run/course-en.xlf" || fail "no stale unit in the English export"
grep -q '^#, fuzzy' "$run/course-en.po" || fail "no fuzzy entry in the English export"

# XLIFF: the exports, the stored translations and the interface catalogs.
xliff_files=("$run"/*.xlf "$run"/course/translations/*/*.xlf "$run"/locales/*.xlf)
po_files=("$run"/*.po)
validate "${xliff_files[@]}" 2>"$run/xmllint.log" ||
  fail "not valid XLIFF 1.2 (strict): $(cat "$run/xmllint.log")"
sed 's/<target state="translated">/<target state="done">/' "$run/course-en.xlf" >"$run/invalid.xlf"
if validate "$run/invalid.xlf" 2>/dev/null; then fail "xmllint took an invalid state: the schema check is void"; fi

# PO: msgfmt --check with nothing to say, on every export.
for po in "${po_files[@]}"; do
  out=$(msgfmt --check -o /dev/null "$po" 2>&1) || fail "msgfmt --check rejects $po: $out"
  [ -z "$out" ] || fail "msgfmt --check warns on $po: $out"
done
printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n#, c-format\nmsgid "%%d x"\nmsgstr "x"\n' \
  >"$run/bad.po"
if msgfmt --check -o /dev/null "$run/bad.po" 2>/dev/null; then fail "msgfmt --check took a broken file"; fi

# A clean round trip: import the English file, export again: the same bytes,
# and pofilter finds no tag that differs between msgid and msgstr.
"$lektion" po import "$run/course" "$run/course-en.po" 2>/dev/null
"$lektion" po export "$run/course" --lang en -o "$run/again-en.po" 2>/dev/null
cmp -s "$run/course-en.po" "$run/again-en.po" || fail "export, import, export gave a different PO file"
for po in "$run/again-en.po" "$run/ui-pl.po"; do
  rm -f "$run/xmltags.po"
  pofilter --progress=none -t xmltags "$po" "$run/xmltags.po"
  if [ -f "$run/xmltags.po" ] && grep -q '^msgctxt' "$run/xmltags.po"; then
    fail "pofilter -t xmltags on $po: $(grep -A3 '^# (pofilter)' "$run/xmltags.po")"
  fi
done
sed '0,/msgstr "<b>Lesson 1:<\/b>/s//msgstr "<b>Lesson 1:/' "$run/again-en.po" >"$run/broken.po"
rm -f "$run/xmltags.po"
pofilter --progress=none -t xmltags "$run/broken.po" "$run/xmltags.po"
grep -q 'msgctxt "start.s2.l1.i1"' "$run/xmltags.po" 2>/dev/null ||
  fail "pofilter missed a tag left open: the tag check is void"

echo "standard tools: ${#xliff_files[@]} XLIFF files valid against xliff-core-1.2-strict.xsd," \
     "${#po_files[@]} PO exports pass msgfmt --check, pofilter -t xmltags clean after a round trip"
