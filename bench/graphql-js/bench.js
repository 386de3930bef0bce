'use strict';
// The graphql-js 16 side of bench/run-graphql.sh: the same schema, resolvers, data and operations as
// bench/CoProduce.GraphQL.Benchmarks, measured in-process with a timed loop.
//   cold: graphql() — parse + validate + execute on every call
//   warm: execute() on a document parsed and validated once
// Usage: node bench.js [--seconds=N] [--json]
const fs = require('fs');
const path = require('path');
const g = require('graphql');

const root = path.join(__dirname, '..', '..');
const { bind, newRoot } = require(path.join(root, 'tests', 'conformance', 'lib', 'resolvers.js'));
const schema = bind(g.buildSchema(fs.readFileSync(path.join(root, 'tests', 'conformance', 'schema.graphql'), 'utf8')));

const seconds = Number((process.argv.find((a) => a.startsWith('--seconds=')) ?? '--seconds=3').split('=')[1]);
const asJson = process.argv.includes('--json');

const operations = ['three-fields', 'forty-fields', 'introspection', 'large-list'].map((name) => {
  const file = path.join(__dirname, '..', 'queries', `${name}.graphql`);
  const varsFile = file.replace(/\.graphql$/, '.variables.json');
  return {
    name,
    source: fs.readFileSync(file, 'utf8'),
    variables: fs.existsSync(varsFile) ? JSON.parse(fs.readFileSync(varsFile, 'utf8')) : undefined,
  };
});

function check(result, name) {
  if (result.errors) throw new Error(`${name}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result;
}

/** Calls fn until `duration` ms have passed; returns operations per second. Async only when fn returns promises. */
async function measure(fn, duration) {
  let count = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(duration) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) {
      const r = fn();
      if (r && typeof r.then === 'function') await r;
    }
    count += 16;
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

async function main() {
  const results = [];
  for (const op of operations) {
    const document = g.parse(op.source);
    const errors = g.validate(schema, document);
    if (errors.length) throw new Error(`${op.name}: ${errors[0].message}`);
    // graphql() serializes nothing: JSON.stringify is added on both sides' warm and cold paths so the
    // comparison includes writing the response, as the .NET benchmarks do.
    const cold = () => g.graphql({ schema, source: op.source, variableValues: op.variables, rootValue: newRoot() })
      .then((r) => JSON.stringify(check(r, op.name)));
    const warm = () => {
      const r = g.execute({ schema, document, variableValues: op.variables, rootValue: newRoot() });
      return r && typeof r.then === 'function' ? r.then((x) => JSON.stringify(check(x, op.name))) : JSON.stringify(check(r, op.name));
    };
    for (const [mode, fn] of [['cold', cold], ['warm', warm]]) {
      await measure(fn, Math.max(500, seconds * 300)); // warm-up: let V8 optimise
      const opsPerSecond = await measure(fn, seconds * 1000);
      results.push({ operation: op.name, mode, opsPerSecond });
      if (!asJson) console.log(`${op.name.padEnd(14)} ${mode}  ${opsPerSecond.toFixed(0).padStart(10)} ops/s`);
    }
  }
  if (asJson) console.log(JSON.stringify({ node: process.version, graphql: g.version, results }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
