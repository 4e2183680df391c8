import { randomUUID } from 'node:crypto';
import { mintToken, type Actor, type SignOrderRequest } from '@behorig/kit/auth';
import { conflict, forbidden, notFound, serviceUnavailable } from '@behorig/kit/errors';
import { actorLabel } from '@behorig/kit/outbox';
import { mintReceipt } from '@behorig/kit/receipt';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessUnavailableError } from '../../clients/access.client';
import { appendAfterSigningStarted, appendAuditEvents, auditInstant } from '../audit/audit.service';
import { BankIdError, BankIdUnavailableError, messageForErrorCode, type OrderResponse } from '../../bankid';
import type { SigningDeps } from '../../deps';
import { assertMayFollow } from '../../policy/signing.policy';
import { ordersStore, type SigningOrderRow } from './orders.store';
import { expiredLocally, orderMessage } from './rules/order.rules';

/**
 * BankID orders (R-AUTH-1, R-SIGN-2…4): starting them, polling them (collect), turning a
 * completed log-in into a session and a completed signing into a receipt that the access service
 * applies exactly once. GraphQL resolvers and the internal HTTP routes are thin shells over this;
 * the server's own collection round is in collection.job.ts. Every function returns the order as
 * it is in the database after what it did.
 */

/** BankID trouble → a GraphQL error the client can act on; other errors pass through. */
export function bankIdError(e: unknown): unknown {
  if (e instanceof BankIdUnavailableError) return serviceUnavailable(`BankID cannot be reached right now (${e.message}). Nothing was changed; try again shortly.`, 'BANKID_UNAVAILABLE');
  if (e instanceof BankIdError && e.errorCode === 'alreadyInProgress') {
    return conflict(`${messageForErrorCode('alreadyInProgress').sv} (BankID: alreadyInProgress)`, 'BANKID_ALREADY_IN_PROGRESS');
  }
  if (e instanceof BankIdError) return conflict(`BankID refused the request: ${e.errorCode}. ${messageForErrorCode(e.errorCode).sv}`, 'BANKID_REFUSED');
  return e;
}

function newOrderRow(res: OrderResponse, kind: 'LOGIN' | 'SIGN', startedAt: Date, endUserIp: string): SigningOrderRow {
  return {
    orderRef: res.orderRef, kind, status: 'PENDING', hintCode: 'outstandingTransaction', startedAt, endUserIp,
    autoStartToken: res.autoStartToken, qrStartToken: res.qrStartToken, qrStartSecret: res.qrStartSecret,
    personalNumberHash: null, personId: null, organisationId: null, changeSetId: null, digest: null, userVisibleData: null,
    completedAt: null, signerPersonalNumberEnc: null, signerPersonalNumberHash: null, signerName: null, signerGivenName: null, signerSurname: null, sessionIssuedAt: null,
    receiptId: null, applyResult: null, applyError: null, collectAfter: null, endReportedAt: null,
  };
}

/** Reads an order that must exist (it was found earlier in this request, and orders are never deleted). */
async function mustFind(em: EntityManager, orderRef: string, opts: { lock?: boolean } = {}): Promise<SigningOrderRow> {
  const order = await ordersStore(em).findOrder(orderRef, opts);
  if (!order) throw new Error(`signing order ${orderRef} has disappeared`);
  return order;
}

export async function startLogin(em: EntityManager, deps: SigningDeps, endUserIp: string): Promise<SigningOrderRow> {
  let res: OrderResponse;
  try {
    res = await deps.bankId().auth({ endUserIp });
  } catch (e) {
    throw bankIdError(e);
  }
  return ordersStore(em).insertOrder(newOrderRow(res, 'LOGIN', new Date(deps.now()), endUserIp));
}

export type { SignOrderRequest } from '@behorig/kit/auth';

/**
 * Starts the BankID sign order for a change set; BankID binds it to the caller's personal number.
 * The token names the caller by person id only, so the number comes from access's sealed record.
 * Authority staff without a person record cannot sign for an organisation.
 */
