import { NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useMyOrganisations } from '../api/orgs';
import { useNavAccess } from '../api/nav-access';
import { useNoticeCount } from '../api/keeping-access-current';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { deployment } from '../config';

/** Header (organisation switcher, language, log-out), navigation and the page. */
export function Layout() {
  const t = useT();
  const { organisationId } = useParams();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { me, orgs } = useMyOrganisations();
  // Sections a person may not use are not offered (the staff list and the log need MANAGE_USERS).
  const access = useNavAccess(organisationId ?? '');
  const notices = useNoticeCount(organisationId ?? '', access.users);
  const section = location.pathname.split('/')[3] ?? 'permissions';
  const base = `/org/${organisationId}`;
  return (
    <div className="app">
      <a className="skip" href="#main">{t('app.skipToContent')}</a>
      <header className="topbar">
        <div className="brand">
          {/* The deployment's organisation: its logo (named by its alt text), else its name as text. */}
          {deployment.logoUrl && <img className="brand-logo" src={deployment.logoUrl} alt={deployment.organisationName} width={32} height={32} />}
          <span className="brand-text">
            <span className="brand-name">{deployment.serviceName}</span>
            <span className="brand-tag">{deployment.logoUrl ? t('app.tagline') : `${deployment.organisationName} · ${t('app.tagline')}`}</span>
          </span>
        </div>
        <div className="topbar-tools">
          {orgs.length > 0 && (
            <label className="org-switcher">
              <span>{t('org.switcher')}</span>
              <select
                value={organisationId}
                onChange={(e) => navigate(`/org/${e.target.value}/${section}`)}
              >
                {!orgs.some((o) => o.id === organisationId) && <option value={organisationId}>{organisationId}</option>}
                {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </label>
          )}
          <LanguageSwitch />
          {me && <span className="who">{t('auth.loggedInAs', { name: `${me.givenName} ${me.surname}` })}</span>}
          <button type="button" className="secondary" onClick={() => { navigate('/login', { replace: true }); logout(); }}>{t('auth.logout')}</button>
        </div>
      </header>
      <nav aria-label={t('app.mainNav')} className="mainnav">
        <ul>
          <li><NavLink to={`${base}/permissions`}>{t('nav.myPermissions')}</NavLink></li>
          <li><NavLink to={`${base}/details`}>{t('nav.details')}</NavLink></li>
          {access.users && <li><NavLink to={`${base}/staff`}>{t('nav.staff')}</NavLink></li>}
          <li><NavLink to={`${base}/roles`}>{t('nav.roles')}</NavLink></li>
          {access.users && <li><NavLink to={`${base}/log`}>{t('nav.log')}</NavLink></li>}
          {access.users && <li><NavLink to={`${base}/subscriptions`}>{t('nav.subscriptions')}</NavLink></li>}
          {access.users && (
            <li><NavLink to={`${base}/notices`}>
              {/* The name read aloud starts with the words on the screen (WCAG 2.5.3, axe
                  label-content-name-mismatch): "Att göra", then the count in words instead of the badge's digit. */}
              {t('nav.notices')}{notices ? <><span className="badge count" aria-hidden="true">{notices}</span><span className="visually-hidden">{t('nav.noticesCount', { n: notices })}</span></> : null}
            </NavLink></li>
          )}
          {access.users && <li><NavLink to={`${base}/reviews`}>{t('nav.reviews')}</NavLink></li>}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </div>
  );
}
