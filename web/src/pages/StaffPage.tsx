import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery, type OperationResult } from 'urql';
import { MeQuery, RoleCatalogueDocument, StaffDocument } from '../api/documents';
import { useMyAccess } from '../api/access';
import { errorTexts } from '../api/errors';
import type { StaffQuery, StaffSortField, StaffStatus } from '../gql/graphql';
import { useI18n, type MessageKey } from '../i18n';
import { roleLabel } from '../lib/labels';
import { formatDate } from '../lib/format';
import { stockholmDate } from '../lib/dates';
import { staffFormFrom } from '../lib/staff';
import { staffStatus, type PeriodStatus } from '../lib/status';
import { downloadText, staffCsv, type CsvStaffRow } from '../lib/csv';
import type { StaffForm } from '../lib/validation';
import { ErrorBox, Loading, Notice } from '../components/ui';
import { StatusChip } from '../components/StatusChip';
import { Pager, useCursorPager } from '../components/Pager';
import { CreateStaffDialog } from './staff/CreateStaffDialog';
import { ChangePeriodDialog } from './staff/ChangePeriodDialog';
import { EndEmploymentDialog, type Employment } from './staff/EndEmploymentDialog';
import { BulkActionDialog, type BulkPerson } from './staff/BulkActionDialog';
import { ChangesToSign } from './staff/ChangesToSign';

const PAGE = 25;
/** The export reads the filtered list in pages of the API's largest size. */
const EXPORT_PAGE = 100;

type Dialog =
  | { kind: 'create'; personId?: string | null; initial?: Partial<StaffForm> }
  | { kind: 'period'; people: BulkPerson[]; skipped: BulkPerson[] }
  | { kind: 'bulk'; action: 'end' | 'remove'; people: BulkPerson[] }
  | { kind: 'end'; person: BulkPerson; employments: Employment[] };

type StaffList = NonNullable<NonNullable<StaffQuery['organisation']>['staff']>;
type Person = StaffList['edges'][number]['node'];
interface Filters { search: string | null; status: StaffStatus | null; roleCode: string | null }
const STATUSES: StaffStatus[] = ['ACTIVE', 'ENDING_SOON', 'UPCOMING', 'ENDED'];
const COLUMNS: [StaffSortField, MessageKey][] = [
  ['NAME', 'staff.name'], ['BIRTH_DATE', 'staff.birthDate'], ['EMAIL', 'staff.email'], ['ROLE', 'staff.role'], ['VALID_FROM', 'staff.validFrom'], ['VALID_TO', 'staff.validTo'],
];

/**
 * Organisation → Användare: the staff list for daily work. The server searches (name, birth date,
 * e-mail, role, unit), filters (status, role) and sorts across all pages; each row shows its status
 * and links to the person's page; ticked people can be given a new end date, ended or removed.
 */
