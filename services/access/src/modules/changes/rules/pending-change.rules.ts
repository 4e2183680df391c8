import { changeSetDigest, signingText, type PendingChangeData } from './change-set.rules';
import type { RolesByCode } from '../../roles/rules/role-catalogue.data';

/** A pending change as stored, with its sealed personal number opened: only for the digest and the signing text. */
export interface OpenedChange {
  id: string;
  kind: PendingChangeData['kind'];
  personId: string | null;
  personalNumber: string;
  givenName: string;
  surname: string;
  email: string | null;
  roleCodes: string[];
  unitIds: string[];
  schoolFormCodes: string[] | null;
  unitGrants: { unitId: string; schoolFormCodes: string[] | null; addressIds?: string[] | null }[];
  validFrom: string;
  validTo: string | null;
  /** R-REV-1: each role's own period in a reviewed change. */
  rolePeriods?: Record<string, { validFrom: string; validTo: string | null }> | null;
}

/** R-SIGN-3: the form the digest and the signing text are computed over — every field of the change. */
export function pendingData(c: OpenedChange): PendingChangeData {
  return {
    id: c.id,
    kind: c.kind,
    personId: c.personId ?? `new:${c.personalNumber}`,
    personalNumber: c.personalNumber,
    givenName: c.givenName,
    surname: c.surname,
    email: c.email,
    roleCodes: c.roleCodes,
    unitIds: c.unitIds,
    schoolFormCodes: c.schoolFormCodes,
    // Offices (R-USR-2) are part of what is signed; a unit with all its offices carries no key (undefined is dropped).
    unitGrants: c.unitGrants.map((u) => ({ unitId: u.unitId, schoolFormCodes: u.schoolFormCodes ? [...u.schoolFormCodes].sort() : null, addressIds: u.addressIds && u.addressIds.length > 0 ? [...u.addressIds].sort() : undefined })).sort((a, b) => (a.unitId < b.unitId ? -1 : 1)),
    validFrom: c.validFrom,
    validTo: c.validTo ?? null,
    // R-REV-1: a reviewed person's roles keep their own periods; absent (undefined is dropped) for every other change.
    rolePeriods: c.rolePeriods ?? undefined,
  };
}

/** R-SIGN-3: the digest binds the organisation and the set as well as every change. */
export const digestOf = (set: { id: string; organisationId: string }, changes: readonly OpenedChange[]) =>
  changeSetDigest(changes.map(pendingData), { organisationId: set.organisationId, changeSetId: set.id });

/** R-SIGN-6: the Swedish text the signer sees, naming each person by their name. */
export function signingTextOf(changes: readonly OpenedChange[], catalogue: RolesByCode): string {
  const names = new Map(changes.map((c) => [pendingData(c).personId, `${c.givenName} ${c.surname}`]));
  return signingText(changes.map(pendingData), catalogue, names);
}
