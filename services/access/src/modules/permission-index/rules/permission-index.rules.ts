import type { PermissionScope } from '../../scopes/rules/membership.rules';

/**
 * Pure rules over the permission index's answers (R-SCOPE-1…3). No SQL, no GraphQL.
 *
 * A decision's `reason` is one stable code (below); the role and the period that decided it travel
 * beside it (`roleCode`, `validFrom`, `validTo`), and the organisation as an entity reference — so
 * a check builds no text from another service's data.
 */
export const DECISION_REASONS = [
  'GRANTED', // a role of the person grants it there on the day (role and period given)
  'AUTHORITY', // the authority may do everything
  'PARTNER_CLIENT_GRANTED', // a partner client's credentials name the function in its own organisation
  'PARTNER_CLIENT_OTHER_ORGANISATION',
  'PARTNER_CLIENT_WITHOUT_FUNCTION',
  'SERVICE_ACTS_FOR_NO_ORGANISATION',
  'NOT_A_MEMBER', // no membership in that organisation
  'NO_ROLE_GRANTS', // no role of the person there grants the function at that level
  'UNIT_NOT_COVERED', // roles grant it, but not at that unit (R-USR-2)
  'OFFICE_NOT_COVERED', // the person's unit there is limited to other offices (R-USR-2 level two)
  'PERIOD_NOT_STARTED', // the covering role's period starts later (R-PERIOD-1; role and period given)
  'PERIOD_ENDED', // the covering role's period ended (R-PERIOD-1, R-END-1; role and period given)
  'UNIT_OF_OTHER_ORGANISATION', // the unit is not a unit of that organisation
  'OFFICE_OF_OTHER_ORGANISATION', // the office is not a current office of that organisation
  'OFFICE_OF_OTHER_UNIT', // the office is not an office of the unit asked about
  'UNIT_CLOSED', // the unit (or the office's unit) is closed: nobody may act there (R-SCOPE-4)
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface IndexedDecision {
  allowed: boolean;
  reason: DecisionReason;
  organisationId: string;
  roleCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** What findCheckRow reads (the store's row, restated so the rule depends on no store). */
export interface CheckFacts {
  /** The place refuses by itself (a unit of another organisation, a closed unit, an office not of it), from the unit facts. */
  placeRefusal: 'UNIT_OF_OTHER_ORGANISATION' | 'UNIT_CLOSED' | 'OFFICE_OF_OTHER_ORGANISATION' | 'OFFICE_OF_OTHER_UNIT' | null;
  member: boolean;
  granted: boolean;
  unitCovered: boolean;
  roleCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  state: 0 | 1 | 2 | null;
}

/**
 * R-SCOPE-2: the decision from one check row. Precedence when refused: the place itself (R-ORG-3,
 * R-SCOPE-4 closed units, R-USR-2 offices), not a member, no role grants it, not at that unit, not at
 * that office, then the best covering grant's period (not started, ended).
 */
export function decisionFromFacts(organisationId: string, f: CheckFacts): IndexedDecision {
  const refused = (reason: DecisionReason): IndexedDecision => ({ allowed: false, reason, organisationId, roleCode: null, validFrom: null, validTo: null });
  if (f.placeRefusal) return refused(f.placeRefusal);
  if (!f.member) return refused('NOT_A_MEMBER');
  if (!f.granted) return refused('NO_ROLE_GRANTS');
  if (f.state === null) return refused(f.unitCovered ? 'OFFICE_NOT_COVERED' : 'UNIT_NOT_COVERED');
  const reason: DecisionReason = f.state === 0 ? 'GRANTED' : f.state === 1 ? 'PERIOD_NOT_STARTED' : 'PERIOD_ENDED';
  return { allowed: f.state === 0, reason, organisationId, roleCode: f.roleCode, validFrom: f.validFrom, validTo: f.validTo };
}

/** One role assignment's grant rows active on a day (what findScopeRows reads). */
export interface ScopeFacts {
  organisationId: string;
  roleCode: string;
  validFrom: string;
  validTo: string | null;
  orgWide: boolean;
  /** [unit, office or null = every office]. */
  places: readonly (readonly [string, string | null])[];
}

/**
 * R-SCOPE-1: one scope per active role assignment. Unit-scoped roles list the person's units there
 * (sorted), and per unit the offices it is limited to, unless some grant covers all of its offices.
 */
export function scopesFromFacts(rows: readonly ScopeFacts[]): PermissionScope[] {
  return rows.map((r) => {
    if (r.orgWide) return { organisationId: r.organisationId, orgWide: true, unitIds: [], roleCode: r.roleCode, validFrom: r.validFrom, validTo: r.validTo };
    const offices = new Map<string, Set<string> | null>();
    for (const [unit, office] of r.places) {
      const prev = offices.get(unit);
      if (office === null || prev === null) offices.set(unit, null);
      else offices.set(unit, new Set([...(prev ?? []), office]));
    }
    const unitAddressIds: Record<string, string[]> = {};
    for (const [unit, set] of offices) if (set) unitAddressIds[unit] = [...set].sort();
    return {
      organisationId: r.organisationId,
      orgWide: false,
      unitIds: [...offices.keys()].sort(),
      ...(Object.keys(unitAddressIds).length > 0 ? { unitAddressIds } : {}),
      roleCode: r.roleCode,
      validFrom: r.validFrom,
      validTo: r.validTo,
    };
  });
}
