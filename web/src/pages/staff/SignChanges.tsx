import { useT } from '../../i18n';

/** Signera: waits for the signing subgraph's SigningOrder fields (status, qrData, receipt). */
export function SignChanges(_props: { organisationId: string; signingText: string; onApplied: () => void }) {
  const t = useT();
  return <p className="muted small">{t('sign.unavailable')}</p>;
}
