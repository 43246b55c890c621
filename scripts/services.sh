#!/usr/bin/env bash
# Development/CI services for Bounce Sweeper: MariaDB + Dovecot, Debian 12, as root, no systemd.
#
#   scripts/services.sh          start (idempotent: reuses what already runs, changes nothing on a 2nd run)
#   scripts/services.sh stop     stop Dovecot (MariaDB is left alone)
#   scripts/services.sh env      print the BOUNCE_SWEEPER_TEST_* exports (same as ${MAIL_ROOT}/env.sh)
#
# MariaDB: reuses a server listening on DB_HOST:DB_PORT, else installs mariadb-server and starts one.
#   Creates database DB_NAME and BENCH_DB_NAME, user DB_USER/DB_PASSWORD with all rights on both.
# Dovecot: installs dovecot-imapd + openssl if missing, runs from a generated config under MAIL_ROOT:
#   127.0.0.1:IMAP_PORT (STARTTLS), 127.0.0.1:IMAPS_PORT (IMAPS), self-signed cert (SAN DNS:localhost,
#   IP:127.0.0.1), passwd-file user IMAP_USER/IMAP_PASSWORD, Maildir owned by the non-root VMAIL_USER.
# Prometheus Pushgateway + Prometheus (Debian's prometheus-pushgateway, prometheus): 127.0.0.1:PUSHGATEWAY_PORT and
#   127.0.0.1:PROMETHEUS_PORT, Prometheus scraping the Pushgateway every second; data and logs under MAIL_ROOT/prometheus.
# Writes ${MAIL_ROOT}/env.sh for the tests; logs in ${MAIL_ROOT}/dovecot.log.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

MAIL_ROOT=${MAIL_ROOT:-/tmp/bounce-sweeper-imap}   # config, certs, Maildirs, logs, env.sh
IMAP_HOST=127.0.0.1
IMAP_PORT=${IMAP_PORT:-10143}                      # plain + STARTTLS
IMAPS_PORT=${IMAPS_PORT:-10993}                    # implicit TLS
IMAP_USER=${IMAP_USER:-bounces}
IMAP_PASSWORD=${IMAP_PASSWORD:-secret}
IMAP_SEPARATOR=${IMAP_SEPARATOR:-/}                # IMAP hierarchy delimiter (on disk Maildir++ always uses '.')
VMAIL_USER=${VMAIL_USER:-vmail}                    # owns the Maildirs; must not be uid 0
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-bounces}                        # used by the tests
BENCH_DB_NAME=${BENCH_DB_NAME:-bounces_bench}      # used by scripts/bench.sh (dropped and recreated there)
DB_USER=${DB_USER:-bounces}
DB_PASSWORD=${DB_PASSWORD:-bounces}
DB_ADMIN_USER=${DB_ADMIN_USER:-root}               # tried over TCP first, then via the unix socket
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
DOVECOT_DISABLE_MOVE=${DOVECOT_DISABLE_MOVE:-0}   # 1: don't advertise MOVE (client fallback tests)
MARIADB_DATADIR=${MARIADB_DATADIR:-/var/lib/mysql} # these two only matter when this script starts MariaDB itself
MARIADB_SOCKET=${MARIADB_SOCKET:-/run/mysqld/mysqld.sock}  # also used for root via unix_socket auth
PUSHGATEWAY_PORT=${PUSHGATEWAY_PORT:-19091}        # metrics tests (issue 13): own ports, not the packages' 9091/9090
PROMETHEUS_PORT=${PROMETHEUS_PORT:-19090}

CONF=$MAIL_ROOT/dovecot.conf
PIDFILE=$MAIL_ROOT/run/master.pid
MAILDIR=$MAIL_ROOT/mail/$IMAP_USER/Maildir
CERT=$MAIL_ROOT/cert.pem
KEY=$MAIL_ROOT/key.pem
TRUSTSTORE=$MAIL_ROOT/truststore.p12
TRUSTSTORE_PASSWORD=changeit
ENV_FILE=$MAIL_ROOT/env.sh
LOG=$MAIL_ROOT/dovecot.log

