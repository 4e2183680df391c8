import net from 'node:net';

/** One request of a load loop: when it started and ended, and what came back (or what was thrown). */
export interface Sample<T> { start: number; end: number; result?: T; error?: string }

/**
 * A bounded load: `workers` loops calling `fn` until `stop()` — never more than `maxRequests`
 * in all. Every call gets a hard client-side deadline so a hang shows up as a failed sample with
 * `error: 'deadline'` instead of blocking the test.
 */
export function startLoad<T>(fn: (i: number, signal: AbortSignal) => Promise<T>, opts: { workers: number; deadlineMs: number; maxRequests?: number; pauseMs?: number }) {
  const samples: Sample<T>[] = [];
  let stopped = false;
  let n = 0;
  const worker = async () => {
    while (!stopped && n < (opts.maxRequests ?? 5000)) {
      const i = n++;
      const sample: Sample<T> = { start: Date.now(), end: 0 };
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), opts.deadlineMs);
      try {
        sample.result = await fn(i, ctrl.signal);
      } catch (e) {
        sample.error = ctrl.signal.aborted ? 'deadline' : String((e as Error).message ?? e);
      } finally {
        clearTimeout(timer);
        sample.end = Date.now();
        samples.push(sample);
      }
      if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  };
  const running = Promise.all(Array.from({ length: opts.workers }, worker));
  return {
    samples,
    stop: async () => {
      stopped = true;
      await running;
      return samples;
    },
  };
}

/** POSTs a GraphQL operation with an abort signal (the load loops' deadline). */
export async function post(url: string, query: string, variables: Record<string, unknown> | undefined, token: string | undefined, signal: AbortSignal) {
  const res = await fetch(url, {
    method: 'POST', signal,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, everyMs = 100): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  for (;;) {
    const value = await fn().catch((e) => e as T);
    if (ok(value)) return { value, ms: Date.now() - t0 };
    if (Date.now() - t0 > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(value)?.slice(0, 300)})`);
    await sleep(everyMs);
  }
}

/**
 * A TCP proxy that delays everything the upstream sends by `delayMs` (changeable at run time), or
 * refuses connections while `down`. Transparent to TLS: the client still talks to the real server.
 */
export async function startDelayProxy(upstreamPort: number, upstreamHost = '127.0.0.1') {
  const state = { delayMs: 0, down: false };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (state.down) return void client.destroy();
    const upstream = net.connect(upstreamPort, upstreamHost);
    sockets.add(client).add(upstream);
    const later = (fn: () => void) => (state.delayMs ? setTimeout(fn, state.delayMs) : fn());
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => later(() => { if (!client.destroyed) client.write(d); }));
    upstream.on('end', () => later(() => client.end()));
    client.on('end', () => upstream.end());
    const close = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    state,
    stop: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}
