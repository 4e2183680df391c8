import https from 'node:https';
import { inClientSpan } from '@behorig/kit/server';
import type {
  AuthRequestBody,
  BankIdErrorBody,
  BankIdErrorCode,
  BankIdRequirement,
  CollectResponse,
  OrderResponse,
} from './bankid-types';

/**
 * The one BankID Relying Party API v6.0 client (R-SIGN-5). It talks to BankID's test or
 * production service and to the local simulator alike; only `baseUrl` and the TLS material
 * differ, so switching environments is configuration, never code.
 *
 * Transport is node's `https` with a keep-alive Agent that carries the RP client certificate
 * (mutual TLS) and pins the BankID server CA. Polling `collect` every couple of seconds reuses the
 * same TLS session instead of paying for a handshake each time.
 */

export interface BankIdClientTls {
  /** CA that issued the BankID server certificate (BankID's own CA, or the simulator's). */
  ca: string | Buffer;
  /** Passphrase of the encrypted key or PKCS#12 file, if any. */
  passphrase?: string;
}

/** Client certificate and key as PEM… */
export interface BankIdClientPemCredentials {
  cert: string | Buffer;
  key: string | Buffer;
  pfx?: never;
}

/** …or as the PKCS#12 file BankID hands out (e.g. its public test certificate). */
export interface BankIdClientPfxCredentials {
  pfx: Buffer;
  cert?: never;
  key?: never;
}

export type BankIdClientOptions = BankIdClientTls &
  (BankIdClientPemCredentials | BankIdClientPfxCredentials) & {
    /** e.g. `https://appapi2.test.bankid.com/rp/v6.0/`; a missing trailing slash is added. */
    baseUrl: string;
    /** Deadline for one whole request (connect, TLS, response). Default 10 s. */
    timeoutMs?: number;
  };

export interface AuthParams {
  /** The end user's IP address as seen by our service. Required by BankID. */
  endUserIp: string;
  requirement?: BankIdRequirement;
  /** Plain text shown in the app; this client base64-encodes it. */
  userVisibleData?: string;
  /** How `userVisibleData` is to be rendered. Default simpleMarkdownV1. */
  userVisibleDataFormat?: 'simpleMarkdownV1' | 'plaintext';
  /** Plain text signed but not shown; this client base64-encodes it. */
  userNonVisibleData?: string;
  returnUrl?: string;
  returnRisk?: boolean;
}

export interface SignParams extends AuthParams {
  /** What the user approves, e.g. the list of changes. Required for sign. */
  userVisibleData: string;
}

/** The RP API refused the request (`{ errorCode, details }`), e.g. alreadyInProgress. */
export class BankIdError extends Error {
  override readonly name = 'BankIdError';

  constructor(
    readonly errorCode: BankIdErrorCode,
    readonly details: string,
    readonly httpStatus: number,
  ) {
    super(`BankID refused the request: ${errorCode}${details ? ` (${details})` : ''}`);
  }
}

export type BankIdUnavailableReason =
  /** Could not connect (refused, DNS, reset). */
  | 'unreachable'
  /** No complete answer within `timeoutMs`. */
  | 'timeout'
  /** TLS failed: wrong CA, rejected client certificate, host name mismatch. A configuration problem. */
  | 'tls'
  /** BankID answered 5xx (internalError, maintenance). */
  | 'serviceError'
  /** The answer was not the JSON the API promises. */
  | 'badResponse';

/**
 * BankID could not be reached or did not answer usefully. Distinct from BankIdError so callers
 * can say "BankID is unreachable right now — your drafts are intact" without inspecting codes.
 */
export class BankIdUnavailableError extends Error {
  override readonly name = 'BankIdUnavailableError';
  /** HTTP status, when BankID did answer (5xx or malformed). */
  readonly httpStatus?: number;
  /** BankID's errorCode for 5xx answers with an error body, e.g. `maintenance`. */
  readonly errorCode?: string;
  readonly details?: string;

