import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { ErrorBox, Loading } from '../components/ui';
import { Pager, useCursorPager } from '../components/Pager';
import { VerifyChain } from './VerifyChain';

export const AuditLogDocument = graphql(`
  query AuditLog($id: ID!, $first: Int, $after: String, $action: String) {
    organisation(id: $id) {
      id
      auditLog(first: $first, after: $after, action: $action) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id seq at action target before after hash actor { id givenName surname } }
        }
      }
    }
  }
`);

const PAGE = 20;

export function AuditLogPage() {
  const t = useT();
  const { organisationId = '' } = useParams();
  const [actionInput, setActionInput] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const pager = useCursorPager();
  const [{ data, fetching, error }] = useQuery({
    query: AuditLogDocument,
    variables: { id: organisationId, first: PAGE, after: pager.after, action },
    requestPolicy: 'cache-and-network',
  });
  const log = data?.organisation?.auditLog;
  const actions = [...new Set(log?.edges.map((e) => e.node.action) ?? [])].sort();
  function filter(e: FormEvent) {
    e.preventDefault();
    setAction(actionInput.trim() || null);
    pager.reset();
  }
  return (
    <>
      <h1>{t('log.title')}</h1>
      <VerifyChain organisationId={organisationId} />
      <form className="filters" onSubmit={filter} role="search">
        <div className="field">
          <label htmlFor="log-action">{t('log.action')}</label>
          <input id="log-action" list="log-actions" value={actionInput} onChange={(e) => setActionInput(e.target.value)} placeholder={t('log.allActions')} />
          <datalist id="log-actions">{actions.map((a) => <option key={a} value={a} />)}</datalist>
        </div>
        <button type="submit">{t('log.filter')}</button>
      </form>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {log && (
        <>
          <p className="muted">{t('log.count', { count: log.totalCount })}</p>
          {log.edges.length === 0 ? <p>{t('log.empty')}</p> : (
            <div className="table-wrap">
              <table>
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
                  {log.edges.map(({ node: e }) => (
                    <tr key={e.id}>
                      <td>{e.seq}</td>
                      <td><time dateTime={e.at}>{new Date(e.at).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })}</time></td>
                      <td><code>{e.action}</code></td>
                      <td>{e.target}</td>
                      <td>{e.actor ? `${e.actor.givenName} ${e.actor.surname}` : t('app.none')}</td>
                      <td>
                        {(e.before || e.after) && (
                          <details>
                            <summary>{t('log.details')}</summary>
                            {e.before && <><h2 className="small">{t('log.before')}</h2><pre>{pretty(e.before)}</pre></>}
                            {e.after && <><h2 className="small">{t('log.after')}</h2><pre>{pretty(e.after)}</pre></>}
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
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

/** Stored JSON text, indented; shown as text (React escapes it). */
function pretty(json: string): string {
  try { return JSON.stringify(JSON.parse(json), null, 2); } catch { return json; }
}
