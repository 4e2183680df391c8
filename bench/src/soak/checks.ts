import { Client } from 'pg';
import type { Actor, Org } from './actors';
import type { Created, RequestRecord } from './load';

/**
 * What the soak checks after the load: nothing failed, the audit chains verify with every outbox
 * event delivered exactly once, and what the generator created is exactly what is stored.
 */
export interface Check { name: string; ok: boolean; detail: string }

type Gql = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function gql(url: string, actor: Actor, query: string, variables?: Record<string, unknown>): Promise<Gql> {
  const res = await fetch(url, {
    method: 'POST', signal: AbortSignal.timeout(15_000),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${actor.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Gql;
  if (!res.ok || body.errors?.length) throw new Error(`check query failed (${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body;
}

/** What is stored, per organisation: staff (surnames), contact persons (ids), audit events by action. */
export interface Snapshot {
  staff: Map<string, { total: number; surnames: Set<string> }>;
  contacts: Map<string, Set<string>>;
  outboxByAction: Map<string, number>;
}

async function allStaff(url: string, org: Org) {
  const surnames = new Set<string>();
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < 1000; page++) {
    const r: Gql = await gql(url, org.admins[0], `query($o: ID!, $after: String) { organisation(id: $o) { staff(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { surname } } } } }`, { o: org.id, after });
    const conn = r.data.organisation.staff;
    total = conn.totalCount;
    for (const e of conn.edges) surnames.add(e.node.surname);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { total, surnames };
}

export async function snapshot(url: string, databaseUrl: string, orgs: Org[]): Promise<Snapshot> {
  const staff = new Map<string, { total: number; surnames: Set<string> }>();
  const contacts = new Map<string, Set<string>>();
  for (const org of orgs) {
    staff.set(org.id, await allStaff(url, org));
    const c = await gql(url, org.admins[0], `query($o: ID!) { organisation(id: $o) { contactPersons { id } } }`, { o: org.id });
    contacts.set(org.id, new Set(c.data.organisation.contactPersons.map((x: { id: string }) => x.id)));
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ action: string; n: string }>(
      `SELECT action, count(*) AS n FROM (SELECT action FROM access.outbox_event UNION ALL SELECT action FROM organisations.outbox_event) e GROUP BY action`);
    return { staff, contacts, outboxByAction: new Map(rows.map((r) => [r.action, Number(r.n)])) };
  } finally {
    await db.end();
  }
}

/** HTTP and GraphQL: zero 5xx, zero deadlines or transport errors, zero GraphQL errors of any code. */
export function requestChecks(records: RequestRecord[]): Check[] {
  const fiveXx = records.filter((r) => r.status >= 500);
  const transport = records.filter((r) => r.status === 0 && r.failure && !r.codes.length);
  const codes = new Map<string, number>();
  for (const r of records) for (const c of r.codes) codes.set(c, (codes.get(c) ?? 0) + 1);
  const fatal = (codes.get('INTERNAL_SERVER_ERROR') ?? 0) + (codes.get('SERVICE_UNAVAILABLE') ?? 0);
  const histogram = [...codes].map(([c, n]) => `${c}×${n}`).join(', ') || 'none';
  const example = (rs: RequestRecord[]) => (rs[0] ? ` (first: ${rs[0].op}: ${rs[0].failure})` : '');
  const withErrors = records.filter((r) => r.codes.length > 0);
  return [
    { name: 'zero 5xx', ok: fiveXx.length === 0, detail: `${fiveXx.length} responses with status ≥ 500${example(fiveXx)}` },
    { name: 'zero deadlines / transport errors', ok: transport.length === 0, detail: `${transport.length}${example(transport)}` },
    { name: 'zero INTERNAL_SERVER_ERROR / SERVICE_UNAVAILABLE', ok: fatal === 0, detail: `${fatal}` },
    { name: 'zero unexpected GraphQL errors', ok: withErrors.length === 0, detail: `error codes: ${histogram}${example(withErrors)}` },
  ];
}

/**
 * Waits until both outboxes are empty and the audit counts of the organisations stop changing
 * (the relays in the access and organisations processes deliver on their own interval).
 */
export async function waitForDrain(url: string, databaseUrl: string, orgs: Org[], timeoutMs: number): Promise<Check> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const t0 = Date.now();
  let last = '';
  let stableSince = 0;
  try {
    for (;;) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM access.outbox_event WHERE delivered_at IS NULL) + (SELECT count(*) FROM organisations.outbox_event WHERE delivered_at IS NULL) AS n`);
      const pending = Number(rows[0].n);
      const counts: number[] = [];
      for (const org of orgs) counts.push((await gql(url, org.admins[0], `query($o: ID!) { organisation(id: $o) { auditLog(first: 1) { totalCount } } }`, { o: org.id })).data.organisation.auditLog.totalCount);
      const now = `${pending}|${counts.join(',')}`;
      if (now !== last) { last = now; stableSince = Date.now(); }
      if (pending === 0 && Date.now() - stableSince >= 1500) {
        return { name: 'outbox relays drained', ok: true, detail: `in ${((Date.now() - t0) / 1000).toFixed(1)} s; audit events per organisation: ${counts.join(', ')}` };
      }
      if (Date.now() - t0 > timeoutMs) return { name: 'outbox relays drained', ok: false, detail: `still ${pending} undelivered outbox events after ${timeoutMs / 1000} s` };
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await db.end();
  }
}

/** R-AUDIT-1/2: every touched organisation's chain verifies, and every outbox event is in it exactly once. */
export async function auditChecks(url: string, databaseUrl: string, orgs: Org[]): Promise<Check[]> {
  const checks: Check[] = [];
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const org of orgs) {
      const v = await gql(url, org.admins[0], `query($o: ID!) { verifyAuditLog(organisationId: $o) { ok checked firstBrokenSeq } organisation(id: $o) { auditLog(first: 1) { totalCount } } }`, { o: org.id });
      const { ok, checked, firstBrokenSeq } = v.data.verifyAuditLog;
      const total = v.data.organisation.auditLog.totalCount;
      checks.push({ name: `audit chain of ${org.key} verifies`, ok: ok && checked === total, detail: `ok=${ok}, checked ${checked} of ${total}${firstBrokenSeq !== null ? `, first broken seq ${firstBrokenSeq}` : ''}` });
      const { rows } = await db.query<{ source: string; outbox: string; audited: string; distinct_audited: string }>(
        `SELECT s.source,
                (SELECT count(*) FROM access.outbox_event WHERE s.source = 'access' AND organisation_id = $1)
              + (SELECT count(*) FROM organisations.outbox_event WHERE s.source = 'organisations' AND organisation_id = $1) AS outbox,
                (SELECT count(*) FROM signing.audit_event a WHERE a.source = s.source AND a.organisation_id = $1) AS audited,
                (SELECT count(DISTINCT source_id) FROM signing.audit_event a WHERE a.source = s.source AND a.organisation_id = $1) AS distinct_audited
           FROM (VALUES ('access'), ('organisations')) AS s(source)`, [org.id]);
      for (const r of rows) {
        checks.push({
          name: `${r.source} events of ${org.key} audited exactly once`,
          ok: r.outbox === r.audited && r.audited === r.distinct_audited,
          detail: `${r.outbox} in the outbox, ${r.audited} in the audit log (${r.distinct_audited} distinct)`,
        });
      }
    }
  } finally {
    await db.end();
  }
  return checks;
}

