import type { Actor } from '@behorig/kit';
import type { PermissionSource } from '../clients/access.client';
import { bindPermissions } from './permission-client';

describe('permission answers per request', () => {
  const arvid: Actor = { kind: 'person', personId: null, authority: false };

  it('R-ROLE-3: the authority is allowed without asking; per request each question is asked once', async () => {
    const asked: string[] = [];
    const counting: PermissionSource = { can: async (_a, fn, access, org) => { asked.push(`${fn} ${access} ${org}`); return false; } };
    const authority = bindPermissions({ kind: 'person', personId: null, authority: true }, counting, 'Bearer x');
    expect(await authority.can('ACCOUNT_INFO', 'UPDATE', 'org-dorotea')).toBe(true);
    const person = bindPermissions(arvid, counting, 'Bearer arvid');
    await person.can('CONTACT_PERSON', 'READ', 'org-dorotea');
    await person.can('CONTACT_PERSON', 'READ', 'org-dorotea');
    await expect(person.require('CONTACT_PERSON', 'READ', 'org-dorotea')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(asked).toEqual(['CONTACT_PERSON READ org-dorotea']);
    expect(() => person.requireAuthority('create organisations')).toThrow(/Only the authority/);
  });
});
