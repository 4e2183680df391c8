import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO } from '@behorig/kit/demo';
import { createOrm } from '@behorig/kit/db';
import { stockholmDate } from '@behorig/kit/dates';
import { migrations as organisationMigrations } from '@behorig/organisations/src/migrations';
import { migrations as accessMigrations } from '@behorig/access/src/migrations';
import { roles as catalogueRoles } from '@behorig/access/src/modules/roles/rules/role-catalogue.data';
import { REBUILD_PERMISSION_INDEX_SQL } from '@behorig/access/src/modules/permission-index/permission-index.store';
import { migrations as signingMigrations } from '@behorig/signing/src/migrations';
import { link } from '@behorig/signing/src/modules/audit/rules/audit-chain';
import {
  AUDIT_ACTIONS, GIVEN, SURNAMES, address, int, membershipCount, organisation, period, personalNumber, pick, prng, roleCount, unit, unitCount,
  weighted, type GeneratedOrganisation, type GeneratedUnit, type Rand,
} from './scale-shape';
import { personColumnsFor, type PersonColumns } from './person-columns';

/**
 * Fills a database with public-sector-scale data in bulk: every table gets large multi-row
 * `INSERT … SELECT FROM unnest($1::uuid[], …)` batches (one statement per ~10,000 rows, two in
 * flight so generating the next batch overlaps the database's work), never one ORM insert per row.
 */

export interface ScaleOptions {
  organisations: number;
  persons: number;
  /** Audit events per organisation on average (default 500: ~1,000,000 for 2,000 organisations). */
  auditPerOrganisation?: number;
  seed?: number;
  /** YYYY-MM-DD the periods are drawn around (default today in Stockholm). */
  today?: string;
  batchSize?: number;
  /** The access service's personal-number key (needed once access stores numbers sealed). */
  personalNumberKey?: Buffer | string;
  log?: (line: string) => void;
}

export interface ScaleCounts {
  organisations: number;
  units: number;
  addresses: number;
  unitSchoolForms: number;
  persons: number;
  memberships: number;
  membershipUnits: number;
  roleAssignments: number;
  auditEvents: number;
}

/** Applies every subgraph's committed migrations by starting each one's ORM once. */
export async function migrateAll(databaseUrl: string): Promise<void> {
  for (const [schema, entities, migrations] of [
    ['organisations', [], organisationMigrations],
    // access has no entities of its own (stores with SQL); the ORM only runs its migrations.
    ['access', [], accessMigrations],
    ['signing', [], signingMigrations],
  ] as const) {
    const orm = await createOrm({ clientUrl: databaseUrl, schema, entities: [...entities], migrations: [...migrations], poolMax: 1 });
    await orm.close(true);
  }
}

type Column = readonly [name: string, pgType: string, values: unknown[]];

/** Keeps up to `depth` bulk statements in flight on a small pool. */
class BulkWriter {
  private inflight = new Set<Promise<void>>();
  constructor(private pool: pg.Pool, private depth = 2) {}

