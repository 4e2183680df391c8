import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { RoleCatalogueDocument } from '../api/documents';
import { downloadAuditExport } from '../api/export';
import { ErrorBox, Loading } from '../components/ui';
import { Pager, useCursorPager } from '../components/Pager';
import { actionLabel, actorText, knownActions, parseTarget, personIds, summaryText, targetText, type PersonName } from '../lib/audit-text';
import { addDays } from '../lib/dates';
import { formatDate, formatDateTime, stockholmMidnight } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { useRefreshWhileVisible } from '../lib/refresh-while-visible';
import { VerifyChain } from './VerifyChain';

export const AuditLogDocument = graphql(`
  query AuditLog($id: ID!, $first: Int, $after: String, $action: String, $from: DateTime, $to: DateTime, $actorId: ID) {
    organisation(id: $id) {
      id
      units { id name }
      auditLog(first: $first, after: $after, action: $action, from: $from, to: $to, actorId: $actorId) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id seq at action target before after hash actorLabel actor { id givenName surname birthDate } receipt { id } }
        }
      }
    }
  }
`);

/** Names for the people the log refers to: the organisation's staff, in one request. */
export const AuditPeopleDocument = graphql(`
  query AuditPeople($id: ID!) {
    organisation(id: $id) {
      id
      staff(first: 100) { edges { node { id givenName surname birthDate } } }
    }
  }
`);

/** One person who is no longer on the staff list (removed, or beyond its first page). */
export const AuditPersonDocument = graphql(`
  query AuditPerson($id: ID!) {
    person(id: $id) { id givenName surname birthDate }
  }
`);

const PAGE = 20;

interface Filters { action: string | null; from: string | null; to: string | null; actorId: string | null }