say() { printf '[services] %s\n' "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_port() { local i; for i in $(seq "$3"); do port_open "$1" "$2" && return 0; sleep 0.5; done; return 1; }
dovecot_running() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

apt_updated=0
need_pkgs() {  # need_pkgs <command> <package...>: install the packages if the command is missing
  command -v "$1" >/dev/null 2>&1 && return 0; shift
  [ "$(id -u)" = 0 ] || die "need root to install: $*"
  if [ $apt_updated = 0 ]; then say "apt-get update"; apt-get update -qq; apt_updated=1; fi
  say "installing: $*"
  apt-get install -y -qq --no-install-recommends "$@" </dev/null >/dev/null
}

# Start a daemon with no inherited descriptors: stdio to the log, every other fd closed, so a CI pipe
# (or `$(...)`) that ran this script is not held open by the daemon (Dovecot's master keeps stderr open).
exec_detached() {  # exec_detached <logfile> <command...>: replaces the current (sub)shell, keeping its pid
  local log=$1 fd; shift
  for fd in $(ls /proc/$BASHPID/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done
  exec "$@" </dev/null >>"$log" 2>&1
}
detached() {  # detached <logfile> <command...>
  ( exec_detached "$@" )
}

print_env() {
  local k
  for k in \
    "BOUNCE_SWEEPER_TEST_DB_URL=jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" \
    "BOUNCE_SWEEPER_TEST_DB_USER=$DB_USER" \
    "BOUNCE_SWEEPER_TEST_DB_PASSWORD=$DB_PASSWORD" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_HOST=$IMAP_HOST" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_PORT=$IMAP_PORT" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_IMAPS_PORT=$IMAPS_PORT" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_USER=$IMAP_USER" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_PASSWORD=$IMAP_PASSWORD" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_CERT=$CERT" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_TRUSTSTORE=$TRUSTSTORE" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_TRUSTSTORE_PASSWORD=$TRUSTSTORE_PASSWORD" \
    "BOUNCE_SWEEPER_TEST_DOVECOT_MAILDIR=$MAILDIR" \
    "BOUNCE_SWEEPER_BENCH_DB_URL=jdbc:mysql://$DB_HOST:$DB_PORT/$BENCH_DB_NAME" \
    "BOUNCE_SWEEPER_TEST_PUSHGATEWAY_URL=http://127.0.0.1:$PUSHGATEWAY_PORT" \
    "BOUNCE_SWEEPER_TEST_PROMETHEUS_URL=http://127.0.0.1:$PROMETHEUS_PORT"; do
    printf 'export %s=%q\n' "${k%%=*}" "${k#*=}"
  done
}

stop_dovecot() {
  if dovecot_running; then
    local pid; pid=$(cat "$PIDFILE")
    dovecot -c "$CONF" stop 2>/dev/null || kill "$pid"
    local i; for i in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && die "Dovecot (pid $pid) did not stop"
    say "Dovecot stopped (pid $pid)"
  else
    say "Dovecot is not running (no live pid in $PIDFILE)"
  fi
}

# Pushgateway and Prometheus: started by this script, their pids in PROM_ROOT/*.pid
PROM_ROOT=$MAIL_ROOT/prometheus
prom_running() { [ -s "$PROM_ROOT/$1.pid" ] && kill -0 "$(cat "$PROM_ROOT/$1.pid")" 2>/dev/null; }
# An earlier version recorded the pid of a wrapper shell, which a reload's HUP killed, leaving the
# server running under no pid file; a server of that name already on our port is ours, adopted.
prom_adopt() {  # prom_adopt <name> <port> <binary>
  local pid
  pid=$(ss -Hltnp "sport = :$2" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
  [ -n "$pid" ] && [ "$(readlink -f "/proc/$pid/exe" 2>/dev/null)" = "$(readlink -f "$(command -v "$3")")" ] || return 1
  echo "$pid" >"$PROM_ROOT/$1.pid"
}
stop_prometheus() {
  local name; for name in prometheus pushgateway; do
    if prom_running $name; then kill "$(cat "$PROM_ROOT/$name.pid")"; rm -f "$PROM_ROOT/$name.pid"; say "$name stopped"; fi
  done
}

case "${1:-start}" in
  start) ;;
  stop) stop_dovecot; stop_prometheus; exit 0 ;;
  env) print_env; exit 0 ;;
  *) die "usage: $0 [start|stop|env]" ;;
