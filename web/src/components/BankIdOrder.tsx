import { useT } from '../i18n';
import { hintMessageKey, type OrderStatus } from '../lib/hints';
import { QrCode } from './QrCode';

export interface OrderView {
  orderRef: string;
  autoStartToken: string;
  qrData: string;
  status: OrderStatus;
  hintCode?: string | null;
}

/** The BankID autostart link for "this device" (redirect=null: the app returns to the browser itself). */
export function autostartUrl(autoStartToken: string): string {
  return `bankid:///?autostarttoken=${encodeURIComponent(autoStartToken)}&redirect=null`;
}

/**
 * One BankID order on screen: the animated QR (another device) or the app link (this device),
 * and BankID's recommended message for the current status and hint code.
 */
export function BankIdOrder({ order, device, onCancel, onRetry }: {
  order: OrderView;
  device: 'this' | 'other';
  onCancel: () => void;
  onRetry: () => void;
}) {
  const t = useT();
  const message = t(hintMessageKey(order.status, order.hintCode, device === 'other'));
  return (
    <div className="bankid-order">
      {order.status === 'PENDING' && device === 'other' && <QrCode data={order.qrData} label={t('auth.qrLabel')} />}
      {order.status === 'PENDING' && device === 'this' && (
        <p><a className="button" href={autostartUrl(order.autoStartToken)}>{t('auth.openApp')}</a></p>
      )}
      <p role="status" aria-live="polite" className={order.status === 'FAILED' ? 'hint failed' : 'hint'} data-testid="bankid-message">{message}</p>
      {order.status === 'PENDING' && <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>}
      {order.status === 'FAILED' && <button type="button" onClick={onRetry}>{t('bankid.tryAgain')}</button>}
    </div>
  );
}
