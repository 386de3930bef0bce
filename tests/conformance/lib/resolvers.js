'use strict';
// The conformance resolvers for graphql-js. The .NET host (tests/CoProduce.GraphQL.Conformance/Resolvers.cs)
// implements exactly the same behaviour over the same data.json; keep the two in step.
//
// Rules both sides follow so results are deterministic and free of platform differences:
// - fields without a resolver here use the default resolver (the property of the source object);
// - limits (`first`, `limit`, `count`) and `offset` are clamped to >= 0; an explicit null means "no limit"
//   (`count` null means 0, `offset` null means 0);
// - text matching is ASCII case-insensitive (the fixture data is ASCII where it is searched);
// - `echo` returns its arguments as canonical JSON: object keys sorted by UTF-16 code units, numbers in
//   JavaScript's shortest round-trip form;
// - mutations change a per-request root value only, never the fixture data.
const fs = require('fs');
const path = require('path');

const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data.json'), 'utf8'));
const peopleById = new Map(data.people.map((p) => [p.id, p]));
const worksById = new Map(data.works.map((w) => [w.id, w]));
const reviewsById = new Map(data.reviews.map((r) => [r.id, r]));

function lookup(id) {
  return peopleById.get(id) ?? worksById.get(id) ?? reviewsById.get(id) ?? null;
}

// Works carry their type name; people are the objects with a role; everything else is a review.
function typeOf(value) {
  if (value.__typename != null) return value.__typename;
  return 'role' in value ? 'Person' : 'Review';
}

function limit(list, first, offset) {
  const start = offset == null ? 0 : Math.max(0, offset);
  const rest = list.slice(start);
  return first == null ? rest : rest.slice(0, Math.max(0, first));
}

function contains(haystack, needle) {
  return haystack != null && haystack.toLowerCase().includes(needle.toLowerCase());
}

function matches(work, filter) {
  if (filter == null) return true;
  if (filter.genre != null && work.genre !== filter.genre) return false;
  if (filter.titleContains != null && !contains(work.title, filter.titleContains)) return false;
  if (filter.minYear != null && (work.year ?? 0) < filter.minYear) return false;
  if (filter.tags != null && !filter.tags.every((t) => work.tags.includes(t))) return false;
  if (filter.and != null && !filter.and.every((f) => matches(work, f))) return false;
  return true;
}

function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareStrings);
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

function fail(message) {
  throw new Error(message);
}

const workFields = {
  author: (w) => peopleById.get(w.authorId) ?? null,
  reviews: (w, { minRating }) =>
    data.reviews.filter((r) => r.workId === w.id && (minRating == null || r.rating >= minRating)),
  broken: (w) => fail(`broken field on ${w.id}`),
};

