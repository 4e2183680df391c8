import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Access } from '../gql/graphql';
import { useI18n } from '../i18n';
import { functionLabel } from '../lib/labels';
import { formatDate } from '../lib/format';
import { stockholmDate } from '../lib/dates';
import { ErrorBox, Loading } from '../components/ui';
import { Pager, useCursorPager } from '../components/Pager';

/** The unit (from the organisation's list of units) and the functions the role catalogue knows. */
export const UnitPageDocument = graphql(`
  query UnitPage($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      name
      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }
    }
    roles { code grants { function access } }
  }
`);

/** R-SCOPE-3: who may do the function at this unit on the day, complete and in pages. */
export const WhoCanHereDocument = graphql(`
  query WhoCanHere($organisationId: ID!, $unitId: ID, $function: String!, $access: Access!, $on: Date, $first: Int, $after: String) {
    whoCan(organisationId: $organisationId, unitId: $unitId, function: $function, access: $access, on: $on, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id givenName surname birthDate } }
    }
  }
`);

const PAGE = 25;
interface Question { fn: string; access: Access; on: string }

/**
 * A performing unit: its offices and school forms, and "who may do what here" (R-SCOPE-3) — the
 * same answer a point check gives each person (R-SCOPE-2), asked for a function, a level and a day.
 */
export function UnitPage() {
  const { t, lang } = useI18n();
  const { organisationId = '', unitId = '' } = useParams();
  const today = stockholmDate();
  const [{ data, fetching, error }] = useQuery({ query: UnitPageDocument, variables: { organisationId } });
  const unit = data?.organisation?.units.find((u) => u.id === unitId);
  const functions = useMemo(() => [...new Set((data?.roles ?? []).flatMap((r) => r.grants.map((g) => g.function)))]
    .sort((a, b) => functionLabel(lang, a).localeCompare(functionLabel(lang, b), lang)), [data, lang]);
  const [draft, setDraft] = useState<Question>({ fn: 'MANAGE_USERS', access: 'UPDATE', on: today });
  const [asked, setAsked] = useState<Question>({ fn: 'MANAGE_USERS', access: 'UPDATE', on: today });
  const pager = useCursorPager();
  const [{ data: who, error: whoError, fetching: whoFetching }] = useQuery({
    query: WhoCanHereDocument,
    variables: { organisationId, unitId, function: asked.fn, access: asked.access, on: asked.on, first: PAGE, after: pager.after },
    pause: !unit,
  });
  const answer = who?.whoCan;

  function ask(e: FormEvent) {
    e.preventDefault();
    setAsked({ ...draft, on: draft.on || today });
    pager.reset();
  }

  if (fetching && !data) return <Loading />;
  if (!unit) {
    return (
      <>
        <h1>{t('unit.title')}</h1>
        <ErrorBox error={error} />
        {!error && <p>{t('unit.notFound')}</p>}
        <p><Link to={`/org/${organisationId}/details`}>{t('unit.backToDetails')}</Link></p>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb"><Link to={`/org/${organisationId}/details`}>{t('unit.backToDetails')}</Link></p>
      <h1>{unit.name}</h1>
      <dl className="facts">
        <dt>{t('unit.service')}</dt><dd>{unit.service.name}</dd>
        <dt>{t('unit.offices')}</dt><dd>{unit.addresses.map((a) => `${a.street}, ${a.postalCode} ${a.city}`).join('; ') || t('app.none')}</dd>
        {unit.schoolForms.length > 0 && <><dt>{t('unit.schoolForms')}</dt><dd>{unit.schoolForms.map((s) => s.name).join(', ')}</dd></>}
      </dl>
      <section className="card" aria-labelledby="who-can">
        <h2 id="who-can">{t('unit.whoCan')}</h2>
        <p className="help">{t('help.whoCan')}</p>
        <form className="filters" onSubmit={ask} aria-label={t('unit.whoCan')}>
          <div className="field">
            <label htmlFor="who-fn">{t('unit.function')}</label>
            <select id="who-fn" value={draft.fn} onChange={(e) => setDraft({ ...draft, fn: e.target.value })}>
              {functions.map((f) => <option key={f} value={f}>{functionLabel(lang, f)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="who-access">{t('unit.access')}</label>
            <select id="who-access" value={draft.access} onChange={(e) => setDraft({ ...draft, access: e.target.value as Access })}>
              <option value="UPDATE">{t('unit.access.UPDATE')}</option>
              <option value="READ">{t('unit.access.READ')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="who-on">{t('unit.on')}</label>
            <input id="who-on" type="date" value={draft.on} onChange={(e) => setDraft({ ...draft, on: e.target.value })} />
          </div>
          <button type="submit">{t('unit.ask')}</button>
        </form>
        <ErrorBox error={whoError} />
        {whoFetching && !answer && <Loading />}
        {answer && (
          <>
            <p role="status">{t('unit.answer', { count: answer.totalCount, fn: functionLabel(lang, asked.fn), access: t(`unit.access.${asked.access}`).toLowerCase(), date: formatDate(lang, asked.on) })}</p>
            {answer.edges.length > 0 && (
              <div className="table-wrap">
                <table className="stack who-can">
                  <thead><tr><th scope="col">{t('staff.name')}</th><th scope="col">{t('staff.birthDate')}</th></tr></thead>
                  <tbody>
                    {answer.edges.map(({ node: p }) => (
                      <tr key={p.id}>
                        <td data-label={t('staff.name')}><Link to={`/org/${organisationId}/people/${p.id}`}>{`${p.surname}, ${p.givenName}`}</Link></td>
                        <td data-label={t('staff.birthDate')}>{formatDate(lang, p.birthDate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager page={pager.page} hasNextPage={answer.pageInfo.hasNextPage} onPrevious={pager.previous} onNext={() => pager.next(answer.pageInfo.endCursor)} />
          </>
        )}
      </section>
    </>
  );
}
