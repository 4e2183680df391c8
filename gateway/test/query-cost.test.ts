import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { DEMO } from '@behorig/kit/demo';
import { MAX_PAGE } from '@behorig/kit/db';
import { gqlRequest } from '@behorig/kit/testing';
import {
  isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, typeFromAST,
  type DocumentNode, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { supergraphPath } from '../src/compose';
import { DEFAULT_LIMITS } from '../src/server';
import { costKey, operationCost } from '../src/query-cost';
import { parse } from 'graphql';
import { startSystem, type System } from './support/system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;

const nested = `query Nested($n: Int) { organisations(first: 100) { edges { node { id name staff(first: $n) { totalCount edges { node { id givenName surname email memberships { organisation { id name } roles { id validFrom validTo role { code name } } } } } } } } } }`;
const literal = nested.replace('($n: Int)', '').replace('first: $n', 'first: 100');

describe('cost counts variables and literals alike', () => {
  let sys: System;
  let token: string;
  beforeAll(async () => {
    sys = await startSystem();
    token = await sys.keys.token({ personalNumber: tolvan.personalNumber, authority: true });
  });
  afterAll(async () => { await sys.stop(); });

  it('refuses the nested query with a variable page size, saying the cost and the limit', async () => {
    const res = await fetch(sys.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: nested, variables: { n: 100 } }),
    });
    expect(res.status).toBe(400);
    const body = await res.json() as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    const ext = body.errors[0].extensions;
    expect(ext.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ext.reason).toBe('COST_LIMIT_EXCEEDED');
    expect(ext.maxCost).toBe(DEFAULT_LIMITS.maxCost);
    expect(ext.cost as number).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(body.errors[0].message).toContain(String(ext.cost));
    expect(body.errors[0].message).toContain(String(DEFAULT_LIMITS.maxCost));
  });

  it('refuses the same query with a literal page size at exactly the same cost', async () => {
    const viaVariable = await gqlRequest(sys.gatewayUrl, nested, { n: 100 }, token);
    const viaLiteral = await gqlRequest(sys.gatewayUrl, literal, undefined, token);
    expect(viaLiteral.errors?.[0].extensions?.reason).toBe('COST_LIMIT_EXCEEDED');
    expect(viaLiteral.errors?.[0].extensions?.cost).toBe(viaVariable.errors?.[0].extensions?.cost);
  });

  it('answers the same shape with small pages, whichever way they are written', async () => {
    const small = await gqlRequest<{ organisations: { edges: unknown[] } }>(sys.gatewayUrl, nested.replace('first: 100', 'first: 3'), { n: 2 }, token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.organisations.edges.length).toBeGreaterThan(0);
  });

  it('a remembered cost still follows the page size: the same document with a larger $n is refused', async () => {
    expect((await gqlRequest(sys.gatewayUrl, nested, { n: 1 }, token)).errors).toBeUndefined();
    expect((await gqlRequest(sys.gatewayUrl, nested, { n: 1 }, token)).errors).toBeUndefined();
    const large = await gqlRequest(sys.gatewayUrl, nested, { n: 100 }, token);
    expect(large.errors?.[0].extensions?.reason).toBe('COST_LIMIT_EXCEEDED');
  });

  it('an omitted page size counts as the default page', async () => {
    const asArvid = await sys.keys.token({ personalNumber: arvid.personalNumber });
    const res = await gqlRequest(sys.gatewayUrl, `{ me { givenName } }`, undefined, asArvid);
    expect(res.errors).toBeUndefined();
  });
});

describe('costKey: what a remembered cost depends on', () => {
  const doc = parse(`query Q($p: ID!, $s: String, $n: Int, $ids: [ID!], $on: Date) { __typename }`);
  it('leaves out ID and String values given as strings, keeps every other value', () => {
    const a = costKey(doc, { p: 'person-1', s: 'x', n: 5, ids: ['a'], on: '2026-01-01' }, 'Q');
    expect(costKey(doc, { p: 'person-2', s: null, n: 5, ids: ['a'], on: '2026-01-01' }, 'Q')).toBe(a);
    expect(costKey(doc, { p: 'person-1', s: 'x', n: 6, ids: ['a'], on: '2026-01-01' }, 'Q')).not.toBe(a);
    expect(costKey(doc, { p: 'person-1', s: 'x', n: 5, ids: ['b'], on: '2026-01-01' }, 'Q')).not.toBe(a);
    expect(costKey(doc, { p: 'person-1', s: 'x', n: 5, ids: ['a'], on: '2026-01-02' }, 'Q')).not.toBe(a);
  });
  it('keeps an ID or String variable whose value is not a string (it must be coerced, and refused, afresh)', () => {
    expect(costKey(doc, { p: { not: 'a string' } }, 'Q')).not.toBe(costKey(doc, { p: 'x' }, 'Q'));
  });
  it('counts afresh when undeclared variables are sent or the operation is not in the document', () => {
    expect(costKey(doc, { extra: 1 }, 'Q')).toBeNull();
    expect(costKey(doc, {}, 'Other')).toBeNull();
  });
});

/** The supergraph's API schema, the one the gateway counts against. */
function apiSchema(): GraphQLSchema {
  return Supergraph.build(readFileSync(supergraphPath(), 'utf8')).apiSchema().toGraphQLJSSchema();
}

/** A valid value for a variable of `type`; page sizes at their maximum, the worst a client may ask. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [sample(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, f.name)]));
  }
  if (isScalarType(type)) {
    if (type.name === 'Int') return name === 'first' || name === 'last' ? MAX_PAGE : 1;
    if (type.name === 'Float') return 1;
    if (type.name === 'Boolean') return true;
    if (type.name === 'Date') return '2026-01-01';
    if (type.name === 'DateTime') return '2026-01-01T00:00:00Z';
    return 'x';
  }
  throw new Error(`no sample for ${String(type)}`);
}

describe("the web client's operations stay under the limit", () => {
  const schema = apiSchema();
  // The web client's generated documents (an ES module package; jest's transform loads it as CommonJS).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webDocuments = require('../../web/src/gql/graphql') as Record<string, unknown>;
  const documents = Object.entries(webDocuments).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

  it('finds the web client documents', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it('every operation, with the largest pages the API allows, costs less than the default limit', () => {
    const costs = documents.map(([name, doc]) => {
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value)]));
      return { name, cost: operationCost(schema, doc, variables, op.name?.value) };
    }).sort((a, b) => b.cost - a.cost);
    // The largest is printed so that a change to the limit can be judged against it.
    console.log(`largest web operations by cost: ${costs.slice(0, 3).map((c) => `${c.name} ${c.cost}`).join(', ')}`);
    expect(costs[0].cost).toBeGreaterThan(100);
    expect(costs[0].cost).toBeLessThan(DEFAULT_LIMITS.maxCost);
  });
});
