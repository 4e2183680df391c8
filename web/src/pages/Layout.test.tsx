import { render, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Layout } from './Layout';
import { RequireUserAccess } from '../components/RequireAccess';
import { mockClient, Wrap } from '../test-utils';

function setup(usersAllowed: boolean, path = '/org/o1/permissions', notices: unknown[] = []) {
  const client = mockClient((op) => {
    if (op.operationName === 'Notices') return { data: { organisation: { __typename: 'Organisation', id: 'o1', notices } } };
    if (op.operationName === 'NavAccess') return { data: { users: { __typename: 'AccessDecision', allowed: usersAllowed } } };
    if (op.operationName === 'Me') return { data: { me: { __typename: 'Person', id: 'p', givenName: 'Agda', surname: 'Andersson', memberships: [{ __typename: 'Membership', organisation: { __typename: 'Organisation', id: 'o1', name: 'Aratron AB' } }] } } };
    return null;
  });
  render(
    <Wrap client={client} path={path}>
      <Routes>
        <Route path="/org/:organisationId" element={<Layout />}>
          <Route path="permissions" element={<h1>Mina behörigheter</h1>} />
          <Route path="staff" element={<RequireUserAccess><h1>Användare</h1></RequireUserAccess>} />
        </Route>
      </Routes>
    </Wrap>,
  );
  return client;
}

describe('permission-aware navigation', () => {
  it('a reader (no user management) is not offered Användare or Logg', async () => {
    const client = setup(false);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    await within(nav).findByRole('link', { name: 'Mina behörigheter' });
    await new Promise((r) => setTimeout(r, 20));
    expect(client.calls.some((c) => c.name === 'NavAccess' && c.variables.organisationId === 'o1')).toBe(true);
    expect(within(nav).queryByRole('link', { name: 'Användare' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Logg' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Roller' })).toBeTruthy();
  });

  it('an administrator is offered them', async () => {
    setup(true);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await within(nav).findByRole('link', { name: 'Användare' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Logg' })).toBeTruthy();
  });

  it('a reader who follows an old link to Användare reads why, in Swedish, instead of a server error', async () => {
    setup(false, '/org/o1/staff');
    expect(await screen.findByRole('heading', { name: 'Du har inte behörighet till den här delen' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Användare' })).toBeNull();
  });

  it('R-NOTE-1: the badge on Att göra is read as words, and the link\'s name starts with its visible text (WCAG 2.5.3)', async () => {
    setup(true, '/org/o1/permissions', [{}, {}]);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    const link = await within(nav).findByRole('link', { name: /^Att göra\s*, 2 st$/ }); // jsdom spaces the spans; a browser does not
    expect(link.getAttribute('aria-label')).toBeNull();
    expect(link.textContent).toMatch(/^Att göra/);
    expect(within(link).getByText('2').getAttribute('aria-hidden')).toBe('true');
  });
});
