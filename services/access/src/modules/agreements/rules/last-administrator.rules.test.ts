import { ValidationError } from '@behorig/kit/errors';
import { ConflictRuleError } from '../../rule-errors';
import {
  ACTIVATION_DAYS,
  activateBy,
  adminCountWarning,
  applyAdministratorChanges,
  effectiveAgreementStatus,
  firstDateWithoutAdministrator,
  isActivationOverdue,
  nextAgreementStatus,
  wouldLeaveNoAdministrator,
  type AdministratorChange,
  type AdministratorPeriod,
  type AgreementEvent,
  type AgreementStatus,
} from './last-administrator.rules';
import { validatePeriod } from '../../memberships/rules/authorisation-period.rules';
import { STARTING_ADMINISTRATOR_ROLE, catalogueRolesByCode } from '../../roles/rules/role-catalogue.data';
import { thrown } from '../../../../test/support/thrown';

const TODAY = '2026-11-22';
const arvid: AdministratorPeriod = { personId: 'arvid', validFrom: '2026-01-10', validTo: null };
const beda: AdministratorPeriod = { personId: 'beda', validFrom: '2026-05-01', validTo: null };

describe('R-AGR-3 at least one permission administrator', () => {
  it.each([
    ['the only administrator is removed', [arvid], { kind: 'REMOVE', personId: 'arvid' }, true],
    ['one of two administrators is removed', [arvid, beda], { kind: 'REMOVE', personId: 'beda' }, false],
    ['two administrators remove each other in one snapshot', [arvid, beda], [{ kind: 'REMOVE', personId: 'arvid' }, { kind: 'REMOVE', personId: 'beda' }], true],
    ['the only administrator is ended on a future date', [arvid], { kind: 'END', personId: 'arvid', validTo: '2027-03-31' }, true],
    ['the only administrator is ended while another one is added', [arvid], [{ kind: 'ADD', personId: 'beda', validFrom: TODAY, validTo: null }, { kind: 'REMOVE', personId: 'arvid' }], false],
    ['a successor starts the day after the old one ends', [arvid], [{ kind: 'END', personId: 'arvid', validTo: '2026-12-31' }, { kind: 'ADD', personId: 'beda', validFrom: '2027-01-01', validTo: null }], false],
    ['a successor starts two days after the old one ends', [arvid], [{ kind: 'END', personId: 'arvid', validTo: '2026-12-31' }, { kind: 'ADD', personId: 'beda', validFrom: '2027-01-02', validTo: null }], true],
    ['a non-administrator is removed from an organisation that has none yet', [], { kind: 'REMOVE', personId: 'someone' }, false],
    ['someone who is not an administrator is removed', [arvid], { kind: 'REMOVE', personId: 'laban' }, false],
    ['an administrator who starts later is removed while the current one stays', [arvid, { personId: 'c', validFrom: '2027-01-01', validTo: null }], { kind: 'REMOVE', personId: 'c' }, false],
  ] as [string, AdministratorPeriod[], AdministratorChange | AdministratorChange[], boolean][])(
    'R-AGR-3: %s → refused: %s',
    (_what, admins, change, refused) => {
      expect(wouldLeaveNoAdministrator(admins, change, TODAY)).toBe(refused);
    },
  );

  it('R-AGR-3: a change that does not make an existing gap worse is not refused', () => {
    const ending: AdministratorPeriod = { personId: 'x', validFrom: '2026-01-01', validTo: '2027-06-30' };
    expect(wouldLeaveNoAdministrator([ending], { kind: 'ADD', personId: 'y', validFrom: '2026-01-01', validTo: '2026-12-31' }, TODAY)).toBe(false);
    expect(wouldLeaveNoAdministrator([ending], { kind: 'END', personId: 'x', validTo: '2027-01-31' }, TODAY)).toBe(true);
  });

  it.each([
    [[arvid], null],
    [[], TODAY],
    [[{ personId: 'a', validFrom: '2026-01-01', validTo: '2026-12-31' }], '2027-01-01'],
    [[{ personId: 'a', validFrom: '2026-01-01', validTo: '2026-12-31' }, { personId: 'b', validFrom: '2027-01-01', validTo: '2028-02-28' }], '2028-02-29'],
    [[{ personId: 'a', validFrom: '2026-01-01', validTo: '2026-12-31' }, { personId: 'b', validFrom: '2026-06-01', validTo: null }], null],
    [[{ personId: 'a', validFrom: '2026-12-01', validTo: null }], TODAY],
    [[{ personId: 'a', validFrom: '2020-01-01', validTo: '2026-11-21' }], TODAY],
  ] as [AdministratorPeriod[], string | null][])('R-AGR-3: the first day without an administrator for %j is %s', (admins, first) => {
    expect(firstDateWithoutAdministrator(admins, TODAY)).toBe(first);
  });

  it('R-AGR-3: an END keeps an earlier end date', () => {
    const ending: AdministratorPeriod = { personId: 'x', validFrom: '2026-01-01', validTo: '2026-12-01' };
    expect(applyAdministratorChanges([ending], { kind: 'END', personId: 'x', validTo: '2027-01-31' })).toEqual([ending]);
  });
});