  async insert(table: string, columns: readonly Column[], extra = ''): Promise<void> {
    if (columns[0][2].length === 0) return;
    const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')})
      SELECT ${columns.map((c, i) => (c[1] === 'jsonb' ? `c${i}::jsonb` : `c${i}`)).join(', ')}
      FROM unnest(${columns.map((c, i) => `$${i + 1}::${c[1] === 'jsonb' ? 'text' : c[1]}[]`).join(', ')}) AS t(${columns.map((_c, i) => `c${i}`).join(', ')}) ${extra}`;
    while (this.inflight.size >= this.depth) await Promise.race(this.inflight);
    const p: Promise<void> = this.pool.query(sql, columns.map((c) => c[2])).then(() => { this.inflight.delete(p); });
    // A failed batch must surface at the next drain, not as an unhandled rejection.
    p.catch(() => undefined);
    this.inflight.add(p);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inflight);
  }
}

/** Column-wise batch buffer: `add` a row, `flush` when full. */
class Batch {
  private cols: unknown[][];
  constructor(private writer: BulkWriter, private table: string, private spec: readonly (readonly [string, string])[], private size: number, private onFlush: (n: number) => void = () => undefined) {
    this.cols = spec.map(() => []);
  }
  count = 0;
  async add(...values: unknown[]): Promise<void> {
    for (let i = 0; i < values.length; i++) this.cols[i].push(values[i]);
    this.count++;
    if (this.cols[0].length >= this.size) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.cols[0].length === 0) return;
    const cols = this.cols;
    this.cols = this.spec.map(() => []);
    this.onFlush(cols[0].length);
    await this.writer.insert(this.table, this.spec.map(([n, t], i) => [n, t, cols[i]] as const));
  }
}

const DAY = 86_400_000;

export async function seedScale(databaseUrl: string, opts: ScaleOptions): Promise<ScaleCounts> {
  const log = opts.log ?? (() => undefined);
  const r: Rand = prng(opts.seed ?? 20261122);
  const today = opts.today ?? stockholmDate();
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const size = opts.batchSize ?? 10_000;
  // Bulk load: losing the last commits on a crash is fine here, waiting for each fsync is not.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c synchronous_commit=off' });
  const w = new BulkWriter(pool);
  const t0 = Date.now();
  const progress = (what: string, n: number, total?: number) => log(`  ${what.padEnd(18)} ${String(n).padStart(9)}${total ? ` / ~${total}` : ''}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const counts: ScaleCounts = { organisations: 0, units: 0, addresses: 0, unitSchoolForms: 0, persons: 0, memberships: 0, membershipUnits: 0, roleAssignments: 0, auditEvents: 0 };

  try {
    // ── organisations, units, addresses, school forms ───────────────────────────
    const orgs: GeneratedOrganisation[] = [];
    const unitsByOrg: GeneratedUnit[][] = [];
    const orgBatch = new Batch(w, 'organisations.organisation', [['id', 'uuid'], ['org_number', 'text'], ['name', 'text'], ['kind', 'text'], ['postal_address', 'text'], ['phone', 'text'], ['website', 'text']], size);
    for (let i = 0; i < opts.organisations; i++) {
      const o = organisation(r, i, randomUUID());
      orgs.push(o);
      await orgBatch.add(o.id, o.orgNumber, o.name, o.kind, o.postalAddress, o.phone, o.website);
    }
    await orgBatch.flush();
    await w.drain();
    counts.organisations = orgs.length;
    progress('organisations', orgs.length);

    const unitBatch = new Batch(w, 'organisations.unit', [['id', 'uuid'], ['organisation_id', 'uuid'], ['service_code', 'text'], ['name', 'text']], size);
    for (const o of orgs) {
      const n = unitCount(r);
      const list: GeneratedUnit[] = [];
      for (let k = 0; k < n; k++) {
        const u = unit(r, o, k, randomUUID());
        list.push(u);
        await unitBatch.add(u.id, u.organisationId, u.serviceCode, u.name);
      }
      unitsByOrg.push(list);
    }
    await unitBatch.flush();
    await w.drain();
    counts.units = unitBatch.count;
    progress('units', counts.units);

    const addrBatch = new Batch(w, 'organisations.address', [['id', 'uuid'], ['unit_id', 'uuid'], ['street', 'text'], ['postal_code', 'text'], ['city', 'text']], size);
    const sfBatch = new Batch(w, 'organisations.unit_school_form', [['unit_id', 'uuid'], ['school_form_code', 'text']], size);
    for (let i = 0; i < orgs.length; i++) {
      for (const u of unitsByOrg[i]) {
        const n = r() < 0.8 ? 1 : 2;
        for (let k = 0; k < n; k++) {
          const a = address(r, orgs[i].place);
          await addrBatch.add(randomUUID(), u.id, a.street, a.postalCode, a.city);
        }
        for (const sf of u.schoolForms) await sfBatch.add(u.id, sf);
      }
    }
    await addrBatch.flush();
    await sfBatch.flush();
    await w.drain();
    counts.addresses = addrBatch.count;
    counts.unitSchoolForms = sfBatch.count;
    progress('addresses', counts.addresses);

    // ── people ──────────────────────────────────────────────────────────────────
    const columns = await personColumnsFor(pool, opts.personalNumberKey);
    log(`  people get ${columns.sealed ? 'sealed personal numbers (hash + ciphertext, kit personal-number vault)' : 'plain personal numbers (this access schema has no sealed columns)'}`);
    const personIds = await insertPersons(w, r, columns, opts.persons, size, (n) => progress('persons', n, opts.persons));
    counts.persons = personIds.length;

    // ── memberships (level 1), their units (level 2) and role assignments (level 3) ─
    // Larger organisations (more units) draw proportionally more staff: a few get thousands.
    const cumulative: number[] = [];
    let acc = 0;
    for (const list of unitsByOrg) cumulative.push((acc += list.length));
    const drawOrg = () => {
      const x = r() * acc;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
      }
      return lo;
    };
    const membersByOrg: number[][] = orgs.map(() => []);
    const adminRoles = catalogueRoles.filter((x) => x.isPermissionAdmin).map((x) => x.code);
    const otherRoles = catalogueRoles.filter((x) => !x.isPermissionAdmin).map((x) => x.code);
    const expectedMemberships = Math.round(opts.persons * 3.1);
    // R-USR-5: contact e-mail per membership where the schema keeps it there.
    const emailOnMembership = Boolean((await pool.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'access' AND table_name = 'membership' AND column_name = 'email'`,
    )).rowCount);
    const membershipSpec: [string, string][] = [['id', 'uuid'], ['person_id', 'uuid'], ['organisation_id', 'uuid'], ...(emailOnMembership ? [['email', 'text'] as [string, string]] : [])];
    const mBatch = new Batch(w, 'access.membership', membershipSpec, size,
      () => { if (mBatch.count % 100_000 < size) progress('memberships', mBatch.count, expectedMemberships); });
    const muRows: [string, string, string, string | null, string | null][] = [];
    const raRows: [string, string, string, string, string | null][] = [];
    for (let p = 0; p < personIds.length; p++) {
      const k = Math.min(membershipCount(r), orgs.length);
      const chosen = new Set<number>();
      while (chosen.size < k) chosen.add(drawOrg());
      for (const oi of chosen) {
        const membershipId = randomUUID();
        membersByOrg[oi].push(p);
        await mBatch.add(membershipId, personIds[p], orgs[oi].id, ...(emailOnMembership ? [`person${p + 1}.org${oi + 1}@example.se`] : []));
        const units = unitsByOrg[oi];
        const nu = Math.min(units.length, weighted(r, [[1, 70], [2, 25], [3, 5]]));
        const picked = new Set<GeneratedUnit>();
        while (picked.size < nu) picked.add(pick(r, units));
        for (const u of picked) {
          const sf = u.schoolForms.length && r() < 0.3 ? pick(r, u.schoolForms) : null;
          const ended = r() < 0.05 ? new Date(todayMs - int(r, 1, 700) * DAY).toISOString().slice(0, 10) : null;
          muRows.push([randomUUID(), membershipId, u.id, sf, ended]);
        }
        const nr = roleCount(r);
        const roleCodes = new Set<string>();
        while (roleCodes.size < nr) roleCodes.add(r() < 0.08 ? pick(r, adminRoles) : pick(r, otherRoles));
        for (const code of roleCodes) {
          const pd = period(r, todayMs, adminRoles.includes(code));
          raRows.push([randomUUID(), membershipId, code, pd.validFrom, pd.validTo]);
        }
      }
    }
    await mBatch.flush();
    await w.drain();
    counts.memberships = mBatch.count;
    progress('memberships', counts.memberships);

    // Children only after every parent row is committed: the foreign keys are checked per statement.
    const muBatch = new Batch(w, 'access.membership_unit', [['id', 'uuid'], ['membership_id', 'uuid'], ['unit_id', 'uuid'], ['school_form_code', 'text'], ['valid_to', 'date']], size,
      () => { if (muBatch.count % 200_000 < size) progress('membership units', muBatch.count, muRows.length); });
    for (const row of muRows) await muBatch.add(...row);
    await muBatch.flush();
    await w.drain();
    counts.membershipUnits = muBatch.count;
    progress('membership units', counts.membershipUnits);
    muRows.length = 0;

    const raBatch = new Batch(w, 'access.role_assignment', [['id', 'uuid'], ['membership_id', 'uuid'], ['role_code', 'text'], ['valid_from', 'date'], ['valid_to', 'date']], size,
      () => { if (raBatch.count % 200_000 < size) progress('role assignments', raBatch.count, raRows.length); });
    for (const row of raRows) await raBatch.add(...row);
    await raBatch.flush();
    await w.drain();
    counts.roleAssignments = raBatch.count;
    progress('role assignments', counts.roleAssignments);
    raRows.length = 0;

    // ── unit facts: what organisations' fact outbox delivers to access (docs/architecture.md, "Unit
    //    facts"), written straight into both schemas as the rest of this bulk load is ─
    await pool.query(`UPDATE organisations.organisation SET fact_version = fact_version + 1`);
    await pool.query(`UPDATE organisations.unit SET fact_version = fact_version + 1`);
    await pool.query(`INSERT INTO access.organisation_fact (organisation_id, name, version)
      SELECT id, name, fact_version FROM organisations.organisation
      ON CONFLICT (organisation_id) DO UPDATE SET name = excluded.name, version = excluded.version`);
    await pool.query(`INSERT INTO access.unit_fact (unit_id, organisation_id, service_code, name, closed, school_form_codes, address_ids, version)
      SELECT u.id, u.organisation_id, u.service_code, u.name, u.closed_at IS NOT NULL,
             coalesce((SELECT array_agg(f.school_form_code ORDER BY f.school_form_code) FROM organisations.unit_school_form f WHERE f.unit_id = u.id), '{}'),
             coalesce((SELECT array_agg(a.id ORDER BY a.id) FROM organisations.address a WHERE a.unit_id = u.id), '{}'),
             u.fact_version
        FROM organisations.unit u
      ON CONFLICT (unit_id) DO UPDATE SET organisation_id = excluded.organisation_id, service_code = excluded.service_code, name = excluded.name,
             closed = excluded.closed, school_form_codes = excluded.school_form_codes, address_ids = excluded.address_ids, version = excluded.version`);
    progress('unit facts', Number((await pool.query('SELECT count(*) AS n FROM access.unit_fact')).rows[0].n));

    // ── the permission index (R-SCOPE-1…4): derived from the rows above and the unit facts ─
    progress('permission index', 0);
    await pool.query('TRUNCATE access.permission_grant');
    await pool.query(REBUILD_PERMISSION_INDEX_SQL);
    progress('permission index', Number((await pool.query('SELECT count(*) AS n FROM access.permission_grant')).rows[0].n));

    // ── audit log: one hash chain per organisation, linked with the signing service's own code ─
    const perOrg = opts.auditPerOrganisation ?? 500;
    const totalAudit = perOrg * orgs.length;
    const totalMembers = membersByOrg.reduce((s, m) => s + m.length, 0) || 1;
    const aBatch = new Batch(w, 'signing.audit_event', [
      ['organisation_id', 'uuid'], ['seq', 'int4'], ['at', 'timestamptz'], ['actor', 'text'], ['actor_person_id', 'uuid'], ['action', 'text'], ['target', 'text'],
      ['before', 'jsonb'], ['after', 'jsonb'], ['hash', 'text'], ['prev_hash', 'text'], ['source', 'text'], ['source_id', 'text'], ['receipt_id', 'uuid'],
    ], size, () => { if (aBatch.count % 200_000 < size) progress('audit events', aBatch.count, totalAudit); });
    const actions = AUDIT_ACTIONS.map(([a, s, wt]) => [[a, s], wt] as const);
    let sourceSeq = 0;
    const span = 3 * 365 * DAY;
    for (let oi = 0; oi < orgs.length; oi++) {
      const members = membersByOrg[oi];
      const n = Math.max(1, Math.round((totalAudit * members.length) / totalMembers));
      let head: { seq: number; hash: string } | undefined;
      let at = todayMs - span;
      const step = Math.max(1, Math.floor(span / n));
      for (let s = 0; s < n; s++) {
        at += int(r, 1, step);
        const [action, source] = weighted(r, actions);
        const actorIdx = members.length ? pick(r, members) : int(r, 0, personIds.length - 1);
        const actorPersonId = personIds[actorIdx];
        const target = action.startsWith('access.') ? `person:${personIds[members.length ? pick(r, members) : actorIdx]}` : `Unit:${pick(r, unitsByOrg[oi]).id}`;
        const { before, after } = auditPayload(r, action, todayMs);
        const e = link(head, {
          organisationId: orgs[oi].id, at: new Date(at), actor: `person:${actorPersonId}`, actorPersonId, action, target,
          before, after, source, sourceId: `scale-${++sourceSeq}`, receiptId: null,
        });
        head = { seq: e.seq, hash: e.hash };
        await aBatch.add(e.organisationId, e.seq, e.at.toISOString(), e.actor, e.actorPersonId, e.action, e.target,
          e.before == null ? null : JSON.stringify(e.before), e.after == null ? null : JSON.stringify(e.after), e.hash, e.prevHash, e.source, e.sourceId, e.receiptId);
      }
    }
    await aBatch.flush();
    await w.drain();
    counts.auditEvents = aBatch.count;
    progress('audit events', counts.auditEvents);
    // Each chain's head, as appendAuditEvents keeps it, so the signing service checkpoints these chains too (R-AUDIT-4).
    await pool.query(`INSERT INTO signing.audit_chain_head (chain_key, organisation_id, seq, hash)
      SELECT DISTINCT ON (organisation_id) organisation_id, organisation_id, seq, hash FROM signing.audit_event
      WHERE organisation_id IS NOT NULL ORDER BY organisation_id, seq DESC
      ON CONFLICT (chain_key) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`);

    log('  analysing tables…');
    await pool.query('ANALYZE');
    progress('done', 0);
    return counts;
  } finally {
    await w.drain().catch(() => undefined);
    await pool.end();
  }
}

function auditPayload(r: Rand, action: string, todayMs: number): { before: unknown; after: unknown } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  switch (action) {
    case 'access.changes.applied': return { before: null, after: { changeSetId: randomUUID(), changes: int(r, 1, 8) } };
    case 'access.changes.signing_started': return { before: null, after: { changeSetId: randomUUID(), digest: randomUUID().replace(/-/g, ''), changes: int(r, 1, 8) } };
    case 'access.period.changed': return { before: { validTo: day(todayMs + int(r, 1, 300) * DAY) }, after: { validTo: day(todayMs + int(r, 1, 400) * DAY) } };
    case 'access.employment.ended': return { before: null, after: { endDate: day(todayMs - int(r, 0, 300) * DAY), assignments: int(r, 1, 4) } };
    case 'access.staff.removed': return { before: { roles: int(r, 1, 3) }, after: null };
    case 'unit.created': return { before: null, after: { name: `Enhet ${int(r, 1, 999)}` } };
    case 'unit.renamed': return { before: { name: `Enhet ${int(r, 1, 999)}` }, after: { name: `Enhet ${int(r, 1, 999)}` } };
    case 'unit.address_added': return { before: null, after: { street: `Storgatan ${int(r, 1, 99)}`, postalCode: `${int(r, 100, 985)} ${int(r, 10, 99)}`, city: 'Stockholm' } };
    case 'contact_person.changed': return { before: { email: null }, after: { email: `kontakt${int(r, 1, 9999)}@example.se` } };
    default: return { before: null, after: { type: 'BANKGIRO', number: `${int(r, 100, 9999)}-${int(r, 1000, 9999)}` } };
  }
}

/**
 * People in the access schema: unique valid personal numbers, ~3 % coordination numbers. The
 * stored columns come from `personColumnsFor` (see person-columns.ts) so the row matches whatever
 * the access migrations currently store for a personal number.
 */
async function insertPersons(w: BulkWriter, r: Rand, personColumns: PersonColumns, total: number, size: number, onProgress: (n: number) => void): Promise<string[]> {
  // The demo people are seeded into the same database when the system starts with DEMO_DATA.
  const seen = new Set<string>([...DEMO.people.map((p) => p.personalNumber), DEMO.andreaSandin.personalNumber]);
  const ids: string[] = [];
  const spec = personColumns.spec;
  const batch = new Batch(w, 'access.person', spec, size, () => { if (batch.count % 50_000 < size) onProgress(batch.count); });
  while (ids.length < total) {
    const { pnr, birthDate } = personalNumber(r, r() < 0.03);
    if (seen.has(pnr)) continue;
    seen.add(pnr);
    const id = randomUUID();
    const given = pick(r, GIVEN);
    const surname = pick(r, SURNAMES);
    ids.push(id);
    await batch.add(...personColumns.values({ id, personalNumber: pnr, givenName: given, surname, email: `${given}.${surname}.${ids.length}@example.se`.toLowerCase(), birthDate }));
  }
  await batch.flush();
  await w.drain();
  onProgress(batch.count);
  return ids;
}
