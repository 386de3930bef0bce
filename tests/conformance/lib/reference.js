'use strict';
// Runs one case through graphql-js 16 and reduces the outcome to what the comparison looks at.
const fs = require('fs');
const path = require('path');
const g = require('graphql');
const { bind, newRoot } = require('./resolvers');

const sdl = fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
const schema = bind(g.buildSchema(sdl));

// Every rule of the specification's validation section. graphql-js 16 also lists MaxIntrospectionDepthRule, a
// denial-of-service guard of its own that is not in the specification, so it is left out of the comparison.
const rules = g.specifiedRules.filter((rule) => rule !== g.MaxIntrospectionDepthRule);

function loc(l) {
  return `${l.line}:${l.column}`;
}

function summarize(errors) {
  return errors.map((e) => (e.locations ?? []).map(loc).join(';')).sort();
}

/**
 * Outcome of one case: syntax (null or "line:col"), validation (null when not parsed, else one entry per error:
 * its locations joined by ";", sorted), and for valid documents the executed response: hasData,
 * data (serialized JSON, field order kept) and errorPaths (one per error, JSON or "-" when the error has no path,
 * sorted). Subscriptions are run to the end of their stream (see subscribe). Messages ride along for the report only.
 */
async function runReference(testCase) {
  const out = { syntax: null, validation: null, executed: false, messages: [] };
  let document;
  try {
    document = g.parse(new g.Source(testCase.source, testCase.name));
  } catch (e) {
    out.syntax = e.locations && e.locations.length ? loc(e.locations[0]) : '?';
    out.messages = [e.message];
    return out;
  }
  const errors = g.validate(schema, document, rules);
  out.validation = summarize(errors);
  out.messages = errors.map((e) => e.message);
  if (errors.length > 0) return out;
  const operation = g.getOperationAST(document, testCase.operationName ?? null);
  if (operation && operation.operation === 'subscription') return subscribe(document, testCase, out);
  const result = await g.execute({
    schema,
    document,
    rootValue: newRoot(),
    variableValues: testCase.variables ?? undefined,
    operationName: testCase.operationName ?? undefined,
  });
  out.executed = true;
  out.hasData = 'data' in result && result.data !== undefined;
  out.data = out.hasData ? JSON.stringify(result.data) : null;
  out.errorPaths = (result.errors ?? []).map((e) => (e.path ? JSON.stringify(e.path) : '-')).sort();
  out.messages = (result.errors ?? []).map((e) => e.message);
  return out;
}

/**
 * A subscription: every event of the response stream, as for a query, but `data` is the JSON array of the events'
 * data and each error path is prefixed with its event's index ("1:[...]"). A subscription that fails before its
 * stream starts is reported like a query's request error.
 */
async function subscribe(document, testCase, out) {
  const result = await g.subscribe({
    schema,
    document,
    rootValue: newRoot(),
    variableValues: testCase.variables ?? undefined,
    operationName: testCase.operationName ?? undefined,
  });
  out.executed = true;
  if (!(Symbol.asyncIterator in result)) {
    out.hasData = 'data' in result && result.data !== undefined;
    out.data = out.hasData ? JSON.stringify(result.data) : null;
    out.errorPaths = (result.errors ?? []).map((e) => (e.path ? JSON.stringify(e.path) : '-')).sort();
    out.messages = (result.errors ?? []).map((e) => e.message);
    return out;
  }
  const events = [];
  for await (const event of result) events.push(event);
  out.hasData = true;
  out.data = JSON.stringify(events.map((e) => e.data ?? null));
  out.errorPaths = events
    .flatMap((e, i) => (e.errors ?? []).map((err) => `${i}:${err.path ? JSON.stringify(err.path) : '-'}`))
    .sort();
  out.messages = events.flatMap((e) => (e.errors ?? []).map((err) => err.message));
  return out;
}

module.exports = { runReference, schema, sdl, rules };
