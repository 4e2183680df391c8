import { describe, expect, it } from 'vitest';
import { sv } from './sv';
import { en } from './en';
import { format, translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('Swedish and English have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });
  it('no message is empty', () => {
    for (const [k, v] of [...Object.entries(sv), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });
  it('each message has the same placeholders in both languages', () => {
    for (const k of Object.keys(sv) as (keyof typeof sv)[]) expect(placeholders(en[k]), k).toEqual(placeholders(sv[k]));
  });
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('Hej {name} {x}', { name: 'Arvid' })).toBe('Hej Arvid {x}');
    expect(translator('en')('auth.loggedInAs', { name: 'Arvid Aronsson' })).toBe('Logged in as Arvid Aronsson');
    expect(translator('sv')('auth.loggedInAs', { name: 'Arvid Aronsson' })).toBe('Inloggad som Arvid Aronsson');
  });
});
