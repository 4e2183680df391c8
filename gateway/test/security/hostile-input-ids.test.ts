import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { createOutboxRelay } from '@behorig/kit/outbox';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { ARATRON, ARATRON_UNIT, actorTokens, fresh, freshBankgiro, freshOrgNumber, freshPersonalNumber, person, type ActorKey } from './actors';

/**
 * The mutations that take only ids (R-AUTH-4; "a refused mutation changes nothing"). For each:
 * another organisation's administrator is FORBIDDEN, a well-formed but unknown id is NOT_FOUND, a
 * malformed id is BAD_USER_INPUT — and after each refusal every row of every service's tables
 * (audit tables included) is what it was. Then the allowed actor performs it once, and the audit
 * event it writes is read back through the gateway (Organisation.auditLog).
 */
type Vars = Record<string, unknown>;
interface Target { vars: Vars; needle?: string; org: string }
interface Row {
  op: string;
  /** Which variable carries the id under test. */
  idVar: string;
  /** A fresh object to act on, made by the authority; `needle` is a text the audit event must contain. */
  make: () => Promise<Target>;
  /** Who may perform it (R-AGR-2, R-ROLE-2a, R-ROLE-3). */
  actor: ActorKey;
  action: string;
  /** The answer for a well-formed unknown id, when it is not NOT_FOUND (with the reason). */
  unknown?: { code: 'FORBIDDEN'; why: string };
}

