import { ValidationError } from '@behorig/kit/errors';
import {
  describeIneligible,
  endDateGivesAccess,
  splitPeriodChange,
  isActiveOn,
  latestEndDate,
  periodStateOn,
  planPeriodChange,
  validatePeriod,
  type PeriodChangePerson,
} from './authorisation-period.rules';
import { thrown } from '../../../../test/support/thrown';

const TODAY = '2026-11-22';
const service = { code: 'SERVICE_ADMIN', name: 'Tjänsteadministratör', isPermissionAdmin: false };
const admin = { code: 'PERMISSION_ADMIN', name: 'Behörighetsadministratör', isPermissionAdmin: true };

describe('R-PERIOD-1 validity on a date', () => {
  it.each([
    ['2026-11-23', '2027-12-31', '2026-11-23', true, 'the start date itself'],
    ['2026-11-23', '2027-12-31', '2026-11-22', false, 'the day before the start'],
    ['2026-11-23', '2027-12-31', '2027-12-31', true, 'the end date itself (inclusive)'],
    ['2026-11-23', '2027-12-31', '2028-01-01', false, 'the day after the end'],
    ['2026-11-23', null, '2099-06-30', true, 'no end date'],
    ['2028-02-29', '2028-02-29', '2028-02-29', true, 'a one-day period on Feb 29 2028'],
    ['2028-02-01', '2028-02-29', '2028-03-01', false, 'the day after Feb 29 2028'],
    ['2027-01-01', '2028-02-28', '2028-02-29', false, 'Feb 29 2028 after an end on Feb 28'],
    ['2026-12-31', '2027-01-01', '2027-01-01', true, 'across the year end'],
  ] as [string, string | null, string, boolean, string][])('R-PERIOD-1: %s – %s on %s → %s (%s)', (validFrom, validTo, on, active) => {
    expect(isActiveOn({ validFrom, validTo }, on)).toBe(active);
  });

  it('R-PERIOD-1: tells not started / active / ended apart', () => {
    const p = { validFrom: '2027-01-01', validTo: '2027-06-30' };
    expect(periodStateOn(p, '2026-12-31')).toBe('NOT_STARTED');
    expect(periodStateOn(p, '2027-03-01')).toBe('ACTIVE');
    expect(periodStateOn(p, '2027-07-01')).toBe('ENDED');
  });

  it('R-PERIOD-1: refuses to answer for an impossible date (2027-02-29)', () => {
    expect(() => isActiveOn({ validFrom: '2027-01-01', validTo: null }, '2027-02-29')).toThrow(TypeError);
  });

  it('R-PERIOD-5: access ends by itself — the same stored period is active on its last day and not the next, nothing rewritten', () => {
    const stored = Object.freeze({ validFrom: '2026-11-23', validTo: '2027-12-31' });
    expect(isActiveOn(stored, '2027-12-31')).toBe(true);
    expect(isActiveOn(stored, '2028-01-01')).toBe(false);
  });
});

describe('R-PERIOD-2 latest end date', () => {
  it.each([
    ['2026-11-22', '2027-12-31'],
    ['2026-01-01', '2027-12-31'],
    ['2026-12-31', '2027-12-31'],
    ['2027-01-01', '2028-12-31'],
    ['2028-02-29', '2029-12-31'],
  ])('R-PERIOD-2: on %s the latest end date is %s (end of next calendar year)', (today, latest) => {
    expect(latestEndDate(today)).toBe(latest);
  });
});

