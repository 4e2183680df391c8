import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { MeQuery, StaffDocument } from '../api/documents';
import { useMyAccess } from '../api/access';
import { useI18n, type MessageKey } from '../i18n';
import { roleLabel } from '../lib/labels';
import { formatDate } from '../lib/format';
import { sortRows, type SortKey, type StaffRow } from '../lib/staff';
import type { StaffForm } from '../lib/validation';
import { ErrorBox, Loading, Notice } from '../components/ui';
import { Pager, useCursorPager } from '../components/Pager';
import { CreateStaffDialog } from './staff/CreateStaffDialog';
import { ChangePeriodDialog } from './staff/ChangePeriodDialog';
import { EndEmploymentDialog, type Employment } from './staff/EndEmploymentDialog';
import { ChangesToSign } from './staff/ChangesToSign';
import { StatusChip } from '../components/StatusChip';
import { staffStatus } from '../lib/status';
import { stockholmDate } from '../lib/dates';

const PAGE = 25;

type Dialog =
  | { kind: 'create'; personId?: string | null; initial?: Partial<StaffForm> }
  | { kind: 'period' }
  | { kind: 'end'; person: { id: string; name: string }; employments: Employment[] };

/** Organisation → Användare: the staff list, its dialogs and the changes to sign. */
export function StaffPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const access = useMyAccess(organisationId);
  const today = stockholmDate();
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const pager = useCursorPager();
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StaffDocument,
    variables: { id: organisationId, search, first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: me }] = useQuery({ query: MeQuery });
  const org = data?.organisation;
  // null (with its FORBIDDEN error) for a viewer who may not read the staff list
  const staff = org?.staff;
  const people = staff?.edges.map((e) => e.node) ?? [];

  const rows: StaffRow[] = useMemo(() => people.map((p) => {
    const m = p.memberships.find((x) => x.organisation.id === organisationId);
    const roles = m?.roles ?? [];
    const froms = roles.map((r) => r.validFrom).sort();
    const tos = roles.map((r) => r.validTo);
    return {
      id: p.id,
      name: `${p.surname}, ${p.givenName}`,
      birthDate: p.birthDate,
      email: p.email ?? '',
      role: roles.map((r) => roleLabel(lang, r.role)).join(', '),
      validFrom: froms[0] ?? '',
      validTo: tos.includes(null) || tos.length === 0 ? '' : [...(tos as string[])].sort().at(-1)!,
    };
  }), [people, organisationId]);
  const sorted = sortRows(rows, sort.key, sort.dir);
  const byId = new Map(people.map((p) => [p.id, p]));
  const unitNames = Object.fromEntries((org?.units ?? []).map((u) => [u.id, u.name]));
  const schoolFormNames = Object.fromEntries((org?.units ?? []).flatMap((u) => u.schoolForms.map((s) => [s.code, s.name])));
  const myMembership = me?.me?.memberships.find((m) => m.organisation.id === organisationId);
  const actorOrgWide = !!myMembership?.roles.some((r) => r.role.isPermissionAdmin || r.role.orgWideOnly);
  const actorSchoolForms = myMembership?.employments.map((e) => e.schoolFormCode ?? null) ?? [];
  // R-END-5: only the responsible roles end staff (the server decides; the button follows it)
  const canEnd = !!myMembership?.roles.some((r) => r.role.isResponsible);

  function doSearch(e: FormEvent) {
    e.preventDefault();
    setSearch(searchInput.trim() || null);
    pager.reset();
  }
  function sortBy(key: SortKey) {
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  }
  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  }
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const columns: [SortKey, MessageKey][] = [
    ['name', 'staff.name'], ['birthDate', 'staff.birthDate'], ['email', 'staff.email'], ['role', 'staff.role'], ['validFrom', 'staff.validFrom'], ['validTo', 'staff.validTo'],
  ];
  const displayName = (id: string) => { const p = byId.get(id); return p ? `${p.givenName} ${p.surname}` : id; };

  return (
    <>
      <h1>{t('staff.title')}</h1>
      {notice && <Notice>{t(notice)}</Notice>}
      <div className="toolbar">
        <form role="search" onSubmit={doSearch} className="search">
          <label htmlFor="staff-search">{t('staff.search')}</label>
          <input id="staff-search" type="search" value={searchInput} onChange={(e) => setSearchInput(e.target.value)} />
          <button type="submit" className="secondary">{t('log.filter')}</button>
        </form>
        {access.manageUsers && (
          <div className="actions">
            <button type="button" onClick={() => { setNotice(null); setDialog({ kind: 'create' }); }}>{t('staff.create')}</button>
            <button type="button" className="secondary" disabled={selected.size === 0} aria-describedby="period-hint"
              onClick={() => { setNotice(null); setDialog({ kind: 'period' }); }}>{t('staff.changePeriod')}</button>
            <span id="period-hint" className="small muted">{selected.size === 0 ? t('period.noneSelected') : t('period.selected', { count: selected.size })}</span>
          </div>
        )}
      </div>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {staff && (
        <>
          <p className="muted">{t('staff.count', { count: staff.totalCount })}</p>
          {rows.length === 0 ? <p>{t('staff.empty')}</p> : (
            <div className="table-wrap">
              <table className="staff stack">
                <thead>
                  <tr>
                    {access.manageUsers && <th scope="col"><span className="visually-hidden">{t('staff.changePeriod')}</span></th>}
                    {columns.map(([key, label]) => (
                      <th scope="col" key={key} aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                        <button type="button" className="sort" onClick={() => sortBy(key)} aria-label={t('staff.sortBy', { column: t(label) })}>
                          {t(label)} <span aria-hidden="true">{sort.key === key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                        </button>
                      </th>
                    ))}
                    {(access.manageUsers || canEnd) && <th scope="col"><span className="visually-hidden">{t('app.edit')}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((r) => {
                    const p = byId.get(r.id)!;
                    const m = p.memberships.find((x) => x.organisation.id === organisationId);
                    return (
                      <tr key={r.id}>
                        {access.manageUsers && (
                          <td><input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={t('staff.select', { name: displayName(r.id) })} /></td>
                        )}
                        <td data-label={t('staff.name')}>
                          <Link to={`/org/${organisationId}/people/${r.id}`}>{r.name}</Link>
                          {' '}<StatusChip status={staffStatus(m?.roles ?? [], today)} />
                        </td>
                        <td data-label={t('staff.birthDate')}>{formatDate(lang, r.birthDate)}</td>
                        <td data-label={t('staff.email')}>{r.email || t('app.none')}</td>
                        <td data-label={t('staff.role')}>
                          {r.role || t('app.none')}
                          {/* R-USR-2 level two: a person limited to some offices shows them */}
                          {m?.employments.some((e) => e.addressIds) && m.addresses.length > 0 && (
                            <div className="small muted">{t('staff.offices')}: {m.addresses.map((a) => `${a.street}, ${a.city}`).join('; ')}</div>
                          )}
                        </td>
                        <td data-label={t('staff.validFrom')}>{r.validFrom ? formatDate(lang, r.validFrom) : t('app.none')}</td>
                        <td data-label={t('staff.validTo')}>{r.validTo ? formatDate(lang, r.validTo) : t('perm.noEnd')}</td>
                        {(access.manageUsers || canEnd) && (
                          <td><div className="row-actions">
                            {access.manageUsers && (
                              <button type="button" className="secondary small" aria-label={`${t('app.edit')} ${displayName(r.id)}`}
                                onClick={() => setDialog({ kind: 'create', personId: r.id, initial: {
                                  givenName: p.givenName, surname: p.surname, email: p.email ?? '',
                                  roleCodes: m?.roles.map((x) => x.role.code) ?? [], unitIds: [...new Set(m?.employments.map((e) => e.unit.id) ?? [])],
                                  addressIds: [...new Set(m?.employments.flatMap((e) => e.addressIds ?? []) ?? [])],
                                  validFrom: r.validFrom, validTo: r.validTo,
                                } })}>{t('app.edit')}</button>
                            )}
                            {canEnd && (m?.employments.length ?? 0) > 0 && (
                              <button type="button" className="secondary small" aria-label={`${t('staff.endEmployment')}: ${displayName(r.id)}`}
                                onClick={() => setDialog({ kind: 'end', person: { id: r.id, name: displayName(r.id) }, employments: m!.employments })}>{t('staff.endEmployment')}</button>
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
          onCreated={() => { setDialog(null); setNotice('create.done'); }} />
      )}
      {dialog?.kind === 'period' && (
        <ChangePeriodDialog organisationId={organisationId} people={[...selected].map((id) => ({ id, name: displayName(id) }))}
          onClose={() => setDialog(null)}
          onDone={() => { setDialog(null); setSelected(new Set()); setNotice('period.done'); refresh(); }} />
      )}
      {dialog?.kind === 'end' && (
        <EndEmploymentDialog organisationId={organisationId} person={dialog.person} employments={dialog.employments}
          actorSchoolForms={actorSchoolForms} actorOrgWide={actorOrgWide} schoolFormNames={schoolFormNames}
          onClose={() => setDialog(null)} onDone={refresh} />
      )}
    </>
  );
}
