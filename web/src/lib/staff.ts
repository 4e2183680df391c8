/** Pure helpers of the staff screens (R-END-3's "Alla" rule, the edit dialog's starting values). The server sorts the list. */

/**
 * R-END-3: "Alla" school forms is offered only when the actor may act on every school form the
 * staff member is employed in. `null` in the actor's list means "all school forms".
 */
export function mayChooseAllSchoolForms(actorForms: (string | null)[], targetForms: (string | null)[], actorOrgWide = false): boolean {
  if (actorOrgWide || actorForms.includes(null)) return true;
  return targetForms.every((f) => f !== null && actorForms.includes(f));
}

/** The parts of a membership the edit dialog starts from. */
export interface MembershipForForm {
  email?: string | null;
  employments: { unit: { id: string }; addressIds?: readonly string[] | null }[];
  roles: { validFrom: string; validTo?: string | null; role: { code: string } }[];
}

/**
 * The edit dialog's starting values for a staff member. `renew` gives an ended person a new
 * period: the same roles and units from today with no end date chosen yet; it lands in changes to
 * sign, since a new period gives access (R-SIGN-8).
 */
export function staffFormFrom(person: { givenName: string; surname: string; email?: string | null }, m: MembershipForForm | undefined, today: string, renew = false) {
  const roles = m?.roles ?? [];
  const froms = roles.map((r) => r.validFrom).sort();
  const tos = roles.map((r) => r.validTo ?? null);
  const validTo = tos.includes(null) || tos.length === 0 ? '' : [...(tos as string[])].sort().at(-1)!;
  return {
    givenName: person.givenName,
    surname: person.surname,
    email: m?.email ?? person.email ?? '',
    roleCodes: [...new Set(roles.map((r) => r.role.code))],
    unitIds: [...new Set(m?.employments.map((e) => e.unit.id) ?? [])],
    addressIds: [...new Set(m?.employments.flatMap((e) => e.addressIds ?? []) ?? [])],
    validFrom: renew ? today : (froms[0] ?? today),
    validTo: renew ? '' : validTo,
  };
}
