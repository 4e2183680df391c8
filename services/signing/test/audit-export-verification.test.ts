import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { appendAuditEvents, type NewAuditEvent } from '../src/modules/audit/audit.service';
import { chainHash } from '../src/modules/audit/rules/audit-chain';
import { verifyExport } from '../src/modules/audit/rules/export-verification';
import { startHarness, type Harness } from './support/harness';

const root = resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);

// Each case runs the documented command (npm + tsx) up to four times: slow on two busy cores.
jest.setTimeout(240_000);
describe('audit export with checkpoints, verified offline (R-AUDIT-4)', () => {
  let h: Harness;
  let tolvan: string;
  let jwks: any;
  const dir = mkdtempSync(join(tmpdir(), 'behorig-export-'));
  beforeAll(async () => {
    h = await startHarness({ bankId: false, checkpointSeconds: 3600 });
    tolvan = await h.keys.token({ personalNumber: '191212121212', authority: true });
    jwks = await (await fetch(`${h.base}/.well-known/jwks.json`)).json();
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks));
  });
  afterAll(async () => { await h.stop(); });

  const ev = (organisationId: string, i: number): NewAuditEvent => ({
    organisationId, at: new Date(Date.UTC(2026, 0, 1 + i, 12)), actor: 'service:test', actorPersonId: null, action: 'staff.proposed',
    target: `person:${i}`, before: null, after: { i, name: 'Åsa Öberg' }, source: 'access', sourceId: `${organisationId}:${i}`, receiptId: null,
  });
  const append = (o: string, from: number, to: number) =>
    h.signing.orm.em.fork().transactional((tx) => appendAuditEvents(tx, Array.from({ length: to - from + 1 }, (_, k) => ev(o, from + k))));
  const exportOf = async (o: string, q = '') => {
    const res = await fetch(`${h.base}/audit/export?organisationId=${o}${q}`, { headers: { authorization: `Bearer ${tolvan}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  /** The documented command, run as a user would, from the repository root. */
  const cli = async (text: string) => {
    const file = join(dir, `${randomUUID()}.jsonl`);
    writeFileSync(file, text);
    try {
      const { stdout } = await run('npm', ['run', '-s', 'verify-export', '--', file, '--jwks', join(dir, 'jwks.json')], { cwd: root });
      return { code: 0, out: stdout.trim() };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, out: `${err.stdout}${err.stderr}`.trim() };
    }
  };
  const lines = (text: string) => text.trim().split('\n');

  /** Checkpoints after seq 3 and 6; 7 events in all. */
  async function organisation(): Promise<string> {
    const o = randomUUID();
    await append(o, 1, 3);
    await h.signing.writeCheckpoints();
    await append(o, 4, 6);
    await h.signing.writeCheckpoints();
    await append(o, 7, 7);
    return o;
  }

  it('R-AUDIT-4: GET /audit/export has a checkpoint line after the event it covers; the command verifies it with the JWKS alone', async () => {
    const o = await organisation();
    const text = await exportOf(o);
    const parsed = lines(text).map((l) => JSON.parse(l));
    expect(parsed.map((l) => (l.type === 'checkpoint' ? `cp${l.seq}` : l.seq))).toEqual([1, 2, 3, 'cp3', 4, 5, 6, 'cp6', 7]);
    expect(parsed[3]).toEqual({ type: 'checkpoint', organisationId: o, seq: 3, hash: parsed[2].hash, jws: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
    const ok = await cli(text);
    expect(ok).toEqual({ code: 0, out: 'OK: 7 events and 2 signed checkpoints verify; the last checkpoint covers seq 6.' });

    // A period export verifies from its first event on, with the checkpoints inside the period.
    const period = await exportOf(o, '&from=2026-01-03&to=2026-01-06');
    expect(lines(period).map((l) => JSON.parse(l)).map((l: any) => (l.type === 'checkpoint' ? `cp${l.seq}` : l.seq))).toEqual([2, 3, 'cp3', 4]);
    expect((await verifyExport(period, jwks)).ok).toBe(true);
  });

  it('R-AUDIT-4: an edited, a deleted and an inserted line are named by line number', async () => {
    const text = await exportOf(await organisation());
    const ls = lines(text);
    const edited = [...ls];
    edited[4] = edited[4].replace('person:4', 'person:someone-else');
    expect(await cli(edited.join('\n'))).toEqual({ code: 1, out: expect.stringMatching(/^BROKEN: line 5 \(seq 4\): ROW_EDITED/) });

    const deleted = ls.filter((_, i) => i !== 1); // seq 2
    expect((await verifyExport(deleted.join('\n'), jwks)).message).toMatch(/^line 2 \(seq 2\): ROW_MISSING/);

    const e = JSON.parse(ls[1]);
    const forged = { ...e, target: 'person:forged', sourceId: 'forged' };
    forged.hash = chainHash(e.prevHash, { ...forged, at: new Date(forged.at) });
    const inserted = [...ls.slice(0, 1), JSON.stringify(forged), ...ls.slice(1)];
    const res = await verifyExport(inserted.join('\n'), jwks);
    expect(res).toMatchObject({ ok: false, line: 2, reason: 'ROW_INSERTED' }); // the first line claiming seq 2: the forged one
  });

  it('R-AUDIT-4: a re-chained export and a tail cut off behind a checkpoint are caught by the signed checkpoints', async () => {
    const text = await exportOf(await organisation());
    const ls = lines(text);
    // Rewrite seq 5 and recompute every later hash: the chain alone verifies, checkpoint 6 does not.
    const rows = ls.map((l) => JSON.parse(l));
    let prev = rows[5].prevHash; // line 6 = seq 5's predecessor hash
    for (const r of rows.slice(5)) {
      if (r.type === 'checkpoint') continue;
      if (r.seq === 5) r.target = 'person:forged';
      r.prevHash = prev;
      r.hash = chainHash(prev, { ...r, at: new Date(r.at) });
      prev = r.hash;
    }
    const rechained = rows.map((r) => JSON.stringify(r)).join('\n');
    expect(await cli(rechained)).toEqual({ code: 1, out: expect.stringMatching(/^BROKEN: line 5 \(seq 4\): RECHAINED .*checkpoint on line 8/) });

    const truncated = ls.filter((l) => ![5, 6, 7].includes(JSON.parse(l).seq) || JSON.parse(l).type === 'checkpoint');
    expect(await cli(truncated.join('\n'))).toEqual({ code: 1, out: expect.stringMatching(/^BROKEN: line \d+ \(seq 5\): TRUNCATED/) });

    const forgedCheckpoint = [...ls];
    const cp = JSON.parse(ls[7]);
    forgedCheckpoint[7] = JSON.stringify({ ...cp, hash: 'f'.repeat(64) });
    expect((await cli(forgedCheckpoint.join('\n'))).out).toMatch(/^BROKEN: line 8: CHECKPOINT_INVALID/);
    expect((await cli('not json\n')).code).toBe(1);
  });
});