/** What the generator made is what is stored: staff, contact persons, and the audit events of each kind. */
export function countChecks(before: Snapshot, after: Snapshot, created: Created, orgs: Org[]): Check[] {
  const checks: Check[] = [];
  checks.push({ name: 'every sign order applied', ok: created.notApplied.length === 0, detail: `${created.signings} signed, ${created.notApplied.length} not applied${created.notApplied[0] ? ` (first: ${created.notApplied[0].result})` : ''}` });
  for (const org of orgs) {
    const applied = created.applied.get(org.id) ?? [];
    const b = before.staff.get(org.id)!;
    const a = after.staff.get(org.id)!;
    const missing = applied.filter((p) => !a.surnames.has(p.surname));
    checks.push({
      name: `staff of ${org.key} = demo + applied proposals`,
      ok: a.total === b.total + applied.length && missing.length === 0,
      detail: `${b.total} + ${applied.length} applied = ${b.total + applied.length}; found ${a.total}${missing.length ? `; missing ${missing.slice(0, 3).map((p) => p.surname).join(', ')}` : ''}`,
    });
    const made = created.contactPersons.get(org.id) ?? [];
    const cb = before.contacts.get(org.id)!;
    const ca = after.contacts.get(org.id)!;
    const lost = made.filter((id) => !ca.has(id));
    checks.push({
      name: `contact persons of ${org.key} = before + created`,
      ok: ca.size === cb.size + made.length && lost.length === 0,
      detail: `${cb.size} + ${made.length} created = ${cb.size + made.length}; found ${ca.size}${lost.length ? `; ${lost.length} created ids missing` : ''}`,
    });
  }
  const delta = (action: string) => (after.outboxByAction.get(action) ?? 0) - (before.outboxByAction.get(action) ?? 0);
  const contactsMade = [...created.contactPersons.values()].reduce((s, ids) => s + ids.length, 0);
  for (const [action, expected] of [
    ['access.changes.signing_started', created.signings],
    ['contact_person.created', contactsMade],
  ] as const) {
    checks.push({ name: `audit events ${action} = generated`, ok: delta(action) === expected, detail: `generated ${expected}, recorded ${delta(action)}` });
  }
  // R-SIGN-8: a period change applies at once (access.period.changed) when it moves an end date
  // earlier, and is proposed for signing (access.change.proposed) when it moves one later: a person
  // leaves one of the two, both when their roles' end dates lie on either side of the new one, and
  // neither when every end date already is the new one. The load reads the end dates before each
  // change (periodChangeEvents); these are outbox rows, written in the change's own transaction.
  const proposedOrChanged = delta('access.change.proposed') + delta('access.period.changed');
  const expected = created.proposals + created.periodChangeEvents;
  checks.push({
    name: 'audit events access.change.proposed + access.period.changed = proposals + period-change events',
    ok: proposedOrChanged === expected,
    detail: `generated ${created.proposals} + ${created.periodChangeEvents} (${created.periodChangedPersons} people in ${created.periodChanges} period changes) = ${expected}, recorded ${proposedOrChanged}`,
  });
  return checks;
}
