import type { MessageKey } from '../i18n';

/**
 * BankID's recommended user messages (RP guidelines, "RFA" texts) for an order's status and
 * hint code. The keys live in the dictionary; this module only picks one.
 */
export type OrderStatus = 'PENDING' | 'FAILED' | 'COMPLETE';

export function hintMessageKey(status: OrderStatus, hintCode: string | null | undefined, qr: boolean): MessageKey {
  if (status === 'COMPLETE') return 'bankid.complete';
  if (status === 'FAILED') {
    switch (hintCode) {
      case 'userCancel': return 'bankid.rfa6';
      case 'expiredTransaction': return 'bankid.rfa8';
      case 'certificateErr': return 'bankid.rfa16';
      case 'startFailed': return qr ? 'bankid.rfa17b' : 'bankid.rfa17a';
      case 'cancelled': return 'bankid.rfa3';
      case 'alreadyInProgress': return 'bankid.rfa4';
      default: return 'bankid.rfa22';
    }
  }
  switch (hintCode) {
    case 'outstandingTransaction':
    case 'noClient':
      return qr ? 'bankid.rfa1qr' : 'bankid.rfa13';
    case 'started': return 'bankid.rfa14';
    case 'userMrtd': return 'bankid.rfa23';
    case 'userCallConfirm': return 'bankid.rfa24';
    case 'userSign': return 'bankid.rfa9';
    default: return qr ? 'bankid.rfa1qr' : 'bankid.rfa21';
  }
}
