'use strict';
// Exports the open consultations from the CoProduce server (through its own API) as the reference server's data,
// and checks afterwards that both servers answer the benchmark query identically.
//
//   node snapshot.js export --url URL --query FILE --out FILE
//   node snapshot.js compare --url URL --reference REFERENCE_URL --query FILE
const fs = require('fs');

const [command, ...rest] = process.argv.slice(2);
const args = Object.fromEntries(rest.reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));

async function post(url, query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

async function main() {
  const query = fs.readFileSync(args.query, 'utf8');
  if (command === 'export') {
    // The benchmark query itself (its page holds every open consultation of the run: ten).
    const all = await post(args.url, query);
    const nodes = all.data.openConsultations.edges.map((e) => e.node);
    fs.writeFileSync(args.out, JSON.stringify(nodes));
    console.log(`snapshot: ${nodes.length} consultations`);
  } else if (command === 'compare') {
    const [ours, theirs] = [await post(args.url, query), await post(args.reference, query)];
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error('the two servers answer the benchmark query differently');
    console.log(`identical answers (${Buffer.byteLength(JSON.stringify(ours))} bytes)`);
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
