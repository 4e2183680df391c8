import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n, useT } from '../i18n';
import { errorTexts, reasonTexts } from '../api/errors';

/** A labelled input with help text and an inline error tied to it via aria-describedby. */
export function Field({ label, error, help, id, ...input }: { label: string; error?: string | null; help?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  const helpId = `${inputId}-help`;
  const errorId = `${inputId}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {help && <p id={helpId} className="help">{help}</p>}
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return <p role="status" className="muted">{t('app.loading')}</p>;
}

export function ErrorBox({ error, children }: { error?: CombinedError | Error | null; children?: ReactNode }) {
  const { t, lang } = useI18n();
  if (!error && !children) return null;
  // The reason's text in the reader's language, never the server's (English) message.
  const text = !error ? '' : 'graphQLErrors' in error ? errorTexts(error, lang).join(' ') : reasonTexts[lang].INTERNAL_ERROR;
  return (
    <div className="error-box" role="alert">
      {children ?? t('app.error', { message: text })}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="notice" role="status">{children}</div>;
}

/** Is this error "the API has no such field yet" (schema still growing)? */
export function isMissingField(error?: CombinedError | null): boolean {
  return !!error?.graphQLErrors.some((e) => /Cannot query field|Unknown argument|Unknown type/.test(e.message));
}
