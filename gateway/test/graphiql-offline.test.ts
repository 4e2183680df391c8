import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { DEMO } from '@behorig/kit/demo';
import { startSystem, type System } from './support/system';
import { buildGateway } from '../src/server';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
// The machine's Chromium (the web client's browser tests obtain it the same way; see web/e2e/chromium.ts).
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p));

/**
 * The local GraphiQL loads and runs a query with the network cut off: every request that is not
 * to this machine is aborted, as on an offline public-sector network.
 */
describe('GraphiQL at /graphiql works offline', () => {
  let sys: System;
  let context: BrowserContext;
  let profile: string;
  const outside: string[] = [];

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('Chromium is needed: apt-get install -y chromium, or set CHROMIUM_PATH.');
    sys = await startSystem();
    profile = mkdtempSync(join(tmpdir(), 'behorig-graphiql-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (['127.0.0.1', 'localhost', '[::1]'].includes(host)) return route.continue();
      outside.push(route.request().url());
      return route.abort('internetdisconnected');
    });
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await sys?.stop();
  });

  it('loads from the gateway alone and answers a query with a token from the Headers tab', async () => {
    const token = await sys.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const base = sys.gatewayBase.replace('localhost', '127.0.0.1');
    await page.goto(`${base}/graphiql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });

    // Query and headers put into GraphiQL's editors (CodeMirror instances) as a person would paste them.
    const paste = (selector: string, text: string) => page.evaluate(([sel, value]) => {
      // Runs in the page, where `document` exists (this package compiles without the DOM types).
      const el = (globalThis as unknown as { document: { querySelector: (s: string) => unknown } }).document.querySelector(sel) as unknown as { CodeMirror: { setValue: (v: string) => void } } | null;
      if (!el) throw new Error(`no editor at ${sel}`);
      el.CodeMirror.setValue(value);
    }, [selector, text] as const);
    await paste('.graphiql-query-editor .CodeMirror', '{ me { givenName surname } }');
    await page.locator('.graphiql-editor-tools button', { hasText: /^Headers$/ }).click();
    await paste('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ Authorization: `Bearer ${token}` }));
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('givenName'));
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    await page.locator('.result-window').getByText('Arvid').first().waitFor({ timeout: 15_000 });
    const result = await page.locator('.result-window').innerText();
    expect(result).toContain('"givenName": "Arvid"');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 90_000);

  it('is configurable: off by default in production', async () => {
    const prod = await buildGateway({ verify: sys.keys.verify, subgraphUrls: sys.urls, production: true, rateLimits: false });
    try {
      const base = await prod.listen(0, '127.0.0.1');
      expect((await fetch(`${base}/graphiql`)).status).toBe(404);
    } finally {
      await prod.stop();
    }
    const on = await buildGateway({ verify: sys.keys.verify, subgraphUrls: sys.urls, production: true, graphiql: true, rateLimits: false });
    try {
      const base = await on.listen(0, '127.0.0.1');
      const page = await fetch(`${base}/graphiql`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toMatch(/https?:\/\//);
    } finally {
      await on.stop();
    }
  });
});
