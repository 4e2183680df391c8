import { formatDocument, stringifyDocument } from '@urql/core';
import type { DocumentNode } from 'graphql';
import * as documents from '../gql/graphql';

/**
 * The web client's persisted documents (docs/operations.md, "Persisted queries"): every generated
 * operation in EXACTLY the text urql sends. graphcache adds `__typename` to every selection
 * (`formatDocument`) before the request leaves, and the fetch body is `stringifyDocument`'s
 * print; codegen's own persisted-documents hash is over codegen's print, which urql never sends,
 * so the manifest is built from the same two functions instead.
 */
export function persistedDocumentTexts(): string[] {
  const texts = new Set<string>();
  for (const value of Object.values(documents as Record<string, unknown>)) {
    if (!value || typeof value !== 'object' || (value as DocumentNode).kind !== 'Document') continue;
    texts.add(stringifyDocument(formatDocument(value as DocumentNode)));
  }
  return [...texts].sort();
}

/** `{ sha256(text): text }`, hashed as `@urql/exchange-persisted` hashes (hex of the UTF-8 text). */
export async function buildPersistedManifest(): Promise<Record<string, string>> {
  const manifest: Record<string, string> = {};
  for (const text of persistedDocumentTexts()) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    manifest[[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')] = text;
  }
  return Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
}
