import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { RoleCatalogueDocument } from '../api/documents';
import { useI18n } from '../i18n';
import { actionLabel, actorText, summaryText } from '../lib/audit-text';
import { formatDateTime } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { useRefreshWhileVisible } from '../lib/refresh-while-visible';
import { ErrorBox } from '../components/ui';

/** The organisation's log events about one person or made by them (the server filters). */
export const PersonAuditDocument = graphql(`
  query PersonAudit($id: ID!, $first: Int, $personId: ID) {
    organisation(id: $id) {
      id
      auditLog(first: $first, personId: $personId) {
        totalCount
        edges { node { id seq at action target before after actorLabel actor { id givenName surname birthDate } } }
      }
    }
  }
`);

const NEWEST = 50;

/** R-AUDIT-3: the log events about one person (or made by them) in this organisation, newest first. */
export function PersonAuditEvents({ organisationId, personId }: { organisationId: string; personId: string }) {
  const { t, lang } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: PersonAuditDocument, variables: { id: organisationId, first: NEWEST, personId }, requestPolicy: 'cache-and-network' });
  // The log is filled through the services' outbox (R-AUDIT-1): an event about this person may
  // arrive seconds after the page opened, e.g. the change just proposed from the staff list.
  useRefreshWhileVisible(() => refetch({ requestPolicy: 'network-only' }));
  const [{ data: roleData }] = useQuery({ query: RoleCatalogueDocument });
  const roles = useMemo(() => new Map((roleData?.roles ?? []).map((r) => [r.code, r])), [roleData]);
  const roleName = (code: string) => { const r = roles.get(code); return r ? roleLabel(lang, r) : code; };
  const log = data?.organisation?.auditLog;
  const events = (log?.edges ?? []).map((e) => e.node);
  return (
    <section className="card" aria-labelledby="person-log">
      <h2 id="person-log">{t('person.log')}</h2>
      <ErrorBox error={error} />
      {log && log.totalCount > events.length && <p className="help">{t('person.logNewest', { count: events.length, total: log.totalCount })}</p>}
      {data && (events.length === 0 ? <p>{t('person.noEvents')}</p> : (
        <div className="table-wrap">
          <table className="stack person-log">
            <thead>
              <tr>
                <th scope="col">{t('log.at')}</th>
                <th scope="col">{t('log.action')}</th>
                <th scope="col">{t('log.actor')}</th>
                <th scope="col">{t('log.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('log.at')}><time dateTime={e.at}>{formatDateTime(lang, e.at)}</time></td>
                  <td data-label={t('log.action')}>{actionLabel(lang, e.action)}</td>
                  <td data-label={t('log.actor')}>{actorText(lang, e)}</td>
                  <td data-label={t('log.details')}>{summaryText(lang, e, roleName) ?? t('app.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
