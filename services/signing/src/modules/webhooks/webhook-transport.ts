import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressAllowed, type TargetVerdict } from './rules/webhook-target.rules';

type OkVerdict = Extract<TargetVerdict, { ok: true }>;
type Refusal = { ok: false; reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS' | 'WEBHOOK_URL_UNRESOLVABLE'; message: string };

const lookupAll = (host: string) => new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))));

/**
 * R-HOOK-1: resolves the target's host and refuses when ANY address it resolves to is private,
 * loopback or link-local (loopback only in development, for a URL naming loopback).
 */
export async function resolveAndCheck(verdict: OkVerdict): Promise<{ ok: true; addresses: string[] } | Refusal> {
  let addresses: string[];
  if (isIP(verdict.host)) addresses = [verdict.host];
  else {
    try {
      addresses = (await lookupAll(verdict.host)).map((a) => a.address);
    } catch {
      return { ok: false, reason: 'WEBHOOK_URL_UNRESOLVABLE', message: 'The address\'s host name does not resolve.' };
    }
  }
  if (addresses.length === 0 || addresses.some((a) => !addressAllowed(a, verdict))) {
    return { ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS', message: 'The address resolves into a private, loopback or link-local network.' };
  }
  return { ok: true, addresses };
}

export interface PostResult { statusCode: number | null; error: string | null }

/**
 * POSTs one delivery. The connection goes to an address checked at this moment (the socket's own
 * DNS lookup is the checked one, so a name cannot be re-pointed between check and connect);
 * redirects are not followed (a 3xx is a failed attempt); 10 s timeout; the answer's body is read
 * up to 4 KiB and discarded.
 */
export function postWebhook(verdict: OkVerdict, headers: Record<string, string>, body: string, timeoutMs = 10_000): Promise<PostResult> {
  const checkedLookup: LookupFunction = (hostname, options, callback) => {
    lookupAll(hostname).then(
      (addrs) => {
        const bad = addrs.find((a) => !addressAllowed(a.address, verdict));
        if (bad || addrs.length === 0) return callback(Object.assign(new Error('The target resolves into a private, loopback or link-local network.'), { code: 'EFORBIDDENADDRESS' }), '', 4);
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addrs);
        callback(null, addrs[0].address, addrs[0].family);
      },
      (e: NodeJS.ErrnoException) => callback(e, '', 4),
    );
  };
  if (isIP(verdict.host) && !addressAllowed(verdict.host, verdict)) {
    return Promise.resolve({ statusCode: null, error: 'The target is a private, loopback or link-local address.' });
  }
  const client = verdict.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(verdict.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Behorig-Webhooks/1' },
      lookup: checkedLookup,
      timeout: timeoutMs,
      agent: false,
    }, (res) => {
      let seen = 0;
      res.on('data', (c: Buffer) => { seen += c.length; if (seen > 4096) res.destroy(); });
      res.on('end', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
      res.on('close', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
      res.on('error', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
    });
    req.on('timeout', () => req.destroy(new Error(`No answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ statusCode: null, error: e.message.slice(0, 300) }));
    req.end(body);
  });
}
