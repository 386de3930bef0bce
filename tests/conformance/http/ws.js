'use strict';
// graphql-transport-ws checks: the graphql-ws client runs a query and a subscription; raw `ws` sockets provoke each
// error close code of the protocol (github.com/enisdenjo/graphql-ws, PROTOCOL.md).
const WebSocket = require('ws');
const { createClient } = require('graphql-ws');

const PROTOCOL = 'graphql-transport-ws';
const WAIT_MS = 10_000;

function wsUrl(url) {
  return url.replace(/^http/, 'ws');
}

/** Opens a raw socket; resolves once open. */
function open(target, protocols = [PROTOCOL]) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(target.url), protocols);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with { code, reason } when the server closes the socket (fails after `ms`). */
function closed(socket, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no close within ${ms} ms`)), ms);
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** Resolves with the next parsed message. */
function nextMessage(socket, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message within ${ms} ms`)), ms);
    socket.once('message', (data) => {
      clearTimeout(timer);
      resolve(JSON.parse(data.toString()));
    });
  });
}

async function initialised(target) {
  const socket = await open(target);
  socket.send(JSON.stringify({ type: 'connection_init', payload: target.initPayload }));
  const ack = await nextMessage(socket);
  if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return socket;
}

/** A check that the server closes with `code` after `act(socket)`. */
function closeCheck(name, code, openSocket, act) {
  return {
    name: `${code} ${name}`,
    run: async (target) => {
      const socket = await openSocket(target);
      const done = closed(socket, Math.max(WAIT_MS, target.initTimeoutMs + 5_000));
      act(socket, target);
      const { code: actual, reason } = await done;
      if (actual !== code) throw new Error(`closed with ${actual} "${reason}", expected ${code}`);
      return `closed with ${actual} "${reason}"`;
    },
  };
}

function collect(client, payload) {
  return new Promise((resolve, reject) => {
    const results = [];
    client.subscribe(payload, {
      next: (value) => results.push(value),
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => resolve(results),
    });
  });
}

const checks = [
  {
    name: 'graphql-ws client: query',
    run: async (target) => {
      const client = createClient({ url: wsUrl(target.url), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
      try {
        const results = await collect(client, { query: target.query });
        if (results.length !== 1 || !results[0].data || results[0].errors) {
          throw new Error(`expected one result with data, got ${JSON.stringify(results)}`);
        }
        return JSON.stringify(results[0]);
      } finally {
        await client.dispose();
      }
    },
  },
  {
    name: 'graphql-ws client: subscription',
    needs: 'subscription',
    run: async (target) => {
      const client = createClient({
        url: wsUrl(target.url), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: target.initPayload,
      });
      try {
        // A target whose subscriptions never end on their own says how to see one work (e.g. cause an event).
        if (target.runSubscription) return await target.runSubscription(client);
        const results = await collect(client, { query: target.subscription });
        if (results.length === 0 || results.some((r) => !r.data || r.errors)) {
          throw new Error(`expected events with data, got ${JSON.stringify(results)}`);
        }
        return `${results.length} events, then complete`;
      } finally {
        await client.dispose();
      }
    },
  },
  {
    name: 'ping is answered with pong',
    run: async (target) => {
      const socket = await open(target);
      try {
        socket.send(JSON.stringify({ type: 'ping' }));
        const pong = await nextMessage(socket);
        if (pong.type !== 'pong') throw new Error(`expected pong, got ${JSON.stringify(pong)}`);
        return 'pong';
      } finally {
        socket.close();
      }
    },
  },
  closeCheck('invalid message (not JSON)', 4400, open, (s) => s.send('{not json')),
  closeCheck('invalid message (unknown type)', 4400, open, (s) => s.send(JSON.stringify({ type: 'hello' }))),
  closeCheck('invalid message (subscribe without id)', 4400, initialised,
    (s) => s.send(JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } }))),
  closeCheck('unauthorized (subscribe before connection_ack)', 4401, open,
    (s) => s.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }))),
  {
    ...closeCheck('forbidden (connection_init refused by the server)', 4403, open,
      (s, t) => s.send(JSON.stringify({ type: 'connection_init', payload: t.forbiddenInit }))),
    needs: 'forbiddenInit',
  },
  closeCheck('subprotocol not acceptable (none offered)', 4406, (t) => open(t, []), () => {}),
  {
    // A client that offers only the legacy protocol must not get it. `ws` (as RFC 6455 allows) fails the handshake
    // itself when the server selects none of the offered protocols, so it sees no 4406; either outcome is right.
    name: '4406 subprotocol not acceptable (legacy graphql-ws offered)',
    run: async (target) => {
      let socket;
      try {
        socket = await open(target, ['graphql-ws']);
      } catch (e) {
        if (/no subprotocol/i.test(e.message)) return 'handshake refused by the client: the server selected no subprotocol';
        throw e;
      }
      const { code, reason } = await closed(socket);
      if (code !== 4406) throw new Error(`closed with ${code} "${reason}", expected 4406`);
      return `closed with ${code} "${reason}"`;
    },
  },
  closeCheck('connection initialisation timeout', 4408, open, () => {}),
  {
    ...closeCheck('subscriber for id already exists', 4409, initialised, (s, t) => {
      const message = JSON.stringify({ id: 'same', type: 'subscribe', payload: { query: t.longSubscription } });
      s.send(message);
      s.send(message);
    }),
    needs: 'longSubscription',
  },
  closeCheck('too many initialisation requests', 4429, initialised,
    (s) => s.send(JSON.stringify({ type: 'connection_init' }))),
];

// 4500 (internal server error) cannot be provoked from outside a correct server; the .NET tests
// (GraphQLWebSocketSessionTests.Subscribe_TransportFailure_Closes4500) cover it with a failing host hook.

async function runWebSocketChecks(target) {
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    if (check.needs && !target[check.needs]) {
      console.log(`  ${check.name} — skipped (no ${check.needs} configured for this target)`);
      continue;
    }
    try {
      const detail = await check.run(target);
      console.log(`  ${check.name} — ok (${detail})`);
      passed++;
    } catch (e) {
      console.log(`  ${check.name} — FAILED: ${e.message}`);
      failed++;
    }
  }
  return { passed, failed };
}

module.exports = { runWebSocketChecks };
