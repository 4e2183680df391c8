import type { Actor, Org } from './actors';
import { calendar, personalNumbers } from './actors';

/**
 * The mixed read/write load: a bounded number of workers, each picking a weighted operation,
 * waiting for its answers, and picking the next, until the deadline. Every HTTP request has a
 * hard deadline of its own. Every answer is recorded (status, GraphQL error codes, time) and every
 * write the generator makes is remembered, so the checks afterwards can count what must be there.
 */
export interface RequestRecord { op: string; ms: number; status: number; codes: string[]; failure?: string }

export interface Created {
  /** Per organisation id: people proposed and seen APPLIED (personal number → surname). */
  applied: Map<string, { surname: string; personalNumber: string }[]>;
  /** Proposals whose sign order did not end APPLIED (must be none). */
  notApplied: { orgId: string; orderRef: string; result: string }[];
  proposals: number;
  signings: number;
  contactPersons: Map<string, string[]>;
  periodChanges: number;
  /** Persons whose authorisation period was changed, summed over the calls. */
  periodChangedPersons: number;
  /**
   * The events those period changes must leave (R-SIGN-8), from each person's end dates read just
   * before the change: one access.period.changed when some end date comes earlier (or an open end
   * gets one), one access.change.proposed when some end date moves later, none when every end date
   * already is the new one (nothing changes, so nothing is audited).
   */
  periodChangeEvents: number;
}

export interface LoadResult { records: RequestRecord[]; created: Created; operations: Map<string, number>; startedAt: number; endedAt: number }

type Gql = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

