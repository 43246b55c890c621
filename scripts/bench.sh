#!/usr/bin/env bash
# End-to-end benchmark: seed COUNT bounce messages straight into the Dovecot Maildir, reset the
# benchmark database, run the job jar against them, print its summary and the rates.
#
#   scripts/bench.sh [--seed-only] [COUNT] [-- job args]    (COUNT defaults to 10000)
#   BENCH_SEEN=1 scripts/bench.sh 50000 -- --job=reprocess-historic   (historic job over seen mail)
#   BENCH_LAUNCH=jar scripts/bench.sh   (plain java -jar instead of the extracted jar + CDS archive)
#
#   (a) generates COUNT messages: by default (BENCH_MIX=fixtures) from every bounce fixture of the
#       project (src/test/resources/fixtures/**/*.eml: many MTA shapes, notices, garbage), each copy with
#       its own Message-ID, trace header and addresses (local part + .bNNNNN); or from scripts/bench-templates/*.eml (CRLF) with varied
#       recipients (user00001@example.net ...) when BENCH_MIX names templates (template=weight,...)
#   (b) empties the IMAP user's INBOX and Bounces/* folders and Dovecot's index files (UIDs restart)
#   (c) writes each message into Maildir/tmp/, chowns it to vmail, renames it into new/ (no IMAP APPEND),
#       or with BENCH_SEEN=1 into cur/ flagged \Seen (what a historic folder looks like)
#   (d) drops and recreates the benchmark database (BENCH_DB_NAME, never the test database)
#   (e) runs the plain client scripts/plain-imap-client.py on the seeded mailbox (the IMAP server's limit:
#       fetch per 1,000 pipelined, one MOVE at the end, compressed), seeds the same mail again, and
#   (f) runs java -jar target/bounce-sweeper.jar with the JOB_ENV below; skipped if the jar is missing
#   and prints both in-run rates, their ratio, CPU per message of every process, and the job's peak heap.
#   BENCH_PLAIN=0 skips the plain client.
# Logs: benchmark-data/bench-<UTC timestamp>.log (job output), benchmark-data/services.log.
set -euo pipefail
cd "$(dirname "$0")/.."

# ------------------------------------------------------------------ settings (override by env)
MAIL_ROOT=${MAIL_ROOT:-/tmp/bounce-sweeper-imap}            # same default as scripts/services.sh
IMAP_USER=${IMAP_USER:-bounces}
IMAP_PASSWORD=${IMAP_PASSWORD:-secret}
IMAPS_PORT=${IMAPS_PORT:-10993}
VMAIL_USER=${VMAIL_USER:-vmail}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
BENCH_DB_NAME=${BENCH_DB_NAME:-bounces_bench}
DB_USER=${DB_USER:-bounces}
DB_PASSWORD=${DB_PASSWORD:-bounces}
BENCH_JAR=${BENCH_JAR:-target/bounce-sweeper.jar}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}  # as the Helm chart runs it
BENCH_CHUNK_SIZE=${BENCH_CHUNK_SIZE:-1000}
BENCH_MIX=${BENCH_MIX:-fixtures}   # fixtures, or template=weight,... e.g. hard-550-5.1.1=70,soft-452-4.2.2=18,soft-421-4.7.0=10,non-report-autoreply=2
BENCH_FIXTURES=${BENCH_FIXTURES:-src/test/resources/fixtures}
BENCH_PLAIN=${BENCH_PLAIN:-1}                                # 0: don't run the plain client
BENCH_TAIL=${BENCH_TAIL:-20}                                 # job output lines shown at the end
BENCH_SKIP_SERVICES=${BENCH_SKIP_SERVICES:-0}                # 1: don't run scripts/services.sh first
BENCH_SEEN=${BENCH_SEEN:-0}                                  # 1: seed the messages as seen (\Seen in cur/)
BENCH_LAUNCH=${BENCH_LAUNCH:-cds}                            # cds: extracted jar + class-data archive (see below); jar: java -jar
MAILDIR=$MAIL_ROOT/mail/$IMAP_USER/Maildir
CERT=$MAIL_ROOT/cert.pem

