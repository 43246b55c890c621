#!/usr/bin/env bash
# Crash-safety trials: run the job jar on MESSAGES seeded bounces, kill it (SIGKILL or a named crash
# point), rerun until it exits 0, and check that nothing was lost or counted twice.
#
#   scripts/crash-trials.sh [TRIALS] [MESSAGES]          (defaults 20 and 10000)
#
# Uses its OWN Dovecot instance (scripts/services.sh with MAIL_ROOT=$CRASH_MAIL_ROOT, ports
# $CRASH_IMAP_PORT/$CRASH_IMAPS_PORT) and its OWN database ($CRASH_DB), never the ones of the tests.
# Needs root (seeds the Maildir as vmail) and target/bounce-sweeper.jar (mvn -DskipTests package).
#
# A reference run (no kill) fixes the expected figures: bounce_event rows and a checksum of
#   SELECT recipient,status,soft_count,hard_count FROM recipient_state ORDER BY recipient.
# Each trial: reset mailbox + database, seed, start the jar, kill it one way, rerun (a rerun may be
# killed again, at random), then run to completion (exit 0) and check:
#   INBOX empty; every message in exactly one archive folder (distinct Message-IDs over the archive
#   folders' files == MESSAGES, and file count == MESSAGES); bounce_message rows == MESSAGES;
#   bounce_event rows and the recipient_state checksum == the reference run's.
# Kill modes, in rotation: sigkill-early (in the first 30 % of the job's time after Spring Boot has
# started: recovery, search, first fetches), sigkill-random (anywhere in the job), and crash points (the test bean io.bouncesweeper.robust.CrashPoints via BOUNCE_SWEEPER_TEST_CRASH_AT; they need CRASH_JAVA_CMD running the test classpath, as CrashTrialsDovecotTest does):
# before-commit:N, after-commit:N, during-move:N, after-move:N with a random N.
# Output: one line per trial and a final table; logs under $CRASH_MAIL_ROOT/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

TRIALS=${1:-${TRIALS:-20}}
MESSAGES=${2:-${MESSAGES:-10000}}
CRASH_MAIL_ROOT=${CRASH_MAIL_ROOT:-/tmp/bounce-sweeper-crash}
CRASH_IMAP_PORT=${CRASH_IMAP_PORT:-12143}
CRASH_IMAPS_PORT=${CRASH_IMAPS_PORT:-12993}
CRASH_DB=${CRASH_DB:-bounces_crash}
CRASH_JAVA_OPTS=${CRASH_JAVA_OPTS:--Xmx512m}
CRASH_CHUNK_SIZE=${CRASH_CHUNK_SIZE:-200}
CRASH_SEED=${CRASH_SEED:-4711}                 # the trials' random choices (kill time, mode, N)
CRASH_MAX_RUNS=${CRASH_MAX_RUNS:-8}            # runs per trial before it counts as failed
CRASH_SKIP_SERVICES=${CRASH_SKIP_SERVICES:-0}
CRASH_MODES=${CRASH_MODES:-sigkill-early,sigkill-random,after-commit,during-move,before-commit,after-move}
JAR=${JAR:-target/bounce-sweeper.jar}
CRASH_JAVA_CMD=${CRASH_JAVA_CMD:-}             # instead of "-jar $JAR", e.g. "-cp <classpath> io.bouncesweeper.BounceSweeperApplication" (the JUnit test)
IMAP_USER=bounces IMAP_PASSWORD=secret VMAIL_USER=${VMAIL_USER:-vmail}
DB_HOST=127.0.0.1 DB_PORT=3306 DB_USER=${DB_USER:-bounces} DB_PASSWORD=${DB_PASSWORD:-bounces}
MAILDIR=$CRASH_MAIL_ROOT/mail/$IMAP_USER/Maildir
CORPUS=$CRASH_MAIL_ROOT/corpus-$MESSAGES
LOGS=$CRASH_MAIL_ROOT/logs
MIX=${CRASH_MIX:-hard-550-5.1.1=60,soft-452-4.2.2=20,soft-421-4.7.0=15,non-report-autoreply=5}
RECIPIENTS=${CRASH_RECIPIENTS:-$(( MESSAGES / 5 > 0 ? MESSAGES / 5 : 1 ))}   # ~5 bounces per address: soft thresholds are crossed