describe('Id-only mutations: FORBIDDEN elsewhere, NOT_FOUND when unknown, BAD_USER_INPUT when malformed, nothing changed; the audit event on success', () => {
  let sys: System;
  let db: Client;
  let tokens: Record<ActorKey, string | undefined>;
  const gql = (q: string, v: Vars | undefined, actor: ActorKey): Promise<GraphQLResponse<any>> => gqlRequest(sys.gatewayUrl, q, v, tokens[actor]); // eslint-disable-line @typescript-eslint/no-explicit-any
  const must = async (q: string, v: Vars, actor: ActorKey = 'authority') => {
    const res = await gql(q, v, actor);
    if (res.errors) throw new Error(`setup failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const today = stockholmDate();
  const TABLES = [
    'organisations.organisation', 'organisations.unit', 'organisations.address', 'organisations.contact_person', 'organisations.payment_account', 'organisations.outbox_event',
    'access.person', 'access.membership', 'access.role_assignment', 'access.pending_change', 'access.change_set', 'access.agreement', 'access.outbox_event',
    'signing.api_client', 'signing.audit_event', 'signing.event_subscription',
  ];
  /** Every row hashed (the relay's delivery mark aside: delivering is not the mutation's doing). */
  const snapshot = async () => {
    const { rows } = await db.query(`SELECT ${TABLES.map((t, i) => `(SELECT count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(x) - 'delivered_at')::text, '|' ORDER BY (to_jsonb(x) - 'delivered_at')::text)), '') FROM ${t} x) AS c${i}`).join(', ')}`);
    return TABLES.map((t, i) => `${t}=${rows[0][`c${i}`]}`);
  };
  /** The test system runs no outbox relay: each audit event is delivered here, at once, as the services' relays would. */
  const deliver = async () => {
    for (const schema of ['organisations', 'access'] as const) {
      const relay = createOutboxRelay({ databaseUrl: sys.db.url, schema, signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials(schema) });
      await relay.drain();
      await relay.stop();
    }
  };
  const auditLog = async (org: string, action: string) => (await must(
    `query($o: ID!, $a: String!) { organisation(id: $o) { auditLog(first: 5, action: $a) { totalCount edges { node { action target before after source } } } } }`, { o: org, a: action },
  )).organisation.auditLog as { totalCount: number; edges: { node: { action: string; target: string; before: string | null; after: string | null; source: string } }[] };

  const newUnit = async () => (await must(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, {
    i: { organisationId: ARATRON, serviceCode: 'RUSTA_OCH_MATCHA', name: fresh('Idenhet'), addresses: [{ street: 'Testgatan 1', postalCode: '111 22', city: 'Stockholm' }] },
  })).createUnit.id as string;
  const newAccount = async () => (await must(`mutation($o: ID!, $i: PaymentAccountInput!) { createPaymentAccount(organisationId: $o, input: $i) { id } }`, {
    o: ARATRON, i: { type: 'BANKGIRO', number: freshBankgiro() },
  })).createPaymentAccount.id as string;
  const proposeFresh = async () => (await must(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, {
    o: ARATRON,
    i: { personalNumber: freshPersonalNumber(), givenName: 'Id', surname: fresh('Testsson'), email: 'id@test.se', roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: today, validTo: addDays(today, 60) },
  }, 'permissionAdmin')).proposeStaff.id as string;

  const ROWS: Record<string, Row> = {
    removeAddress: {
      op: `mutation($id: ID!) { removeAddress(id: $id) { id } }`, idVar: 'id', actor: 'authority', action: 'unit.address_removed',
      make: async () => {
        const unit = await newUnit();
        const id = (await must(`mutation($u: ID!, $i: AddressInput!) { addAddress(unitId: $u, input: $i) { id } }`, { u: unit, i: { street: 'Bortgatan 4', postalCode: '753 21', city: 'Uppsala' } })).addAddress.id;
        return { vars: { id }, needle: id, org: ARATRON };
      },
    },
    closeUnit: {
      op: `mutation($id: ID!) { closeUnit(id: $id) { id } }`, idVar: 'id', actor: 'authority', action: 'unit.closed',
      make: async () => { const id = await newUnit(); return { vars: { id }, needle: id, org: ARATRON }; },
    },
    removeContactPerson: {
      op: `mutation($id: ID!) { removeContactPerson(id: $id) { id } }`, idVar: 'id', actor: 'authority', action: 'contact_person.removed',
      make: async () => {
        const id = (await must(`mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, { o: ARATRON, i: { givenName: 'Kontakt', surname: fresh('Person') } })).createContactPerson.id;
        return { vars: { id }, needle: id, org: ARATRON };
      },
    },
    removePaymentAccount: {
      op: `mutation($id: ID!) { removePaymentAccount(id: $id) { id } }`, idVar: 'id', actor: 'authority', action: 'payment_account.removed',
      make: async () => { const id = await newAccount(); return { vars: { id }, needle: id, org: ARATRON }; },
    },
    reviewPaymentAccount: {
      op: `mutation($id: ID!) { reviewPaymentAccount(id: $id, status: REVIEWED) { id } }`, idVar: 'id', actor: 'authority', action: 'payment_account.reviewed',
      make: async () => { const id = await newAccount(); return { vars: { id }, needle: id, org: ARATRON }; },
    },
    proposeStaffRemoval: {
      op: `mutation($o: ID!, $p: ID!) { proposeStaffRemoval(organisationId: $o, personId: $p) { id } }`, idVar: 'p', actor: 'permissionAdmin', action: 'access.change.proposed',
      make: async () => ({ vars: { o: ARATRON, p: person('Agda').id }, needle: person('Agda').id, org: ARATRON }),
    },
    discardPendingChange: {
      op: `mutation($id: ID!) { discardPendingChange(id: $id) { id } }`, idVar: 'id', actor: 'permissionAdmin', action: 'access.change.discarded',
      make: async () => { const id = await proposeFresh(); return { vars: { id }, needle: id, org: ARATRON }; },
    },
    revokeApiClient: {
      op: `mutation($c: ID!) { revokeApiClient(clientId: $c) { id } }`, idVar: 'c', actor: 'permissionAdmin', action: 'apiClient.revoked',
      make: async () => {
        const id = (await must(`mutation($o: ID!) { registerApiClient(organisationId: $o, name: "Återkallas", functions: ["DOCUMENTS"]) { client { id } } }`, { o: ARATRON })).registerApiClient.client.id;
        return { vars: { c: id }, needle: id, org: ARATRON };
      },
    },
    activateAgreement: {
      op: `mutation($id: ID!) { activateAgreement(id: $id) { id } }`, idVar: 'id', actor: 'authority', action: 'access.agreement.activated',
      make: async () => {
        const org = (await must(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { orgNumber: freshOrgNumber(), name: fresh('Avtal AB'), kind: 'SUPPLIER' } })).createOrganisation.id;
        const id = (await must(`mutation($i: RegisterAgreementInput!) { registerAgreement(input: $i) { id } }`, {
          i: { organisationId: org, administrator: { personalNumber: freshPersonalNumber(), givenName: 'Start', surname: fresh('Administratör') } },
        })).registerAgreement.id;
        return { vars: { id }, needle: id, org };
      },
    },
    unsubscribeFromEvents: {
      op: `mutation($id: ID!) { unsubscribeFromEvents(id: $id) { id } }`, idVar: 'id', actor: 'permissionAdmin', action: 'eventSubscription.removed',
      make: async () => {
        // R-HOOK-1: a loopback http address is allowed in development; nothing is delivered here.
        const id = (await must(`mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) { subscription { id } } }`, {
          o: ARATRON, i: { url: 'http://127.0.0.1:9/id', events: ['employment.ended'] },
        })).subscribeToEvents.subscription.id;
        return { vars: { id }, needle: id, org: ARATRON };
      },
    },
    // signChanges takes the organisation's id; the change set it starts signing has no id the caller knows.
    signChanges: {
      op: `mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, idVar: 'o', actor: 'permissionAdmin', action: 'access.changes.signing_started',
      unknown: { code: 'FORBIDDEN', why: 'R-ROLE-3: only an administrator of the organisation signs, and nobody administers one that does not exist; the authority never signs' },
      make: async () => { await proposeFresh(); return { vars: { o: ARATRON }, org: ARATRON }; },
    },
  };

  beforeAll(async () => {
    sys = await startSystem();
    tokens = await actorTokens(sys);
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await sys?.stop();
  });

  /** Id-only mutations covered elsewhere in this file or by design without an owner. */
  const NOT_IN_ROWS: Record<string, string> = {
    cancelOrder: 'the order signChanges starts is cancelled in the signChanges case',
    completeLogin: 'R-AUTH-1: log-in is open; whoever holds a completed orderRef gets that session (authorisation matrix)',
  };
  it('covers every mutation of schema/supergraph.graphql whose required arguments are only ids (and enums)', () => {
    const doc = parse(readFileSync(join(__dirname, '../../../schema/supergraph.graphql'), 'utf8'));
    const enums = new Set(doc.definitions.flatMap((d) => (d.kind === 'EnumTypeDefinition' ? [d.name.value] : [])));
    const mutation = doc.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Mutation');
    const idOnly = (mutation?.fields ?? []).filter((f) => {
      const required = (f.arguments ?? []).filter((a) => a.type.kind === 'NonNullType');
      return required.length > 0 && required.every((a) => print(a.type) === 'ID!' || enums.has(print(a.type).replace(/!$/, '')));
    }).map((f) => f.name.value).sort();
    expect(idOnly.filter((f) => !(f in ROWS) && !(f in NOT_IN_ROWS))).toEqual([]); // a new id-only mutation needs a row
    expect(Object.keys(ROWS).filter((f) => !idOnly.includes(f))).toEqual([]);
  });

  const code = (res: GraphQLResponse) => String(res.errors?.[0]?.extensions?.code ?? 'ok');

  async function refusalsChangeNothing(name: string, row: Row, target: Target) {
    const before = await snapshot();
    const outcomes: Record<string, string> = {};
    outcomes.otherOrg = code(await gql(row.op, target.vars, 'otherOrg'));
    outcomes.reader = code(await gql(row.op, target.vars, 'reader'));
    outcomes.nobody = code(await gql(row.op, target.vars, 'nobody'));
    outcomes.unknown = code(await gql(row.op, { ...target.vars, [row.idVar]: randomUUID() }, row.actor));
    // An existing id of another kind of object (a unit's id where a person, an account … is meant).
    outcomes.otherKind = code(await gql(row.op, { ...target.vars, [row.idVar]: row.idVar === 'o' ? ARATRON_UNIT : ARATRON }, row.actor));
    outcomes.malformed = code(await gql(row.op, { ...target.vars, [row.idVar]: 'not-an-id' }, row.actor));
    outcomes.sql = code(await gql(row.op, { ...target.vars, [row.idVar]: "' OR '1'='1" }, row.actor));
    const unknown = row.unknown?.code ?? 'NOT_FOUND';
    expect({ name, outcomes, tables: await snapshot() }).toEqual({
      name,
      outcomes: { otherOrg: 'FORBIDDEN', reader: 'FORBIDDEN', nobody: 'UNAUTHENTICATED', unknown, otherKind: unknown, malformed: 'BAD_USER_INPUT', sql: 'BAD_USER_INPUT' },
      tables: before,
    });
  }

  async function auditedOnSuccess(row: Row, target: Target, run: () => Promise<GraphQLResponse>) {
    await deliver();
    const before = (await auditLog(target.org, row.action)).totalCount;
    const res = await run();
    expect(res.errors).toBeUndefined();
    await deliver();
    const log = await auditLog(target.org, row.action);
    expect(log.totalCount).toBe(before + 1);
    const newest = log.edges[0].node;
    expect(newest.action).toBe(row.action);
    if (target.needle) expect(`${newest.target} ${newest.before} ${newest.after}`).toContain(target.needle);
    return res;
  }

  it.each(Object.keys(ROWS))('%s', async (name) => {
    const row = ROWS[name];
    const target = await row.make();
    await refusalsChangeNothing(name, row, target);
    const res = await auditedOnSuccess(row, target, () => gql(row.op, target.vars, row.actor));
    if (name === 'signChanges') {
      // cancelOrder takes the order's reference: the same refusals, and the set's return to DRAFT is audited (R-SIGN-7).
      const orderRef = (res.data as { signChanges: { orderRef: string } }).signChanges.orderRef;
      const cancel = { op: `mutation($r: ID!) { cancelOrder(orderRef: $r) { orderRef status } }`, idVar: 'r', actor: 'permissionAdmin', action: 'access.changes.signing_failed', make: row.make } satisfies Row;
      const before = await snapshot();
      // An orderRef is BankID's reference, not one of our UUIDs: any unknown text is answered NOT_FOUND (as in malformed-ids.test.ts).
      const outcomes = {
        otherOrg: code(await gql(cancel.op, { r: orderRef }, 'otherOrg')),
        reader: code(await gql(cancel.op, { r: orderRef }, 'reader')),
        nobody: code(await gql(cancel.op, { r: orderRef }, 'nobody')),
        unknown: code(await gql(cancel.op, { r: randomUUID() }, 'permissionAdmin')),
        malformed: code(await gql(cancel.op, { r: 'not-an-id' }, 'permissionAdmin')),
      };
      const order = async () => (await db.query(`SELECT status FROM signing.signing_order WHERE order_ref = $1`, [orderRef])).rows;
      expect({ outcomes, tables: await snapshot(), order: await order() })
        .toEqual({ outcomes: { otherOrg: 'FORBIDDEN', reader: 'FORBIDDEN', nobody: 'UNAUTHENTICATED', unknown: 'NOT_FOUND', malformed: 'NOT_FOUND' }, tables: before, order: [{ status: 'PENDING' }] });
      const cancelled = await auditedOnSuccess(cancel, { vars: { r: orderRef }, org: ARATRON, needle: 'cancelled' }, () => gql(cancel.op, { r: orderRef }, 'permissionAdmin'));
      expect((cancelled.data as { cancelOrder: { status: string } }).cancelOrder.status).toBe('FAILED');
    }
  });
});
