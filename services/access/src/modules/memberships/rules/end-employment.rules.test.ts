import { ValidationError } from '@behorig/kit/errors';
import { isActiveOn } from './authorisation-period.rules';
import { ForbiddenRuleError } from '../../rule-errors';
import { planEndEmployment, schoolFormChoices, type Employment, type EndEmploymentRequest } from './end-employment.rules';
import { thrown } from '../../../../test/support/thrown';

const TODAY = '2026-11-22';

// A teacher at two school units: Komvux Kista (gymnasial + SFI) and Komvux Skärholmen (grundläggande),
// plus an Open24-style unit without school forms.
const employments: Employment[] = [
  {
    unitId: 'u-kista',
    schoolFormCode: 'KOMVUX_GYMNASIAL',
    assignments: [
      { id: 'a1', roleCode: 'ELEVDOK_GRADES', validFrom: '2025-08-01', validTo: null },
      { id: 'a2', roleCode: 'BER_ADMINISTRATOR', validFrom: '2025-08-01', validTo: '2027-06-30' },
    ],
  },
  { unitId: 'u-kista', schoolFormCode: 'SFI', assignments: [{ id: 'a3', roleCode: 'ELEVDOK_GRADES', validFrom: '2025-08-01', validTo: '2026-12-15' }] },
  { unitId: 'u-skarholmen', schoolFormCode: 'KOMVUX_GRUNDLAGGANDE', assignments: [{ id: 'a4', roleCode: 'ELEVDOK_GRADES', validFrom: '2026-01-01', validTo: null }] },
  { unitId: 'u-open24', schoolFormCode: null, assignments: [{ id: 'a5', roleCode: 'BER_ADMINISTRATOR', validFrom: '2027-02-01', validTo: null }] },
];

const base: EndEmploymentRequest = {
  employments,
  actorSchoolForms: 'ALL',
  actorIsResponsible: true,
  unitId: null,
  schoolFormCode: null,
  endDate: '2026-12-31',
  today: TODAY,
};
const plan = (over: Partial<EndEmploymentRequest>) => planEndEmployment({ ...base, ...over });

