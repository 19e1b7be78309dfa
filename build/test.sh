#!/usr/bin/env bash
# The one test command: installs what the tests need on a fresh machine (Debian 12, .NET 10 SDK), starts a
# throwaway PostgreSQL cluster on a loopback port as the postgres user, runs every test project and each benchmark as a
# smoke, stops what it started, and ends with one line: "N passed, N failed, N skipped". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/sasaeai-test.XXXXXX)
chmod 755 "$work"

need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || need+=(fonts-ipafont-gothic)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
# The 概要 as Word is checked by converting it to PDF: Writer, not only Calc.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
# The cluster tests run three hosts behind nginx with deploy/nginx/sasaeai.conf (their own nginx, on a loopback port).
[ -x /usr/sbin/nginx ] || need+=(nginx)
# The mail tests' SMTP server (Debian's python3, which the tests try before any other python3 on the PATH).
{ /usr/bin/python3 -c 'import aiosmtpd' || python3 -c 'import aiosmtpd'; } >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "missing: ${need[*]} (run as root to install)" >&2; exit 1; fi
  echo "Installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user (or to the caller when not root).
pgbin=/usr/lib/postgresql/15/bin
pgdata="$work/pg"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$pgdata"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdata"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/initdb" -D "$pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -o "-p $port -h 127.0.0.1 -k $pgdata -c fsync=off" -w start >/dev/null
stop_pg() { as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop_pg EXIT
export PLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export PLATFORM_TEST_CHROMIUM=${PLATFORM_TEST_CHROMIUM:-$(command -v chromium)}

dotnet build Platform.sln -c Release -warnaserror -nologo -v q
status=0

# Style checks, each counted as a test: the code is as CSharpier formats it (dotnet csharpier format .), and at most
# 1 % of .cs/.razor lines run over 120 characters (Razor markup and long string literals, which no formatter breaks).
checks_passed=0; checks_failed=0
check() {
  local name=$1; shift
  echo "== check $name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); status=1; fi
}
dotnet tool restore >/dev/null
check formatting dotnet csharpier check .
check line-length python3 build/long-lines.py
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo -v q \
    --logger "trx;LogFileName=$name.trx" --results-directory "$work/results" || status=1
done

# Each benchmark as a smoke (seconds, tiny parameters): one that no longer runs fails the build, and counts as a
# failed test, as a failed check does. Full runs and their figures: build/bench/README.md.
smoke() {
  local name=$1; shift
  echo "== benchmark $name (smoke: $*)"
  if dotnet run -c Release --no-build --project "build/bench/$name" -- "$@" > "$work/bench.log" 2>&1; then
    checks_passed=$((checks_passed + 1)); grep '^figure |' "$work/bench.log" | tail -n 8
  else
    checks_failed=$((checks_failed + 1)); status=1; tail -n 40 "$work/bench.log"
  fi
}
smoke ExchangeImport 5
smoke TenantDensity 20 2 5
smoke RecordingThroughput 1 4
smoke RecordingThroughput 1 4 "${PLATFORM_TEST_POSTGRES/Pooling=false/Pooling=true}"
smoke FollowerFanout 1 10 2 100
smoke FollowerFanout 1 10 2 100 "${PLATFORM_TEST_POSTGRES/Pooling=false/Pooling=true}"
smoke MixedLoad 2 4 2
smoke NationwideQueries "${PLATFORM_TEST_POSTGRES/Pooling=false/Pooling=true}" 20 2 20

python3 - "$work/results" "$checks_passed" "$checks_failed" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed, failed, skipped = int(sys.argv[2]), int(sys.argv[3]), 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    passed += int(c["passed"]); failed += int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c["total"]) - int(c["passed"]) - int(c["failed"]) - int(c.get("error", 0)) - int(c.get("timeout", 0)) - int(c.get("aborted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
