'use strict';
// Workshops through the API on the real CoProduce server. The demo facilitator signs in, creates a workshop on the
// real "new workshop" page, adds a dot-voting activity, starts the room and shows the activity on the real run page,
// and asks for a join code there; an API token (made on the token page) then reads the workshop over HTTP and
// subscribes to its live tallies over graphql-transport-ws, while a participant joins on the real join page and
// votes through the workshop hub (SignalR's JSON hub protocol over a plain WebSocket, as the .NET HubJsonClient does).
const WebSocket = require('ws');
const { createClient } = require('graphql-ws');
const { session, createApiToken, graphql } = require('./staff');

const SEPARATOR = '\u001e';

/** Resolves with { id, activityId, token, code } for a live workshop showing a dot-voting activity. */
async function prepareWorkshop(target, facilitator) {
  const token = await createApiToken(facilitator, 'conformance workshops');
  const created = await facilitator.submit('/staff/workshops/new', {
    'title-en': 'Conformance workshop', 'title-cy': 'Gweithdy cydymffurfio',
    'purpose-en': 'Checking the API', 'purpose-cy': "Gwirio'r API",
    'groundRules-en': 'Be kind', 'groundRules-cy': 'Byddwch yn garedig',
    'supportInformation-en': 'Live Fear Free: 0808 80 10 800', 'supportInformation-cy': 'Byw Heb Ofn: 0808 80 10 800',
    phase: 'Plan', jurisdiction: 'Wales', date: '2030-01-01', time: '10:00',
  });
  const id = /\/staff\/workshops\/([0-9a-f-]{36})/.exec(created.location ?? '')?.[1];
  if (created.status !== 302 || !id) throw new Error(`creating a workshop on the page failed: ${created.status} ${created.location ?? ''}`);

  const run = `/staff/workshops/${id}`;
  const expectRedirect = async (fields, handler) => {
    const result = await facilitator.submit(run, fields, `${run}?handler=${handler}`);
    if (result.status !== 302) throw new Error(`${handler} on the run page answered ${result.status}`);
  };
  await expectRedirect({
    kind: 'DotVoting', 'activityTitle-en': 'Priorities', 'activityTitle-cy': 'Blaenoriaethau',
    options: "Childcare|Gofal plant\nTravel|Teithio\nEvenings|Gyda'r nos", dots: '3',
  }, 'AddActivity');
  const { workshop } = await graphql(target.url, 'query($id: ID!) { workshop(id: $id) { activities { id kind } } }', { id }, token);
  const activityId = workshop.activities.find((a) => a.kind === 'DOT_VOTING')?.id;
  if (!activityId) throw new Error(`the new activity is not in the workshop: ${JSON.stringify(workshop)}`);
  await expectRedirect({ command: 'Start' }, 'Control');
  await expectRedirect({ command: 'ShowActivity', activityId }, 'Control');
  const shown = await facilitator.submit(run, {}, `${run}?handler=ShowCode`);
  const code = /app-join-code">\s*([^<\s]+)\s*</.exec(shown.html)?.[1];
  if (!code) throw new Error('the run page showed no join code');
  return { id, activityId, token, code };
}

/** A participant: joins on the join page, connects to the hub with the seat cookie, enters, votes; resolves with the vote's answer. */
async function voteAsParticipant(target, { code, activityId }, choices) {
  const participant = session(target.base);
  const joined = await participant.submit('/workshop', { code, pseudonym: '', language: 'en' });
  if (joined.status !== 302 || !/\/workshop\/live/.test(joined.location ?? '')) throw new Error(`joining failed: ${joined.status} ${joined.location ?? ''}`);

  const hub = new WebSocket(`${target.base.replace(/^http/, 'ws')}/hubs/workshop?lang=en`, {
    headers: { cookie: participant.cookies(), origin: target.base },
  });
  const frames = [];
  const waiters = [];
  hub.on('message', (data) => {
    for (const text of data.toString().split(SEPARATOR).filter(Boolean)) {
      const message = JSON.parse(text);
      const waiter = waiters.findIndex((w) => w.match(message));
      if (waiter >= 0) waiters.splice(waiter, 1)[0].resolve(message);
      else frames.push(message);
    }
  });
  const next = (match) => new Promise((resolve, reject) => {
    const found = frames.findIndex(match);
    if (found >= 0) return resolve(frames.splice(found, 1)[0]);
    const timer = setTimeout(() => reject(new Error('the hub did not answer within 10 s')), 10_000);
    waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
  });
  try {
    await new Promise((resolve, reject) => { hub.once('open', resolve); hub.once('error', reject); });
    hub.send(JSON.stringify({ protocol: 'json', version: 1 }) + SEPARATOR);
    const handshake = await next(() => true);
    if (handshake.error) throw new Error(`hub handshake refused: ${handshake.error}`);
    const invoke = async (invocationId, method, args) => {
      hub.send(JSON.stringify({ type: 1, invocationId, target: method, arguments: args }) + SEPARATOR);
      const completion = await next((m) => m.type === 3 && m.invocationId === invocationId);
      if (completion.error || !completion.result?.ok) throw new Error(`${method} failed: ${JSON.stringify(completion)}`);
      return completion.result;
    };
    await invoke('1', 'Enter', []);
    return await invoke('2', 'Vote', [{ activityId, choices }]);
  } finally {
    hub.close();
  }
}

