// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionLabel, roleLabel } from './labels';

const catalogue = readFileSync(join(__dirname, '..', '..', '..', 'services', 'access', 'src', 'modules', 'roles', 'rules', 'role-catalogue.data.ts'), 'utf8');

describe('role and function names in both languages (R-ROLE-1, R-ROLE-2a)', () => {
  it('Swedish shows the catalogue\'s own name; English its translation', () => {
    expect(roleLabel('sv', { code: 'READER', name: 'Läsare' })).toBe('Läsare');
    expect(roleLabel('en', { code: 'READER', name: 'Läsare' })).toBe('Reader');
    expect(roleLabel('en', { code: 'PERMISSION_ADMIN', name: 'Behörighetsadministratör' })).toBe('Permission administrator');
    // The catalogue is data: a role the client does not know yet shows the server's name.
    expect(roleLabel('en', { code: 'NEW_ROLE', name: 'Ny roll' })).toBe('Ny roll');
  });

  it('every role and function of the access catalogue has an English name', () => {
    const rolesPart = catalogue.slice(catalogue.indexOf('export const roles'));
    const functionsPart = catalogue.slice(0, catalogue.indexOf('export const roles'));
    const roleCodes = [...rolesPart.matchAll(/code: '([A-Z_]+)',\s*\n\s*name: '/g)].map((m) => m[1]);
    expect(roleCodes).toEqual(expect.arrayContaining(['PERMISSION_ADMIN', 'READER', 'ADMINISTER_PERMISSIONS', 'VUX_EXTERN_ANORDNARE_ANSVARIG']));
    for (const code of roleCodes) expect(roleLabel('en', { code, name: '§' }), code).not.toBe('§');
    const functionCodes = [...functionsPart.matchAll(/code: '([A-Z_]+)',\s*name: '[^']+',\s*group:/g)].map((m) => m[1]);
    expect(functionCodes.length).toBeGreaterThan(15);
    for (const code of functionCodes) {
      expect(functionLabel('en', code), code).not.toBe(code);
      expect(functionLabel('sv', code), code).not.toBe(code);
    }
  });
});
