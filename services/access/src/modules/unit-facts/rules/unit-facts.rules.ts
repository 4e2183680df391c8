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

/**
 * Reads a delivery: every fact whole and well-formed, or the delivery is refused as a whole (the
 * relay keeps it and an operator sees why). Facts of one unit or organisation collapse into the
 * one with the highest version, so a batch that carries two versions of a unit applies the newer.
 */
export function readUnitFacts(body: unknown): { units: UnitFactOfUnit[]; organisations: UnitFactOfOrganisation[] } {
  const facts = (body as { facts?: unknown } | null)?.facts;
  if (!Array.isArray(facts)) throw new UnitFactsRefusal('A delivery of unit facts has a list `facts`.');
  const units = new Map<string, UnitFactOfUnit>();
  const organisations = new Map<string, UnitFactOfOrganisation>();
  for (const [i, f] of facts.entries()) {
    const fact = f as Record<string, unknown>;
    if (fact?.kind === 'unit') {
      const ok = isUuid(fact.unitId) && isUuid(fact.organisationId) && isText(fact.serviceCode, 100) && isText(fact.name) && typeof fact.closed === 'boolean'
        && Array.isArray(fact.schoolFormCodes) && fact.schoolFormCodes.every((c) => isText(c, 100))
        && Array.isArray(fact.addressIds) && fact.addressIds.every(isUuid) && isVersion(fact.version);
      if (!ok) throw new UnitFactsRefusal(`Fact ${i} is not a well-formed unit fact.`);
      const u = fact as unknown as UnitFactOfUnit;
      if ((units.get(u.unitId)?.version ?? -1) < u.version) units.set(u.unitId, u);
    } else if (fact?.kind === 'organisation') {
      if (!(isUuid(fact.organisationId) && isText(fact.name) && isVersion(fact.version))) throw new UnitFactsRefusal(`Fact ${i} is not a well-formed organisation fact.`);
      const o = fact as unknown as UnitFactOfOrganisation;
      if ((organisations.get(o.organisationId)?.version ?? -1) < o.version) organisations.set(o.organisationId, o);
    } else {
      throw new UnitFactsRefusal(`Fact ${i} has no known kind.`);
    }
  }
  return { units: [...units.values()], organisations: [...organisations.values()] };
}
