'use strict';
// The servers the HTTP/WebSocket conformance suite runs against.
//
// - "test host": tests/CoProduce.GraphQL.AspNetCore.TestHost (the library serving its test schema), started here
//   from its Release build on a free port.
// - "external": any server already running, when GRAPHQL_HTTP_URL is set (e.g. http://127.0.0.1:5080/graphql).
//   Optional: GRAPHQL_WS_SUBSCRIPTION (a finite subscription for the graphql-ws client test),
//   GRAPHQL_WS_LONG_SUBSCRIPTION (one that stays open, for 4409), GRAPHQL_WS_FORBIDDEN_INIT (a connection_init
//   payload, as JSON, that the server refuses, for 4403), GRAPHQL_WS_INIT_TIMEOUT_MS (the server's init timeout).
//   Checks whose setting is missing are reported as skipped.
//
// A target is { name, url, query, subscription?, longSubscription?, forbiddenInit?, initTimeoutMs, stop() }.
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const root = path.join(__dirname, '..', '..', '..');
const hostProject = path.join(root, 'tests', 'CoProduce.GraphQL.AspNetCore.TestHost');
const hostDll = path.join(hostProject, 'bin', 'Release', 'net10.0', 'CoProduce.GraphQL.AspNetCore.TestHost.dll');

function buildTestHost() {
  const result = spawnSync('dotnet', ['build', hostProject, '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`dotnet build of the test host failed:\n${result.stdout}${result.stderr}`);
}

/** Starts the test host and resolves once it prints the URL it listens on. */
function startTestHost({ build }) {
  if (build) buildTestHost();
  return new Promise((resolve, reject) => {
    const child = spawn('dotnet', [hostDll], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DOTNET_ENVIRONMENT: 'Production', ASPNETCORE_ENVIRONMENT: 'Production' },
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the test host did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /GRAPHQL_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({
          name: 'test host (CoProduce.GraphQL.AspNetCore.TestHost)',
          url: match[1],
          query: '{ hello }',
          subscription: 'subscription { count(to: 3) }',
          longSubscription: 'subscription { ticks(intervalMs: 1000) }',
          forbiddenInit: { token: 'reject' },
          initTimeoutMs: 2000,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the test host exited with ${code}:\n${output}`));
    });
  });
}

function externalTarget() {
  const url = process.env.GRAPHQL_HTTP_URL;
  if (!url) return null;
  const forbidden = process.env.GRAPHQL_WS_FORBIDDEN_INIT;
  return {
    name: `external (${url})`,
    url,
    query: process.env.GRAPHQL_WS_QUERY || '{ __typename }',
    subscription: process.env.GRAPHQL_WS_SUBSCRIPTION || null,
    longSubscription: process.env.GRAPHQL_WS_LONG_SUBSCRIPTION || null,
    forbiddenInit: forbidden ? JSON.parse(forbidden) : null,
    initTimeoutMs: Number(process.env.GRAPHQL_WS_INIT_TIMEOUT_MS || 10_000),
    stop: async () => {},
  };
}

module.exports = { startTestHost, externalTarget };
