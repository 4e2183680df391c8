import { act, render, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonPage } from './PersonPage';
import { mockClient, Wrap } from '../test-utils';
import { addDays, stockholmDate } from '../lib/dates';
import { LOG_REFRESH_MS } from '../lib/refresh-while-visible';

const today = stockholmDate();
const role = (code: string, name: string) => ({ __typename: 'Role', code, name, system: 'KA_WEBB', isPermissionAdmin: false });
const person = {
  __typename: 'Person', id: 'p1', givenName: 'Karina', surname: 'Asp', birthDate: '1987-05-07', email: 'karina.asp@test.se',
  memberships: [{
    __typename: 'Membership', organisation: { __typename: 'Organisation', id: 'o1', name: 'Aratron AB' }, email: 'karina.asp@test.se', version: 3,
    units: [], addresses: [{ __typename: 'Address', id: 'a1', street: 'Drottninggatan 10', postalCode: '111 51', city: 'Stockholm' }],
    employments: [{ __typename: 'Employment', unit: { __typename: 'Unit', id: 'u1', name: 'Aratron Stöd och matchning' }, schoolFormCode: null, validTo: null, addressIds: null }],
    roles: [
      { __typename: 'RoleAssignment', id: 'r1', validFrom: '2015-05-07', validTo: addDays(today, -30), role: role('SERVICE_ADMIN', 'Tjänsteadministratör') },
      { __typename: 'RoleAssignment', id: 'r2', validFrom: addDays(today, 5), validTo: null, role: role('READER', 'Läsare') },
    ],
  }],
};
const organisation = {
  __typename: 'Organisation', id: 'o1', name: 'Aratron AB', units: [],
  changesToSign: { __typename: 'ChangeSet', id: 'cs', status: 'DRAFT', changes: [
    { __typename: 'PendingChange', id: 'c1', kind: 'CHANGED', person: { __typename: 'PersonSummary', personId: 'p1', givenName: 'Karina', surname: 'Asp', birthDate: '1987-05-07' }, roles: [role('SERVICE_ADMIN', 'Tjänsteadministratör')], unitIds: [], validFrom: today, validTo: null },
    { __typename: 'PendingChange', id: 'c2', kind: 'NEW', person: { __typename: 'PersonSummary', personId: null, givenName: 'Other', surname: 'Person', birthDate: '1990-01-01' }, roles: [], unitIds: [], validFrom: today, validTo: null },
  ] },
};
const log = {
  __typename: 'Organisation', id: 'o1',
  auditLog: { __typename: 'AuditEventConnection', totalCount: 2, edges: [
    { __typename: 'AuditEventEdge', node: { __typename: 'AuditEvent', id: 'e1', seq: 2, at: '2026-11-01T10:00:00Z', action: 'access.period.changed', target: 'person:p1', before: null, after: '[{"roleCode":"SERVICE_ADMIN","validTo":"2026-09-06"}]', actorLabel: 'person:x', actor: { __typename: 'Person', id: 'x', givenName: 'Fridolf', surname: 'Halldin', birthDate: '1987-06-29' } } },
    { __typename: 'AuditEventEdge', node: { __typename: 'AuditEvent', id: 'e2', seq: 1, at: '2026-10-01T10:00:00Z', action: 'access.staff.added', target: 'person:someone-else', before: null, after: null, actorLabel: 'person:x', actor: null } },
  ] },
};

function answer(op: { operationName?: string; variables: Record<string, unknown> }) {
  switch (op.operationName) {
    case 'PersonPage': return { data: { person } };
    case 'PersonOrganisation': return { data: { organisation } };
    // The server filters by personId (R-AUDIT-3): only the event about Karina comes back.
    case 'PersonAudit': return op.variables.personId === 'p1' ? { data: { organisation: { ...log, auditLog: { ...log.auditLog, totalCount: 1, edges: log.auditLog.edges.slice(0, 1) } } } } : null;
    case 'RoleCatalogue': return { data: { roles: [] } };
    case 'MyAccess': return { data: { manageUsers: { allowed: true }, contactPerson: { allowed: false }, accountInfo: { allowed: false } } };
    case 'Me': return { data: { me: { __typename: 'Person', id: 'x', givenName: 'Fridolf', surname: 'Halldin', memberships: [] } } };
    default: return null;
  }
}

afterEach(() => { vi.useRealTimers(); });

describe('the person page', () => {
  it('R-PERIOD-1, R-PERIOD-5: roles with their periods and status, offices, the pending change and the log events about the person', async () => {
    render(<Wrap client={mockClient(answer)} path="/org/o1/people/p1"><Routes><Route path="/org/:organisationId/people/:personId" element={<PersonPage />} /></Routes></Wrap>);
    const heading = await screen.findByRole('heading', { level: 1, name: /Karina Asp/ });
    expect(within(heading).getByText('Börjar senare')).toBeTruthy(); // no role holds today; one starts later
    const membership = screen.getByRole('region', { name: 'Aratron AB' });
    expect(within(membership).getByText('Aratron Stöd och matchning')).toBeTruthy();
    expect(within(membership).getByText('Drottninggatan 10, 111 51 Stockholm')).toBeTruthy();
    expect(within(within(membership).getByRole('row', { name: /Tjänsteadministratör/ })).getByText('Avslutad')).toBeTruthy();
    expect(within(within(membership).getByRole('row', { name: /Läsare/ })).getByText('Börjar senare')).toBeTruthy();
    const pending = screen.getByRole('region', { name: 'Ändringar som väntar på signering' });
    expect(within(pending).getAllByRole('listitem')).toHaveLength(1); // only this person's change
    expect(within(pending).getByText('Ändrad')).toBeTruthy();
    const events = await screen.findByRole('region', { name: 'Händelser i loggen' });
    expect(within(events).getAllByRole('row')).toHaveLength(2); // header + the one event about Karina (asked by personId)
    expect(within(events).getByText('Behörighetsperiod ändrad')).toBeTruthy();
    expect(within(events).getByText(/Fridolf Halldin, född/)).toBeTruthy();
    // R-USR-1: birth date, never a personal number
    expect(document.body.textContent).not.toMatch(/\d{8}-?\d{4}/);
  });

  it('R-AUDIT-1, R-AUDIT-3: an event that reaches the log after the page opened appears without a reload', async () => {
    // The outbox relay delivers the event a moment after the change was proposed: the first answer has nothing yet.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let delivered = false;
    const client = mockClient((op) => {
      if (op.operationName !== 'PersonAudit') return answer(op);
      const edges = delivered ? log.auditLog.edges.slice(0, 1) : [];
      return { data: { organisation: { ...log, auditLog: { ...log.auditLog, totalCount: edges.length, edges } } } };
    });
    render(<Wrap client={client} path="/org/o1/people/p1"><Routes><Route path="/org/:organisationId/people/:personId" element={<PersonPage />} /></Routes></Wrap>);
    const events = await screen.findByRole('region', { name: 'Händelser i loggen' });
    await within(events).findByText('Inga händelser om den här personen.');
    const asked = client.calls.filter((c) => c.name === 'PersonAudit').length;
    delivered = true;
    act(() => { vi.advanceTimersByTime(LOG_REFRESH_MS); });
    await within(events).findByText('Behörighetsperiod ändrad');
    expect(client.calls.filter((c) => c.name === 'PersonAudit').length).toBe(asked + 1);
  });
});
