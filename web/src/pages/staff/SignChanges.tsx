import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { SignChangesDocument, useBankIdOrder, type PolledOrder, type Receipt } from '../../api/signing';
import { applyErrorText, errorTexts } from '../../api/errors';
import { BankIdOrder } from '../../components/BankIdOrder';
import { SimulatorPanel } from '../../components/SimulatorPanel';
import { ErrorBox } from '../../components/ui';
import { useI18n, useT } from '../../i18n';
import { config } from '../../config';
import { formatDateTime } from '../../lib/format';
import { buildReceiptPdf, maskPersonalNumbers } from '../../lib/receipt-pdf';

/** Receipt as a downloadable JSON file: the compact JWS plus what it binds (R-SIGN-3). */
export function receiptFile(receipt: Receipt): string {
  return JSON.stringify({ id: receipt.id, signedAt: receipt.signedAt, signer: receipt.signerName, digest: receipt.digest, changeSetId: receipt.changeSetId, token: receipt.token }, null, 2);
}

/** Signera (R-SIGN-2): BankID sign order for the draft set, then the receipt (R-SIGN-3). */
export function SignChanges({ organisationId, signingText, signerPersonalNumber, onApplied }: {
  organisationId: string;
  signingText: string;
  signerPersonalNumber?: string;
  onApplied: (receipt: Receipt, refused: boolean) => void;
}) {
  const t = useT();
  const client = useClient();
  const { order, error, setError, begin, cancel, reset } = useBankIdOrder();
  const [device, setDevice] = useState<'this' | 'other'>('other');
  const [receipt, setReceipt] = useState<Receipt | null>(null); // set once the order is done
  async function start(d: 'this' | 'other') {
    setDevice(d);
    setReceipt(null);
    const r = await client.mutation(SignChangesDocument, { organisationId }).toPromise();
    if (r.error || !r.data) { setError(errorTexts(r.error).join(' ') || t('bankid.rfa22')); return; }
    begin(r.data.signChanges as PolledOrder);
  }
  const applied = order?.status === 'COMPLETE' && order.applyResult !== 'PENDING' && !!order.receipt;
  useEffect(() => {
    if (order?.status === 'COMPLETE' && order.receipt && order.applyResult !== 'PENDING') {
      setReceipt(order.receipt);
      onApplied(order.receipt, order.applyResult === 'REFUSED');
    }
  }, [applied]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="sign">
      {!order && !receipt && (
        <>
          <details>
            <summary>{t('sign.signingText')}</summary>
            <pre>{signingText}</pre>
          </details>
          <div className="actions">
            <button type="button" onClick={() => start('other')}>{t('sign.sign')}</button>
            <button type="button" className="secondary" onClick={() => start('this')}>{t('sign.signThisDevice')}</button>
          </div>
        </>
      )}
      {error && <ErrorBox>{t('app.error', { message: error })}</ErrorBox>}
      {order && !receipt && <BankIdOrder order={order} device={device} onCancel={cancel} onRetry={reset} />}
      {order?.status === 'PENDING' && <SimulatorPanel orderRef={order.orderRef} defaultPersonalNumber={signerPersonalNumber} />}
      {order?.applyResult === 'REFUSED' && <ErrorBox>{applyErrorText(order.applyError)}</ErrorBox>}
    </div>
  );
}

/** The receipt after signing: who, when, what, the digest; as a PDF in words and as the JWS (R-SIGN-3). */
export function ReceiptView({ receipt, signedText, onClose }: { receipt: Receipt; signedText?: string | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [pdfError, setPdfError] = useState(false);
  const [busy, setBusy] = useState(false);
  const download = `data:application/json;charset=utf-8,${encodeURIComponent(receiptFile(receipt))}`;
  const lines = maskPersonalNumbers(signedText ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  async function downloadPdf() {
    setBusy(true);
    setPdfError(false);
    try {
      const bytes = await buildReceiptPdf(lang, receipt, { signedText, jwksUrl: new URL('/.well-known/jwks.json', config.gatewayUrl).toString() });
      const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = href;
      a.download = `kvittens-${receipt.id}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch {
      setPdfError(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h3 id="receipt-title">{t('sign.receipt')}</h3>
      <p>{t('sign.receiptIntro')}</p>
      <dl className="details">
        <dt>{t('sign.signer')}</dt><dd>{receipt.signerName}</dd>
        <dt>{t('sign.signedAt')}</dt><dd><time dateTime={receipt.signedAt}>{formatDateTime(lang, receipt.signedAt)}</time></dd>
        {lines.length > 0 && <><dt>{t('receipt.what')}</dt><dd><ul className="plain">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul></dd></>}
        <dt>{t('sign.digest')}</dt><dd><code className="wrap">{receipt.digest}</code></dd>
      </dl>
      {pdfError && <ErrorBox>{t('receipt.pdfFailed')}</ErrorBox>}
      <div className="actions">
        <button type="button" onClick={downloadPdf} disabled={busy}>{t('receipt.downloadPdf')}</button>
        <a className="button secondary" href={download} download={`kvittens-${receipt.id}.json`}>{t('receipt.downloadJson')}</a>
        <button type="button" className="secondary" onClick={onClose}>{t('app.close')}</button>
      </div>
    </section>
  );
}
