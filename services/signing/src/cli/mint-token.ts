/**
 * Development only: `npm run -s token -- <personalNumber>` prints a session token for that
 * person on stdout and nothing else, minted by the same code path the log-in uses.
 */
import { mintToken, parsePersonalNumber } from '@behorig/kit';
import { loadEnv } from '../env';
import { authorityNumbers, loadSigningKey } from '../signing-key';

async function main() {
  const env = loadEnv();
  if (env.NODE_ENV === 'production') throw new Error('npm run token is a development tool and is refused in production.');
  const input = process.argv[2];
  if (!input) throw new Error('Usage: npm run -s token -- <personalNumber>');
  const { canonical } = parsePersonalNumber(input);
  const key = await loadSigningKey(env);
  const { token } = await mintToken(key, { kind: 'person', personalNumber: canonical, authority: authorityNumbers(env).has(canonical) }, env.TOKEN_TTL_SECONDS);
  process.stdout.write(`${token}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