export async function startSign(em: EntityManager, deps: SigningDeps, actor: Extract<Actor, { kind: 'person' }>, req: SignOrderRequest): Promise<SigningOrderRow> {
  const personId = actor.personId;
  if (!personId) throw forbidden('Only a person with an account in the organisation can sign its changes.', 'NO_ACCOUNT');
  let personalNumber: string | null;
  try {
    personalNumber = await deps.access.personalNumberOf(personId);
  } catch (e) {
    if (e instanceof AccessUnavailableError) throw serviceUnavailable('Signing cannot start right now (the access service does not answer). Nothing was changed; try again shortly.', 'PERMISSION_SERVICE_UNAVAILABLE');
    throw e;
  }
  if (!personalNumber) throw forbidden('Only a person with an account in the organisation can sign its changes.', 'NO_ACCOUNT');
  const res = await deps.bankId().sign({
    endUserIp: req.endUserIp,
    requirement: { personalNumber },
    userVisibleData: req.userVisibleData,
    userVisibleDataFormat: 'simpleMarkdownV1',
  });
  return ordersStore(em).insertOrder({
    ...newOrderRow(res, 'SIGN', new Date(deps.now()), req.endUserIp),
    personalNumberHash: deps.vault.hash(personalNumber),
    personId,
    organisationId: req.organisationId,
    changeSetId: req.changeSetId,
    digest: req.digest,
    userVisibleData: req.userVisibleData,
  });
}

/** Loads an order and, while it is pending, asks BankID for news (collect). */
export async function refreshOrder(em: EntityManager, deps: SigningDeps, orderRef: string): Promise<SigningOrderRow | null> {
  let order = await ordersStore(em).findOrder(orderRef);
  if (!order) return null;
  if (order.status === 'PENDING') order = await collect(em, deps, order);
  if (order.kind === 'SIGN' && order.status === 'COMPLETE' && order.applyResult === 'PENDING') {
    await applySigned(em, deps, order.orderRef);
    order = await mustFind(em, order.orderRef);
  }
  if (order.kind === 'SIGN' && order.status === 'FAILED' && !order.endReportedAt) order = await reportEnded(em, deps, order);
  return order;
}

/**
 * R-SIGN-7: a sign order that failed, was cancelled or expired returns its change set to DRAFT
 * (access does it, with an audit event naming the reason). Reported until access answers.
 */
async function reportEnded(em: EntityManager, deps: SigningDeps, order: SigningOrderRow): Promise<SigningOrderRow> {
  if (!order.changeSetId || !order.digest) return order;
  try {
    await deps.access.signingEnded(order.changeSetId, { orderRef: order.orderRef, digest: order.digest, reason: order.hintCode ?? 'failed' });
  } catch (e) {
    if (!(e instanceof AccessUnavailableError)) throw e;
    deps.logger.warn({ err: e, orderRef: order.orderRef }, 'reporting an ended sign order failed; the collector retries');
    return order;
  }
  return (await ordersStore(em).updateOrder(order.orderRef, { endReportedAt: new Date(deps.now()) })) ?? order;
}

/** R-SIGN-7: claims up to `limit` orders that need the server's attention for `leaseMs` (orders.store.ts claimOpenOrders). */
export function claimOpenOrders(em: EntityManager, leaseMs: number, limit = 50): Promise<string[]> {
  return ordersStore(em).claimOpenOrders(leaseMs, limit);
}