describe('ending a staff member (R-END)', () => {
  it('R-END-5: only the responsible roles may end staff', () => {
    const e = thrown(() => plan({ actorIsResponsible: false }));
    expect(e).toBeInstanceOf(ForbiddenRuleError);
    expect(e).toMatchObject({ rule: 'R-END-5', code: 'FORBIDDEN', message: expect.stringMatching(/Vux Extern Anordnare Ansvarig Sthlm/) });
  });

  it('R-END-4: the preview lists every assignment that will end, end date and unit on top, sorted', () => {
    expect(plan({ unitId: 'u-kista' })).toEqual({
      endDate: '2026-12-31',
      unitId: 'u-kista',
      schoolFormCode: null,
      assignments: [
        { id: 'a2', unitId: 'u-kista', schoolFormCode: 'KOMVUX_GYMNASIAL', roleCode: 'BER_ADMINISTRATOR', validFrom: '2025-08-01', previousValidTo: '2027-06-30', validTo: '2026-12-31', action: 'END' },
        { id: 'a1', unitId: 'u-kista', schoolFormCode: 'KOMVUX_GYMNASIAL', roleCode: 'ELEVDOK_GRADES', validFrom: '2025-08-01', previousValidTo: null, validTo: '2026-12-31', action: 'END' },
      ],
    });
  });

  it('R-END-4: an assignment already ending earlier keeps its date and is not listed (a3 ends 2026-12-15)', () => {
    const ids = plan({ unitId: 'u-kista' }).assignments.map((a) => a.id);
    expect(ids).not.toContain('a3');
    expect(plan({ unitId: 'u-kista', endDate: '2026-12-01' }).assignments.map((a) => [a.id, a.validTo])).toEqual([
      ['a2', '2026-12-01'],
      ['a1', '2026-12-01'],
      ['a3', '2026-12-01'],
    ]);
  });

  it('R-END-2: "All" units ends the employments at every unit; an assignment not yet started is cancelled', () => {
    const result = plan({});
    expect(result.unitId).toBeNull();
    expect(result.assignments.map((a) => [a.unitId, a.schoolFormCode, a.id, a.action])).toEqual([
      ['u-kista', 'KOMVUX_GYMNASIAL', 'a2', 'END'],
      ['u-kista', 'KOMVUX_GYMNASIAL', 'a1', 'END'],
      ['u-open24', null, 'a5', 'CANCEL'],
      ['u-skarholmen', 'KOMVUX_GRUNDLAGGANDE', 'a4', 'END'],
    ]);
  });

  it('R-END-2: one unit only ends that unit', () => {
    expect(plan({ unitId: 'u-skarholmen' }).assignments.map((a) => a.id)).toEqual(['a4']);
  });

  it('R-END-2: a unit the person has no employment at is bad input', () => {
    const e = thrown(() => plan({ unitId: 'u-nowhere' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe('input.unitId');
  });

  it('R-END-1: the end date is the last day: access holds up to and including it', () => {
    const ended = plan({ unitId: 'u-skarholmen', endDate: '2027-03-31' }).assignments[0];
    expect(isActiveOn(ended, '2027-03-31')).toBe(true);
    expect(isActiveOn(ended, '2027-04-01')).toBe(false);
  });

  it.each([
    ['2026-11-21', /in the past/],
    ['2027-02-29', /calendar date/],
    ['31/12/2026', /calendar date/],
  ])('R-END-1: the end date %s is refused', (endDate, message) => {
    const e = thrown(() => plan({ endDate }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe('input.endDate');
    expect(e.message).toMatch(message);
  });

  it('R-END-1: today (the last day itself) and Feb 29 2028 are accepted end dates', () => {
    expect(plan({ endDate: TODAY }).endDate).toBe(TODAY);
    expect(plan({ endDate: '2028-02-29' }).assignments.every((a) => a.validTo === '2028-02-29')).toBe(true);
  });

  it('R-END-1: nothing left to end is bad input', () => {
    const e = thrown(() => plan({ unitId: 'u-kista', schoolFormCode: 'SFI', endDate: '2026-12-20' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toMatch(/Nothing to end/);
  });

  it('R-END-3: "All" school forms with permission for every school form the person is employed in', () => {
    const actor = new Set(['KOMVUX_GYMNASIAL', 'SFI', 'KOMVUX_GRUNDLAGGANDE']);
    expect(plan({ actorSchoolForms: actor }).assignments).toHaveLength(4);
  });

  it('R-END-3: "All" school forms is refused when the actor lacks one of them, naming it', () => {
    const e = thrown(() => plan({ actorSchoolForms: new Set(['KOMVUX_GYMNASIAL', 'SFI']) }));
    expect(e).toBeInstanceOf(ForbiddenRuleError);
    expect(e.rule).toBe('R-END-3');
    expect(e.message).toMatch(/KOMVUX_GRUNDLAGGANDE/);
  });

  it('R-END-3: for one unit, "All" needs only the school forms of that unit\'s employments', () => {
    expect(plan({ unitId: 'u-kista', actorSchoolForms: new Set(['KOMVUX_GYMNASIAL', 'SFI']) }).assignments).toHaveLength(2);
  });

  it('R-END-3: one named school form the actor has permission for ends only that employment', () => {
    const r = plan({ unitId: 'u-kista', schoolFormCode: 'KOMVUX_GYMNASIAL', actorSchoolForms: new Set(['KOMVUX_GYMNASIAL']) });
    expect(r.assignments.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(r.schoolFormCode).toBe('KOMVUX_GYMNASIAL');
  });

  it('R-END-3: a named school form across all units', () => {
    expect(plan({ schoolFormCode: 'KOMVUX_GRUNDLAGGANDE' }).assignments.map((a) => a.id)).toEqual(['a4']);
  });

  it('R-END-3: a named school form the actor lacks is forbidden; one the person is not employed in is bad input', () => {
    expect(thrown(() => plan({ schoolFormCode: 'SFI', actorSchoolForms: new Set(['KOMVUX_GYMNASIAL']) }))).toMatchObject({ rule: 'R-END-3' });
    const e = thrown(() => plan({ unitId: 'u-skarholmen', schoolFormCode: 'SFI' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe('input.schoolFormCode');
  });

  it.each([
    ['ALL', null, ['KOMVUX_GRUNDLAGGANDE', 'KOMVUX_GYMNASIAL', 'SFI'], true, []],
    [['SFI', 'KOMVUX_GYMNASIAL'], null, ['KOMVUX_GYMNASIAL', 'SFI'], false, ['KOMVUX_GRUNDLAGGANDE']],
    [['SFI', 'KOMVUX_GYMNASIAL'], 'u-kista', ['KOMVUX_GYMNASIAL', 'SFI'], true, []],
    [['SFI'], 'u-kista', ['SFI'], false, ['KOMVUX_GYMNASIAL']],
    [[], 'u-open24', [], true, []],
  ] as [string[] | 'ALL', string | null, string[], boolean, string[]][])(
    'R-END-3: actor %j at unit %s is offered %j, "All" offered: %s',
    (actor, unitId, offered, allOffered, missing) => {
      expect(schoolFormChoices(employments, actor === 'ALL' ? 'ALL' : new Set(actor), unitId)).toEqual({ schoolFormCodes: offered, allOffered, missing });
    },
  );

  it('R-END-1: field names follow the prefix', () => {
    expect(thrown(() => plan({ endDate: 'x', fieldPrefix: 'end' })).field).toBe('end.endDate');
    expect(thrown(() => plan({ endDate: 'x', fieldPrefix: '' })).field).toBe('endDate');
  });
});
