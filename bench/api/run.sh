#!/usr/bin/env bash
# GraphQL API load benchmark (issue 4): builds the server (Release), starts a throw-away PostgreSQL cluster and the
# server on it (Production, loopback, HTTP), imports ten open consultations, exports them through the API as the
# reference's data, starts the reference (graphql-js + graphql-http over that JSON snapshot), checks that both answer
# the benchmark query identically, then runs autocannon (50 connections, 30 s, after a 5 s warm-up):
#   (a) the public query listing open consultations with their questionnaires, on CoProduce and on the reference;
#   (b) anonymous submission through the submitResponse mutation, on CoProduce.
# Prints a table; results (JSON per run, the table, the machine) go to bench/api/results/<UTC time>/.
#
#   bench/api/run.sh [--quick] [--connections N] [--duration S] [--warmup S] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

connections=50 duration=30 warmup=5 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) duration=5; warmup=1 ;;
    --connections) connections=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$root/bench/api/results/$stamp"
build_dir="$root/bench/api/.build"
work=$(mktemp -d /tmp/coproduce-bench-api.XXXXXX)
chmod 755 "$work"
mkdir -p "$results"
log() { printf '==> %s  [load %s]\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

server_pid="" reference_pid="" pg_data="" watchdog_pid=""
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_postgres=()
[ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)

stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$server_pid"; server_pid=""
  stop_pid "$reference_pid"; reference_pid=""
  if [ -n "$pg_data" ]; then
    (cd "$work" && "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1) || true
  fi
  if [ -n "$watchdog_pid" ]; then kill $(pgrep -P "$watchdog_pid") "$watchdog_pid" 2>/dev/null || true; fi
  cp "$work"/*.log "$results"/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

budget=$(( 900 + 3 * (duration + warmup + 60) + 300 ))
( sleep "$budget"; echo "watchdog: run exceeded ${budget}s, stopping" >&2; kill -TERM $$ ) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

free_port() {
  local port
  for port in $(shuf -i 20000-45000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 1
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "dotnet: $(dotnet --version), node: $(node --version)"
  [ -n "$pgbin" ] && echo "postgresql: $("$pgbin/postgres" --version)"
  echo "connections: $connections, measured: ${duration}s, warm-up: ${warmup}s"
  echo "uptime at start: $(uptime)"
} | tee "$results/machine.txt"

# --- build ----------------------------------------------------------------------------------------
if [ "$build" = 1 ] || [ ! -f "$build_dir/server/CoProduce.Server.dll" ]; then
  log "dotnet publish -c Release"
  timeout 900 dotnet publish src/CoProduce.Server -c Release -o "$build_dir/server" --nologo -v quiet -clp:ErrorsOnly
fi
[ -d bench/api/node_modules ] || (cd bench/api && npm ci --no-audit --no-fund --loglevel=error)

# --- PostgreSQL -----------------------------------------------------------------------------------
[ -n "$pgbin" ] || { echo "PostgreSQL server binaries missing: apt-get install -y postgresql" >&2; exit 1; }
pg_port=$(free_port)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
log "postgres: initdb and start on 127.0.0.1:$pg_port"
(cd "$work" && timeout 120 "${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null)
(cd "$work" && timeout 120 "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null)
pg_data="$work/pg/data"
timeout 60 "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "CREATE DATABASE coproduce"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=coproduce;Maximum Pool Size=100"

server_env=(ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Storage__Provider=Postgres
  "ConnectionStrings__CoProduce=$connection" Storage__DataDirectory="$work/data" Demo__Seed=false DemoContent__Enabled=false
  Storage__MigrateOnStartup=true Logging__LogLevel__Default=Warning)

log "import ten open consultations (BENCH0001..BENCH0010)"
for i in $(seq -w 1 10); do
  sed "s/BENCH0001/BENCH00$i/" bench/submissions/consultation.json >"$work/consultation-$i.json"
  (cd "$build_dir/server" && env "${server_env[@]}" timeout 120 dotnet CoProduce.Server.dll import "$work/consultation-$i.json" >>"$work/import.log" 2>&1)
done

port=$(free_port)
log "server on http://127.0.0.1:$port"
(cd "$build_dir/server" && exec env "${server_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" Urls="http://127.0.0.1:$port" \
  dotnet CoProduce.Server.dll) >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  curl --noproxy '*' -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
url="http://127.0.0.1:$port/graphql"

query=bench/api/queries/open-consultations.graphql
node bench/api/snapshot.js export --url "$url" --query "$query" --out "$work/snapshot.json"
ref_port=$(free_port)
node bench/api/reference-server.js --snapshot "$work/snapshot.json" --port "$ref_port" >"$work/reference.log" 2>&1 &
reference_pid=$!
for _ in $(seq 1 60); do grep -q REFERENCE_URL "$work/reference.log" && break; sleep 0.5; done
reference="http://127.0.0.1:$ref_port/graphql"
node bench/api/snapshot.js compare --url "$url" --reference "$reference" --query "$query"

load() { timeout $(( duration + warmup + 120 )) node bench/api/load.js --connections "$connections" --duration "$duration" --warmup "$warmup" "$@"; }
log "(a) public query, CoProduce";  load --url "$url" --query "$query" --out "$results/query-coproduce.json"
log "(a) public query, reference";  load --url "$reference" --query "$query" --out "$results/query-reference.json"
stop_pid "$reference_pid"; reference_pid=""
log "(b) submitResponse, CoProduce"
load --url "$url" --query bench/api/queries/submit-response.graphql --variables bench/api/queries/submit-response.variables.json \
  --out "$results/submit-coproduce.json"
stored=$("$pgbin/psql" -X -qtA -h 127.0.0.1 -p "$pg_port" -U postgres -d coproduce -c "SELECT count(*) FROM responses")
echo "responses stored: $stored" | tee -a "$results/machine.txt"
echo "uptime at end: $(uptime)" >>"$results/machine.txt"

node -e '
const fs = require("fs"); const dir = process.argv[1];
const r = (n) => JSON.parse(fs.readFileSync(`${dir}/${n}.json`, "utf8"));
const [ours, ref, sub] = [r("query-coproduce"), r("query-reference"), r("submit-coproduce")];
const row = (name, x, ratio) => `| ${name} | ${x.requestsPerSecond.toFixed(0)} | ${x.latencyMs.p50} | ${x.latencyMs.p99} | ${x.non2xx + x.errors + x.timeouts} | ${ratio} |`;
console.log("| run | requests/s | p50 ms | p99 ms | failed | vs reference |");
console.log("|---|---:|---:|---:|---:|---:|");
console.log(row("(a) public query, CoProduce", ours, (ours.requestsPerSecond / ref.requestsPerSecond).toFixed(2) + "x"));
console.log(row("(a) public query, graphql-js + graphql-http", ref, "1x"));
console.log(row("(b) submitResponse, CoProduce", sub, "—"));
console.log(`\nresponse size (a): ${ours.responseBytes} bytes`);
' "$results" | tee "$results/table.md"
echo "results: $results"
