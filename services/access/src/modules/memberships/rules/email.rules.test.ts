import { ValidationError } from '@behorig/kit/errors';
import { optionalStaffEmail } from './email.rules';

describe('staff e-mail addresses', () => {
  it('R-USR-1: an e-mail address is trimmed; empty or missing means none', () => {
    expect(optionalStaffEmail(' förnamn.efternamn@exempel.se ', 'input.email')).toBe('förnamn.efternamn@exempel.se');
    for (const none of [null, undefined, '', '   ']) expect(optionalStaffEmail(none, 'input.email')).toBeNull();
  });
  it('R-USR-1: text that is not an e-mail address is refused naming the field', () => {
    for (const bad of ['!', 'a@b', '<img src=x onerror=alert(1)>@x.se', 'a b@c.se', `${'Ä'.repeat(300)}@x.se`, `a@${'b'.repeat(260)}.se`]) {
      expect(() => optionalStaffEmail(bad, 'input.email')).toThrow(ValidationError);
    }
    try { optionalStaffEmail('!', 'input.email'); } catch (e) { expect((e as ValidationError).field).toBe('input.email'); }
  });
});
