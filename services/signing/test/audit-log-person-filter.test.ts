import { aratron, dorotea, person, startHarness, type Harness } from './support/harness';

/**
 * R-AUDIT-3: the log of one organisation filtered by who did it (`actorId`) and by whom it is
 * about (`personId`: their `person:<id>` target, or they acted), for the web client's actor filter
 * and its person page.
 */
const LOG = `query($r: [_Any!]!, $actorId: ID, $personId: ID, $action: String) {
  _entities(representations: $r) { ... on Organisation { auditLog(first: 50, actorId: $actorId, personId: $personId, action: $action) {
    totalCount edges { node { seq action target actor { id } } } } } } }`;
const org = (id: string) => [{ __typename: 'Organisation', id }];
const arvid = person('Arvid');
const laban = person('Laban');
const fridolf = person('Fridolf');

describe('audit log filtered by person (R-AUDIT-3)', () => {
  let h: Harness;
  let arvidToken: string;
  beforeAll(async () => {
    h = await startHarness({ bankId: false });
    arvidToken = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'UPDATE');
    const ev = (sourceId: string, actor: string, target: string, organisationId = dorotea) => ({
      sourceId, occurredAt: `2026-03-0${sourceId}T10:00:00Z`, actor, organisationId, action: 'access.staff.changed', target, before: null, after: null,
    });
    const events = [
      ev('1', `person:${arvid.id}`, `person:${laban.id}`), // Arvid changes Laban
      ev('2', `person:${laban.id}`, `person:${fridolf.id}`), // Laban changes Fridolf
      ev('3', `person:${arvid.id}`, `change_set:x`), // Arvid, about no person
      ev('4', 'service:access', `person:${laban.id}`), // the system, about Laban
      ev('5', `person:${laban.id}`, `person:${laban.id}`, aratron), // another organisation's chain
    ];
    // Delivered as access's relay would, each when it happened: the ingestion takes only access's
    // own events, within 5 minutes of signing's clock (R-AUTH-4).
    try {
      for (const e of events) {
        h.clock.now = Date.parse(e.occurredAt);
        const res = await h.internal('/internal/audit-events', { source: 'access', events: [e] });
        expect(res.status).toBe(200);
      }
    } finally {
      h.clock.now = Date.now();
    }
  });
  afterAll(async () => { await h.stop(); });

  const seqs = async (vars: Record<string, unknown>) => {
    const res = await h.gql(LOG, { r: org(dorotea), ...vars }, arvidToken);
    expect(res.errors).toBeUndefined();
    return res.data._entities[0].auditLog.edges.map((e: { node: { seq: number } }) => e.node.seq);
  };

  it('R-AUDIT-3: actorId keeps what that person did, newest first', async () => {
    expect(await seqs({ actorId: arvid.id })).toEqual([3, 1]);
    expect(await seqs({ actorId: laban.id })).toEqual([2]);
  });

  it('R-AUDIT-3: personId keeps what concerns the person or was done by them, in this organisation only', async () => {
    expect(await seqs({ personId: laban.id })).toEqual([4, 2, 1]);
    expect(await seqs({ personId: fridolf.id })).toEqual([2]);
    expect(await seqs({ personId: laban.id, actorId: arvid.id })).toEqual([1]);
    expect(await seqs({ personId: laban.id, action: 'nothing.like.this' })).toEqual([]);
  });

  it('a malformed id is BAD_USER_INPUT naming its argument; another organisation\'s administrator stays FORBIDDEN', async () => {
    const bad = await h.gql(LOG, { r: org(dorotea), actorId: 'person:x' }, arvidToken);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actorId', reason: 'MALFORMED_ID' });
    expect(bad.data._entities[0].auditLog).toBeNull();
    const badPerson = await h.gql(LOG, { r: org(dorotea), personId: "1' OR '1'='1" }, arvidToken);
    expect(badPerson.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
    const other = await h.gql(LOG, { r: org(aratron), personId: laban.id }, arvidToken);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
