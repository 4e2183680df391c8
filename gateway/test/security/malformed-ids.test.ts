import { readFileSync } from 'node:fs';
import {
  buildASTSchema, getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, parse,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLOutputType,
} from 'graphql';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { isCodeLikeId } from '@behorig/kit/server';
import { isReason } from '@behorig/kit/errors';
import { supergraphPath } from '../../src/compose';
import { startSystem, type System } from '../support/system';
import { ARATRON, ARATRON_UNIT, actorTokens, fresh, freshBankgiro, freshOrgNumber, freshPersonalNumber, person, type Gql } from './actors';

/**
 * Malformed ids and cursors, GENERATED from the supergraph: for every Query and Mutation field,
 * every `ID` argument (also inside input objects and lists) and every cursor (`after`), malformed
 * values are sent through the gateway by the authority (who may call everything), and the answer
 * must be BAD_USER_INPUT or NOT_FOUND — never an internal error or SQL text. UUID ids must be
 * refused as MALFORMED_ID naming the argument (kit's argument guard); code-like ids (`code`,
 * `…Code(s)`, `orderRef`) are answered by their resolvers. Cursor arguments of nested fields are
 * reached through an entry field per type (ENTRY); a type with such a field and no entry must be
 * listed in UNREACHABLE with a reason, so a new field is either covered or consciously excluded.
 */
const schema = buildASTSchema(parse(readFileSync(supergraphPath(), 'utf8')), { assumeValid: true, assumeValidSDL: true });
const today = stockholmDate();
const laban = person('Laban');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** How to reach a type's nested fields: a root field taking `id`, and an id of a real row. */
const ENTRY: Record<string, { field: string; id: string }> = {
  Organisation: { field: 'organisation', id: ARATRON },
  Person: { field: 'person', id: laban.id },
};
/** Nested fields with id or cursor arguments that this test cannot reach, with the reason. */
const UNREACHABLE: Record<string, string> = {
  'AccessReview.items': 'a review exists only after startAccessReview (no demo review to enter by); its cursor is kit pageArgs, the same code as Organisation.staff(after:), covered here',
};

const MALFORMED_UUIDS = ['abc', '0', '', "' OR '1'='1", `${ARATRON}x`, `{${ARATRON}}`, '00000000-0000-0000-0000-00000000000g', 'å'.repeat(36), '1; SELECT pg_sleep(1)'];
const MALFORMED_CODES = ['', 'x'.repeat(101), "' OR '1'='1", 'ÅÄÖ; DROP TABLE x', '%', '00000000-0000-0000-0000-000000000000'];
const MALFORMED_CURSORS = [b64('o:1e300'), b64('o:-1'), b64('o:01'), b64('o:0x10'), b64('x:1'), b64('o:99999999999'), b64('o:1 '), 'not a cursor!', `${b64('o:0')}=`, b64("o:0' OR '1'='1")];

/** A value of the right type for a required argument or field that is not the one under test. */
function sample(type: GraphQLInputType, name: string): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [sample(t.ofType, name)];
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) if (isNonNullType(f.type)) out[f.name] = sample(f.type, f.name);
    return out;
  }
  if (isEnumType(t)) return t.getValues()[0].value;
  if (!isScalarType(t)) return null;
  switch (t.name) {
    case 'ID':
      if (/^roleCodes?$/.test(name)) return 'READER';
      if (/[sS]erviceCode$|^code$/.test(name)) return 'RUSTA_OCH_MATCHA';
      if (/schoolFormCodes?$/.test(name)) return 'SFI';
      if (name === 'personId' || name === 'personIds') return laban.id;
      if (name === 'unitId' || name === 'unitIds') return ARATRON_UNIT;
      return ARATRON;
    case 'Int': return 1;
    case 'Float': return 1;
    case 'Boolean': return false;
    case 'Date': return /validFrom|endDate|receivedOn|on$/.test(name) ? today : addDays(today, 30);
    case 'DateTime': return new Date().toISOString();
    default:
      if (name === 'personalNumber') return freshPersonalNumber();
      if (name === 'orgNumber') return freshOrgNumber();
      if (name === 'number') return freshBankgiro();
      if (name === 'postalCode') return '111 22';
      if (/email/i.test(name)) return 'test@example.se';
      // Letters only: names are validated (R-SIGN-6), and a fresh suffix keeps unique names unique.
      return `Test ${fresh('').replace(/[^a-f]/g, '').padEnd(3, 'a').replace(/[a-f]/g, (c) => 'klmnop'['abcdef'.indexOf(c)])}`;
  }
}

interface Target { path: string[]; name: string; kind: 'uuid' | 'code' | 'cursor' }

