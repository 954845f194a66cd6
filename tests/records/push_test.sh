#!/usr/bin/env bash
# lektion records push against a real Learning Record Store: Learning
# Locker's statement service (npm xapi-statements 5.0.1, see lrs.js) on a
# free loopback port, with a fault-injecting proxy (lrs_proxy.js) in front
# for the error cases. Everything stays on 127.0.0.1.
#
#   push_test.sh LEKTION RECORDS_FIXTURE RECORDS_CLASS COURSE_DIR WORK_DIR DEPS_SCRIPT TEST_DIR
set -euo pipefail
lektion=$1 fixture=$2 class=$3 course=$4 work=$5 deps=$6 here=$7
# A proxy from the environment would take the loopback requests elsewhere.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
unset LEKTION_LRS_USER LEKTION_LRS_PASSWORD

rm -rf "$work/data" "$work/class" "$work"/*.json "$work"/*.journal "$work"/*.log "$work/lrs-files"
mkdir -p "$work/lrs-files"
"$deps" "$work/node" lrs

fails=0
section() { echo "== $1 (at ${SECONDS} s)"; }
check() {  # DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what" >&2; fails=$((fails + 1)); fi
}
exits() {  # STATUS COMMAND...: runs it, keeps its output in $work/stdout and $work/stderr
  local want=$1; shift
  set +e; "$@" >"$work/stdout" 2>"$work/stderr"; local got=$?; set -e
  [ "$got" = "$want" ] || { echo "  exit $got, wanted $want: $*; stderr: $(cat "$work/stderr")" >&2; return 1; }
}
free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {  # PORT: until something listens there (at most 60 s)
  for _ in $(seq 600); do listening "$1" && return 0; sleep 0.1; done
  echo "nothing listens on port $1" >&2; return 1
}

lrs_port=$(free_port)
lrs_pid=
start_lrs() {  # JOURNAL
  AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory STORAGE_REPO=local \
    FS_LOCAL_STORAGE_DIR="$work/lrs-files" EXPRESS_PORT=$lrs_port WINSTON_CONSOLE_LEVEL=error \
    EXPRESS_MORGAN_DIRECTORY="$work/lrs-files" node "$here/lrs.js" "$work/node" "$1" >>"$work/lrs.log" 2>&1 &
  lrs_pid=$!
  wait_for "$lrs_port"
}
stop_lrs() {
  [ -n "$lrs_pid" ] || return 0
  kill -9 "$lrs_pid" 2>/dev/null || true
  wait "$lrs_pid" 2>/dev/null || true
  lrs_pid=
}
proxy_port=$(free_port)
node "$here/lrs_proxy.js" "$proxy_port" "$lrs_port" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
trap 'stop_lrs; kill "$proxy_pid" 2>/dev/null || true' EXIT
wait_for "$proxy_port"

lrs=http://127.0.0.1:$lrs_port
proxy=http://127.0.0.1:$proxy_port
fault() { node -e 'fetch(process.argv[1] + "/__fault", {method: "POST", body: process.argv[2]}).then((r) => process.exit(r.ok ? 0 : 1))' "$proxy" "$1"; }
proxy_log() { node -e 'fetch(process.argv[1] + "/__log").then((r) => r.text()).then((t) => console.log(t))' "$proxy" >"$work/proxy-log.json"; }
# node -e over the proxy's log: EXPR is true of the requests (array `log`).
log_says() { proxy_log; node -e "const log = require('$work/proxy-log.json'); process.exit(($1) ? 0 : 1)"; }

start_lrs "$work/lrs.journal"

# --- two learners, read back ----------------------------------------------------
section "two learners"
"$fixture" "$course" "$work/data"
printf 'hemmelig-kode\n' >"$work/password"
chmod 600 "$work/password"
push() { "$lektion" records push --data-dir "$work/data" "$@"; }
check "push two learners through the proxy" \
  exits 0 push --endpoint "$proxy/xAPI/" --learner "Åse Ørsted" --learner "bo berg" --batch 40 \
    --user skole --password-file "$work/password"
cat "$work/stdout"
check "  ... warns that the learners' home page is not configured" grep -q 'warning: .*give --home-page' "$work/stderr"
check "  ... says how many it sent" grep -qE '^http://127.0.0.1:[0-9]+/xAPI/: [0-9]+ statements sent in [0-9]+ batches' "$work/stdout"
check "  ... every POST carried the xAPI version and HTTP Basic auth" \
  log_says 'log.length > 1 && log.every((r) => r.method === "POST" && r.path === "/xAPI/statements" && r.version === "1.0.3" && r.authorized)'
check "  ... in batches of at most 40" log_says 'log.every((r) => r.statements <= 40)'
for who in "Åse Ørsted" "Bo Berg"; do
  "$lektion" records export --format xapi --data-dir "$work/data" --learner "$who" -o "$work/export-${who%% *}.json"
done
node "$here/lrs_read.js" "$lrs" "$work/read.json"
check "the LRS holds the same ids and content, each once" \
  node "$here/lrs_compare.js" "$work/read.json" "$work/export-Åse.json" "$work/export-Bo.json"
check "  ... and nothing of the third learner" bash -c "! grep -q 'Chlo' '$work/read.json'"
requests=$(proxy_log && node -e "console.log(require('$work/proxy-log.json').length)")
check "push again: nothing new" \
  exits 0 push --endpoint "$proxy/xAPI" --learner "Åse Ørsted" --learner "Bo Berg" --user skole --password-file "$work/password"
check "  ... it says so" grep -q 'nothing new to send' "$work/stdout"
check "  ... and sent nothing" log_says "log.length === $requests"
check "the endpoint's statements URL names the same endpoint" \
  exits 0 push --endpoint "$proxy/xAPI/statements" --learner "Åse Ørsted"
check "  ... nothing new" grep -q 'nothing new to send' "$work/stdout"
check "credentials are not stored in the records" bash -c "! grep -aq -e hemmelig -e skole '$work/data/records.sqlite3'"
check "  ... nor printed" bash -c "! grep -q -e hemmelig '$work/stdout' '$work/stderr'"

# --- credentials and endpoints refused before anything is sent ---------------------
section "refusals"
chmod 644 "$work/password"
check "a password file others can read is refused" \
  exits 2 push --endpoint "$proxy/xAPI/" --user skole --password-file "$work/password"
check "  ... in one line" [ "$(wc -l <"$work/stderr")" = 1 ]
chmod 600 "$work/password"
check "credentials in the URL are refused" exits 2 push --endpoint "http://skole:hemmelig@127.0.0.1:$proxy_port/xAPI/"
check "  ... without printing them" bash -c "! grep -q hemmelig '$work/stderr'"
check "an endpoint that is not http(s) is refused" exits 2 push --endpoint "file:///etc/passwd"
check "other account names for the same endpoint are refused" \
  exits 2 push --endpoint "$proxy/xAPI/" --home-page "https://other.example.org/learners"

# --- an LRS that fails in the ways LRSs fail ----------------------------------------
section "faults"
fault '{"status": 500, "times": 2}'
check "HTTP 500 twice: tried again, then sent" exits 0 push --endpoint "$proxy/xAPI/" --learner "Chloé \"CJ\", Jr."
check "  ... after saying so" grep -q 'answered HTTP 500: injected HTTP 500; trying again in 1.0 s' "$work/stderr"
check "  ... and the pause doubled" grep -q 'trying again in 2.0 s' "$work/stderr"

fault '{"status": 429, "retryAfter": 1, "times": 1}'
start=$(date +%s%N)
check "HTTP 429 with Retry-After: waits as asked, then sends" exits 0 push --endpoint "$proxy/xAPI/" --resend --learner "Bo Berg"
check "  ... waited the second asked" [ $(( ($(date +%s%N) - start) / 1000000 )) -ge 1000 ]
check "  ... and said so" grep -q 'HTTP 429.*trying again in 1.0 s' "$work/stderr"

# A batch holding one statement the LRS refuses: stop, show its message, keep the batches before.
bad_id=$(node -e "const s = require('$work/export-Åse.json'); console.log(s[60].id)")
fault "{\"status\": 400, \"whenBodyHas\": \"$bad_id\"}"
check "HTTP 400 on one statement: the push stops" exits 1 push --endpoint "$proxy/xAPI/" --resend --batch 25 --learner "Åse Ørsted"
check "  ... showing the LRS's message in one line" \
  bash -c "grep -q 'answered HTTP 400: injected HTTP 400' '$work/stderr' && [ \$(grep -c 'lektion: ' '$work/stderr') = 1 ]"
check "  ... after sending the batches before it" grep -qE ': 50 statements sent in 2 batches' "$work/stdout"
fault '{}'
check "  ... and the next push sends the rest" exits 0 push --endpoint "$proxy/xAPI/" --batch 25 --learner "Åse Ørsted"
check "  ... only the rest" bash -c "grep -qE ': [0-9]+ statements sent in [0-9]+ batches, 50 acknowledged before' '$work/stdout'"

fault '{"delayMs": 3000, "times": 1}'
check "a slow LRS: the request times out and is tried again" \
  exits 0 push --endpoint "$proxy/xAPI/" --resend --learner "Bo Berg" --timeout 1
check "  ... after saying it timed out" grep -qi 'timed out\|timeout' "$work/stderr"
fault '{}'

check "a wrong endpoint (HTTP 404) stops at once" exits 1 push --endpoint "$lrs/nothing-here/" --learner "Bo Berg"
check "  ... with one line naming the answer" [ "$(grep -c '^lektion: .*answered HTTP 404' "$work/stderr")" = 1 ]
check "  ... and nothing is taken as acknowledged" bash -c "! grep -q 'sent in' '$work/stdout' || grep -q ': 0 statements sent' '$work/stdout'"
dead=$(free_port)
check "an endpoint where nothing listens: gives up after the retries" \
  exits 1 push --endpoint "http://127.0.0.1:$dead/xAPI/" --learner "Bo Berg" --retries 1
check "  ... saying it could not reach it, and after how many tries" grep -q 'could not reach.*gave up after 2 tries' "$work/stderr"

# --- the figure: a class of 25 through the whole course ------------------------------
# Opt-in (LEKTION_FIGURES=1), like the other figures: it adds ten seconds.
if [ "${LEKTION_FIGURES:-0}" = 1 ]; then
section "figure"
stop_lrs
start_lrs "$work/class.journal"
"$class" "$course" "$work/class" 25 >/dev/null
"$lektion" records export --format xapi --data-dir "$work/class" -o "$work/class-export.json"
statements=$(node -e "console.log(require('$work/class-export.json').length)")
start=$(date +%s%N)
check "push 25 learners' whole course" exits 0 "$lektion" records push --data-dir "$work/class" --endpoint "$lrs/xAPI/"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "figure: $statements statements of 25 learners pushed in $elapsed ms ($(cat "$work/stdout"))"
node "$here/lrs_read.js" "$lrs" "$work/class-read.json"
check "  ... all of them held, once, as sent" node "$here/lrs_compare.js" "$work/class-read.json" "$work/class-export.json"
fi

# --- the LRS killed 20 times in the middle of a push, and lektion 4 times -------------
section "kills"
# The three learners' records again, to an LRS that starts empty, 10 statements
# a POST. A whole push is timed first, so that the kills land inside one on
# any machine, however slow.
stop_lrs
start_lrs "$work/kill.journal"
"$lektion" records export --format xapi --data-dir "$work/data" -o "$work/all-export.json"
kill_push() { "$lektion" records push --data-dir "$work/data" --endpoint "$lrs/xAPI/" --batch 10 "$@"; }
whole=100000
for _ in 1 2; do  # the quicker of two, so that the kills come before the end
  start=$(date +%s%N)
  kill_push --resend >/dev/null 2>&1
  took=$(( ($(date +%s%N) - start) / 1000000 ))
  [ "$took" -lt "$whole" ] && whole=$took
done
kill_start=$(date +%s)
lrs_kills=0 lektion_kills=0 missed=0 round=0
# Until the LRS has died 20 times in the middle of a push (a kill that comes
# after the push ended does not count, and makes the next come sooner: the
# machine may have been busier while the push was timed); every fifth round
# kills lektion.
while [ "$lrs_kills" -lt 20 ] && [ "$round" -lt 60 ]; do
  round=$((round + 1))
  # Without the exit-time leak check: a kill landing during it leaves a
  # sanitizer log (see tests/killed_on_purpose.hpp).
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" kill_push --retries 0 --resend >>"$work/kill.log" 2>&1 &
  pusher=$!
  delay=$(( whole * (20 + RANDOM % 60) / 100 ))
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  if [ $((round % 5)) = 0 ]; then
    if kill -9 "$pusher" 2>/dev/null; then lektion_kills=$((lektion_kills + 1)); else missed=$((missed + 1)) whole=$((whole * 3 / 4)); fi
    wait "$pusher" 2>/dev/null || true
  else
    stop_lrs
    # A push that ended well was over before the kill.
    if wait "$pusher" 2>/dev/null; then missed=$((missed + 1)) whole=$((whole * 3 / 4)); else lrs_kills=$((lrs_kills + 1)); fi
    start_lrs "$work/kill.journal"
  fi
done
echo "a whole push took $whole ms; killed the LRS $lrs_kills times and lektion $lektion_kills times mid-push" \
     "in $(( $(date +%s) - kill_start )) s ($missed kills came after a push had ended)"
check "the LRS was killed 20 times in the middle of a push" [ "$lrs_kills" = 20 ]
check "after the kills, the next push completes" exits 0 kill_push
cat "$work/stdout"
node "$here/lrs_read.js" "$lrs" "$work/kill-read.json"
check "  ... with no statement missing and none twice" \
  node "$here/lrs_compare.js" "$work/kill-read.json" "$work/all-export.json"

section "done"
[ "$fails" = 0 ] && echo "push behaves" || { echo "$fails checks failed" >&2; exit 1; }
