'use strict';
// The real CoProduce server as a conformance target: the Release build of src/CoProduce.Server, started on a free
// loopback port in the Development environment with a throw-away SQLite folder and the demo content seeded (demo
// consultation and the demo staff accounts, which exist in Development only). Staff checks sign in as the demo
// commissioner and the demo facilitator through the real sign-in form and create API tokens on the real token page
// (staff.js): the live response count subscription, 4409 on a long-running subscription, and the workshop API.
// Development rather than Production because staff pages over plain HTTP need it: outside Development cookies and
// the anti-forgery token are Secure-only, and the anti-forgery check refuses a request that is not HTTPS. Error
// masking (Production) is covered by the .NET tests (tests/CoProduce.Server.Tests/Errors, Api).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { signIn, createApiToken, graphql } = require('./staff');
const { prepareWorkshop, workshopChecks } = require('./workshop');

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
        ASPNETCORE_ENVIRONMENT: 'Development',
        DOTNET_ENVIRONMENT: 'Development',
        ASPNETCORE_URLS: 'http://127.0.0.1:0',
        // appsettings.json's `Urls` (5080) outranks ASPNETCORE_URLS; a free port keeps parallel runs apart.
        Urls: 'http://127.0.0.1:0',
        Storage__DataDirectory: data,
        Demo__Seed: 'true',
        GraphQL__Introspection: 'true',
        Logging__LogLevel__Default: 'Warning',
        Logging__LogLevel__Microsoft: 'Warning',
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
        name: 'CoProduce server (src/CoProduce.Server, Release, Development, SQLite + demo content)',
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

// The demo accounts (src/CoProduce.Server/Staff/DemoStaffAccounts.cs; printed at start-up and listed in README).
const DEMO_COMMISSIONER = { email: 'commissioner@coproduce.example', password: 'Demo-Commissioner-Password-1' };
const DEMO_FACILITATOR = { email: 'facilitator@coproduce.example', password: 'Demo-Facilitator-Password-1' };
const DEMO_REFERENCE = 'BH-SV-2026';

/**
 * Signs in as the demo commissioner, creates an API token, and adds to the target what the token-needing checks
 * use: the connection_init payload carrying the token, a long-running subscription (the demo consultation's live
 * response count, for 4409), and the subscription check itself (ws.js runs `runSubscription` when a target has it).
 * Then signs in as the demo facilitator and prepares a live workshop for the workshop checks (workshop.js).
 */
async function prepareStaff(target) {
  const token = await createApiToken(await signIn(target.base, DEMO_COMMISSIONER), 'conformance');
  const { consultation } = await graphql(target.url, 'query($r: String!) { consultation(by: { reference: $r }) { id } }', { r: DEMO_REFERENCE }, token);
  if (!consultation) throw new Error(`the demo consultation ${DEMO_REFERENCE} is not there`);
  const counts = `subscription { responseCountChanged(consultationId: "${consultation.id}") { total online } }`;
  return {
    ...target,
    token,
    initPayload: { authorization: `Bearer ${token}` },
    subscription: counts,
    longSubscription: counts,
    runSubscription: (client) => countArrives(client, target.url, counts),
    workshop: await prepareWorkshop(target, await signIn(target.base, DEMO_FACILITATOR)),
    extraChecks: workshopChecks,
  };
}

/**
 * Subscribes to the live count, submits an anonymous response through the public mutation once the first count has
 * arrived, and resolves when the count that includes it arrives.
 */
function countArrives(client, url, query) {
  return new Promise((resolve, reject) => {
    let first = null;
    const timer = setTimeout(() => { stop(); reject(new Error(`no new count within 15 s (first: ${JSON.stringify(first)})`)); }, 15_000);
    const stop = client.subscribe({ query }, {
      next: (value) => {
        if (!value.data || value.errors) {
          clearTimeout(timer);
          stop();
          reject(new Error(`expected data, got ${JSON.stringify(value)}`));
          return;
        }
        const counts = value.data.responseCountChanged;
        if (first === null) {
          first = counts;
          graphql(url, 'mutation($r: String!) { submitResponse(input: { consultationReference: $r }) { receipt { code } errors { code } } }', { r: DEMO_REFERENCE })
            .then(({ submitResponse }) => {
              if (submitResponse.errors.length > 0) throw new Error(`submitResponse refused: ${JSON.stringify(submitResponse.errors)}`);
            })
            .catch((e) => { clearTimeout(timer); stop(); reject(e); });
        } else if (counts.total === first.total + 1 && counts.online === first.online + 1) {
          clearTimeout(timer);
          stop();
          resolve(`count ${first.total} at once, then ${counts.total} after submitResponse`);
        }
      },
      error: (e) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(JSON.stringify(e))); },
      complete: () => {},
    });
  });
}

module.exports = { startCoProduceServer, prepareStaff, serverDll };
