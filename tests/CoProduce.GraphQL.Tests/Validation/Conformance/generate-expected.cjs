// Regenerates expected.json: every case of corpus.graphql validated by graphql-js 16 against schema.graphql.
// Usage: node generate-expected.cjs [path to graphql package]   (default: require('graphql'))
// The C# test ConformanceCorpusTests compares this engine's errors (messages and locations) with the result.
'use strict';
const fs = require('fs');
const path = require('path');
const graphql = require(process.argv[2] || 'graphql');

const schema = graphql.buildSchema(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));
const corpus = fs.readFileSync(path.join(__dirname, 'corpus.graphql'), 'utf8');

const cases = [];
let current = null;
for (const line of corpus.split('\n')) {
  if (line.startsWith('### ')) {
    current = { name: line.slice(4).trim(), lines: [] };
    cases.push(current);
  } else if (current) {
    current.lines.push(line);
  }
}

const results = cases.map(({ name, lines }) => {
  const document = lines.join('\n').trim() + '\n';
  const options = {};
  const match = /^# maxErrors: (\d+)/m.exec(document);
  if (match) options.maxErrors = Number(match[1]);
  let errors;
  try {
    errors = graphql.validate(schema, graphql.parse(document), undefined, options).map((e) => ({
      message: e.message,
      locations: (e.locations || []).map((l) => [l.line, l.column]),
    }));
  } catch (e) {
    errors = [{ message: 'THROWS: ' + e.message, locations: [] }];
  }
  return { name, document, maxErrors: options.maxErrors ?? null, errors };
});

fs.writeFileSync(
  path.join(__dirname, 'expected.json'),
  JSON.stringify({ graphqlVersion: graphql.version, cases: results }, null, 2) + '\n',
);
console.log(`${results.length} cases, graphql ${graphql.version}`);
