'use strict';
// One autocannon run: POST a GraphQL request to a URL with N connections for D seconds; writes a JSON summary.
//
//   node load.js --url URL --query FILE [--variables FILE] --connections 50 --duration 30 --out FILE [--warmup S]
const fs = require('fs');
const autocannon = require('autocannon');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const body = JSON.stringify({
  query: fs.readFileSync(args.query, 'utf8'),
  variables: args.variables ? JSON.parse(fs.readFileSync(args.variables, 'utf8')) : undefined,
});
const request = {
  url: args.url,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body,
};

function run(duration) {
  return new Promise((resolve, reject) => {
    autocannon({ ...request, connections: Number(args.connections || 50), duration: Number(duration) }, (error, result) =>
      (error ? reject(error) : resolve(result)));
  });
}

async function main() {
  // One request first: the answer must carry data and no errors, or the load would measure failures.
  const check = await fetch(args.url, { method: 'POST', headers: request.headers, body });
  const answer = await check.json();
  if (!check.ok || answer.errors || !answer.data) throw new Error(`${args.url} answered ${check.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  const payloadErrors = answer.data.submitResponse && answer.data.submitResponse.errors;
  if (payloadErrors && payloadErrors.length) throw new Error(`submission refused: ${JSON.stringify(payloadErrors)}`);

  if (Number(args.warmup || 0) > 0) await run(args.warmup);
  const result = await run(args.duration || 30);
  const summary = {
    url: args.url,
    query: args.query,
    connections: result.connections,
    duration: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    responseBytes: Buffer.byteLength(JSON.stringify(answer)),
  };
  fs.writeFileSync(args.out, JSON.stringify(summary, null, 2));
  console.log(`${summary.requestsPerSecond.toFixed(0)} req/s, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, non-2xx ${summary.non2xx}, errors ${summary.errors}`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
