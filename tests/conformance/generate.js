'use strict';
// Writes corpus/generated/: documents made by a seeded random generator over schema.graphql.
//   valid-NNN     random valid operations (fields with arguments as literals or variables, aliases, inline and
//                 named fragments, @skip/@include, __typename, introspection), kept only if graphql-js finds them valid
//   broken-NNN    a valid document with one change that breaks a validation rule (unknown field, missing
//                 argument, wrong value, bad fragment, duplicate directive...)
//   syntax-NNN    a valid document truncated or with a character changed
//   badvars-NNN   a valid document with variables whose values are then spoiled (wrong type, null for non-null,
//                 missing, out of range, unknown input field), to compare variable coercion errors
// Run `npm run generate` after changing the schema or this file; the output is committed, so the comparison never
// depends on generation. The seed makes the output identical on every run.
const fs = require('fs');
const path = require('path');
const g = require('graphql');
const { schema, rules } = require('./lib/reference');

const SEED = 20261121;
const COUNTS = { valid: 300, broken: 200, syntax: 60, badVariables: 60 };
const outDir = path.join(__dirname, 'corpus', 'generated');

// mulberry32: small, seedable, good enough for picking.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

// Fields that fail or null out large parts of the result: picked rarely so most data stays comparable.
const rare = new Set([
  'Query.failing', 'Query.failingNonNull', 'Work.broken', 'Book.broken', 'Poem.broken', 'Printed.broken',
  'Book.brokenNonNull', 'Person.secret', 'Review.moderator', 'Poem.stanzaLengths', 'Review.author',
  'Mutation.failMutation', 'Mutation.failMutationNonNull', 'Query.strictMatrix',
]);
const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'b1', 'b2', 'b3', 'b4', 'm1', 'm2', 'm3', 'r1', 'r4', 'r8', 'x9'];
const words = ['the', 'a', 'Frankenstein', 'Untitled', 'Hope', 'o', 'EUR', 'USD', 'GBP', 'classic', 'gothic', ''];

