import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse, type OperationDefinitionNode } from 'graphql';
import { DEMO } from '@behorig/kit/demo';
import { createClientStatusCache, httpClientStatusLookup, withClientStatus } from '@behorig/kit/auth';
import { freePort } from '@behorig/kit/db';
import { buildGateway, type GatewayOptions } from '../src/server';
import { defaultManifestPath, loadPersistedManifest } from '../src/persisted-documents';
import { sharedEnums, singleFetchDecision, supergraphAllowsFastPath, type FastPathOutcome } from '../src/single-fetch-fast-path';
import { supergraphPath } from '../src/compose';
import { startSystem, type System } from './support/system';

const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const laban = DEMO.people.find((p) => p.givenName === 'Laban')!;
const dorotea = DEMO.organisations.dorotea.id;
const ubk = DEMO.units.doroteaUbk.id;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer { status: number; text: string }
interface Pair { fast: string; normal: string; outcomes: { outcome: FastPathOutcome; operationName: string | undefined }[] }

/**
 * The single-fetch fast path against the normal path (docs/operations.md, "Single-fetch fast
 * path"): one running system, two gateways in front of the same subgraphs, one with the fast path
 * and one without. Every answer — HTTP status and the whole body as bytes (data, errors with their
 * messages, paths and extensions, key order) — must be the same, and the fast gateway reports
 * which operations it passed through, so the test proves the fast path ran where it should and
 * nowhere else. Each request is sent twice: the first of a document always takes the normal path
 * (its plan decides), the second may take the fast one.
 */
