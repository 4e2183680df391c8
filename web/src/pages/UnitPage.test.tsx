import { fireEvent, render, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { UnitPage } from './UnitPage';
import { mockClient, Wrap } from '../test-utils';
import { stockholmDate } from '../lib/dates';

const today = stockholmDate();
const organisation = {
  __typename: 'Organisation', id: 'o1', name: 'Aratron AB',
  units: [{
    __typename: 'Unit', id: 'u1', name: 'Aratron Stöd och matchning', closed: false,
    service: { __typename: 'Service', code: 'STOM', name: 'Stöd och matchning' }, schoolForms: [],
    addresses: [{ __typename: 'Address', id: 'a1', street: 'Drottninggatan 10', postalCode: '111 51', city: 'Stockholm' }],
  }],
};
const roles = [
  { __typename: 'Role', code: 'PERMISSION_ADMIN', grants: [{ __typename: 'FunctionGrant', function: 'MANAGE_USERS', access: 'UPDATE' }] },
  { __typename: 'Role', code: 'READER', grants: [{ __typename: 'FunctionGrant', function: 'MANAGE_USERS', access: 'READ' }, { __typename: 'FunctionGrant', function: 'ACCOUNT_INFO', access: 'READ' }] },
];
const person = (id: string, givenName: string, surname: string, birthDate: string) => ({
  __typename: 'PersonEdge', cursor: `c-${id}`, node: { __typename: 'Person', id, givenName, surname, birthDate },
});

function answer(op: { operationName?: string; variables: Record<string, unknown> }) {
  switch (op.operationName) {
    case 'UnitPage': return { data: { organisation, roles } };
    case 'WhoCanHere': {
      // R-ROLE-2a: UPDATE implies READ, so the READ answer includes the administrator too.
      const edges = op.variables.access === 'READ'
        ? [person('p1', 'Fridolf', 'Halldin', '1987-06-29'), person('p2', 'Karina', 'Asp', '1987-05-07')]
        : [person('p1', 'Fridolf', 'Halldin', '1987-06-29')];
      return { data: { whoCan: { __typename: 'PersonConnection', totalCount: edges.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges } } };
    }
    default: return null;
  }
}

function renderAt(path: string, lang: 'sv' | 'en' = 'sv') {
  const client = mockClient(answer);
  render(<Wrap client={client} lang={lang} path={path}><Routes><Route path="/org/:organisationId/units/:unitId" element={<UnitPage />} /></Routes></Wrap>);
  return client;
}

describe('the unit page', () => {
  it('R-SCOPE-3: asks whoCan for this unit, function, level and day, and links each person to their page', async () => {
    const client = renderAt('/org/o1/units/u1');
    await screen.findByRole('heading', { level: 1, name: 'Aratron Stöd och matchning' });
    expect(screen.getByText('Drottninggatan 10, 111 51 Stockholm')).toBeTruthy();
    const who = screen.getByRole('region', { name: 'Vem får göra vad här' });
    const link = await within(who).findByRole('link', { name: 'Halldin, Fridolf' });
    expect(link.getAttribute('href')).toBe('/org/o1/people/p1');
    expect(within(who).getByRole('status').textContent).toMatch(/^1 personer får .* \(ändra\) här den/);
    expect(client.calls.find((c) => c.name === 'WhoCanHere')?.variables)
      .toMatchObject({ organisationId: 'o1', unitId: 'u1', function: 'MANAGE_USERS', access: 'UPDATE', on: today, first: 25 });
    // The function list comes from the role catalogue's grants.
    expect(within(who).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual(expect.arrayContaining(['MANAGE_USERS', 'ACCOUNT_INFO']));

    // Filter by level and day: nothing is asked until "Visa".
    fireEvent.change(within(who).getByLabelText('Nivå'), { target: { value: 'READ' } });
    fireEvent.change(within(who).getByLabelText('Datum'), { target: { value: '2027-01-15' } });
    fireEvent.change(within(who).getByLabelText('Funktion'), { target: { value: 'ACCOUNT_INFO' } });
    expect(client.calls.filter((c) => c.name === 'WhoCanHere' && c.variables.access !== 'UPDATE')).toHaveLength(0);
    fireEvent.click(within(who).getByRole('button', { name: 'Visa' }));
    await within(who).findByRole('link', { name: 'Asp, Karina' });
    expect(client.calls.filter((c) => c.name === 'WhoCanHere').at(-1)?.variables)
      .toMatchObject({ unitId: 'u1', function: 'ACCOUNT_INFO', access: 'READ', on: '2027-01-15' });
    expect(within(who).getByRole('status').textContent).toMatch(/^2 personer får .* \(läsa\) här den/);
    // R-USR-1: birth date, never a personal number
    expect(document.body.textContent).not.toMatch(/\d{8}-?\d{4}/);
  });

  it('says so when the unit is not in the organisation, and the English texts are there', async () => {
    const client = renderAt('/org/o1/units/nope', 'en');
    await screen.findByText('The unit does not exist in this organisation.');
    expect(screen.getByRole('link', { name: '← Back to Details' }).getAttribute('href')).toBe('/org/o1/details');
    expect(client.calls.some((c) => c.name === 'WhoCanHere')).toBe(false);
  });
});
