import { parseOrgNumber, parsePersonalNumber, luhnCheckDigit, formatPersonalNumber } from './identity-number';
import { ValidationError } from './errors';

const TODAY = '2026-11-22';

describe('personal identity numbers', () => {
  it('R-ID-1: computes the Luhn check digit (990807-2391)', () => {
    expect(luhnCheckDigit('990807239')).toBe(1);
  });

  it.each([
    ['990807-2391', '199908072391', '1999-08-07'],
    ['9908072391', '199908072391', '1999-08-07'],
    ['19990807-2391', '199908072391', '1999-08-07'],
    ['199908072391', '199908072391', '1999-08-07'],
    ['121212-1212', '201212121212', '2012-12-12'],
    ['121212+1212', '191212121212', '1912-12-12'],
    ['19121212-1212', '191212121212', '1912-12-12'],
  ])('R-ID-1: accepts %s as %s', (input, canonical, birthDate) => {
    expect(parsePersonalNumber(input, 'personalNumber', TODAY)).toMatchObject({ canonical, birthDate, coordination: false });
  });

  it('R-ID-1: the "-" century is the latest one not in the future', () => {
    // 261231 would be 2026-12-31, which is after TODAY, so it is 1926.
    const check = luhnCheckDigit('261231123');
    expect(parsePersonalNumber(`261231-123${check}`, 'pn', TODAY).birthDate).toBe('1926-12-31');
    const check2 = luhnCheckDigit('261122123');
    expect(parsePersonalNumber(`261122-123${check2}`, 'pn', TODAY).birthDate).toBe('2026-11-22');
  });

  it('R-ID-2: accepts a coordination number (680164-2395) and gives the real birth date', () => {
    expect(parsePersonalNumber('680164-2395', 'pn', TODAY)).toMatchObject({ canonical: '196801642395', birthDate: '1968-01-04', coordination: true });
  });

  it('R-ID-4: the well-known test number 19121212-1212 is valid', () => {
    expect(parsePersonalNumber('19121212-1212', 'pn', TODAY).canonical).toBe('191212121212');
    expect(formatPersonalNumber('191212121212')).toBe('19121212-1212');
  });

  it.each([
    ['990807-2392', /check digit should be 1/],
    ['990230-0000', /check digit|valid date/],
    ['abc', /form/],
    ['19121212+1212', /only used with the 10-digit/],
    ['20991212-1212', /check digit|future/],
  ])('R-ID-1: rejects %s with a clear message', (input, message) => {
    let error: unknown;
    try { parsePersonalNumber(input, 'input.personalNumber', TODAY); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('input.personalNumber');
    expect((error as ValidationError).message).toMatch(message);
  });

  it('R-ID-1: rejects an impossible date even with a correct check digit', () => {
    const c = luhnCheckDigit('990230123');
    expect(() => parsePersonalNumber(`990230-123${c}`, 'pn', TODAY)).toThrow(/valid date/);
  });
});

describe('organisation numbers', () => {
  it.each([
    ['212000-2809', '212000-2809'],
    ['2120002809', '212000-2809'],
    ['556036-0793', '556036-0793'],
    ['165560360793', '556036-0793'],
    [' 556036-0793 ', '556036-0793'],
  ])('R-ID-3: accepts %s as %s', (input, canonical) => {
    expect(parseOrgNumber(input)).toBe(canonical);
  });

  it.each([
    ['212000-2808', /check digit should be 9/],
    ['556036-0792', /check digit should be 3/],
    ['551036-0793', /at least 20/],
    ['195560360793', /start with 16/],
    ['12345', /form NNNNNN-NNNN/],
  ])('R-ID-3: rejects %s', (input, message) => {
    expect(() => parseOrgNumber(input)).toThrow(message);
  });
});
