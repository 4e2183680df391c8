import { Link } from 'react-router';
import { deployment } from '../config';
import { useI18n, type MessageKey } from '../i18n';
import { formatDate } from '../lib/format';

/**
 * The accessibility statement (tillgänglighetsredogörelse) that the Swedish law on accessibility
 * of digital public services requires, in the structure of DIGG's template: who is behind the
 * service, how accessible it is, what to do when something cannot be used, how to report
 * shortcomings, supervision by DIGG, the technical information, known shortcomings and how the
 * service was tested. The contact details and dates come from the deployment (config.ts).
 */
export function AccessibilityPage() {
  const { t, lang } = useI18n();
  const d = deployment;
  const p = { organisation: d.organisationName, service: d.serviceName };
  const known: MessageKey[] = ['a11y.known.qr', 'a11y.known.pdf', 'a11y.known.export', 'a11y.known.matrix'];
  return (
    <main id="main" tabIndex={-1} className="page narrow statement">
      <p><Link to="/">{t('a11y.back')}</Link></p>
      <h1>{t('a11y.title', p)}</h1>
      <p>{t('a11y.intro', p)}</p>

      <h2>{t('a11y.how.title')}</h2>
      <p>{t('a11y.how.text', p)}</p>

      <h2>{t('a11y.cannot.title')}</h2>
      <p>{t('a11y.cannot.text', p)}</p>
      <Contact />

      <h2>{t('a11y.report.title')}</h2>
      <p>{t('a11y.report.text', p)}</p>
      <Contact />

      <h2>{t('a11y.supervision.title')}</h2>
      <p>{t('a11y.supervision.text')} <a href="https://www.digg.se/tdosanmalan">{t('a11y.supervision.link')}</a></p>

      <h2>{t('a11y.technical.title')}</h2>
      <p>{t('a11y.technical.text', p)}</p>

      <h3>{t('a11y.known.title')}</h3>
      <ul>{known.map((k) => <li key={k}>{t(k)}</li>)}</ul>

      <h2>{t('a11y.tested.title')}</h2>
      <p>{t('a11y.tested.text', { ...p, date: formatDate(lang, d.assessedOn) })}</p>
      <p>{t('a11y.dates', { published: formatDate(lang, d.publishedOn), updated: formatDate(lang, d.statementUpdatedOn) })}</p>
    </main>
  );
}

function Contact() {
  const { t } = useI18n();
  const d = deployment;
  if (!d.supportEmail && !d.supportPhone && !d.supportUrl) return <p>{t('a11y.noContact')}</p>;
  return (
    <ul>
      {d.supportEmail && <li>{t('footer.email')}: <a href={`mailto:${d.supportEmail}`}>{d.supportEmail}</a></li>}
      {d.supportPhone && <li>{t('footer.phone')}: <a href={`tel:${d.supportPhone.replace(/[^\d+]/g, '')}`}>{d.supportPhone}</a>{d.supportHours && ` (${d.supportHours})`}</li>}
      {d.supportUrl && <li><a href={d.supportUrl}>{t('footer.supportPage')}</a></li>}
    </ul>
  );
}