# The job's configuration, in one place. Spring Boot binds BOUNCE_SWEEPER_IMAP_TRUST_STORE to
# bounce-sweeper.imap.trust-store (its legacy underscore form). The benchmark's own job definition
# (the nightly one with a configurable chunk size) is written to benchmark-data/jobs/.
BENCH_JOBS_DIR=benchmark-data/jobs
JOB_ENV=(
  BOUNCE_SWEEPER_IMAP_HOST=127.0.0.1
  BOUNCE_SWEEPER_IMAP_PORT="$IMAPS_PORT"
  BOUNCE_SWEEPER_IMAP_SECURITY=imaps
  BOUNCE_SWEEPER_IMAP_USER="$IMAP_USER"
  BOUNCE_SWEEPER_IMAP_PASSWORD="$IMAP_PASSWORD"
  BOUNCE_SWEEPER_IMAP_TRUST_STORE="$CERT"                    # PEM, self-signed by services.sh
  BOUNCE_SWEEPER_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$BENCH_DB_NAME"
  BOUNCE_SWEEPER_DB_USER="$DB_USER"
  BOUNCE_SWEEPER_DB_PASSWORD="$DB_PASSWORD"
  BOUNCE_SWEEPER_JOBS_DIR="$BENCH_JOBS_DIR"
  BOUNCE_SWEEPER_JOB=bench-sweep
)
mkdir -p "$BENCH_JOBS_DIR"
cat > "$BENCH_JOBS_DIR/bench-sweep.yml" <<YAML
description: Benchmark sweep of INBOX (written by scripts/bench.sh).
mailboxes:
  - folder: INBOX
select: UNSEEN
chunk-size: $BENCH_CHUNK_SIZE
YAML
# ------------------------------------------------------------------

SEED_ONLY=0
JOB_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seed-only) SEED_ONLY=1 ;;
    --) shift; JOB_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) [[ $1 =~ ^[0-9]+$ ]] || { echo "usage: $0 [--seed-only] [COUNT] [-- job args]" >&2; exit 2; }; COUNT=$1 ;;
  esac
  shift
done
COUNT=${COUNT:-10000}