describe('single-fetch fast path: the same answers as the normal path', () => {
  let sys: System;
  const pairs: Record<'dev' | 'production' | 'accessDown', Pair> = {} as never;
  const stops: (() => Promise<void>)[] = [];
  const tokens: Record<'tolvan' | 'arvid' | 'laban', string> = {} as never;

  async function startPair(options: Partial<GatewayOptions>): Promise<Pair> {
    const verify = withClientStatus(sys.keys.verify, createClientStatusCache(httpClientStatusLookup(`${sys.base.signing}/oauth/introspect`)));
    const outcomes: Pair['outcomes'] = [];
    const base = { verify, subgraphUrls: sys.urls, rateLimits: false as const, credentials: sys.serviceKeys.credentials('gateway'), ...options };
    const fast = await buildGateway({ ...base, singleFetchFastPath: true, onFastPathOutcome: (outcome, operationName) => outcomes.push({ outcome, operationName }) });
    const normal = await buildGateway({ ...base, singleFetchFastPath: false, onFastPathOutcome: () => { throw new Error('the fast path is off'); } });
    const fastUrl = `${await fast.listen(0, '127.0.0.1')}/graphql`;
    const normalUrl = `${await normal.listen(0, '127.0.0.1')}/graphql`;
    stops.push(fast.stop, normal.stop);
    return { fast: fastUrl, normal: normalUrl, outcomes };
  }

  async function post(url: string, body: unknown, token?: string): Promise<Answer> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  /**
   * Sends the request twice to each gateway of the pair and expects byte-equal answers; returns
   * the fast gateway's second answer and the path it took for it.
   */
  async function differential(pair: Pair, body: { query?: string; variables?: Record<string, unknown>; operationName?: string; extensions?: unknown }, token?: string) {
    let last: { answer: Answer; outcome: FastPathOutcome | undefined } | undefined;
    for (let round = 0; round < 2; round++) {
      const seen = pair.outcomes.length;
      const fast = await post(pair.fast, body, token);
      const normal = await post(pair.normal, body, token);
      // Stack traces (development only) say where the gateway built the error, not what it answered.
      expect(withoutStacktraces(fast)).toEqual(withoutStacktraces(normal));
      last = { answer: fast, outcome: pair.outcomes.slice(seen).at(-1)?.outcome };
    }
    return last!;
  }

  beforeAll(async () => {
    sys = await startSystem();
    tokens.tolvan = await sys.keys.token({ personalNumber: tolvan.personalNumber, authority: true });
    tokens.arvid = await sys.keys.token({ personalNumber: arvid.personalNumber });
    tokens.laban = await sys.keys.token({ personalNumber: laban.personalNumber });
    pairs.dev = await startPair({});
    pairs.production = await startPair({ production: true, sandbox: false });
    // A subgraph that cannot be reached: the answer is the normal path's SERVICE_UNAVAILABLE.
    pairs.accessDown = await startPair({ subgraphUrls: { ...sys.urls, access: `http://127.0.0.1:${await freePort()}/graphql` } });
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await sys?.stop();
  });

  const checkAccess = `query Check($personId: ID!, $organisationId: ID!, $function: String!, $access: Access!) {
    checkAccess(personId: $personId, organisationId: $organisationId, function: $function, access: $access) { allowed reason validFrom validTo }
  }`;
  const checkVars = { personId: arvid.id, organisationId: dorotea, function: 'MANAGE_USERS', access: 'UPDATE' };
  const whoCan = `query WhoCan($organisationId: ID!, $function: String!, $access: Access!, $first: Int) {
    whoCan(organisationId: $organisationId, function: $function, access: $access, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
  }`;
  const whoVars = { organisationId: dorotea, function: 'MANAGE_USERS', access: 'READ', first: 10 };
  const scopes = `query Scopes($personId: ID!) { permissionScopes(personId: $personId) { orgWide validFrom validTo organisation { id } units { id } role { code } } }`;

  /** The operations the fast path is for, and the tricky shapes it must pass through or refuse. */
  const cases: { name: string; token: keyof typeof tokens | null; body: { query: string; variables?: Record<string, unknown>; operationName?: string }; path: FastPathOutcome | undefined }[] = [
    { name: 'checkAccess', token: 'tolvan', body: { query: checkAccess, variables: checkVars }, path: 'fast' },
    { name: 'checkAccess, refused for another person', token: 'laban', body: { query: checkAccess, variables: checkVars }, path: 'replayed' },
    { name: 'whoCan', token: 'arvid', body: { query: whoCan, variables: whoVars }, path: 'fast' },
    { name: 'whoCan, FORBIDDEN for a person without MANAGE_USERS', token: 'laban', body: { query: whoCan, variables: whoVars }, path: 'replayed' },
    { name: 'whoCan without a token', token: null, body: { query: whoCan, variables: whoVars }, path: 'replayed' },
    { name: 'permissionScopes without names', token: 'tolvan', body: { query: scopes, variables: { personId: arvid.id } }, path: 'fast' },
    { name: 'permissionScopes of someone else, refused', token: 'laban', body: { query: scopes, variables: { personId: arvid.id } }, path: 'replayed' },
    {
      name: 'aliases and __typename on object types', token: 'tolvan', path: 'fast',
      body: { query: `query A($p: ID!, $o: ID!) { first: checkAccess(personId: $p, organisationId: $o, function: "MANAGE_USERS", access: READ) { __typename ok: allowed why: reason }
        second: checkAccess(personId: $p, organisationId: $o, function: "NO_SUCH_FUNCTION", access: UPDATE) { ok: allowed reason } }`, variables: { p: arvid.id, o: dorotea } },
    },
    {
      name: 'variables with defaults, omitted', token: 'tolvan', path: 'fast',
      body: { query: `query D($p: ID!, $o: ID! = "${dorotea}", $f: String! = "MANAGE_USERS", $a: Access! = READ) { checkAccess(personId: $p, organisationId: $o, function: $f, access: $a) { allowed reason } }`, variables: { p: arvid.id } },
    },
    {
      name: 'a bad Date variable (the subgraph refuses it)', token: 'tolvan', path: 'replayed',
      body: { query: `query($d: Date) { checkAccess(personId: "${arvid.id}", organisationId: "${dorotea}", function: "MANAGE_USERS", access: READ, on: $d) { allowed } }`, variables: { d: '2026-13-45' } },
    },
    {
      name: 'a malformed id (a field erroring, null bubbling to data)', token: 'tolvan', path: 'replayed',
      body: { query: `{ checkAccess(personId: "not-a-uuid", organisationId: "${dorotea}", function: "MANAGE_USERS", access: READ) { allowed } }` },
    },
    {
      name: 'one root field erroring next to one answering', token: 'tolvan', path: 'replayed',
      body: { query: `query { ok: permissionScopes(personId: "${arvid.id}") { orgWide } bad: permissionScopes(personId: "not-a-uuid") { orgWide } }` },
    },
    {
      name: 'a variable of the wrong type (refused before execution)', token: 'tolvan', path: undefined,
      body: { query: checkAccess, variables: { ...checkVars, access: 'SOMETIMES' } },
    },
    {
      name: 'a fragment on the object type', token: 'tolvan', path: 'planned',
      body: { query: `query F { checkAccess(personId: "${arvid.id}", organisationId: "${dorotea}", function: "MANAGE_USERS", access: READ) { ...D } } fragment D on AccessDecision { allowed reason }` },
    },
    {
      name: 'an inline fragment', token: 'tolvan', path: 'planned',
      body: { query: `{ checkAccess(personId: "${arvid.id}", organisationId: "${dorotea}", function: "MANAGE_USERS", access: READ) { ... on AccessDecision { allowed } reason } }` },
    },
    {
      name: '@skip and @include with variables', token: 'tolvan', path: 'planned',
      body: { query: `query S($s: Boolean!, $i: Boolean = false) { checkAccess(personId: "${arvid.id}", organisationId: "${dorotea}", function: "MANAGE_USERS", access: READ) { allowed @skip(if: $s) reason @include(if: $i) validTo } }`, variables: { s: true } },
    },
    {
      name: 'the root __typename', token: 'tolvan', path: 'planned',
      body: { query: `{ __typename checkAccess(personId: "${arvid.id}", organisationId: "${dorotea}", function: "MANAGE_USERS", access: READ) { allowed } }` },
    },
    {
      name: 'whoCan with the names access keeps, __typename last as urql asks', token: 'arvid', path: 'fast',
      body: { query: whoCan.replace('node { id }', 'node { id givenName surname __typename } __typename'), variables: whoVars },
    },
    {
      name: 'an aliased __typename (the planner keeps it in place)', token: 'arvid', path: 'fast',
      body: { query: whoCan.replace('node { id }', 'node { t: __typename id }'), variables: whoVars },
    },
    {
      name: 'permissionScopes with names (two subgraphs)', token: 'tolvan', path: 'planned',
      body: { query: scopes.replace('organisation { id }', 'organisation { id name }'), variables: { personId: arvid.id } },
    },
    {
      name: 'one operation chosen by name from a document of two', token: 'tolvan', path: 'fast',
      body: { query: `${checkAccess}\n${scopes}`, variables: { personId: arvid.id }, operationName: 'Scopes' },
    },
  ];

  it.each(cases)('$name: same answer, path $path', async ({ token, body, path }) => {
    for (const pair of [pairs.dev, pairs.production]) {
      const { outcome } = await differential(pair, body, token ? tokens[token] : undefined);
      expect(outcome).toBe(path);
    }
  });

  it('the fast answers are real answers (data, no errors), not empty ones', async () => {
    const { answer } = await differential(pairs.dev, { query: whoCan, variables: whoVars }, tokens.arvid);
    const body = JSON.parse(answer.text) as { data: { whoCan: { totalCount: number; edges: { node: { id: string } }[] } }; errors?: unknown };
    expect(answer.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.whoCan.edges.map((e) => e.node.id)).toContain(arvid.id);
    const check = JSON.parse((await differential(pairs.dev, { query: checkAccess, variables: checkVars }, tokens.tolvan)).answer.text) as { data: { checkAccess: { allowed: boolean } } };
    expect(check.data.checkAccess.allowed).toBe(true);
  });

  it('a subgraph that cannot be reached: the normal path\'s SERVICE_UNAVAILABLE, from the fetch the fast path already made', async () => {
    const { answer, outcome } = await differential(pairs.accessDown, { query: checkAccess, variables: checkVars }, tokens.tolvan);
    expect(outcome).toBe('replayed');
    const body = JSON.parse(answer.text) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'access' });
  });

  it('a persisted document sent by its hash alone takes the same path as its text', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(whoCan) } };
    // Registered with its text once (automatic persisted queries), then by hash only.
    await differential(pairs.dev, { query: whoCan, variables: whoVars, extensions }, tokens.arvid);
    const { outcome } = await differential(pairs.dev, { variables: whoVars, extensions }, tokens.arvid);
    expect(outcome).toBe('fast');
  });

  /**
   * Every query of the web client's manifest (mutations change state and are never fast), as the
   * authority and as a permission administrator, with the demo's ids for its variables, in
   * development and production mode.
   */
  it('every query of the web client answers the same with the fast path on and off', async () => {
    const manifest = loadPersistedManifest(defaultManifestPath());
    const queries = [...manifest.values()].filter((text) => (parse(text).definitions[0] as OperationDefinitionNode).operation === 'query');
    expect(queries.length).toBeGreaterThan(20);
    const paths: Record<string, FastPathOutcome | undefined> = {};
    for (const text of queries) {
      const op = parse(text).definitions[0] as OperationDefinitionNode;
      const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, demoValue(v.variable.name.value)]).filter(([, value]) => value !== undefined));
      for (const pair of [pairs.dev, pairs.production]) {
        for (const token of [tokens.tolvan, tokens.arvid]) {
          const { outcome } = await differential(pair, { query: text, variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } }, token);
          paths[op.name!.value] = outcome;
        }
      }
    }
    // The web client's whoCan page is passed through; so are its other plain single-fetch queries.
    expect(paths.WhoCanHere).toBe('fast');
    expect(Object.entries(paths).filter(([, path]) => path === 'fast').map(([name]) => name).sort()).toEqual([
      'AccessReviewItems', 'AuditPerson', 'MyAccess', 'NavAccess', 'OrganisationContacts', 'OrganisationDetails',
      'OrganisationList', 'RoleCatalogue', 'Roles', 'SigningOrder', 'VerifyAuditLog', 'WhoCanHere',
    ]);
    // Operations that need two subgraphs are never passed through.
    expect(paths.Me).toBe('planned');
    expect(paths.MyPermissions).toBe('planned');
  });
});

