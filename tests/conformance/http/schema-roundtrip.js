'use strict';
// The server's introspection against its schema file: graphql-js builds a client schema from the introspection
// result, validates it, and prints it; the print must equal graphql-js's print of src/CoProduce.Server/Api/schema.graphql.
const fs = require('fs');
const path = require('path');
const { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, validateSchema } = require('graphql');

const schemaFile = path.join(__dirname, '..', '..', '..', 'src', 'CoProduce.Server', 'Api', 'schema.graphql');

async function runSchemaRoundTrip(target) {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, schemaDescription: true, specifiedByUrl: true, inputValueDeprecation: true, oneOf: true }) }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  const client = buildClientSchema(body.data);
  const errors = validateSchema(client);
  if (errors.length > 0) throw new Error(`validateSchema: ${errors.map((e) => e.message).join('; ')}`);
  const expected = printSchema(buildSchema(fs.readFileSync(schemaFile, 'utf8')));
  const actual = printSchema(client);
  if (actual !== expected) {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const line = a.findIndex((l, i) => l !== e[i]);
    throw new Error(`printed schemas differ at line ${line + 1}:\n  server:      ${a[line]}\n  schema file: ${e[line]}`);
  }
  return `${Object.keys(client.getTypeMap()).length} types; printSchema identical`;
}

module.exports = { runSchemaRoundTrip };
