/** Pure helpers of the staff screens (sorting, R-END-3's "Alla" rule). */

export type SortKey = 'name' | 'birthDate' | 'email' | 'role' | 'validFrom' | 'validTo';
export interface StaffRow {
  id: string;
  name: string;
  birthDate: string;
  email: string;
  role: string;
  validFrom: string;
  /** '' = no end date (sorts last ascending). */
  validTo: string;
}

export function sortRows(rows: StaffRow[], key: SortKey, dir: 'asc' | 'desc'): StaffRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [a[key], b[key]];
    if (key === 'validTo' && x !== y && (!x || !y)) return (x ? -1 : 1) * sign;
    return x.localeCompare(y, 'sv') * sign || a.name.localeCompare(b.name, 'sv');
  });
}

/**
 * R-END-3: "Alla" school forms is offered only when the actor may act on every school form the
 * staff member is employed in. `null` in the actor's list means "all school forms".
 */
export function mayChooseAllSchoolForms(actorForms: (string | null)[], targetForms: (string | null)[], actorOrgWide = false): boolean {
  if (actorOrgWide || actorForms.includes(null)) return true;
  return targetForms.every((f) => f !== null && actorForms.includes(f));
}
