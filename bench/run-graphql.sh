#!/usr/bin/env bash
# Runs the GraphQL engine benchmarks and the same operations on graphql-js 16, then prints one table:
# operations per second on each side and the ratio (ours / graphql-js), with our allocations per operation.
#   bench/run-graphql.sh            BenchmarkDotNet short job (3 warm-ups, 3 iterations) + graphql-js 3 s per case
#   JOB=medium bench/run-graphql.sh longer and steadier, when the machine is quiet
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
out="$here/BenchmarkDotNet.Artifacts/graphql"
mkdir -p "$out"

[ -d graphql-js/node_modules ] || (cd graphql-js && npm ci --no-audit --no-fund --loglevel=error)

# The machine may be shared: graphql-js is measured before and after .NET and its better figure kept, so a busy
# moment cannot flatter our ratio.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "==> graphql-js $(node -p "require('./graphql-js/node_modules/graphql/package.json').version") on node $(node --version) (1 of 2)"
node graphql-js/bench.js --seconds="${JS_SECONDS:-3}" --json > "$out/graphql-js-1.json"

echo "==> CoProduce.GraphQL (BenchmarkDotNet, job ${JOB:-short})"
(cd CoProduce.GraphQL.Benchmarks && dotnet run -c Release -- \
  --job "${JOB:-short}" --inProcess --filter '*ExecutionBenchmarks*' --exporters json \
  --artifacts "$here/BenchmarkDotNet.Artifacts" ) > "$out/dotnet.log" 2>&1 || { tail -50 "$out/dotnet.log"; exit 1; }

echo "==> graphql-js (2 of 2)"
node graphql-js/bench.js --seconds="${JS_SECONDS:-3}" --json > "$out/graphql-js-2.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

report=$(ls -t "$here"/BenchmarkDotNet.Artifacts/results/*ExecutionBenchmarks*-report-full-compressed.json | head -1)
node - "$out/graphql-js-1.json" "$out/graphql-js-2.json" "$report" "$load_before" "$load_after" <<'JS'
const fs = require('fs');
const [jsFile1, jsFile2, dotnetFile, loadBefore, loadAfter] = process.argv.slice(2);
const js = JSON.parse(fs.readFileSync(jsFile1, 'utf8'));
const js2 = JSON.parse(fs.readFileSync(jsFile2, 'utf8'));
js.results.forEach((r, i) => { r.opsPerSecond = Math.max(r.opsPerSecond, js2.results[i].opsPerSecond); });
const net = JSON.parse(fs.readFileSync(dotnetFile, 'utf8'));
const ours = {};
for (const b of net.Benchmarks) {
  const op = /Operation=([\w-]+)/.exec(b.Parameters)[1];
  ours[`${op}/${b.Method.toLowerCase()}`] = {
    ops: 1e9 / b.Statistics.Mean,
    alloc: b.Memory ? b.Memory.BytesAllocatedPerOperation : null,
  };
}
const fmt = (n) => n >= 100 ? Math.round(n).toLocaleString('en-GB') : n.toFixed(1);
const kb = (b) => b == null ? '?' : b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`;
const rows = [['operation', 'mode', 'CoProduce ops/s', 'graphql-js ops/s', 'ratio', 'aim', 'allocated/op']];
for (const r of js.results) {
  const o = ours[`${r.operation}/${r.mode}`];
  if (!o) continue;
  const ratio = o.ops / r.opsPerSecond;
  const aim = r.mode === 'warm' ? 5 : 2;
  rows.push([r.operation, r.mode, fmt(o.ops), fmt(r.opsPerSecond), `${ratio.toFixed(1)}×`, ratio >= aim ? `≥${aim}× met` : `≥${aim}× MISSED`, kb(o.alloc)]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
console.log(`\nload average (1, 5, 15 min) before: ${loadBefore}, after: ${loadAfter}`);
console.log(`node ${js.node}, graphql ${js.graphql}; ${net.HostEnvironmentInfo.RuntimeVersion}; ${net.HostEnvironmentInfo.ProcessorName}, ${net.HostEnvironmentInfo.LogicalCoreCount} logical cores`);
JS
