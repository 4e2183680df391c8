import { ValidationError } from '@behorig/kit/errors';
import { isValidIsoDate } from '@behorig/kit/dates';
import { ForbiddenRuleError } from '../../rule-errors';

/**
 * Ending a staff member's access, Skolplattformen "Avsluta personal" (R-END-1…5). Pure: the actor's
 * permissions, the person's employments and today all come in as arguments.
 */

export interface EmploymentAssignment {
  id?: string;
  roleCode: string;
  validFrom: string;
  validTo: string | null;
}

/** R-ORG-5: an employment is a (unit, school form) pair; null school form = a unit without school forms. */
export interface Employment {
  unitId: string;
  schoolFormCode: string | null;
  assignments: readonly EmploymentAssignment[];
}

export interface EndEmploymentRequest {
  /** The person's employments in the organisation. */
  employments: readonly Employment[];
  /** The school forms the actor has permission for, or 'ALL'. */
  actorSchoolForms: ReadonlySet<string> | 'ALL';
  /** R-END-5: does the actor hold a responsible role (role.isResponsible) here? */
  actorIsResponsible: boolean;
  /** R-END-2: null = "Alla" (every unit). */
  unitId: string | null;
  /** R-END-3: null = "Alla" (every school form). */
  schoolFormCode: string | null;
  /** R-END-1: the last day of employment; access holds up to and including it. */
  endDate: string;
  today: string;
  /** Field names are `${fieldPrefix}.endDate` etc.; default 'input'. */
  fieldPrefix?: string;
}

export interface PlannedAssignmentEnd {
  id?: string;
  unitId: string;
  schoolFormCode: string | null;
  roleCode: string;
  validFrom: string;
  previousValidTo: string | null;
  /** The new end date (= the plan's end date). */
  validTo: string;
  /**
   * END: the assignment now ends on the end date. CANCEL: it would only start after the end date,
   * so it never takes effect — the caller should delete it rather than store validTo < validFrom.
   */
  action: 'END' | 'CANCEL';
}

export interface EndEmploymentPlan {
  endDate: string;
  unitId: string | null;
  schoolFormCode: string | null;
  /** R-END-4: every assignment that will be ended, sorted by unit, school form, role. */
  assignments: PlannedAssignmentEnd[];
}

const mayHandle = (actor: ReadonlySet<string> | 'ALL', form: string | null) => form === null || actor === 'ALL' || actor.has(form);

/**
 * R-END-3: the school-form choices to offer for the chosen unit (null = all units): every school
 * form the person is employed in there, and whether "Alla" is offered — only when the actor has
 * permission for each of them.
 */
export function schoolFormChoices(
  employments: readonly Employment[],
  actorSchoolForms: ReadonlySet<string> | 'ALL',
  unitId: string | null,
): { schoolFormCodes: string[]; allOffered: boolean; missing: string[] } {
  const selected = employments.filter((e) => unitId === null || e.unitId === unitId);
  const forms = [...new Set(selected.map((e) => e.schoolFormCode).filter((f): f is string => f !== null))].sort();
  const missing = forms.filter((f) => !mayHandle(actorSchoolForms, f));
  return { schoolFormCodes: forms.filter((f) => mayHandle(actorSchoolForms, f)), allOffered: missing.length === 0, missing };
}

/**
 * R-END-1…5: the preview (R-END-4) of ending a person's access; `endEmployment` applies exactly this.
 *
 * - R-END-5: only responsible roles → ForbiddenRuleError('R-END-5').
 * - R-END-1: endDate must be a real date and not before today ("at the latest on the last day").
 * - R-END-2: unitId null = every unit; a unit the person has no employment at → ValidationError.
 * - R-END-3: schoolFormCode null = "Alla", allowed only if the actor has permission for every school
 *   form among the employments it would end (for unitId null: every school form the person is
 *   employed in) → ForbiddenRuleError('R-END-3'); a named school form the actor lacks → the same.
 * - Assignments already ending on or before endDate keep their date and are not listed; if nothing
 *   is left to end → ValidationError.
 */
