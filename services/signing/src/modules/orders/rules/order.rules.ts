import { ORDER_LIFETIME_MS, animatedQrData, messageForCollect, secondsSince } from '../../../bankid';

/** What the order rules need of an order: pure data, no ORM and no GraphQL. */
export interface OrderState {
  status: 'PENDING' | 'FAILED' | 'COMPLETE';
  hintCode?: string | null;
  startedAt: Date;
  qrStartToken: string;
  qrStartSecret: string;
}

/** R-SIGN-5: animated QR data for this instant (never the secret itself); empty once the order is over. */
export function qrDataNow(order: OrderState, now: number): string {
  if (order.status !== 'PENDING') return '';
  return animatedQrData(order.qrStartToken, order.qrStartSecret, secondsSince(order.startedAt.getTime(), now));
}

/** The user message BankID recommends for the order's state (Swedish), or null. */
export function orderMessage(order: Pick<OrderState, 'status' | 'hintCode'>): string | null {
  const status = order.status === 'PENDING' ? 'pending' : order.status === 'FAILED' ? 'failed' : 'complete';
  return messageForCollect(status, order.hintCode ?? undefined)?.sv ?? null;
}

/** R-SIGN-7: an order is over once BankID's order lifetime has passed, whatever BankID still says. */
export const expiredLocally = (order: Pick<OrderState, 'startedAt'>, now: number) => now >= order.startedAt.getTime() + ORDER_LIFETIME_MS;
