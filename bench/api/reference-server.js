'use strict';
// The reference: the same public query served by graphql-js 16 through graphql-http's Node handler, over the same
// data. The data is a JSON snapshot exported from the CoProduce server under test (its own answer to a query for
// every field of the benchmark query, fetched once before the load), held in memory; the CoProduce server keeps its
// list in memory too (GraphQL:PublicListCacheSeconds), so both sides measure serving GraphQL over HTTP, not the
// database. Same schema file (src/CoProduce.Server/Api/schema.graphql), same connection semantics.
//
//   node reference-server.js --snapshot FILE --port N
const fs = require('fs');
const http = require('http');
const path = require('path');
const { buildSchema } = require('graphql');
const { createHandler } = require('graphql-http/lib/use/http');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const nodes = JSON.parse(fs.readFileSync(args.snapshot, 'utf8'));
const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'CoProduce.Server', 'Api', 'schema.graphql'), 'utf8'));

// LocalizedText.text(language): the language asked for, else English (the benchmark sends no Accept-Language).
for (const type of ['LocalizedText']) {
  schema.getType(type).getFields().text.resolve = (source, { language }) => (language === 'CY' ? source.cy : source.en);
}

const cursor = (position) => Buffer.from(`v1:${position}`).toString('base64url');
const position = (after) => {
  const text = Buffer.from(after, 'base64url').toString('ascii');
  return text.startsWith('v1:') ? Number(text.slice(3)) : NaN;
};

const rootValue = {
  openConsultations: ({ first = 20, after }) => {
    if (first < 0 || first > 100) throw new Error('Ask for between 0 and 100 items at a time (argument first).');
    const offset = after == null ? 0 : position(after) + 1;
    if (!Number.isInteger(offset) || offset < 0) throw new Error('The cursor given as after is not one this server made.');
    const page = nodes.slice(offset, offset + first);
    const edges = page.map((node, i) => ({ cursor: cursor(offset + i), node }));
    return {
      edges,
      totalCount: nodes.length,
      pageInfo: {
        hasNextPage: offset + page.length < nodes.length,
        hasPreviousPage: offset > 0,
        startCursor: edges.length ? edges[0].cursor : null,
        endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      },
    };
  },
  consultation: ({ by }) => nodes.find((n) => n.id === by.id || n.reference === (by.reference || '').toUpperCase()) || null,
};

const handler = createHandler({ schema, rootValue });
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/graphql')) return handler(req, res);
  res.writeHead(404).end();
});
server.listen(Number(args.port), '127.0.0.1', () => console.log(`REFERENCE_URL=http://127.0.0.1:${args.port}/graphql`));
