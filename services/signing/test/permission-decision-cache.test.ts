import { Client } from 'pg';
import { stockholmDate } from '@behorig/kit/dates';
import { PERMISSION_INDEX_CHANNEL } from '@behorig/kit/db';
import { decisionKey } from '@behorig/kit/permissions';
import { dorotea, person, startHarness, type Harness } from './support/harness';

/**
 * R-SCOPE-4 with R-AUDIT-3: signing asks access "may this person read the audit log here?" at most
 * once per request, and not at all while its decision cache is warm; a change of access's
 * permission index (the NOTIFY access sends from the transaction that applies a signed change)
 * shows in the very next request. The fake access counts the questions it is asked.
 */
const TWICE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation {
  recent: auditLog(first: 1) { totalCount } more: auditLog(first: 5) { totalCount } } } }`;
const org = [{ __typename: 'Organisation', id: dorotea }];
const arvid = person('Arvid');

describe('signing keeps access\'s decisions per process (R-SCOPE-4)', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ bankId: false, decisionCache: true });
    token = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
  });
  afterAll(async () => { await h.stop(); });

  /** The request's outcome and how many questions access was asked for it. */
  const read = async () => {
    const before = h.access.myAccessCalls;
    const res = await h.gql(TWICE, { r: org }, token);
    return { outcome: res.errors?.[0]?.extensions?.code ?? 'OK', asked: h.access.myAccessCalls - before };
  };
  const exportLog = async () => {
    const before = h.access.myAccessCalls;
    const res = await fetch(`${h.base}/audit/export?organisationId=${dorotea}`, { headers: { authorization: `Bearer ${token}` } });
    await res.text();
    return { status: res.status, asked: h.access.myAccessCalls - before };
  };

  it('R-SCOPE-4: Organisation.auditLog twice in one request asks access once; warm, neither a request nor the export asks at all', async () => {
    expect(h.signing.decisionCache?.live).toBe(true);
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'READ');
    expect(await read()).toEqual({ outcome: 'OK', asked: 1 });
    expect(await read()).toEqual({ outcome: 'OK', asked: 0 });
    expect(await exportLog()).toEqual({ status: 200, asked: 0 });
    expect(h.signing.decisionCache!.get(decisionKey(`person:${arvid.id}`, dorotea, 'MANAGE_USERS', 'READ', stockholmDate()))).toBe(true);
  });

  it('R-SCOPE-4: after access applies a change that removes the right (its NOTIFY at commit), the cache forgets it within a second and the next request is refused', async () => {
    h.access.grants.delete(`${arvid.personalNumber}|${dorotea}|MANAGE_USERS|READ`);
    const key = decisionKey(`person:${arvid.id}`, dorotea, 'MANAGE_USERS', 'READ', stockholmDate());
    expect(h.signing.decisionCache!.get(key)).toBe(true);
    // Access changes its permission index and announces it in the same transaction (services/access permission index).
    const pg = new Client({ connectionString: h.db.url });
    await pg.connect();
    try {
      await pg.query('BEGIN');
      await pg.query(`SELECT pg_notify($1, $2)`, [PERMISSION_INDEX_CHANNEL, dorotea]);
      await pg.query('COMMIT');
    } finally {
      await pg.end();
    }
    // The notification reaches every listener after the commit, not with it: on a loaded machine a
    // request sent the same instant can be served first. What the cache promises is to have
    // forgotten within a second (docs/deploy.md), and from then on to ask access afresh.
    const until = Date.now() + 1000;
    while (h.signing.decisionCache!.get(key) !== undefined && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(h.signing.decisionCache!.get(key)).toBeUndefined();
    expect(await read()).toEqual({ outcome: 'FORBIDDEN', asked: 1 });
    expect(await exportLog()).toEqual({ status: 403, asked: 0 });
  });

  it('R-SCOPE-4: while the LISTEN connection is down nothing is served from the cache; every request asks access', async () => {
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'READ');
    h.signing.decisionCache!.dropConnection();
    expect(h.signing.decisionCache!.live).toBe(false);
    expect(await read()).toEqual({ outcome: 'OK', asked: 1 });
    expect(await read()).toEqual({ outcome: 'OK', asked: 1 });
  });
});
