import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { CreateStaffDialog } from './CreateStaffDialog';
import { mockClient, Wrap } from '../../test-utils';

const roles = [
  { __typename: 'Role', code: 'PERMISSION_ADMIN', name: 'Behörighetsadministratör', system: 'KA_WEBB', orgWideOnly: true, isPermissionAdmin: true },
  { __typename: 'Role', code: 'READER', name: 'Läsare', system: 'KA_WEBB', orgWideOnly: false, isPermissionAdmin: false },
  { __typename: 'Role', code: 'BER_ADMINISTRATOR', name: 'BER-administratör', system: 'SKOLPLATTFORMEN', orgWideOnly: false, isPermissionAdmin: false },
];
const units = [
  { id: 'u1', name: 'Dorotea UBK', closed: false },
  { id: 'u2', name: 'Stängd enhet', closed: true },
  { id: 'u3', name: 'Aratron Stöd', closed: false, addresses: [{ id: 'a1', street: 'Drottninggatan 10', city: 'Stockholm' }, { id: 'a2', street: 'Kungsgatan 5', city: 'Uppsala' }] },
];

function setup(mutation: () => { data?: unknown; error?: unknown } = () => ({ data: { proposeStaff: { __typename: 'PendingChange', id: 'c1', kind: 'NEW' } } })) {
  const client = mockClient((op) => (op.operationName === 'RoleCatalogue' ? { data: { roles } } : op.operationName === 'ProposeStaff' ? mutation() : null));
  const onCreated = vi.fn();
  render(
    <Wrap client={client}>
      <CreateStaffDialog organisationId="org1" units={units} onClose={() => {}} onCreated={onCreated} />
    </Wrap>,
  );
  return { client, onCreated };
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('Skapa användare dialog', () => {
  it('is a labelled modal dialog with labelled fields; only open units are offered', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Skapa användare' })).toBeTruthy();
    for (const l of ['Personnummer', 'Förnamn', 'Efternamn', 'E-post', 'Startdatum', 'Slutdatum']) expect(screen.getByLabelText(l)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Stängd enhet' })).toBeNull();
  });

  it('R-ROLE-3: every catalogue role is offered, grouped by system (an administrator gives roles they do not hold)', async () => {
    setup();
    const groups = await screen.findAllByRole('group');
    const kaWebb = groups.find((g) => g.querySelector('legend')?.textContent === 'KA Webb')!;
    const skola = groups.find((g) => g.querySelector('legend')?.textContent === 'Skolplattformen')!;
    expect(kaWebb.querySelectorAll('input[type=checkbox]')).toHaveLength(2);
    expect(skola.querySelector('input[value=BER_ADMINISTRATOR]')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'BER-administratör' })).toBeTruthy();
  });

  it('R-ID-1: shows the personal-number error inline once the field is left, tied by aria-describedby', () => {
    setup();
    fill('Personnummer', '19640326-1231');
    expect(screen.queryByText('Kontrollsiffran stämmer inte.')).toBeNull(); // not while typing
    fireEvent.blur(screen.getByLabelText('Personnummer'));
    const input = screen.getByLabelText('Personnummer');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText('Kontrollsiffran stämmer inte.');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    fill('Personnummer', '19640326-1230');
    expect(screen.queryByText('Kontrollsiffran stämmer inte.')).toBeNull();
  });

  it('submitting an empty form shows every required-field error and sends nothing', () => {
    const { client } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till att signera' }));
    expect(screen.getAllByText('Fyll i fältet.').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByText('Välj minst en roll.')).toBeTruthy();
    expect(screen.getByText('Välj minst en utförande verksamhet.')).toBeTruthy();
    expect(client.calls.filter((c) => c.name === 'ProposeStaff')).toHaveLength(0);
  });

  it('R-PERIOD-2 / R-PERIOD-3: end-date rules inline', () => {
    setup();
    fill('Slutdatum', '2099-01-01');
    fireEvent.blur(screen.getByLabelText('Slutdatum'));
    expect(screen.getByText('Slutdatum får vara senast 31 december nästa år.')).toBeTruthy();
    const nextYear = new Date().getFullYear() + 1;
    fill('Slutdatum', `${nextYear}-06-30`);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Behörighetsadministratör' }));
    expect(screen.getByText('Behörighetsadministratörer får inget slutdatum.')).toBeTruthy();
  });

  it('sends the canonical personal number and the chosen roles/units, then reports success', async () => {
    const { client, onCreated } = setup();
    fill('Personnummer', '640326-1230');
    fill('Förnamn', 'Arvid');
    fill('Efternamn', 'Aronsson');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Läsare' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dorotea UBK' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till att signera' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const call = client.calls.find((c) => c.name === 'ProposeStaff')!;
    expect(call.variables).toMatchObject({ organisationId: 'org1', input: { personalNumber: '196403261230', givenName: 'Arvid', surname: 'Aronsson', email: null, roleCodes: ['READER'], unitIds: ['u1'], validTo: null } });
  });

  it('R-USR-2: a ticked unit with several offices offers them; the ticked office is sent, none ticked means all offices (null)', async () => {
    const { client, onCreated } = setup();
    fill('Personnummer', '640326-1230');
    fill('Förnamn', 'Arvid');
    fill('Efternamn', 'Aronsson');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Läsare' }));
    expect(screen.queryByRole('group', { name: 'Kontor på Aratron Stöd' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Aratron Stöd' }));
    const offices = screen.getByRole('group', { name: 'Kontor på Aratron Stöd' });
    expect(offices.querySelectorAll('input[type=checkbox]')).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Kungsgatan 5, Uppsala' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dorotea UBK' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till att signera' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const call = client.calls.find((c) => c.name === 'ProposeStaff')!;
    expect(call.variables).toMatchObject({ input: { unitIds: ['u3', 'u1'], addressIds: ['a2'] } });
  });

  it('shows an API error next to the field named by extensions.field', async () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('Arvid Aronsson already works here', { extensions: { code: 'BAD_USER_INPUT', reason: 'ALREADY_STAFF', field: 'input.personalNumber' } })] });
    const { onCreated } = setup(() => ({ error }));
    fill('Personnummer', '19640326-1230');
    fill('Förnamn', 'Arvid');
    fill('Efternamn', 'Aronsson');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Läsare' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dorotea UBK' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till att signera' }));
    // The reason's Swedish text, never the server's English message.
    const message = await screen.findByText('Personen arbetar redan här. Ändra personens behörigheter i stället.');
    expect(screen.queryByText('Arvid Aronsson already works here')).toBeNull();
    expect(screen.getByLabelText('Personnummer').getAttribute('aria-describedby')).toContain(message.id);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('never renders the server message (not even as text): an unknown reason reads as the generic text', async () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('<img src=x onerror=alert(1)>', { extensions: { code: 'BAD_USER_INPUT', field: 'input.givenName' } })] });
    setup(() => ({ error }));
    fill('Personnummer', '19640326-1230');
    fill('Förnamn', 'A');
    fill('Efternamn', 'B');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Läsare' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dorotea UBK' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till att signera' }));
    await screen.findByText('Något av värdena är inte giltigt. Kontrollera uppgifterna.');
    expect(screen.queryByText('<img src=x onerror=alert(1)>')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
