import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { SignChangesDocument, useBankIdOrder, type PolledOrder, type Receipt } from '../../api/signing';
import { applyErrorText, errorTexts } from '../../api/errors';
import { BankIdOrder } from '../../components/BankIdOrder';
import { SimulatorPanel } from '../../components/SimulatorPanel';
import { ErrorBox } from '../../components/ui';
import { useT } from '../../i18n';

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

/** The receipt after signing: who, when, the digest, and the JWS to download (R-SIGN-3). */
export function ReceiptView({ receipt, onClose }: { receipt: Receipt; onClose: () => void }) {
  const t = useT();
  const download = `data:application/json;charset=utf-8,${encodeURIComponent(receiptFile(receipt))}`;
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h3 id="receipt-title">{t('sign.receipt')}</h3>
      <p>{t('sign.receiptIntro')}</p>
      <dl className="details">
        <dt>{t('sign.signer')}</dt><dd>{receipt.signerName}</dd>
        <dt>{t('sign.signedAt')}</dt><dd><time dateTime={receipt.signedAt}>{new Date(receipt.signedAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })}</time></dd>
        <dt>{t('sign.digest')}</dt><dd><code>{receipt.digest}</code></dd>
      </dl>
      <div className="actions">
        <a className="button" href={download} download={`kvittens-${receipt.id}.json`}>{t('sign.download')}</a>
        <button type="button" className="secondary" onClick={onClose}>{t('app.close')}</button>
      </div>
    </section>
  );
}
