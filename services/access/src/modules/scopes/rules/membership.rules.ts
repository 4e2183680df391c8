import { ValidationError } from '@behorig/kit/errors';
import { isValidIsoDate } from '@behorig/kit/dates';
import { grantsAccess } from '../../roles/rules/access-level.rules';
import { periodStateOn, type Period } from '../../memberships/rules/authorisation-period.rules';
import type { Access, RoleLike, RolesByCode } from '../../roles/rules/role-catalogue.data';

/**
 * Three-level memberships (R-USR-2…4, R-ORG-5) and the questions asked of them
 * (R-SCOPE-1 permission scopes, R-SCOPE-2 point checks). Pure: all data comes in as arguments.
 *
 * A person's membership of one organisation = the units they work at there (each optionally narrowed
 * to some school forms, R-ORG-5) + ONE set of role assignments. Per R-USR-2 the roles apply
 * uniformly to all those units; org-wide-only roles (R-USR-3) cover every unit of the organisation,
 * including units the person is not attached to and units created later.
 */

export interface MembershipUnit {
  unitId: string;
  /** R-ORG-5: null/undefined = all of the unit's school forms. */
  schoolFormCodes?: readonly string[] | null;
  /** R-USR-2 level two: the offices (addresses) of the unit; null/undefined = all of them, including later ones. */
  addressIds?: readonly string[] | null;
}

export interface RoleAssignment extends Period {
  id?: string;
  roleCode: string;
}

export interface Membership {
  organisationId: string;
  units: readonly MembershipUnit[];
  roles: readonly RoleAssignment[];
}

export interface PermissionScope {
  organisationId: string;
  /** True for org-wide-only roles: every unit of the organisation (unitIds is then empty). */
  orgWide: boolean;
  /** The person's units in that organisation, sorted; empty when orgWide. */
  unitIds: string[];
  /** R-USR-2 level two: per unit of `unitIds`, the offices it is limited to (a unit absent, or the field absent = all of its offices). */
  unitAddressIds?: Record<string, string[]>;
  roleCode: string;
  validFrom: string;
  validTo: string | null;
}

/** `on` comes from the API (`permissionScopes(on:)`, `checkAccess(on:)`): bad input, field `on`. */
function assertOn(on: string): void {
  if (typeof on !== 'string' || !isValidIsoDate(on)) throw new ValidationError('on', 'The date must be a calendar date YYYY-MM-DD.', 'INVALID_DATE');
}

/**
 * Several membership records for one organisation are read as one (units and roles united). A unit
 * is limited to some offices only when every record naming it limits it (else all its offices).
 */
function mergeByOrganisation(memberships: readonly Membership[]): Map<string, { unitIds: string[]; unitAddressIds: Record<string, string[]>; roles: RoleAssignment[] }> {
  const byOrg = new Map<string, { units: Map<string, Set<string> | null>; roles: RoleAssignment[] }>();
  for (const m of memberships) {
    let entry = byOrg.get(m.organisationId);
    if (!entry) byOrg.set(m.organisationId, (entry = { units: new Map(), roles: [] }));
    for (const u of m.units) {
      const prev = entry.units.get(u.unitId);
      const limited = u.addressIds && u.addressIds.length > 0 ? u.addressIds : null;
      if (prev === null || limited === null) entry.units.set(u.unitId, null);
      else entry.units.set(u.unitId, new Set([...(prev ?? []), ...limited!]));
    }
    entry.roles.push(...m.roles);
  }
  return new Map([...byOrg].map(([org, e]) => {
    const unitAddressIds: Record<string, string[]> = {};
    for (const [unitId, addresses] of e.units) if (addresses) unitAddressIds[unitId] = [...addresses].sort();
    return [org, { unitIds: [...e.units.keys()].sort(), unitAddressIds, roles: e.roles }];
  }));
}

/**
 * R-SCOPE-1: what the person may do, where, until when — one scope per role assignment active on
 * `on` (R-PERIOD-1, end inclusive), across all organisations. Unit-scoped roles list all the
 * person's units in that organisation (R-USR-2); org-wide-only roles are `orgWide` (R-USR-3).
 * A unit-scoped role in an organisation where the person has no unit gives no scope (it reaches
 * nowhere); an assignment whose role code is unknown is skipped. Sorted by organisation, role, start.
 * An impossible `on` is a ValidationError on the field `on`.
 */