/** The guard on plans the running system never shows the fast path. */
describe('single-fetch guard', () => {
  const sdl = readFileSync(supergraphPath(), 'utf8');
  const supergraph = Supergraph.build(sdl);
  const planner = new QueryPlanner(supergraph);
  const schema = supergraph.apiSchema().toGraphQLJSSchema();
  const decide = (text: string, unsafeLeafTypes?: Set<string>) => {
    const document = parse(text);
    const queryPlan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), document));
    const operation = document.definitions[0] as OperationDefinitionNode;
    return singleFetchDecision({ queryPlan, serviceMap: { access: {} as never, signing: {} as never, organisations: {} as never }, operationContext: { operation, schema, fragments: {} } as never }, unsafeLeafTypes);
  };

  it('passes a plain single-fetch query and nothing that plans to more than one fetch', () => {
    expect(decide(`{ checkAccess(personId: "a", organisationId: "b", function: "F", access: READ) { allowed } }`)?.fetch.serviceName).toBe('access');
    expect(decide(`{ permissionScopes(personId: "a") { organisation { id name } } }`)).toBeNull();
  });

  it('never passes an enum two subgraphs define (the supergraph may lack a value one of them answers)', () => {
    const text = `{ roles { code grants { access } } }`;
    expect(decide(text)).not.toBeNull();
    expect(sharedEnums(sdl).size).toBe(0);
    const twoGraphs = sdl.replace('enum Access\n  @join__type(graph: ACCESS)', 'enum Access\n  @join__type(graph: ACCESS)\n  @join__type(graph: SIGNING)');
    expect(sharedEnums(twoGraphs)).toEqual(new Set(['Access']));
    expect(decide(text, sharedEnums(twoGraphs))).toBeNull();
  });

  it('never passes a mutation, even one that plans to a single fetch', () => {
    const mutation = `mutation { startLogin { orderRef } }`;
    expect(planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(mutation))).node?.kind).toBe('Fetch');
    expect(decide(mutation)).toBeNull();
  });

  it('stays off for a supergraph with hidden (@inaccessible) parts or interface objects, on for the committed one', () => {
    expect(supergraphAllowsFastPath(sdl)).toBe(true);
    expect(supergraphAllowsFastPath(sdl.replace('allowed: Boolean!', 'allowed: Boolean! @inaccessible'))).toBe(false);
    expect(supergraphAllowsFastPath(sdl.replace('@join__type(graph: ACCESS)\n{\n  allowed', '@join__type(graph: ACCESS, isInterfaceObject: true) @interfaceObject\n{\n  allowed'))).toBe(false);
    expect(supergraphAllowsFastPath(sdl.replace('reason: String!', 'reason: String! @join__field(graph: ACCESS, type: "String")'))).toBe(false);
  });
});

/** Values for the web client's variables by name, from the demo data; undefined leaves one out. */
function demoValue(name: string): unknown {
  const values: Record<string, unknown> = {
    organisationId: dorotea, id: dorotea, personId: arvid.id, unitId: ubk, function: 'MANAGE_USERS', access: 'READ',
    first: 5, days: 30, orderRef: '00000000-0000-4000-8000-0000000000ff', reviewId: '00000000-0000-4000-8000-0000000000fe',
  };
  return values[name];
}

function withoutStacktraces(answer: Answer) {
  const body = JSON.parse(answer.text) as { errors?: { extensions?: Record<string, unknown> }[] };
  for (const error of body.errors ?? []) delete error.extensions?.stacktrace;
  return { status: answer.status, text: JSON.stringify(body) };
}
