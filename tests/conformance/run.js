'use strict';
// npm test: holds CoProduce.GraphQL against graphql-js 16 on every document of corpus/ and on the introspection
// round trip. Exits non-zero on any disagreement; the last line is `conformance: N passed, N failed`.
//
//   node run.js [--filter=TEXT] [--no-build] [--json=FILE]
//     --filter   only cases whose name contains TEXT
//     --no-build use the host as already built (Release)
//     --json     also write every case's two outcomes to FILE
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const g = require('graphql');
const { loadCorpus } = require('./lib/corpus');
const { runReference, sdl } = require('./lib/reference');

const argv = process.argv.slice(2);
const option = (name) => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return null;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};

const here = __dirname;
const hostProject = path.join(here, '..', 'CoProduce.GraphQL.Conformance');
const hostDll = path.join(hostProject, 'bin', 'Release', 'net10.0', 'CoProduce.GraphQL.Conformance.dll');
const INTROSPECTION = 'introspection/full-introspection-query';
const ASYNC = '(async resolvers)';

/** The full introspection query with every option graphql-js 16 knows. */
function introspectionQuery() {
  return g.getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });
}

function buildHost() {
  if (option('no-build')) return null;
  const result = spawnSync('dotnet', ['build', hostProject, '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
  if (result.status !== 0) return `dotnet build failed:\n${result.stdout}${result.stderr}`;
  return null;
}

function runHost(cases, extraArgs = []) {
  const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const result = spawnSync('dotnet', [hostDll, path.join(here, 'schema.graphql'), path.join(here, 'data.json'), ...extraArgs], {
    input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 180_000,
  });
  const outcomes = new Map();
  const stray = [];
  for (const line of (result.stdout ?? '').split('\n')) {
    if (!line.trim()) continue;
    try {
      const outcome = JSON.parse(line);
      outcomes.set(outcome.name, outcome);
    } catch {
      stray.push(line);
    }
  }
  const problem = result.status === 0 && stray.length === 0
    ? null
    : `host exited with ${result.status ?? result.signal}: ${stray.join('\n').slice(0, 2000)}${(result.stderr ?? '').slice(0, 4000)}`;
  return { outcomes, problem };
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The differences between graphql-js's outcome and ours, as readable lines (empty when they agree). */
function compare(ref, ours) {
  if (!ours) return ['no answer from the .NET host'];
  if (ours.hostError) return [`the .NET host failed on this case: ${ours.hostError}`];
  const diffs = [];
  if ((ref.syntax === null) !== (ours.syntax === null)) {
    diffs.push(`syntax error: graphql-js ${ref.syntax ?? 'none'}, ours ${ours.syntax ?? 'none'}`);
    return diffs;
  }
  if (ref.syntax !== null) {
    if (ref.syntax !== ours.syntax) diffs.push(`syntax error location: graphql-js ${ref.syntax}, ours ${ours.syntax}`);
    return diffs;
  }
  if (!same(ref.validation, ours.validation)) {
    const n = (v) => (v ? v.length : 'none');
    diffs.push(`validation errors: graphql-js ${n(ref.validation)} [${(ref.validation ?? []).join(' | ')}], ours ${n(ours.validation)} [${(ours.validation ?? []).join(' | ')}]`);
  }
  if (ref.executed !== ours.executed) {
    diffs.push(`executed: graphql-js ${ref.executed}, ours ${ours.executed}`);
    return diffs;
  }
  if (!ref.executed) return diffs;
  if (ref.hasData !== ours.hasData) diffs.push(`data present: graphql-js ${ref.hasData}, ours ${ours.hasData}`);
  if (ref.data !== ours.data) diffs.push(dataDiff(ref.data, ours.data));
  if (!same(ref.errorPaths, ours.errorPaths)) {
    diffs.push(`error paths: graphql-js [${ref.errorPaths.join(' ')}], ours [${(ours.errorPaths ?? []).join(' ')}]`);
  }
  return diffs;
}

/** Both data texts, or for long ones the stretch around the first difference. */
function dataDiff(expected, actual) {
  const a = String(expected);
  const b = String(actual);
  if (a.length + b.length < 1200) return `data:\n      graphql-js ${a}\n      ours       ${b}`;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 150);
  return `data differ from character ${i}:\n      graphql-js …${a.slice(from, i + 150)}…\n      ours       …${b.slice(from, i + 150)}…`;
}

/** Introspection round trip: our result → buildClientSchema → validateSchema, and printed schemas equal. */
function introspectionChecks(ours) {
  const checks = [];
  let client = null;
  try {
    if (!ours || !ours.hasData) throw new Error('no introspection data from the .NET host');
    client = g.buildClientSchema(JSON.parse(ours.data));
    const errors = g.validateSchema(client);
    checks.push({ name: 'introspection/buildClientSchema+validateSchema', diffs: errors.map((e) => `validateSchema: ${e.message}`) });
  } catch (e) {
    checks.push({ name: 'introspection/buildClientSchema+validateSchema', diffs: [`buildClientSchema failed: ${e.message}`] });
  }
  const expected = g.printSchema(g.lexicographicSortSchema(g.buildSchema(sdl)));
  if (client) {
    const actual = g.printSchema(g.lexicographicSortSchema(client));
    const diffs = [];
    if (actual !== expected) {
      const a = actual.split('\n');
      const b = expected.split('\n');
      for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < 12; i++) {
        if (a[i] !== b[i]) diffs.push(`line ${i + 1}: graphql-js ${JSON.stringify(b[i])}, ours ${JSON.stringify(a[i])}`);
      }
    }
    checks.push({ name: 'introspection/printed-schema-equal', diffs });
  } else {
    checks.push({ name: 'introspection/printed-schema-equal', diffs: ['no client schema to print'] });
  }
  return checks;
}

async function main() {
  const started = Date.now();
  const filter = option('filter');
  let cases = loadCorpus();
  cases.push({ name: INTROSPECTION, source: introspectionQuery(), variables: null, operationName: null });
  if (typeof filter === 'string') cases = cases.filter((c) => c.name.includes(filter));

  const references = new Map();
  for (const c of cases) references.set(c.name, await runReference(c));
  const refTime = Date.now() - started;

  const buildProblem = buildHost();
  const { outcomes, problem } = buildProblem ? { outcomes: new Map(), problem: buildProblem } : runHost(cases);
  if (problem) console.log(`\n!! ${problem}\n`);

  const results = cases.map((c) => ({ name: c.name, diffs: compare(references.get(c.name), outcomes.get(c.name)) }));
  if (cases.some((c) => c.name === INTROSPECTION)) results.push(...introspectionChecks(outcomes.get(INTROSPECTION)));

  // Every executed document again with resolvers that yield first: the engine's asynchronous path (concurrent query
  // fields, serial mutations) must give the same response, field order and error paths included.
  const executable = cases.filter((c) => references.get(c.name).executed);
  let asyncProblem = null;
  if (!buildProblem && executable.length > 0) {
    const run = runHost(executable, ['--async']);
    asyncProblem = run.problem;
    if (asyncProblem) console.log(`\n!! (async resolvers) ${asyncProblem}\n`);
    for (const c of executable) {
      const name = `${c.name} ${ASYNC}`;
      references.set(name, references.get(c.name));
      const ours = run.outcomes.get(c.name);
      if (ours) outcomes.set(name, ours);
      results.push({ name, diffs: compare(references.get(c.name), ours) });
    }
  }

  const failed = results.filter((r) => r.diffs.length > 0);
  // When the host gave no answer at all, the problem above says why; listing every case would only bury it.
  const listed = outcomes.size === 0 ? [] : failed;
  for (const r of listed) {
    const c = cases.find((x) => x.name === r.name.replace(` ${ASYNC}`, ''));
    console.log(`✗ ${r.name}`);
    for (const d of r.diffs) console.log(`    ${d}`);
    const ref = references.get(r.name);
    const ours = outcomes.get(r.name);
    if (ref) console.log(`    graphql-js messages: ${JSON.stringify(ref.messages)}`);
    if (ours) console.log(`    our messages:        ${JSON.stringify(ours.messages)}`);
    if (c && c.source.length < 400 && r.name !== INTROSPECTION) console.log(`    document: ${JSON.stringify(c.source)}`);
  }

  const json = option('json');
  if (typeof json === 'string') {
    fs.writeFileSync(json, JSON.stringify(cases.map((c) => ({
      name: c.name, graphqljs: references.get(c.name), ours: outcomes.get(c.name) ?? null,
    })), null, 1));
  }

  // Per-kind tally, so a reader sees where the agreement is.
  const kinds = {};
  for (const r of results) {
    const ref = references.get(r.name);
    const kind = !ref ? 'introspection round trip' : r.name.endsWith(ASYNC) ? 'executed, async resolvers' : ref.syntax ? 'syntax error' : ref.validation.length ? 'invalid' : ref.executed ? 'executed' : 'valid, not executed';
    kinds[kind] ??= { passed: 0, failed: 0 };
    kinds[kind][r.diffs.length ? 'failed' : 'passed']++;
  }
  console.log('');
  for (const [kind, t] of Object.entries(kinds)) console.log(`  ${kind.padEnd(26)} ${t.passed} agree, ${t.failed} disagree`);
  // Messages are not part of the comparison (graphql-js's wording is not the specification's), but it is useful
  // to know how often they match too.
  const answered = cases.filter((c) => outcomes.has(c.name));
  const sameMessages = answered.filter((c) => same(references.get(c.name).messages, outcomes.get(c.name).messages));
  console.log(`  error messages identical in ${sameMessages.length} of ${answered.length} documents (not compared)`);
  console.log(`  (${cases.length} documents; graphql-js ${refTime} ms, total ${Date.now() - started} ms)`);
  console.log(`conformance: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 || problem || asyncProblem ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  console.log('conformance: 0 passed, 1 failed');
  process.exitCode = 1;
});