esac

# ---------------------------------------------------------------- MariaDB
if port_open "$DB_HOST" "$DB_PORT"; then
  say "MariaDB/MySQL already listening on $DB_HOST:$DB_PORT - reusing it"
  need_pkgs mysql mariadb-client
else
  need_pkgs mariadbd mariadb-server mariadb-client
  if ! port_open "$DB_HOST" "$DB_PORT"; then   # the package's postinst may have started one
    install -d -o mysql -g mysql "$(dirname "$MARIADB_SOCKET")"
    [ -d "$MARIADB_DATADIR/mysql" ] || mariadb-install-db --user=mysql --datadir="$MARIADB_DATADIR" >/dev/null
    install -d -o mysql -g adm /var/log/mysql
    say "starting mariadbd on $DB_HOST:$DB_PORT (datadir $MARIADB_DATADIR, log /var/log/mysql/error.log)"
    detached /var/log/mysql/error.log /usr/sbin/mariadbd --user=mysql --datadir="$MARIADB_DATADIR" \
      --bind-address="$DB_HOST" --port="$DB_PORT" --socket="$MARIADB_SOCKET" --pid-file="${MARIADB_SOCKET%.sock}.pid" \
      --log-error=/var/log/mysql/error.log &
    wait_port "$DB_HOST" "$DB_PORT" 120 || die "mariadbd did not open $DB_HOST:$DB_PORT, see /var/log/mysql/error.log"
  fi