async function collect(em: EntityManager, deps: SigningDeps, order: SigningOrderRow): Promise<SigningOrderRow> {
  const now = deps.now();
  let res;
  try {
    res = await deps.bankId().collect(order.orderRef);
  } catch (e) {
    if (e instanceof BankIdError) {
      // BankID forgets orders some minutes after they end; ours is over either way.
      return fail(em, order, expiredLocally(order, now) ? 'expiredTransaction' : 'cancelled');
    }
    if (expiredLocally(order, now)) return fail(em, order, 'expiredTransaction');
    throw bankIdError(e);
  }
  if (res.status === 'pending') {
    if (order.hintCode === res.hintCode) return order;
    return (await ordersStore(em).updateOrder(order.orderRef, { hintCode: res.hintCode })) ?? order;
  }
  if (res.status === 'failed') return fail(em, order, res.hintCode);
  const user = res.completionData.user;
  await em.transactional(async (tx) => {
    const store = ordersStore(tx);
    const locked = await mustFind(tx, order.orderRef, { lock: true });
    if (locked.status !== 'PENDING') return; // a parallel poll got here first
    const completedAt = auditInstant(new Date(now));
    const sealed = deps.vault.seal(user.personalNumber);
    const completed = {
      status: 'COMPLETE' as const, hintCode: null, completedAt,
      signerPersonalNumberEnc: sealed.ciphertext, signerPersonalNumberHash: sealed.hash, signerName: user.name,
      signerGivenName: user.givenName, signerSurname: user.surname,
    };
    if (locked.kind !== 'SIGN') {
      await store.updateOrder(locked.orderRef, completed);
      return;
    }
    const receiptId = randomUUID();
    const token = await mintReceipt(deps.key, {
      receiptId, orderRef: locked.orderRef, signerPersonalNumber: user.personalNumber, signerPersonId: locked.personId ?? null, signerName: user.name,
      organisationId: locked.organisationId!, changeSetId: locked.changeSetId!, digest: locked.digest!, signedAt: completedAt,
    });
    await store.insertReceipt({
      id: receiptId, orderRef: locked.orderRef, sealedBy: null, signedAt: completedAt, signerPersonId: locked.personId ?? null,
      signerPersonalNumberHash: sealed.hash, signerName: user.name, organisationId: locked.organisationId!,
      changeSetId: locked.changeSetId!, digest: locked.digest!, token,
    });
    await store.updateOrder(locked.orderRef, { ...completed, receiptId, applyResult: 'PENDING' });
    // Signing's own event, in the same transaction as the receipt; in the chain right after the
    // access event that started this signing (R-AUDIT-4 causal order), waiting for it if need be.
    await appendAfterSigningStarted(tx, { id: locked.changeSetId!, digest: locked.digest! }, {
      organisationId: locked.organisationId!, at: completedAt,
      actor: actorLabel({ kind: 'person', personId: locked.personId ?? null, authority: false }),
      actorPersonId: locked.personId ?? null, action: 'changes.signed', target: `changeSet:${locked.changeSetId}`,
      before: null, after: { orderRef: locked.orderRef, digest: locked.digest, receiptId }, source: 'signing', sourceId: null, receiptId,
    });
  });
  return mustFind(em, order.orderRef);
}

async function fail(em: EntityManager, order: SigningOrderRow, hintCode: string): Promise<SigningOrderRow> {
  return (await ordersStore(em).updateOrder(order.orderRef, { status: 'FAILED', hintCode })) ?? order;
}

/**
 * R-SIGN-4: hands the receipt to the access service, which applies the change set exactly once.
 * The order row is locked for the duration, so parallel polls (double clicks) make one call; the
 * call is retried until access gives a definite answer, and a later poll retries again if it
 * never did.
 */
