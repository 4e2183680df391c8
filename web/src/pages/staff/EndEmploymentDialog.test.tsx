import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EndEmploymentDialog } from './EndEmploymentDialog';
import { mockClient, Wrap } from '../../test-utils';

const employments = [
  { unit: { id: 'k', name: 'Kista vuxenutbildning' }, schoolFormCode: 'SFI' },
  { unit: { id: 'k', name: 'Kista vuxenutbildning' }, schoolFormCode: 'KOMVUX_GYMNASIAL' },
  { unit: { id: 's', name: 'Södermalms vuxenutbildning' }, schoolFormCode: 'SFI' },
];
const names = { SFI: 'SFI', KOMVUX_GYMNASIAL: 'Komvux gymnasial' };

function open(actorSchoolForms: (string | null)[]) {
  const preview = {
    __typename: 'EndEmploymentPreview', endDate: '2026-12-31',
    assignments: [{ __typename: 'EmploymentAssignment', unit: { __typename: 'Unit', id: 'k', name: 'Kista vuxenutbildning' }, schoolFormCode: 'SFI', role: { __typename: 'Role', code: 'ELEVDOK_GRADES', name: 'Elevdokumentation' }, validTo: '2026-12-31', previousValidTo: '2027-06-30' }],
  };
  const client = mockClient((op) => {
    if (op.operationName === 'EndEmploymentPreview') return { data: { endEmploymentPreview: preview } };
    if (op.operationName === 'EndEmployment') return { data: { endEmployment: { ...preview, assignments: [] } } };
    return null;
  });
  render(
    <Wrap client={client}>
      <EndEmploymentDialog organisationId="vux" person={{ id: 'tage', name: 'Tage Lärare' }} employments={employments}
        actorSchoolForms={actorSchoolForms} actorOrgWide={false} schoolFormNames={names} onClose={() => {}} onDone={() => {}} />
    </Wrap>,
  );
  return client;
}

const options = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);

describe('Avsluta personal wizard', () => {
  it('R-END-2: the unit is one of the employee\'s units or "Alla"', () => {
    open([null]);
    expect(options('Enhet')).toEqual(['Alla', 'Kista vuxenutbildning', 'Södermalms vuxenutbildning']);
  });

  it('R-END-3: "Alla" school forms is offered only when the actor covers every school form', () => {
    open(['SFI']);
    expect(options('Skolform')).toEqual(['SFI', 'Komvux gymnasial']);
    fireEvent.change(screen.getByLabelText('Enhet'), { target: { value: 's' } });
    expect(options('Skolform')).toEqual(['Alla', 'SFI']);
  });

  it('R-END-4: preview lists what ends, with end date and unit on top; only Slutför applies it', async () => {
    const client = open([null]);
    fireEvent.change(screen.getByLabelText('Slutdatum (sista anställningsdag)'), { target: { value: '2026-12-31' } });
    fireEvent.change(screen.getByLabelText('Enhet'), { target: { value: 'k' } });
    fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska' }));
    await screen.findByText('Slutdatum 2026-12-31, enhet Kista vuxenutbildning');
    expect(screen.getByRole('cell', { name: '2027-06-30 → 2026-12-31' })).toBeTruthy();
    expect(client.calls.map((c) => c.name)).toEqual(['EndEmploymentPreview']);
    expect(client.calls[0].variables).toEqual({ input: { organisationId: 'vux', personId: 'tage', endDate: '2026-12-31', unitId: 'k', schoolFormCode: null } });
    fireEvent.click(screen.getByRole('button', { name: 'Slutför' }));
    await waitFor(() => expect(screen.getByText('Personalen är avslutad.')).toBeTruthy());
    expect(client.calls.map((c) => c.name)).toEqual(['EndEmploymentPreview', 'EndEmployment']);
  });
});
