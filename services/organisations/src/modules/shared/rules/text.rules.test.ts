import { optionalEmail, optionalPhone, optionalWebsite, requiredText } from './text.rules';
import { refusal } from '../../../../test/support/refusal';

describe('text fields', () => {
  it('R-ORG-1: contact fields are checked the way people write them', () => {
    expect(optionalPhone('+46094214000', 'phone1')).toBe('+46094214000');
    expect(optionalPhone('0942-140 00', 'phone1')).toBe('0942-140 00');
    expect(refusal(() => optionalPhone('call me', 'phone2')).field).toBe('phone2');
    expect(optionalEmail('')).toBeNull();
    expect(refusal(() => optionalEmail('arvid@')).field).toBe('email');
    expect(optionalWebsite('www.dorotea.se')).toBe('www.dorotea.se');
    expect(refusal(() => requiredText('   ', 'givenName', 'The given name')).message).toBe('The given name must not be empty.');
  });
});
