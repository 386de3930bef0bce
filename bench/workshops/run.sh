#!/usr/bin/env bash
# Workshop load benchmark (issue 5): builds Release, starts a throw-away PostgreSQL cluster and the server
# on it in Production (with the bench-only SignalR reference switched on), then for each room size:
# makes a live workshop through Core's use cases (participants join with the code and are admitted), connects
# one raw SignalR JSON client per participant to /hubs/workshop, has each vote once per second for warm-up +
# measured time, checks the stored ballots against the acknowledged votes, and runs the same clients against
# the reference hub (same rate, same coalesced fan-out, no database). Prints a table with the aims.
# Everything listens on 127.0.0.1 only, and a watchdog ends the run if any step hangs.
#
#   bench/workshops/run.sh                    1,000 then 2,000 participants, 5 s warm-up + 20 s measured (< 6 min)
#   bench/workshops/run.sh --quick            200 participants, 2 s + 10 s (smoke check)
#   options: --participants "1000 2000"  --duration S  --warmup S  --provider postgres|sqlite  --no-build
#            --no-reference   --set Key__Sub=value (extra server setting, repeatable)
#
# Plain HTTP on loopback, not TLS: the clients run on the same two cores as the server, and TLS would add
# the encryption of every one of tens of thousands of messages per second on both sides of loopback to what
# is measured, on the client's cores as much as the server's; nothing in the hub path depends on TLS (the
# seat cookie is sent by the client as a browser would, the Origin is the server's own).
#
# Results (JSON per step, the table, the machine) go to bench/workshops/results/<UTC time>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

sizes="1000 2000" duration=20 warmup=5 provider=postgres build=1 reference=1 extra_settings=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes=200; duration=10; warmup=2 ;;
    --participants) sizes=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --provider) provider=$2; shift ;;
    --no-build) build=0 ;;
    --no-reference) reference=0 ;;
    --set) extra_settings+=("$2"); shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$root/bench/workshops/results/$stamp"
build_dir="$root/bench/workshops/.build"
work=$(mktemp -d /tmp/coproduce-wsbench.XXXXXX)
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
  rm -rf "$work" # the seat tokens of this run go with it
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

count=$(wc -w <<<"$sizes")
budget=$(( 900 + count * (2 * (duration + warmup) + 300) ))
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
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "dotnet: $(dotnet --version)"
  [ "$provider" = postgres ] && [ -n "$pgbin" ] && echo "postgresql: $("$pgbin/postgres" --version)"
  echo "database: $provider; participants: $sizes; measured: ${duration}s after ${warmup}s warm-up; plain HTTP on loopback"
  if [ ${#extra_settings[@]} -gt 0 ]; then echo "extra server settings: ${extra_settings[*]}"; fi
  echo "uptime at start: $(uptime)"
} | tee "$results/machine.txt"

if [ "$build" = 1 ] || [ ! -f "$build_dir/server/CoProduce.Server.dll" ] || [ ! -f "$build_dir/bench/CoProduce.Bench.Workshops.dll" ]; then
  log "dotnet publish -c Release (server, load generator)"
  timeout 900 dotnet publish src/CoProduce.Server -c Release -o "$build_dir/server" --nologo -v quiet -clp:ErrorsOnly
  timeout 600 dotnet publish bench/CoProduce.Bench.Workshops -c Release -o "$build_dir/bench" --nologo -v quiet -clp:ErrorsOnly
fi
bench() { timeout -k 10 "$1" dotnet "$build_dir/bench/CoProduce.Bench.Workshops.dll" "${@:2}"; }

# The server's key for keyed hashes, shared with the set-up (which stores the seat tokens' hashes).
secret_key=$(head -c 32 /dev/urandom | base64 -w0)
db_args=()
if [ "$provider" = postgres ]; then
  [ -n "$pgbin" ] || { echo "PostgreSQL server binaries missing: apt-get install -y postgresql" >&2; exit 1; }
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
  log "postgres: initdb and start on 127.0.0.1:$pg_port (fsync and synchronous_commit on, as in production)"
  (cd "$work" && timeout 120 "${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  (cd "$work" && timeout 120 "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null)
  pg_data="$work/pg/data"
  timeout 60 "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "CREATE DATABASE coproduce"
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=coproduce;Maximum Pool Size=100"
  server_db=(Storage__Provider=Postgres "ConnectionStrings__CoProduce=$connection")
  db_args=(--provider postgres --connection "$connection")
else
  server_db=(Storage__Provider=Sqlite)
  db_args=(--provider sqlite --data-dir "$work/data")
fi

port=$(free_port)
base="http://127.0.0.1:$port"
log "server: Production, $provider, $base (Workshops:Bench:Enabled for the reference hub and /bench/memory)"
(
  cd "$build_dir/server"
  exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Urls="$base" \
    Storage__DataDirectory="$work/data" DemoContent__Enabled=false Demo__Seed=false Privacy__SecretKey="$secret_key" \
    Workshops__Bench__Enabled=true "${server_db[@]}" "${extra_settings[@]}" dotnet CoProduce.Server.dll
) >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  if curl --noproxy '*' -fsS -o /dev/null "$base/readyz" 2>/dev/null; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "server exited" >&2; exit 1; }
  sleep 0.5
done
curl --noproxy '*' -fsS -o /dev/null "$base/readyz" || { cat "$work/server.log" >&2; echo "server not ready after 120 s" >&2; exit 1; }

status=0
for n in $sizes; do
  log "$n participants: workshop, join and admit through Core"
  bench 300 setup "${db_args[@]}" --secret-key "$secret_key" --participants "$n" --out "$work/$n-setup.json"
  log "$n participants: /hubs/workshop, ${warmup}s warm-up + ${duration}s"
  bench $(( duration + warmup + 240 )) load --base-url "$base" --setup "$work/$n-setup.json" --hub workshop --label workshop \
    --duration "$duration" --warmup "$warmup" --server-pid "$server_pid" --out "$results/$n-workshop-load.json" --expect "$work/$n-expect.json"
  log "$n participants: stored ballots against acknowledged votes"
  bench 120 check "${db_args[@]}" --secret-key "$secret_key" --setup "$work/$n-setup.json" --expect "$work/$n-expect.json" \
    --out "$results/$n-workshop-check.json" || status=3
  if [ "$reference" = 1 ]; then
    log "$n participants: reference (minimal SignalR broadcast), ${warmup}s warm-up + ${duration}s"
    bench $(( duration + warmup + 240 )) load --base-url "$base" --setup "$work/$n-setup.json" --hub reference --label reference \
      --duration "$duration" --warmup "$warmup" --server-pid "$server_pid" --out "$results/$n-reference-load.json"
  fi
done

echo "uptime at end: $(uptime)" >>"$results/machine.txt"
bench 60 report --dir "$results" | tee "$results/table.md"
echo "results: $results"
exit $status