export async function applySigned(em: EntityManager, deps: SigningDeps, orderRef: string): Promise<void> {
  await em.transactional(async (tx) => {
    const store = ordersStore(tx);
    const order = await mustFind(tx, orderRef, { lock: true });
    if (order.applyResult !== 'PENDING' || !order.receiptId) return;
    const receipt = await store.findReceipt(order.receiptId);
    if (!receipt) throw new Error(`receipt ${order.receiptId} of order ${orderRef} is missing`);
    for (let attempt = 0; attempt <= deps.applyRetryDelaysMs.length; attempt++) {
      try {
        const outcome = await deps.access.applyChangeSet(order.changeSetId!, receipt.token);
        await store.updateOrder(orderRef, {
          applyResult: outcome.kind === 'applied' ? 'APPLIED' : 'REFUSED',
          applyError: outcome.kind === 'refused' ? outcome.error : null,
        });
        return;
      } catch (e) {
        if (!(e instanceof AccessUnavailableError)) throw e;
        deps.logger.warn({ err: e, orderRef, attempt }, 'applying a signed change set failed; retrying');
        const delay = deps.applyRetryDelaysMs[attempt];
        if (delay === undefined) return; // stays PENDING: the next poll tries again
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  });
}

/** R-AUTH-1: a session only for people with an active membership and for authority staff. */
export async function completeLogin(em: EntityManager, deps: SigningDeps, orderRef: string) {
  const order = await refreshOrder(em, deps, orderRef);
  if (!order || order.kind !== 'LOGIN') throw notFound('No log-in order with this orderRef.', 'ORDER_NOT_FOUND');
  if (order.status === 'PENDING') throw conflict('The log-in is not complete yet: keep polling signingOrder until its status is COMPLETE.', 'LOGIN_NOT_COMPLETE');
  if (order.status === 'FAILED') throw conflict(`The log-in did not complete (${order.hintCode}). ${orderMessage(order) ?? ''}`.trim(), 'LOGIN_FAILED');
  if (order.sessionIssuedAt) throw conflict('This log-in has already been used; start a new one.', 'LOGIN_ALREADY_USED');
  const pnr = deps.vault.open(order.signerPersonalNumberEnc!);
  const authority = deps.authorityNumbers.has(pnr);
  let person;
  try {
    person = await deps.access.personByPersonalNumber(pnr);
  } catch (e) {
    if (e instanceof AccessUnavailableError) throw serviceUnavailable('Log-in cannot be completed right now (the access service does not answer). Try again shortly.', 'PERMISSION_SERVICE_UNAVAILABLE');
    throw e;
  }
  if (!authority && !person) {
    throw forbidden('There is no Behörig account for this person. Ask your organisation\'s permission administrator to add you (or the authority, for an organisation\'s first account).', 'NO_ACCOUNT');
  }
  if (!authority && !person!.hasActiveMembership) {
    throw forbidden('Your account has no active role in any organisation. Ask your organisation\'s permission administrator.', 'NO_ACTIVE_ROLE');
  }
  const personId = person?.personId ?? null;
  const now = auditInstant(new Date(deps.now()));
  await em.transactional(async (tx) => {
    const locked = await mustFind(tx, orderRef, { lock: true });
    if (locked.sessionIssuedAt) throw conflict('This log-in has already been used; start a new one.', 'LOGIN_ALREADY_USED');
    await ordersStore(tx).updateOrder(orderRef, { sessionIssuedAt: now, personId });
    await appendAuditEvents(tx, [{
      organisationId: null, at: now, actor: actorLabel({ kind: 'person', personId, authority }),
      actorPersonId: personId, action: 'auth.login', target: personId ? `person:${personId}` : 'authority', before: null,
      after: { orderRef, authority }, source: 'signing', sourceId: null, receiptId: null,
    }]);
  });
  if (deps.nameCorrection && personId && order.signerGivenName && order.signerSurname) {
    // R-USR-5: the person's own BankID name corrects the identity row (access writes the audit
    // event). A failure does not undo the log-in; the next log-in corrects it.
    try {
      await deps.access.bankIdName(personId, { givenName: order.signerGivenName, surname: order.signerSurname, orderRef });
    } catch (e) {
      deps.logger.warn({ err: e, orderRef }, 'correcting the name from BankID at log-in failed; the next log-in tries again');
    }
  }
  const { token, expiresAt } = await mintToken(deps.key, { kind: 'person', personId, authority }, deps.tokenTtlSeconds);
  return { token, expiresAt, personId, authority };
}

/** The user (or the page) gives up on an order. */
export async function cancelOrder(em: EntityManager, deps: SigningDeps, actor: Actor | null, orderRef: string): Promise<SigningOrderRow> {
  const order = await ordersStore(em).findOrder(orderRef);
  if (!order) throw notFound('No order with this orderRef.', 'ORDER_NOT_FOUND');
  assertMayFollow(order, actor);
  if (order.status !== 'PENDING') return order;
  try {
    await deps.bankId().cancel(orderRef);
  } catch (e) {
    // An order BankID no longer knows is over anyway; anything else the client should hear about.
    if (!(e instanceof BankIdError)) throw bankIdError(e);
  }
  const cancelled = await fail(em, order, 'cancelled');
  return cancelled.kind === 'SIGN' ? reportEnded(em, deps, cancelled) : cancelled;
}

/**
 * R-SIGN-7: access edited or discarded a change of a set being signed: the order no longer covers
 * the set, so the phone must stop offering it. Access has already returned the set to DRAFT.
 */
export async function cancelForEditedSet(em: EntityManager, deps: SigningDeps, orderRef: string): Promise<SigningOrderRow | null> {
  const order = await ordersStore(em).findOrder(orderRef);
  if (!order || order.kind !== 'SIGN' || order.status !== 'PENDING') return order;
  try {
    await deps.bankId().cancel(orderRef);
  } catch (e) {
    if (!(e instanceof BankIdError)) throw e;
  }
  return ordersStore(em).updateOrder(orderRef, { status: 'FAILED', hintCode: 'cancelled', endReportedAt: new Date(deps.now()) });
}
