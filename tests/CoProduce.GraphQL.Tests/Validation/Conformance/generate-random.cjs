// Writes generated.json: seeded random documents (mostly plausible, often subtly invalid) over schema.graphql with the
// errors graphql-js 16 reports for each. Usage: node generate-random.cjs [path to graphql package] [count] [seed]
// The C# test GeneratedCorpusTests checks this engine gives the same messages and locations in the same order.
'use strict';
const fs = require('fs');
const path = require('path');
const graphql = require(process.argv[2] || 'graphql');
const count = Number(process.argv[3] || 400);
let seed = Number(process.argv[4] || 20251121);

const schema = graphql.buildSchema(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));
const { isObjectType, isInterfaceType, isUnionType, isLeafType, isEnumType, isInputObjectType, isListType,
  isNonNullType, getNamedType } = graphql;

function rand() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
function pick(items) { return items[Math.floor(rand() * items.length)]; }
function chance(p) { return rand() < p; }
let noisy = true; // false: only the plausible choices, so a share of the documents is valid
function noise(p) { return noisy && chance(p); }

const compositeTypes = Object.values(schema.getTypeMap()).filter(
  (t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t) || isUnionType(t)));
const inputTypeNames = ['Int', 'Int!', 'String', 'String!', 'Boolean', 'Boolean!', 'ID', '[String]', '[String!]!',
  'Trick', 'Coat!', 'PetInput', 'PetInput!', 'PetLookup', 'PetLookup!', 'Float', 'Instant', 'Dog', '[Int]'];
const directives = ['@include(if: true)', '@skip(if: false)', '@include(if: $b)', '@skip', '@onField',
  '@onInlineFragment', '@onFragmentSpread', '@tag(name: "t")', '@cached(ttl: 1)', '@unknown', '@include(if: 1)',
  '@deprecated'];

function literal(type, depth, vars) {
  if (noise(0.08)) return pick(['1', '"s"', 'true', 'null', 'SIT', '1.5', '[1]', '{ name: "x" }']);
  if (chance(0.15) && vars.length) { const v = pick(vars); if (noisy || v.type === String(type)) { v.used = true; return '$' + v.name; } }
  if (isNonNullType(type)) return literal(type.ofType, depth, vars);
  if (isListType(type)) {
    if (chance(0.3)) return literal(type.ofType, depth, vars);
    return '[' + Array.from({ length: Math.floor(rand() * 3) }, () => literal(type.ofType, depth + 1, vars)).join(', ') + ']';
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return !noise(0.15) ? pick(named.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(named)) {
    if (depth > 2) return 'null';
    const fields = Object.values(named.getFields());
    const chosen = fields.filter(() => chance(named.isOneOf ? 0.35 : 0.5));
    if (noise(0.1)) chosen.push({ name: 'extra', type: graphql.GraphQLString });
    if (noise(0.1) && chosen.length) chosen.push(chosen[0]);
    return '{ ' + chosen.map((f) => `${f.name}: ${literal(f.type, depth + 1, vars)}`).join(', ') + ' }';
  }
  switch (named.name) {
    case 'Int': return pick(['1', '-7', '2147483648', '0']);
    case 'Float': return pick(['1.5', '2', '-0.5e3']);
    case 'Boolean': return pick(['true', 'false']);
    case 'ID': return pick(['"abc"', '4']);
    default: return pick(['"text"', '"""block"""']);
  }
}

function args(field, vars) {
  const chosen = field.args.filter((a) => isNonNullType(a.type) ? !noise(0.15) : chance(0.4));
  if (noise(0.08)) chosen.push({ name: 'bogus', type: graphql.GraphQLInt });
  if (noise(0.05) && chosen.length) chosen.push(chosen[0]);
  if (!chosen.length) return '';
  return '(' + chosen.map((a) => `${a.name}: ${literal(a.type, 0, vars)}`).join(', ') + ')';
}

function maybeDirective() { return noise(0.12) ? ' ' + pick(directives) + (chance(0.1) ? ' ' + pick(directives) : '') : ''; }

function selectionSet(type, depth, ctx) {
  const parts = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.12 && depth < 4) {
      const target = !noise(0.3) ? pick(ctx.possible(type)) : pick(compositeTypes);
      parts.push(`... on ${target.name}${maybeDirective()} ${selectionSet(target, depth + 1, ctx)}`);
    } else if (r < 0.2 && depth < 4) {
      const target = !noise(0.3) ? pick(ctx.possible(type)) : pick(compositeTypes);
      const name = 'F' + ctx.fragments.length;
      ctx.fragments.push({ name, target, depth });
      parts.push(`...${name}${maybeDirective()}`);
    } else if (r < 0.24 && ctx.fragments.length && depth > 0 && noisy) {
      parts.push(`...${pick(ctx.fragments).name}`);
    } else {
      const fields = isUnionType(type) ? [] : Object.values(type.getFields());
      let field = fields.length && !noise(0.1) ? pick(fields) : null;
      const alias = noise(0.2) ? pick(['a', 'b', 'name', 'x']) + ': ' : '';
      if (!field) { parts.push(alias + (noisy ? pick(['__typename', 'name', 'unknown', 'barks']) : '__typename') + maybeDirective()); continue; }
      const named = getNamedType(field.type);
      let text = alias + field.name + args(field, ctx.vars) + maybeDirective();
      if (!isLeafType(named) && (depth < 4 || !noisy) && !noise(0.05)) text += ' ' + selectionSet(named, depth + 1, ctx);
      else if (isLeafType(named) && noise(0.03)) text += ' { x }';
      parts.push(text);
    }
  }
  return '{ ' + parts.join(' ') + ' }';
}

