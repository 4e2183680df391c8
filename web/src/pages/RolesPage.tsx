import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { systemLabel } from '../lib/labels';
import { RoleMatrix } from '../components/RoleMatrix';
import { ErrorBox, Loading } from '../components/ui';

export const RolesDocument = graphql(`
  query Roles {
    roles { code name system orgWideOnly grants { function access } }
  }
`);

export function RolesPage() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: RolesDocument });
  const systems = [...new Set((data?.roles ?? []).map((r) => r.system))];
  return (
    <>
      <h1>{t('roles.title')}</h1>
      <p className="muted">{t('roles.intro')} {t('roles.legend')}</p>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {systems.map((s) => (
        <section key={s} className="card">
          <RoleMatrix caption={systemLabel(lang, s)} roles={data!.roles.filter((r) => r.system === s)} />
        </section>
      ))}
    </>
  );
}
