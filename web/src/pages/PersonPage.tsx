import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PersonOrganisationDocument, PersonPageDocument } from '../api/person';
import { MeQuery } from '../api/documents';
import { useMyAccess } from '../api/access';
import { useI18n } from '../i18n';
import { roleLabel } from '../lib/labels';
import { formatDate } from '../lib/format';
import { stockholmDate } from '../lib/dates';
import { periodStatus, staffStatus } from '../lib/status';
import { staffFormFrom } from '../lib/staff';
import type { StaffForm } from '../lib/validation';
import { ErrorBox, Loading, Notice } from '../components/ui';
import { StatusChip } from '../components/StatusChip';
import { CreateStaffDialog } from './staff/CreateStaffDialog';
import { EndEmploymentDialog } from './staff/EndEmploymentDialog';
import { PersonAuditEvents } from './PersonAuditEvents';

type Dialog = { kind: 'edit'; initial: Partial<StaffForm>; renew: boolean } | { kind: 'end' };

/**
 * One person's whole access as the administrator may see it (R-USR-2 levels 1–3): memberships with
 * units and offices, roles with their periods and status, the changes waiting for a signature, and
 * the log events about them.
 */
export function PersonPage() {
  const { t, lang } = useI18n();
  const { organisationId = '', personId = '' } = useParams();
  const today = stockholmDate();
  const access = useMyAccess(organisationId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PersonPageDocument, variables: { id: personId }, requestPolicy: 'cache-and-network' });
  const [{ data: orgData }, refetchOrg] = useQuery({ query: PersonOrganisationDocument, variables: { organisationId }, requestPolicy: 'cache-and-network' });
  const [{ data: me }] = useQuery({ query: MeQuery });
  const person = data?.person;
  const org = orgData?.organisation;
  const here = person?.memberships.find((m) => m.organisation.id === organisationId);
  const pending = useMemo(() => (org?.changesToSign?.changes ?? []).filter((c) => c.person.personId === personId), [org, personId]);
  const unitNames = new Map((org?.units ?? []).map((u) => [u.id, u.name]));
  const schoolFormNames = Object.fromEntries((org?.units ?? []).flatMap((u) => u.schoolForms.map((s) => [s.code, s.name])));
  const myMembership = me?.me?.memberships.find((m) => m.organisation.id === organisationId);
  const canEnd = !!myMembership?.roles.some((r) => r.role.isResponsible);
  const status = here ? staffStatus(here.roles, today) : null;
  const name = person ? `${person.givenName} ${person.surname}` : '';
  const refresh = () => { refetch({ requestPolicy: 'network-only' }); refetchOrg({ requestPolicy: 'network-only' }); };

  if (fetching && !data) return <Loading />;
  if (!person) {
    return (
      <>
        <h1>{t('person.title')}</h1>
        <ErrorBox error={error} />
        {!error && <p>{t('person.notFound')}</p>}
        <p><Link to={`/org/${organisationId}/staff`}>{t('person.backToStaff')}</Link></p>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb"><Link to={`/org/${organisationId}/staff`}>{t('person.backToStaff')}</Link></p>
      <h1>{name} {status && <StatusChip status={status} />}</h1>
      {notice && <Notice>{notice}</Notice>}
      <dl className="facts">
        <dt>{t('staff.birthDate')}</dt><dd>{formatDate(lang, person.birthDate)}</dd>
        <dt>{t('staff.email')}</dt><dd>{here?.email ?? person.email ?? t('app.none')}</dd>
      </dl>
      {here && (access.manageUsers || canEnd) && (
        <div className="actions">
          {access.manageUsers && status !== 'ENDED' && (
            <button type="button" className="secondary" onClick={() => setDialog({ kind: 'edit', renew: false, initial: staffFormFrom(person, here, today) })}>{t('app.edit')}</button>
          )}
          {access.manageUsers && status === 'ENDED' && (
            <button type="button" onClick={() => setDialog({ kind: 'edit', renew: true, initial: staffFormFrom(person, here, today, true) })}>{t('staff.renew')}</button>
          )}
          {canEnd && status !== 'ENDED' && here.employments.length > 0 && (
            <button type="button" className="secondary" onClick={() => setDialog({ kind: 'end' })}>{t('staff.endEmployment')}</button>
          )}
        </div>
      )}
      {error && <ErrorBox error={error} />}

      {person.memberships.length === 0 && <p>{t('person.noMemberships')}</p>}
      {person.memberships.map((m) => {
        const id = `membership-${m.organisation.id}`;
        return (
          <section key={m.organisation.id} className="card" aria-labelledby={id}>
            <h2 id={id}>{m.organisation.name}</h2>
            <h3>{t('person.units')}</h3>
            {m.employments.length === 0 ? <p>{t('app.none')}</p> : (
              <ul className="plain">
                {m.employments.map((e, i) => (
                  <li key={`${e.unit.id}-${e.schoolFormCode ?? ''}-${i}`}>
                    {m.organisation.id === organisationId ? <Link to={`/org/${organisationId}/units/${e.unit.id}`}>{e.unit.name}</Link> : e.unit.name}
                    {e.schoolFormCode && <> · {schoolFormNames[e.schoolFormCode] ?? e.schoolFormCode}</>}
                    {e.validTo && <> · {t('person.employedUntil', { date: formatDate(lang, e.validTo) })}</>}
                    {e.validTo && e.validTo < today && <> <StatusChip status="ENDED" /></>}
                  </li>
                ))}
              </ul>
            )}
            {m.addresses.length > 0 && (
              <>
                <h3>{t('staff.offices')}</h3>
                <ul className="plain">{m.addresses.map((a) => <li key={a.id}>{a.street}, {a.postalCode} {a.city}</li>)}</ul>
              </>
            )}
            <h3>{t('person.roles')}</h3>
            {m.roles.length === 0 ? <p>{t('person.noRoles')}</p> : (
              <div className="table-wrap">
                <table className="stack person-roles">
                  <thead>
                    <tr>
                      <th scope="col">{t('staff.role')}</th>
                      <th scope="col">{t('staff.validFrom')}</th>
                      <th scope="col">{t('staff.validTo')}</th>
                      <th scope="col">{t('person.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.roles.map((r) => (
                      <tr key={r.id}>
                        <td data-label={t('staff.role')}>{roleLabel(lang, r.role)}</td>
                        <td data-label={t('staff.validFrom')}>{formatDate(lang, r.validFrom)}</td>
                        <td data-label={t('staff.validTo')}>{r.validTo ? formatDate(lang, r.validTo) : t('perm.noEnd')}</td>
                        <td data-label={t('person.status')}><StatusChip status={periodStatus(r, today)} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      <section className="card" aria-labelledby="person-pending">
        <h2 id="person-pending">{t('person.pending')}</h2>
        {pending.length === 0 ? <p>{t('person.noPending')}</p> : (
          <ul className="plain">
            {pending.map((c) => (
              <li key={c.id}>
                <strong>{t(`sign.kind.${c.kind}` as 'sign.kind.NEW')}</strong>: {c.roles.map((r) => roleLabel(lang, r)).join(', ') || t('app.none')}
                {c.unitIds.length > 0 && <> · {c.unitIds.map((u) => unitNames.get(u) ?? u).join(', ')}</>}
                {' · '}{formatDate(lang, c.validFrom)} – {c.validTo ? formatDate(lang, c.validTo) : t('perm.noEnd')}
              </li>
            ))}
          </ul>
        )}
        {pending.length > 0 && <p><Link to={`/org/${organisationId}/staff#to-sign`}>{t('person.goSign')}</Link></p>}
      </section>

      <PersonAuditEvents organisationId={organisationId} personId={personId} />

      {dialog?.kind === 'edit' && org && (
        <CreateStaffDialog organisationId={organisationId} personId={personId} units={org.units} initial={dialog.initial}
          onClose={() => setDialog(null)}
          onCreated={() => { setDialog(null); setNotice(t('create.done')); refresh(); }} />
      )}
      {dialog?.kind === 'end' && here && (
        <EndEmploymentDialog organisationId={organisationId} person={{ id: personId, name }} employments={here.employments}
          actorSchoolForms={myMembership?.employments.map((e) => e.schoolFormCode ?? null) ?? []}
          actorOrgWide={!!myMembership?.roles.some((r) => r.role.isPermissionAdmin || r.role.orgWideOnly)}
          schoolFormNames={schoolFormNames}
          onClose={() => setDialog(null)} onDone={refresh} />
      )}
    </>
  );
}
