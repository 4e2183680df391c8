import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type {
  AuthRequestBody,
  BankIdErrorCode,
  BankIdRequirement,
  CollectResponse,
  CompletionData,
  FailedHintCode,
  OrderResponse,
  PendingHintCode,
} from './bankid-types';
import { animatedQrData, parseQrData, secondsSince } from './qr-code';
import { generateSimulatorCerts, type SimulatorCerts } from './simulator-certificates';

/**
 * A local stand-in for the BankID Relying Party API v6.0 (R-SIGN-5): same endpoints, request and
 * response shapes, status and hint codes, error codes, expiry and mutual TLS, so the product's one
 * BankID client can be pointed at it by changing only the base URL and TLS material.
 *
 * Two servers:
 * - the RP API over HTTPS that requires a client certificate issued by the simulator's CA
 *   (`https://<host>:<rpPort>/rp/v6.0/`), exactly what relying parties talk to;
 * - a plain-HTTP control API on loopback that plays the user's phone (start, complete, fail,
 *   scan a QR code) and lists open orders for a developer panel. Loopback-only because it can
 *   complete anyone's log-in.
 *
 * Time comes from an injectable clock and order states are derived from it on every access
 * (no timers), so tests can jump three minutes ahead without waiting.
 */

/** An order that nobody finishes fails with `expiredTransaction` this long after it was created. */
export const ORDER_LIFETIME_MS = 3 * 60 * 1000;
/** A completed order can still be collected this long after completion, then it is gone. */
export const COMPLETED_RETENTION_MS = 3 * 60 * 1000;
/** A failed order can still be collected this long after it failed, then it is gone. */
export const FAILED_RETENTION_MS = 5 * 60 * 1000;
/** How far the seconds in scanned QR data may differ from the simulator's own count. */
const QR_TOLERANCE_SECONDS = 10;

/** The well-known BankID test identity (R-ID-4: the demo authority administrator). */
export const TOLVAN = { personalNumber: '191212121212', givenName: 'Tolvan', surname: 'Tolvansson' } as const;

export interface SimulatedPerson {
  givenName: string;
  surname: string;
}

export interface BankIdSimulatorOptions {
  /** Port of the HTTPS RP API; 0 picks a free port. */
  rpPort: number;
  /** Port of the plain-HTTP control API (always bound to 127.0.0.1); 0 picks a free port. */
  controlPort: number;
  /** Interface the RP API binds to. Default 127.0.0.1. */
  host?: string;
  /** Epoch milliseconds. Default `Date.now`. */
  clock?: () => number;
  /** TLS material; generated in memory when absent. Pass stable certs to survive restarts. */
  certs?: SimulatorCerts;
  /** Names to report for known personal numbers (e.g. the seed data's people). */
  people?: Readonly<Record<string, SimulatedPerson>>;
}

export interface BankIdSimulator {
  /** Base URL of the RP API, ending in `/rp/v6.0/`. */
  rpUrl: string;
  /** Base URL of the control API (no trailing slash), e.g. `http://127.0.0.1:4011`. */
  controlUrl: string;
  /** PEM of the CA that issued the server and client certificates. */
  ca: string;
  /** PEM client certificate (and key) the RP API accepts. */
  clientCert: string;
  clientKey: string;
  stop(): Promise<void>;
}

/** What `GET /simulator/orders` reports per order: enough for a panel to act as the phone. */
export interface SimulatorOrderView {
  orderRef: string;
  type: 'auth' | 'sign';
  status: 'pending' | 'failed' | 'complete';
  hintCode: string | null;
  /** `requirement.personalNumber` of the order, if the RP bound it to a person. */
  personalNumber: string | null;
  /** Decoded (UTF-8) `userVisibleData`, i.e. what the phone would show. */
  userVisibleData: string | null;
  userVisibleDataFormat: string | null;
  endUserIp: string;
  createdAt: string;
  expiresAt: string;
  /** Who completed the order, once complete. */
  completedBy: string | null;
}

type OrderState =
  | { status: 'pending'; hintCode: PendingHintCode }
  | { status: 'failed'; hintCode: FailedHintCode; finishedAt: number }
  | { status: 'complete'; completionData: CompletionData; finishedAt: number };

interface SimOrder {
  orderRef: string;
  type: 'auth' | 'sign';
  createdAt: number;
  endUserIp: string;
  requirement: BankIdRequirement | undefined;
  userVisibleData: string | undefined;
  userVisibleDataFormat: 'simpleMarkdownV1' | undefined;
  userNonVisibleData: string | undefined;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
  state: OrderState;
}

