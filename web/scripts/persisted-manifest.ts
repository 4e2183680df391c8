// Writes web/persisted-documents.json, the manifest the gateway preloads (docs/operations.md).
// Run after `npm run codegen` (the codegen script does both).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPersistedManifest } from '../src/api/persisted-manifest';

const target = fileURLToPath(new URL('../persisted-documents.json', import.meta.url));
const manifest = await buildPersistedManifest();
writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${target} (${Object.keys(manifest).length} documents)\n`);
