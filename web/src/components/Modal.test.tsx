import { StrictMode, useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreateStaffDialog } from '../pages/staff/CreateStaffDialog';
import { mockClient, Wrap } from '../test-utils';
import { Modal } from './Modal';

const roles = [{ __typename: 'Role', code: 'READER', name: 'Läsare', system: 'KA_WEBB', orgWideOnly: false, isPermissionAdmin: false }];

describe('dialogs open clean', () => {
  it('the create dialog opens with focus on Personnummer and no error showing, in StrictMode as the app runs', async () => {
    const client = mockClient((op) => (op.operationName === 'RoleCatalogue' ? { data: { roles } } : null));
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>Skapa användare</button>
          {open && <CreateStaffDialog organisationId="org1" units={[{ id: 'u1', name: 'Dorotea UBK', closed: false }]} onClose={() => setOpen(false)} onCreated={() => {}} />}
        </>
      );
    }
    render(<StrictMode><Wrap client={client}><Page /></Wrap></StrictMode>);
    const opener = screen.getByRole('button', { name: 'Skapa användare' });
    opener.focus();
    fireEvent.click(opener);
    await act(async () => { await new Promise((r) => setTimeout(r, 10)); });
    expect(screen.getByRole('dialog', { name: 'Skapa användare' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Personnummer'));
    expect(screen.queryByText('Fyll i fältet.')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Personnummer').getAttribute('aria-invalid')).toBeNull();
  });

  it('focus returns to the opening button when the dialog closes', async () => {
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>Öppna</button>
          {open && <Modal title="Test" onClose={() => setOpen(false)}><input aria-label="Fält" /></Modal>}
        </>
      );
    }
    render(<StrictMode><Wrap client={mockClient(() => null)}><Opener /></Wrap></StrictMode>);
    const opener = screen.getByRole('button', { name: 'Öppna' });
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByLabelText('Fält'));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await act(async () => { await new Promise((r) => setTimeout(r, 10)); });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
