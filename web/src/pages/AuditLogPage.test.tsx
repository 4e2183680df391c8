import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLogPage } from './AuditLogPage';
import { mockClient, Wrap } from '../test-utils';
import type { Lang } from '../i18n';
import { LOG_REFRESH_MS } from '../lib/refresh-while-visible';

const ANDREA = '00000000-0000-4000-8003-0000000000aa';
const GONE = '00000000-0000-4000-8003-0000000000bb';
const event = (seq: number, action: string, target: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'AuditEvent', id: `e${seq}`, seq, at: '2026-11-20T09:15:00Z', action, target, before: null, after: null, hash: `h${seq}`,
  actorLabel: 'person:arvid', actor: { __typename: 'Person', id: 'arvid', givenName: 'Arvid', surname: 'Aronsson' }, receipt: null, ...extra,
});
const events = [
  event(1, 'access.change.proposed', 'person:1978-10-17', { after: JSON.stringify({ kind: 'NEW', roleCodes: ['SERVICE_ADMIN'], validFrom: '2026-11-20', validTo: '2027-12-31' }) }),
  event(2, 'access.changes.signing_started', 'change_set:cs1'),
  event(3, 'changes.signed', 'changeSet:cs1', { receipt: { __typename: 'Receipt', id: 'r1234567-aaaa' } }),
  event(4, 'access.staff.added', `person:${ANDREA}`, { after: JSON.stringify({ roleCodes: ['SERVICE_ADMIN'], validFrom: '2026-11-20', validTo: '2027-12-31' }) }),
  event(5, 'access.period.changed', `person:${GONE}`, { actor: null, actorLabel: 'pnr:191212121212', before: JSON.stringify([{ roleCode: 'SERVICE_ADMIN', validTo: '2027-12-31' }]), after: JSON.stringify([{ roleCode: 'SERVICE_ADMIN', validTo: '2027-06-30' }]) }),
];

/** `logged()`: the events the log holds when the page asks (the outbox may deliver more later). */
function setup(lang: Lang = 'sv', logged: () => typeof events = () => events) {
  const client = mockClient((op) => {
    if (op.operationName === 'AuditLog') return { data: { organisation: { __typename: 'Organisation', id: 'org1', units: [{ __typename: 'Unit', id: 'u1', name: 'Dorotea UBK' }], auditLog: { __typename: 'AuditEventConnection', totalCount: logged().length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: logged().map((node) => ({ __typename: 'AuditEventEdge', cursor: node.id, node })) } } } };
    if (op.operationName === 'AuditPeople') return { data: { organisation: { __typename: 'Organisation', id: 'org1', staff: { __typename: 'StaffConnection', edges: [{ __typename: 'StaffEdge', node: { __typename: 'Person', id: ANDREA, givenName: 'Andrea', surname: 'Sandin', birthDate: '1978-10-17' } }] } } } };
    if (op.operationName === 'AuditPerson') return { data: { person: op.variables.id === GONE ? { __typename: 'Person', id: GONE, givenName: 'Karina', surname: 'Asp', birthDate: '1987-05-07' } : null } };
    if (op.operationName === 'RoleCatalogue') return { data: { roles: [{ __typename: 'Role', code: 'SERVICE_ADMIN', name: 'Tjänsteadministratör', system: 'KA_WEBB', orgWideOnly: false, isPermissionAdmin: false }] } };
    return null;
  });
  render(
    <Wrap client={client} lang={lang} path="/org/org1/log">
      <Routes><Route path="/org/:organisationId/log" element={<AuditLogPage />} /></Routes>
    </Wrap>,
  );
  return client;
}

afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); vi.useRealTimers(); });