  constructor(
    message: string,
    readonly reason: BankIdUnavailableReason,
    info: { cause?: unknown; httpStatus?: number; errorCode?: string; details?: string } = {},
  ) {
    super(message, { cause: info.cause });
    this.httpStatus = info.httpStatus;
    this.errorCode = info.errorCode;
    this.details = info.details;
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Marks our own deadline when the request is destroyed, so it is not mistaken for a reset. */
class RequestDeadline extends Error {}

/** A reused keep-alive socket turned out to be closed by the server; safe to retry once. */
class StaleSocketError extends Error {}

const TLS_ERROR_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCodeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTlsError(err: unknown): boolean {
  const code = errorCodeOf(err);
  return code !== undefined && (TLS_ERROR_CODES.has(code) || code.startsWith('ERR_SSL_'));
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export class BankIdClient {
  private readonly baseUrl: URL;
  private readonly agent: https.Agent;
  private readonly timeoutMs: number;

  constructor(options: BankIdClientOptions) {
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.baseUrl = new URL(base);
    if (this.baseUrl.protocol !== 'https:') throw new Error('BankID base URL must be https');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent = new https.Agent({
      keepAlive: true,
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      pfx: options.pfx,
      passphrase: options.passphrase,
      // The server certificate must chain to `ca` and match the host; never relax this.
      rejectUnauthorized: true,
    });
  }

  /** Starts an identification order (log-in). */
  auth(params: AuthParams): Promise<OrderResponse> {
    return this.post<OrderResponse>('auth', this.orderBody(params));
  }

  /** Starts a signing order; `userVisibleData` is the plain text the user approves. */
  sign(params: SignParams): Promise<OrderResponse> {
    return this.post<OrderResponse>('sign', this.orderBody(params));
  }

  /** Current status of an order; call about every two seconds while `pending`. */
  collect(orderRef: string): Promise<CollectResponse> {
    return this.post<CollectResponse>('collect', { orderRef });
  }

  /** Withdraws an order, e.g. when the user leaves the log-in page. */
  async cancel(orderRef: string): Promise<void> {
    await this.post<Record<string, never>>('cancel', { orderRef });
  }

  /** Closes pooled connections (tests, shutdown). The client must not be used afterwards. */
  close(): void {
    this.agent.destroy();
  }

  private orderBody(params: AuthParams): AuthRequestBody {
    const body: AuthRequestBody = { endUserIp: params.endUserIp };
    if (params.requirement) body.requirement = params.requirement;
    if (params.userVisibleData !== undefined) {
      body.userVisibleData = base64(params.userVisibleData);
      // Absent format means plain text in BankID's API.
      if ((params.userVisibleDataFormat ?? 'simpleMarkdownV1') === 'simpleMarkdownV1') {
        body.userVisibleDataFormat = 'simpleMarkdownV1';
      }
    }
    if (params.userNonVisibleData !== undefined) body.userNonVisibleData = base64(params.userNonVisibleData);
    if (params.returnUrl !== undefined) body.returnUrl = params.returnUrl;
    if (params.returnRisk !== undefined) body.returnRisk = params.returnRisk;
    return body;
  }

  private async post<T>(method: string, body: object): Promise<T> {
    // A CLIENT span per call in the request's trace (docs/operations.md); a no-op with tracing off.
    return inClientSpan(`bankid ${method}`, { 'rpc.system': 'bankid', 'rpc.method': method }, () => this.postOnce<T>(method, body));
  }

  private async postOnce<T>(method: string, body: object): Promise<T> {
    try {
      return await this.send<T>(method, body);
    } catch (e) {
      // A pooled socket the server already closed fails with ECONNRESET before anything was
      // processed; node's documented remedy is to retry once on a fresh connection.
      if (e instanceof StaleSocketError) return this.send<T>(method, body);
      throw e;
    }
  }

  private send<T>(method: string, body: object): Promise<T> {
    const url = new URL(method, this.baseUrl);
    const payload = JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = https.request(url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      });
      const deadline = setTimeout(() => req.destroy(new RequestDeadline()), this.timeoutMs);

      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => {
          clearTimeout(deadline);
          reject(this.transportError(err, url));
        });
        res.on('end', () => {
          clearTimeout(deadline);
          try {
            resolve(interpret<T>(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), url));
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on('error', (err) => {
        clearTimeout(deadline);
        if (req.reusedSocket && errorCodeOf(err) === 'ECONNRESET') return reject(new StaleSocketError());
        reject(this.transportError(err, url));
      });
      req.end(payload);
    });
  }

  private transportError(err: unknown, url: URL): BankIdUnavailableError {
    if (err instanceof RequestDeadline) {
      return new BankIdUnavailableError(`BankID did not answer within ${this.timeoutMs} ms (${url.href})`, 'timeout');
    }
    const code = errorCodeOf(err) ?? 'unknown';
    if (isTlsError(err)) {
      return new BankIdUnavailableError(`TLS with BankID failed: ${code} (${url.href})`, 'tls', { cause: err });
    }
    return new BankIdUnavailableError(`BankID is unreachable: ${code} (${url.href})`, 'unreachable', { cause: err });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is BankIdErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { errorCode?: unknown }).errorCode === 'string';
}

/** Maps an HTTP answer to a result, a BankIdError (4xx with an error body) or unavailability. */
function interpret<T>(status: number, text: string, url: URL): T {
  const json = parseJson(text);
  if (status === 200) {
    if (typeof json !== 'object' || json === null) {
      throw new BankIdUnavailableError(`BankID answered 200 without JSON (${url.href})`, 'badResponse', { httpStatus: status });
    }
    return json as T;
  }
  if (isErrorBody(json)) {
    const details = typeof json.details === 'string' ? json.details : '';
    if (status >= 500) {
      // internalError / maintenance: nothing the user did; tell them BankID is unavailable.
      throw new BankIdUnavailableError(`BankID is unavailable: ${json.errorCode} (${details})`, 'serviceError', {
        httpStatus: status,
        errorCode: json.errorCode,
        details,
      });
    }
    throw new BankIdError(json.errorCode, details, status);
  }
  const reason = status >= 500 ? 'serviceError' : 'badResponse';
  throw new BankIdUnavailableError(`BankID answered HTTP ${status} without an error body (${url.href})`, reason, {
    httpStatus: status,
  });
}