const workshopChecks = [
  {
    name: 'workshops over HTTP (facilitator token): the new workshop, live, with an empty tally',
    run: async (target) => {
      const { workshop } = target;
      const data = await graphql(target.url, `{ workshops(first: 100) { totalCount edges { node {
        id state youFacilitate participantCount activities { id kind items { id } tally { voters suppressed counts { itemId count } } } } } } }`, {}, workshop.token);
      const node = data.workshops.edges.map((e) => e.node).find((n) => n.id === workshop.id);
      if (!node) throw new Error(`the workshop is not listed: ${JSON.stringify(data)}`);
      const tally = node.activities.find((a) => a.id === workshop.activityId)?.tally;
      const counts = JSON.stringify(tally?.counts);
      if (node.state !== 'LIVE' || !node.youFacilitate || tally?.voters !== 0 || tally.suppressed
        || counts !== JSON.stringify([{ itemId: 'o1', count: 0 }, { itemId: 'o2', count: 0 }, { itemId: 'o3', count: 0 }])) {
        throw new Error(`unexpected workshop: ${JSON.stringify(node)}`);
      }
      return `${data.workshops.totalCount} workshop(s); LIVE, youFacilitate, counts ${counts}`;
    },
  },
  {
    name: "another organisation's workshop is not revealed (commissioner token); outcomeFrameworks runs",
    run: async (target) => {
      const data = await graphql(target.url, 'query($id: ID!) { workshop(id: $id) { id } outcomeFrameworks { totalCount } }', { id: target.workshop.id }, target.token);
      if (data.workshop !== null) throw new Error(`expected null, got ${JSON.stringify(data.workshop)}`);
      return `workshop: null; outcomeFrameworks.totalCount ${data.outcomeFrameworks.totalCount}`;
    },
  },
  {
    name: 'graphql-ws client: workshopTallies sends the tally at once, then after a participant votes through the hub',
    run: async (target) => {
      const { workshop } = target;
      const client = createClient({
        url: target.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true,
        connectionParams: { authorization: `Bearer ${workshop.token}` },
      });
      try {
        return await new Promise((resolve, reject) => {
          let first = null;
          const fail = (e) => { clearTimeout(timer); stop(); reject(e instanceof Error ? e : new Error(JSON.stringify(e))); };
          const timer = setTimeout(() => fail(new Error(`no tally after the vote within 15 s (first: ${JSON.stringify(first)})`)), 15_000);
          const stop = client.subscribe({
            query: 'subscription($id: ID!) { workshopTallies(workshopId: $id) { activityId voters counts { itemId count } } }',
            variables: { id: workshop.id },
          }, {
            next: (value) => {
              if (!value.data || value.errors) return fail(new Error(`expected data, got ${JSON.stringify(value)}`));
              const tally = value.data.workshopTallies;
              if (first === null) {
                first = tally;
                if (tally.activityId !== workshop.activityId || tally.voters !== 0) return fail(new Error(`unexpected first tally ${JSON.stringify(tally)}`));
                voteAsParticipant(target, workshop, ['o1', 'o1', 'o3']).catch(fail);
              } else if (tally.voters === 1) {
                const counts = JSON.stringify(tally.counts);
                if (counts !== JSON.stringify([{ itemId: 'o1', count: 2 }, { itemId: 'o3', count: 1 }])) return fail(new Error(`unexpected tally ${counts}`));
                clearTimeout(timer);
                stop();
                resolve(`voters 0 at once, then 1 with ${counts}`);
              }
            },
            error: fail,
            complete: () => {},
          });
        });
      } finally {
        await client.dispose();
      }
    },
  },
];

module.exports = { prepareWorkshop, workshopChecks };
