import { ValidationError } from '@behorig/kit/errors';
import { activationOverdue, digestMail, endingSoonNotices, endingWindow, needsNewAdministratorNotice, reviewUndecidedNotice, subscriptionDisabledNotice } from './notices.rules';

const ORG = '00000000-0000-4000-8001-000000000001';

describe('R-NOTE-1 notices', () => {
  it('R-NOTE-1: ending soon means today through today + days (default 30), days 0…365', () => {
    expect(endingWindow(undefined, '2026-11-28')).toEqual({ from: '2026-11-28', to: '2026-12-28' });
    expect(endingWindow(7, '2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-04' });
    for (const bad of [-1, 366, 1.5]) expect(() => endingWindow(bad, '2026-11-28')).toThrow(ValidationError);
  });

  it('R-NOTE-1: one notice per person, dated by the first assignment to end, soonest first', () => {
    const notices = endingSoonNotices(ORG, [
      { personId: 'b', givenName: 'Beda', surname: 'Möller', roleName: 'Läsare', validTo: '2026-12-20' },
      { personId: 'a', givenName: 'Karina', surname: 'Asp', roleName: 'Tjänsteadministratör', validTo: '2026-12-05' },
      { personId: 'b', givenName: 'Beda', surname: 'Möller', roleName: 'Registrerare', validTo: '2026-12-10' },
    ]);
    expect(notices.map((n) => [n.personId, n.validTo])).toEqual([['a', '2026-12-05'], ['b', '2026-12-10']]);
    expect(notices[1].message).toBe('Beda Möller: Registrerare (2026-12-10), Läsare (2026-12-20) upphör snart.');
  });

  it('R-NOTE-1 with R-AGR-2: an agreement is overdue when still RECEIVED after its activate-by day', () => {
    expect(activationOverdue('RECEIVED', '2026-11-27', '2026-11-28')).toBe(true);
    expect(activationOverdue('RECEIVED', '2026-11-28', '2026-11-28')).toBe(false);
    expect(activationOverdue('ACTIVE', '2026-11-01', '2026-11-28')).toBe(false);
  });

  it('R-NOTE-1: the digest is Swedish with an English part, names the organisation and every notice', () => {
    const mail = digestMail({
      organisationName: 'Aratron AB', recipientName: 'Fridolf Halldin', today: '2026-11-28',
      notices: [
        endingSoonNotices(ORG, [{ personId: 'a', givenName: 'Karina', surname: 'Asp', roleName: 'Tjänsteadministratör', validTo: '2026-12-05' }])[0],
        needsNewAdministratorNotice(ORG),
        reviewUndecidedNotice(ORG, '2026-11-20', 2, 0),
      ],
    });
    expect(mail.subject).toBe('Behörig: 3 saker att se över i Aratron AB / 3 items to review');
    expect(mail.text).toContain('Hej Fridolf Halldin!');
    expect(mail.text).toContain('Karina Asp: Tjänsteadministratör (2026-12-05) upphör snart.');
    expect(mail.text).toContain('-- English --');
    expect(mail.text).toContain('Karina Asp: Tjänsteadministratör (2026-12-05) ends soon.');
    expect(mail.text).toContain('left items undecided');
  });

  it('R-NOTE-1 with R-HOOK-1: a subscription disabled after a day of failures is a notice, in Swedish and in the digest\'s English part', () => {
    const n = subscriptionDisabledNotice(ORG, 'https://hr.example.se/hooks/t0k3n?key=s3cr3t', '2026-11-28');
    // Only the host: readers of notices and the digest may not see a subscription's address.
    expect(n).toEqual({ kind: 'EVENT_SUBSCRIPTION_DISABLED', organisationId: ORG, personId: null, validTo: '2026-11-28',
      message: 'Händelseprenumerationen till https://hr.example.se stängdes av 2026-11-28 efter ett dygn av misslyckade leveranser.' });
    const mail = digestMail({ organisationName: 'Aratron', recipientName: 'Fridolf Halldin', notices: [n], today: '2026-11-29' });
    expect(mail.text).toContain('An event subscription was disabled on 2026-11-28 after a day of failed deliveries (R-HOOK-1).');
  });
});