/** Every id or cursor position inside one argument's type. */
function targets(type: GraphQLInputType, path: string[], name: string, depth = 0): Target[] {
  const t = getNullableType(type);
  if (depth > 6) return [];
  if (isListType(t)) return targets(t.ofType, path, name, depth + 1);
  if (isInputObjectType(t)) return Object.values(t.getFields()).flatMap((f) => targets(f.type, [...path, f.name], f.name, depth + 1));
  if (isScalarType(t) && t.name === 'ID') return [{ path, name, kind: isCodeLikeId(name) ? 'code' : 'uuid' }];
  if (isScalarType(t) && t.name === 'String' && name === 'after') return [{ path, name, kind: 'cursor' }];
  return [];
}

/** Arguments for a field with the target path set to `bad` (wrapped in a list where the type is one). */
function argumentsWith(field: GraphQLField<unknown, unknown>, target: Target, bad: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const a of field.args) if (isNonNullType(a.type) || a.name === target.path[0]) args[a.name] = sample(a.type, a.name);
  // Walk down to the target, creating input objects on the way, then put the bad value there.
  let holder: Record<string, unknown> = args;
  let type: GraphQLInputType = field.args.find((a) => a.name === target.path[0])!.type;
  for (let i = 0; i < target.path.length; i++) {
    const key = target.path[i];
    const last = i === target.path.length - 1;
    const nullable = getNullableType(type);
    if (last) {
      holder[key] = isListType(nullable) ? [bad] : bad;
      break;
    }
    const obj = getNullableType(isListType(nullable) ? nullable.ofType : nullable);
    if (!isInputObjectType(obj)) throw new Error(`cannot descend into ${String(type)}`);
    if (holder[key] == null || typeof holder[key] !== 'object') holder[key] = sample(obj, key);
    // A list of input objects (e.g. decideReviewItems' decisions): the bad value goes into its first element.
    const next = holder[key];
    holder = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
    type = obj.getFields()[target.path[i + 1]].type;
  }
  return args;
}

const selection = (type: GraphQLOutputType): string => (isObjectType(getNamedType(type)) || !isScalarType(getNamedType(type)) && !isEnumType(getNamedType(type)) ? ' { __typename }' : '');
const varDefs = (args: readonly GraphQLArgument[], used: Record<string, unknown>) =>
  args.filter((a) => a.name in used).map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
const argList = (args: readonly GraphQLArgument[], used: Record<string, unknown>) =>
  args.filter((a) => a.name in used).map((a) => `${a.name}: $${a.name}`).join(', ');

interface Case { label: string; query: string; variables: Record<string, unknown>; target: Target; field: string; nullable: boolean }

function casesFor(op: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, wrap?: { entry: string; id: string }): Case[] {
  const out: Case[] = [];
  for (const a of field.args) {
    for (const target of targets(a.type, [a.name], a.name)) {
      const values = target.kind === 'uuid' ? MALFORMED_UUIDS : target.kind === 'code' ? MALFORMED_CODES : MALFORMED_CURSORS;
      for (const bad of values) {
        const variables = argumentsWith(field, target, bad);
        const inner = `${field.name}${field.args.some((x) => x.name in variables) ? `(${argList(field.args, variables)})` : ''}${selection(field.type)}`;
        const defs = varDefs(field.args, variables);
        const query = wrap
          ? `query(${defs ? `${defs}, ` : ''}$entryId: ID!) { ${wrap.entry}(id: $entryId) { ${inner} } }`
          : `${op}${defs ? `(${defs})` : ''} { ${inner} }`;
        out.push({ label: `${wrap ? `${wrap.entry}.` : ''}${field.name}(${target.path.join('.')}: ${JSON.stringify(bad).slice(0, 40)})`, query, variables: wrap ? { ...variables, entryId: wrap.id } : variables, target, field: field.name, nullable: !isNonNullType(field.type) });
      }
    }
  }
  return out;
}

const rootCases: Case[] = [
  ...Object.values(schema.getQueryType()!.getFields()).flatMap((f) => casesFor('query', f)),
  ...Object.values(schema.getMutationType()!.getFields()).flatMap((f) => casesFor('mutation', f)),
];
const nestedFields = Object.values(schema.getTypeMap())
  .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !['Query', 'Mutation', 'Subscription'].includes(t.name) && !t.name.startsWith('join__') && !t.name.startsWith('link__'))
  .flatMap((t) => Object.values(t.getFields()).filter((f) => f.args.some((a) => targets(a.type, [a.name], a.name).length > 0)).map((f) => ({ type: t.name, field: f })));
const nestedCases: Case[] = nestedFields
  .filter(({ type }) => ENTRY[type])
  .flatMap(({ type, field }) => casesFor('query', field, { entry: ENTRY[type].field, id: ENTRY[type].id }));