/** An HTTP refusal with BankID's error body `{ errorCode, details }`. */
class SimulatorHttpError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: BankIdErrorCode | 'conflict',
    readonly details: string,
  ) {
    super(details);
  }
}

const invalid = (details: string) => new SimulatorHttpError(400, 'invalidParameters', details);
const noSuchOrder = () => invalid('No such order');

// ---------------------------------------------------------------------------------------------
// Input validation (the real service answers invalidParameters for all of these)
// ---------------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Luhn over the last ten digits, as for every Swedish personal identity number. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

/** BankID wants exactly 12 digits (century included) with a valid check digit. */
export function isValidBankIdPersonalNumber(value: unknown): value is string {
  return typeof value === 'string' && /^(19|20)\d{10}$/.test(value) && luhnValid(value.slice(2));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes strict base64 holding UTF-8 text; undefined when it is neither. */
function decodeBase64Utf8(value: string): string | undefined {
  if (!BASE64.test(value)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'base64'));
  } catch {
    return undefined;
  }
}

function parseRequirement(value: unknown): BankIdRequirement | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw invalid('Invalid requirement');
  const req: BankIdRequirement = {};
  if (value.personalNumber !== undefined) {
    if (!isValidBankIdPersonalNumber(value.personalNumber)) throw invalid('Invalid personalNumber');
    req.personalNumber = value.personalNumber;
  }
  for (const flag of ['pinCode', 'mrtd'] as const) {
    if (value[flag] !== undefined) {
      if (typeof value[flag] !== 'boolean') throw invalid(`Invalid requirement.${flag}`);
      req[flag] = value[flag];
    }
  }
  if (value.cardReader !== undefined) {
    if (value.cardReader !== 'class1' && value.cardReader !== 'class2') throw invalid('Invalid cardReader');
    req.cardReader = value.cardReader;
  }
  if (value.certificatePolicies !== undefined) {
    const policies = value.certificatePolicies;
    if (!Array.isArray(policies) || !policies.every((p): p is string => typeof p === 'string')) {
      throw invalid('Invalid certificatePolicies');
    }
    req.certificatePolicies = policies;
  }
  return req;
}

/** Validates an auth/sign body the way the RP API does; sign additionally needs userVisibleData. */
function parseOrderRequest(body: unknown, type: 'auth' | 'sign'): AuthRequestBody {
  if (!isRecord(body)) throw invalid('Invalid request body');
  const { endUserIp, userVisibleData, userVisibleDataFormat, userNonVisibleData, returnUrl, returnRisk } = body;
  if (typeof endUserIp !== 'string' || isIP(endUserIp) === 0) throw invalid('Incorrect endUserIp');

  if (userVisibleData !== undefined || type === 'sign') {
    if (typeof userVisibleData !== 'string' || userVisibleData.length === 0) throw invalid('Missing userVisibleData');
    if (userVisibleData.length > 40_000) throw invalid('userVisibleData too long');
    if (decodeBase64Utf8(userVisibleData) === undefined) throw invalid('Invalid userVisibleData');
  }
  if (userVisibleDataFormat !== undefined && userVisibleDataFormat !== 'simpleMarkdownV1') {
    throw invalid('Invalid userVisibleDataFormat');
  }
  if (userNonVisibleData !== undefined) {
    if (typeof userNonVisibleData !== 'string' || userNonVisibleData.length === 0 || !BASE64.test(userNonVisibleData)) {
      throw invalid('Invalid userNonVisibleData');
    }
    if (userNonVisibleData.length > 200_000) throw invalid('userNonVisibleData too long');
  }
  if (returnUrl !== undefined && typeof returnUrl !== 'string') throw invalid('Invalid returnUrl');
  if (returnRisk !== undefined && typeof returnRisk !== 'boolean') throw invalid('Invalid returnRisk');

  return {
    endUserIp,
    requirement: parseRequirement(body.requirement),
    userVisibleData: userVisibleData as string | undefined,
    userVisibleDataFormat: userVisibleDataFormat as 'simpleMarkdownV1' | undefined,
    userNonVisibleData: userNonVisibleData as string | undefined,
  };
}

function parseOrderRef(body: unknown): string {
  if (!isRecord(body) || typeof body.orderRef !== 'string' || body.orderRef.length === 0) {
    throw invalid('Invalid orderRef');
  }
  return body.orderRef;
}

