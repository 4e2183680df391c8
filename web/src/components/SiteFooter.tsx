import { Link } from 'react-router';
import { deployment } from '../config';
import { useT } from '../i18n';

/** Every page's footer: who runs the service, how to reach support, the accessibility statement. */
export function SiteFooter() {
  const t = useT();
  const d = deployment;
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="small">{t('footer.contact')}</h2>
          <p>{t('footer.runBy', { organisation: d.organisationName, service: d.serviceName })}</p>
          <ul className="plain">
            {d.supportEmail && <li>{t('footer.email')}: <a href={`mailto:${d.supportEmail}`}>{d.supportEmail}</a></li>}
            {d.supportPhone && <li>{t('footer.phone')}: <a href={`tel:${d.supportPhone.replace(/[^\d+]/g, '')}`}>{d.supportPhone}</a>{d.supportHours && ` (${d.supportHours})`}</li>}
            {d.supportUrl && <li><a href={d.supportUrl}>{t('footer.supportPage')}</a></li>}
          </ul>
        </section>
        <nav aria-label={t('footer.nav')}>
          <ul className="plain">
            <li><Link to="/tillganglighet">{t('footer.accessibility')}</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
