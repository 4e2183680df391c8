import { addressAllowed, checkTargetUrl, forbiddenAddress } from './webhook-target.rules';
import {
  containsPersonalNumber, eventTypeOfAction, normaliseEventTypes, retryDelayMs, shouldGiveUp, webhookPayload, acknowledged,
} from './webhook-event.rules';

describe('R-HOOK-1: webhook targets', () => {
  it('R-HOOK-1: production takes https to public hosts only', () => {
    expect(checkTargetUrl('https://partner.example.se/hooks', 'production')).toMatchObject({ ok: true });
    expect(checkTargetUrl('http://partner.example.se/hooks', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_NOT_HTTPS' });
    expect(checkTargetUrl('http://127.0.0.1:9000/hooks', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_NOT_HTTPS' });
    expect(checkTargetUrl('https://127.0.0.1/hooks', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS' });
    expect(checkTargetUrl('https://localhost/hooks', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS' });
    expect(checkTargetUrl('https://[::1]/hooks', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS' });
    expect(checkTargetUrl('ftp://partner.example.se/', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_NOT_HTTPS' });
    expect(checkTargetUrl('not a url', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_INVALID' });
    expect(checkTargetUrl('https://user:pw@partner.example.se/', 'production')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_INVALID' });
  });

  it('R-HOOK-1: development also allows http to loopback, never private or link-local addresses', () => {
    expect(checkTargetUrl('http://127.0.0.1:9000/hooks', 'development')).toMatchObject({ ok: true, loopbackAllowed: true });
    expect(checkTargetUrl('http://partner.example.se/hooks', 'development')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_NOT_HTTPS' });
    for (const host of ['10.1.2.3', '192.168.0.10', '172.16.5.5', '169.254.169.254', '[fe80::1]', '[fd00::5]', '100.64.0.1', '0.0.0.0', '[::ffff:10.0.0.1]']) {
      expect(checkTargetUrl(`https://${host}/hooks`, 'development')).toMatchObject({ ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS' });
    }
  });

  it('R-HOOK-1: resolved addresses are checked at delivery time (a public name pointing inside is refused)', () => {
    const verdict = checkTargetUrl('https://partner.example.se/hooks', 'production');
    if (!verdict.ok) throw new Error('expected ok');
    expect(addressAllowed('93.184.216.34', verdict)).toBe(true);
    expect(addressAllowed('2a00:1450:4001:80b::200e', verdict)).toBe(true);
    for (const a of ['127.0.0.1', '10.0.0.8', '169.254.169.254', '::1', 'fe80::1', 'fc00::1', '::ffff:192.168.1.1', '::ffff:c0a8:101', '224.0.0.1']) {
      expect(addressAllowed(a, verdict)).toBe(false);
    }
    expect(forbiddenAddress('8.8.8.8')).toBe(false);
  });
});

describe('R-HOOK-1: events and payloads', () => {
  it('R-HOOK-1: only applied changes of access map to event types', () => {
    expect(eventTypeOfAction('access', 'access.staff.added')).toBe('staff.added');
    expect(eventTypeOfAction('access', 'access.employment.ended')).toBe('employment.ended');
    expect(eventTypeOfAction('access', 'access.change.proposed')).toBeNull();
    expect(eventTypeOfAction('organisations', 'access.staff.added')).toBeNull();
    expect(normaliseEventTypes(['staff.removed', 'staff.added', 'staff.added'])).toEqual(['staff.added', 'staff.removed']);
    expect(normaliseEventTypes([])).toBeNull();
    expect(normaliseEventTypes(['staff.deleted'])).toBeNull();
  });

  it('R-HOOK-1: a payload carries ids, names, roles, units and periods, never a personal number', () => {
    const payload = webhookPayload('staff.added', {
      id: '42', organisationId: '11111111-1111-4111-8111-111111111111', at: new Date('2026-11-28T12:00:00Z'), source: 'access', action: 'access.staff.added',
      target: 'person:22222222-2222-4222-8222-222222222222', before: null,
      after: { changeSetId: '33333333-3333-4333-8333-333333333333', receiptId: '44444444-4444-4444-8444-444444444444', roleCodes: ['TJANSTEADMIN'],
        unitGrants: [{ unitId: '55555555-5555-4555-8555-555555555555', schoolFormCodes: null }], validFrom: '2026-11-28', validTo: '2027-12-31',
        person: { givenName: 'Andrea', surname: 'Sandin', personalNumber: '197810175542' },
        personalNumber: '197810175542', personalNumberHash: 'abc' },
    });
    expect(payload).toEqual({
      type: 'staff.added', timestamp: '2026-11-28T12:00:00.000Z',
      data: {
        eventId: '42', organisationId: '11111111-1111-4111-8111-111111111111', personId: '22222222-2222-4222-8222-222222222222',
        person: { id: '22222222-2222-4222-8222-222222222222', givenName: 'Andrea', surname: 'Sandin' },
        changeSetId: '33333333-3333-4333-8333-333333333333', receiptId: '44444444-4444-4444-8444-444444444444',
        roles: ['TJANSTEADMIN'], units: [{ unitId: '55555555-5555-4555-8555-555555555555', schoolForms: null }], validFrom: '2026-11-28', validTo: '2027-12-31',
      },
    });
    expect(containsPersonalNumber(JSON.stringify(payload))).toBe(false);
    expect(containsPersonalNumber('{"x":"197810175542"}')).toBe(true);
    // A period change names the person too; its roles are read from the old list shape and from `{ person, roles }`.
    const period = (after: unknown) => webhookPayload('period.changed', {
      id: '43', organisationId: '11111111-1111-4111-8111-111111111111', at: new Date('2026-11-28T12:00:00Z'), source: 'access', action: 'access.period.changed',
      target: 'person:22222222-2222-4222-8222-222222222222', before: [{ roleCode: 'READER', validTo: '2027-12-31' }], after,
    }).data;
    expect(period({ person: { givenName: 'Agda', surname: 'Andersson' }, roles: [{ roleCode: 'READER', validTo: '2027-06-30' }] })).toMatchObject({
      person: { id: '22222222-2222-4222-8222-222222222222', givenName: 'Agda', surname: 'Andersson' }, before: [{ role: 'READER', validTo: '2027-12-31' }], after: [{ role: 'READER', validTo: '2027-06-30' }],
    });
    expect(period([{ roleCode: 'READER', validTo: '2027-06-30' }])).toMatchObject({ after: [{ role: 'READER', validTo: '2027-06-30' }] });
    expect(containsPersonalNumber('{"x":"19781017-5542"}')).toBe(true);
  });

  it('R-HOOK-1 with R-REV-1: a staff.changed of a review deadline names each role that ended and its date; other changes carry no such list', () => {
    const at = new Date('2026-11-28T12:00:00Z');
    const event = (after: Record<string, unknown>) => ({
      id: '44', organisationId: '11111111-1111-4111-8111-111111111111', at, source: 'access', action: 'access.staff.changed',
      target: 'person:22222222-2222-4222-8222-222222222222', before: { roles: [{ roleCode: 'READER', validTo: '2027-12-31' }] }, after,
    });
    const common = {
      changeSetId: '33333333-3333-4333-8333-333333333333', receiptId: '44444444-4444-4444-8444-444444444444', person: { givenName: 'Agda', surname: 'Andersson' },
      roleCodes: ['READER', 'REGISTRAR'], unitGrants: [], validFrom: '2013-11-11', validTo: null,
      rolePeriods: { REGISTRAR: { validFrom: '2020-01-01', validTo: null }, READER: { validFrom: '2013-11-11', validTo: '2026-11-27' } },
    };
    const sealed = webhookPayload('staff.changed', event({
      ...common, sealedBy: 'authority', reviewId: '66666666-6666-4666-8666-666666666666',
      ended: [{ roleCode: 'READER', validTo: '2026-11-27', previousValidTo: '2027-12-31', personalNumber: '197810175542' }],
    })).data;
    expect(sealed).toMatchObject({
      reason: 'ACCESS_REVIEW_DEADLINE', reviewId: '66666666-6666-4666-8666-666666666666',
      ended: [{ role: 'READER', validTo: '2026-11-27', previousValidTo: '2027-12-31' }],
      periods: [{ role: 'READER', validFrom: '2013-11-11', validTo: '2026-11-27' }, { role: 'REGISTRAR', validFrom: '2020-01-01', validTo: null }],
    });
    expect(containsPersonalNumber(JSON.stringify(sealed))).toBe(false);
    // A change signed with BankID (no seal, no ended roles): its periods, no deadline fields.
    const signed = webhookPayload('staff.changed', event(common)).data;
    expect(signed.periods).toEqual(sealed.periods);
    expect(['reason', 'reviewId', 'ended'].filter((k) => k in signed)).toEqual([]);
  });

  it('R-HOOK-1: the first retry comes within 30 s, then back-off doubles; a day of failures gives up', () => {
    expect(retryDelayMs(1)).toBeLessThanOrEqual(30_000);
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    expect(retryDelayMs(40)).toBe(3_600_000);
    const first = new Date('2026-11-28T00:00:00Z');
    expect(shouldGiveUp(first, new Date('2026-11-28T23:59:59Z'))).toBe(false);
    expect(shouldGiveUp(first, new Date('2026-11-29T00:00:00Z'))).toBe(true);
    expect([200, 204, 299].every(acknowledged)).toBe(true);
    expect([301, 302, 400, 500].some(acknowledged)).toBe(false);
  });
});
