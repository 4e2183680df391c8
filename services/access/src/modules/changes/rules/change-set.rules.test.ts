import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ValidationError } from '@behorig/kit/errors';
import {
  MAX_SIGNING_TEXT_BYTES,
  assertCanApply,
  assertSigningTextFits,
  assertSignable,
  canonicalChangeSet,
  canonicalJson,
  changeSetDigest,
  nextChangeSetStatus,
  signingText,
  type ChangeSetEvent,
  type ChangeSetStatus,
  type PendingChangeData,
} from './change-set.rules';
import { ConflictRuleError } from '../../rule-errors';
import { catalogueRolesByCode as rolesByCode } from '../../roles/rules/role-catalogue.data';
import { thrown } from '../../../../test/support/thrown';

const andrea: PendingChangeData = {
  id: 'c-1',
  kind: 'NEW',
  personId: 'p-andrea',
  roleCodes: ['SERVICE_ADMIN'],
  unitIds: ['u-dorotea-ubk'],
  validFrom: '2026-11-23',
  validTo: '2027-12-31',
  email: 'andrea.sandin@dorotea.se',
};
const laban: PendingChangeData = {
  id: 'c-2',
  kind: 'CHANGED',
  personId: 'p-laban',
  roleCodes: ['REGISTRAR', 'READER'],
  unitIds: ['u-b', 'u-a'],
  schoolFormCodes: null,
  validFrom: '2026-03-11',
  validTo: null,
};
const agda: PendingChangeData = { id: 'c-3', kind: 'REMOVED', personId: 'p-agda', roleCodes: ['READER'], unitIds: [], validFrom: '2013-11-11', validTo: '2027-12-31' };
const set = [andrea, laban, agda];
const names = new Map([
  ['p-andrea', 'Andrea Sandin'],
  ['p-laban', 'Laban Maier'],
  ['p-agda', 'Agda Andersson'],
]);

describe('canonical serialisation and digest (R-SIGN-3)', () => {
  it('R-SIGN-3: serialises with sorted keys, changes by id, unordered arrays sorted, no whitespace', () => {
    expect(canonicalChangeSet([laban, andrea])).toBe(
      '{"changes":[' +
        '{"email":"andrea.sandin@dorotea.se","id":"c-1","kind":"NEW","personId":"p-andrea","roleCodes":["SERVICE_ADMIN"],"unitIds":["u-dorotea-ubk"],"validFrom":"2026-11-23","validTo":"2027-12-31"},' +
        '{"id":"c-2","kind":"CHANGED","personId":"p-laban","roleCodes":["READER","REGISTRAR"],"schoolFormCodes":null,"unitIds":["u-a","u-b"],"validFrom":"2026-03-11","validTo":null}' +
        ']}',
    );
  });

  it('R-SIGN-3: the digest is the hex SHA-256 of the canonical serialisation', () => {
    const expected = createHash('sha256').update(canonicalChangeSet(set)).digest('hex');
    expect(changeSetDigest(set)).toBe(expected);
    expect(changeSetDigest(set)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-SIGN-3: the digest does not depend on the order of changes, keys or set-like arrays', () => {
    const shuffled: PendingChangeData[] = [
      agda,
      { validTo: null, validFrom: '2026-03-11', unitIds: ['u-a', 'u-b'], schoolFormCodes: null, roleCodes: ['READER', 'REGISTRAR'], personId: 'p-laban', kind: 'CHANGED', id: 'c-2' },
      andrea,
    ];
    expect(changeSetDigest(shuffled)).toBe(changeSetDigest(set));
  });

  it('R-SIGN-3: undefined fields are ignored; Unicode is compared in NFC', () => {
    expect(changeSetDigest([{ ...andrea, email: undefined }])).toBe(changeSetDigest([(({ email: _e, ...rest }) => rest)(andrea) as PendingChangeData]));
    const composed = { ...andrea, surname: 'Åkesson' };
    const decomposed = { ...andrea, surname: 'A\u030akesson' };
    expect(composed.surname).not.toBe(decomposed.surname);
    expect(changeSetDigest([composed])).toBe(changeSetDigest([decomposed]));
  });

  it('R-SIGN-3: a scope (organisation, change set) is bound into the digest when given', () => {
    expect(changeSetDigest(set, { organisationId: 'org-dorotea' })).not.toBe(changeSetDigest(set));
    expect(changeSetDigest(set, { organisationId: 'org-dorotea' })).not.toBe(changeSetDigest(set, { organisationId: 'org-miroi' }));
  });

  it.each([
    ['the end date', [{ ...andrea, validTo: '2027-12-30' }, laban, agda]],
    ['the end date removed', [{ ...andrea, validTo: null }, laban, agda]],
    ['the start date', [{ ...andrea, validFrom: '2026-11-24' }, laban, agda]],
    ['a role added', [{ ...andrea, roleCodes: ['SERVICE_ADMIN', 'READER'] }, laban, agda]],
    ['a role swapped', [{ ...andrea, roleCodes: ['READER'] }, laban, agda]],
    ['a unit added', [{ ...andrea, unitIds: ['u-dorotea-ubk', 'u-x'] }, laban, agda]],
    ['the kind', [{ ...andrea, kind: 'CHANGED' }, laban, agda]],
    ['the person', [{ ...andrea, personId: 'p-other' }, laban, agda]],
    ['the e-mail', [{ ...andrea, email: 'andrea@dorotea.se' }, laban, agda]],
    ['school forms narrowed', [andrea, { ...laban, schoolFormCodes: ['SFI'] }, agda]],
    ['a change discarded', [andrea, laban]],
    ['a change added', [...set, { ...agda, id: 'c-4', personId: 'p-x' }]],
    ['a change id', [{ ...andrea, id: 'c-9' }, laban, agda]],
  ] as [string, PendingChangeData[]][])('R-SIGN-4: editing %s changes the digest', (_what, edited) => {
    expect(changeSetDigest(edited)).not.toBe(changeSetDigest(set));
  });

  it('R-SIGN-3: refuses what it cannot serialise faithfully', () => {
    expect(() => canonicalChangeSet([andrea, { ...laban, id: 'c-1' }])).toThrow(/duplicate change id c-1/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ m: new Map() })).toThrow(/Map/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(canonicalJson({ b: [3, 1, undefined], a: new Date('2026-11-22T10:00:00Z'), c: true })).toBe('{"a":"2026-11-22T10:00:00.000Z","b":[3,1,null],"c":true}');
  });
});

