import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useNavAccess } from '../api/nav-access';
import { useT } from '../i18n';
import { Loading } from './ui';

/**
 * A section that needs user management (staff, log): someone without it — a reader, say — who
 * follows an old link reads why in their language instead of a server error.
 */
export function RequireUserAccess({ children }: { children: ReactNode }) {
  const t = useT();
  const { organisationId = '' } = useParams();
  const access = useNavAccess(organisationId);
  if (!access.loaded) return <Loading />;
  if (!access.users) {
    return (
      <>
        <h1>{t('access.notAllowed.title')}</h1>
        <p>{t('access.notAllowed.text')}</p>
      </>
    );
  }
  return <>{children}</>;
}
