import { createHmac } from 'node:crypto';
import { animatedQrData, parseQrData, secondsSince } from './qr-code';

// The example token/secret pair from BankID's QR code guide; the expected codes were computed
// outside this code base (Python's hmac module), so a wrong key/message order would be caught.
const TOKEN = '67df3917-fa0d-44e5-b327-edcc928297f8';
const SECRET = 'd28db9a7-4cde-429e-a983-359be676944c';

describe('animatedQrData (R-SIGN-5 animated QR rule)', () => {
  it('matches fixed vectors: bankid.{token}.{seconds}.{hex HMAC-SHA256(secret, seconds)}', () => {
    expect(animatedQrData(TOKEN, SECRET, 0)).toBe(
      `bankid.${TOKEN}.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8`,
    );
    expect(animatedQrData(TOKEN, SECRET, 1)).toBe(
      `bankid.${TOKEN}.1.949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2`,
    );
    expect(animatedQrData(TOKEN, SECRET, 10)).toBe(
      `bankid.${TOKEN}.10.2822ca616ce1e64a1c171df69154ebc5adef4011244c867d6ad88a02db178962`,
    );
  });

  it('agrees with an HMAC computed directly with node:crypto for other seconds', () => {
    for (const seconds of [2, 29, 30, 179]) {
      const expected = createHmac('sha256', SECRET).update(`${seconds}`).digest('hex');
      expect(animatedQrData(TOKEN, SECRET, seconds)).toBe(`bankid.${TOKEN}.${seconds}.${expected}`);
    }
  });

  it('uses whole seconds and is pure (same input, same output; a new second, a new code)', () => {
    expect(animatedQrData(TOKEN, SECRET, 1.999)).toBe(animatedQrData(TOKEN, SECRET, 1));
    expect(animatedQrData(TOKEN, SECRET, 5)).toBe(animatedQrData(TOKEN, SECRET, 5));
    expect(animatedQrData(TOKEN, SECRET, 5)).not.toBe(animatedQrData(TOKEN, SECRET, 6));
  });

  it('never puts the secret into the QR data', () => {
    expect(animatedQrData(TOKEN, SECRET, 3)).not.toContain(SECRET);
  });

  it('rejects negative or non-finite seconds', () => {
    expect(() => animatedQrData(TOKEN, SECRET, -1)).toThrow(RangeError);
    expect(() => animatedQrData(TOKEN, SECRET, Number.NaN)).toThrow(RangeError);
  });
});

describe('secondsSince and parseQrData', () => {
  it('counts whole seconds and never goes negative', () => {
    expect(secondsSince(1_000, 1_999)).toBe(0);
    expect(secondsSince(1_000, 3_500)).toBe(2);
    expect(secondsSince(5_000, 1_000)).toBe(0);
  });

  it('round-trips generated QR data and rejects other text', () => {
    const data = animatedQrData(TOKEN, SECRET, 7);
    expect(parseQrData(data)).toEqual({
      qrStartToken: TOKEN,
      seconds: 7,
      qrAuthCode: createHmac('sha256', SECRET).update('7').digest('hex'),
    });
    expect(parseQrData('https://example.com')).toBeUndefined();
    expect(parseQrData(`bankid.${TOKEN}.7.nothex`)).toBeUndefined();
  });
});
