import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { MyPermissionsQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { roleLabel } from '../lib/labels';
import { formatDate } from '../lib/format';
import { endsSoon, stockholmDate } from '../lib/dates';
import { ErrorBox, Loading } from '../components/ui';

/** R-SCOPE-1: the whole page is this ONE request. */
export const MyPermissionsDocument = graphql(`
  query MyPermissions {
    me {
      id
      permissionScopes {
        organisation { id name orgNumber units { id name closed service { code name } addresses { id street postalCode city } } }
        orgWide
        units { id name service { code name } addresses { id street postalCode city } }
        addresses { id }
        role { code name system }
        validFrom
        validTo
      }
    }
  }
`);

type Scope = NonNullable<NonNullable<MyPermissionsQuery['me']>['permissionScopes']>[number];

export function groupByOrganisation(scopes: Scope[]): { organisation: Scope['organisation']; scopes: Scope[] }[] {
  const groups = new Map<string, { organisation: Scope['organisation']; scopes: Scope[] }>();
  for (const s of scopes) {
    const g = groups.get(s.organisation.id) ?? { organisation: s.organisation, scopes: [] };
    g.scopes.push(s);
    groups.set(s.organisation.id, g);
  }
  return [...groups.values()].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'sv'));
}

export function MyPermissionsPage() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyPermissionsDocument });
  const today = stockholmDate();
  const groups = groupByOrganisation(data?.me?.permissionScopes ?? []);
  return (
    <>
      <h1>{t('perm.title')}</h1>
      <p className="muted">{t('perm.intro')}</p>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {data && groups.length === 0 && <p>{t('perm.none')}</p>}
      {groups.map((g) => (
        <section key={g.organisation.id} className="card" aria-labelledby={`org-${g.organisation.id}`}>
          <h2 id={`org-${g.organisation.id}`}>{g.organisation.name} <span className="muted small">{g.organisation.orgNumber}</span></h2>
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">{t('perm.role')}</th>
                  <th scope="col">{t('perm.units')}</th>
                  <th scope="col">{t('perm.validFrom')}</th>
                  <th scope="col">{t('perm.validTo')}</th>
                </tr>
              </thead>
              <tbody>
                {g.scopes.map((s, i) => {
                  const soon = endsSoon(s.validTo, today);
                  // orgWide covers every unit of the organisation, also later ones (R-USR-3)
                  const units = s.orgWide ? g.organisation.units.filter((u) => !u.closed) : s.units;
                  // R-USR-2 level two: only the offices the role applies at
                  const offices = s.addresses ? new Set(s.addresses.map((a) => a.id)) : null;
                  const officesOf = (u: (typeof units)[number]) => u.addresses.filter((a) => !offices || offices.has(a.id));
                  return (
                    <tr key={`${s.role.code}-${i}`} className={soon ? 'ending-soon' : undefined}>
                      <td data-label={t('perm.role')}>{roleLabel(lang, s.role)}</td>
                      <td data-label={t('perm.units')}>
                        {s.orgWide && <div><strong>{t('perm.orgWide')}</strong></div>}
                        {units.length > 0 && (
                          <ul className="plain">
                            {units.map((u) => (
                              <li key={u.id}>
                                {u.name} <span className="muted small">({u.service.name})</span>
                                {officesOf(u).length > 0 && (
                                  <span className="muted small"> · {officesOf(u).map((a) => `${a.street}, ${a.postalCode} ${a.city}`).join('; ')}</span>
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td data-label={t('perm.validFrom')}><time dateTime={s.validFrom}>{formatDate(lang, s.validFrom)}</time></td>
                      <td data-label={t('perm.validTo')}>
                        {s.validTo ? <time dateTime={s.validTo}>{formatDate(lang, s.validTo)}</time> : t('perm.noEnd')}
                        {soon && <span className="badge warn"> {t('perm.endsSoon')}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
