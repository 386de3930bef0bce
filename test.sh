#!/usr/bin/env bash
# Runs the whole CoProduce test suite on a fresh Debian machine with the .NET SDK, Node.js and root.
# It first installs whatever is missing (Debian packages, npm packages), then builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\n==> %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------------
need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- npm packages (every folder of ours with a package-lock.json) -----------------------------------
while IFS= read -r lock; do
  dir=$(dirname "$lock")
  if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done < <(find . -name package-lock.json -not -path '*/node_modules/*' -not -path './.git/*' | sort)

# --- build ------------------------------------------------------------------------------------------
log "dotnet build"
dotnet build CoProduce.sln -c Release --nologo -v quiet -clp:ErrorsOnly

log "dotnet format (verify)"
dotnet format CoProduce.sln --verify-no-changes --no-restore -v quiet

# --- .NET tests -------------------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
status=0
for proj in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$proj" || continue   # support libraries and hosts
  name=$(basename "$proj" .csproj)
  log "dotnet test $name"
  dotnet test "$proj" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# --- conformance against the reference implementations (npm) ----------------------------------------
if [ -f tests/conformance/package.json ]; then
  log "conformance (graphql-js)"
  (cd tests/conformance && npm test) || status=1
fi

# --- one closing line over every .NET test run -------------------------------------------------------
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
echo
echo "dotnet: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit $status
