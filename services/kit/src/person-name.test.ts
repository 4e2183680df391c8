import fc from 'fast-check';
import { PERSON_NAME_MAX_LENGTH, parsePersonName, personNameProblem } from './person-name';
import { ValidationError } from './validation-error';

describe('person names (R-SIGN-6)', () => {
  it.each(['Andrea', 'Åsa-Märta', "O'Brien", 'Zoë', 'Jürgen', 'Øystein', 'Gauß', 'Anna Karin', 'José María', 'D’Artagnan', 'van der Berg', 'Ŝtefan', 'Ngũgĩ'])(
    'R-SIGN-6: %s is a plain name', (n) => expect(personNameProblem(n)).toBeNull());

  it.each([
    ['Sandin\n\n**Inga fler ändringar.**', 'must be on one line'],
    ['Sandin\r', 'must be on one line'],
    ['Sandin\u2028x', 'must be on one line'],
    ['Sandin\u0007', 'must not contain control characters'],
    ['Sandin\u202Enimda', 'must not contain text-direction characters'],
    ['Sandin\u2067', 'must not contain text-direction characters'],
    ['San\u200Bdin', 'must not contain invisible characters'],
    ['**Sandin**', 'must not contain markup'],
    ['<b>Sandin</b>', 'must not contain markup'],
    ['Sandin, Tjänsteadministratör', "may only contain letters"],
    ['Sandin 2', 'may only contain letters'],
    ['Sandin  Andersson', 'may only contain letters'],
    ['-Sandin', 'may only contain letters'],
    ['שרה', 'may only contain letters'],
    ['Sa\u0301\u0301\u0301ndin', 'may only contain letters'],
    ['x'.repeat(PERSON_NAME_MAX_LENGTH + 1), `must be at most ${PERSON_NAME_MAX_LENGTH} characters`],
    ['', 'must not be empty'],
  ])('R-SIGN-6: %j is refused (%s)', (n, problem) => expect(personNameProblem(n)).toContain(problem));

  it('R-SIGN-6: parsePersonName trims, normalises to NFC and names the field when it refuses', () => {
    expect(parsePersonName('  A\u030Akesson ', 'input.surname')).toBe('Åkesson');
    expect(parsePersonName('x'.repeat(100), 'input.surname')).toHaveLength(100);
    try {
      parsePersonName('Sandin\n**Inga fler ändringar.**', 'input.surname', 'The surname');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(e).toMatchObject({ field: 'input.surname', reason: 'INVALID_NAME', message: 'The surname must be on one line.' });
    }
  });

  it('R-SIGN-6: whatever a hostile name holds, an accepted one has no line break, control, format or markup character and fits', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.array(fc.constantFrom('Å', 'a', ' ', '-', "'", '\n', '\u202E', '*', '#', '\u200B', '\u0301', '\t', 'ö', '\u2066', '<'), { maxLength: 140 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(hostile, (raw) => {
      let name: string;
      try {
        name = parsePersonName(raw, 'input.givenName');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return;
      }
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(PERSON_NAME_MAX_LENGTH);
      expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}*_#<>`~[\]]/u);
      expect(name).toBe(name.normalize('NFC').trim());
    }), { numRuns: 3000 });
  });
});
