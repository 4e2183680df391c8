import { useT } from '../i18n';

/** R-AUDIT-2 "verify chain": waits for the signing subgraph's verifyAuditLog. */
export function VerifyChain(_props: { organisationId: string }) {
  const t = useT();
  return <p className="muted small">{t('log.verifyNotAvailable')}</p>;
}