// ---------------------------------------------------------------------------------------------
// Made-up but stable identity details
// ---------------------------------------------------------------------------------------------

const GIVEN_FEMALE = ['Anna', 'Maria', 'Karin', 'Sara', 'Elin', 'Ingrid', 'Astrid', 'Maja'];
const GIVEN_MALE = ['Erik', 'Lars', 'Johan', 'Anders', 'Nils', 'Olof', 'Gustav', 'Sven'];
const SURNAMES = ['Testsson', 'Provsson', 'Exempelsson', 'Testberg', 'Provström', 'Demosson', 'Testlund', 'Provqvist'];

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * A plausible, deterministic "Test Testsson" style name: the same personal number always gives
 * the same name, and the second-to-last digit picks a gendered given name as in real numbers.
 */
export function simulatedName(personalNumber: string): SimulatedPerson {
  if (personalNumber === TOLVAN.personalNumber) return { givenName: TOLVAN.givenName, surname: TOLVAN.surname };
  const h = digest(`name:${personalNumber}`);
  const female = Number(personalNumber.charAt(10)) % 2 === 0;
  const given = female ? GIVEN_FEMALE : GIVEN_MALE;
  return { givenName: given[h[0] % given.length], surname: SURNAMES[h[1] % SURNAMES.length] };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An XML document shaped like BankID's signature (bankIdSignedData with the base64
 * usrVisibleData, server and client info) so code that stores or inspects it has something
 * realistic. It is NOT a verifiable XML-DSig: the SignatureValue is an HMAC with a simulator-only
 * key, and it says so in `env`.
 */
