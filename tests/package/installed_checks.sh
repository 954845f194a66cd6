# Sourced by the install tests (moved_install_test.sh, deb_test.sh) and by
# tools/package: runs an installed lektion as a user would, with the source
# tree it was built from hidden, so that everything it reads comes from the
# install. The source tree is hidden by an empty tmpfs mounted over it in a
# private mount namespace (unshare -rm: no root needed where user namespaces
# are allowed, as on Debian 12). Needs $WORK (outside the source tree).

# Sanitizer options name files in the source and build trees (the
# suppressions, the log folder), which are hidden too: copies go into $WORK,
# and the reports written there are moved back to the real log folder after.
prepare_sanitizer_env() {
  mkdir -p "$WORK/sanitizer-logs"
  REAL_LOGS=""
  local var value
  for var in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
    value=${!var:-}
    [ -n "$value" ] || continue
    if [[ $value =~ log_path=([^:]*)/ ]]; then
      REAL_LOGS=${BASH_REMATCH[1]}
      value=${value//log_path=$REAL_LOGS\//log_path=$WORK/sanitizer-logs/}
    fi
    if [[ $value =~ suppressions=([^:]*) ]]; then
      cp "${BASH_REMATCH[1]}" "$WORK/lsan.supp"
      value=${value//suppressions=${BASH_REMATCH[1]}/suppressions=$WORK/lsan.supp}
    fi
    export "$var=$value"
  done
}

return_sanitizer_logs() {
  if [ -n "${REAL_LOGS:-}" ] && compgen -G "$WORK/sanitizer-logs/*" >/dev/null; then
    mkdir -p "$REAL_LOGS"
    cp "$WORK"/sanitizer-logs/* "$REAL_LOGS"/
  fi
}

# run_hidden SOURCE_DIR COMMAND...: COMMAND with SOURCE_DIR empty.
run_hidden() {
  local source=$1
  shift
  # From /: the caller's working folder may be inside the hidden tree (CTest's is).
  unshare -rm bash -c 'mount -t tmpfs -o size=1m lektion-hidden "$0" && cd / && exec "$@"' "$source" "$@"
}

fail() {
  echo "FAIL: $*" >&2
  return_sanitizer_logs
  exit 1
}

# installed_checks SOURCE_DIR BIN COURSE_DIR: info, lint, courses, the text
# player through the whole course, and the screenshot tour, from the install.
installed_checks() {
  local source=$1 bin=$2 course=$3 out
  prepare_sanitizer_env
  cp "$(dirname "${BASH_SOURCE[0]}")/play_through.py" "$WORK/"
  run_hidden "$source" test ! -e "$source/CMakeLists.txt" || fail "the source tree is not hidden"
  export LEKTION_DATA_DIR=$WORK/data
  unset LEKTION_RESOURCES

  out=$(run_hidden "$source" "$bin" info) || fail "lektion info: $out"
  grep -q "^Karriereplanlægning og trivsel på arbejdspladsen$" <<<"$out" || fail "lektion info printed: $out"
  grep -q "id karriereplanlaegning · version" <<<"$out" || fail "lektion info printed: $out"

  out=$(run_hidden "$source" "$bin" lint "$course" 2>&1) || fail "lektion lint: $out"
  grep -q "1 translation, 24 interface catalogs; 0 errors, 0 warnings" <<<"$out" || fail "lektion lint printed: $out"

  out=$(run_hidden "$source" "$bin" courses 2>&1) || fail "lektion courses: $out"
  grep -q "^karriereplanlaegning  1.0.0 .*(shipped, $course)$" <<<"$out" || fail "lektion courses printed: $out"

  run_hidden "$source" python3 "$WORK/play_through.py" "$course" --locales "$course/../../locales" -- \
    "$bin" play --text --lang da --learner Pipe || fail "the text player did not complete the course"

  # The window: every screen drawn into PNG files (Xvfb from the caller, as in tools/check).
  [ -n "${DISPLAY:-}" ] || fail "no X display: run through xvfb-run"
  run_hidden "$source" "$bin" play --lang da --learner Skærm --screenshot "$WORK/shots" >/dev/null ||
    fail "the screenshot tour failed"
  local shots
  shots=$(find "$WORK/shots" -name '*.png' -size +10k | wc -l)
  [ "$shots" -ge 14 ] || fail "the screenshot tour drew $shots screens, expected at least 14"
  return_sanitizer_logs
  echo "installed checks passed: info, lint, courses, the whole course in the text player, $shots screenshots"
}
