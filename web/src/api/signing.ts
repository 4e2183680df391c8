import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';
import type { OrderView } from '../components/BankIdOrder';
import { errorTexts } from './errors';

export const StartLoginDocument = graphql(`
  mutation StartLogin {
    startLogin { orderRef autoStartToken qrData status hintCode }
  }
`);

export const CompleteLoginDocument = graphql(`
  mutation CompleteLogin($orderRef: ID!) {
    completeLogin(orderRef: $orderRef) { token expiresAt person { id givenName surname } }
  }
`);

export const CancelOrderDocument = graphql(`
  mutation CancelOrder($orderRef: ID!) {
    cancelOrder(orderRef: $orderRef) { orderRef status hintCode }
  }
`);

export const SigningOrderDocument = graphql(`
  query SigningOrder($orderRef: ID!) {
    signingOrder(orderRef: $orderRef) {
      orderRef autoStartToken qrData status hintCode applyResult applyError
      receipt { id signedAt signerName digest token changeSetId }
    }
  }
`);

export const SignChangesDocument = graphql(`
  mutation SignChanges($organisationId: ID!) {
    signChanges(organisationId: $organisationId) { orderRef autoStartToken qrData status hintCode }
  }
`);

export const VerifyAuditLogDocument = graphql(`
  query VerifyAuditLog($organisationId: ID!) {
    verifyAuditLog(organisationId: $organisationId) { ok checked firstBrokenSeq reason lastCheckpointSeq }
  }
`);

export interface Receipt { id: string; signedAt: string; signerName: string; digest: string; token: string; changeSetId: string }
export interface PolledOrder extends OrderView { applyResult?: string | null; applyError?: string | null; receipt?: Receipt | null }

/**
 * One BankID order's life: start it, poll `signingOrder` every second (the QR data changes each
 * second: the animated QR), stop when it is COMPLETE or FAILED, cancel on request or unmount.
 */
export function useBankIdOrder(intervalMs = 1000) {
  const client = useClient();
  const [order, setOrder] = useState<PolledOrder | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<string | null>(null);

  useEffect(() => {
    if (!order || order.status !== 'PENDING') return;
    const orderRef = order.orderRef;
    const timer = setInterval(async () => {
      const r = await client.query(SigningOrderDocument, { orderRef }, { requestPolicy: 'network-only' }).toPromise();
      if (ref.current !== orderRef) return;
      if (r.error) { setError(errorTexts(r.error).join(' ')); return; }
      const o = r.data?.signingOrder;
      if (o) setOrder(o as PolledOrder);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [client, order?.orderRef, order?.status, intervalMs]); // eslint-disable-line react-hooks/exhaustive-deps

  const begin = useCallback((o: PolledOrder) => { ref.current = o.orderRef; setError(null); setOrder(o); }, []);
  const cancel = useCallback(async () => {
    const orderRef = ref.current;
    ref.current = null;
    setOrder(null);
    if (orderRef) await client.mutation(CancelOrderDocument, { orderRef }).toPromise();
  }, [client]);
  const reset = useCallback(() => { ref.current = null; setOrder(null); setError(null); }, []);
  return { order, error, setError, begin, cancel, reset };
}