describe('validatePeriod', () => {
  it.each([
    ['the latest allowed end date', { validFrom: '2026-11-23', validTo: '2027-12-31', roles: [service] }],
    ['no end date', { validFrom: '2026-11-23', validTo: null, roles: [service] }],
    ['an omitted end date', { validFrom: '2026-11-23', validTo: undefined, roles: [service] }],
    ['a one-day period', { validFrom: '2026-11-23', validTo: '2026-11-23', roles: [service] }],
    ['a start in the past', { validFrom: '2020-01-01', validTo: '2026-12-31', roles: [service] }],
    ['a permission administrator without end date', { validFrom: '2026-11-23', validTo: null, roles: [admin, service] }],
  ])('R-PERIOD-1: accepts %s', (_what, input) => {
    expect(() => validatePeriod(input, TODAY)).not.toThrow();
  });

  it('R-PERIOD-2: accepts an end on Feb 29 2028 when next year is 2028', () => {
    expect(() => validatePeriod({ validFrom: '2027-03-01', validTo: '2028-02-29', roles: [service] }, '2027-03-01')).not.toThrow();
  });

  it.each([
    ['2026-02-30', null, 'input.validFrom', /start date must be a calendar date/],
    ['tomorrow', null, 'input.validFrom', /start date/],
    ['2026-11-23', '2027-02-29', 'input.validTo', /end date must be a calendar date/],
    ['2026-11-23', '2026-11-22', 'input.validTo', /before the start date 2026-11-23/],
    ['2026-11-23', '2028-01-01', 'input.validTo', /^The end date may be at the latest 2027-12-31/],
  ] as [string, string | null, string, RegExp][])('R-PERIOD-1/2: rejects %s – %s on the field %s', (validFrom, validTo, field, message) => {
    const e = thrown(() => validatePeriod({ validFrom, validTo, roles: [service] }, TODAY));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('R-PERIOD-2: rejects an end date after next year-end (an end date in two years, 2028-11-22)', () => {
    const e = thrown(() => validatePeriod({ validFrom: '2026-11-23', validTo: '2028-11-22', roles: [service] }, TODAY, 'input'));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ field: 'input.validTo', message: 'The end date may be at the latest 2027-12-31.' });
  });

  it('R-PERIOD-2: the limit moves with the injected today', () => {
    expect(() => validatePeriod({ validFrom: '2027-01-01', validTo: '2028-12-31', roles: [service] }, '2027-01-01')).not.toThrow();
    expect(() => validatePeriod({ validFrom: '2026-12-31', validTo: '2028-12-31', roles: [service] }, '2026-12-31')).toThrow(/2027-12-31/);
  });

  it('R-PERIOD-3: rejects an end date on a permission administrator, naming the field', () => {
    const e = thrown(() => validatePeriod({ validFrom: '2026-11-23', validTo: '2027-06-30', roles: [service, admin] }, TODAY, 'input'));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe('input.validTo');
    expect(e.message).toMatch(/permission administrator cannot have an end date.*Behörighetsadministratör/);
  });

  it('R-PERIOD-3: applies to every role flagged isPermissionAdmin, with a custom field prefix', () => {
    const e = thrown(() =>
      validatePeriod({ validFrom: '2026-11-23', validTo: '2027-06-30', roles: [{ isPermissionAdmin: true }] }, TODAY, 'input.staff'),
    );
    expect(e.field).toBe('input.staff.validTo');
  });
});

