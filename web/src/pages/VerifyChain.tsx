import { useState } from 'react';
import { useClient } from 'urql';
import { VerifyAuditLogDocument } from '../api/signing';
import { useT } from '../i18n';
import { ErrorBox } from '../components/ui';

/** R-AUDIT-2, R-AUDIT-4: verify the organisation's hash chain and signed checkpoints on request. */
export function VerifyChain({ organisationId }: { organisationId: string }) {
  const t = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; checked: number; firstBrokenSeq?: number | null; reason?: string | null; lastCheckpointSeq?: number | null } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  async function verify() {
    setBusy(true);
    setError(null);
    const r = await client.query(VerifyAuditLogDocument, { organisationId }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.error) { setError(r.error); setResult(null); return; }
    setResult(r.data?.verifyAuditLog ?? null);
  }
  return (
    <div className="verify">
      <button type="button" className="secondary" onClick={verify} disabled={busy}>{t('log.verify')}</button>
      <div aria-live="polite">
        {result && (result.ok
          ? <p className="notice">{t('log.verifyOk', { checked: result.checked })}</p>
          : <p className="error-box">{t('log.verifyBroken', { seq: result.firstBrokenSeq ?? '?', checked: result.checked })}
            {/* R-AUDIT-4: verification says which kind of tampering it found. */}
            {result.reason ? <> {t(`log.break.${result.reason}` as Parameters<typeof t>[0])}</> : null}</p>)}
        {/* R-AUDIT-4: how much of the log a signed checkpoint vouches for (events after it rest on the chain alone). */}
        {result && (
          <p className="small" data-testid="checkpoint-status">
            <span className={`chip ${result.lastCheckpointSeq ? 'chip-active' : 'chip-upcoming'}`}>{t('log.checkpoint')}</span>{' '}
            {result.lastCheckpointSeq
              ? t('log.verifyCheckpoint', { seq: result.lastCheckpointSeq })
              : t('log.noCheckpoint')}
            {result.lastCheckpointSeq && result.checked > result.lastCheckpointSeq
              ? <> {t('log.afterCheckpoint', { count: result.checked - result.lastCheckpointSeq })}</> : null}
          </p>
        )}
      </div>
      <ErrorBox error={error} />
    </div>
  );
}
