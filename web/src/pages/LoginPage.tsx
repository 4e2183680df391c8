import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { config } from '../config';
import { useT } from '../i18n';
import { Field, Notice } from '../components/ui';
import { LanguageSwitch } from './LanguageSwitch';
import { BankIdLogin } from './BankIdLogin';

export function LoginPage() {
  const t = useT();
  const { loggedIn, expired, loggedOut, login } = useAuth();
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string } | null;
  const from = (!loggedOut && state?.from) || '/';
  if (loggedIn) return <Navigate to={from} replace />;
  const done = (token: string) => { login(token); navigate(from, { replace: true }); };
  return (
    <main id="main" className="page narrow login">
      <div className="row-between">
        <h1>{t('auth.title')}</h1>
        <LanguageSwitch />
      </div>
      <p>{t('auth.intro')}</p>
      {expired && <Notice>{t('auth.sessionExpired')}</Notice>}
      <BankIdLogin onLoggedIn={done} />
      {config.development && <DevTokenLogin onLoggedIn={done} />}
    </main>
  );
}

/** Development only: log in with a token from `npm run -s token -- <personal number>`. */
function DevTokenLogin({ onLoggedIn }: { onLoggedIn: (token: string) => void }) {
  const t = useT();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) { setError(t('validation.required')); return; }
    onLoggedIn(token.trim());
  }
  return (
    <details className="dev-token">
      <summary>{t('auth.devToken')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.devTokenLabel')} help={t('auth.devTokenHelp')} value={token} error={error}
          onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
        <button type="submit">{t('auth.devTokenSubmit')}</button>
      </form>
    </details>
  );
}
