import { findUnstorable, isStorableText } from './storable-input';

describe('storable input (text PostgreSQL cannot store is refused, not a 500)', () => {
  it('accepts any well-formed Unicode, including emoji, RTL marks, zero-width and control characters other than NUL', () => {
    for (const s of ['', 'Åsa', '👩‍👩‍👧‍👦', '\u202Eabc', 'a\u200Bb', 'tab\t\n', '\u0007', "'; DROP TABLE x;--"]) expect(isStorableText(s)).toBe(true);
  });
  it('refuses NUL and lone surrogates, and finds their path in nested variables', () => {
    for (const s of ['\u0000', 'x\u0000', '\uD800', 'a\uDFFFb', '\uDBFF']) expect(isStorableText(s)).toBe(false);
    expect(findUnstorable({ o: 'id', i: { names: ['ok', 'bad\u0000'] } })).toEqual(['i', 'names', '1']);
    expect(findUnstorable({ i: { a: 1, b: null, c: '😀' } })).toBeNull();
  });
});
