import { Link } from 'react-router';
import { useT } from '../i18n';

export function NotFound() {
  const t = useT();
  return (
    <main id="main" className="page">
      <p>{t('app.notFound')}</p>
      <Link to="/">{t('app.back')}</Link>
    </main>
  );
}