say() { printf '[bench] %s\n' "$*"; }
proc_cpu() {  # CPU seconds of a process and its reaped children (0 when unknown)
  [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk -v t="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / t }' "/proc/$1/stat"
}
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.2f s, %.0f msg/s", s, (s > 0 ? n / s : 0) }'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
sql() { mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$@"; }
count_files() { find "$1/cur" "$1/new" -maxdepth 1 -type f 2>/dev/null | wc -l; }

mkdir -p benchmark-data
TS=$(date -u +%Y%m%dT%H%M%SZ)
LOG=benchmark-data/bench-$TS.log

# ---------------------------------------------------------------- launch layout
# BENCH_LAUNCH=cds runs the job the way docs/operations.md recommends for cron runs: the jar extracted
# (java -Djarmode=tools ... extract: plain class path, no nested-jar loader) plus an AppCDS archive made by
# one training run over 500 messages. Start-up then costs about 40 % less CPU, and on 2 cores the JIT
# is less behind when the first messages arrive. Both are rebuilt when the jar changes.
if [ "$BENCH_LAUNCH" = cds ] && [ "$SEED_ONLY" = 0 ] && [ -f "$BENCH_JAR" ]; then
  LAUNCH_DIR=target/launch
  if [ ! -f "$LAUNCH_DIR/app.jsa" ] || [ "$BENCH_JAR" -nt "$LAUNCH_DIR/app.jsa" ]; then
    rm -rf "$LAUNCH_DIR"
    java -Djarmode=tools -jar "$BENCH_JAR" extract --destination "$LAUNCH_DIR/app" >/dev/null || die "cannot extract $BENCH_JAR"
    say "training run for the class-data archive $LAUNCH_DIR/app.jsa (500 messages; log benchmark-data/cds-training.log)"
    BENCH_LAUNCH=jar BENCH_JAR="$LAUNCH_DIR/app/$(basename "$BENCH_JAR")" BENCH_SKIP_SERVICES=$BENCH_SKIP_SERVICES \
      BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS -XX:ArchiveClassesAtExit=$LAUNCH_DIR/app.jsa" BENCH_SEEN=$BENCH_SEEN \
      "$0" 500 -- "${JOB_ARGS[@]}" >benchmark-data/cds-training.log 2>&1 </dev/null \
      || { tail -n 20 benchmark-data/cds-training.log; die "CDS training run failed"; }
    BENCH_SKIP_SERVICES=1
  fi
  BENCH_JAR="$LAUNCH_DIR/app/$(basename "$BENCH_JAR")"
  BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS -XX:SharedArchiveFile=$LAUNCH_DIR/app.jsa"
fi

if [ "$BENCH_SKIP_SERVICES" != 1 ]; then
  say "services: scripts/services.sh (log benchmark-data/services.log)"
  MAIL_ROOT=$MAIL_ROOT IMAP_USER=$IMAP_USER IMAP_PASSWORD=$IMAP_PASSWORD VMAIL_USER=$VMAIL_USER \
    scripts/services.sh </dev/null >benchmark-data/services.log 2>&1 || { tail -n 20 benchmark-data/services.log; die "services.sh failed"; }
fi
[ -d "$MAILDIR/new" ] || die "no Maildir at $MAILDIR (run scripts/services.sh)"
[ "$(id -u)" = 0 ] || die "run as root: the seeder chowns files to $VMAIL_USER"
getent passwd "$VMAIL_USER" >/dev/null || die "user $VMAIL_USER missing"

seed_mailbox() {  # (b), (a)+(c): an empty INBOX holding COUNT fresh messages, indexed by Dovecot
# ---------------------------------------------------------------- (b) empty INBOX, Bounces/*, indexes
if pgrep -u "$VMAIL_USER" -x imap >/dev/null 2>&1; then
  say "WARNING: IMAP sessions of $VMAIL_USER are open; they will see the mailbox vanish under them"
fi
t0=$(now)
before=$(count_files "$MAILDIR"); before_bounces=0
for d in "$MAILDIR"/.Bounces "$MAILDIR"/.Bounces.*; do [ -d "$d" ] && before_bounces=$((before_bounces + $(count_files "$d"))); done
find "$MAILDIR/cur" "$MAILDIR/new" "$MAILDIR/tmp" -maxdepth 1 -type f -delete
find "$MAILDIR" -mindepth 1 -maxdepth 1 -type d \( -name '.Bounces' -o -name '.Bounces.*' -o -name '.Bench' -o -name '.Bench.*' \) -exec rm -rf {} +
# index, cache, uidlist, mailbox-list index: Dovecot then assigns UIDs from 1 under a new, larger UIDVALIDITY
# (dovecot-uidvalidity is kept on purpose: it makes each reset look like a recreated mailbox)
find "$MAILDIR" -mindepth 1 -maxdepth 1 -type f \( -name 'dovecot.index*' -o -name 'dovecot-uidlist' \
  -o -name 'dovecot.list.index*' -o -name 'dovecot-keywords' \) -delete
say "emptied INBOX ($before messages), Bounces/* ($before_bounces messages) and index files in $(elapsed "$t0" "$(now)") s"

# ---------------------------------------------------------------- (a)+(c) generate and deliver
t0=$(now)
perl - "$COUNT" "$MAILDIR" "$VMAIL_USER" scripts/bench-templates "$BENCH_MIX" "$BENCH_SEEN" "$BENCH_FIXTURES" <<'PERL'
use strict; use warnings; use POSIX qw(strftime); use Time::HiRes qw(time); use File::Find;
my ($count, $maildir, $vmail, $tdir, $mix, $seen, $fixtures) = @ARGV;
my (undef, undef, $uid, $gid) = getpwnam($vmail) or die "no user $vmail\n";
# templates and weights: the mix is spread evenly over the run (deterministic, no randomness)
my (@names, @weights, %tpl, %fixture);
if ($mix eq 'fixtures') {            # every fixture once per round, in file-name order
  my @files; find(sub { push @files, $File::Find::name if /\.eml$/ && -f }, $fixtures);
  die "no .eml fixtures under $fixtures\n" unless @files;
  for my $f (sort @files) {
    open my $fh, '<:raw', $f or die "$f: $!\n"; local $/; my $m = <$fh>; close $fh;
    $m =~ s/\r?\n/\r\n/g;           # Maildir holds what IMAP serves: CRLF
    (my $name = $f) =~ s{^\Q$fixtures\E/?}{};
    my $split = index($m, "\r\n\r\n"); $split = length($m) if $split < 0;
    my ($head, $rest) = (substr($m, 0, $split + 2), substr($m, $split + 2));
    $head =~ s/^Message-ID:[^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*//mig;   # each copy gets its own
    $tpl{$name} = "Received: from bench (localhost [127.0.0.1]) by mx.bounce-sweeper.test id \@\@QUEUEID\@\@; \@\@DATE\@\@\r\n"
                . "Message-ID: <\@\@MSGID\@\@>\r\n" . $head . $rest;
    $fixture{$name} = 1; push @names, $name; push @weights, 1;
  }
}
for (grep { $mix ne 'fixtures' } split /,/, $mix) {
  my ($name, $w) = split /=/;
  open my $fh, '<:raw', "$tdir/$name.eml" or die "template $tdir/$name.eml: $!\n";
  local $/; $tpl{$name} = <$fh>; close $fh;
  push @names, $name; push @weights, $w;
}
my $total = 0; $total += $_ for @weights;
my @slots; for my $i (0 .. $#names) { push @slots, ($names[$i]) x $weights[$i] }
my @order; { my @acc = (0) x @names;                 # smooth weighted round-robin over $total slots
  for (1 .. $total) { my $best = 0;
    for my $i (0 .. $#names) { $acc[$i] += $weights[$i]; $best = $i if $acc[$i] > $acc[$best] }
    $acc[$best] -= $total; push @order, $names[$best] } }
my $host = 'bench'; my $width = length($count) > 5 ? length($count) : 5;
my $base = time() - $count;                           # dates one second apart, ending now
my %n;
for my $i (1 .. $count) {
  my $name = $order[($i - 1) % @order]; $n{$name}++;
  my $num = sprintf "%0${width}d", $i;
  my $t = int($base + $i);
  my %v = (
    RCPT => "user$num\@example.net",
    MSGID => "bench-$num.$t\@mx.bounce-sweeper.test",
    ORIG_MSGID => "news-$num.20261127\@lists.bounce-sweeper.test",
    DATE => strftime('%a, %d %b %Y %H:%M:%S +0000', gmtime $t),
    BOUNDARY => "=_bench_${num}_" . sprintf('%08x', $t),
    QUEUEID => sprintf('Q%07dB%05X', $i, $t & 0xfffff),
    N => $num,
  );
  my $msg = $tpl{$name};
  if ($fixture{$name}) {                               # fixture text may hold @@ itself
    $msg =~ s/\@\@(QUEUEID|DATE|MSGID)\@\@/$v{$1}/g;
    # every copy fails for addresses of its own, as real mail does (few events per address)
    $msg =~ s/(?<![A-Za-z0-9._%+-])(?!(?i:postmaster|mailer-daemon)\@)([A-Za-z0-9][A-Za-z0-9._%+-]{0,40})\@(?=[A-Za-z0-9-]+\.[A-Za-z])/$1.b$num\@/g;
  }
  else { $msg =~ s/\@\@([A-Z_]+)\@\@/exists $v{$1} ? $v{$1} : die "unknown placeholder $1\n"/ge }
  my $size = length $msg;                              # CRLF already: physical size == virtual size
  my $file = sprintf '%d.M%06dP%dQ%d.%s,S=%d,W=%d', $t, $i % 1000000, $$, $i, $host, $size, $size;
  open my $out, '>:raw', "$maildir/tmp/$file" or die "$maildir/tmp/$file: $!\n";
  print $out $msg or die; close $out or die "close: $!\n";
  chown $uid, $gid, "$maildir/tmp/$file" or die "chown: $!\n";
  utime $t, $t, "$maildir/tmp/$file";                  # Maildir INTERNALDATE = mtime
  my $target = $seen ? "$maildir/cur/$file:2,S" : "$maildir/new/$file";
  rename "$maildir/tmp/$file", $target or die "rename: $!\n";
}
printf "[bench] mix: %s\n", $mix eq 'fixtures' ? scalar(@names) . " fixtures of $fixtures, " . int($count / @names) . "-" . int(($count + @names - 1) / @names) . " copies each"
                                              : join ', ', map { "$_=" . ($n{$_} // 0) } @names;
PERL
t1=$(now)
seeded=$(count_files "$MAILDIR")
[ "$seeded" = "$COUNT" ] || die "expected $COUNT files in $MAILDIR/new and cur, found $seeded"
SEED_SECS=$(elapsed "$t0" "$t1")
say "seeded $COUNT $([ "$BENCH_SEEN" = 1 ] && echo seen || echo unseen) messages into $MAILDIR: $(rate "$COUNT" "$SEED_SECS")"

# Let Dovecot build its index now (STATUS over IMAPS) so that the job's timing does not include it.
t0=$(now)
status=$(printf 'a LOGIN %s %s\r\nb STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY)\r\nc LOGOUT\r\n' "$IMAP_USER" "$IMAP_PASSWORD" |
  timeout 120 openssl s_client -quiet -connect "127.0.0.1:$IMAPS_PORT" -CAfile "$CERT" -verify_hostname localhost 2>/dev/null |
  grep -a '^\* STATUS' | tr -d '\r') || true
[ -n "$status" ] || die "IMAP STATUS over 127.0.0.1:$IMAPS_PORT failed (is Dovecot up? see $MAIL_ROOT/dovecot.log)"
say "Dovecot indexed in $(elapsed "$t0" "$(now)") s: $status"
}

seed_mailbox

# ---------------------------------------------------------------- (e) the plain client: the IMAP server's limit
PLAIN_LINE=""; plain_cpu=0
if [ "$BENCH_PLAIN" = 1 ] && [ "$SEED_ONLY" = 0 ]; then
  imap_cpu0=$(proc_cpu "$(cat "$MAIL_ROOT/run/master.pid" 2>/dev/null)")
  PLAIN_LINE=$(BENCH_IMAP_PASSWORD=$IMAP_PASSWORD /usr/bin/time -f '%U %S' -o "$LOG.plain-cpu" \
    python3 scripts/plain-imap-client.py --port "$IMAPS_PORT" --cafile "$CERT" --user "$IMAP_USER" \
    --password-env BENCH_IMAP_PASSWORD --folder INBOX --move-to Bench/Plain) || die "plain client failed"
  sleep 1   # Dovecot's imap process ends after LOGOUT; its CPU reaches the master once it is reaped
  imap_cpu1=$(proc_cpu "$(cat "$MAIL_ROOT/run/master.pid" 2>/dev/null)")
  PLAIN_IMAP_CPU=$(awk -v a="$imap_cpu0" -v b="$imap_cpu1" 'BEGIN { printf "%.2f", b - a }')
  plain_cpu=$(awk 'END {print $1 + $2}' "$LOG.plain-cpu")
  say "$PLAIN_LINE; client CPU $plain_cpu s, Dovecot CPU $PLAIN_IMAP_CPU s"
  say "seeding the same mail again for the job"
  seed_mailbox
fi

# ---------------------------------------------------------------- (d) benchmark database
sql -e "DROP DATABASE IF EXISTS \`$BENCH_DB_NAME\`; CREATE DATABASE \`$BENCH_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
  || die "cannot recreate $BENCH_DB_NAME as $DB_USER (run scripts/services.sh for the grants)"
say "recreated empty database $BENCH_DB_NAME"

# ---------------------------------------------------------------- (f) run the job
if [ "$SEED_ONLY" = 1 ]; then say "--seed-only: not running the job"; exit 0; fi
if [ ! -f "$BENCH_JAR" ]; then
  say "SKIPPED the job run: $BENCH_JAR not found. Build it with 'mvn -B -ntp -DskipTests package' (or set BENCH_JAR)."
  say "The mailbox and $BENCH_DB_NAME are seeded; run the jar yourself with:"
  printf '  env'; printf ' %q' "${JOB_ENV[@]}"; printf ' java %s -jar %s\n' "$BENCH_JAVA_OPTS" "$BENCH_JAR"
  exit 0
fi
say "running: java $BENCH_JAVA_OPTS -jar $BENCH_JAR ${JOB_ARGS[*]:-}   (output: $LOG)"
printf '%s\n' "${JOB_ENV[@]}" | sed 's/PASSWORD=.*/PASSWORD=***/; s/^/[bench]   /'
db_cpu0=$(proc_cpu "$(pgrep -x mariadbd | head -1)"); imap_cpu0=$(proc_cpu "$(cat "$MAIL_ROOT/run/master.pid" 2>/dev/null)")
t0=$(now)
set +e
# shellcheck disable=SC2086
/usr/bin/time -f '%U %S' -o "$LOG.cpu" env "${JOB_ENV[@]}" java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" "${JOB_ARGS[@]}" </dev/null >"$LOG" 2>&1
rc=$?
set -e
JOB_SECS=$(elapsed "$t0" "$(now)")
db_cpu1=$(proc_cpu "$(pgrep -x mariadbd | head -1)"); imap_cpu1=$(proc_cpu "$(cat "$MAIL_ROOT/run/master.pid" 2>/dev/null)")

echo "---------------- last $BENCH_TAIL lines of $LOG"
tail -n "$BENCH_TAIL" "$LOG"
echo "----------------"
left=$(count_files "$MAILDIR")
say "job exit code $rc; INBOX left: $left of $COUNT"
say "job wall time (JVM start included): $(rate "$((COUNT - left))" "$JOB_SECS") for the $((COUNT - left)) messages that left INBOX"
for d in "$MAILDIR"/.Bounces*; do
  [ -d "$d" ] && say "folder $(basename "$d" | sed 's/^\.//; s/\./\//g'): $(count_files "$d")"
done
for t in $(sql -e "SELECT table_name FROM information_schema.tables WHERE table_schema='$BENCH_DB_NAME' ORDER BY 1"); do
  say "table $t: $(sql "$BENCH_DB_NAME" -e "SELECT COUNT(*) FROM \`$t\`") rows"
done
say "seeding rate: $(rate "$COUNT" "$SEED_SECS")"
# CPU seconds of each party, which (unlike wall time) hardly depend on what else the machine runs.
job_cpu=$(awk 'END {print $1 + $2}' "$LOG.cpu" 2>/dev/null || echo 0)
say "$(awk -v j="$job_cpu" -v d0="$db_cpu0" -v d1="$db_cpu1" -v i0="$imap_cpu0" -v i1="$imap_cpu1" -v n="$COUNT" -v l="$(cat /proc/loadavg | cut -d' ' -f1-3)" \
  'BEGIN { printf "CPU seconds: job JVM %.1f, MariaDB %.1f, Dovecot %.1f (per 1,000 messages: %.2f, %.2f, %.2f); load average %s", j, d1-d0, i1-i0, (n ? j*1000/n : 0), (n ? (d1-d0)*1000/n : 0), (n ? (i1-i0)*1000/n : 0), l }')"
# ---------------------------------------------------------------- the job beside the limit
job_rate=$(grep -a -o 'messages read: *[0-9,]* in [0-9.]* s ([0-9,]* msg/s)' "$LOG" | tail -n 1 | sed 's/.*(\([0-9,]*\) msg\/s)/\1/; s/,//g')
peak_heap=$(grep -a -o 'peak heap: *[0-9,]* MB' "$LOG" | tail -n 1 | sed 's/[^0-9]//g')
if [ -n "$PLAIN_LINE" ]; then
  plain_rate=$(sed 's/.* rate=\([0-9]*\).*/\1/' <<<"$PLAIN_LINE")
  say "$(awk -v p="$plain_rate" -v j="${job_rate:-0}" -v pc="$plain_cpu" -v pi="$PLAIN_IMAP_CPU" -v jc="$job_cpu" \
    -v ji0="$imap_cpu0" -v ji1="$imap_cpu1" -v d0="$db_cpu0" -v d1="$db_cpu1" -v n="$COUNT" -v h="${peak_heap:-?}" 'BEGIN {
      printf "LIMIT vs JOB at %d messages: plain client %d msg/s, job in-run %d msg/s, ratio %.0f %%\n", n, p, j, (p ? 100 * j / p : 0);
      printf "[bench] CPU ms per message: plain client %.3f, its Dovecot %.3f | job JVM %.3f, its Dovecot %.3f (%.0f %% of the plain client'"'"'s), MariaDB %.3f | job peak heap %s MB",
        pc * 1000 / n, pi * 1000 / n, jc * 1000 / n, (ji1 - ji0) * 1000 / n, (pi > 0 ? 100 * (ji1 - ji0) / pi : 0), (d1 - d0) * 1000 / n, h }')"
else
  say "job in-run ${job_rate:-?} msg/s, peak heap ${peak_heap:-?} MB (plain client not run)"
fi
exit $rc
