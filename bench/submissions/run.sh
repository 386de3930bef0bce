#!/usr/bin/env bash
# Submission benchmark (issue 2): builds Release, starts a throw-away PostgreSQL cluster and the server
# on it, submits complete responses with N concurrent clients in two modes — api: one request each to
# /graphql (the public submitResponse mutation); journey: the respondent pages without JavaScript, 13
# requests each — counts the stored rows after each mode, measures PostgreSQL's own single-row insert
# ceiling with pgbench; then the same on SQLite (a temporary data folder, ceiling from a C# loop); tears
# everything down and prints a table saying whether the aim is met (read against the api mode).
# Everything listens on 127.0.0.1 only, and a watchdog ends the run if any step hangs.
#
#   bench/submissions/run.sh                 50 clients, 20 s warm-up + 20 s measured per mode, both modes and databases (~6 min)
#   bench/submissions/run.sh --quick         5 s measured, 2 s warm-up (smoke check)
#   options: --clients N  --duration S  --warmup S  --only postgres|sqlite  --mode api|journey|both  --no-build
#            --perf-stat            also count the server's user-space instructions in the window (Linux
#                                   perf): a cost per request that hardly depends on the machine's load
#            --set Key__Sub=value   extra server setting (environment variable), repeatable, e.g.
#                                   --set Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning
#
# Results (JSON per step, the table, the machine) go to bench/submissions/results/<UTC time>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

clients=50 duration=20 warmup=20 providers="postgres sqlite" modes="api journey" build=1 extra_settings=() perf_stat=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) duration=5; warmup=2 ;;
    --clients) clients=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --only) providers=$2; shift ;;
    --mode) case "$2" in api|journey) modes=$2 ;; both) modes="api journey" ;; *) echo "--mode is api, journey or both" >&2; exit 2 ;; esac; shift ;;
    --no-build) build=0 ;;
    --perf-stat) perf_stat=1 ;;
    --set) extra_settings+=("$2"); shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$root/bench/submissions/results/$stamp"