const Q = {
  me: `query { me { id givenName surname permissionScopes { organisation { id name } orgWide units { id name } role { code } validFrom validTo } } }`,
  scopes: `query($p: ID!) { permissionScopes(personId: $p) { organisation { id } units { id } role { code } validFrom validTo } }`,
  check: `query($p: ID!, $o: ID!, $u: ID, $f: String!, $a: Access!) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: $f, access: $a) { allowed reason role { code } validTo } }`,
  staff: `query($o: ID!, $after: String) { organisation(id: $o) { id name staff(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id givenName surname memberships { organisation { id } roles { role { code } validFrom validTo } units { id name } } } } } } }`,
  search: `query($s: String) { organisations(search: $s, first: 10) { totalCount edges { node { id name orgNumber } } } }`,
  audit: `query($o: ID!) { organisation(id: $o) { auditLog(first: 20) { totalCount edges { node { seq action target at actorLabel } } } } }`,
  propose: `mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id kind } }`,
  sign: `mutation($o: ID!) { signChanges(organisationId: $o) { orderRef status } }`,
  order: `query($r: ID!) { signingOrder(orderRef: $r) { status applyResult applyError } }`,
  contact: `mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id givenName surname } }`,
  endDates: `query($p: ID!) { person(id: $p) { memberships { organisation { id } roles { validTo } } } }`,
  period: `mutation($o: ID!, $p: [ID!]!, $t: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $p, validTo: $t) { id } }`,
};

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(opts: {
  gatewayUrl: string; simulatorControlUrl: string; orgs: Org[]; reader: Actor; everyone: Actor[];
  workers: number; durationMs: number; requestTimeoutMs: number; shouldStop: () => boolean;
}): Promise<LoadResult> {
  const records: RequestRecord[] = [];
  const operations = new Map<string, number>();
  const created: Created = { applied: new Map(), notApplied: [], proposals: 0, signings: 0, contactPersons: new Map(), periodChanges: 0, periodChangedPersons: 0, periodChangeEvents: 0 };
  const nextPnr = personalNumbers();
  const cal = calendar();
  // One open change set per organisation (R-SIGN-1): one propose→sign→apply cycle per organisation at a time.
  const signingBusy = new Set<string>();
  let surnameSeq = 0;

  async function gql(op: string, actor: Actor | null, query: string, variables?: Record<string, unknown>): Promise<Gql | null> {
    const t0 = performance.now();
    const rec: RequestRecord = { op, ms: 0, status: 0, codes: [] };
    try {
      const res = await fetch(opts.gatewayUrl, {
        method: 'POST',
        signal: AbortSignal.timeout(opts.requestTimeoutMs),
        headers: { 'content-type': 'application/json', ...(actor ? { authorization: `Bearer ${actor.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      rec.status = res.status;
      const text = await res.text();
      let body: Gql | null = null;
      try { body = JSON.parse(text) as Gql; } catch { rec.failure = `not JSON (${res.status}): ${text.slice(0, 120)}`; }
      rec.codes = (body?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
      if (body?.errors?.length) rec.failure = `${rec.codes.join(',')}: ${body.errors[0].message.slice(0, 200)}`;
      return body;
    } catch (e) {
      rec.failure = (e as Error).name === 'TimeoutError' ? `deadline (${opts.requestTimeoutMs} ms)` : `transport: ${(e as Error).message}`;
      return null;
    } finally {
      rec.ms = performance.now() - t0;
      records.push(rec);
    }
  }

  const unexpected = (op: string, why: string) => records.push({ op, ms: 0, status: 0, codes: ['UNEXPECTED_OUTCOME'], failure: why });

  const ops: { name: string; weight: number; run: () => Promise<boolean> }[] = [
    { name: 'me', weight: 12, run: async () => { await gql('me', pick(opts.everyone), Q.me); return true; } },
    {
      name: 'permissionScopes', weight: 10, run: async () => {
        const org = opts.orgs[0];
        await gql('permissionScopes', pick(org.admins), Q.scopes, { p: pick(org.staff).id });
        return true;
      },
    },
    {
      name: 'checkAccess', weight: 12, run: async () => {
        const org = pick(opts.orgs);
        const subject = org.staff.length ? pick(org.staff).id : org.admins[0].personId;
        await gql('checkAccess', pick(org.admins), Q.check, { p: subject, o: org.id, u: org.unitId, f: pick(['DOCUMENTS', 'MANAGE_USERS', 'REPORTING', 'CONTACT_PERSON']), a: pick(['READ', 'UPDATE']) });
        return true;
      },
    },
    {
      name: 'staffPages', weight: 10, run: async () => {
        const org = pick(opts.orgs);
        const admin = pick(org.admins);
        let after: string | null = null;
        for (let page = 0; page < 3; page++) {
          const r = await gql('staffPage', admin, Q.staff, { o: org.id, after });
          const conn = r?.data?.organisation?.staff;
          if (!conn?.pageInfo?.hasNextPage) break;
          after = conn.pageInfo.endCursor;
        }
        return true;
      },
    },
    { name: 'organisationsSearch', weight: 8, run: async () => { await gql('organisationsSearch', pick(opts.everyone), Q.search, { s: pick(['kommun', 'AB', 'Dor', 'a', 'Stockholm', '']) }); return true; } },
    {
      name: 'auditLog', weight: 6, run: async () => {
        const org = pick(opts.orgs);
        await gql('auditLog', pick(org.admins), Q.audit, { o: org.id });
        return true;
      },
    },
    {
      name: 'proposeAndSign', weight: 8, run: async () => {
        const free = opts.orgs.filter((o) => !signingBusy.has(o.id));
        if (free.length === 0) return false;
        const org = pick(free);
        signingBusy.add(org.id);
        try {
          await proposeAndSign(org);
        } finally {
          signingBusy.delete(org.id);
        }
        return true;
      },
    },
    {
      name: 'createContactPerson', weight: 8, run: async () => {
        const org = pick(opts.orgs);
        const n = ++surnameSeq;
        const r = await gql('createContactPerson', pick(org.admins), Q.contact, {
          o: org.id, i: { givenName: 'Kontakt', surname: `Soak ${lettersOf(n)}`, email: `kontakt.${n}@soak.example`, phone1: '08-123 456 78', adminContact: n % 3 === 0 },
        });
        const id = r?.data?.createContactPerson?.id as string | undefined;
        if (id) created.contactPersons.set(org.id, [...(created.contactPersons.get(org.id) ?? []), id]);
        return true;
      },
    },
    {
      name: 'changeAuthorisationPeriod', weight: 6, run: async () => {
        // R-SIGN-8 puts a later end date into the changes to sign, and R-SIGN-4 lets a change to a
        // set under signing invalidate that signing: so never while this organisation signs.
        const org = opts.orgs.find((o) => o.staff.length > 0 && !signingBusy.has(o.id));
        if (!org) return false;
        signingBusy.add(org.id);
        try {
          const people = org.staff.filter(() => Math.random() < 0.5);
          const ids = (people.length ? people : [pick(org.staff)]).map((p) => p.id);
          const admin = pick(org.admins);
          const validTo = cal.endDate();
          // The end dates now (nobody else changes these people meanwhile: this organisation is busy).
          const events = await expectedPeriodChangeEvents(admin, org.id, ids, validTo);
          if (events === null) return true;
          const r = await gql('changeAuthorisationPeriod', admin, Q.period, { o: org.id, p: ids, t: validTo });
          if (Array.isArray(r?.data?.changeAuthorisationPeriod)) {
            created.periodChanges++;
            created.periodChangedPersons += ids.length;
            created.periodChangeEvents += events;
            // An end date moved later waits in the changes to sign; sign them now, as an administrator
            // would, so no proposal is left to go stale under a later period change (CONFLICT).
            await proposeAndSign(org);
          }
        } finally {
          signingBusy.delete(org.id);
        }
        return true;
      },
    },
  ];
  const totalWeight = ops.reduce((s, o) => s + o.weight, 0);
  const chooseOp = () => {
    let x = Math.random() * totalWeight;
    for (const o of ops) if ((x -= o.weight) < 0) return o;
    return ops[0];
  };

  /**
   * R-SIGN-8: how many events a period change to `validTo` leaves for these people, from their
   * current and future roles in the organisation (ended ones keep their end); null when a read failed.
   */
  async function expectedPeriodChangeEvents(admin: Actor, orgId: string, ids: readonly string[], validTo: string): Promise<number | null> {
    let events = 0;
    for (const id of ids) {
      const r = await gql('personEndDates', admin, Q.endDates, { p: id });
      const memberships = r?.data?.person?.memberships as { organisation: { id: string }; roles: { validTo: string | null }[] }[] | undefined;
      if (!memberships) return null;
      const ends = memberships.filter((m) => m.organisation.id === orgId).flatMap((m) => m.roles.map((x) => x.validTo)).filter((t) => t === null || t >= cal.today);
      if (ends.some((t) => t === null || t > validTo)) events++;
      if (ends.some((t) => t !== null && t < validTo)) events++;
    }
    return events;
  }

  /** R-SIGN-1…3: propose 1–3 new people, sign with BankID (the simulator plays the phone), poll until applied. */
  async function proposeAndSign(org: Org) {
    const admin = pick(org.admins);
    const people: { surname: string; personalNumber: string }[] = [];
    const count = 1 + Math.floor(Math.random() * 3);
    for (let i = 0; i < count; i++) {
      const personalNumber = nextPnr();
      const surname = `Soakperson ${lettersOf(++surnameSeq)}`;
      const r = await gql('proposeStaff', admin, Q.propose, {
        o: org.id,
        i: { personalNumber, givenName: 'Last', surname, email: `${surname.toLowerCase().replace(' ', '.')}@soak.example`, roleCodes: ['SERVICE_ADMIN'], unitIds: [org.unitId], validFrom: cal.today, validTo: cal.endDate() },
      });
      if (r?.data?.proposeStaff?.id) {
        created.proposals++;
        people.push({ surname, personalNumber });
      }
    }
    if (people.length === 0) return;
    const signer = pick(org.admins);
    const signed = await gql('signChanges', signer, Q.sign, { o: org.id });
    const orderRef = signed?.data?.signChanges?.orderRef as string | undefined;
    if (!orderRef) return;
    created.signings++;
    const t0 = performance.now();
    let phoneFailure: string | undefined;
    try {
      const res = await fetch(`${opts.simulatorControlUrl}/simulator/orders/${orderRef}/complete`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(opts.requestTimeoutMs),
        body: JSON.stringify({ personalNumber: signer.personalNumber }),
      });
      if (!res.ok) phoneFailure = `simulator complete: ${res.status} ${(await res.text()).slice(0, 120)}`;
    } catch (e) {
      phoneFailure = `simulator complete: ${(e as Error).message}`;
    }
    records.push({ op: 'simulatorComplete', ms: performance.now() - t0, status: phoneFailure ? 0 : 200, codes: phoneFailure ? ['SIMULATOR'] : [], failure: phoneFailure });
    if (phoneFailure) return;
    // Apply follows the signature; give it a generous but bounded time.
    const until = Date.now() + Math.max(20_000, opts.requestTimeoutMs * 2);
    let result = 'PENDING';
    while (Date.now() < until) {
      const o = await gql('signingOrder', signer, Q.order, { r: orderRef });
      const so = o?.data?.signingOrder;
      if (so?.applyResult) { result = so.applyResult === 'APPLIED' ? 'APPLIED' : `${so.applyResult}: ${so.applyError ?? ''}`; break; }
      if (so?.status === 'FAILED') { result = `FAILED`; break; }
      await sleep(150);
    }
    if (result === 'APPLIED') created.applied.set(org.id, [...(created.applied.get(org.id) ?? []), ...people]);
    else {
      created.notApplied.push({ orgId: org.id, orderRef, result });
      unexpected('proposeAndSign', `sign order ${orderRef} of ${org.key} ended ${result}`);
    }
  }

  const startedAt = Date.now();
  const deadline = startedAt + opts.durationMs;
  const worker = async () => {
    while (Date.now() < deadline && !opts.shouldStop()) {
      const op = chooseOp();
      if (await op.run()) operations.set(op.name, (operations.get(op.name) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, worker));
  return { records, created, operations, startedAt, endedAt: Date.now() };
}

/** 1 → 'a', 27 → 'aa': unique surnames made of letters only (R-SIGN-6 names carry no digits). */
export function lettersOf(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s || 'a';
}