describe('R-AGR-1/2 the agreement', () => {
  it('R-AGR-1: the agreement\'s starting administrator gets PERMISSION_ADMIN, org-wide, with no end date', () => {
    const role = catalogueRolesByCode.get(STARTING_ADMINISTRATOR_ROLE);
    expect(role).toMatchObject({ code: 'PERMISSION_ADMIN', orgWideOnly: true, isPermissionAdmin: true });
    expect(() => validatePeriod({ validFrom: TODAY, validTo: null, roles: [role!] }, TODAY)).not.toThrow();
  });

  it.each([
    ['2026-11-22', '2026-12-06'],
    ['2026-12-25', '2027-01-08'],
    ['2028-02-20', '2028-03-05'],
    ['2027-02-20', '2027-03-06'],
    ['2028-02-15', '2028-02-29'],
  ])('R-AGR-2: received %s → activate by %s (14 days)', (received, deadline) => {
    expect(ACTIVATION_DAYS).toBe(14);
    expect(activateBy(received)).toBe(deadline);
  });

  it('R-AGR-2: an impossible receipt date is bad input', () => {
    const e = thrown(() => activateBy('2026-02-29'));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe('input.receivedOn');
  });

  it.each([
    ['RECEIVED', '2026-12-06', false],
    ['RECEIVED', '2026-12-07', true],
    ['ACTIVE', '2027-12-07', false],
  ] as [AgreementStatus, string, boolean][])('R-AGR-2: received 2026-11-22, %s on %s → overdue %s', (status, today, overdue) => {
    expect(isActivationOverdue(status, '2026-11-22', today)).toBe(overdue);
  });

  it.each([
    ['RECEIVED', 'ACTIVATE', 'ACTIVE'],
    ['RECEIVED', 'NEW_AGREEMENT_RECEIVED', 'RECEIVED'],
    ['ACTIVE', 'LAST_ADMINISTRATOR_GONE', 'NEEDS_NEW_ADMINISTRATOR'],
    ['NEEDS_NEW_ADMINISTRATOR', 'NEW_AGREEMENT_RECEIVED', 'RECEIVED'],
    ['NEEDS_NEW_ADMINISTRATOR', 'ACTIVATE', 'ACTIVE'],
  ] as [AgreementStatus, AgreementEvent, AgreementStatus][])('R-AGR-2: %s + %s → %s', (from, event, to) => {
    expect(nextAgreementStatus(from, event)).toBe(to);
  });

  it.each([
    ['RECEIVED', 'LAST_ADMINISTRATOR_GONE', 'R-AGR-3'],
    ['ACTIVE', 'ACTIVATE', 'R-AGR-2'],
    ['ACTIVE', 'NEW_AGREEMENT_RECEIVED', 'R-AGR-2'],
    ['NEEDS_NEW_ADMINISTRATOR', 'LAST_ADMINISTRATOR_GONE', 'R-AGR-3'],
  ] as [AgreementStatus, AgreementEvent, string][])('R-AGR-2: %s + %s is a conflict (%s)', (from, event, rule) => {
    const e = thrown(() => nextAgreementStatus(from, event));
    expect(e).toBeInstanceOf(ConflictRuleError);
    expect(e.rule).toBe(rule);
    expect(e.code).toBe('CONFLICT');
  });

  it('R-AGR-3: an ACTIVE agreement reads as NEEDS_NEW_ADMINISTRATOR once the last administrator\'s period has ended', () => {
    const ended: AdministratorPeriod = { personId: 'x', validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(effectiveAgreementStatus('ACTIVE', [ended], '2026-12-31')).toBe('ACTIVE');
    expect(effectiveAgreementStatus('ACTIVE', [ended], '2027-01-01')).toBe('NEEDS_NEW_ADMINISTRATOR');
    expect(effectiveAgreementStatus('RECEIVED', [], '2027-01-01')).toBe('RECEIVED');
  });
});

describe('R-AGR-4 keep the number of administrators small', () => {
  it.each([
    [1, 3, null],
    [3, 3, null],
    [4, 3, /4 permission administrators.*more than 3/],
    [2, 1, /2 permission administrators.*more than 1/],
    [5, 5, null],
  ] as [number, number, RegExp | null][])('R-AGR-4: %i administrators with threshold %i → %s', (count, threshold, warning) => {
    const result = adminCountWarning(count, threshold);
    if (warning === null) expect(result).toBeNull();
    else expect(result).toMatch(warning);
  });

  it('R-AGR-4: the default threshold is 3', () => {
    expect(adminCountWarning(3)).toBeNull();
    expect(adminCountWarning(4)).not.toBeNull();
  });
});
