/**
 * `npm run -s verify-export -- export.jsonl --jwks jwks.json` — verifies an audit export offline
 * with nothing but the signing service's published keys (R-AUDIT-4, docs/evidence.md). Prints one
 * line and exits 0 when everything verifies, 1 naming the first broken line, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { verifyExport } from '../modules/audit/rules/export-verification';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--jwks');
  const jwksPath = at >= 0 ? args[at + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!file || !jwksPath) {
    process.stderr.write('Usage: npm run -s verify-export -- <export.jsonl> --jwks <jwks.json>\n');
    return 2;
  }
  const jwks = JSON.parse(readFileSync(jwksPath, 'utf8'));
  const result = await verifyExport(readFileSync(file, 'utf8'), jwks);
  process.stdout.write(`${result.ok ? '' : 'BROKEN: '}${result.message}\n`);
  return result.ok ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
