import { isIP } from 'node:net';

/**
 * R-HOOK-1: where a subscription may deliver. Pure functions: no DNS, no I/O — the service
 * resolves the host and asks `forbiddenAddress` about every address it resolved to, at
 * subscription time and again before every delivery (a name may point elsewhere later).
 *
 * - production: `https:` only, and never a private, loopback, link-local, shared (CGNAT),
 *   multicast, reserved or unspecified address (no request forgery into the deployment's network);
 * - development: additionally `http://127.0.0.1` / `http://localhost` / `http://[::1]`, so a
 *   receiver on the developer's machine (and the tests' loopback receiver) works. Private and
 *   link-local addresses stay refused.
 */
export type TargetMode = 'production' | 'development';

export type TargetVerdict =
  | { ok: true; url: URL; host: string; loopbackAllowed: boolean }
  | { ok: false; reason: 'WEBHOOK_URL_INVALID' | 'WEBHOOK_URL_NOT_HTTPS' | 'WEBHOOK_URL_FORBIDDEN_ADDRESS'; message: string };

const MAX_URL_LENGTH = 2000;

export function checkTargetUrl(raw: string, mode: TargetMode): TargetVerdict {
  let url: URL;
  try {
    if (raw.length > MAX_URL_LENGTH) throw new Error('too long');
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'WEBHOOK_URL_INVALID', message: 'The address is not a valid URL.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'WEBHOOK_URL_INVALID', message: 'The address must not carry a user name or password.' };
  if (url.hash) return { ok: false, reason: 'WEBHOOK_URL_INVALID', message: 'The address must not have a fragment (#…).' };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopbackHost = host === 'localhost' || (isIP(host) !== 0 && isLoopback(host));
  const loopbackAllowed = mode === 'development' && loopbackHost;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackAllowed)) {
    return {
      ok: false, reason: 'WEBHOOK_URL_NOT_HTTPS',
      message: mode === 'production' ? 'The address must use https.' : 'The address must use https (http only to 127.0.0.1 in development).',
    };
  }
  if (isIP(host) !== 0 && !loopbackAllowed && forbiddenAddress(host)) {
    return { ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS', message: 'The address points into a private, loopback or link-local network.' };
  }
  if (!loopbackAllowed && (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.'))) {
    return { ok: false, reason: 'WEBHOOK_URL_FORBIDDEN_ADDRESS', message: 'The address must be a public host name.' };
  }
  return { ok: true, url, host, loopbackAllowed };
}

/** Whether a resolved address may be delivered to (loopback only in development, for an address the URL named as loopback). */
export function addressAllowed(address: string, verdict: Extract<TargetVerdict, { ok: true }>): boolean {
  if (verdict.loopbackAllowed && isLoopback(address)) return true;
  return !forbiddenAddress(address);
}

function v4(address: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** An IPv4-mapped or -compatible IPv6 address (::ffff:10.0.0.1, ::ffff:a00:1) as IPv4. */
function embeddedV4(address: string): number[] | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:0*:)*:?(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted) return v4(dotted[1]);
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255];
  }
  return null;
}

function isLoopback(address: string): boolean {
  const a = v4(address) ?? embeddedV4(address);
  if (a) return a[0] === 127;
  return expand6(address)?.every((g, i) => g === (i === 7 ? 1 : 0)) ?? false;
}

function expand6(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  const [head, tail] = address.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  if (h.concat(t).some((g) => g.includes('.'))) return null;
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.length === 8 ? groups.map((g) => parseInt(g, 16)) : null;
}

/** Private, loopback, link-local, CGNAT, multicast, reserved, unspecified, documentation — anything not on the public Internet. */
export function forbiddenAddress(address: string): boolean {
  const a = v4(address) ?? embeddedV4(address);
  if (a) {
    const [x, y] = a;
    return x === 0 || x === 10 || x === 127 || (x === 100 && y >= 64 && y <= 127) || (x === 169 && y === 254)
      || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 192 && y === 0 && a[2] === 0)
      || (x === 192 && y === 0 && a[2] === 2) || (x === 198 && (y === 18 || y === 19)) || (x === 198 && y === 51 && a[2] === 100)
      || (x === 203 && y === 0 && a[2] === 113) || x >= 224;
  }
  const g = expand6(address);
  if (!g) return true; // not an address we understand: refuse
  if (g.every((v) => v === 0)) return true; // ::
  if (g.slice(0, 7).every((v) => v === 0) && g[7] === 1) return true; // ::1
  const first = g[0];
  return (first & 0xfe00) === 0xfc00 // fc00::/7 unique local
    || (first & 0xffc0) === 0xfe80 // fe80::/10 link-local
    || (first & 0xffc0) === 0xfec0 // fec0::/10 site-local (deprecated)
    || (first & 0xff00) === 0xff00 // multicast
    || (first === 0x2001 && g[1] === 0x0db8) // documentation
    || (first === 0x64 && g[1] === 0xff9b) // NAT64 can reach IPv4 private space
    || (first === 0x2002); // 6to4 embeds an IPv4 address
}
