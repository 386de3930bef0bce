'use strict';
// npm run test:http — GraphQL over HTTP (graphql-http's audits) and over WebSocket (graphql-transport-ws) against
// the test host, started here, and against GRAPHQL_HTTP_URL when set (see targets.js). Exits non-zero on any
// failed MUST/SHOULD audit or WebSocket check; the last line is `http-conformance: N passed, N failed`.
//
//   node http/run.js [--no-build] [--no-test-host] [--no-coproduce]
const { startTestHost, externalTarget } = require('./targets');
const { startCoProduceServer, prepareStaff } = require('./coproduce');
const { runSchemaRoundTrip } = require('./schema-roundtrip');
const { runAudits } = require('./audit');
const { runWebSocketChecks } = require('./ws');

const argv = process.argv.slice(2);

async function runTarget(target) {
  console.log(`\n${target.name}: ${target.url}`);
  console.log(' GraphQL over HTTP (graphql-http serverAudits)');
  const audits = await runAudits(target);
  console.log(' GraphQL over WebSocket (graphql-transport-ws)');
  const ws = await runWebSocketChecks(target);
  const result = { passed: audits.passed + ws.passed, failed: audits.failed + ws.failed };
  if (target.extraChecks) {
    console.log(' Workshops and outcome frameworks (HTTP and graphql-transport-ws, with a participant voting through the hub)');
    for (const check of target.extraChecks) {
      try {
        console.log(`  ${check.name} — ok (${await check.run(target)})`);
        result.passed++;
      } catch (e) {
        console.log(`  ${check.name} — FAILED: ${e.message}`);
        result.failed++;
      }
    }
  }
  if (target.schemaRoundTrip) {
    console.log(' Introspection round trip (graphql-js buildClientSchema, validateSchema, printSchema)');
    try {
      console.log(`  ok: ${await target.schemaRoundTrip(target)}`);
      result.passed++;
    } catch (e) {
      console.log(`  FAILED: ${e.message}`);
      result.failed++;
    }
  }
  return result;
}

async function main() {
  let passed = 0;
  let failed = 0;
  const targets = [];
  if (!argv.includes('--no-test-host')) targets.push(() => startTestHost({ build: !argv.includes('--no-build') }));
  if (!argv.includes('--no-coproduce')) {
    targets.push(async () => {
      const server = await startCoProduceServer({ build: !argv.includes('--no-build') });
      try {
        return { ...(await prepareStaff(server)), schemaRoundTrip: runSchemaRoundTrip };
      } catch (e) {
        await server.stop();
        throw e;
      }
    });
  }
  const external = externalTarget();
  if (external) targets.push(async () => external);

  for (const start of targets) {
    const target = await start();
    try {
      const result = await runTarget(target);
      passed += result.passed;
      failed += result.failed;
    } finally {
      await target.stop();
    }
  }

  console.log(`http-conformance: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  console.log('http-conformance: 0 passed, 1 failed');
  process.exitCode = 1;
});
