import { columnsByTable, defineTable, placeholders, tableStatements, toDate, type Db } from './table';

/** A Db that records each statement and answers with the rows the test gives it. */
function recordingDb(answer: (sql: string) => unknown[] = () => []) {
  const calls: { sql: string; params: unknown[] }[] = [];
  const db = { execute: async (sql: string, params: unknown[] = []) => { calls.push({ sql, params }); return answer(sql); } } as unknown as Db;
  return { db, calls };
}

describe('defineTable', () => {
  const unit = defineTable('org.unit', ['id', 'name', 'address_ids', 'created_at'], { uuidArrays: ['address_ids'] });
  const receipt = defineTable<'id' | 'signedAt' | 'seq'>('sig.receipt', { id: 'id', signedAt: 'signed_at', seq: 'seq' }, { dates: ['signedAt'], bigints: ['seq'] });

  it('a column list: each column is its own property, selected by its bare name', () => {
    expect(unit.c).toEqual({ id: 'id', name: 'name', address_ids: 'address_ids', created_at: 'created_at' });
    expect(unit.columns).toEqual(['id', 'name', 'address_ids', 'created_at']);
    expect(unit.list(['id', 'name'])).toBe('id, name');
    expect(unit.list(['id', 'name'], 'u')).toBe('u.id, u.name');
  });

  it('reads a uuid[] column as text[] under its own name, with and without an alias', () => {
    expect(unit.list()).toBe('id, name, address_ids::text[] AS "address_ids", created_at');
    expect(unit.list(['address_ids'], 'm')).toBe('m.address_ids::text[] AS "address_ids"');
  });

  it('a property map: columns are renamed to their properties only where they differ', () => {
    expect(receipt.columns).toEqual(['id', 'signed_at', 'seq']);
    expect(receipt.list()).toBe('id, signed_at AS "signedAt", seq');
    expect(receipt.list(['signedAt'], 'r')).toBe('r.signed_at AS "signedAt"');
    expect(receipt.cols(['seq', 'signedAt'])).toBe('seq, signed_at');
    expect(`FROM ${receipt}`).toBe('FROM sig.receipt');
  });

  it('row() turns declared timestamps into Dates and bigints into numbers, and leaves nulls and the rest alone', () => {
    const signed = new Date('2026-01-02T03:04:05.000Z');
    expect(receipt.row({ id: 'a', signedAt: '2026-01-02T03:04:05.000Z', seq: '42' })).toEqual({ id: 'a', signedAt: signed, seq: 42 });
    expect(receipt.row({ id: 'a', signedAt: null, seq: null })).toEqual({ id: 'a', signedAt: null, seq: null });
    const asDate = receipt.row<{ signedAt: Date }>({ signedAt: signed });
    expect(asDate.signedAt).toBe(signed);
  });
});

describe('columnsByTable', () => {
  it('merges declarations of the same table without repeating a column', () => {
    const wide = defineTable('s.order', { ref: 'order_ref', status: 'status' });
    const narrow = defineTable('s.order', { ref: 'order_ref', pn: 'personal_number' });
    const other = defineTable('s.key', ['kid']);
    expect(columnsByTable([wide, narrow, other])).toEqual({ 's.order': ['order_ref', 'status', 'personal_number'], 's.key': ['kid'] });
  });
});

describe('placeholders and toDate', () => {
  it('one placeholder per value', () => {
    expect(placeholders(['a', 'b', 'c'])).toBe('?, ?, ?');
    expect(placeholders([])).toBe('');
  });

  it('reads driver text as a Date and keeps a Date as it is', () => {
    const d = new Date('2026-03-04T05:06:07.000Z');
    expect(toDate('2026-03-04T05:06:07.000Z')).toEqual(d);
    expect(toDate(d)).toBe(d);
  });
});

describe('tableStatements', () => {
  const person = defineTable('org.person', ['id', 'name', 'created_at', 'updated_at']);
  const toName = (r: Record<string, unknown>) => String(r.name);

  it('select names every declared column and the alias when given', async () => {
    const { db, calls } = recordingDb(() => [{ name: 'Ada' }]);
    const s = tableStatements(db, person, toName, { alias: 'p' });
    expect(await s.select('p.id = ?', ['x'], 'ORDER BY p.name')).toEqual(['Ada']);
    expect(calls).toEqual([{ sql: 'SELECT id, name, created_at, updated_at FROM org.person p WHERE p.id = ? ORDER BY p.name', params: ['x'] }]);
  });

  it('insert is one statement for the batch, gives each row a fresh id, and skips undefined values', async () => {
    const { db, calls } = recordingDb((sql) => (sql.startsWith('INSERT') ? [{ name: 'A' }, { name: 'B' }] : []));
    const s = tableStatements(db, person, toName);
    expect(await s.insert([{ name: 'A', created_at: undefined }, { name: 'B' }])).toEqual(['A', 'B']);
    expect(calls).toHaveLength(1);
    expect(calls[0].sql).toBe('INSERT INTO org.person (id, name) VALUES (?, ?), (?, ?) RETURNING id, name, created_at, updated_at');
    const [id1, n1, id2, n2] = calls[0].params;
    expect([n1, n2]).toEqual(['A', 'B']);
    expect(id1).toMatch(/^[0-9a-f-]{36}$/);
    expect(id2).not.toBe(id1);
    expect(await s.insert([])).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('update writes only the given columns and moves updated_at; with nothing given it only reads', async () => {
    const { db, calls } = recordingDb(() => [{ name: 'Ny' }]);
    const s = tableStatements(db, person, toName);
    expect(await s.update('x', { name: 'Ny', created_at: undefined })).toBe('Ny');
    expect(await s.update('x', {})).toBe('Ny');
    expect(calls.map((c) => c.sql)).toEqual([
      'UPDATE org.person SET name = ?, updated_at = now() WHERE id = ? RETURNING id, name, created_at, updated_at',
      'SELECT id, name, created_at, updated_at FROM org.person WHERE id = ?',
    ]);
    expect(calls[0].params).toEqual(['Ny', 'x']);
  });

  it('a table keyed by another column: forUpdate, remove, count and existing use that key', async () => {
    const service = defineTable('org.service', ['code', 'name']);
    const { db, calls } = recordingDb((sql) => (sql.includes('count(*)') ? [{ n: '3' }] : sql.includes('AS id') ? [{ id: 'A' }] : []));
    const s = tableStatements(db, service, toName, { key: 'code' });
    expect(await s.forUpdate('A')).toBeNull();
    expect(await s.remove('A')).toBeNull();
    expect(await s.count('true', [])).toBe(3);
    expect(await s.existing(['A', 'B'])).toEqual(new Set(['A']));
    expect(await s.existing([])).toEqual(new Set());
    expect(calls.map((c) => c.sql)).toEqual([
      'SELECT code, name FROM org.service WHERE code = ? FOR UPDATE',
      'DELETE FROM org.service WHERE code = ? RETURNING code, name',
      'SELECT count(*) AS n FROM org.service WHERE true',
      'SELECT code AS id FROM org.service WHERE code IN (?)',
    ]);
    expect(calls[3].params).toEqual([['A', 'B']]);
  });
});
