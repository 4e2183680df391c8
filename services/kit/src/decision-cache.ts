import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from './logger';

/**
 * A per-process cache of access decisions that is current on every replica (R-SCOPE-4).
 *
 * The access service announces every change of its permission index with PostgreSQL
 * `NOTIFY access_permission_index` from the transaction that changed it (delivered at COMMIT).
 * Each process holding this cache LISTENs on a dedicated connection and drops the whole cache on
 * every notification. While that connection is down (not yet connected, lost, reconnecting) the
 * cache is off: nothing is read from it and nothing stored, so a missed notification can never
 * leave a stale decision. After reconnecting it starts empty.
 *
 * A generation counter closes the race between a request that asked access before a change
 * committed and stores its (now old) answer after the notification arrived: `set` stores only when
 * no notification came since the caller took its `generation()`.
 *
 * LISTEN needs a session of its own: behind PgBouncer in transaction pooling mode a LISTEN is lost
 * when the server connection is handed to another client, so `listenUrl` must reach PostgreSQL
 * directly (or a PgBouncer pool in session mode). See docs/deploy.md. A misconfigured URL would
 * LISTEN without error and then hear nothing, so the cache trusts its connection only after it
 * has heard its own probe (a NOTIFY it sent, with a payload only it knows), at connecting and
 * every `probeMs` after: a LISTEN that stops hearing turns the cache off, as a lost connection does.
 */
export const PERMISSION_INDEX_CHANNEL = 'access_permission_index';

export interface DecisionCacheOptions {
  /** A direct connection to PostgreSQL (not through a transaction-pooling PgBouncer). */
  listenUrl: string;
  channel?: string;
  /** Entries kept at most (oldest dropped first). */
  max?: number;
  /** Delay before reconnecting a lost LISTEN connection. */
  reconnectMs?: number;
  /** How often the connection proves it still hears notifications (default 30 s). */
  probeMs?: number;
  /** How long a probe may take to come back before the cache turns off (default 5 s). */
  probeTimeoutMs?: number;
  logger?: Logger;
}

export interface DecisionCache<V> {
  /** True while the LISTEN connection is up: only then does the cache serve or store anything. */
  readonly live: boolean;
  /** Take before asking access; pass to `set`. */
  generation(): number;
  get(key: string): V | undefined;
  set(key: string, value: V, generation: number): void;
  clear(): void;
  /** Connects and LISTENs (resolves once listening, or after the first failure; it keeps retrying). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Test hook: ends the LISTEN connection as a network failure would. */
  dropConnection(): void;
  /** Test hook: stops hearing notifications without any error, as a LISTEN behind a transaction pooler does. */
  silenceForTest(): Promise<void>;
}

export function createDecisionCache<V>(opts: DecisionCacheOptions): DecisionCache<V> {
  const channel = opts.channel ?? PERMISSION_INDEX_CHANNEL;
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`Invalid channel ${channel}`);
  const max = opts.max ?? 50_000;
  const reconnectMs = opts.reconnectMs ?? 500;
  const probeMs = opts.probeMs ?? 30_000;
  const probeTimeoutMs = opts.probeTimeoutMs ?? 5_000;
  const PROBE = 'probe:';
  const heard = new Map<string, () => void>();
  let probing: NodeJS.Timeout | undefined;
  const entries = new Map<string, V>();
  let gen = 0;
  let live = false;
  let stopped = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const invalidate = () => {
    gen++;
    entries.clear();
  };
  const lost = (why: unknown) => {
    if (!live && !client) return;
    live = false;
    invalidate();
    if (probing) clearInterval(probing);
    probing = undefined;
    const c = client;
    client = undefined;
    c?.removeAllListeners();
    c?.on('error', () => undefined);
    void c?.end().catch(() => undefined);
    if (!stopped) {
      opts.logger?.warn({ err: why }, 'decision cache: LISTEN connection lost; cache off until it is back');
      retry = setTimeout(() => void connect(), reconnectMs);
    }
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new Client({ connectionString: opts.listenUrl, application_name: 'behorig decision cache' });
    client = c;
    c.on('error', lost);
    c.on('end', () => lost(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel !== channel) return;
      // A probe (ours or another replica's) says nothing about the index.
      if (n.payload?.startsWith(PROBE)) heard.get(n.payload)?.();
      else invalidate();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      await probe(c);
      if (client !== c || stopped) return;
      invalidate(); // whatever happened while we were not listening
      live = true;
      probing = setInterval(() => {
        probe(c).catch((e: unknown) => { if (client === c) lost(e); });
      }, probeMs);
      probing.unref();
    } catch (e) {
      if (client === c) lost(e);
    }
  }

  /** Sends a NOTIFY only this cache knows on its own connection and waits to hear it back. */
  async function probe(c: Client): Promise<void> {
    const payload = `${PROBE}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const back = new Promise<void>((resolve, reject) => {
      heard.set(payload, resolve);
      timer = setTimeout(() => reject(new Error(`LISTEN ${channel} did not hear its own NOTIFY within ${probeTimeoutMs} ms: does PERMISSION_LISTEN_URL go through a transaction-pooling PgBouncer? (docs/deploy.md)`)), probeTimeoutMs);
    });
    try {
      await c.query('SELECT pg_notify($1, $2)', [channel, payload]);
      await back;
    } finally {
      clearTimeout(timer);
      heard.delete(payload);
    }
  }

  return {
    get live() { return live; },
    generation: () => gen,
    get(key) { return live ? entries.get(key) : undefined; },
    set(key, value, generation) {
      if (!live || generation !== gen) return;
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(key, value);
    },
    clear: invalidate,
    start: () => connect(),
    async stop() {
      stopped = true;
      live = false;
      if (retry) clearTimeout(retry);
      if (probing) clearInterval(probing);
      const c = client;
      client = undefined;
      invalidate();
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
    dropConnection() {
      const c = client;
      if (c) lost(new Error('dropped by test'));
    },
    async silenceForTest() {
      await client?.query(`UNLISTEN ${channel}`);
    },
  };
}

/**
 * The decision cache a subgraph's PermissionClient uses (R-SCOPE-4), built the same way by every
 * subgraph that asks access (organisations, signing), started and LISTENing; undefined when there
 * is none.
 * - `listenUrl` (env PERMISSION_LISTEN_URL): where to LISTEN; default `databaseUrl`. `false`: no
 *   cache, every question goes to access.
 * - `givenSource`: a test handed in its own PermissionSource, which answers by itself and has no
 *   NOTIFY behind it; it is cached only when the test names a `listenUrl`.
 */
export async function startPermissionDecisionCache(opts: {
  listenUrl?: string | false;
  databaseUrl: string;
  givenSource: boolean;
  logger?: Logger;
}): Promise<DecisionCache<boolean> | undefined> {
  if (opts.listenUrl === false || (opts.givenSource && opts.listenUrl === undefined)) return undefined;
  const cache = createDecisionCache<boolean>({ listenUrl: opts.listenUrl ?? opts.databaseUrl, logger: opts.logger });
  await cache.start();
  return cache;
}
