import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n';
import { RoleMatrix, matrixFunctions, type MatrixRole } from './RoleMatrix';

const roles: MatrixRole[] = [
  { code: 'PERMISSION_ADMIN', name: 'Behörighetsadministratör', orgWideOnly: true, grants: [{ function: 'MANAGE_USERS', access: 'UPDATE' }, { function: 'CONTACT_PERSON', access: 'UPDATE' }] },
  { code: 'SERVICE_ADMIN', name: 'Tjänsteadministratör', grants: [{ function: 'CONTACT_PERSON', access: 'UPDATE' }, { function: 'NEW_THING', access: 'UPDATE' }] },
  { code: 'READER', name: 'Läsare', grants: [{ function: 'CONTACT_PERSON', access: 'READ' }] },
];

describe('role matrix (R-ROLE-2)', () => {
  it('lists functions once, in catalogue order', () => {
    expect(matrixFunctions(roles)).toEqual(['MANAGE_USERS', 'CONTACT_PERSON', 'NEW_THING']);
  });

  it('R-ROLE-2: renders ● for update and ○ for read, roles as columns, Swedish function names as rows', () => {
    render(<I18nProvider lang="sv"><RoleMatrix roles={roles} caption="KA Webb" /></I18nProvider>);
    const table = screen.getByRole('table', { name: 'KA Webb' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Funktion', 'Behörighetsadministratör', 'Tjänsteadministratör', 'Läsare']);
    const contact = within(table).getByRole('row', { name: /Kontaktperson/ });
    expect(within(contact).getAllByRole('cell').map((c) => c.textContent)).toEqual(['●', '●', '○']);
    const manage = within(table).getByRole('row', { name: /Hantera användare/ });
    expect(within(manage).getAllByRole('cell').map((c) => c.textContent)).toEqual(['●', '', '']);
    // an unknown function code (the catalogue is data) shows as its code
    expect(within(table).getByRole('rowheader', { name: 'NEW_THING' })).toBeTruthy();
    expect(within(contact).getAllByLabelText('Läsa')).toHaveLength(1);
  });

  it('renders English names when switched', () => {
    render(<I18nProvider lang="en"><RoleMatrix roles={roles} caption="KA Webb" /></I18nProvider>);
    expect(screen.getByRole('rowheader', { name: 'Manage users' })).toBeTruthy();
  });
});