build_dir="$root/bench/submissions/.build"
work=$(mktemp -d /tmp/coproduce-bench.XXXXXX)
chmod 755 "$work" # the PostgreSQL cluster runs as the postgres user when we are root
mkdir -p "$results"
log() { printf '==> %s  [load %s]\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

server_pid="" pg_data="" watchdog_pid=""
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_postgres=()
[ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
stop_postgres() {
  if [ -n "$pg_data" ]; then
    (cd "$work" && "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1) || true
    pg_data=""
  fi
}
cleanup() {
  stop_server
  stop_postgres
  if [ -n "$watchdog_pid" ]; then
    kill $(pgrep -P "$watchdog_pid") "$watchdog_pid" 2>/dev/null || true
  fi
  cp "$work"/*.log "$results"/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# Watchdog: the whole run may take the build plus, per database, start-up, load and ceiling.
budget=$(( 900 + 2 * (2 * (2 * duration + warmup + 90) + duration + 120) ))
( sleep "$budget"; echo "watchdog: run exceeded ${budget}s, stopping" >&2; kill -TERM $$ ) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

free_port() {
  local port
  for port in $(shuf -i 20000-45000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 1
}

# --- machine --------------------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "dotnet: $(dotnet --version)"
  [ -n "$pgbin" ] && echo "postgresql: $("$pgbin/postgres" --version)"
  echo "modes: $modes; clients: $clients, measured: ${duration}s, warm-up: ${warmup}s per mode"
  if [ ${#extra_settings[@]} -gt 0 ]; then echo "extra server settings: ${extra_settings[*]}"; fi
  echo "uptime at start: $(uptime)"
} | tee "$results/machine.txt"

# --- build ----------------------------------------------------------------------------------------
if [ "$build" = 1 ] || [ ! -f "$build_dir/server/CoProduce.Server.dll" ] || [ ! -f "$build_dir/bench/CoProduce.Bench.Submissions.dll" ]; then
  log "dotnet publish -c Release (server, benchmark)"
  timeout 900 dotnet publish src/CoProduce.Server -c Release -o "$build_dir/server" --nologo -v quiet -clp:ErrorsOnly
  timeout 600 dotnet publish bench/CoProduce.Bench.Submissions -c Release -o "$build_dir/bench" --nologo -v quiet -clp:ErrorsOnly
fi
bench() { timeout -k 10 "$1" dotnet "$build_dir/bench/CoProduce.Bench.Submissions.dll" "${@:2}"; }
definition="$root/bench/submissions/consultation.json"
reference=$(sed -n 's/^ *"reference": *"\([^"]*\)".*/\1/p' "$definition" | head -1)
start_path="/consultations/$(tr '[:upper:]' '[:lower:]' <<<"$reference")"

# In Production the server's cookies (antiforgery included) are Secure-only, so it serves HTTPS with a
# throw-away self-signed certificate that only this run trusts (curl --cacert, the load's --trust-certificate).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1

# Starts the published server in Production on a loopback port; $1 = provider, the rest = settings.
start_server() {
  local provider=$1; shift
  port=$(free_port)
  (
    cd "$build_dir/server"
    export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
    export ASPNETCORE_URLS="https://127.0.0.1:$port" Urls="https://127.0.0.1:$port"
    export Kestrel__Certificates__Default__Path="$work/tls.crt" Kestrel__Certificates__Default__KeyPath="$work/tls.key"
    export Storage__Provider="$provider" Storage__DataDirectory="$work/$provider-data"
    export DemoContent__Enabled=false Demo__Seed=false
    # env rather than export: configuration keys may hold dots (Logging__LogLevel__Microsoft.EntityFrameworkCore).
    exec env "$@" "${extra_settings[@]}" dotnet CoProduce.Server.dll
  ) >>"$work/$provider-server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    if curl --noproxy '*' --cacert "$work/tls.crt" -fsS -o /dev/null "https://127.0.0.1:$port/readyz" 2>/dev/null; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/$provider-server.log" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.5
  done
  cat "$work/$provider-server.log" >&2; echo "server not ready after 120 s" >&2; exit 1
}

# $1 = provider, $2 = mode (api or journey).
run_load() {
  local provider=$1 mode=$2 stat_pid=""
  log "$provider, $mode: load, $clients clients, ${warmup}s warm-up + ${duration}s"
  if [ "$perf_stat" = 1 ]; then
    # Per thread, so that the background JIT's share can be told apart; the window as the load's.
    ( sleep "$warmup"; exec timeout $(( duration + 30 )) perf stat --per-thread -e instructions:u -x, -p "$server_pid" \
        -o "$results/$provider-$mode-perf-stat.csv" -- sleep "$duration" ) >/dev/null 2>&1 &
    stat_pid=$!
  fi
  bench $(( 4 * duration + warmup + 120 )) load --mode "$mode" --base-url "https://127.0.0.1:$port" --trust-certificate "$work/tls.crt" \
    --start-path "$start_path" --definition "$definition" --clients "$clients" --duration "$duration" --warmup "$warmup" \
    --server-pid "$server_pid" --out "$results/$provider-$mode-load.json"
  if [ -n "$stat_pid" ]; then wait "$stat_pid" || echo "perf stat failed (is perf installed?)" >&2; fi
}

# Each mode against a freshly started server (the same warm-up for both), its stored rows counted
# with the server stopped. $1 = provider, $2 $3 = the count command's database option and its value,
# the rest = server settings.
run_modes() {
  local provider=$1 database=("$2" "$3") previous=()
  shift 3
  for mode in $modes; do
    start_server "${provider^}" "$@"
    run_load "$provider" "$mode"
    stop_server
    bench 120 count --provider "$provider" "${database[@]}" "${previous[@]}" --out "$results/$provider-$mode-count.json"
    previous=(--previous "$results/$provider-$mode-count.json")
  done
}

# --- PostgreSQL -----------------------------------------------------------------------------------
if [[ " $providers " == *" postgres "* ]]; then
  [ -n "$pgbin" ] || { echo "PostgreSQL server binaries missing: apt-get install -y postgresql" >&2; exit 1; }
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
  log "postgres: initdb and start on 127.0.0.1:$pg_port (fsync and synchronous_commit on, as in production)"
  (cd "$work" && timeout 120 "${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  (cd "$work" && timeout 120 "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null)
  pg_data="$work/pg/data"
  psql_() { timeout 120 "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
  psql_ -d postgres -c "CREATE DATABASE coproduce"
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=coproduce;Maximum Pool Size=100"

  # The server migrates the empty database on its first start; then the consultation is imported.
  start_server Postgres "ConnectionStrings__CoProduce=$connection"
  bench 120 import --provider postgres --connection "$connection" --definition "$definition"
  stop_server
  run_modes postgres --connection "$connection" "ConnectionStrings__CoProduce=$connection"

  log "postgres: ceiling, pgbench -n -c $clients -j 2 -T $duration"
  bench 120 pg-script --connection "$connection" --setup "$work/setup.sql" --script "$work/insert.sql"
  psql_ -d coproduce -f "$work/setup.sql"
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  timeout $(( duration + 120 )) "$pgbin/pgbench" -n -c "$clients" -j 2 -T "$duration" -f "$work/insert.sql" \
    -h 127.0.0.1 -p "$pg_port" -U postgres coproduce >"$work/pgbench.log" 2>&1 || { cat "$work/pgbench.log" >&2; exit 1; }
  bench 60 pgbench-result --in "$work/pgbench.log" --clients "$clients" --duration "$duration" --load "$load_before" \
    --out "$results/postgres-ceiling.json"
  stop_postgres
fi

# --- SQLite ---------------------------------------------------------------------------------------
if [[ " $providers " == *" sqlite "* ]]; then
  log "sqlite: data folder $work/Sqlite-data"
  start_server Sqlite
  bench 120 import --provider sqlite --data-dir "$work/Sqlite-data" --definition "$definition"
  stop_server
  run_modes sqlite --data-dir "$work/Sqlite-data"
  log "sqlite: ceiling, $clients threads"
  bench $(( duration + 120 )) sqlite-ceiling --data-dir "$work/Sqlite-data" --clients "$clients" --duration "$duration" \
    --out "$results/sqlite-ceiling.json"
fi

# --- report ---------------------------------------------------------------------------------------
echo "uptime at end: $(uptime)" >>"$results/machine.txt"
bench 60 report --dir "$results" | tee "$results/table.md"
echo "results: $results"
