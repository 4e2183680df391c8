import { describe, expect, it } from 'vitest';
import { hintMessageKey } from './hints';
import { translator } from '../i18n';

const sv = translator('sv');

describe('BankID hint messages (Swedish, as BankID recommends)', () => {
  it('pending, other device: "Starta BankID-appen och skanna QR-koden."', () => {
    expect(sv(hintMessageKey('PENDING', 'outstandingTransaction', true))).toBe('Starta BankID-appen och skanna QR-koden.');
  });
  it('pending, this device: trying to start the app', () => {
    expect(sv(hintMessageKey('PENDING', 'outstandingTransaction', false))).toBe('Försöker starta BankID-appen.');
  });
  it('userSign: "Skriv in din säkerhetskod…"', () => {
    expect(sv(hintMessageKey('PENDING', 'userSign', true))).toMatch(/^Skriv in din säkerhetskod i BankID-appen/);
  });
  it('started: searching for BankID', () => {
    expect(sv(hintMessageKey('PENDING', 'started', false))).toMatch(/Söker efter BankID/);
  });
  it('userCancel: "Åtgärden avbröts."', () => {
    expect(sv(hintMessageKey('FAILED', 'userCancel', true))).toBe('Åtgärden avbröts.');
  });
  it('expiredTransaction: the app does not answer', () => {
    expect(sv(hintMessageKey('FAILED', 'expiredTransaction', true))).toMatch(/BankID-appen svarar inte/);
  });
  it('startFailed differs for QR and this device', () => {
    expect(hintMessageKey('FAILED', 'startFailed', true)).toBe('bankid.rfa17b');
    expect(hintMessageKey('FAILED', 'startFailed', false)).toBe('bankid.rfa17a');
  });
  it('an unknown failure is "Okänt fel. Försök igen."', () => {
    expect(sv(hintMessageKey('FAILED', 'somethingNew', true))).toBe('Okänt fel. Försök igen.');
  });
  it('complete', () => {
    expect(hintMessageKey('COMPLETE', null, true)).toBe('bankid.complete');
  });
});