const resolvers = {
  Query: {
    node: (_, { id }) => lookup(id),
    nodes: (_, { ids }) => ids.map(lookup),
    work: (_, { by }) => {
      if (by.id != null) return worksById.get(by.id) ?? null;
      if (by.isbn != null) return data.works.find((w) => w.isbn === by.isbn) ?? null;
      return data.works.find((w) => w.title === by.title) ?? null;
    },
    works: (_, { filter, first, offset, order }) => {
      const list = data.works.filter((w) => matches(w, filter));
      if (order === 'TITLE_ASC') list.sort((a, b) => compareStrings(a.title, b.title));
      else if (order === 'TITLE_DESC') list.sort((a, b) => compareStrings(b.title, a.title));
      else if (order === 'YEAR_ASC') list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || compareStrings(a.id, b.id));
      return limit(list, first, offset);
    },
    books: () => data.works.filter((w) => w.__typename === 'Book'),
    poems: () => [...data.works.filter((w) => w.__typename === 'Poem'), null],
    media: () => data.works,
    person: (_, { id }) => peopleById.get(id) ?? null,
    people: (_, { first, role }) => limit(data.people.filter((p) => role == null || p.role === role), first, 0),
    search: (_, { text, limit: max }) => {
      const all = [...data.works, ...data.people, ...data.reviews];
      const found = all.filter((n) => contains(n.title ?? n.name ?? n.body, text));
      return limit(found, max, 0);
    },
    reviews: (_, { rating }) =>
      data.reviews.filter((r) => rating == null || (r.rating >= (rating.from ?? 0) && r.rating <= rating.to)),
    stats: () => ({
      works: data.works.length,
      people: data.people.length,
      reviews: data.reviews.length,
      averageRating: data.reviews.reduce((sum, r) => sum + r.rating, 0) / data.reviews.length,
    }),
    echo: (_, args) => canonical(args),
    failing: () => fail('failing resolver'),
    failingNonNull: () => fail('failing non-null resolver'),
    matrix: () => [[1, 2], [null, 3], null, []],
    strictMatrix: () => [[1, 2], [3, null]],
    items: (_, { count }) => items(count == null ? 0 : Math.min(10000, Math.max(0, count))),
    oldField: () => 'old',
    newField: () => 'new',
    now: () => '2026-01-01T00:00:00Z',
    homepage: () => 'https://example.org/',
  },
  Mutation: {
    addReview: (root, { input }) => {
      if (!worksById.has(input.workId)) fail(`no work ${input.workId}`);
      root.added += 1;
      return {
        id: `r-new-${root.added}`,
        rating: input.rating,
        body: input.body ?? null,
        authorId: 'p1',
        workId: input.workId,
        createdAt: input.when ?? '2026-11-21T00:00:00Z',
        priority: input.priority ?? 'LOW',
        moderatorId: 'p2',
      };
    },
    increment: (root, { by }) => {
      root.counter += by ?? 0;
      return root.counter;
    },
    setPriority: (_, { id, priority }) => (peopleById.has(id) ? priority : null),
    failMutation: () => fail('failing mutation'),
    failMutationNonNull: () => fail('failing non-null mutation'),
  },
  Book: {
    ...workFields,
    brokenNonNull: () => null,
    price: (b, { currency, round }) => {
      if (b.price == null) return null;
      const rate = currency === 'GBP' ? 1 : currency === 'EUR' ? 1.5 : currency === 'USD' ? 2 : null;
      if (rate == null) return null;
      const price = b.price * rate;
      return round ? Math.floor(price) : price;
    },
    cover: (b, { size }) => `https://img.example/${b.id}/${size == null ? 'original' : size}.png`,
  },
  Poem: { ...workFields },
  Person: {
    works: (p, { genre, first }) =>
      limit(data.works.filter((w) => w.authorId === p.id && (genre == null || w.genre === genre)), first, 0),
    friends: (p) => (p.friendIds == null ? null : p.friendIds.map((id) => peopleById.get(id) ?? null)),
    bestFriend: (p) => peopleById.get(p.bestFriendId) ?? null,
    secret: (p) => fail(`secret of ${p.id}`),
  },
  Review: {
    author: (r) => peopleById.get(r.authorId) ?? null,
    work: (r) => worksById.get(r.workId) ?? null,
    moderator: (r) => peopleById.get(r.moderatorId) ?? null,
  },
};

// Subscriptions: the source stream's events are the field values (each event resolves to itself).
//   counter             1, 2, 3
//   reviewAdded(workId) the reviews of that work, or all reviews, in data order
const subscriptions = {
  counter: async function* counter() {
    for (let i = 1; i <= 3; i++) yield i;
  },
  reviewAdded: async function* reviewAdded(_, { workId }) {
    for (const r of data.reviews) if (workId == null || r.workId === workId) yield r;
  },
};

function items(count) {
  const list = new Array(count);
  for (let i = 0; i < count; i++) {
    list[i] = { id: `item-${i}`, name: `Item ${i}`, price: i * 0.5 + 0.25, inStock: i % 3 !== 0, rank: count - i };
  }
  return list;
}

/** Attaches the resolvers and type resolvers to a schema built from schema.graphql. */
function bind(schema) {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    const defs = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      if (!defs[fieldName]) throw new Error(`no field ${typeName}.${fieldName}`);
      defs[fieldName].resolve = resolve;
    }
  }
  const subscriptionFields = schema.getSubscriptionType().getFields();
  for (const [fieldName, subscribe] of Object.entries(subscriptions)) {
    subscriptionFields[fieldName].subscribe = subscribe;
    subscriptionFields[fieldName].resolve = (event) => event;
  }
  for (const name of ['Node', 'Named', 'Work', 'Printed', 'SearchResult', 'Media']) {
    schema.getType(name).resolveType = (value) => typeOf(value);
  }
  return schema;
}

/** A fresh root value for each request: mutations change it, never the shared data. */
function newRoot() {
  return { counter: 0, added: 0 };
}

module.exports = { bind, newRoot, canonical, data };
