#!/usr/bin/env bash
# Hostile-mail run on Dovecot: the 1,090 broken messages of io.bouncesweeper.robust.HostileMail
# (fixed seed; one of them 50 MB) seeded straight into the Maildir of a Dovecot instance of its own,
# then the job jar in a JVM with a small heap, then checks and figures.
#
#   scripts/hostile-mail.sh            (needs root, target/bounce-sweeper.jar and target/test-classes:
#                                        mvn -B -ntp -DskipTests package)
#
# Settings (env): HOSTILE_XMX (256m), HOSTILE_MAX_MESSAGE_BYTES (the job's default cap, 26214400),
# HOSTILE_CHUNK_SIZE (200), HOSTILE_MAIL_ROOT (/tmp/bounce-sweeper-hostile), HOSTILE_IMAP_PORT/
# HOSTILE_IMAPS_PORT (15143/15993), HOSTILE_DB (bounces_hostile).
# Checks: exit 0; INBOX empty; archive folders hold exactly as many files as were seeded; one
# bounce_message row per message, all archived; every quarantined row has its reason; the 50 MB
# message is stored with its full size and the fingerprint of exactly its first HOSTILE_MAX_MESSAGE_BYTES
# bytes (partial FETCH) and archived; the SQL-injection Message-ID is stored verbatim; no output
# line starts with the forged log line; the JVM never exceeded -Xmx (it would have died).
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTILE_XMX=${HOSTILE_XMX:-256m}
HOSTILE_MAX_MESSAGE_BYTES=${HOSTILE_MAX_MESSAGE_BYTES:-26214400}
HOSTILE_CHUNK_SIZE=${HOSTILE_CHUNK_SIZE:-200}
HOSTILE_MAIL_ROOT=${HOSTILE_MAIL_ROOT:-/tmp/bounce-sweeper-hostile}
HOSTILE_IMAP_PORT=${HOSTILE_IMAP_PORT:-15143}
HOSTILE_IMAPS_PORT=${HOSTILE_IMAPS_PORT:-15993}
HOSTILE_DB=${HOSTILE_DB:-bounces_hostile}
JAR=${JAR:-target/bounce-sweeper.jar}
VMAIL_USER=${VMAIL_USER:-vmail}
DB_USER=${DB_USER:-bounces} DB_PASSWORD=${DB_PASSWORD:-bounces}
MAILDIR=$HOSTILE_MAIL_ROOT/mail/bounces/Maildir
CORPUS=$HOSTILE_MAIL_ROOT/corpus
LOG=$HOSTILE_MAIL_ROOT/job.log