function documentText() {
  const ctx = {
    fragments: [],
    vars: [],
    possible: (t) => (isObjectType(t) ? [t] : [t, ...schema.getPossibleTypes(t)]),
  };
  noisy = chance(0.6);
  const nVars = Math.floor(rand() * 3);
  for (let i = 0; i < nVars; i++) {
    ctx.vars.push({ name: pick(['a', 'b', 'c', 'id']), type: pick(inputTypeNames) });
  }
  const opKind = pick(['query', 'query', 'query', 'mutation', 'subscription', '']);
  const root = opKind === 'mutation' ? schema.getMutationType()
    : opKind === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const body = selectionSet(root, 0, ctx);
  if (!noisy) ctx.vars = ctx.vars.filter((v, i) => v.used && ctx.vars.findIndex((w) => w.name === v.name) === i);
  const varText = ctx.vars.length
    ? '(' + ctx.vars.map((v) => `$${v.name}: ${v.type}${noise(0.2) ? ' = ' + pick(['1', 'null', '"x"', 'SIT', '{ name: "p" }', '[]']) : ''}`).join(', ') + ')'
    : '';
  let text = opKind === '' && !varText ? body : `${opKind || 'query'} ${chance(0.8) ? 'Op' : ''}${varText}${maybeDirective()} ${body}`;
  for (let i = 0; i < ctx.fragments.length; i++) {
    const f = ctx.fragments[i];
    text += `\nfragment ${f.name} on ${f.target.name}${maybeDirective()} ${selectionSet(f.target, f.depth + 1, ctx)}`;
  }
  if (noise(0.05)) text += '\n' + pick(['fragment Unused on Dog { name }', '{ dog { name } }', 'query Op { cat { name } }']);
  return text + '\n';
}

const cases = [];
while (cases.length < count) {
  const document = documentText();
  let ast;
  try { ast = graphql.parse(document); } catch { continue; }
  let errors;
  try {
    errors = graphql.validate(schema, ast).map((e) => ({
      message: e.message,
      locations: (e.locations || []).map((l) => [l.line, l.column]),
    }));
  } catch {
    continue; // graphql-js throws for some @skip/@include conditions in subscriptions; not comparable.
  }
  cases.push({ name: 'Generated ' + cases.length, document, maxErrors: null, errors });
}

fs.writeFileSync(path.join(__dirname, 'generated.json'),
  '{"graphqlVersion": ' + JSON.stringify(graphql.version) + ', "cases": [\n' +
  cases.map((c) => JSON.stringify(c)).join(',\n') + '\n]}\n');
const invalid = cases.filter((c) => c.errors.length).length;
console.log(`${cases.length} documents (${invalid} invalid), graphql ${graphql.version}`);
