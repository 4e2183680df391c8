import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { repoRoot } from '@behorig/kit/db';

/**
 * Persisted documents (docs/operations.md, "Persisted queries"). The web client's manifest,
 * `{ sha256: text }` over exactly the text urql sends (web/src/api/persisted-manifest.ts), is
 * preloaded into the APQ cache, so a hash alone is answered with no first round-trip; other
 * callers keep registering documents with automatic persisted queries as before.
 */
export type PersistedDocumentsMode = 'allow' | 'require-for-web-origin';

export const defaultManifestPath = () => join(repoRoot(), 'web', 'persisted-documents.json');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads a manifest and refuses one whose keys are not the hashes of its texts. */
export function loadPersistedManifest(path: string): Map<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const manifest = new Map<string, string>();
  for (const [hash, text] of Object.entries(raw)) {
    if (typeof text !== 'string' || sha256(text) !== hash) throw new Error(`${path}: ${hash} is not the sha256 of its document.`);
    manifest.set(hash, text);
  }
  return manifest;
}

/** The manifest when the file exists (a checkout, the image); none otherwise. */
export function loadDefaultManifest(path = defaultManifestPath()): Map<string, string> | undefined {
  return existsSync(path) ? loadPersistedManifest(path) : undefined;
}

/**
 * Apollo's APQ cache (keys `apq:<sha256>`) answered from the manifest first, then from an LRU of
 * documents registered at run time. Manifest entries are never evicted or overwritten.
 */
export class ManifestApqCache implements KeyValueCache<string> {
  private readonly registered = new InMemoryLRUCache<string>();
  constructor(private readonly manifest: Map<string, string>) {}
  async get(key: string) {
    return this.manifest.get(key.replace(/^apq:/, '')) ?? this.registered.get(key);
  }
  async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
    if (!this.manifest.has(key.replace(/^apq:/, ''))) await this.registered.set(key, value, options);
  }
  async delete(key: string) {
    return this.registered.delete(key);
  }
}

/**
 * In `require-for-web-origin`, a request whose Origin is the web client's may only run manifest
 * documents: by hash alone, or with the text whose hash is in the manifest. Partner systems send
 * no browser Origin and keep free queries within the limits (docs/operations.md).
 */
export function requirePersistedForWebOrigin(manifest: Map<string, string>, webOrigins: string[]) {
  const origins = new Set(webOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!origin || !origins.has(origin) || req.method !== 'POST') return next();
    const body = (req.body ?? {}) as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    const known = typeof body.query === 'string'
      ? manifest.has(sha256(body.query)) && (hash === undefined || hash === sha256(body.query))
      : typeof hash === 'string' && manifest.has(hash);
    if (known) return next();
    res.status(403).json({
      errors: [{
        message: 'The web client may only run its own persisted documents.',
        extensions: { code: 'FORBIDDEN', reason: 'PERSISTED_DOCUMENT_REQUIRED' },
      }],
    });
  };
}
