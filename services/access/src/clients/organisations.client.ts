import type { KnownUnit } from '../modules/scopes/rules/membership.rules';

/**
 * What access needs to know about units and organisations, which the organisations subgraph owns
 * (R-ORG-3: a unit must exist before anyone is given access to it). Behind an interface so tests
 * can serve the DEMO units without running the other subgraph; the default asks it over HTTP.
 */
export interface UnitDirectory {
  /** The units among `ids` that exist (missing ids simply do not appear). */
  units(ids: readonly string[], authorization?: string): Promise<KnownUnit[]>;
  /** Names of the organisations among `ids` that exist. */
  organisations(ids: readonly string[], authorization?: string): Promise<Map<string, string>>;
  /**
   * Every unit of each organisation among `ids` that exists, sorted by id, with its current offices
   * (R-USR-3: org-wide scopes list them; R-USR-2: an office removed from a unit grants nothing).
   */
  organisationUnits(ids: readonly string[], authorization?: string): Promise<Map<string, OrganisationUnit[]>>;
}

const UNIT_QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Unit { id closed organisation { id } schoolForms { code } addresses { id } } } }`;
const ORG_QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organisation { id name } } }`;
const ORG_UNITS_QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organisation { id units { id name addresses { id } } } } }`;

export class DirectoryUnavailableError extends Error {}

/** A unit as `organisationUnits` lists it: its id and its offices (address ids) as they are now. */
export interface OrganisationUnit {
  id: string;
  addressIds: string[];
  /** The unit's name as the organisations subgraph has it now (the staff list's search matches it). */
  name?: string;
}

/**
 * Fetches entities by reference from the organisations subgraph (`_entities`), forwarding the
 * caller's Authorization so that subgraph applies its own rules. One HTTP request per call.
 */
export function createHttpUnitDirectory(organisationsUrl: string, fetchImpl: typeof fetch = fetch): UnitDirectory {
  async function entities<T>(query: string, typename: string, ids: readonly string[], authorization?: string): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    let res: Response;
    try {
      res = await fetchImpl(organisationsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables: { representations: unique.map((id) => ({ __typename: typename, id })) } }),
      });
    } catch (e) {
      throw new DirectoryUnavailableError(`The organisations service cannot be reached: ${(e as Error).message}`);
    }
    if (!res.ok) throw new DirectoryUnavailableError(`The organisations service answered HTTP ${res.status}.`);
    const body = (await res.json()) as { data?: { _entities?: (T | null)[] }; errors?: { message: string }[] };
    // Any error means some entities could not be looked up (e.g. its database is down): the answer
    // is "cannot tell", never "does not exist" — else an outage reads as the caller's bad input.
    if (!body.data?._entities || body.errors?.length) throw new DirectoryUnavailableError(`The organisations service refused: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    return body.data._entities.filter((e): e is T => e !== null && typeof e === 'object' && 'id' in (e as object));
  }
  return {
    async units(ids, authorization) {
      const rows = await entities<{ id: string; closed: boolean; organisation: { id: string }; schoolForms: { code: string }[]; addresses?: { id: string }[] }>(UNIT_QUERY, 'Unit', ids, authorization);
      return rows.map((u) => ({ id: u.id, organisationId: u.organisation.id, closed: u.closed, schoolFormCodes: u.schoolForms.map((s) => s.code), addressIds: (u.addresses ?? []).map((a) => a.id) }));
    },
    async organisations(ids, authorization) {
      const rows = await entities<{ id: string; name: string }>(ORG_QUERY, 'Organisation', ids, authorization);
      return new Map(rows.map((o) => [o.id, o.name]));
    },
    async organisationUnits(ids, authorization) {
      const rows = await entities<{ id: string; name?: string; units: { id: string; name?: string; addresses: { id: string }[] }[] }>(ORG_UNITS_QUERY, 'Organisation', ids, authorization);
      return new Map(rows.map((o) => [o.id, o.units.map((u) => ({ id: u.id, addressIds: u.addresses.map((a) => a.id), ...(u.name ? { name: u.name } : {}) })).sort((a, b) => (a.id < b.id ? -1 : 1))]));
    },
  };
}

/**
 * The facts `checkAccess` needs about a unit and an organisation, cached per process: a unit
 * never moves to another organisation (cached for good, bounded), and an organisation's name is
 * only shown in the decision's reason (cached for `nameTtlMs`, so a rename shows within a
 * minute). Both are readable by anyone signed in, so one caller's answer serves every caller.
 * Granting a unit (R-ORG-3, closed units) always asks the directory afresh, never this cache.
 */
export interface ReferenceCache {
  organisationNames(ids: readonly string[], authorization?: string): Promise<Map<string, string>>;
  /** unit id → owning organisation id, for the units among `ids` that exist. */
  unitOwners(ids: readonly string[], authorization?: string): Promise<Map<string, string>>;
}

export function createReferenceCache(directory: UnitDirectory, opts: { nameTtlMs?: number; max?: number; now?: () => number } = {}): ReferenceCache {
  const nameTtlMs = opts.nameTtlMs ?? 60_000;
  const max = opts.max ?? 50_000;
  const now = opts.now ?? Date.now;
  const names = new Map<string, { name: string; until: number }>();
  const owners = new Map<string, string>();
  const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
    if (map.size >= max) map.delete(map.keys().next().value as string);
    map.set(key, value);
  };
  return {
    async organisationNames(ids, authorization) {
      const t = now();
      const missing = ids.filter((id) => !((names.get(id)?.until ?? 0) > t));
      if (missing.length) {
        for (const [id, name] of await directory.organisations(missing, authorization)) bounded(names, id, { name, until: t + nameTtlMs });
      }
      return new Map(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id)!.name] as const] : [])));
    },
    async unitOwners(ids, authorization) {
      const missing = ids.filter((id) => !owners.has(id));
      if (missing.length) {
        for (const u of await directory.units(missing, authorization)) bounded(owners, u.id, u.organisationId);
      }
      return new Map(ids.flatMap((id) => (owners.has(id) ? [[id, owners.get(id)!] as const] : [])));
    },
  };
}
