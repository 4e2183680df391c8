import type { UnitFact } from '@behorig/kit/auth';
import { isUuid as isUuidText } from '@behorig/kit/errors';

/**
 * Pure rules over the unit facts organisations delivers (docs/architecture.md, "Unit facts").
 * No SQL, no HTTP.
 */

export type UnitFactOfUnit = Extract<UnitFact, { kind: 'unit' }>;
export type UnitFactOfOrganisation = Extract<UnitFact, { kind: 'organisation' }>;

export class UnitFactsRefusal extends Error {}

const isUuid = (v: unknown): v is string => typeof v === 'string' && isUuidText(v);
const isText = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A fact of a delivery that access did not take: its place in `facts` and why (no value of the fact itself). */
export interface RefusedUnitFact { index: number; reason: string }

/**
 * Reads a delivery fact by fact: a malformed fact is refused on its own (its index and why, so the
 * relay holds exactly that outbox row and an operator sees why) and the well-formed ones are
 * applied — one bad row must not keep a unit's closing from access (R-SCOPE-4). Only a delivery
 * without a list `facts` is refused as a whole. Facts of one unit or organisation collapse into
 * the one with the highest version, so a batch that carries two versions of a unit applies the newer.
 */
export function readUnitFacts(body: unknown): { units: UnitFactOfUnit[]; organisations: UnitFactOfOrganisation[]; refused: RefusedUnitFact[] } {
  const facts = (body as { facts?: unknown } | null)?.facts;
  if (!Array.isArray(facts)) throw new UnitFactsRefusal('A delivery of unit facts has a list `facts`.');
  const units = new Map<string, UnitFactOfUnit>();
  const organisations = new Map<string, UnitFactOfOrganisation>();
  const refused: RefusedUnitFact[] = [];
  for (const [index, f] of facts.entries()) {
    const fact = f as Record<string, unknown>;
    if (fact?.kind === 'unit') {
      const ok = isUuid(fact.unitId) && isUuid(fact.organisationId) && isText(fact.serviceCode, 100) && isText(fact.name) && typeof fact.closed === 'boolean'
        && Array.isArray(fact.schoolFormCodes) && fact.schoolFormCodes.every((c) => isText(c, 100))
        && Array.isArray(fact.addressIds) && fact.addressIds.every(isUuid) && isVersion(fact.version);
      if (!ok) { refused.push({ index, reason: 'not a well-formed unit fact' }); continue; }
      const u = fact as unknown as UnitFactOfUnit;
      if ((units.get(u.unitId)?.version ?? -1) < u.version) units.set(u.unitId, u);
    } else if (fact?.kind === 'organisation') {
      if (!(isUuid(fact.organisationId) && isText(fact.name) && isVersion(fact.version))) { refused.push({ index, reason: 'not a well-formed organisation fact' }); continue; }
      const o = fact as unknown as UnitFactOfOrganisation;
      if ((organisations.get(o.organisationId)?.version ?? -1) < o.version) organisations.set(o.organisationId, o);
    } else {
      refused.push({ index, reason: 'no known kind' });
    }
  }
  return { units: [...units.values()], organisations: [...organisations.values()], refused };
}
