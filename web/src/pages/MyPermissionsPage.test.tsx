import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MyPermissionsPage } from './MyPermissionsPage';
import { mockClient, Wrap } from '../test-utils';
import { addDays, stockholmDate } from '../lib/dates';

const unit = (id: string, name: string) => ({ __typename: 'Unit', id, name, closed: false, service: { __typename: 'Service', code: 'KOMVUX', name: 'Komvux' }, addresses: [{ __typename: 'Address', id: `a-${id}`, street: 'Kistagången 12', postalCode: '164 40', city: 'Kista' }] });
const org = (id: string, name: string, units: ReturnType<typeof unit>[]) => ({ __typename: 'Organisation', id, name, orgNumber: '212000-2809', units });
const role = (code: string, name: string) => ({ __typename: 'Role', code, name, system: 'KA_WEBB' });
const today = stockholmDate();

const scopes = [
  { __typename: 'PermissionScope', organisation: org('d', 'Dorotea kommun', [unit('ubk', 'Dorotea UBK')]), orgWide: true, units: [], role: role('PERMISSION_ADMIN', 'Behörighetsadministratör'), validFrom: '2016-05-01', validTo: null },
  { __typename: 'PermissionScope', organisation: org('v', 'Vuxenlärcentrum Stockholm AB', [unit('k', 'Kista vuxenutbildning'), unit('s', 'Södermalms vuxenutbildning')]), orgWide: false, units: [unit('k', 'Kista vuxenutbildning')], role: role('READER', 'Läsare'), validFrom: '2025-01-01', validTo: addDays(today, 10) },
];

describe('Mina behörigheter (R-SCOPE-1)', () => {
  it('one request; organisations → units/addresses → roles with validity; ending soon highlighted', async () => {
    const client = mockClient((op) => (op.operationName === 'MyPermissions' ? { data: { me: { __typename: 'Person', id: 'p', permissionScopes: scopes } } } : null));
    render(<Wrap client={client}><MyPermissionsPage /></Wrap>);
    const dorotea = await screen.findByRole('region', { name: /Dorotea kommun/ });
    // org-wide: "Hela organisationen" and every unit of the organisation
    expect(within(dorotea).getByText('Hela organisationen')).toBeTruthy();
    expect(within(dorotea).getByText('Dorotea UBK')).toBeTruthy();
    expect(within(dorotea).getByRole('cell', { name: 'Tillsvidare' })).toBeTruthy();
    const vux = screen.getByRole('region', { name: /Vuxenlärcentrum/ });
    expect(within(vux).getByText('Kista vuxenutbildning')).toBeTruthy();
    expect(within(vux).queryByText('Södermalms vuxenutbildning')).toBeNull();
    expect(within(vux).getByText(/Kistagången 12, 164 40 Kista/)).toBeTruthy();
    const row = within(vux).getByRole('row', { name: /Läsare/ });
    expect(row.className).toBe('ending-soon');
    expect(within(row).getByText('Upphör snart')).toBeTruthy();
    expect(within(dorotea).queryByText('Upphör snart')).toBeNull();
    // the page's only operation (the network count of one request is checked in the browser journey)
    expect([...new Set(client.calls.map((c) => c.name))]).toEqual(['MyPermissions']);
  });
});