export function StaffPage() {
  const { t, lang } = useI18n();
  const client = useClient();
  const today = stockholmDate();
  const { organisationId = '' } = useParams();
  const access = useMyAccess(organisationId);
  const [draft, setDraft] = useState<Filters>({ search: '', status: null, roleCode: null });
  const [filters, setFilters] = useState<Filters>({ search: null, status: null, roleCode: null });
  const pager = useCursorPager();
  const [sort, setSort] = useState<{ key: StaffSortField; dir: 'ASC' | 'DESC' }>({ key: 'NAME', dir: 'ASC' });
  const [selected, setSelected] = useState<Map<string, BulkPerson & { status: PeriodStatus }>>(new Map());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const listVariables = {
    id: organisationId, search: filters.search, sortBy: sort.key, sortDirection: sort.dir,
    status: filters.status ? [filters.status] : null, roleCode: filters.roleCode,
  };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StaffDocument,
    variables: { ...listVariables, first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: me }] = useQuery({ query: MeQuery });
  const [{ data: roleData }] = useQuery({ query: RoleCatalogueDocument });
  const org = data?.organisation;
  // null (with its FORBIDDEN error) for a viewer who may not read the staff list
  const staff = org?.staff;
  const people = useMemo(() => staff?.edges.map((e) => e.node) ?? [], [staff]);
  const unitNames = Object.fromEntries((org?.units ?? []).map((u) => [u.id, u.name]));
  const schoolFormNames = Object.fromEntries((org?.units ?? []).flatMap((u) => u.schoolForms.map((s) => [s.code, s.name])));
  const myMembership = me?.me?.memberships.find((m) => m.organisation.id === organisationId);
  const actorOrgWide = !!myMembership?.roles.some((r) => r.role.isPermissionAdmin || r.role.orgWideOnly);
  const actorSchoolForms = myMembership?.employments.map((e) => e.schoolFormCode ?? null) ?? [];
  // R-END-5: only the responsible roles end staff (the server decides; the button follows it)
  const canEnd = !!myMembership?.roles.some((r) => r.role.isResponsible);
  const membershipOf = (p: Person) => p.memberships.find((x) => x.organisation.id === organisationId);
  const statusOf = (p: Person) => staffStatus(membershipOf(p)?.roles ?? [], today);
  const nameOf = (p: { givenName: string; surname: string }) => `${p.givenName} ${p.surname}`;

  function applyFilters(e: FormEvent) {
    e.preventDefault();
    setFilters({ ...draft, search: draft.search?.trim() || null });
    pager.reset();
  }
  function clearFilters() {
    setDraft({ search: '', status: null, roleCode: null });
    setFilters({ search: null, status: null, roleCode: null });
    pager.reset();
  }
  function sortBy(key: StaffSortField) {
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'ASC' ? 'DESC' : 'ASC' }));
    pager.reset();
  }
  function toggle(p: Person) {
    const next = new Map(selected);
    if (next.has(p.id)) next.delete(p.id); else next.set(p.id, { id: p.id, name: nameOf(p), status: statusOf(p) });
    setSelected(next);
  }
  const allOnPage = people.length > 0 && people.every((p) => selected.has(p.id));
  function toggleAll() {
    const next = new Map(selected);
    for (const p of people) { if (allOnPage) next.delete(p.id); else next.set(p.id, { id: p.id, name: nameOf(p), status: statusOf(p) }); }
    setSelected(next);
  }
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const chosen = [...selected.values()];
  const start = (d: Dialog) => { setNotice(null); setDialog(d); };

  /** CSV of the whole filtered list in the current order (R-USR-1: birth dates, never personal numbers). */
  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    const rows: CsvStaffRow[] = [];
    let after: string | null = null;
    for (;;) {
      const r: OperationResult<StaffQuery> = await client.query(StaffDocument, { ...listVariables, first: EXPORT_PAGE, after }, { requestPolicy: 'network-only' }).toPromise();
      const page: StaffList | null | undefined = r.data?.organisation?.staff;
      if (r.error || !page) { setExportError(errorTexts(r.error, lang).join(' ')); setExporting(false); return; }
      for (const { node: p } of page.edges) {
        const m = membershipOf(p);
        const roles = m?.roles ?? [];
        const tos = roles.map((x) => x.validTo ?? null);
        rows.push({
          surname: p.surname, givenName: p.givenName, birthDate: p.birthDate, email: m?.email ?? p.email ?? '',
          roles: [...new Set(roles.map((x) => roleLabel(lang, x.role)))].join(', '),
          units: [...new Set(m?.employments.map((e) => e.unit.name) ?? [])].join(', '),
          validFrom: roles.map((x) => x.validFrom).sort()[0] ?? '',
          validTo: tos.includes(null) || tos.length === 0 ? '' : [...(tos as string[])].sort().at(-1)!,
          status: t(`status.${statusOf(p)}`),
        });
      }
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    const header = ['staff.surname', 'staff.givenName', 'staff.birthDate', 'staff.email', 'staff.roles', 'create.units', 'staff.validFrom', 'staff.validTo', 'person.status'] as const;
    downloadText(`${t('staff.csvFile')}-${today}.csv`, staffCsv(header.map((k) => t(k)), rows));
    setExporting(false);
  }

  function changePeriod() {
    // An ended person has no current role to move (R-PERIOD-4 would refuse the whole batch):
    // they are left out and named, and get a new period from their own row instead.
    const skipped = chosen.filter((p) => p.status === 'ENDED');
    start({ kind: 'period', people: chosen.filter((p) => p.status !== 'ENDED'), skipped });
  }

  return (
    <>
      <h1>{t('staff.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      <form role="search" aria-label={t('staff.filters')} onSubmit={applyFilters} className="filters">
        <div className="field">
          <label htmlFor="staff-search">{t('staff.search')}</label>
          <input id="staff-search" type="search" value={draft.search ?? ''} aria-describedby="staff-search-help"
            onChange={(e) => setDraft({ ...draft, search: e.target.value })} />
          <p id="staff-search-help" className="help">{t('help.staffSearch')}</p>
        </div>
        <div className="field">
          <label htmlFor="staff-status">{t('staff.statusFilter')}</label>
          <select id="staff-status" value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: (e.target.value || null) as StaffStatus | null })}>
            <option value="">{t('staff.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="staff-role">{t('staff.role')}</label>
          <select id="staff-role" value={draft.roleCode ?? ''} onChange={(e) => setDraft({ ...draft, roleCode: e.target.value || null })}>
            <option value="">{t('staff.allRoles')}</option>
            {(roleData?.roles ?? []).map((r) => <option key={r.code} value={r.code}>{roleLabel(lang, r)}</option>)}
          </select>
        </div>
        <button type="submit">{t('log.filter')}</button>
        <button type="button" className="secondary" onClick={clearFilters}>{t('audit.filter.clear')}</button>
      </form>
      <div className="toolbar">
        <div className="actions">
          {access.manageUsers && <button type="button" onClick={() => start({ kind: 'create' })}>{t('staff.create')}</button>}
          <button type="button" className="secondary" onClick={exportCsv} disabled={exporting || !staff} aria-describedby="staff-export-help">{t('staff.export')}</button>
        </div>
        <p id="staff-export-help" className="help">{t('help.staffExport')}</p>
        {exportError && <p className="error-box" role="alert">{exportError}</p>}
      </div>
      {(access.manageUsers || canEnd) && (
        <div className="bulk-actions" role="group" aria-label={t('bulk.label')}>
          <span id="period-hint" className="small muted">{chosen.length === 0 ? t('period.noneSelected') : t('period.selected', { count: chosen.length })}</span>
          {access.manageUsers && (
            <button type="button" className="secondary" disabled={chosen.length === 0} aria-describedby="period-hint" onClick={changePeriod}>{t('staff.changePeriod')}</button>
          )}
          {canEnd && (
            <button type="button" className="secondary" disabled={chosen.length === 0} aria-describedby="period-hint"
              onClick={() => start({ kind: 'bulk', action: 'end', people: chosen.filter((p) => p.status !== 'ENDED') })}>{t('bulk.end')}</button>
          )}
          {access.manageUsers && (
            <button type="button" className="secondary" disabled={chosen.length === 0} aria-describedby="period-hint"
              onClick={() => start({ kind: 'bulk', action: 'remove', people: chosen })}>{t('bulk.remove')}</button>
          )}
          {chosen.length > 0 && <button type="button" className="link" onClick={() => setSelected(new Map())}>{t('bulk.clear')}</button>}
        </div>
      )}
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {staff && (
        <>
          <p className="muted" role="status">{t('staff.count', { count: staff.totalCount })}</p>
          {people.length === 0 ? <p>{t('staff.empty')}</p> : (
            <div className="table-wrap">
              <table className="staff stack">
                <thead>
                  <tr>
                    {access.manageUsers && (
                      <th scope="col"><input type="checkbox" checked={allOnPage} onChange={toggleAll} aria-label={t('bulk.selectPage')} /></th>
                    )}
                    {COLUMNS.map(([key, label]) => (
                      <th scope="col" key={key} aria-sort={sort.key === key ? (sort.dir === 'ASC' ? 'ascending' : 'descending') : 'none'}>
                        <button type="button" className="sort" onClick={() => sortBy(key)} aria-label={t('staff.sortBy', { column: t(label) })}>
                          {t(label)} <span aria-hidden="true">{sort.key === key ? (sort.dir === 'ASC' ? '▲' : '▼') : '↕'}</span>
                        </button>
                      </th>
                    ))}
                    {(access.manageUsers || canEnd) && <th scope="col"><span className="visually-hidden">{t('app.edit')}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => {
                    const m = membershipOf(p);
                    const roles = m?.roles ?? [];
                    const status = statusOf(p);
                    const form = staffFormFrom(p, m, today);
                    const name = nameOf(p);
                    return (
                      <tr key={p.id} data-status={status}>
                        {access.manageUsers && (
                          <td><input type="checkbox" checked={selected.has(p.id)} onChange={() => toggle(p)} aria-label={t('staff.select', { name })} /></td>
                        )}
                        <td data-label={t('staff.name')}>
                          <Link to={`/org/${organisationId}/people/${p.id}`}>{`${p.surname}, ${p.givenName}`}</Link>
                          {' '}<StatusChip status={status} />
                        </td>
                        <td data-label={t('staff.birthDate')}>{formatDate(lang, p.birthDate)}</td>
                        <td data-label={t('staff.email')} className="wrap">{m?.email ?? p.email ?? t('app.none')}</td>
                        <td data-label={t('staff.role')}>
                          {[...new Set(roles.map((r) => roleLabel(lang, r.role)))].join(', ') || t('app.none')}
                          {/* R-USR-2 level two: a person limited to some offices shows them */}
                          {m?.employments.some((e) => e.addressIds) && m.addresses.length > 0 && (
                            <div className="small muted">{t('staff.offices')}: {m.addresses.map((a) => `${a.street}, ${a.city}`).join('; ')}</div>
                          )}
                        </td>
                        <td data-label={t('staff.validFrom')}>{form.validFrom && roles.length ? formatDate(lang, form.validFrom) : t('app.none')}</td>
                        <td data-label={t('staff.validTo')}>{form.validTo ? formatDate(lang, form.validTo) : t('perm.noEnd')}</td>
                        {(access.manageUsers || canEnd) && (
                          <td><div className="row-actions">
                            {access.manageUsers && status !== 'ENDED' && (
                              <button type="button" className="secondary small" aria-label={`${t('app.edit')} ${name}`}
                                onClick={() => start({ kind: 'create', personId: p.id, initial: form })}>{t('app.edit')}</button>
                            )}
                            {access.manageUsers && status === 'ENDED' && (
                              <button type="button" className="small" aria-label={`${t('staff.renew')}: ${name}`}
                                onClick={() => start({ kind: 'create', personId: p.id, initial: staffFormFrom(p, m, today, true) })}>{t('staff.renew')}</button>
                            )}
                            {canEnd && status !== 'ENDED' && (m?.employments.length ?? 0) > 0 && (
                              <button type="button" className="secondary small" aria-label={`${t('staff.endEmployment')}: ${name}`}
                                onClick={() => start({ kind: 'end', person: { id: p.id, name }, employments: m!.employments })}>{t('staff.endEmployment')}</button>
                            )}
                          </div></td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={pager.page} hasNextPage={staff.pageInfo.hasNextPage} onPrevious={pager.previous} onNext={() => pager.next(staff.pageInfo.endCursor)} />
        </>
      )}
      {org && (
        <ChangesToSign organisationId={organisationId} unitNames={unitNames} canManage={access.manageUsers}
          onEdit={(personId, initial) => setDialog({ kind: 'create', personId, initial })} onApplied={() => { setNotice(null); refresh(); }} />
      )}
      {dialog?.kind === 'create' && org && (
        <CreateStaffDialog organisationId={organisationId} personId={dialog.personId} units={org.units} initial={dialog.initial}
          onClose={() => setDialog(null)}
          onCreated={() => { setDialog(null); setNotice(t('create.done')); }} />
      )}
      {dialog?.kind === 'period' && (
        <ChangePeriodDialog organisationId={organisationId} people={dialog.people} skipped={dialog.skipped}
          onClose={() => setDialog(null)}
          onDone={() => { setDialog(null); setSelected(new Map()); setNotice(t('period.done')); refresh(); }} />
      )}
      {dialog?.kind === 'bulk' && (
        <BulkActionDialog kind={dialog.action} organisationId={organisationId} people={dialog.people}
          onClose={() => { setDialog(null); refresh(); }}
          onDone={() => setSelected(new Map())} />
      )}
      {dialog?.kind === 'end' && (
        <EndEmploymentDialog organisationId={organisationId} person={dialog.person} employments={dialog.employments}
          actorSchoolForms={actorSchoolForms} actorOrgWide={actorOrgWide} schoolFormNames={schoolFormNames}
          onClose={() => setDialog(null)} onDone={refresh} />
      )}
    </>
  );
}