JOB_ENV=(
  BOUNCE_SWEEPER_IMAP_HOST=127.0.0.1
  BOUNCE_SWEEPER_IMAP_PORT="$CRASH_IMAPS_PORT"
  BOUNCE_SWEEPER_IMAP_SECURITY=IMAPS
  BOUNCE_SWEEPER_IMAP_USER="$IMAP_USER"
  BOUNCE_SWEEPER_IMAP_PASSWORD="$IMAP_PASSWORD"
  BOUNCE_SWEEPER_IMAP_TRUST_STORE="$CRASH_MAIL_ROOT/cert.pem"
  BOUNCE_SWEEPER_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$CRASH_DB"
  BOUNCE_SWEEPER_DB_USER="$DB_USER"
  BOUNCE_SWEEPER_DB_PASSWORD="$DB_PASSWORD"
  BOUNCE_SWEEPER_CHUNK_SIZE="$CRASH_CHUNK_SIZE"
)

say() { printf '[crash] %s\n' "$*"; }
die() { printf '[crash] ERROR: %s\n' "$*" >&2; exit 1; }
sql() { mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$@"; }
count_files() { find "$@" -maxdepth 1 -type f 2>/dev/null | wc -l; }
archive_dirs() { local d; for d in "$MAILDIR"/.Bounces.*; do [ -d "$d" ] && printf '%s/cur\n%s/new\n' "$d" "$d"; done; return 0; }
[ "$(id -u)" = 0 ] || die "run as root: seeding chowns files to $VMAIL_USER"
[ -n "$CRASH_JAVA_CMD" ] || [ -f "$JAR" ] || die "$JAR missing: mvn -B -ntp -DskipTests package"
[ -n "$CRASH_JAVA_CMD" ] || CRASH_JAVA_CMD="-jar $JAR"
mkdir -p "$LOGS"

if [ "$CRASH_SKIP_SERVICES" != 1 ]; then
  MAIL_ROOT=$CRASH_MAIL_ROOT IMAP_PORT=$CRASH_IMAP_PORT IMAPS_PORT=$CRASH_IMAPS_PORT DB_NAME=$CRASH_DB \
    BENCH_DB_NAME=$CRASH_DB SERVICES_METRICS=0 IMAP_USER=$IMAP_USER IMAP_PASSWORD=$IMAP_PASSWORD VMAIL_USER=$VMAIL_USER \
    scripts/services.sh </dev/null >"$LOGS/services.log" 2>&1 || { tail -n 20 "$LOGS/services.log"; die "services.sh failed"; }
fi
[ -d "$MAILDIR/new" ] || die "no Maildir at $MAILDIR"

# ---------------------------------------------------------------- corpus (once per MESSAGES)
if [ "$(count_files "$CORPUS")" != "$MESSAGES" ]; then
  rm -rf "$CORPUS"; mkdir -p "$CORPUS"
  perl - "$MESSAGES" "$CORPUS" scripts/bench-templates "$MIX" "$RECIPIENTS" <<'PERL'
use strict; use warnings; use POSIX qw(strftime);
my ($count, $dir, $tdir, $mix, $rcpts) = @ARGV;
my (@names, @weights, %tpl);
for (split /,/, $mix) {
  my ($name, $w) = split /=/;
  open my $fh, '<:raw', "$tdir/$name.eml" or die "template $tdir/$name.eml: $!\n";
  local $/; $tpl{$name} = <$fh>; close $fh; push @names, $name; push @weights, $w;
}
my $total = 0; $total += $_ for @weights;
my @order; { my @acc = (0) x @names;
  for (1 .. $total) { my $best = 0;
    for my $i (0 .. $#names) { $acc[$i] += $weights[$i]; $best = $i if $acc[$i] > $acc[$best] }
    $acc[$best] -= $total; push @order, $names[$best] } }
my $base = 1795000000;                                  # fixed dates: the reference state is reproducible
for my $i (1 .. $count) {
  my $name = $order[($i - 1) % @order];
  my $num = sprintf '%06d', $i; my $t = $base + $i * 60;
  my %v = (RCPT => sprintf('user%06d@example.net', ($i * 7919) % $rcpts), MSGID => "crash-$num\@mx.bounce-sweeper.test",
    ORIG_MSGID => "news-$num\@lists.bounce-sweeper.test", DATE => strftime('%a, %d %b %Y %H:%M:%S +0000', gmtime $t),
    BOUNDARY => "=_crash_$num", QUEUEID => sprintf('Q%07dC', $i), N => $num);
  (my $msg = $tpl{$name}) =~ s/\@\@([A-Z_]+)\@\@/exists $v{$1} ? $v{$1} : die "unknown placeholder $1\n"/ge;
  my $size = length $msg;
  my $file = sprintf '%d.M%06dP1Q%d.crash,S=%d,W=%d', $t, $i, $i, $size, $size;
  open my $out, '>:raw', "$dir/$file" or die "$dir/$file: $!\n"; print $out $msg; close $out or die;
  utime $t, $t, "$dir/$file";
}
PERL
  say "corpus: $MESSAGES messages in $CORPUS ($RECIPIENTS recipients, mix $MIX)"
fi

reset_all() {
  find "$MAILDIR/cur" "$MAILDIR/new" "$MAILDIR/tmp" -maxdepth 1 -type f -delete
  find "$MAILDIR" -mindepth 1 -maxdepth 1 -type d -name '.Bounces*' -exec rm -rf {} +
  find "$MAILDIR" -mindepth 1 -maxdepth 1 -type f \( -name 'dovecot.index*' -o -name 'dovecot-uidlist' \
    -o -name 'dovecot.list.index*' -o -name 'dovecot-keywords' -o -name 'subscriptions' \) -delete
  cp -p "$CORPUS"/* "$MAILDIR/tmp/"
  chown -R "$VMAIL_USER:$VMAIL_USER" "$MAILDIR/tmp"
  find "$MAILDIR/tmp" -maxdepth 1 -type f -exec mv -t "$MAILDIR/new/" {} +
  sql -e "DROP DATABASE IF EXISTS \`$CRASH_DB\`; CREATE DATABASE \`$CRASH_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

# run_job <log> [crash spec] [kill after seconds]: prints the exit code (137 when killed)
run_job() {
  local log=$1 spec=${2:-} after=${3:-} pid rc
  env "${JOB_ENV[@]}" ${spec:+BOUNCE_SWEEPER_TEST_CRASH_AT=$spec SPRING_MAIN_SOURCES=io.bouncesweeper.robust.CrashPoints} java $CRASH_JAVA_OPTS $CRASH_JAVA_CMD </dev/null >"$log" 2>&1 &
  pid=$!
  if [ -n "$after" ]; then
    # the clock starts when Spring Boot has started (JVM start-up takes seconds, up to half a minute on a
    # loaded machine, and a kill then proves nothing); sleep in small steps so an early end is not waited for
    while kill -0 "$pid" 2>/dev/null && ! grep -aq 'Started BounceSweeperApplication' "$log"; do sleep 0.1; done
    local end; end=$(awk -v a="$after" 'BEGIN{print a*10}'); local i=0
    while [ $i -lt "$end" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null || true
  fi
  set +e; wait "$pid"; rc=$?; set -e
  echo "$rc"
}

peak_heap() { grep -ah 'peak heap:' "$@" 2>/dev/null | awk '{ if ($3+0 > m) m = $3+0 } END { print m+0 }'; }

check() {  # prints: inbox archived distinct dups quarantined messages events checksum
  local inbox archived distinct dups quarantined messages events checksum dirs
  inbox=$(count_files "$MAILDIR/cur" "$MAILDIR/new")
  mapfile -t dirs < <(archive_dirs)
  archived=$(count_files "${dirs[@]}")
  distinct=$( { [ ${#dirs[@]} -gt 0 ] && find "${dirs[@]}" -maxdepth 1 -type f -print0 | xargs -0 -r grep -aho -m1 '<crash-[0-9]*@'; } | sort -u | wc -l)
  dups=$(( archived - distinct ))
  quarantined=$(count_files "$MAILDIR/.Bounces.Unparsed/cur" "$MAILDIR/.Bounces.Unparsed/new")
  messages=$(sql "$CRASH_DB" -e 'SELECT COUNT(*) FROM bounce_message')
  events=$(sql "$CRASH_DB" -e 'SELECT COUNT(*) FROM bounce_event')
  checksum=$(sql "$CRASH_DB" -e 'SELECT recipient,status,soft_count,hard_count FROM recipient_state ORDER BY recipient' | sha256sum | cut -c1-16)
  echo "$inbox $archived $distinct $dups $quarantined $messages $events $checksum"
}

# ---------------------------------------------------------------- reference run
say "reference run: $MESSAGES messages, no kill"
reset_all
t0=$(date +%s.%N)
rc=$(run_job "$LOGS/reference.log")
REF_WALL=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
STARTUP=$(grep -ao 'process running for [0-9.]*' "$LOGS/reference.log" | awk '{print $4}' | head -1)
REF_SECS=$(awk -v w="$REF_WALL" -v s="${STARTUP:-0}" 'BEGIN{d = w - s; printf "%.1f", (d > 2 ? d : 2)}')   # the job itself
[ "$rc" = 0 ] || { tail -n 30 "$LOGS/reference.log"; die "reference run exited $rc"; }
read -r r_inbox r_archived r_distinct r_dups r_quar r_messages REF_EVENTS REF_CHECKSUM <<<"$(check)"
[ "$r_inbox" = 0 ] && [ "$r_distinct" = "$MESSAGES" ] && [ "$r_messages" = "$MESSAGES" ] ||
  die "reference run is not clean: inbox=$r_inbox archived=$r_archived distinct=$r_distinct messages=$r_messages"
CHUNKS=$(( (MESSAGES + CRASH_CHUNK_SIZE - 1) / CRASH_CHUNK_SIZE ))
say "reference: ${REF_WALL}s wall (job ${REF_SECS}s after start-up), events=$REF_EVENTS recipient_state checksum=$REF_CHECKSUM quarantined=$r_quar peak heap $(peak_heap "$LOGS/reference.log") MB"

# ---------------------------------------------------------------- trials
RANDOM=$CRASH_SEED
IFS=, read -r -a modes <<<"$CRASH_MODES"
printf '%-5s %-16s %-22s %5s %6s %6s %5s %9s %6s %6s %9s %s\n' trial mode first-kill runs kills archived lost double quarantined events checksum heapMB | tee "$LOGS/table.txt"
T_LOST=0 T_DUP=0 T_QUAR=0 T_FAIL=0 T_HEAP=0 T_KILLS=0
for trial in $(seq 1 "$TRIALS"); do
  mode=${modes[$(( (trial - 1) % ${#modes[@]} ))]}
  reset_all
  rm -f "$LOGS"/trial-"$trial"-*.log
  runs=0 kills=0 done=0 first=""
  while [ $runs -lt "$CRASH_MAX_RUNS" ]; do
    runs=$((runs + 1)); log="$LOGS/trial-$trial-run-$runs.log"
    spec="" after=""
    if [ $runs = 1 ]; then
      case $mode in
        sigkill-early) after=$(awk -v r=$RANDOM -v s="$REF_SECS" 'BEGIN{printf "%.1f", (r / 32767) * s * 0.3}'); first="kill -9 @+${after}s" ;;
        sigkill-random) after=$(awk -v r=$RANDOM -v s="$REF_SECS" 'BEGIN{printf "%.1f", (r / 32767) * s}'); first="kill -9 @+${after}s" ;;
        during-move) spec="$mode:$(( 1 + RANDOM % (CHUNKS * 2) ))"; first=$spec ;;
        *) spec="$mode:$(( 1 + RANDOM % CHUNKS ))"; first=$spec ;;
      esac
    elif [ $runs = 2 ] && [ $((RANDOM % 2)) = 0 ]; then
      after=$(awk -v r=$RANDOM -v s="$REF_SECS" 'BEGIN{printf "%.1f", (r / 32767) * s}')   # the rerun is killed too
    fi
    rc=$(run_job "$log" "$spec" "$after")
    if [ "$rc" = 0 ]; then done=1; break; fi
    kills=$((kills + 1))
    [ "$rc" = 137 ] || say "trial $trial run $runs exited $rc (not a kill): see $log"
  done
  read -r inbox archived distinct dups quar messages events checksum <<<"$(check)"
  lost=$(( MESSAGES - distinct + inbox ))
  heap=$(peak_heap "$LOGS"/trial-"$trial"-run-*.log)
  ok=1
  { [ $done = 1 ] && [ "$inbox" = 0 ] && [ "$distinct" = "$MESSAGES" ] && [ "$dups" = 0 ] &&
    [ "$messages" = "$MESSAGES" ] && [ "$events" = "$REF_EVENTS" ] && [ "$checksum" = "$REF_CHECKSUM" ]; } || ok=0
  double=$(( dups + (events > REF_EVENTS ? events - REF_EVENTS : 0) ))
  T_LOST=$((T_LOST + lost)); T_DUP=$((T_DUP + double)); T_QUAR=$((T_QUAR + quar)); T_KILLS=$((T_KILLS + kills))
  [ "$heap" -gt "$T_HEAP" ] && T_HEAP=$heap
  [ $ok = 1 ] || T_FAIL=$((T_FAIL + 1))
  printf '%-5s %-16s %-22s %5s %6s %6s %5s %9s %6s %6s %9s %s%s\n' "$trial" "$mode" "$first" "$runs" "$kills" "$archived" \
    "$lost" "$double" "$quar" "$events" "$([ "$checksum" = "$REF_CHECKSUM" ] && echo same || echo DIFFERENT)" "$heap" \
    "$([ $ok = 1 ] || echo "  FAILED (inbox=$inbox messages=$messages done=$done)")" | tee -a "$LOGS/table.txt"
done

echo
printf '%-8s %-9s %-6s %-15s %-12s %-13s %-6s %s\n' trials messages lost double-counted quarantined peak-heap-MB kills failed-trials
printf '%-8s %-9s %-6s %-15s %-12s %-13s %-6s %s\n' "$TRIALS" "$MESSAGES" "$T_LOST" "$T_DUP" "$T_QUAR" "$T_HEAP" "$T_KILLS" "$T_FAIL"
say "reference: events=$REF_EVENTS checksum=$REF_CHECKSUM; logs in $LOGS"
[ "$T_FAIL" = 0 ]
