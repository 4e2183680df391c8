import { Link, Navigate, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useMyOrganisations } from '../api/orgs';
import { useT } from '../i18n';
import { ErrorBox, Loading } from '../components/ui';
import { LanguageSwitch } from './LanguageSwitch';

/** After log-in: straight into the only organisation, or a choice between several (R-ORG-4). */
export function HomePage() {
  const t = useT();
  const { orgs, loaded, error } = useMyOrganisations();
  const { logout } = useAuth();
  const navigate = useNavigate();
  if (!loaded && !error) return <main id="main" className="page narrow"><Loading /></main>;
  if (orgs.length === 1) return <Navigate to={`/org/${orgs[0].id}/permissions`} replace />;
  return (
    <main id="main" className="page narrow">
      <div className="row-between">
        <h1>{t('org.choose')}</h1>
        <div className="actions">
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={() => { navigate('/login', { replace: true }); logout(); }}>{t('auth.logout')}</button>
        </div>
      </div>
      <ErrorBox error={error} />
      {orgs.length === 0 ? <p>{t('org.noMemberships')}</p> : (
        <>
          <p>{t('org.chooseIntro')}</p>
          <ul className="cards">
            {orgs.map((o) => (
              <li key={o.id}>
                <Link className="card-link" to={`/org/${o.id}/permissions`}>
                  <strong>{o.name}</strong>
                  <span className="muted">{o.orgNumber} · {t(`org.kind.${o.kind}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