export function planEndEmployment(req: EndEmploymentRequest): EndEmploymentPlan {
  const p = req.fieldPrefix === undefined ? 'input.' : req.fieldPrefix ? `${req.fieldPrefix}.` : '';
  if (!req.actorIsResponsible) {
    throw new ForbiddenRuleError(
      'R-END-5',
      'Only the responsible roles (Vux Extern Anordnare Ansvarig Sthlm, Vux Intern Anordnare Ansvarig Sthlm) may end staff.',
      'RESPONSIBLE_ROLE_REQUIRED',
    );
  }
  if (!isValidIsoDate(req.today)) throw new TypeError(`today must be a calendar date, got ${JSON.stringify(req.today)}`);
  if (typeof req.endDate !== 'string' || !isValidIsoDate(req.endDate)) {
    throw new ValidationError(`${p}endDate`, 'The end date must be a calendar date YYYY-MM-DD.', 'INVALID_DATE');
  }
  if (req.endDate < req.today) {
    throw new ValidationError(
      `${p}endDate`,
      `The end date is the last day of employment and must be entered at the latest on that day; ${req.endDate} is in the past (today is ${req.today}).`,
      'END_DATE_IN_PAST',
    );
  }
  let selected = req.employments.filter((e) => req.unitId === null || e.unitId === req.unitId);
  if (selected.length === 0) {
    throw new ValidationError(
      `${p}unitId`,
      req.unitId === null ? 'The person has no employment to end.' : `The person has no employment at the unit ${req.unitId}.`,
      'NO_SUCH_EMPLOYMENT',
    );
  }
  if (req.schoolFormCode === null) {
    const { allOffered, missing } = schoolFormChoices(selected, req.actorSchoolForms, null);
    if (!allOffered) {
      throw new ForbiddenRuleError(
        'R-END-3',
        `"All" school forms is only possible with permission for every school form the person is employed in; you lack ${missing.join(', ')}.`,
        'SCHOOL_FORM_NOT_PERMITTED',
      );
    }
  } else {
    if (!mayHandle(req.actorSchoolForms, req.schoolFormCode)) {
      throw new ForbiddenRuleError('R-END-3', `You have no permission for the school form ${req.schoolFormCode}.`, 'SCHOOL_FORM_NOT_PERMITTED');
    }
    selected = selected.filter((e) => e.schoolFormCode === req.schoolFormCode);
    if (selected.length === 0) {
      throw new ValidationError(`${p}schoolFormCode`, `The person has no employment in the school form ${req.schoolFormCode} there.`, 'NO_SUCH_EMPLOYMENT');
    }
  }
  const assignments: PlannedAssignmentEnd[] = [];
  for (const e of selected) {
    for (const a of e.assignments) {
      if (a.validTo !== null && a.validTo <= req.endDate) continue;
      assignments.push({
        ...(a.id !== undefined ? { id: a.id } : {}),
        unitId: e.unitId,
        schoolFormCode: e.schoolFormCode,
        roleCode: a.roleCode,
        validFrom: a.validFrom,
        previousValidTo: a.validTo,
        validTo: req.endDate,
        action: a.validFrom > req.endDate ? 'CANCEL' : 'END',
      });
    }
  }
  if (assignments.length === 0) {
    throw new ValidationError(`${p}endDate`, `Nothing to end: every chosen assignment already ends on or before ${req.endDate}.`, 'NOTHING_TO_END');
  }
  const key = (x: PlannedAssignmentEnd) => [x.unitId, x.schoolFormCode ?? '', x.roleCode, x.validFrom];
  assignments.sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  });
  return { endDate: req.endDate, unitId: req.unitId, schoolFormCode: req.schoolFormCode, assignments };
}