export function computePermissionScopes(memberships: readonly Membership[], rolesByCode: RolesByCode, on: string): PermissionScope[] {
  assertOn(on);
  const scopes: PermissionScope[] = [];
  for (const [organisationId, { unitIds, unitAddressIds, roles }] of mergeByOrganisation(memberships)) {
    for (const a of roles) {
      const role = rolesByCode.get(a.roleCode);
      if (!role || periodStateOn(a, on) !== 'ACTIVE') continue;
      if (!role.orgWideOnly && unitIds.length === 0) continue;
      scopes.push({
        organisationId,
        orgWide: role.orgWideOnly,
        unitIds: role.orgWideOnly ? [] : [...unitIds],
        ...(role.orgWideOnly || Object.keys(unitAddressIds).length === 0 ? {} : { unitAddressIds: { ...unitAddressIds } }),
        roleCode: a.roleCode,
        validFrom: a.validFrom,
        validTo: a.validTo,
      });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return scopes.sort((a, b) => cmp(a.organisationId, b.organisationId) || cmp(a.roleCode, b.roleCode) || cmp(a.validFrom, b.validFrom));
}

export interface AccessQuery {
  memberships: readonly Membership[];
  rolesByCode: RolesByCode;
  organisationId: string;
  /** Used in the reason; defaults to the id. */
  organisationName?: string;
  /** null/undefined = anywhere in the organisation (organisation-level functions, or "at some unit"). */
  unitId?: string | null;
  /**
   * R-USR-2 level two: an office of `unitId` (the caller resolves which unit an office belongs to;
   * `unitId` is then required). A unit-scoped role covers it when the person's unit is not limited
   * to other offices.
   */
  addressId?: string | null;
  function: string;
  access: Access;
  on: string;
}

export interface AccessDecision {
  allowed: boolean;
  reason: string;
  roleCode: string | null;
  validTo: string | null;
}

const ended = (validTo: string | null) => validTo ?? '9999-12-31';

/**
 * R-SCOPE-2: may the person do `function` at `access` level at `unitId` in the organisation on `on`,
 * and why. Reasons (English), in order of precedence when refused:
 * - "no membership in that organisation (X)"
 * - "no role grants F ACCESS in X"
 * - "unit U is not among the person's units in X" (only unit-scoped roles grant it)
 * - "F ACCESS via role N (CODE) in X: period starts D" / "…: period ended D" (R-PERIOD-1, R-PERIOD-5)
 * When allowed: "F ACCESS via role N (CODE) in X, valid to D" (or "with no end date"), naming the
 * qualifying assignment that lasts longest. UPDATE implies READ. Whether `unitId` belongs to the
 * organisation at all is for the caller to know (org-wide roles cover any unit of it).
 */
export function checkAccess(query: AccessQuery): AccessDecision {
  const { rolesByCode, organisationId, function: fn, access, on } = query;
  assertOn(on);
  const unitId = query.unitId ?? null;
  const orgName = query.organisationName ?? organisationId;
  const wanted = `${fn} ${access}`;
  const membership = mergeByOrganisation(query.memberships.filter((m) => m.organisationId === organisationId)).get(organisationId);
  if (!membership) {
    return { allowed: false, reason: `no membership in that organisation (${orgName})`, roleCode: null, validTo: null };
  }
  const granting = membership.roles
    .map((a) => ({ a, role: rolesByCode.get(a.roleCode) }))
    .filter((x): x is { a: RoleAssignment; role: RoleLike } => x.role !== undefined && grantsAccess(x.role.grants, fn, access));
  if (granting.length === 0) {
    return { allowed: false, reason: `no role grants ${wanted} in ${orgName}`, roleCode: null, validTo: null };
  }
  const addressId = query.addressId ?? null;
  const officeCovered = (u: string) => addressId === null || !membership.unitAddressIds[u] || membership.unitAddressIds[u].includes(addressId);
  const covering = granting.filter(({ role }) =>
    role.orgWideOnly ? true : unitId === null ? membership.unitIds.length > 0 : membership.unitIds.includes(unitId) && officeCovered(unitId),
  );
  if (covering.length === 0) {
    const where = unitId === null ? 'the person has no unit'
      : membership.unitIds.includes(unitId) ? `office ${addressId} is not among the person's offices at unit ${unitId}`
        : `unit ${unitId} is not among the person's units`;
    return { allowed: false, reason: `${where} in ${orgName}`, roleCode: null, validTo: null };
  }
  const via = (x: { a: RoleAssignment; role: RoleLike }) => `${wanted} via role ${x.role.name} (${x.role.code}) in ${orgName}`;
  const active = covering.filter((x) => periodStateOn(x.a, on) === 'ACTIVE');
  if (active.length > 0) {
    const best = active.reduce((b, x) => (ended(x.a.validTo) > ended(b.a.validTo) ? x : b));
    const until = best.a.validTo === null ? 'with no end date' : `valid to ${best.a.validTo}`;
    return { allowed: true, reason: `${via(best)}, ${until}`, roleCode: best.role.code, validTo: best.a.validTo };
  }
  const upcoming = covering.filter((x) => periodStateOn(x.a, on) === 'NOT_STARTED');
  if (upcoming.length > 0) {
    const next = upcoming.reduce((b, x) => (x.a.validFrom < b.a.validFrom ? x : b));
    return { allowed: false, reason: `${via(next)}: period starts ${next.a.validFrom}`, roleCode: next.role.code, validTo: next.a.validTo };
  }
  const last = covering.reduce((b, x) => (ended(x.a.validTo) > ended(b.a.validTo) ? x : b));
  return { allowed: false, reason: `${via(last)}: period ended ${last.a.validTo}`, roleCode: last.role.code, validTo: last.a.validTo };
}

export interface KnownUnit {
  id: string;
  organisationId: string;
  closed: boolean;
  /** The school forms the unit offers (R-ORG-5); empty = the unit has none. */
  schoolFormCodes: readonly string[];
  /** The unit's offices (addresses, R-ORG-3) as they are now. */
  addressIds?: readonly string[];
}

export interface StaffGrantInput {
  roleCodes: readonly string[];
  unitIds: readonly string[];
  /** null/undefined/[] = all school forms of each chosen unit. */
  schoolFormCodes?: readonly string[] | null;
  /**
   * R-USR-2 level two: offices of the chosen units. null/undefined/[] = all offices of every chosen
   * unit (including offices added later); a chosen unit none of whose offices is named keeps all of them.
   */
  addressIds?: readonly string[] | null;
  /** The units the organisations subgraph knows for these ids (missing ids = do not exist). */
  knownUnits: readonly KnownUnit[];
  organisationId: string;
  rolesByCode: RolesByCode;
}

export interface StaffGrant {
  roleCodes: string[];
  /** True when any role is org-wide only (R-USR-3): those roles cover every unit regardless. */
  orgWide: boolean;
  units: { unitId: string; schoolFormCodes: string[] | null; addressIds?: string[] | null }[];
}

/**
 * Validates a proposed grant of roles and units to a staff member (R-USR-2…4, R-ORG-3, R-ORG-5)
 * and returns it normalised (duplicates removed, school forms resolved per unit). Throws
 * `ValidationError` with field `${fieldPrefix}.roleCodes | .unitIds | .schoolFormCodes`.
 *
 * Choices: org-wide-only roles together with a unit list is accepted — the org-wide roles cover every
 * unit anyway and the units serve the unit-scoped roles; org-wide-only roles alone need no unit, but
 * any unit-scoped role needs at least one. With school forms named, each named form must be offered
 * by at least one chosen unit, each unit keeps the named forms it offers, and a unit that has school
 * forms but offers none of the named ones is refused; units without school forms get null.
 */
export function validateStaffGrant(input: StaffGrantInput, fieldPrefix = 'input'): StaffGrant {
  const p = fieldPrefix ? `${fieldPrefix}.` : '';
  const roleCodes = [...new Set(input.roleCodes)];
  if (roleCodes.length === 0) throw new ValidationError(`${p}roleCodes`, 'Choose at least one role.', 'ROLE_REQUIRED');
  const unknown = roleCodes.filter((c) => !input.rolesByCode.has(c));
  if (unknown.length > 0) throw new ValidationError(`${p}roleCodes`, `Unknown role: ${unknown.join(', ')}.`, 'UNKNOWN_ROLE');
  const roles = roleCodes.map((c) => input.rolesByCode.get(c) as RoleLike);
  const orgWide = roles.some((r) => r.orgWideOnly);

  const unitIds = [...new Set(input.unitIds)];
  const known = new Map(input.knownUnits.map((u) => [u.id, u]));
  const units: KnownUnit[] = [];
  for (const id of unitIds) {
    const unit = known.get(id);
    if (!unit) throw new ValidationError(`${p}unitIds`, `The performing unit ${id} does not exist.`, 'UNIT_NOT_FOUND');
    if (unit.organisationId !== input.organisationId) {
      throw new ValidationError(`${p}unitIds`, `The performing unit ${id} belongs to another organisation.`, 'UNIT_OF_OTHER_ORGANISATION');
    }
    if (unit.closed) throw new ValidationError(`${p}unitIds`, `The performing unit ${id} is closed.`, 'UNIT_CLOSED');
    units.push(unit);
  }
  const unitScoped = roles.filter((r) => !r.orgWideOnly);
  if (unitScoped.length > 0 && units.length === 0) {
    throw new ValidationError(`${p}unitIds`, `Choose at least one performing unit for ${unitScoped.map((r) => r.name).join(', ')}.`, 'UNIT_REQUIRED');
  }

  // R-USR-2 level two: every named office must be an office of a chosen unit (as the unit is now).
  const offices = input.addressIds && input.addressIds.length > 0 ? [...new Set(input.addressIds)] : null;
  const officesOf = (u: KnownUnit): string[] | null => {
    if (offices === null) return null;
    const mine = offices.filter((a) => (u.addressIds ?? []).includes(a)).sort();
    return mine.length > 0 ? mine : null;
  };
  if (offices !== null) {
    const stray = offices.filter((a) => !units.some((u) => (u.addressIds ?? []).includes(a)));
    if (stray.length > 0) throw new ValidationError(`${p}addressIds`, `The office ${stray.join(', ')} is not an office of a chosen performing unit.`, 'OFFICE_NOT_OF_UNIT');
  }
  const withOffices = (g: { unitId: string; schoolFormCodes: string[] | null }, u: KnownUnit) => {
    const a = officesOf(u);
    return a ? { ...g, addressIds: a } : g;
  };

  const forms = input.schoolFormCodes && input.schoolFormCodes.length > 0 ? [...new Set(input.schoolFormCodes)] : null;
  if (forms === null) {
    return { roleCodes, orgWide, units: units.map((u) => withOffices({ unitId: u.id, schoolFormCodes: null }, u)) };
  }
  const withForms = units.filter((u) => u.schoolFormCodes.length > 0);
  if (withForms.length === 0) {
    throw new ValidationError(`${p}schoolFormCodes`, 'None of the chosen performing units has school forms.', 'SCHOOL_FORM_NOT_OFFERED');
  }
  const offered = new Set(withForms.flatMap((u) => u.schoolFormCodes));
  const notOffered = forms.filter((f) => !offered.has(f));
  if (notOffered.length > 0) {
    throw new ValidationError(`${p}schoolFormCodes`, `No chosen performing unit offers the school form ${notOffered.join(', ')}.`, 'SCHOOL_FORM_NOT_OFFERED');
  }
  const result: StaffGrant['units'] = [];
  for (const u of units) {
    if (u.schoolFormCodes.length === 0) {
      result.push(withOffices({ unitId: u.id, schoolFormCodes: null }, u));
      continue;
    }
    const mine = forms.filter((f) => u.schoolFormCodes.includes(f)).sort();
    if (mine.length === 0) {
      throw new ValidationError(`${p}schoolFormCodes`, `The performing unit ${u.id} offers none of the chosen school forms.`, 'SCHOOL_FORM_NOT_OFFERED');
    }
    result.push(withOffices({ unitId: u.id, schoolFormCodes: mine }, u));
  }
  return { roleCodes, orgWide, units: result };
}