function simulatedSignatureXml(order: SimOrder, personalNumber: string, name: string, nowMs: number): string {
  const signedData =
    `<bankIdSignedData xmlns="http://www.bankid.com/signature/v1.0.0/types" Id="bidSignedData">` +
    (order.userVisibleData
      ? `<usrVisibleData charset="UTF-8" visible="wysiwys">${order.userVisibleData}</usrVisibleData>`
      : '') +
    (order.userNonVisibleData ? `<usrNonVisibleData>${order.userNonVisibleData}</usrNonVisibleData>` : '') +
    `<srvInfo><name>Behorig BankID simulator</name><nonce>${createHash('sha256').update(order.orderRef).digest('base64')}</nonce>` +
    `<displayName>Behörig</displayName></srvInfo>` +
    `<clientInfo><funcId>${order.type === 'sign' ? 'Signing' : 'Identification'}</funcId><version>SIMULATOR</version>` +
    `<env><ai><type>SIMULATOR</type><deviceInfo>not a real BankID signature</deviceInfo></ai></env></clientInfo>` +
    `<subject personalNumber="${escapeXml(personalNumber)}" name="${escapeXml(name)}" signedAt="${new Date(nowMs).toISOString()}"/>` +
    `</bankIdSignedData>`;
  const signatureValue = createHmac('sha256', 'behorig-bankid-simulator').update(signedData).digest('base64');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>` +
    `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">` +
    `<SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
    `<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/></SignedInfo>` +
    `<SignatureValue>${signatureValue}</SignatureValue>` +
    `<Object>${signedData}</Object></Signature>`
  );
}

// ---------------------------------------------------------------------------------------------
// The order book: all behaviour, no HTTP
// ---------------------------------------------------------------------------------------------

const PENDING_START_HINTS: readonly PendingHintCode[] = ['started', 'userSign', 'userMrtd'];
const FAIL_HINTS: readonly FailedHintCode[] = [
  'userCancel',
  'expiredTransaction',
  'certificateErr',
  'startFailed',
  'cancelled',
  'userDeclinedCall',
];

class OrderBook {
  private readonly orders = new Map<string, SimOrder>();

  constructor(
    private readonly clock: () => number,
    private readonly people: Readonly<Record<string, SimulatedPerson>>,
  ) {}

  /**
   * Brings every order up to date with the clock: pending orders past their lifetime fail with
   * expiredTransaction (as of their expiry instant, so retention counts from then), and finished
   * orders past their retention disappear.
   */
  private settle(): void {
    const now = this.clock();
    for (const [ref, order] of this.orders) {
      if (order.state.status === 'pending' && now >= order.createdAt + ORDER_LIFETIME_MS) {
        order.state = { status: 'failed', hintCode: 'expiredTransaction', finishedAt: order.createdAt + ORDER_LIFETIME_MS };
      }
      const state = order.state;
      if (state.status === 'complete' && now >= state.finishedAt + COMPLETED_RETENTION_MS) this.orders.delete(ref);
      if (state.status === 'failed' && now >= state.finishedAt + FAILED_RETENTION_MS) this.orders.delete(ref);
    }
  }

  private find(orderRef: string): SimOrder | undefined {
    this.settle();
    return this.orders.get(orderRef);
  }

  create(type: 'auth' | 'sign', request: AuthRequestBody): OrderResponse {
    this.settle();
    const now = this.clock();
    const personalNumber = request.requirement?.personalNumber;
    if (personalNumber) {
      const running = [...this.orders.values()].find(
        (o) => o.state.status === 'pending' && o.requirement?.personalNumber === personalNumber,
      );
      if (running) {
        // As the real service: the running order is cancelled and no new order is created, so a
        // user is never asked to approve two things at once.
        running.state = { status: 'failed', hintCode: 'cancelled', finishedAt: now };
        throw new SimulatorHttpError(400, 'alreadyInProgress', 'Order already in progress for pno');
      }
    }
    const order: SimOrder = {
      orderRef: randomUUID(),
      type,
      createdAt: now,
      endUserIp: request.endUserIp,
      requirement: request.requirement,
      userVisibleData: request.userVisibleData,
      userVisibleDataFormat: request.userVisibleDataFormat,
      userNonVisibleData: request.userNonVisibleData,
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      state: { status: 'pending', hintCode: 'outstandingTransaction' },
    };
    this.orders.set(order.orderRef, order);
    return {
      orderRef: order.orderRef,
      autoStartToken: order.autoStartToken,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
    };
  }

  collect(orderRef: string): CollectResponse {
    const order = this.find(orderRef);
    if (!order) throw noSuchOrder();
    const state = order.state;
    if (state.status === 'complete') return { orderRef, status: 'complete', completionData: state.completionData };
    return { orderRef, status: state.status, hintCode: state.hintCode } as CollectResponse;
  }

  /** RP cancel: the order is withdrawn; collecting it afterwards gives "No such order". */
  cancel(orderRef: string): void {
    if (!this.find(orderRef)) throw noSuchOrder();
    this.orders.delete(orderRef);
  }

  // --- the phone ---------------------------------------------------------------------------

  /** The order and its current pending hint; only pending orders can be acted on by the phone. */
  private pending(orderRef: string): { order: SimOrder; hintCode: PendingHintCode } {
    const order = this.find(orderRef);
    if (!order) throw new SimulatorHttpError(404, 'notFound', 'No such order');
    if (order.state.status !== 'pending') {
      throw new SimulatorHttpError(409, 'conflict', `Order is ${order.state.status}, not pending`);
    }
    return { order, hintCode: order.state.hintCode };
  }

  /** The user opens the order in the app. Without a hint code it advances one step. */
  start(orderRef: string, hintCode: unknown): SimulatorOrderView {
    const { order, hintCode: current } = this.pending(orderRef);
    if (hintCode !== undefined && !PENDING_START_HINTS.includes(hintCode as PendingHintCode)) {
      throw invalid(`hintCode must be one of ${PENDING_START_HINTS.join(', ')}`);
    }
    const next: PendingHintCode =
      (hintCode as PendingHintCode | undefined) ??
      (current === 'outstandingTransaction' || current === 'noClient' ? 'started' : 'userSign');
    order.state = { status: 'pending', hintCode: next };
    return this.view(order);
  }

  /** The phone scans animated QR data; wrong or stale codes are refused like a real app would. */
  scan(qrData: unknown): SimulatorOrderView {
    const parsed = typeof qrData === 'string' ? parseQrData(qrData) : undefined;
    if (!parsed) throw invalid('Not BankID QR data');
    this.settle();
    const order = [...this.orders.values()].find((o) => o.qrStartToken === parsed.qrStartToken);
    if (!order) throw new SimulatorHttpError(404, 'notFound', 'No order for this QR code');
    const expected = animatedQrData(order.qrStartToken, order.qrStartSecret, parsed.seconds);
    const given = Buffer.from(qrData as string);
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      throw invalid('QR auth code does not match');
    }
    if (Math.abs(parsed.seconds - secondsSince(order.createdAt, this.clock())) > QR_TOLERANCE_SECONDS) {
      throw invalid('QR code is stale');
    }
    this.pending(order.orderRef);
    order.state = { status: 'pending', hintCode: 'userSign' };
    return this.view(order);
  }

  complete(orderRef: string, body: unknown): SimulatorOrderView {
    const { order } = this.pending(orderRef);
    const input = isRecord(body) ? body : {};
    const personalNumber = input.personalNumber;
    if (!isValidBankIdPersonalNumber(personalNumber)) {
      throw invalid('personalNumber must be 12 digits YYYYMMDDNNNN with a valid check digit');
    }
    const required = order.requirement?.personalNumber;
    if (required && required !== personalNumber) {
      throw invalid(`This order is for personal number ${required}, not ${personalNumber}`);
    }
    for (const field of ['givenName', 'surname'] as const) {
      if (input[field] !== undefined && (typeof input[field] !== 'string' || (input[field] as string).trim() === '')) {
        throw invalid(`${field} must be a non-empty string`);
      }
    }
    const known = this.people[personalNumber] ?? simulatedName(personalNumber);
    const givenName = (input.givenName as string | undefined)?.trim() ?? known.givenName;
    const surname = (input.surname as string | undefined)?.trim() ?? known.surname;
    const name = `${givenName} ${surname}`;
    const now = this.clock();
    const completionData: CompletionData = {
      user: { personalNumber, name, givenName, surname },
      device: {
        ipAddress: order.endUserIp,
        uhi: createHash('sha1').update(`device:${personalNumber}`).digest('base64'),
      },
      // A stable issue date one to four years before "now", so it looks like a real BankID.
      bankIdIssueDate: isoDate(now - (365 + (digest(`issued:${personalNumber}`).readUInt16BE(0) % 1100)) * 86_400_000),
      stepUp: { mrtd: false },
      signature: Buffer.from(simulatedSignatureXml(order, personalNumber, name, now), 'utf8').toString('base64'),
      // Not DER: a readable marker, so nobody mistakes it for a real OCSP response.
      ocspResponse: Buffer.from(
        `SIMULATED-OCSP-RESPONSE status=good orderRef=${orderRef} producedAt=${new Date(now).toISOString()}`,
      ).toString('base64'),
    };
    order.state = { status: 'complete', completionData, finishedAt: now };
    return this.view(order);
  }

  fail(orderRef: string, hintCode: unknown): SimulatorOrderView {
    const { order } = this.pending(orderRef);
    const code = (hintCode ?? 'userCancel') as FailedHintCode;
    if (!FAIL_HINTS.includes(code)) throw invalid(`hintCode must be one of ${FAIL_HINTS.join(', ')}`);
    order.state = { status: 'failed', hintCode: code, finishedAt: this.clock() };
    return this.view(order);
  }

  get(orderRef: string): SimulatorOrderView {
    const order = this.find(orderRef);
    if (!order) throw new SimulatorHttpError(404, 'notFound', 'No such order');
    return this.view(order);
  }

  list(includeFinished: boolean): SimulatorOrderView[] {
    this.settle();
    return [...this.orders.values()]
      .filter((o) => includeFinished || o.state.status === 'pending')
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((o) => this.view(o));
  }

  private view(order: SimOrder): SimulatorOrderView {
    const state = order.state;
    return {
      orderRef: order.orderRef,
      type: order.type,
      status: state.status,
      hintCode: state.status === 'complete' ? null : state.hintCode,
      personalNumber: order.requirement?.personalNumber ?? null,
      userVisibleData: order.userVisibleData ? (decodeBase64Utf8(order.userVisibleData) ?? null) : null,
      userVisibleDataFormat: order.userVisibleDataFormat ?? null,
      endUserIp: order.endUserIp,
      createdAt: new Date(order.createdAt).toISOString(),
      expiresAt: new Date(order.createdAt + ORDER_LIFETIME_MS).toISOString(),
      completedBy: state.status === 'complete' ? state.completionData.user.personalNumber : null,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

function sendError(res: Response, e: SimulatorHttpError): void {
  res.status(e.httpStatus).json({ errorCode: e.errorCode, details: e.details });
}

/** Turns thrown SimulatorHttpErrors and body-parser failures into BankID-style error bodies. */
function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof SimulatorHttpError) return sendError(res, err);
  const type = isRecord(err) ? err.type : undefined;
  if (type === 'entity.parse.failed') return sendError(res, invalid('Invalid JSON'));
  if (type === 'entity.too.large') return sendError(res, invalid('Request too large'));
  sendError(res, new SimulatorHttpError(500, 'internalError', 'Internal error in the BankID simulator'));
}

const RP_METHODS = ['/auth', '/sign', '/collect', '/cancel'];

function rpApp(book: OrderBook): Express {
  const app = express();
  app.disable('x-powered-by');
  const rp = express.Router();
  rp.post(RP_METHODS, (req, res, next) => {
    // The real service insists on JSON; a missing body is left to the parameter checks.
    if (req.is('application/json') === false) {
      return sendError(res, new SimulatorHttpError(415, 'unsupportedMediaType', 'Content-Type must be application/json'));
    }
    next();
  });
  rp.use(express.json({ limit: '1mb' }));
  rp.post('/auth', (req, res) => {
    res.json(book.create('auth', parseOrderRequest(req.body, 'auth')));
  });
  rp.post('/sign', (req, res) => {
    res.json(book.create('sign', parseOrderRequest(req.body, 'sign')));
  });
  rp.post('/collect', (req, res) => {
    res.json(book.collect(parseOrderRef(req.body)));
  });
  rp.post('/cancel', (req, res) => {
    book.cancel(parseOrderRef(req.body));
    res.json({});
  });
  rp.all(RP_METHODS, (_req, res) => {
    sendError(res, new SimulatorHttpError(405, 'methodNotAllowed', 'Only POST is allowed'));
  });
  app.use('/rp/v6.0', rp);
  app.use((_req, res) => sendError(res, new SimulatorHttpError(404, 'notFound', 'No such endpoint')));
  app.use(errorHandler);
  return app;
}

function controlApp(book: OrderBook): Express {
  const app = express();
  app.disable('x-powered-by');
  // The web client's dev panel runs on another origin (Vite); this API is loopback-only anyway.
  app.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });
  // Accept JSON whatever the Content-Type, so `curl -d '{…}'` works without extra flags.
  app.use(express.json({ type: () => true, limit: '100kb' }));
  const body = (req: Request): Record<string, unknown> => (isRecord(req.body) ? req.body : {});

  app.get('/simulator/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/simulator/orders', (req, res) => {
    const all = req.query.all === 'true' || req.query.all === '1';
    res.json({ orders: book.list(all) });
  });
  app.get('/simulator/orders/:orderRef', (req, res) => {
    res.json(book.get(req.params.orderRef));
  });
  app.post('/simulator/orders/:orderRef/start', (req, res) => {
    res.json(book.start(req.params.orderRef, body(req).hintCode));
  });
  app.post('/simulator/orders/:orderRef/complete', (req, res) => {
    res.json(book.complete(req.params.orderRef, body(req)));
  });
  app.post('/simulator/orders/:orderRef/fail', (req, res) => {
    res.json(book.fail(req.params.orderRef, body(req).hintCode));
  });
  app.post('/simulator/scan', (req, res) => {
    res.json(book.scan(body(req).qrData));
  });
  app.use((_req, res) => sendError(res, new SimulatorHttpError(404, 'notFound', 'No such endpoint')));
  app.use(errorHandler);
  return app;
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: http.Server | https.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive sockets of relying parties would otherwise hold close() open for seconds.
    server.closeAllConnections();
  });
}

/** A host as it goes into a URL: wildcard binds are reached via localhost, IPv6 needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the RP API (HTTPS, client certificate required) and the control API (HTTP, loopback). */
export async function startBankIdSimulator(opts: BankIdSimulatorOptions): Promise<BankIdSimulator> {
  const host = opts.host ?? '127.0.0.1';
  const certs = opts.certs ?? (await generateSimulatorCerts());
  const book = new OrderBook(opts.clock ?? Date.now, opts.people ?? {});

  const rpServer = https.createServer(
    {
      key: certs.serverKey,
      cert: certs.serverCert,
      ca: [certs.ca],
      // Mutual TLS like the real service: no certificate from our CA, no conversation.
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    rpApp(book),
  );
  const controlServer = http.createServer(controlApp(book));

  try {
    const rpPort = await listen(rpServer, opts.rpPort, host);
    const controlPort = await listen(controlServer, opts.controlPort, '127.0.0.1');
    return {
      rpUrl: `https://${urlHost(host)}:${rpPort}/rp/v6.0/`,
      controlUrl: `http://127.0.0.1:${controlPort}`,
      ca: certs.ca,
      clientCert: certs.clientCert,
      clientKey: certs.clientKey,
      stop: async () => {
        await Promise.all([close(rpServer), close(controlServer)]);
      },
    };
  } catch (e) {
    await Promise.allSettled([close(rpServer), close(controlServer)]);
    throw e;
  }
}