describe('the text shown in the BankID app (R-SIGN-2)', () => {
  it('R-SIGN-2: one Swedish line per change — new, changed, removed', () => {
    expect(signingText([agda, laban, andrea], rolesByCode, names).split('\n')).toEqual([
      'Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31',
      'Ändrad användare: Laban Maier, Registrerare, Läsare, 2026-03-11 – tills vidare',
      'Borttagen användare: Agda Andersson, Läsare',
    ]);
  });

  it('R-SIGN-2: the text does not depend on input order; lines of one kind are ordered by name', () => {
    const b = { ...andrea, id: 'c-5', personId: 'p-beda' };
    const n = new Map([...names, ['p-beda', 'Beda Möller']]);
    expect(signingText([b, andrea], rolesByCode, n)).toBe(signingText([andrea, b], rolesByCode, n));
    expect(signingText([b, andrea], rolesByCode, n).split('\n').map((l) => l.split(',')[0])).toEqual(['Ny användare: Andrea Sandin', 'Ny användare: Beda Möller']);
  });

  it('R-SIGN-2: unknown people and roles fall back to their ids; unit names are appended when given', () => {
    const c: PendingChangeData = { ...andrea, personId: 'p-unknown', roleCodes: ['SERVICE_ADMIN', 'CUSTOM_ROLE'], unitIds: ['u-dorotea-ubk', 'u-2'] };
    expect(signingText([c], rolesByCode, names, { unitNames: new Map([['u-dorotea-ubk', 'Dorotea UBK']]) })).toBe(
      'Ny användare: p-unknown, Tjänsteadministratör, CUSTOM_ROLE, 2026-11-23 – 2027-12-31, enheter: Dorotea UBK, u-2',
    );
    expect(signingText([andrea], rolesByCode, names, { unitNames: new Map([['u-dorotea-ubk', 'Dorotea UBK']]) })).toBe(
      'Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31, enhet: Dorotea UBK',
    );
  });

  it('R-SIGN-2: an empty set gives an empty text', () => {
    expect(signingText([], rolesByCode, names)).toBe('');
  });
});

