import { useT } from '../i18n';

/** BankID log-in; waits for the signing subgraph's startLogin/signingOrder/completeLogin. */
export function BankIdLogin(_props: { onLoggedIn: (token: string) => void }) {
  const t = useT();
  return <p className="muted">{t('auth.unavailable')}</p>;
}
