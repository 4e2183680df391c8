import { describe, expect, it } from 'vitest';
import { checkPersonalNumber, formatPersonalNumber, luhnCheckDigit } from './personalNumber';

const TODAY = '2026-11-22';

describe('personal identity numbers (same rules as the server)', () => {
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
    [' 19640326-1230 ', '196403261230', '1964-03-26'],
  ])('R-ID-1: accepts %s as %s', (input, canonical, birthDate) => {
    expect(checkPersonalNumber(input, TODAY)).toEqual({ ok: true, canonical, birthDate, coordination: false });
  });

  it('R-ID-1: the "-" century is the latest one not in the future', () => {
    const c = luhnCheckDigit('261231123');
    expect(checkPersonalNumber(`261231-123${c}`, TODAY)).toMatchObject({ ok: true, birthDate: '1926-12-31' });
  });

  it('R-ID-2: accepts a coordination number (680164-2395) with the real birth date', () => {
    expect(checkPersonalNumber('680164-2395', TODAY)).toEqual({ ok: true, canonical: '196801642395', birthDate: '1968-01-04', coordination: true });
  });

  it('R-ID-4: the well-known test number 19121212-1212 is valid', () => {
    expect(checkPersonalNumber('19121212-1212', TODAY)).toMatchObject({ ok: true, canonical: '191212121212' });
    expect(formatPersonalNumber('191212121212')).toBe('19121212-1212');
  });

  it.each([
    ['990807-2392', 'pnr.checkDigit'],
    ['abc', 'pnr.form'],
    ['', 'pnr.form'],
    ['1234', 'pnr.form'],
    ['19121212+1212', 'pnr.plusWithCentury'],
    ['20991212-1212', 'pnr.checkDigit'],
  ])('R-ID-1: rejects %s with %s', (input, error) => {
    expect(checkPersonalNumber(input, TODAY)).toMatchObject({ ok: false, error });
  });

  it('R-ID-1: says which check digit was expected', () => {
    expect(checkPersonalNumber('990807-2392', TODAY)).toEqual({ ok: false, error: 'pnr.checkDigit', expectedCheckDigit: 1 });
  });

  it('R-ID-1: rejects an impossible date even with a correct check digit', () => {
    const c = luhnCheckDigit('990230123');
    expect(checkPersonalNumber(`990230-123${c}`, TODAY)).toMatchObject({ ok: false, error: 'pnr.date' });
    const d = luhnCheckDigit('990295123');
    expect(checkPersonalNumber(`990295-123${d}`, TODAY)).toMatchObject({ ok: false, error: 'pnr.coordinationDate' });
  });

  it('R-ID-1: rejects a birth date in the future (12-digit form)', () => {
    const c = luhnCheckDigit('261224123');
    expect(checkPersonalNumber(`20261224-123${c}`, TODAY)).toMatchObject({ ok: false, error: 'pnr.future' });
  });
});