say() { printf '[hostile] %s\n' "$*"; }
die() { printf '[hostile] ERROR: %s\n' "$*" >&2; exit 1; }
sql() { mysql --protocol=tcp -h127.0.0.1 -P3306 -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$@"; }
count_files() { find "$@" -maxdepth 1 -type f 2>/dev/null | wc -l; }
[ "$(id -u)" = 0 ] || die "run as root (seeding chowns files to $VMAIL_USER)"
[ -f "$JAR" ] && [ -f target/test-classes/io/bouncesweeper/robust/HostileMail.class ] ||
  die "build first: mvn -B -ntp -DskipTests package (jar and test classes)"

mkdir -p "$HOSTILE_MAIL_ROOT"
MAIL_ROOT=$HOSTILE_MAIL_ROOT IMAP_PORT=$HOSTILE_IMAP_PORT IMAPS_PORT=$HOSTILE_IMAPS_PORT DB_NAME=$HOSTILE_DB \
  BENCH_DB_NAME=$HOSTILE_DB SERVICES_METRICS=0 scripts/services.sh </dev/null >"$HOSTILE_MAIL_ROOT/services.log" 2>&1 ||
  { tail -n 20 "$HOSTILE_MAIL_ROOT/services.log"; die "services.sh failed"; }

rm -rf "$CORPUS"
java -cp target/test-classes io.bouncesweeper.robust.HostileMail "$CORPUS"
N=$(count_files "$CORPUS")

# reset mailbox (index files too: UIDs restart) and database, then seed: tmp/ → chown → new/
find "$MAILDIR/cur" "$MAILDIR/new" "$MAILDIR/tmp" -maxdepth 1 -type f -delete
find "$MAILDIR" -mindepth 1 -maxdepth 1 -type d -name '.Bounces*' -exec rm -rf {} +
find "$MAILDIR" -mindepth 1 -maxdepth 1 -type f \( -name 'dovecot.index*' -o -name 'dovecot-uidlist' \
  -o -name 'dovecot.list.index*' -o -name 'subscriptions' \) -delete
i=0
for f in "$CORPUS"/*.eml; do
  i=$((i + 1)); cp "$f" "$MAILDIR/tmp/$((1795000000 + i)).M${i}P1.hostile"
done
chown -R "$VMAIL_USER:$VMAIL_USER" "$MAILDIR/tmp"
find "$MAILDIR/tmp" -maxdepth 1 -type f -exec mv -t "$MAILDIR/new/" {} +
sql -e "DROP DATABASE IF EXISTS \`$HOSTILE_DB\`; CREATE DATABASE \`$HOSTILE_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
say "seeded $N messages ($(du -sh "$CORPUS" | cut -f1)) into $MAILDIR/new"

say "running: java -Xmx$HOSTILE_XMX -jar $JAR (max-message-bytes $HOSTILE_MAX_MESSAGE_BYTES, chunk $HOSTILE_CHUNK_SIZE; output $LOG)"
set +e
env BOUNCE_SWEEPER_IMAP_HOST=127.0.0.1 BOUNCE_SWEEPER_IMAP_PORT="$HOSTILE_IMAPS_PORT" BOUNCE_SWEEPER_IMAP_SECURITY=IMAPS \
  BOUNCE_SWEEPER_IMAP_USER=bounces BOUNCE_SWEEPER_IMAP_PASSWORD=secret \
  BOUNCE_SWEEPER_IMAP_TRUST_STORE="$HOSTILE_MAIL_ROOT/cert.pem" BOUNCE_SWEEPER_IMAP_MAX_MESSAGE_BYTES="$HOSTILE_MAX_MESSAGE_BYTES" \
  BOUNCE_SWEEPER_DB_URL="jdbc:mysql://127.0.0.1:3306/$HOSTILE_DB" BOUNCE_SWEEPER_DB_USER="$DB_USER" \
  BOUNCE_SWEEPER_DB_PASSWORD="$DB_PASSWORD" BOUNCE_SWEEPER_CHUNK_SIZE="$HOSTILE_CHUNK_SIZE" \
  java -Xmx"$HOSTILE_XMX" -XX:+ExitOnOutOfMemoryError -jar "$JAR" </dev/null >"$LOG" 2>&1
rc=$?
set -e
sed -n '/Bounce Sweeper summary/,/peak heap/p' "$LOG"

inbox=$(count_files "$MAILDIR/cur" "$MAILDIR/new")
archived=0; for d in "$MAILDIR"/.Bounces.*; do [ -d "$d" ] && archived=$((archived + $(count_files "$d/cur" "$d/new"))); done
quarantined=$(count_files "$MAILDIR/.Bounces.Unparsed/cur" "$MAILDIR/.Bounces.Unparsed/new")
rows=$(sql "$HOSTILE_DB" -e 'SELECT COUNT(*) FROM bounce_message')
distinct=$(sql "$HOSTILE_DB" -e 'SELECT COUNT(DISTINCT fingerprint) FROM bounce_message')
unarchived=$(sql "$HOSTILE_DB" -e 'SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL')
noreason=$(sql "$HOSTILE_DB" -e "SELECT COUNT(*) FROM bounce_message WHERE category='unparsed' AND (error IS NULL OR error='')")
huge_file=$(ls "$CORPUS"/*-huge-attachment.eml)
huge_size=$(stat -c %s "$huge_file")
huge_fp=$(head -c "$HOSTILE_MAX_MESSAGE_BYTES" "$huge_file" | sha256sum | cut -c1-64)
huge_row=$(sql "$HOSTILE_DB" -e "SELECT CONCAT(size_bytes, ' ', fingerprint, ' ', archived_at IS NOT NULL) FROM bounce_message WHERE size_bytes = $huge_size")
sqli=$(sql "$HOSTILE_DB" -e "SELECT COUNT(*) FROM bounce_message WHERE message_id = '<x''); DROP TABLE bounce_event; -- \"sqli\"@evil.test>'")
forged=$(grep -ac '^00:00:00.000 ERROR SweepLauncher - FORGED' "$LOG" || true)
heap=$(grep -a 'peak heap:' "$LOG" | awk '{print $3}' | tail -1 || true)

echo
say "by category/outcome:"; sql "$HOSTILE_DB" -e 'SELECT category, outcome, COUNT(*) FROM bounce_message GROUP BY 1, 2 ORDER BY 1, 2' | sed 's/^/    /'
say "quarantine reasons:"; sql "$HOSTILE_DB" -e 'SELECT COUNT(*), LEFT(error, 90) FROM bounce_message WHERE error IS NOT NULL GROUP BY 2 ORDER BY 1 DESC' | sed 's/^/    /'
fails=()
[ "$rc" = 0 ] || fails+=("exit code $rc")
[ "$inbox" = 0 ] || fails+=("inbox $inbox")
[ "$archived" = "$N" ] || fails+=("archived $archived != $N")
[ "$rows" = "$N" ] && [ "$distinct" = "$N" ] || fails+=("rows $rows, distinct fingerprints $distinct != $N")
[ "$unarchived" = 0 ] || fails+=("$unarchived rows not archived")
[ "$noreason" = 0 ] || fails+=("$noreason quarantined without reason")
[ "$huge_row" = "$huge_size $huge_fp 1" ] || fails+=("50 MB message: row '$huge_row', expected '$huge_size $huge_fp 1'")
[ "$sqli" = 1 ] || fails+=("SQL-injection Message-ID not stored verbatim")
[ "$forged" = 0 ] || fails+=("$forged forged log lines")
echo
printf '%-9s %-9s %-5s %-15s %-12s %-13s %s\n' messages archived lost double-counted quarantined peak-heap-MB Xmx
printf '%-9s %-9s %-5s %-15s %-12s %-13s %s\n' "$N" "$archived" "$(( N - archived > 0 ? N - archived : 0 ))" \
  "$(( archived - N > 0 ? archived - N : 0 ))" "$quarantined" "${heap:-?}" "$HOSTILE_XMX"
if [ ${#fails[@]} -gt 0 ]; then printf '[hostile] FAILED: %s\n' "${fails[@]}"; exit 1; fi
say "OK: completed, all $N archived once, 50 MB message cut at $HOSTILE_MAX_MESSAGE_BYTES bytes by partial FETCH and archived"