describe('the change set life cycle (R-SIGN-1, R-SIGN-4)', () => {
  it.each([
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['DRAFT', 'START_SIGNING', 'SIGNING'],
    ['DRAFT', 'CANCEL', 'CANCELLED'],
    ['SIGNING', 'EDIT', 'DRAFT'],
    ['SIGNING', 'SIGNING_FAILED', 'DRAFT'],
    ['SIGNING', 'SIGNED', 'APPLIED'],
    ['SIGNING', 'CANCEL', 'CANCELLED'],
  ] as [ChangeSetStatus, ChangeSetEvent, ChangeSetStatus][])('R-SIGN-1: %s + %s → %s', (from, event, to) => {
    expect(nextChangeSetStatus(from, event)).toBe(to);
  });

  it.each([
    ['APPLIED', 'SIGNED', 'R-SIGN-4'],
    ['APPLIED', 'EDIT', 'R-SIGN-4'],
    ['CANCELLED', 'EDIT', 'R-SIGN-1'],
    ['DRAFT', 'SIGNED', 'R-SIGN-1'],
  ] as [ChangeSetStatus, ChangeSetEvent, string][])('R-SIGN-4: %s + %s is a conflict (%s)', (from, event, rule) => {
    const e = thrown(() => nextChangeSetStatus(from, event));
    expect(e).toBeInstanceOf(ConflictRuleError);
    expect(e.rule).toBe(rule);
  });

  it('R-SIGN-4: a signature applies only the exact signed set, and only once', () => {
    const signed = changeSetDigest(set);
    expect(() => assertCanApply('SIGNING', signed, changeSetDigest(set))).not.toThrow();
    expect(thrown(() => assertCanApply('SIGNING', signed, changeSetDigest([andrea, laban])))).toMatchObject({ rule: 'R-SIGN-4', message: expect.stringMatching(/edited after signing started/) });
    expect(thrown(() => assertCanApply('APPLIED', signed, signed))).toMatchObject({ rule: 'R-SIGN-4', message: expect.stringMatching(/already been applied/) });
    expect(thrown(() => assertCanApply('DRAFT', signed, signed))).toBeInstanceOf(ConflictRuleError);
  });

  it('R-SIGN-1: only a non-empty draft can be signed', () => {
    expect(() => assertSignable('DRAFT', 2)).not.toThrow();
    expect(thrown(() => assertSignable('DRAFT', 0))).toBeInstanceOf(ValidationError);
    expect(thrown(() => assertSignable('SIGNING', 2))).toMatchObject({ rule: 'R-SIGN-1' });
  });
});

describe('R-SIGN-6: the signing text from one fixed template', () => {
  const LINE = /^(Ny användare|Ändrad användare|Borttagen användare): [^\n*~`#<>[\]|\\]+$/u;
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('Sandin\n\n**Inga fler ändringar.**' + '\n'.repeat(20), '\u202Enimda', 'a\u2028b', '# Rubrik', '<b>x</b>', '\r\n\r\n'),
  );

  it('R-SIGN-6: whatever names are stored, each change is exactly one line of the template, and the digest covers exactly those changes', () => {
    fc.assert(fc.property(fc.array(fc.record({ given: hostile, kind: fc.constantFrom('NEW', 'CHANGED', 'REMOVED') as fc.Arbitrary<'NEW' | 'CHANGED' | 'REMOVED'> }), { minLength: 1, maxLength: 8 }), (people) => {
      const changes = people.map((p, i) => ({ id: `c${i}`, kind: p.kind, personId: `p${i}`, roleCodes: ['SERVICE_ADMIN'], unitIds: [], validFrom: '2026-11-23', validTo: null }));
      const names = new Map(people.map((p, i) => [`p${i}`, `${p.given} Sandin`]));
      const text = signingText(changes, rolesByCode, names);
      const lines = text.split('\n');
      expect(lines).toHaveLength(changes.length);
      for (const line of lines) expect(line).toMatch(LINE);
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u);
      // The digest is over the same list: dropping any change changes it.
      const digest = changeSetDigest(changes);
      for (let i = 0; i < changes.length; i++) expect(changeSetDigest(changes.filter((_, j) => j !== i))).not.toBe(digest);
    }), { numRuns: 500 });
  });

  it('R-SIGN-6: a set whose text would exceed the bound is refused, never cut', () => {
    expect(() => assertSigningTextFits('x'.repeat(MAX_SIGNING_TEXT_BYTES))).not.toThrow();
    expect(() => assertSigningTextFits('å'.repeat(MAX_SIGNING_TEXT_BYTES / 2 + 1))).toThrow(expect.objectContaining({ reason: 'SIGNING_TEXT_TOO_LONG', field: 'organisationId' }));
  });
});