describe('R-PERIOD-4 change authorisation period', () => {
  const laban: PeriodChangePerson = {
    id: 'p-laban',
    name: 'Laban Maier',
    roles: [{ id: 'a1', roleCode: 'READER', isPermissionAdmin: false, validFrom: '2026-03-11', validTo: '2027-12-31' }],
  };
  const viking: PeriodChangePerson = {
    id: 'p-viking',
    name: 'Viking Evertsson',
    roles: [
      { id: 'a2', roleCode: 'SERVICE_ADMIN', isPermissionAdmin: false, validFrom: '2026-05-12', validTo: null },
      { id: 'a3', roleCode: 'REGISTRAR', isPermissionAdmin: false, validFrom: '2026-05-12', validTo: '2026-12-31' },
    ],
  };
  const fridolf: PeriodChangePerson = {
    id: 'p-fridolf',
    name: 'Fridolf Halldin',
    roles: [{ id: 'a4', roleCode: 'PERMISSION_ADMIN', isPermissionAdmin: true, validFrom: '2026-05-16', validTo: null }],
  };
  const karina: PeriodChangePerson = {
    id: 'p-karina',
    name: 'Karina Asp',
    roles: [{ id: 'a5', roleCode: 'READER', isPermissionAdmin: false, validFrom: '2027-08-01', validTo: null }],
  };

  it('R-PERIOD-4: changes every ticked user together, every assignment to the new end date', () => {
    const plan = planPeriodChange([laban, viking], '2027-06-25', TODAY);
    expect(plan).toEqual({
      ok: true,
      validTo: '2027-06-25',
      changes: [
        { personId: 'p-laban', assignments: [{ id: 'a1', roleCode: 'READER', validFrom: '2026-03-11', previousValidTo: '2027-12-31', validTo: '2027-06-25' }] },
        {
          personId: 'p-viking',
          assignments: [
            { id: 'a2', roleCode: 'SERVICE_ADMIN', validFrom: '2026-05-12', previousValidTo: null, validTo: '2027-06-25' },
            { id: 'a3', roleCode: 'REGISTRAR', validFrom: '2026-05-12', previousValidTo: '2026-12-31', validTo: '2027-06-25' },
          ],
        },
      ],
    });
  });

  it('R-PERIOD-4: all or nothing — one ineligible user stops the whole change, and every ineligible user is named', () => {
    const plan = planPeriodChange([laban, fridolf, viking, karina], '2027-06-25', TODAY);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.ineligible.map((i) => i.name)).toEqual(['Fridolf Halldin', 'Karina Asp']);
    expect(plan.ineligible[0]).toMatchObject({ personId: 'p-fridolf', reason: expect.stringMatching(/permission administrator/) });
    expect(plan.ineligible[1].reason).toMatch(/starting 2027-08-01, after the new end date 2027-06-25/);
    expect(describeIneligible(plan.ineligible)).toMatch(/No end date was changed.*Fridolf Halldin \(.*\), Karina Asp \(/);
    expect(plan).not.toHaveProperty('changes');
  });

  it('R-PERIOD-3: a permission administrator can never get an end date through the period change', () => {
    const plan = planPeriodChange([fridolf], '2026-12-31', TODAY);
    expect(plan).toEqual({ ok: false, ineligible: [{ personId: 'p-fridolf', name: 'Fridolf Halldin', reason: expect.stringContaining('R-PERIOD-3') }] });
  });

  it('R-PERIOD-4: a user without any role is ineligible', () => {
    const plan = planPeriodChange([{ id: 'p-x', name: 'Agda Andersson', roles: [] }], '2027-01-31', TODAY);
    expect(plan).toMatchObject({ ok: false, ineligible: [{ name: 'Agda Andersson', reason: 'has no role in the organisation' }] });
  });

  it('R-PERIOD-4: a user ticked twice counts once', () => {
    const plan = planPeriodChange([laban, laban], '2027-01-31', TODAY);
    expect(plan.ok && plan.changes).toHaveLength(1);
  });

  it.each([
    ['2028-01-01', 'validTo', /at the latest 2027-12-31/],
    ['2027-02-29', 'validTo', /calendar date/],
    ['2026-11-21', 'validTo', /cannot be in the past/],
  ])('R-PERIOD-2: the new end date %s is refused for everybody (field %s)', (date, field, message) => {
    const e = thrown(() => planPeriodChange([laban], date, TODAY));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('R-PERIOD-4: today itself and the next year-end are allowed end dates; Feb 29 2028 when next year is 2028', () => {
    expect(planPeriodChange([laban], TODAY, TODAY).ok).toBe(true);
    expect(planPeriodChange([laban], '2027-12-31', TODAY).ok).toBe(true);
    expect(planPeriodChange([laban], '2028-02-29', '2027-05-01').ok).toBe(true);
  });

  it('R-PERIOD-4: at least one user must be ticked', () => {
    const e = thrown(() => planPeriodChange([], '2027-01-31', TODAY));
    expect(e).toMatchObject({ field: 'personIds' });
  });
});

describe('R-SIGN-8 what gives access waits for a signature', () => {
  it.each([
    ['2027-01-01', '2027-06-30', true],
    ['2027-01-01', null, true],
    ['2027-06-30', '2027-01-01', false],
    ['2027-01-01', '2027-01-01', false],
    [null, '2027-01-01', false],
    [null, null, false],
  ] as [string | null, string | null, boolean][])('R-SIGN-8: end date %s → %s gives access: %s', (before, after, gives) => {
    expect(endDateGivesAccess(before, after)).toBe(gives);
  });

  it('R-SIGN-8: a period change splits into earlier end dates (at once) and later ones (to sign), per person', () => {
    const plan = planPeriodChange([
      { id: 'a', name: 'A', roles: [{ id: 'a1', roleCode: 'READER', isPermissionAdmin: false, validFrom: '2026-01-01', validTo: '2026-12-31' }] },
      { id: 'b', name: 'B', roles: [{ id: 'b1', roleCode: 'READER', isPermissionAdmin: false, validFrom: '2026-01-01', validTo: null }] },
      { id: 'c', name: 'C', roles: [
        { id: 'c1', roleCode: 'READER', isPermissionAdmin: false, validFrom: '2026-01-01', validTo: null },
        { id: 'c2', roleCode: 'REGISTRAR', isPermissionAdmin: false, validFrom: '2026-01-01', validTo: '2026-12-01' },
      ] },
      { id: 'd', name: 'D', roles: [{ id: 'd1', roleCode: 'READER', isPermissionAdmin: false, validFrom: '2026-01-01', validTo: '2027-03-01' }] },
    ], '2027-03-01', '2026-11-28');
    if (!plan.ok) throw new Error('plan refused');
    const { atOnce, toSign } = splitPeriodChange(plan.changes);
    expect(toSign.map((c) => [c.personId, c.assignments.map((a) => a.id)])).toEqual([['a', ['a1']], ['c', ['c2']]]);
    expect(atOnce.map((c) => [c.personId, c.assignments.map((a) => a.id)])).toEqual([['b', ['b1']], ['c', ['c1']]]);
  });
});
