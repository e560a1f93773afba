#!/usr/bin/env bash
# Runs every KyodoHub test: installs what the tests need when it is missing (Chromium, Japanese
# fonts for the browser tests and the agreement PDF, pdftotext to read the PDF back, PostgreSQL,
# Redis, aiosmtpd for a real SMTP server, and nginx, which the reverse-proxy tests start
# themselves), starts throw-away PostgreSQL, Redis and SMTP servers on free loopback ports, runs the whole suite twice -- on SQLite, then on PostgreSQL -- and prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
for pkg in chromium fonts-noto-cjk fonts-ipaexfont-gothic poppler-utils postgresql redis-server nginx python3-aiosmtpd; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Throw-away servers, data in a temporary folder, stopped however the script ends.
servers="$(mktemp -d /tmp/kyodohub-servers.XXXXXX)"
chmod 755 "$servers"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_pg=()
# PostgreSQL refuses to run as root; run from a folder its user may enter.
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
pg() { (cd "$servers" && "${as_pg[@]}" "$pg_bin/$@"); }
pg_port="$(free_port)"
redis_port="$(free_port)"
smtp_port="$(free_port)"
smtp_pid=""
stop_servers() {
  pg pg_ctl -D "$servers/pg" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  [ -z "$smtp_pid" ] || kill "$smtp_pid" 2>/dev/null || true
  rm -rf "$servers"
}
trap stop_servers EXIT
mkdir "$servers/pg" "$servers/redis"
[ "$(id -u)" -ne 0 ] || chown postgres: "$servers/pg"
pg initdb -D "$servers/pg" -U kyodohub --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
pg pg_ctl -D "$servers/pg" -l "$servers/pg/server.log" -w start \
  -o "-p $pg_port -k $servers/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$servers/redis" --logfile "$servers/redis/server.log"
# The SMTP server writes every message it accepts into a Maildir the tests read. Debian's own
# python3 runs it, as the package installs aiosmtpd there (another python3 may come first on PATH).
smtp_script="$(pwd)/KyodoHub.Tests/Infrastructure/smtp_maildir.py"
/usr/bin/python3 "$smtp_script" 127.0.0.1 "$smtp_port" "$servers/maildir" >"$servers/smtp.log" 2>&1 &
smtp_pid=$!
for _ in $(seq 50); do grep -q listening "$servers/smtp.log" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$servers/smtp.log" || { cat "$servers/smtp.log"; echo "The SMTP server did not start."; exit 1; }
export KYODO_TEST_SMTP="127.0.0.1:$smtp_port"
export KYODO_TEST_MAILDIR="$servers/maildir"
export KYODO_TEST_SMTP_SCRIPT="$smtp_script"
export KYODO_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=kyodohub"
export KYODO_TEST_REDIS="127.0.0.1:$redis_port"
export KYODO_TEST_REDIS_SERVER="$(command -v redis-server)"
# Debian installs nginx in /usr/sbin, which is not on every user's PATH.
export KYODO_TEST_NGINX="$(PATH="$PATH:/usr/sbin" command -v nginx)"

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
# Release: the app under test runs with the JIT's optimisations, as it does in production, and
# the CPU-bound browser runs finish sooner.
dotnet build KyodoHub.sln -c Release || status=$?
if [ $status -eq 0 ]; then
  # The same tests on each database, but for two kinds: the scale-out tests need PostgreSQL and run
  # once, there; the Chromium tests (classes named *BrowserTests) check what a page shows and run
  # once, on SQLite, while every service path they drive is tested on both databases.
  # Extra arguments go to both runs (a --filter of your own replaces these).
  sqlite_only=(--filter "Database!=PostgreSQL")
  postgres_only=(--filter "FullyQualifiedName!~BrowserTests")
  case " $* " in *" --filter "*) sqlite_only=(); postgres_only=() ;; esac
  KYODO_TEST_DATABASE=sqlite dotnet test KyodoHub.sln -c Release --no-build \
    "${sqlite_only[@]}" \
    --logger "trx;LogFileName=sqlite.trx" \
    --results-directory "$results/sqlite" \
    --blame-hang-timeout 10m \
    "$@" || status=$?
  KYODO_TEST_DATABASE=postgres dotnet test KyodoHub.sln -c Release --no-build \
    "${postgres_only[@]}" \
    --logger "trx;LogFileName=postgres.trx" \
    --results-directory "$results/postgres" \
    --blame-hang-timeout 10m \
    "$@" || status=$?
fi

# Count from the test results, not from the console.
python3 - "$results" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
if not files:
    print("0 passed, 0 failed")
    sys.exit(1)
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
