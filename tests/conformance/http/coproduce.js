'use strict';
// The real CoProduce server as a conformance target: the Release build of src/CoProduce.Server, started on a free
// loopback port in the Production environment (errors masked) with a throw-away SQLite folder, the demo content
// seeded and introspection switched on (GraphQL__Introspection) for the schema round trip.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const root = path.join(__dirname, '..', '..', '..');
const serverProject = path.join(root, 'src', 'CoProduce.Server');
const serverDll = path.join(serverProject, 'bin', 'Release', 'net10.0', 'CoProduce.Server.dll');

function buildServer() {
  const result = spawnSync('dotnet', ['build', serverProject, '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`dotnet build of the CoProduce server failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Starts the server and resolves with a target once it listens. `settings` adds environment variables
 * (configuration keys with __ for :).
 */
function startCoProduceServer({ build, settings = {} } = {}) {
  if (build) buildServer();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'coproduce-conformance-'));
  return new Promise((resolve, reject) => {
    const child = spawn('dotnet', [serverDll], {
      cwd: path.dirname(serverDll),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: 'Production',
        DOTNET_ENVIRONMENT: 'Production',
        ASPNETCORE_URLS: 'http://127.0.0.1:0',
        Storage__DataDirectory: data,
        Demo__Seed: 'true',
        GraphQL__Introspection: 'true',
        Logging__LogLevel__Default: 'Warning',
        'Logging__LogLevel__Microsoft.Hosting.Lifetime': 'Information',
        ...settings,
      },
    });
    let output = '';
    const cleanUp = () => fs.rmSync(data, { recursive: true, force: true });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the CoProduce server did not start within 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Now listening on: (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      const base = match[1].replace(/\/$/, '');
      resolve({
        name: 'CoProduce server (src/CoProduce.Server, Release, Production, SQLite + demo content)',
        base,
        url: `${base}/graphql`,
        query: '{ openConsultations(first: 5) { totalCount edges { node { reference title { en cy } } } } }',
        subscription: null,
        longSubscription: null,
        forbiddenInit: { authorization: 'Bearer not-a-real-token' },
        initTimeoutMs: 10_000,
        stop: () => new Promise((done) => {
          const finish = () => { cleanUp(); done(); };
          if (child.exitCode !== null) return finish();
          child.once('exit', finish);
          child.kill('SIGTERM');
        }),
      });
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CoProduce server exited with ${code}:\n${output}`));
    });
  });
}

module.exports = { startCoProduceServer, serverDll };
