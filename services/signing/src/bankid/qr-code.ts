import { createHmac } from 'node:crypto';

/**
 * Animated QR data per BankID's documented rule:
 * `bankid.{qrStartToken}.{time}.{qrAuthCode}` where `time` is the whole number of seconds since
 * the auth/sign response was received and `qrAuthCode` is the hex HMAC-SHA256 of `String(time)`
 * keyed with `qrStartSecret`.
 *
 * This must run on the server: `qrStartSecret` never leaves it, otherwise anyone who sees one QR
 * code could mint the following ones and the "animation" would prove nothing. Pure function.
 */
export function animatedQrData(qrStartToken: string, qrStartSecret: string, secondsSinceOrder: number): string {
  if (!Number.isFinite(secondsSinceOrder) || secondsSinceOrder < 0) {
    throw new RangeError(`secondsSinceOrder must be a non-negative number, got ${secondsSinceOrder}`);
  }
  // BankID counts whole seconds; truncating here means callers may pass elapsed ms / 1000 directly.
  const seconds = Math.floor(secondsSinceOrder);
  const qrAuthCode = createHmac('sha256', qrStartSecret).update(String(seconds)).digest('hex');
  return `bankid.${qrStartToken}.${seconds}.${qrAuthCode}`;
}

/** Whole seconds between two epoch-millisecond instants, never negative (clock skew guard). */
export function secondsSince(startedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - startedAtMs) / 1000));
}

/** The parts of animated QR data, or undefined when the text is not BankID QR data. */
export function parseQrData(qrData: string): { qrStartToken: string; seconds: number; qrAuthCode: string } | undefined {
  const m = /^bankid\.([^.]+)\.(\d+)\.([0-9a-f]{64})$/.exec(qrData.trim());
  if (!m) return undefined;
  return { qrStartToken: m[1], seconds: Number(m[2]), qrAuthCode: m[3] };
}
