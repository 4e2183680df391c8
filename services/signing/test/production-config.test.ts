import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '../src/env';

const base = { NODE_ENV: 'production', SIGNING_PRIVATE_JWK: '{"kty":"EC"}', SERVICE_PRIVATE_JWK: '{"kty":"EC"}', SERVICE_PUBLIC_KEYS: '{}', PERSONAL_NUMBER_KEY: Buffer.alloc(32, 7).toString('base64') } as NodeJS.ProcessEnv;
const bankId = { BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0/', BANKID_CA_FILE: '/run/secrets/ca.pem', BANKID_PFX_FILE: '/run/secrets/rp.p12', BANKID_PASSPHRASE: 'x' };

describe('safe production defaults: BankID environment and authority are configured explicitly', () => {
  it('production without them refuses to start, naming every missing variable', () => {
    expect(() => loadEnv({ ...base })).toThrow(/AUTHORITY_PERSONAL_NUMBERS[\s\S]*BANKID_URL[\s\S]*BANKID_CA_FILE[\s\S]*BANKID_PFX_FILE/);
  });

  it('production without an authority list refuses, even with BankID configured (the demo number is no default)', () => {
    expect(() => loadEnv({ ...base, ...bankId })).toThrow(/AUTHORITY_PERSONAL_NUMBERS/);
  });

  it('production without a relying-party certificate refuses', () => {
    const { BANKID_PFX_FILE: _pfx, ...noCert } = bankId;
    expect(() => loadEnv({ ...base, ...noCert, AUTHORITY_PERSONAL_NUMBERS: '195001011234' })).toThrow(/BANKID_PFX_FILE or BANKID_CLIENT_CERT_FILE/);
  });

  it('production with everything explicit starts with exactly that configuration', () => {
    const env = loadEnv({ ...base, ...bankId, AUTHORITY_PERSONAL_NUMBERS: '195001011234' });
    expect(env.AUTHORITY_PERSONAL_NUMBERS).toBe('195001011234');
    expect(env.BANKID_URL).toBe(bankId.BANKID_URL);
    expect(env.BANKID_CA_FILE).toBe(bankId.BANKID_CA_FILE);
  });

  it('development keeps its conveniences: the simulator and the demo authority', () => {
    const env = loadEnv({ NODE_ENV: 'development' });
    expect(env.BANKID_URL).toBe('https://localhost:4010/rp/v6.0/');
    expect(env.AUTHORITY_PERSONAL_NUMBERS).toBe('191212121212');
  });

  it('docker-compose (production by default) gives no demo value as a default: it requires them', () => {
    const compose = readFileSync(join(__dirname, '..', '..', '..', 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/AUTHORITY_PERSONAL_NUMBERS: \$\{AUTHORITY_PERSONAL_NUMBERS:\?/);
    expect(compose).toMatch(/BANKID_URL: \$\{BANKID_URL:\?/);
    expect(compose).not.toMatch(/191212121212|qwerty123|appapi2\.test\.bankid\.com/);
  });
});

describe('R-AUTH-4: no default service credential', () => {
  it('production without its service key or the other services\' public keys refuses to start, naming them', () => {
    const full: NodeJS.ProcessEnv = { ...base, ...bankId, AUTHORITY_PERSONAL_NUMBERS: '195001011234' };
    const { SERVICE_PRIVATE_JWK: _k, SERVICE_PUBLIC_KEYS: _p, ...none } = full;
    expect(() => loadEnv(none)).toThrow(/SERVICE_PRIVATE_JWK and SERVICE_PUBLIC_KEYS must be set in production/);
    expect(() => loadEnv({ ...none, INTERNAL_SECRET: 'a-real-secret-of-enough-length' })).toThrow(/SERVICE_PRIVATE_JWK and SERVICE_PUBLIC_KEYS/);
  });
});