const SQL_TEXT = /\b(select|insert|update|delete)\b.*\b(from|into|set)\b|syntax error|invalid input syntax|relation "|column "|violates|out of range|pg_/i;

describe('malformed ids and cursors in every argument of the supergraph', () => {
  let sys: System;
  let gql: Gql;
  let authority: string;
  beforeAll(async () => {
    sys = await startSystem();
    authority = (await actorTokens(sys)).authority!;
    const { gqlRequest } = await import('@behorig/kit/testing');
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
  }, 120_000);
  afterAll(async () => { await sys.stop(); });

  it('the generator finds the id and cursor arguments (it is not vacuous)', () => {
    const fields = new Set(rootCases.map((c) => c.label.split('(')[0]));
    for (const known of ['permissionScopes', 'checkAccess', 'organisations', 'proposeStaff', 'endEmployment', 'signingOrder', 'changeService']) expect(fields).toContain(known);
    expect(rootCases.filter((c) => c.target.kind === 'cursor').length).toBeGreaterThan(0);
    expect(nestedCases.filter((c) => c.target.kind === 'cursor').length).toBeGreaterThan(0);
  });

  it('every nested field with an id or cursor argument is reachable or listed with a reason', () => {
    const unreached = nestedFields.filter(({ type }) => !ENTRY[type]).map(({ type, field }) => `${type}.${field.name}`).filter((k) => !UNREACHABLE[k]);
    expect(unreached).toEqual([]);
    const stale = Object.keys(UNREACHABLE).filter((k) => !nestedFields.some(({ type, field }) => `${type}.${field.name}` === k));
    expect(stale).toEqual([]);
  });

  it.each([['root fields', () => rootCases], ['nested fields', () => nestedCases]])('%s: BAD_USER_INPUT (naming the argument) or NOT_FOUND, never an internal error', async (_n, cases) => {
    const problems: string[] = [];
    for (const c of cases()) {
      const res = await gql(c.query, c.variables, authority);
      const first = res.errors?.[0];
      const code = first?.extensions?.code;
      const all = JSON.stringify(res.errors ?? []);
      // A nullable look-up answers "no such thing" with null (the contract's NOT_FOUND for look-ups);
      // only a code-like id can get that far, a UUID or cursor is refused before any resolver.
      const answered = (res.data as Record<string, unknown> | null | undefined)?.[c.field];
      if (!first && c.target.kind === 'code' && c.nullable && answered === null) continue;
      if (!first) { problems.push(`${c.label}: answered without an error`); continue; }
      if (/INTERNAL_SERVER_ERROR/.test(all) || SQL_TEXT.test(all)) { problems.push(`${c.label}: ${all.slice(0, 300)}`); continue; }
      if (code !== 'BAD_USER_INPUT' && code !== 'NOT_FOUND') { problems.push(`${c.label}: ${code} ${first.message}`); continue; }
      if (!isReason(first.extensions?.reason)) problems.push(`${c.label}: no catalogued reason (${String(first.extensions?.reason)})`);
      const field = c.target.path.join('.');
      if (c.target.kind === 'uuid' && !(code === 'BAD_USER_INPUT' && first.extensions?.reason === 'MALFORMED_ID' && first.extensions?.field === field)) {
        problems.push(`${c.label}: expected MALFORMED_ID on ${field}, got ${code} ${String(first.extensions?.reason)} ${String(first.extensions?.field)}`);
      }
      if (c.target.kind === 'cursor' && !(code === 'BAD_USER_INPUT' && first.extensions?.reason === 'MALFORMED_CURSOR')) {
        problems.push(`${c.label}: expected MALFORMED_CURSOR, got ${code} ${String(first.extensions?.reason)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(cases().length).toBeGreaterThan(0);
  }, 300_000);

  it('the examples that reached SQL before: permissionScopes("abc"), checkAccess("0"), organisations(after: "o:1e300")', async () => {
    const scopes = await gql(`{ permissionScopes(personId: "abc") { orgWide } }`, undefined, authority);
    expect(scopes.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_ID', field: 'personId' });
    const check = await gql(`query($o: ID!) { checkAccess(personId: "0", organisationId: $o, function: "MANAGE_USERS", access: READ) { allowed } }`, { o: ARATRON }, authority);
    expect(check.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_ID', field: 'personId' });
    const page = await gql(`query($a: String) { organisations(first: 1, after: $a) { totalCount } }`, { a: b64('o:1e300') }, authority);
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_CURSOR', field: 'after' });
    // A cursor the server made still works.
    const first = await gql(`{ organisations(first: 1) { pageInfo { endCursor } } }`, undefined, authority);
    const next = await gql(`query($a: String) { organisations(first: 1, after: $a) { totalCount } }`, { a: first.data.organisations.pageInfo.endCursor }, authority);
    expect(next.errors).toBeUndefined();
  });
});
