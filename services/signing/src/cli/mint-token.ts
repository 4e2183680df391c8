/**
 * Development only: `npm run -s token -- <personalNumber>` prints a session token for that
 * person on stdout and nothing else, minted by the same code path the log-in uses. The token names
 * the person by id (never by number): a demo person's fixed id, else the access service's answer.
 */
import { mintToken } from '@behorig/kit/auth';
import { DEMO } from '@behorig/kit/demo';
import { parsePersonalNumber } from '@behorig/kit/identity';
import { serviceCredentialsFromEnv } from '@behorig/kit/server';
import { createAccessClient } from '../clients/access.client';
import { loadEnv } from '../env';
import { authorityNumbers, loadSigningKey } from '../modules/keys/signing-key';

async function main() {
  const env = loadEnv();
  if (env.NODE_ENV === 'production') throw new Error('npm run token is a development tool and is refused in production.');
  const input = process.argv[2];
  if (!input) throw new Error('Usage: npm run -s token -- <personalNumber>');
  const { canonical } = parsePersonalNumber(input);
  const authority = authorityNumbers(env).has(canonical);
  let personId: string | null = DEMO.people.find((p) => p.personalNumber === canonical)?.id ?? null;
  if (!personId) {
    const access = createAccessClient({ internalUrl: env.ACCESS_INTERNAL_URL, credentials: await serviceCredentialsFromEnv('signing', env) });
    personId = (await access.personByPersonalNumber(canonical).catch(() => null))?.personId ?? null;
  }
  if (!personId && !authority) throw new Error('No person with that personal number is known (is the access service running?).');
  const key = await loadSigningKey(env);
  const { token } = await mintToken(key, { kind: 'person', personId, authority }, env.TOKEN_TTL_SECONDS);
  process.stdout.write(`${token}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
