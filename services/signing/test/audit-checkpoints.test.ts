import { randomUUID } from 'node:crypto';
import { generateSigningKeyJwk, signingKeyFromJwk } from '@behorig/kit/auth';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { appendAuditEvents, toChained, type NewAuditEvent } from '../src/modules/audit/audit.service';
import { chainHash, verifyChain } from '../src/modules/audit/rules/audit-chain';
import { auditStore } from '../src/modules/audit/audit.store';
import { signCheckpoint, verifyCheckpointJws } from '../src/modules/audit/rules/audit-checkpoint';
import { checkpointJob, writeDueCheckpoints } from '../src/modules/audit/checkpoint.job';
import { createJobRunner } from '@behorig/kit/jobs';
import { startHarness, type Harness } from './support/harness';

const VERIFY = `query($o: ID!) { verifyAuditLog(organisationId: $o) { ok checked firstBrokenSeq reason lastCheckpointSeq } }`;

describe('signed checkpoints (R-AUDIT-4)', () => {
  let h: Harness;
  let tolvan: string;
  beforeAll(async () => {
    // The server's own timer is slow here so every test decides when checkpoints are written.
    h = await startHarness({ bankId: false, checkpointSeconds: 3600 });
    // The runner offers the current slot at start: let that round pass now, before any test appends.
    await h.signing.runJobs();
    tolvan = await h.keys.token({ personalNumber: '191212121212', authority: true });
  });
  afterAll(async () => { await h.stop(); });

  const ev = (organisationId: string, i: number): NewAuditEvent => ({
    organisationId, at: new Date(Date.UTC(2026, 0, 1, 12, 0, i)), actor: 'service:test', actorPersonId: null, action: 'staff.proposed',
    target: `person:${i}`, before: null, after: { i }, source: 'access', sourceId: `${organisationId}:${i}`, receiptId: null,
  });
  const append = (organisationId: string, from: number, to: number) =>
    h.signing.orm.em.fork().transactional((tx) => appendAuditEvents(tx, Array.from({ length: to - from + 1 }, (_, k) => ev(organisationId, from + k))));
  const verify = async (o: string) => {
    const res = await h.gql(VERIFY, { o }, tolvan);
    expect(res.errors).toBeUndefined();
    return res.data.verifyAuditLog;
  };
  const rows = (o: string) => h.sql<{ seq: number; hash: string; prev_hash: string }>(`SELECT seq, hash, prev_hash FROM signing.audit_event WHERE organisation_id = ? ORDER BY seq`, [o]);
  const checkpoints = (o: string) => h.sql<{ seq: number; hash: string; jws: string; kid: string }>(`SELECT seq, hash, jws, kid FROM signing.audit_checkpoint WHERE organisation_id = ? ORDER BY seq`, [o]);

  /** An organisation with checkpoints at `cps` and `n` rows in all. */
  async function chain(cps: number[], n: number): Promise<string> {
    const o = randomUUID();
    let done = 0;
    for (const cp of cps) {
      await append(o, done + 1, cp);
      await h.signing.writeCheckpoints();
      done = cp;
    }
    if (n > done) await append(o, done + 1, n);
    expect(await verify(o)).toEqual({ ok: true, checked: n, firstBrokenSeq: null, reason: null, lastCheckpointSeq: cps.at(-1) ?? null });
    return o;
  }

  it('R-AUDIT-4: a checkpoint {organisationId, seq, hash, at} is a JWS that verifies with the published JWKS alone', async () => {
    const o = randomUUID();
    await append(o, 1, 5);
    expect((await verify(o)).lastCheckpointSeq).toBeNull();
    await h.signing.writeCheckpoints();
    const [cp] = await checkpoints(o);
    const head = (await rows(o))[4];
    expect(cp).toMatchObject({ seq: 5, hash: head.hash, kid: h.keys.key.kid });
    const jwks = (await (await fetch(`${h.base}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const claims = await verifyCheckpointJws(cp.jws, createLocalJWKSet(jwks));
    expect(claims).toEqual({ organisationId: o, seq: 5, hash: head.hash, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(await verify(o)).toEqual({ ok: true, checked: 5, firstBrokenSeq: null, reason: null, lastCheckpointSeq: 5 });
    // Nothing new, nothing written; a new event is checkpointed on the next run.
    await h.signing.writeCheckpoints();
    expect(await checkpoints(o)).toHaveLength(1);
    await append(o, 6, 7);
    await h.signing.writeCheckpoints();
    expect((await checkpoints(o)).map((c) => c.seq)).toEqual([5, 7]);
  });

  it('R-AUDIT-4: the scheduled job writes the checkpoint within AUDIT_CHECKPOINT_SECONDS of the latest event, unprompted', async () => {
    // On the job runner, as the server runs it (docs/architecture.md, "Scheduled work").
    const job = checkpointJob({ orm: () => h.signing.orm, key: () => h.keys.key, intervalSeconds: 0.4, now: Date.now });
    const timer = createJobRunner({ schema: 'signing', databaseUrl: h.db.url, tasks: job.tasks, recurring: job.recurring, pollMs: 50 });
    timer.start();
    try {
      const o = randomUUID();
      await append(o, 1, 3);
      const t0 = Date.now();
      while ((await checkpoints(o)).length === 0 && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 50));
      expect((await checkpoints(o)).map((c) => c.seq)).toEqual([3]);
      // The job ran by itself, within a few of its 0.4 s intervals. The bound is loose on purpose:
      // the whole suite shares two cores, and a tight wall-clock bound measured the machine, not the job.
      expect(Date.now() - t0).toBeLessThanOrEqual(4000);
    } finally {
      await timer.stop();
    }
  });

  it('R-AUDIT-4: several replicas writing checkpoints at once sign each head exactly once (SKIP LOCKED)', async () => {
    const orgs = Array.from({ length: 30 }, () => randomUUID());
    for (const o of orgs) await append(o, 1, 2);
    const counts = await Promise.all(Array.from({ length: 4 }, () => writeDueCheckpoints(h.signing.orm.em.fork(), h.keys.key, new Date(), 5)));
    const written = await h.sql<{ n: string }>(`SELECT count(*) AS n FROM signing.audit_checkpoint WHERE organisation_id = ANY(?::uuid[])`, [`{${orgs.join(',')}}`]);
    expect(Number(written[0].n)).toBe(30);
    // Each replica's count is what it actually wrote: together no more than the 30 due heads (the
    // service's own recurring round may take a few meanwhile), and the table holds each head once.
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('R-AUDIT-4: the checkpoint table refuses UPDATE, DELETE and TRUNCATE like the log', async () => {
    await expect(h.sql(`UPDATE signing.audit_checkpoint SET hash = hash`)).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(h.sql(`DELETE FROM signing.audit_checkpoint`)).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(h.sql(`TRUNCATE signing.audit_checkpoint`)).rejects.toThrow(/append-only: TRUNCATE is refused/);
  });

  describe('attacks by a database owner (triggers switched off)', () => {
    const AE = 'signing.audit_event';

    it('an edited row: ROW_EDITED at its seq', async () => {
      const o = await chain([3], 5);
      await h.asOwner(AE, `UPDATE signing.audit_event SET target = 'person:someone-else' WHERE organisation_id = ? AND seq = 2`, [o]);
      expect(await verify(o)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'ROW_EDITED', lastCheckpointSeq: 3 });
    });

    it('a deleted row: ROW_MISSING at its seq', async () => {
      const o = await chain([3], 5);
      await h.asOwner(AE, `DELETE FROM signing.audit_event WHERE organisation_id = ? AND seq = 2`, [o]);
      expect(await verify(o)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'ROW_MISSING' });
    });

    it('an inserted row (later rows renumbered): ROW_INSERTED at the new row', async () => {
      const o = await chain([3], 5);
      const before = await rows(o);
      await h.asOwner(AE, `UPDATE signing.audit_event SET seq = seq + 1000 WHERE organisation_id = ? AND seq >= 3`, [o]);
      await h.asOwner(AE, `UPDATE signing.audit_event SET seq = seq - 999 WHERE organisation_id = ? AND seq > 1000`, [o]);
      const forged = { ...ev(o, 99), seq: 3 };
      const hash = chainHash(before[1].hash, forged);
      await h.sql(`INSERT INTO signing.audit_event (organisation_id, seq, at, actor, action, target, after, hash, prev_hash, source, source_id)
        VALUES (?, 3, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)`, [o, forged.at.toISOString(), forged.actor, forged.action, forged.target, JSON.stringify(forged.after), hash, before[1].hash, forged.source, forged.sourceId]);
      expect(await verify(o)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'ROW_INSERTED' });
    });

    it('a row replaced with its hash recomputed: LINK_BROKEN at the next row', async () => {
      const o = await chain([], 4);
      const r = await rows(o);
      const forged = { ...ev(o, 2), target: 'person:forged', seq: 2 };
      await h.asOwner(AE, `UPDATE signing.audit_event SET target = ?, hash = ? WHERE organisation_id = ? AND seq = 2`, [forged.target, chainHash(r[0].hash, forged), o]);
      expect(await verify(o)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'LINK_BROKEN' });
    });

    it('an edited row with every later hash recomputed (re-chained): RECHAINED after the last checkpoint that still agrees', async () => {
      const o = await chain([2, 5], 6);
      const r = await rows(o);
      // Rewrite seq 4 and re-chain 4…6 with the service's own hash function, as someone with the code and the database could.
      let prev = r[2].hash;
      for (let seq = 4; seq <= 6; seq++) {
        const e = { ...ev(o, seq), seq, target: seq === 4 ? 'person:forged' : `person:${seq}` };
        const hash = chainHash(prev, e);
        await h.asOwner(AE, `UPDATE signing.audit_event SET target = ?, hash = ?, prev_hash = ? WHERE organisation_id = ? AND seq = ?`, [e.target, hash, prev, o, seq]);
        prev = hash;
      }
      // The chain alone no longer sees it…
      const all = await auditStore(h.signing.orm.em.fork()).chainOf(o);
      expect(verifyChain(all.map(toChained)).ok).toBe(true);
      // …the signed checkpoint at seq 5 does.
      expect(await verify(o)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'RECHAINED', lastCheckpointSeq: 5 });
    });

    it('a tail truncated behind a checkpoint: TRUNCATED from the first missing seq', async () => {
      const o = await chain([3, 6], 6);
      await h.asOwner(AE, `DELETE FROM signing.audit_event WHERE organisation_id = ? AND seq >= 5`, [o]);
      expect(await verify(o)).toMatchObject({ ok: false, checked: 4, firstBrokenSeq: 5, reason: 'TRUNCATED', lastCheckpointSeq: 6 });
    });

    it('a checkpoint signed with another key: CHECKPOINT_INVALID', async () => {
      const o = await chain([3], 4);
      const r = await rows(o);
      const stranger = await signingKeyFromJwk(await generateSigningKeyJwk());
      const jws = await signCheckpoint(stranger, { organisationId: o, seq: 4, hash: r[3].hash, at: new Date().toISOString() });
      await h.sql(`INSERT INTO signing.audit_checkpoint (organisation_id, seq, hash, at, kid, jws) VALUES (?, 4, ?, now(), ?, ?)`, [o, r[3].hash, stranger.kid, jws]);
      expect(await verify(o)).toMatchObject({ ok: false, reason: 'CHECKPOINT_INVALID', lastCheckpointSeq: 3 });
    });
  });
});