fi
# Admin access: root with empty password over TCP (CI), else root through Debian's unix_socket auth.
ADMIN_TCP=(mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_ADMIN_USER")
[ -n "$DB_ADMIN_PASSWORD" ] && ADMIN_TCP+=(-p"$DB_ADMIN_PASSWORD")
if "${ADMIN_TCP[@]}" -e 'SELECT 1' >/dev/null 2>&1; then SQL=("${ADMIN_TCP[@]}")
elif mysql -S "$MARIADB_SOCKET" -u"$DB_ADMIN_USER" -e 'SELECT 1' >/dev/null 2>&1; then SQL=(mysql -S "$MARIADB_SOCKET" -u"$DB_ADMIN_USER")
else die "no admin access to MariaDB as $DB_ADMIN_USER (set DB_ADMIN_USER / DB_ADMIN_PASSWORD)"; fi
# IF NOT EXISTS + GRANT: a second run changes nothing.
"${SQL[@]}" <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS \`$BENCH_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
GRANT ALL ON \`$BENCH_DB_NAME\`.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL ON \`$BENCH_DB_NAME\`.* TO '$DB_USER'@'localhost';
SQL
db_version=$(mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -p"$DB_PASSWORD" "$DB_NAME" -N -e 'SELECT VERSION()') \
  || die "user $DB_USER cannot log in to $DB_NAME over TCP"
say "MariaDB $db_version: databases $DB_NAME, $BENCH_DB_NAME; user $DB_USER"

# ---------------------------------------------------------------- Chromium (the report's browser test)
need_pkgs chromium chromium

# ---------------------------------------------------------------- Dovecot
need_pkgs dovecot dovecot-imapd
need_pkgs openssl openssl
getent passwd "$VMAIL_USER" >/dev/null ||
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$VMAIL_USER"
VMAIL_UID=$(id -u "$VMAIL_USER"); VMAIL_GID=$(id -g "$VMAIL_USER")
[ "$VMAIL_UID" != 0 ] || die "$VMAIL_USER must not be uid 0"

install -d -m 755 "$MAIL_ROOT" "$MAIL_ROOT/run"
# Home and Maildir owned by vmail (Dovecot refuses otherwise). Seeders: write into tmp/, chown vmail, rename into new/.
install -d -m 755 -o "$VMAIL_USER" -g "$VMAIL_USER" "$MAIL_ROOT/mail"
install -d -m 700 -o "$VMAIL_USER" -g "$VMAIL_USER" "$MAIL_ROOT/mail/$IMAP_USER" "$MAILDIR" "$MAILDIR"/cur "$MAILDIR"/new "$MAILDIR"/tmp

if ! { [ -s "$CERT" ] && [ -s "$KEY" ] &&
       openssl x509 -in "$CERT" -noout -ext subjectAltName 2>/dev/null | grep -q 'DNS:localhost, IP Address:127.0.0.1' &&
       openssl x509 -in "$CERT" -noout -checkend 86400 >/dev/null; }; then
  say "generating self-signed certificate $CERT"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$KEY" -out "$CERT" 2>/dev/null
  chmod 600 "$KEY"; chmod 644 "$CERT"
fi
# The same certificate as a PKCS12 trust store, for JVMs that want -Djavax.net.ssl.trustStore.
if [ ! -s "$TRUSTSTORE" ] || [ "$CERT" -nt "$TRUSTSTORE" ]; then
  if command -v keytool >/dev/null 2>&1; then
    rm -f "$TRUSTSTORE"
    keytool -importcert -noprompt -alias dovecot-localhost -file "$CERT" -keystore "$TRUSTSTORE" \
      -storetype PKCS12 -storepass "$TRUSTSTORE_PASSWORD" >/dev/null 2>&1 && chmod 644 "$TRUSTSTORE" && say "wrote $TRUSTSTORE"
  fi
fi

changed=0
write_if_changed() {  # write_if_changed <file> <mode>  (content on stdin)
  local tmp; tmp=$(mktemp "$1.XXXXXX")
  cat >"$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else chmod "$2" "$tmp"; mv -f "$tmp" "$1"; changed=1; say "wrote $1"; fi
}
printf '%s:{PLAIN}%s\n' "$IMAP_USER" "$IMAP_PASSWORD" | write_if_changed "$MAIL_ROOT/users" 640
chgrp dovecot "$MAIL_ROOT/users"; chmod 640 "$MAIL_ROOT/users"   # read by the auth process (user dovecot), not by the world
write_if_changed "$CONF" 644 <<CONF
# Generated by scripts/services.sh - edits are overwritten.
protocols = imap
listen = 127.0.0.1
base_dir = $MAIL_ROOT/run
state_dir = $MAIL_ROOT/run/state
log_path = $LOG
ssl = yes
ssl_cert = <$CERT
ssl_key = <$KEY
disable_plaintext_auth = no
first_valid_uid = $VMAIL_UID
first_valid_gid = $VMAIL_GID
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $MAIL_ROOT/users
}
userdb {
  driver = static
  args = uid=$VMAIL_USER gid=$VMAIL_USER home=$MAIL_ROOT/mail/%u
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = $IMAP_SEPARATOR
  # RFC 6154 SPECIAL-USE: a mailbox entry may name \Junk instead of a folder (SpecialUseFolderTest creates
  # this folder for the duration of its test; no other test uses the name)
  mailbox SpecialUseJunk {
    special_use = \Junk
  }
}
protocol imap {
  # parallel test classes each open connections
  mail_max_userip_connections = 100
$([ -e /usr/lib/dovecot/modules/lib30_imap_zlib_plugin.so ] && printf '  # COMPRESS=DEFLATE (RFC 4978): the job asks for it (bounce-sweeper.imap.compress)\n  mail_plugins = $mail_plugins imap_zlib\n')
$([ "$DOVECOT_DISABLE_MOVE" = 1 ] && printf '  # DOVECOT_DISABLE_MOVE=1: the post-login CAPABILITY of Dovecot 2.3.19 without MOVE\n  imap_capability = %s\n' \
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY')
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
CONF

if dovecot_running; then
  if [ $changed = 1 ]; then say "configuration changed - reloading Dovecot"; dovecot -c "$CONF" reload; sleep 1; fi
  say "Dovecot already running (pid $(cat "$PIDFILE"))"
else
  for p in "$IMAP_PORT" "$IMAPS_PORT"; do
    port_open 127.0.0.1 "$p" && die "127.0.0.1:$p is taken by another process (not our Dovecot under $MAIL_ROOT)"
  done
  doveconf -c "$CONF" -n >/dev/null || die "invalid Dovecot configuration $CONF"
  say "starting Dovecot (log $LOG)"
  detached "$LOG" dovecot -c "$CONF"   # daemonizes
fi
wait_port 127.0.0.1 "$IMAP_PORT" 30 && wait_port 127.0.0.1 "$IMAPS_PORT" 30 ||
  die "Dovecot is not answering on $IMAP_PORT/$IMAPS_PORT, see $LOG"

# ---------------------------------------------------------------- Pushgateway + Prometheus (metrics tests)
# SERVICES_METRICS=0 (crash trials, hostile mail: a second MAIL_ROOT beside the first) starts neither.
if [ "${SERVICES_METRICS:-1}" = 1 ]; then
need_pkgs prometheus-pushgateway prometheus-pushgateway
need_pkgs prometheus prometheus
install -d -m 755 "$PROM_ROOT" "$PROM_ROOT/data"
write_if_changed "$PROM_ROOT/prometheus.yml" 644 <<PROM
# Generated by scripts/services.sh - edits are overwritten.
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: pushgateway
    honor_labels: true        # keep the job/instance labels the pusher gave
    static_configs:
      - targets: ['127.0.0.1:$PUSHGATEWAY_PORT']
PROM
start_prom() {  # start_prom <name> <port> <command...>
  local name=$1 port=$2; shift 2
  if prom_running "$name" || prom_adopt "$name" "$port" "$1"; then
    say "$name already running (pid $(cat "$PROM_ROOT/$name.pid"))"; return
  fi
  port_open 127.0.0.1 "$port" && die "127.0.0.1:$port is taken by another process (not our $name under $PROM_ROOT)"
  say "starting $name on 127.0.0.1:$port (log $PROM_ROOT/$name.log)"
  # the pid file holds the server's own pid (exec keeps the subshell's), so a reload's HUP reaches it
  ( echo "$BASHPID" >"$PROM_ROOT/$name.pid"; exec_detached "$PROM_ROOT/$name.log" "$@" ) &
  wait_port 127.0.0.1 "$port" 60 || die "$name is not answering on $port, see $PROM_ROOT/$name.log"
}
start_prom pushgateway "$PUSHGATEWAY_PORT" prometheus-pushgateway --web.listen-address="127.0.0.1:$PUSHGATEWAY_PORT"
if prom_running prometheus && [ $changed = 1 ]; then kill -HUP "$(cat "$PROM_ROOT/prometheus.pid")"; fi  # reload the config
start_prom prometheus "$PROMETHEUS_PORT" prometheus --config.file="$PROM_ROOT/prometheus.yml" \
  --storage.tsdb.path="$PROM_ROOT/data" --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
fi

print_env | write_if_changed "$ENV_FILE" 644

cat <<FACTS
[services] ready
  IMAP       $IMAP_HOST:$IMAP_PORT (STARTTLS)   $IMAP_HOST:$IMAPS_PORT (IMAPS)   separator '$IMAP_SEPARATOR'
  IMAP user  $IMAP_USER / $IMAP_PASSWORD   (Maildir owned by $VMAIL_USER uid $VMAIL_UID)
  cert       $CERT   (self-signed, SAN DNS:localhost IP:127.0.0.1)
  truststore $TRUSTSTORE   (PKCS12, password $TRUSTSTORE_PASSWORD, same certificate)
  Maildir    $MAILDIR
  Dovecot    config $CONF   log $LOG   stop: $0 stop
  DB         jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME   bench: jdbc:mysql://$DB_HOST:$DB_PORT/$BENCH_DB_NAME   user $DB_USER / $DB_PASSWORD
  metrics    Pushgateway http://127.0.0.1:$PUSHGATEWAY_PORT   Prometheus http://127.0.0.1:$PROMETHEUS_PORT (scrapes it every 1 s)
  env file   $ENV_FILE   (source it before running the Dovecot-backed tests)
FACTS
print_env
