import { parseServiceCode, checkSchoolForms } from './catalogue.rules';
import { refusal } from '../../../../test/support/refusal';

describe('catalogues', () => {
  it('R-ORG-2: service codes are API identifiers', () => {
    expect(parseServiceCode('RUSTA_OCH_MATCHA')).toBe('RUSTA_OCH_MATCHA');
    expect(refusal(() => parseServiceCode('rusta och matcha')).field).toBe('code');
  });
  it('R-ORG-5: school forms must come from the catalogue', () => {
    expect(checkSchoolForms(['SFI', 'SFI', 'SARVUX'], ['SFI', 'SARVUX'])).toEqual(['SFI', 'SARVUX']);
    expect(refusal(() => checkSchoolForms(['SFI', 'GYMNASIUM'], ['SFI'])).message).toMatch(/Unknown school form: GYMNASIUM/);
  });
});
