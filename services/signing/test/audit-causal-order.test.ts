import { randomUUID } from 'node:crypto';
import { appendAuditEvents, appendStalePendingEvents, SIGNING_STARTED_ACTION, type NewAuditEvent } from '../src/modules/audit/audit.service';
import { dorotea, person, startHarness, type Harness } from './support/harness';

const arvid = person('Arvid');

/** R-AUDIT-4: the events of one change set keep the order in which things happened. */
describe('causal order of a change set in the audit log', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ checkpointSeconds: 3600 }); });
  afterAll(async () => { await h.stop(); });

  const accessEvent = (changeSetId: string, action: string, after: Record<string, unknown>, n: number): NewAuditEvent => ({
    organisationId: dorotea, at: new Date(), actor: `person:${arvid.id}`, actorPersonId: arvid.id, action, target: `change_set:${changeSetId}`,
    before: null, after: { changeSetId, ...after }, source: 'access', sourceId: `${changeSetId}:${n}`, receiptId: null,
  });
  const deliver = (events: NewAuditEvent[]) => h.signing.orm.em.fork().transactional((tx) => appendAuditEvents(tx, events));
  const actionsOf = async (changeSetId: string) => (await h.sql<{ action: string }>(
    `SELECT action FROM signing.audit_event WHERE target IN (?, ?) OR after->>'changeSetId' = ? ORDER BY seq`,
    [`change_set:${changeSetId}`, `changeSet:${changeSetId}`, changeSetId])).map((r) => r.action);
  async function signOnPhone(changeSetId: string, digest: string) {
    const token = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    const res = await h.internal('/internal/sign-orders', { organisationId: dorotea, changeSetId, digest, endUserIp: '127.0.0.1', userVisibleData: 'Ny användare: Andrea Sandin' }, `Bearer ${token}`);
    const { orderRef } = (await res.json()) as { orderRef: string };
    await h.control(`/simulator/orders/${orderRef}/complete`, { personalNumber: arvid.personalNumber });
    await h.signing.collectOrders();
  }

  it('R-AUDIT-4: a signature completed before access\'s events arrive still lands after them: proposed → signing started → signed → applied', async () => {
    const changeSetId = randomUUID();
    const digest = 'a'.repeat(64);
    await signOnPhone(changeSetId, digest);
    // Access's outbox has not delivered yet: the signed event waits instead of jumping the queue.
    expect(await actionsOf(changeSetId)).toEqual([]);
    await deliver([
      accessEvent(changeSetId, 'access.change.proposed', {}, 1),
      accessEvent(changeSetId, SIGNING_STARTED_ACTION, { digest }, 2),
      accessEvent(changeSetId, 'access.changes.applied', { digest }, 3),
    ]);
    expect(await actionsOf(changeSetId)).toEqual(['access.change.proposed', SIGNING_STARTED_ACTION, 'changes.signed', 'access.changes.applied']);
    expect(await h.sql(`SELECT * FROM signing.pending_audit_event WHERE change_set_id = ?`, [changeSetId])).toEqual([]);
  });

  it('R-AUDIT-4: when access\'s event is already in, the signed event goes straight in; a second signing of the same set waits for its own start', async () => {
    const changeSetId = randomUUID();
    await deliver([accessEvent(changeSetId, 'access.change.proposed', {}, 1), accessEvent(changeSetId, SIGNING_STARTED_ACTION, { digest: 'b'.repeat(64) }, 2)]);
    await signOnPhone(changeSetId, 'b'.repeat(64));
    expect(await actionsOf(changeSetId)).toEqual(['access.change.proposed', SIGNING_STARTED_ACTION, 'changes.signed']);
    // Edited and signed again (new digest): this signature waits for the new start.
    await signOnPhone(changeSetId, 'c'.repeat(64));
    expect(await actionsOf(changeSetId)).toHaveLength(3);
    await deliver([accessEvent(changeSetId, SIGNING_STARTED_ACTION, { digest: 'c'.repeat(64) }, 3)]);
    expect(await actionsOf(changeSetId)).toEqual(['access.change.proposed', SIGNING_STARTED_ACTION, 'changes.signed', SIGNING_STARTED_ACTION, 'changes.signed']);
  });

  it('R-AUDIT-4: an event whose predecessor never arrives is appended anyway after a while: nothing is lost', async () => {
    const changeSetId = randomUUID();
    await signOnPhone(changeSetId, 'd'.repeat(64));
    expect(await appendStalePendingEvents(h.signing.orm.em.fork(), new Date())).toBe(0);
    expect(await appendStalePendingEvents(h.signing.orm.em.fork(), new Date(Date.now() + 120_000))).toBe(1);
    expect(await actionsOf(changeSetId)).toEqual(['changes.signed']);
    expect((await h.gql(`query($o: ID!) { verifyAuditLog(organisationId: $o) { ok } }`, { o: dorotea }, await h.keys.token({ personalNumber: '191212121212', authority: true }))).data.verifyAuditLog.ok).toBe(true);
  });
});
