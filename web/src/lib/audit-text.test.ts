// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel, actorText, knowsAction, parseTarget, personIds, summaryText, targetText } from './audit-text';
import { formatDate, formatDateTime, stockholmMidnight } from './format';

const root = join(__dirname, '..', '..', '..');

/** Every audit action code the services write, read from their sources (a new one fails this test). */
function emittedActions(): string[] {
  const files = execFileSync('git', ['ls-files', 'services/*/src/**.ts'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f && !f.endsWith('.test.ts') && !f.includes('/generated/'));
  const codes = new Set<string>();
  for (const f of files) {
    const text = readFileSync(join(root, f), 'utf8');
    for (const m of text.matchAll(/\baction:\s*(?:[^,}]*\?\s*)?'([a-zA-Z_]+\.[a-zA-Z_.]+)'(?:\s*:\s*'([a-zA-Z_]+\.[a-zA-Z_.]+)')?/g)) {
      codes.add(m[1]);
      if (m[2]) codes.add(m[2]);
    }
    for (const m of text.matchAll(/'(access\.(?:change|staff|changes|period|employment|agreement)\.[a-z_]+)'/g)) codes.add(m[1]);
  }
  return [...codes].sort();
}

describe('the log in words (R-AUDIT-1)', () => {
  it('every action the services write has a Swedish and an English name (no codes shown)', () => {
    const codes = emittedActions();
    expect(codes).toEqual(expect.arrayContaining(['access.change.proposed', 'changes.signed', 'access.staff.added', 'access.period.changed', 'unit.created', 'auth.login']));
    const missing = codes.filter((c) => !knowsAction(c));
    expect(missing).toEqual([]);
    for (const c of codes) {
      expect(actionLabel('sv', c)).not.toContain('.');
      expect(actionLabel('en', c)).not.toBe(actionLabel('sv', c));
    }
    expect(actionLabel('sv', 'access.period.changed')).toBe('Behörighetsperiod ändrad');
    expect(actionLabel('en', 'access.period.changed')).toBe('Authorisation period changed');
    expect(actionLabel('sv', 'something.new')).toBe('Annan händelse');
  });

  it('reads every target form the services write, both change-set spellings included', () => {
    expect(parseTarget('person:6b1f0c7e-1111-4000-8000-000000000001')).toEqual({ kind: 'person', id: '6b1f0c7e-1111-4000-8000-000000000001' });
    expect(parseTarget('person:1978-10-17')).toEqual({ kind: 'newPerson', birthDate: '1978-10-17' });
    expect(parseTarget('change_set:abc').kind).toBe('changeSet');
    expect(parseTarget('changeSet:abc').kind).toBe('changeSet');
    expect(parseTarget('Unit:u1')).toEqual({ kind: 'unit', id: 'u1' });
    expect(parseTarget('ContactPerson:c1').kind).toBe('contactPerson');
    expect(parseTarget('PaymentAccount:p1').kind).toBe('paymentAccount');
    expect(parseTarget('apiClient:a1').kind).toBe('apiClient');
    expect(parseTarget('agreement:a1').kind).toBe('agreement');
    expect(parseTarget('authority').kind).toBe('authority');
  });

  it('shows people by name and birth date, units by name, never an id', () => {
    const people = new Map([['p1', { givenName: 'Andrea', surname: 'Sandin', birthDate: '1978-10-17' }]]);
    const units = new Map([['u1', 'Dorotea UBK']]);
    const lookups = { people, units };
    expect(targetText('sv', { target: 'person:p1' }, lookups)).toBe('Andrea Sandin, född 17 okt. 1978');
    expect(targetText('en', { target: 'person:p1' }, lookups)).toBe('Andrea Sandin, born 17 Oct 1978');
    expect(targetText('sv', { target: 'person:1978-10-17' }, lookups)).toBe('Ny person, född 17 okt. 1978');
    expect(targetText('sv', { target: 'person:gone' }, lookups)).toBe('En person som inte längre finns i organisationen');
    expect(targetText('sv', { target: 'change_set:x' }, lookups)).toBe('Ändringar att signera');
    expect(targetText('sv', { target: 'changeSet:x' }, lookups)).toBe('Ändringar att signera');
    expect(targetText('sv', { target: 'Unit:u1' }, lookups)).toBe('Utförande verksamhet Dorotea UBK');
    expect(targetText('en', { target: 'ContactPerson:c1', after: JSON.stringify({ name: 'Eva Ek' }) }, lookups)).toBe('Contact person Eva Ek');
    expect(personIds([{ target: 'person:p1' }, { target: 'person:1978-10-17' }, { target: 'person:p1' }, { target: 'Unit:u1' }])).toEqual(['p1']);
  });

  it('names the actor, never showing a personal number', () => {
    expect(actorText('sv', { actor: { givenName: 'Arvid', surname: 'Aronsson' }, actorLabel: 'person:x' })).toBe('Arvid Aronsson');
    expect(actorText('sv', { actor: { givenName: 'Arvid', surname: 'Aronsson', birthDate: '1964-03-26' }, actorLabel: 'person:x' })).toBe(`Arvid Aronsson, född ${formatDate('sv', '1964-03-26')}`);
    expect(actorText('en', { actor: { givenName: 'Arvid', surname: 'Aronsson', birthDate: '1964-03-26' }, actorLabel: 'person:x' })).toBe(`Arvid Aronsson, born ${formatDate('en', '1964-03-26')}`);
    expect(actorText('sv', { actor: null, actorLabel: 'pnr:191212121212' })).toBe('Myndighetens handläggare');
    expect(actorText('en', { actor: null, actorLabel: 'client:c1' })).toBe('A partner system');
    expect(actorText('en', { actor: null, actorLabel: 'service:access' })).toBe('The system');
  });

  it('summarises what changed in words (roles by name, dates in the language)', () => {
    const roleName = (c: string) => ({ READER: 'Läsare' })[c] ?? c;
    expect(summaryText('sv', { action: 'access.staff.added', after: JSON.stringify({ roleCodes: ['READER'], validFrom: '2026-01-01', validTo: null }) }, roleName))
      .toBe('Roller: Läsare. Period: 1 jan. 2026 – tills vidare');
    expect(summaryText('en', { action: 'access.period.changed', before: JSON.stringify([{ roleCode: 'READER', validTo: '2027-12-31' }]), after: JSON.stringify([{ roleCode: 'READER', validTo: '2027-06-30' }]) }, roleName))
      .toBe('End date: 31 Dec 2027 → 30 Jun 2027');
    // Since period changes name the person, `after` is `{ person, roles }`; both shapes read the same.
    expect(summaryText('en', { action: 'access.period.changed', before: JSON.stringify([{ roleCode: 'READER', validTo: '2027-12-31' }]), after: JSON.stringify({ person: { givenName: 'Agda', surname: 'Andersson' }, roles: [{ roleCode: 'READER', validTo: '2027-06-30' }] }) }, roleName))
      .toBe('End date: 31 Dec 2027 → 30 Jun 2027');
    expect(summaryText('sv', { action: 'access.employment.ended', after: JSON.stringify({ endDate: '2026-12-31' }) }, roleName)).toBe('Sista dag: 31 dec. 2026');
    expect(summaryText('sv', { action: 'unit.created', after: '{}' }, roleName)).toBeNull();
  });
});

describe('dates in the chosen language, in Stockholm', () => {
  it('formats calendar dates and instants', () => {
    expect(formatDate('sv', '2027-12-31')).toBe('31 dec. 2027');
    expect(formatDate('en', '2027-12-31')).toBe('31 Dec 2027');
    expect(formatDateTime('sv', '2026-06-30T22:30:00Z')).toMatch(/^1 juli 2026 00:30$/);
    expect(formatDateTime('en', '2026-06-30T22:30:00Z')).toMatch(/^1 Jul 2026,? 00:30$/);
  });
  it('a Stockholm day starts at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(stockholmMidnight('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(stockholmMidnight('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
  });
});
