import { GENESIS_HASH, canonicalJson, chainHash, link, verifyChain, type ChainedEvent } from './audit-chain';

const base = (i: number) => ({
  organisationId: '00000000-0000-4000-8001-000000000001',
  at: new Date(Date.UTC(2026, 0, 1, 12, 0, i)),
  actor: 'person:x',
  actorPersonId: null,
  action: 'staff.proposed',
  target: `person:${i}`,
  before: null,
  after: { b: 2, a: [1, { z: 1, y: 2 }] },
  source: 'access',
  sourceId: String(i),
  receiptId: null,
});

function chainOf(n: number): ChainedEvent[] {
  const rows: ChainedEvent[] = [];
  for (let i = 0; i < n; i++) rows.push(link(rows[rows.length - 1], base(i)));
  return rows;
}

describe('audit chain (pure)', () => {
  it('R-AUDIT-2: canonical JSON sorts keys at every level, so jsonb key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('R-AUDIT-2: hash = SHA-256(prevHash ‖ canonical event), first event links to genesis', () => {
    const rows = chainOf(3);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].hash).toBe(chainHash(rows[1].hash, rows[2]));
    expect(rows[2].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(rows)).toEqual({ ok: true, checked: 3, firstBrokenSeq: null, reason: null });
  });

  it('R-AUDIT-2: an edited field, a deleted row or a relinked row reports the first broken seq', () => {
    const edited = chainOf(5);
    edited[2] = { ...edited[2], target: 'person:someone-else' };
    expect(verifyChain(edited)).toEqual({ ok: false, checked: 3, firstBrokenSeq: 3, reason: 'ROW_EDITED' });

    const deleted = chainOf(5).filter((r) => r.seq !== 2);
    expect(verifyChain(deleted)).toMatchObject({ firstBrokenSeq: 2, reason: 'ROW_MISSING' });

    // Recomputing one row's hash does not help: the next row still links to the old hash.
    const rehashed = chainOf(4);
    rehashed[1] = { ...rehashed[1], after: { forged: true } };
    rehashed[1] = { ...rehashed[1], hash: chainHash(rehashed[1].prevHash, rehashed[1]) };
    expect(verifyChain(rehashed)).toEqual({ ok: false, checked: 3, firstBrokenSeq: 3, reason: 'LINK_BROKEN' });
  });

  it('R-AUDIT-2: an empty chain verifies with nothing checked', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, firstBrokenSeq: null, reason: null });
  });
});
