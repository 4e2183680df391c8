import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { CompleteLoginDocument, StartLoginDocument, useBankIdOrder, type PolledOrder } from '../api/signing';
import { BankIdOrder } from '../components/BankIdOrder';
import { SimulatorPanel } from '../components/SimulatorPanel';
import { ErrorBox } from '../components/ui';
import { errorTexts } from '../api/errors';
import { useT } from '../i18n';

/** Log-in with BankID (R-AUTH-1): this device (autostart link) or another device (animated QR). */
export function BankIdLogin({ onLoggedIn }: { onLoggedIn: (token: string) => void }) {
  const t = useT();
  const client = useClient();
  const { order, error, setError, begin, cancel, reset } = useBankIdOrder();
  const [device, setDevice] = useState<'this' | 'other'>('other');
  const [starting, setStarting] = useState(false);

  async function start(d: 'this' | 'other') {
    setDevice(d);
    setStarting(true);
    const r = await client.mutation(StartLoginDocument, {}).toPromise();
    setStarting(false);
    if (r.error || !r.data) { setError(errorTexts(r.error).join(' ') || t('bankid.rfa22')); return; }
    begin(r.data.startLogin as PolledOrder);
  }

  useEffect(() => {
    if (order?.status !== 'COMPLETE') return;
    let live = true;
    void client.mutation(CompleteLoginDocument, { orderRef: order.orderRef }).toPromise().then((r) => {
      if (!live) return;
      if (r.data?.completeLogin.token) onLoggedIn(r.data.completeLogin.token);
      else setError(errorTexts(r.error).join(' ') || t('bankid.rfa22'));
    });
    return () => { live = false; };
  }, [order?.status, order?.orderRef]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="bankid" aria-label={t('auth.bankid')}>
      {!order && (
        <div className="actions">
          <button type="button" onClick={() => start('this')} disabled={starting}>{t('auth.thisDevice')}</button>
          <button type="button" onClick={() => start('other')} disabled={starting}>{t('auth.otherDevice')}</button>
        </div>
      )}
      {error && <ErrorBox>{t('app.error', { message: error })}</ErrorBox>}
      {order && <BankIdOrder order={order} device={device} onCancel={cancel} onRetry={reset} />}
      {order?.status === 'PENDING' && <SimulatorPanel orderRef={order.orderRef} />}
    </section>
  );
}