/** R-AUDIT-1…3: the organisation's log, in words, filtered by event and period, exportable. */
export function AuditLogPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const [draft, setDraft] = useState<Filters>({ action: null, from: null, to: null, actorId: null });
  const [filters, setFilters] = useState<Filters>({ action: null, from: null, to: null, actorId: null });
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const pager = useCursorPager();
  // Dates are Stockholm calendar days; the API takes instants (from inclusive, to exclusive).
  const period = {
    from: filters.from ? stockholmMidnight(filters.from) : null,
    to: filters.to ? stockholmMidnight(addDays(filters.to, 1)) : null,
  };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditLogDocument,
    variables: { id: organisationId, first: PAGE, after: pager.after, action: filters.action, actorId: filters.actorId, ...period },
    requestPolicy: 'cache-and-network',
  });
  // Events reach the log through the services' outbox (R-AUDIT-1), seconds after what caused them:
  // the open page asks again so they appear without a reload (a later page keeps its cursor).
  useRefreshWhileVisible(() => refetch({ requestPolicy: 'network-only' }));
  const [{ data: peopleData }] = useQuery({ query: AuditPeopleDocument, variables: { id: organisationId } });
  const [{ data: roleData }] = useQuery({ query: RoleCatalogueDocument });
  const log = data?.organisation?.auditLog;
  const events = useMemo(() => log?.edges.map((e) => e.node) ?? [], [log]);

  const staff = useMemo(() => {
    const m = new Map<string, PersonName>();
    for (const { node } of peopleData?.organisation?.staff?.edges ?? []) m.set(node.id, node);
    return m;
  }, [peopleData]);
  const [extra, setExtra] = useState<Map<string, PersonName>>(new Map());
  const people = useMemo(() => new Map([...staff, ...extra]), [staff, extra]);
  const missing = peopleData ? personIds(events).filter((id) => !people.has(id)) : [];
  const units = useMemo(() => new Map((data?.organisation?.units ?? []).map((u) => [u.id, u.name])), [data]);
  // Who may be chosen as actor: the organisation's staff by name and birth date (R-USR-1: never a personal number).
  const actors = useMemo(() => [...staff.entries()].map(([id, p]) => ({ id, ...p })).sort((a, b) => `${a.surname} ${a.givenName}`.localeCompare(`${b.surname} ${b.givenName}`, 'sv')), [staff]);
  const roles = useMemo(() => new Map((roleData?.roles ?? []).map((r) => [r.code, r])), [roleData]);
  const roleName = (code: string) => { const r = roles.get(code); return r ? roleLabel(lang, r) : code; };

  /** A person the log names links to their page (when the page could name them). */
  function personLink(target: string, text: string) {
    const p = parseTarget(target);
    return p.kind === 'person' && people.has(p.id) ? <Link to={`/org/${organisationId}/people/${p.id}`}>{text}</Link> : text;
  }
  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    pager.reset();
  }
  function clear() {
    const none = { action: null, from: null, to: null, actorId: null };
    setDraft(none);
    setFilters(none);
    pager.reset();
  }
  async function exportLog() {
    setExporting(true);
    setExportError(null);
    const r = await downloadAuditExport(organisationId, period);
    setExporting(false);
    if (!r.ok) setExportError(t('audit.exportFailed', { status: String(r.status) }));
  }

  return (
    <>
      <h1>{t('log.title')}</h1>
      <VerifyChain organisationId={organisationId} />
      <form className="filters" onSubmit={apply} role="search" aria-label={t('log.filter')}>
        <div className="field">
          <label htmlFor="log-action">{t('log.action')}</label>
          <select id="log-action" value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.target.value || null })}>
            <option value="">{t('log.allActions')}</option>
            {knownActions(lang).map((a) => <option key={a.code} value={a.code}>{a.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-from">{t('audit.filter.from')}</label>
          <input id="log-from" type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || null })} />
        </div>
        <div className="field">
          <label htmlFor="log-to">{t('audit.filter.to')}</label>
          <input id="log-to" type="date" value={draft.to ?? ''} min={draft.from ?? undefined} onChange={(e) => setDraft({ ...draft, to: e.target.value || null })} />
        </div>
        <div className="field">
          <label htmlFor="log-actor">{t('log.actor')}</label>
          <select id="log-actor" value={draft.actorId ?? ''} onChange={(e) => setDraft({ ...draft, actorId: e.target.value || null })}>
            <option value="">{t('audit.filter.anyone')}</option>
            {actors.map((p) => <option key={p.id} value={p.id}>{t('audit.target.person', { name: `${p.givenName} ${p.surname}`, birthDate: formatDate(lang, p.birthDate) })}</option>)}
          </select>
        </div>
        <button type="submit">{t('log.filter')}</button>
        <button type="button" className="secondary" onClick={clear}>{t('audit.filter.clear')}</button>
      </form>
      <div className="export">
        <button type="button" className="secondary" onClick={exportLog} disabled={exporting} aria-describedby="log-export-help">{t('audit.export')}</button>
        <p id="log-export-help" className="help">{t('audit.exportHelp')}</p>
        {exportError && <p className="error-box" role="alert">{exportError}</p>}
      </div>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {missing.map((id) => <LookUpPerson key={id} id={id} onFound={(p) => setExtra((m) => new Map(m).set(id, p))} />)}
      {log && (
        <>
          <p className="muted">{t('log.count', { count: log.totalCount })}</p>
          {events.length === 0 ? <p>{t('log.empty')}</p> : (
            <div className="table-wrap">
              <table className="log-table stack">
                <thead>
                  <tr>
                    <th scope="col">{t('log.seq')}</th>
                    <th scope="col">{t('log.at')}</th>
                    <th scope="col">{t('log.action')}</th>
                    <th scope="col">{t('log.target')}</th>
                    <th scope="col">{t('log.actor')}</th>
                    <th scope="col">{t('log.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => {
                    const summary = summaryText(lang, e, roleName);
                    return (
                      <tr key={e.id}>
                        <td data-label={t('log.seq')}>{e.seq}</td>
                        <td data-label={t('log.at')}><time dateTime={e.at}>{formatDateTime(lang, e.at)}</time></td>
                        <td data-label={t('log.action')} data-action={e.action}>{actionLabel(lang, e.action)}</td>
                        <td data-label={t('log.target')}>{personLink(e.target, targetText(lang, e, { people, units }))}</td>
                        <td data-label={t('log.actor')}>{e.actor ? <Link to={`/org/${organisationId}/people/${e.actor.id}`}>{actorText(lang, e)}</Link> : actorText(lang, e)}</td>
                        <td data-label={t('log.details')}>
                          {summary && <p className="small">{summary}</p>}
                          {e.receipt && <p className="small">{t('audit.summary.receipt')}: <code>{e.receipt.id.slice(0, 8)}</code></p>}
                          {(e.before || e.after) && (
                            <details>
                              <summary>{t('audit.technical')}</summary>
                              <p className="small"><code>{e.action}</code></p>
                              {e.before && <><h2 className="small">{t('log.before')}</h2><pre>{pretty(e.before)}</pre></>}
                              {e.after && <><h2 className="small">{t('log.after')}</h2><pre>{pretty(e.after)}</pre></>}
                            </details>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={pager.page} hasNextPage={log.pageInfo.hasNextPage} onPrevious={pager.previous} onNext={() => pager.next(log.pageInfo.endCursor)} />
        </>
      )}
    </>
  );
}

/** Looks one person up by id (someone no longer on the staff list); renders nothing. */
function LookUpPerson({ id, onFound }: { id: string; onFound: (p: PersonName) => void }) {
  const [{ data }] = useQuery({ query: AuditPersonDocument, variables: { id } });
  const p = data?.person;
  useEffect(() => { if (p) onFound(p); }, [p]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

/** Stored JSON text, indented; shown as text (React escapes it). */
function pretty(json: string): string {
  try { return JSON.stringify(JSON.parse(json), null, 2); } catch { return json; }
}
