import type { Membership as DomainMembership, MembershipUnit } from '../../scopes/rules/membership.rules';

/** The stored levels 2 and 3 as far as the rules need them (rows of `memberships.store.ts`). */
export interface UnitLevel { unitId: string; schoolFormCode: string | null; validTo: string | null; addressIds: string[] | null }
export interface RoleLevel { id: string; roleCode: string; validFrom: string; validTo: string | null }

/** R-END-1: a unit row counts on `on` unless its employment there ended before (end date inclusive). */
export const unitActiveOn = (u: { validTo: string | null }, on: string) => !u.validTo || u.validTo >= on;

/**
 * R-END-1: a planned ending of an employment at a unit stands through a later signed change. A
 * change carries the person's units but not their end dates (docs/domain.md, R-END-1), so the row
 * written again for (unit, school form) keeps the end date that employment already had, when the
 * date is today or later. Where the earlier rows of that unit disagree (one school form ending,
 * another not), the latest ending wins: a change never takes away more than was signed. An ending
 * already past is not carried: granting the unit again is a new employment.
 */
export function keptEmploymentEnd(previous: readonly Pick<UnitLevel, 'unitId' | 'schoolFormCode' | 'validTo'>[], unitId: string, schoolFormCode: string | null, today: string): string | null {
  const same = previous.filter((p) => p.unitId === unitId && (p.schoolFormCode === schoolFormCode || p.schoolFormCode === null || schoolFormCode === null) && unitActiveOn(p, today));
  if (same.length === 0 || same.some((p) => p.validTo === null)) return null;
  return same.map((p) => p.validTo as string).sort().at(-1)!;
}

/** Level-2 rows of one membership as the domain's units (one entry per unit; null school forms = all, R-ORG-5). */
export function domainUnits(rows: readonly UnitLevel[], on: string): MembershipUnit[] {
  const byUnit = new Map<string, string[] | null>();
  const offices = new Map<string, string[] | null>();
  for (const r of rows) {
    if (!unitActiveOn(r, on)) continue;
    const prev = byUnit.get(r.unitId);
    if (!r.schoolFormCode || prev === null) byUnit.set(r.unitId, null);
    else byUnit.set(r.unitId, [...(prev ?? []), r.schoolFormCode]);
    // R-USR-2 level two: the rows of one unit carry the same offices (null = all of them).
    offices.set(r.unitId, r.addressIds && r.addressIds.length > 0 ? [...r.addressIds] : null);
  }
  return [...byUnit].map(([unitId, schoolFormCodes]) => {
    const addressIds = offices.get(unitId);
    return addressIds ? { unitId, schoolFormCodes, addressIds } : { unitId, schoolFormCodes };
  });
}

/** One stored membership (levels 1 to 3) in the domain's shape on day `on`. */
export function toDomainMembership(organisationId: string, units: readonly UnitLevel[], roles: readonly RoleLevel[], on: string): DomainMembership {
  return {
    organisationId,
    units: domainUnits(units, on),
    roles: roles.map((r) => ({ id: r.id, roleCode: r.roleCode, validFrom: r.validFrom, validTo: r.validTo })),
  };
}
