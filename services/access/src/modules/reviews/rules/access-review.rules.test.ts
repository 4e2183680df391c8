import { ValidationError } from '@behorig/kit/errors';
import { isReviewDue, itemsToEndAtDeadline, periodsEndedAtDeadline, reviewedChange, validateDeadline, validateDecisions, type ReviewItemFacts } from './access-review.rules';

const TODAY = '2026-11-28';
const item = (over: Partial<ReviewItemFacts> = {}): ReviewItemFacts => ({
  id: 'i1', reviewId: 'r1', personId: 'p1', roleCode: 'SERVICE_ADMIN', validFrom: '2026-01-01', validTo: '2027-12-31',
  isPermissionAdmin: false, decision: null, endDate: null, ...over,
});
const reasonOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof ValidationError ? `${e.field}:${e.reason}` : String(e);
  }
  return undefined;
};

describe('R-REV-1 access reviews', () => {
  it('R-REV-1: the deadline is today or later and within R-PERIOD-2', () => {
    expect(reasonOf(() => validateDeadline('2026-11-28', TODAY))).toBeUndefined();
    expect(reasonOf(() => validateDeadline('2026-11-27', TODAY))).toBe('input.deadline:REVIEW_DEADLINE_PASSED');
    expect(reasonOf(() => validateDeadline('2028-01-01', TODAY))).toBe('input.deadline:REVIEW_DEADLINE_TOO_LATE');
    expect(reasonOf(() => validateDeadline('2026-02-30', TODAY))).toBe('input.deadline:INVALID_DATE');
  });

  it('R-REV-1: END needs an end date; an item of another review is refused; one item once', () => {
    const items = new Map([['i1', item()], ['i2', item({ id: 'i2', reviewId: 'other' })]]);
    expect(reasonOf(() => validateDecisions('r1', [{ itemId: 'i1', decision: 'END' }], items, TODAY))).toBe('decisions[0].endDate:REVIEW_END_DATE_REQUIRED');
    expect(reasonOf(() => validateDecisions('r1', [{ itemId: 'i2', decision: 'KEEP' }], items, TODAY))).toBe('decisions[0].itemId:REVIEW_ITEM_NOT_IN_REVIEW');
    expect(reasonOf(() => validateDecisions('r1', [{ itemId: 'nope', decision: 'KEEP' }], items, TODAY))).toBe('decisions[0].itemId:REVIEW_ITEM_NOT_IN_REVIEW');
    expect(reasonOf(() => validateDecisions('r1', [{ itemId: 'i1', decision: 'KEEP' }, { itemId: 'i1', decision: 'KEEP' }], items, TODAY))).toBe('decisions[1].itemId:REVIEW_ITEM_TWICE');
    expect(reasonOf(() => validateDecisions('r1', [], items, TODAY))).toBe('decisions:REVIEW_NO_DECISIONS');
    expect(reasonOf(() => validateDecisions('r1', [{ itemId: 'i1', decision: 'KEEP' }], items, TODAY))).toBeUndefined();
  });

  it('R-REV-1 with R-PERIOD-1/2: an END date is not in the past, not before the start, not after next year-end', () => {
    const items = new Map([['i1', item({ validFrom: '2026-12-15' })]]);
    const end = (endDate: string) => reasonOf(() => validateDecisions('r1', [{ itemId: 'i1', decision: 'END', endDate }], items, TODAY));
    expect(end('2026-11-27')).toBe('decisions[0].endDate:REVIEW_END_DATE_PASSED');
    expect(end('2026-12-01')).toBe('decisions[0].endDate:REVIEW_END_BEFORE_START');
    expect(end('2028-01-01')).toBe('decisions[0].endDate:REVIEW_END_DATE_TOO_LATE');
    expect(end('2027-12-31')).toBeUndefined();
  });

  it('R-REV-1: KEEP and undecided change nothing; END ends that role on its date and keeps the others exactly', () => {
    expect(reviewedChange([item({ decision: 'KEEP' }), item({ id: 'i2', roleCode: 'READER' })])).toEqual({ kind: 'NONE' });
    const change = reviewedChange([
      item({ decision: 'END', endDate: '2027-01-31' }),
      item({ id: 'i2', roleCode: 'READER', validFrom: '2026-03-01', validTo: null, decision: 'KEEP' }),
    ]);
    expect(change).toEqual({
      kind: 'CHANGED', roleCodes: ['READER', 'SERVICE_ADMIN'], validFrom: '2026-01-01', validTo: null,
      rolePeriods: { SERVICE_ADMIN: { validFrom: '2026-01-01', validTo: '2027-01-31' }, READER: { validFrom: '2026-03-01', validTo: null } },
    });
  });

  it('R-REV-1: END never gives more access than the assignment has', () => {
    expect(reviewedChange([item({ validTo: '2027-01-31', decision: 'END', endDate: '2027-06-30' })])).toEqual({ kind: 'NONE' });
  });

  it('R-REV-1 with R-PERIOD-3: ending an administrator role drops the role; nothing left removes the person', () => {
    const admin = item({ roleCode: 'PERMISSION_ADMIN', validTo: null, isPermissionAdmin: true, decision: 'END', endDate: '2026-12-31' });
    expect(reviewedChange([admin])).toEqual({ kind: 'REMOVED' });
    const withReader = reviewedChange([admin, item({ id: 'i2', roleCode: 'READER' })]);
    expect(withReader).toMatchObject({ kind: 'CHANGED', roleCodes: ['READER'] });
  });

  it('R-REV-1: due the day after the deadline; undecided administrators are reported, never ended unattended', () => {
    expect(isReviewDue('2026-11-28', TODAY)).toBe(false);
    expect(isReviewDue('2026-11-27', TODAY)).toBe(true);
    const { end, reportOnly } = itemsToEndAtDeadline([item(), item({ id: 'a', isPermissionAdmin: true }), item({ id: 'k', decision: 'KEEP' })]);
    expect(end.map((i) => i.id)).toEqual(['i1']);
    expect(reportOnly.map((i) => i.id)).toEqual(['a']);
  });

  it('R-REV-1 with R-SIGN-8, R-PERIOD-1: at the deadline only the undecided roles end, on the earlier of their end and the deadline', () => {
    const current = [
      { roleCode: 'READER', validFrom: '2020-01-01', validTo: '2027-12-31' },
      { roleCode: 'SERVICE_ADMIN', validFrom: '2020-01-01', validTo: null },
      { roleCode: 'LATER', validFrom: '2027-01-01', validTo: null },
    ];
    const result = periodsEndedAtDeadline(current, new Set(['READER', 'LATER']), '2026-12-15');
    expect(result).toEqual({
      roleCodes: ['LATER', 'READER', 'SERVICE_ADMIN'],
      rolePeriods: { READER: { validFrom: '2020-01-01', validTo: '2026-12-15' }, SERVICE_ADMIN: { validFrom: '2020-01-01', validTo: null }, LATER: { validFrom: '2027-01-01', validTo: null } },
      validFrom: '2020-01-01', validTo: null,
      ended: [{ roleCode: 'READER', before: '2027-12-31', after: '2026-12-15' }],
    });
    // Never later: a role already ending before the deadline is left as it is, and then nothing changes.
    expect(periodsEndedAtDeadline([{ roleCode: 'READER', validFrom: '2020-01-01', validTo: '2026-12-01' }], new Set(['READER']), '2026-12-15')).toBeNull();
    expect(periodsEndedAtDeadline([], new Set(['READER']), '2026-12-15')).toBeNull();
  });
});