describe('Logg: a log people can read (R-AUDIT-1, R-AUDIT-3)', () => {
  it('shows events, targets and actors in Swedish words: no codes, no ids, no personal numbers', async () => {
    setup();
    const table = await screen.findByRole('table');
    await within(table).findByText('Andrea Sandin, född 17 okt. 1978');
    await within(table).findByText('Karina Asp, född 7 maj 1987'); // not on the staff list: looked up by id
    for (const text of ['Ändring föreslagen (väntar på signering)', 'Signering påbörjad', 'Ändringar signerade med BankID', 'Användare tillagd', 'Behörighetsperiod ändrad', 'Ny person, född 17 okt. 1978', 'Myndighetens handläggare', 'Slutdatum: 31 dec. 2027 → 30 juni 2027']) {
      expect(within(table).getAllByText(text).length, text).toBeGreaterThan(0);
    }
    expect(within(table).getAllByText('Ändringar att signera')).toHaveLength(2); // change_set: and changeSet: alike
    expect(within(table).getAllByText(/Roller: Tjänsteadministratör\. Period: 20 nov\. 2026 – 31 dec\. 2027/).length).toBe(2);
    const visible = Array.from(table.querySelectorAll('td')).map((td) => Array.from(td.childNodes).filter((n) => n.nodeName !== 'DETAILS').map((n) => n.textContent).join(' ')).join('\n');
    expect(visible).not.toMatch(/person:|change_?set:|changeSet:|access\.[a-z]|[0-9a-f]{8}-[0-9a-f]{4}-|191212121212/i);
  });

  it('the same in English, with English dates', async () => {
    setup('en');
    const table = await screen.findByRole('table');
    await within(table).findByText('Andrea Sandin, born 17 Oct 1978');
    expect(within(table).getByText('Authorisation period changed')).toBeTruthy();
    expect(within(table).getByText('End date: 31 Dec 2027 → 30 Jun 2027')).toBeTruthy();
    expect(within(table).getAllByText('Changes to sign')).toHaveLength(2);
  });

  it('filters by event and by period: the API gets the action and Stockholm day boundaries', async () => {
    const client = setup();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Händelse'), { target: { value: 'access.period.changed' } });
    fireEvent.change(screen.getByLabelText('Från och med'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Till och med'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrera' }));
    await waitFor(() => expect(client.calls.some((c) => c.name === 'AuditLog' && c.variables.action === 'access.period.changed')).toBe(true));
    const call = client.calls.filter((c) => c.name === 'AuditLog').at(-1)!;
    expect(call.variables).toMatchObject({ action: 'access.period.changed', from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' });
    // The event filter offers words, not codes.
    const options = Array.from((screen.getByLabelText('Händelse') as HTMLSelectElement).options).map((o) => o.textContent ?? '');
    expect(options).toContain('Användare tillagd');
    expect(options.join(' ')).not.toMatch(/access\./);
  });

  it('exports the log from /audit/export with the session token and the chosen period', async () => {
    sessionStorage.setItem('behorig.session', 'tok');
    const fetchMock = vi.fn(async () => new Response('{"seq":1}\n', { status: 200, headers: { 'content-type': 'application/x-ndjson' } }));
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {}); // jsdom cannot navigate
    setup();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Från och med'), { target: { value: '2026-07-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrera' }));
    fireEvent.click(screen.getByRole('button', { name: 'Exportera loggen (JSON Lines)' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(url.pathname).toBe('/audit/export');
    expect(url.searchParams.get('organisationId')).toBe('org1');
    expect(url.searchParams.get('from')).toBe('2026-06-30T22:00:00.000Z');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
  });

  it('a refused export says so', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"error":"forbidden"}', { status: 403 })));
    setup();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Exportera loggen (JSON Lines)' }));
    expect(await screen.findByText('Exporten misslyckades (403).')).toBeTruthy();
  });

  it('R-AUDIT-1: an event the outbox delivers after the page opened appears without a reload', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let delivered = events.slice(0, 4);
    setup('sv', () => delivered);
    await screen.findByText('4 händelser');
    delivered = events;
    act(() => { vi.advanceTimersByTime(LOG_REFRESH_MS); });
    await screen.findByText('5 händelser');
    expect(within(screen.getByRole('table')).getByText('Behörighetsperiod ändrad')).toBeTruthy();
  });
});