/** A valid JSON value (for the variables file) and its literal, for an input type. */
function inputValue(type, depth = 0) {
  if (g.isNonNullType(type)) return inputValue(type.ofType, depth);
  if (g.isListType(type)) {
    if (chance(0.2)) return inputValue(type.ofType, depth + 1); // a single value coerces to a list
    const items = [];
    for (let i = int(depth > 1 ? 2 : 4); i > 0; i--) items.push(inputValue(type.ofType, depth + 1));
    return items;
  }
  if (g.isEnumType(type)) return pick(type.getValues()).name;
  if (g.isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const value = {};
    if (type.isOneOf) {
      const f = pick(fields);
      value[f.name] = inputValue(f.type, depth + 1);
      return value;
    }
    for (const f of fields) {
      if (g.isRequiredInputField(f) || (depth < 2 && chance(0.4))) value[f.name] = inputValue(f.type, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case 'Int': return pick([0, 1, 2, 3, 5, -1, 10, 100]);
    case 'Float': return pick([0, 1.5, -2.25, 3, 0.1, 1e3]);
    case 'Boolean': return chance(0.5);
    case 'ID': return pick(ids);
    case 'String': return pick(words);
    case 'DateTime': return '2025-01-02T03:04:05Z';
    case 'Url': return 'https://example.org/x';
    default: return chance(0.5) ? { k: [1, 'two', true, null] } : pick([1, 'x', null, [2.5]]);
  }
}

/** The literal for a JSON value of an input type (custom scalars: the value's own shape). */
function literal(value, type) {
  if (g.isNonNullType(type)) return literal(value, type.ofType);
  if (value === null) return { kind: g.Kind.NULL };
  if (g.isListType(type)) {
    return Array.isArray(value) ? { kind: g.Kind.LIST, values: value.map((v) => literal(v, type.ofType)) } : literal(value, type.ofType);
  }
  if (g.isEnumType(type)) return { kind: g.Kind.ENUM, value };
  if (g.isInputObjectType(type)) {
    const fields = type.getFields();
    return {
      kind: g.Kind.OBJECT,
      fields: Object.entries(value).map(([k, v]) => ({ kind: g.Kind.OBJECT_FIELD, name: nameNode(k), value: literal(v, fields[k].type) })),
    };
  }
  return untyped(value);
}

function untyped(value) {
  if (value === null) return { kind: g.Kind.NULL };
  if (Array.isArray(value)) return { kind: g.Kind.LIST, values: value.map(untyped) };
  switch (typeof value) {
    case 'object':
      return { kind: g.Kind.OBJECT, fields: Object.entries(value).map(([k, v]) => ({ kind: g.Kind.OBJECT_FIELD, name: nameNode(k), value: untyped(v) })) };
    case 'number':
      return Number.isInteger(value) ? { kind: g.Kind.INT, value: String(value) } : { kind: g.Kind.FLOAT, value: String(value) };
    case 'boolean':
      return { kind: g.Kind.BOOLEAN, value };
    default:
      return { kind: g.Kind.STRING, value: String(value) };
  }
}

class Builder {
  constructor() {
    this.varDefs = [];
    this.vars = {};
    this.fragments = [];
    this.aliasCount = 0;
  }

  variable(type, value) {
    const name = `v${this.varDefs.length}`;
    const def = { kind: g.Kind.VARIABLE_DEFINITION, variable: variableNode(name), type: typeNode(type) };
    if (chance(0.3)) def.defaultValue = literal(value, type);
    else if (g.isNonNullType(type) || chance(0.8)) this.vars[name] = value;
    this.varDefs.push(def);
    return variableNode(name);
  }

  args(field) {
    const args = [];
    for (const arg of field.args) {
      const required = g.isRequiredArgument(arg);
      if (!required && !chance(0.35)) continue;
      let value = inputValue(arg.type);
      if (arg.name === 'count' || (arg.name === 'first' && field.name === 'items')) value = int(12);
      if (chance(0.3)) {
        // Nullable variable types are only allowed where the position has a default or is nullable.
        const varType = g.isNonNullType(arg.type) || chance(0.5) ? arg.type : g.getNullableType(arg.type);
        args.push(argNode(arg.name, this.variable(varType, value)));
      } else {
        args.push(argNode(arg.name, literal(value, arg.type)));
      }
    }
    if (field.name === 'items' && !args.some((a) => a.name.value === 'count')) {
      args.push(argNode('count', literal(int(8), g.GraphQLInt)));
    }
    return args;
  }

  directives() {
    if (!chance(0.12)) return [];
    const cond = chance(0.5);
    const name = chance(0.5) ? 'skip' : 'include';
    const value = chance(0.3) ? this.variable(new g.GraphQLNonNull(g.GraphQLBoolean), cond) : literal(cond, g.GraphQLBoolean);
    const list = [{ kind: g.Kind.DIRECTIVE, name: nameNode(name), arguments: [argNode('if', value)] }];
    if (chance(0.2)) list.push({ kind: g.Kind.DIRECTIVE, name: nameNode('tag'), arguments: [argNode('name', literal('t', g.GraphQLString))] });
    return list;
  }

  selectionSet(type, depth) {
    const selections = [];
    const used = new Set();
    const fields = Object.values(g.isAbstractType(type) && !g.isInterfaceType(type) ? {} : type.getFields());
    const wanted = depth > 3 ? 1 + int(2) : 1 + int(4);
    for (let i = 0; i < wanted && fields.length > 0; i++) {
      const field = pick(fields);
      if (rare.has(`${type.name}.${field.name}`) && !chance(0.08)) continue;
      if (field.name === '__type' || field.name === '__schema') continue;
      selections.push(this.field(field, depth, used));
    }
    if (type === schema.getQueryType() && chance(0.08)) {
      selections.push(this.field(schema.getQueryType().getFields().stats, depth, used));
      if (chance(0.5)) {
        const typeName = pick(Object.keys(schema.getTypeMap()));
        const typeField = { name: '__type', args: [], type: schema.getType('__Type') };
        const node = this.field(typeField, Math.max(depth, 2), used);
        selections.push({ ...node, arguments: [argNode('name', literal(typeName, g.GraphQLString))] });
      }
    }
    if (depth < 6 && (g.isAbstractType(type) || chance(0.15))) {
      const possible = g.isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
      const conditions = [...possible];
      for (const iface of ['Node', 'Work', 'Printed', 'Named']) {
        const t = schema.getType(iface);
        if (possible.some((p) => schema.isSubType(t, p))) conditions.push(t);
      }
      for (let n = 1 + int(2); n > 0; n--) {
        const cond = pick(conditions);
        const inner = this.selectionSet(cond, depth + 1);
        if (chance(0.3)) {
          const name = `F${this.fragments.length}`;
          this.fragments.push({
            kind: g.Kind.FRAGMENT_DEFINITION, name: nameNode(name), typeCondition: namedType(cond.name),
            directives: [], selectionSet: inner,
          });
          selections.push({ kind: g.Kind.FRAGMENT_SPREAD, name: nameNode(name), directives: this.directives() });
        } else {
          selections.push({
            kind: g.Kind.INLINE_FRAGMENT, typeCondition: chance(0.9) ? namedType(cond.name) : undefined,
            directives: this.directives(), selectionSet: inner,
          });
        }
      }
    }
    if (selections.length === 0 || chance(0.1)) selections.push(this.plain('__typename', used));
    return { kind: g.Kind.SELECTION_SET, selections };
  }

  plain(name, used) {
    const node = { kind: g.Kind.FIELD, name: nameNode(name), arguments: [], directives: [] };
    if (used.has(name)) node.alias = nameNode(`a${this.aliasCount++}`);
    used.add(name);
    return node;
  }

  field(field, depth, used) {
    const node = this.plain(field.name, used);
    if (!node.alias && chance(0.1)) node.alias = nameNode(`a${this.aliasCount++}`);
    node.arguments = this.args(field);
    node.directives = this.directives();
    const named = g.getNamedType(field.type);
    if (g.isCompositeType(named)) {
      node.selectionSet = depth >= 5 ? { kind: g.Kind.SELECTION_SET, selections: [this.plain('__typename', new Set())] } : this.selectionSet(named, depth + 1);
    }
    return node;
  }

  document(operation, rootType) {
    const selectionSet = this.selectionSet(rootType, 0);
    const op = {
      kind: g.Kind.OPERATION_DEFINITION, operation, name: chance(0.5) ? nameNode(`Op${int(100)}`) : undefined,
      variableDefinitions: this.varDefs, directives: [], selectionSet,
    };
    return { kind: g.Kind.DOCUMENT, definitions: [op, ...this.fragments] };
  }
}

function nameNode(value) { return { kind: g.Kind.NAME, value }; }
function namedType(name) { return { kind: g.Kind.NAMED_TYPE, name: nameNode(name) }; }
function variableNode(name) { return { kind: g.Kind.VARIABLE, name: nameNode(name) }; }
function argNode(name, value) { return { kind: g.Kind.ARGUMENT, name: nameNode(name), value }; }
function typeNode(type) {
  if (g.isNonNullType(type)) return { kind: g.Kind.NON_NULL_TYPE, type: typeNode(type.ofType) };
  if (g.isListType(type)) return { kind: g.Kind.LIST_TYPE, type: typeNode(type.ofType) };
  return namedType(type.name);
}

function isValid(source) {
  try {
    return g.validate(schema, g.parse(source), rules).length === 0;
  } catch {
    return false;
  }
}

function generateValid() {
  const builder = new Builder();
  const mutation = chance(0.12);
  const doc = builder.document(mutation ? 'mutation' : 'query', mutation ? schema.getMutationType() : schema.getQueryType());
  return { source: g.print(doc), variables: Object.keys(builder.vars).length ? builder.vars : null };
}

// Each breaker changes the printed text of a valid document so that (usually) one rule is broken.
const breakers = [
  ['unknown-field', (s) => s.replace(/\{\s*(\w+)/, (m, f) => m.replace(f, `${f}Nope`))],
  ['leaf-with-selection', (s) => s.replace(/__typename/, '__typename { x }')],
  ['object-without-selection', (s) => s.replace(/(\w+(\([^)]*\))?) \{\s*[^{}]*\}/, '$1')],
  ['unknown-argument', (s) => s.replace(/\{\s*(\w+)/, '{ $1(bogus: 1)')],
  ['unknown-fragment', (s) => s.replace(/\{/, '{ ...Missing')],
  ['unused-fragment', (s) => `${s}\nfragment Extra on Query { __typename }\n`],
  ['unused-variable', (s) => (/^query|^mutation/.test(s) && !/\(\$/.test(s.split('\n')[0])
    ? s.replace(/^(query|mutation)( \w+)?/, '$1$2($unused: Int)') : `query ($unused: Int) ${s}`)],
  ['undefined-variable', (s) => s.replace(/__typename/, '__typename @include(if: $undefined)')],
  ['duplicate-directive', (s) => s.replace(/__typename/, '__typename @skip(if: false) @skip(if: true)')],
  ['misplaced-directive', (s) => s.replace(/__typename/, '__typename @cacheControl')],
  ['unknown-directive', (s) => s.replace(/__typename/, '__typename @unknownDirective')],
  ['conflicting-alias', (s) => s.replace(/__typename/, '__typename __typename: id')],
  ['wrong-type-condition', (s) => s.replace(/\.\.\. on (\w+)/, '... on Stats')],
  ['scalar-type-condition', (s) => s.replace(/\.\.\. on (\w+)/, '... on Int')],
  ['duplicate-operation', (s) => `${s}\nquery Op0 { __typename }\nquery Op0 { __typename }\n`],
  ['anonymous-plus-named', (s) => `${s}\n{ __typename }\n`],
  ['wrong-literal-type', (s) => s.replace(/: (-?\d+)([,)])/, ': "$1"$2')],
  ['string-for-enum', (s) => s.replace(/: ([A-Z][A-Z_]+)([,)\s])/, ': "$1"$2')],
  ['null-required-arg', (s) => s.replace(/(id|ids|text|by|input): [^,)]+/, '$1: null')],
  ['missing-required-arg', (s) => s.replace(/\((id|ids|text|by|input): ([^(),]|\([^()]*\))+\)/, '')],
  ['duplicate-argument', (s) => s.replace(/\((\w+): ([^,)]+)/, '($1: $2, $1: $2')],
  ['variable-wrong-type', (s) => s.replace(/\$(v\d+): [\w[\]!]+/, '$$$1: Book')],
  ['fragment-cycle', (s) => (/fragment (\w+) on (\w+) \{/.test(s) ? s.replace(/fragment (\w+) on (\w+) \{/, 'fragment $1 on $2 { ...$1') : `${s}\nfragment C1 on Query { ...C2 }\nfragment C2 on Query { ...C1 }\n{ ...C1 }\n`)],
  ['oneof-two-keys', (s) => s.replace(/by: \{ ?(\w+): ([^,}]+) ?\}/, 'by: {$1: $2, title: "x"}')],
  ['subscription-two-fields', () => pick([
    'subscription { counter reviewAdded { id } }',
    'subscription S { __typename }',
    'subscription { ...F }\nfragment F on Subscription { counter counter2: counter }',
  ])],
];

function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const pad = (n) => String(n).padStart(3, '0');
  const write = (name, source, variables) => {
    fs.writeFileSync(path.join(outDir, `${name}.graphql`), source);
    if (variables) fs.writeFileSync(path.join(outDir, `${name}.variables.json`), `${JSON.stringify(variables)}\n`);
  };
  const valid = [];
  let attempts = 0;
  while (valid.length < COUNTS.valid && attempts < COUNTS.valid * 20) {
    attempts++;
    const doc = generateValid();
    if (isValid(doc.source)) {
      valid.push(doc);
      write(`valid-${pad(valid.length)}`, doc.source, doc.variables);
    }
  }
  let broken = 0;
  for (let i = 0; broken < COUNTS.broken && i < COUNTS.broken * 10; i++) {
    const doc = pick(valid);
    const [, breaker] = breakers[broken % breakers.length];
    const source = breaker(doc.source);
    if (source === doc.source) continue;
    broken++;
    write(`broken-${pad(broken)}-${breakers[(broken - 1) % breakers.length][0]}`, source, doc.variables);
  }
  for (let i = 1; i <= COUNTS.syntax; i++) {
    const { source } = pick(valid);
    let text;
    const at = int(source.length);
    switch (i % 4) {
      case 0: text = source.slice(0, at); break;
      case 1: text = source.slice(0, at) + source.slice(at + 1); break;
      case 2: text = source.slice(0, at) + pick(['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '"', '...', '=', '|', '&', '#', '1.', '-']) + source.slice(at); break;
      default: text = source.slice(0, at) + pick(['"""', '\\u', 'query', 'fragment', '0x', '1e', '.', 'on']) + source.slice(at); break;
    }
    write(`syntax-${pad(i)}`, text, null);
  }
  // Spoil one variable value of documents that have variables (added after the others so they stay as they were).
  const withVariables = valid.filter((d) => d.variables && Object.keys(d.variables).length > 0);
  const spoilers = [
    () => 'not a number',
    () => null,
    () => undefined,
    () => 2 ** 31,
    () => 1.5,
    () => ({ unknownField: 1 }),
    () => [[['deep']]],
    () => true,
    () => 'NOT_AN_ENUM_VALUE',
  ];
  for (let i = 1; i <= COUNTS.badVariables && withVariables.length > 0; i++) {
    const doc = pick(withVariables);
    const variables = { ...doc.variables };
    const name = pick(Object.keys(variables));
    const value = spoilers[i % spoilers.length]();
    if (value === undefined) delete variables[name];
    else variables[name] = value;
    write(`badvars-${pad(i)}`, doc.source, variables);
  }
  console.log(`generated ${valid.length} valid (from ${attempts} attempts), ${broken} broken, ${COUNTS.syntax} syntax, ${COUNTS.badVariables} with spoiled variables`);
}

main();
